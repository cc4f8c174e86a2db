/**
 * The Chinese words of the plan report and summary.md (see {@link ReportMessages}).
 * @module
 */
import type { ReportMessages } from "./report.ts";

/** The report words in Chinese. */
export const REPORT_ZH: ReportMessages = {
  title: "学校布局规划",
  generatedBy: "由 school-layout 生成。",
  sections: {
    headline: "规划概要",
    maps: "地图",
    reasons: "无可行规划的原因",
    tradeoff: "成本与平均路程的权衡",
    costs: "年度成本（元/年）",
    access: "可达性：各学段单程时间",
    equity: "就学公平",
    schools: "学校：各学段学位与利用率",
    actions: "调整措施",
    smallSchools: "规划中的小规模学校",
    splitSettlements: "分流的居民点",
    schoolTable: "逐校明细",
    townships: "各乡镇",
    balance: "优质均衡（教督〔2017〕6号）",
    violations: "违反规范的情况",
    rules: "适用规则",
    sources: "数据、来源与假设",
  },
  status: ({ status, hasPlan, objective, gap, heuristic }) => {
    const what = objective === "cost" ? "年度成本最低" : "平均单程时间最短";
    const within = gap === null ? "尚无证明的下界，无法说明与最优解的差距（未证明最优）" : `求解器证明其与最优解的差距不超过 ${gap}（未证明最优）`;
    const fromHeuristic = heuristic ? "该方案来自启发式算法（构造与局部搜索）：求解器在限定时间内未找到更好的方案。" : "";
    switch (status) {
      case "optimal":
        return `最优：求解器已证明该方案在全部规则下${what}（差距为 0）。`;
      case "feasible":
        return `可行方案（已找到的最好方案）：${within}。${fromHeuristic}`;
      case "timeLimit":
        return hasPlan ? `达到时间上限，已有方案：${within}。${fromHeuristic}` : "达到时间上限，尚未找到方案：请延长时间上限。";
      case "aborted":
        return hasPlan ? `已中断，已有方案：${within}。${fromHeuristic}` : "已中断，尚未找到方案。";
      case "infeasible":
        return "没有满足全部规则的方案。下文列出原因及数字。";
      case "unbounded":
        return "无界：模型有误（目标可无限改进），无方案。";
    }
  },
  objective: (kind, value, bound) =>
    kind === "cost" ? `目标：年度成本最低，${value} 元/年${bound === null ? "" : `（已证明的下界 ${bound}）`}。` : `目标：平均单程时间最短，${value} 分钟${bound === null ? "" : `（已证明的下界 ${bound}）`}。`,
  solvedBy: (solver, seconds, variables, constraints, nodes) => `由 ${solver} 求解，用时 ${seconds} 秒（${variables} 个变量，${constraints} 个约束${nodes === null ? "" : `，${nodes} 个分支节点`}）。`,
  notEvaluated: (reason) => `部分指标无法计算，因为方案中有非数值：${reason}。`,
  noSolve: (seconds) => `无需求解（${seconds} 秒）：求解前已发现规则无法满足。`,
  headline: {
    figure: "指标",
    plan: "规划",
    statusQuo: "现状",
    change: "变化",
    cost: "年度成本（元/年）",
    meanTrip: "平均单程时间（分钟）",
    openSchools: "开办学校数",
    closed: "撤并学校数",
    built: "新建学校数",
    expanded: "扩建学校数",
    boarders: "寄宿生",
    smallSchools: "小规模学校（不足100人）",
    gap: "规划的已证明差距",
    violations: "违反规范处数",
  },
  costItems: {
    schools: "学校运行",
    newSchools: "新建学校（年化）",
    closures: "撤并",
    classes: "班级",
    classrooms: "新增教室（年化）",
    beds: "新增床位（年化）",
    boarders: "寄宿生",
    transport: "交通（时间价值与车费）",
    total: "合计",
  },
  costs: {
    item: "项目",
    note: "现状指现有学校保持不变、各居民点各学段就读最近的现有学校（走读在走读时间上限内，允许寄宿的学段超出上限则寄宿），按规划的同一口径计分，但不新增教室和床位：班数多于教室、寄宿生多于床位的学校记为超容（见下文规范违反），不计建设费用。除规划另行给定外，成本参数为示意性默认值。",
  },
  access: {
    level: "学段",
    layout: "方案",
    pupils: "学生",
    mean: "平均（分钟）",
    median: "中位数（分钟）",
    p90: "90百分位（分钟）",
    max: "最长（分钟）",
    dayLimit: "走读上限（分钟）",
    withinLimit: "在上限内",
    boarders: "寄宿生",
    boarderTrip: "寄宿生每周单程，平均（分钟）",
    unassigned: "无学可上",
    note: "按学生人数加权的单程时间：走读生为每日单程，寄宿生为每周单程。90百分位指至少 90% 的学生不超过的最短时间。“在上限内”：走读生在走读上限内、寄宿生在每周上限内。",
    township: "乡镇",
    townshipNote: "各乡镇各学段的平均单程时间：规划（括号内为现状），单位分钟。",
    noLimit: "无",
  },
  equity: {
    gini: "单程时间的基尼系数",
    theil: "单程时间的泰尔指数",
    all: "全部学段",
    note: "按学生加权的单程时间不平等程度（0 表示每名学生路程相同；基尼系数不超过 1）。来源：Gini（1912）；Theil（1967）；参见 Cowell《Measuring Inequality》（2011）。",
  },
  schools: {
    level: "学段",
    open: "开办学校",
    seats: "学位",
    pupils: "学生",
    empty: "空余学位",
    utilization: "利用率",
    spread: "利用率（最低–最高）",
    perClass: "平均班额",
    overNorm: "超出班额标准的学校",
    note: "学位 = 整班数 × 该学段班额（GB 50099-2011 第3.0.1条；教学点每班 30 人）。",
  },
  actions: {
    summary: (open, kept, expanded, closed, built) => `开办学校 ${open} 所：保留现有学校 ${kept} 所（其中扩建 ${expanded} 所），撤并 ${closed} 所，新建 ${built} 所。`,
    classrooms: (count) => `新增教室 ${count} 间`,
    beds: (count) => `新增床位 ${count} 张`,
    none: "学校无调整。",
  },
  smallSchools: {
    none: (threshold) => `无：每所开办学校的学生均不少于 ${threshold} 人。`,
    intro: (threshold) => `学生不足 ${threshold} 人的开办学校（国办发〔2018〕27号）：因 1–3 年级学生须在走读时间上限内就学而保留或新建，或规则允许保留。`,
  },
  splitSettlements: {
    intro: (threshold) => `某学段学生超过 ${threshold} 人、或超过其可就读的任何一所学校容量的居民点，可分流到多所学校：按每份不超过一个班分份，每校接收整份，学校数不超过表中上限，就近优先（本工具的规则，非国家规范）。`,
    settlement: "居民点",
    level: "学段",
    pupils: "学生（人）",
    parts: "份数（每份人数）",
    maxShares: "学校数上限",
    shares: "学校：份数，单程分钟",
  },
  schoolTable: {
    id: "编号",
    name: "名称",
    type: "类型",
    tier: "层级",
    township: "乡镇",
    action: "措施",
    pupils: "学生",
    classes: "班数",
    boarders: "寄宿生",
    beds: "床位",
    utilization: "利用率",
    note: "列出规划保留、新建或撤并的每所学校；未建的备选校址不列。",
  },
  townshipTable: {
    township: "乡镇",
    settlements: "居民点",
    pupils: "学生",
    open: "开办学校",
    closed: "撤并",
    built: "新建",
    meanTrip: "平均单程（分钟）",
    statusQuoTrip: "现状平均单程（分钟）",
    none: "（无乡镇）",
  },
  balance: {
    intro:
      "县域义务教育优质均衡发展督导评估办法（教督〔2017〕6号）的资源配置部分：每校七项指标对照小学／初中标准，至少六项达标为合格；各项指标的校际差异系数（附件2，按学生数加权）小学不高于 0.50、初中不高于 0.45。不足 50 名学生的教学点不参与计算。学校资源随学校不变；规划改变的是其服务的学生。",
    missing: "学校未提供资源总量（qualifiedTeachers、backboneTeachers、peArtTeachers、teachingFloorM2、sportsGroundM2、equipmentYuan、multimediaClassrooms），无法计算均衡指标。",
    stage: { primary: "小学（1–6年级）", junior: "初中（7–9年级）" },
    indicator: "指标",
    threshold: "标准",
    countyValue: "全县值（规划）",
    cvStatusQuo: "差异系数（现状）",
    cvPlan: "差异系数（规划）",
    limit: "差异系数上限",
    schoolsMeeting: "达标学校（规划）",
    pass: "达标",
    fail: "未达标",
    unknown: "未知",
    stageResult: (stage, layout, counted, passing, result) => `${stage}，${layout}：参与计算的 ${counted} 所学校中 ${passing} 所至少六项指标达标；总体：${result}。`,
  },
  violations: {
    rule: "规则",
    cases: "处数",
    example: "最突出一例",
    noneStatusQuo: "无：现有布局满足全部规则。",
    nonePlan: "无：规划满足全部规则（经 checkPlan 独立核验）。",
    statusQuoHeading: "现状",
    planHeading: "规划",
  },
  rules: {
    intro: "本规划实际采用的数值：除规划另行覆盖外，均为本库 CHINA_NORMS 中的国家规范（每项附来源）。",
    level: "学段",
    dayLimit: "走读时间上限（分钟）",
    boardingLimit: "寄宿生每周单程上限（分钟）",
    mayBoard: "可否寄宿",
    classSize: "班额",
    noLimit: "无上限",
    items: {
      boardingFrom: (grade, teachingPointClass) => `${grade} 年级起可寄宿（国办发〔2018〕27号）；教学点每班 ${teachingPointClass} 人。`,
      maxSize: (list) => `学校规模上限（教督〔2017〕6号）：${list}。`,
      minimum: (list) => (list === null ? "无最低在校生数要求。" : `非保护开办学校的最低在校生数：${list}。`),
      small: (threshold) => `学生不足 ${threshold} 人的学校为小规模学校（国办发〔2018〕27号）。`,
      threeSchools: (on, beds) => `乡镇“三所学校”：${on ? `适用（每个乡镇保留一所中心幼儿园、一所中心小学和一所床位不少于 ${beds} 张的公办寄宿制学校）` : "不适用"}。`,
      catchments: (on, split) => `学区（每个居民点每学段只上一所学校）：${on ? `适用；某学段学生超过 ${split} 人的居民点可分流` : "不适用"}。`,
      wholeClasses: (on) => `整班编班：${on ? "是" : "否（按小数班计算：用于初筛的松弛）"}。`,
      limits: (budget, closures, meanTravel) => `预算：${budget === null ? "无" : `${budget} 元/年`}；最多撤并：${closures ?? "不限"}；平均路程上限：${meanTravel === null ? "无" : `${meanTravel} 分钟`}。`,
    },
  },
  tradeoff: {
    intro: "每个点是平均单程时间不超过该上限时成本最低的方案（ε-约束法），从路程最短的方案到成本最低的方案。",
    limit: "平均路程上限（分钟）",
    cost: "成本（元/年）",
    travel: "平均路程（分钟）",
    open: "开办学校",
    standing: "求解情况",
    optimal: "已证明成本最低",
    gap: (gap) => `已找到的最好方案，差距 ${gap}`,
    noBound: "已找到的最好方案，无下界",
    noPlan: "未找到方案",
    chartTitle: "年度成本与平均单程时间",
    xAxis: "平均单程时间（分钟）",
    yAxis: "年度成本（百万元）",
  },
  sources: {
    travel: (basis) => `出行时间：${basis}。`,
    straightLine: "这些是按假定速度和绕行系数估算的直线距离时间，而非道路出行时间。",
    costs: "成本参数（每校、每班、每名寄宿生的年度费用，年化建设费用，学生出行时间价值）除规划另行给定外为本库的示意性默认值：请以本县数据替换。",
    norms: "规范：CHINA_NORMS（GB 50099-2011、建标109-2008、国办发〔2012〕48号、国办发〔2018〕27号、教督〔2017〕6号、校车安全管理条例），每项附来源与核实程度；覆盖项见上文适用规则。",
    withinArea: "居民点代表一片区域：与学校同在一个居民点的学生仍有路程，按与居民点面积相同的圆内平均路程（半径的 2/3）计算。",
    notes: "说明",
    data: "数据",
  },
  maps: {
    plan: "规划：学校按措施区分，居民点大小表示学生数，分配线颜色表示学段。",
    statusQuo: "现状与规划并列。",
    travel: "出行：居民点颜色表示其学生的平均单程时间。",
    level: (level) => `分学段地图：${level}。`,
  },
};
