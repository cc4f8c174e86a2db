/**
 * The words of the multi-year plan report ({@link multiYearReportDocument}): sections, table headers, each
 * school's change in a plan year, and the sentences of the status, the objective and the method, in Chinese and
 * English; a section of the message catalogue ({@link messagesFor}).
 * @module
 */
import type { SolveStatus } from "../../solution.ts";
import type { YearChange } from "../../plan/years/yearResult.ts";
import type { Language } from "./common.ts";

/** What the status sentence of a multi-year plan says. */
export interface YearStatusWords {
  /** How the solve ended. */
  readonly status: SolveStatus;
  /** Whether there is a plan. */
  readonly hasPlan: boolean;
  /** The proven gap, formatted ("2.1 %"), or null without a bound. */
  readonly gap: string | null;
  /** `expected` (the expected discounted cost) or `maxRegret` (the worst scenario's regret). */
  readonly criterion: "expected" | "maxRegret";
}

/** The multi-year report's words in one language. */
export interface YearReportMessages {
  /** The default title. */
  readonly title: string;
  /** Section headings. */
  readonly sections: {
    readonly overview: string;
    readonly projection: string;
    readonly schedule: string;
    readonly use: string;
    readonly year: (year: number) => string;
    readonly rules: string;
    readonly sources: string;
  };
  /** The status sentence. */
  readonly status: (words: YearStatusWords) => string;
  /** The objective, its bound (null: none) and what it is. */
  readonly objective: (kind: "cost" | "travel", criterion: "expected" | "maxRegret", value: string, bound: string | null) => string;
  /** How it was solved: `joint` or `byScenario`, with the seconds. */
  readonly method: (method: "joint" | "byScenario", seconds: string) => string;
  /** Why there is no plan (the first reason), or null. */
  readonly noPlan: string;
  /** Each school's change in a plan year. */
  readonly changes: Readonly<Record<YearChange, string>>;
  /** Table headers (a trailing # marks a number column). */
  readonly headers: {
    readonly planYear: string;
    readonly calendarYears: string;
    readonly weight: string;
    readonly scenario: string;
    readonly probability: string;
    readonly year: string;
    readonly school: string;
    readonly existing: string;
    readonly pupils: string;
    readonly openSchools: string;
    readonly utilization: string;
    readonly emptySeats: string;
    readonly classroomUse: string;
    readonly emptyClassrooms: string;
    readonly smallSchools: string;
    readonly meanTrip: string;
    readonly cost: string;
    readonly rulesBroken: string;
    readonly regret: string;
    readonly value: string;
    readonly reference: string;
    readonly referenceBound: string;
  };
  /** Table captions. */
  readonly captions: {
    readonly years: string;
    readonly scenarios: string;
    readonly projection: string;
    readonly schedule: string;
    readonly plan: (year: number) => string;
    readonly today: (year: number) => string;
    readonly regret: string;
  };
  /** A plan year's span: "2025–2029" and its weight. */
  readonly span: (first: number, last: number, weight: string) => string;
  /** The year's changes: which schools close, are built, are expanded (names joined), or that nothing changes. */
  readonly yearChanges: (close: string, build: string, expand: string) => string;
  /** Small schools newly below the line under a scenario (names), with the line. */
  readonly newlySmall: (scenario: string, names: string, line: string) => string;
  /** Small schools the plan opens this year under a scenario (names), with the line. */
  readonly openedSmall: (scenario: string, names: string, line: string) => string;
  /** Schools overcrowded under a scenario (names). */
  readonly overcrowded: (scenario: string, names: string) => string;
  /** The count of schools changing in the schedule, and that the table lists only those. */
  readonly scheduleNote: (changing: number, total: number) => string;
  /** No rule broken in any year or scenario (checked independently). */
  readonly noViolations: string;
  /** Rules broken: count. */
  readonly violations: (count: number) => string;
  /** The fixed assumptions: discount rate (formatted) and its source, the status quo's meaning, and (when the pupils are projected) the projection. */
  readonly assumptions: (rate: string, source: string, projected: boolean) => readonly string[];
  /** Solved by scenario: a year's figures may be above that year's own optimum. */
  readonly byScenarioCaveat: string;
  /** "every scenario", in the lists of small schools. */
  readonly everyScenario: string;
  /** What regret means here. */
  readonly regretNote: string;
  /** A plan year's map: title and caption, under a scenario (its name). */
  readonly mapTitle: (year: number, scenario: string) => string;
  /** The caption of a plan year's map. */
  readonly mapCaption: (year: number, scenario: string) => string;
}

/** The report words by language. */
export const YEAR_REPORT_MESSAGES: Readonly<Record<Language, YearReportMessages>> = {
  zh: {
    title: "多年度学校布局规划",
    sections: { overview: "规划年份与情景", projection: "学龄人口预测", schedule: "各校何时撤并、扩建或新建", use: "各年学位与教室使用", year: (year) => `${year}年`, rules: "逐年核查", sources: "数据、来源与假定" },
    status: ({ status, hasPlan, gap, criterion }) => {
      const what = criterion === "expected" ? "各年各情景折现费用期望值" : "各情景最大后悔值";
      if (!hasPlan) return status === "infeasible" ? "没有一个方案能在每个规划年份、每个情景下都满足规则。" : "在时限内没有找到在每个年份、每个情景下都满足规则的方案。";
      if (status === "optimal") return `本方案以${what}为目标，已证明为最优。`;
      return gap === null ? `本方案是找到的最好方案（以${what}为目标），未证明最优，也没有下界。` : `本方案是找到的最好方案（以${what}为目标），未证明最优：与已证明的下界相差不超过 ${gap}。`;
    },
    objective: (kind, criterion, value, bound) => {
      const what = criterion === "maxRegret" ? (kind === "cost" ? "最大后悔值（元，折现）" : "最大后悔值（分钟）") : kind === "cost" ? "折现费用期望值（元）" : "平均单程期望值（分钟）";
      return `${what}：${value}${bound === null ? "" : `；下界 ${bound}`}。`;
    },
    method: (method, seconds) =>
      method === "joint"
        ? `求解方式：所有年份与情景合为一个混合整数规划（HiGHS），用时 ${seconds} 秒。`
        : `求解方式：逐情景求解（各情景各自的多年度规划给出已证明的“等待观察”下界），再把各情景的布局在每个情景下试算，取满足全部规则的最好者；用时 ${seconds} 秒。`,
    noPlan: "无方案的原因",
    changes: { keep: "保留", expand: "扩建", close: "撤并", closed: "已撤并", build: "新建", "not built": "不建" },
    headers: {
      planYear: "规划年份", calendarYears: "代表年份", weight: "折现权重#", scenario: "情景", probability: "概率#", year: "年份#", school: "学校", existing: "现有",
      pupils: "学生数#", openSchools: "开办学校#", utilization: "学位使用率#", emptySeats: "空余学位#", classroomUse: "教室使用率#", emptyClassrooms: "空置教室#",
      smallSchools: "小规模学校#", meanTrip: "平均单程（分钟）#", cost: "年度费用（元）#", rulesBroken: "违反规则#", regret: "后悔值#", value: "本方案在该情景下#", reference: "该情景单独规划的最好方案#", referenceBound: "其下界#",
    },
    captions: {
      years: "规划年份、所代表的年份与折现权重", scenarios: "情景与概率", projection: "分学段学生数（预测，全县合计）", schedule: "有变化的学校：各规划年份的动作",
      plan: (year) => `${year}年：本方案`, today: (year) => `${year}年：现状布局承接同样的学生`, regret: "各情景的后悔值：本方案在该情景下的折现值减去只为该情景规划的最好方案的折现值",
    },
    span: (first, last, weight) => `代表 ${first === last ? `${first}年` : `${first}—${last}年`}（折现权重 ${weight}）。`,
    yearChanges: (close, build, expand) => (close === "" && build === "" && expand === "" ? "本年没有学校撤并、新建或扩建。" : [close === "" ? "" : `撤并：${close}。`, build === "" ? "" : `新建：${build}。`, expand === "" ? "" : `扩建：${expand}。`].join("")),
    newlySmall: (scenario, names, line) => `${scenario}：由不小于小规模学校线降到线以下（不足 ${line} 人）的学校：${names}。`,
    openedSmall: (scenario, names, line) => `${scenario}：本年新开办的小规模学校（不足 ${line} 人）：${names}。`,
    overcrowded: (scenario, names) => `${scenario}：班级多于教室或寄宿生多于床位的学校：${names}。`,
    scheduleNote: (changing, total) => `${total} 所学校中有 ${changing} 所在规划期内撤并、扩建或新建；其余保持现状或不建。`,
    noViolations: "逐年逐情景独立核查：没有学校在撤并后重开，新建的学校和增加的教室、床位都保留，撤并的学校只在接收其学生的学校已开办时撤并（先建后撤，国办发〔2012〕48号），每年每个情景都满足规划规则。",
    violations: (count) => `独立核查发现 ${count} 处违反规则：`,
    assumptions: (rate, source, projected) => [
      `较晚年份的费用按每年 ${rate} 折现（${source}）；每个规划年份代表从该年到下一个规划年份之前的各年。`,
      "“现状布局”指今天的所有现有学校按现有规模开办、学生就近入学，用来对比同样学生下不调整布局的结果。",
      ...(projected ? ["学龄人口是预测而非统计数据：按2020年人口普查、出生数和假定的情景推算；情景是假定，不是预报。"] : []),
    ],
    byScenarioCaveat: "逐情景求解时，各年各情景的学生安排是在共同布局下分别求解的：某一年的费用可能高于该年单独规划的最优值，这一部分已计入上面的差距。",
    everyScenario: "各情景",
    regretNote: "后悔值：某情景下本方案的折现费用，减去只为该情景规划时找到的最好方案的费用（后者若未证明最优，真实后悔值可能更大，至多大出该方案与其下界之差）。",
    mapTitle: (year, scenario) => `${year}年学校布局（${scenario}）`,
    mapCaption: (year, scenario) => `${year}年（${scenario}）：各校相对今天的动作与学生的就学安排`,
  },
  en: {
    title: "Multi-year school plan",
    sections: { overview: "Plan years and scenarios", projection: "Projected school-age population", schedule: "When each school closes, expands or is built", use: "Seats and classrooms over the years", year: (year) => String(year), rules: "Checked year by year", sources: "Data, sources and assumptions" },
    status: ({ status, hasPlan, gap, criterion }) => {
      const what = criterion === "expected" ? "the expected discounted cost over every plan year and scenario" : "the worst scenario's regret";
      if (!hasPlan) return status === "infeasible" ? "No plan meets the rules in every plan year and scenario." : "No plan meeting the rules in every year and scenario was found within the time limit.";
      if (status === "optimal") return `This plan is proven optimal for ${what}.`;
      return gap === null ? `This is the best plan found for ${what}; it is not proven optimal and has no bound.` : `This is the best plan found for ${what}; it is not proven optimal, but is proven within ${gap} of the optimum.`;
    },
    objective: (kind, criterion, value, bound) => {
      const what = criterion === "maxRegret" ? (kind === "cost" ? "Largest regret (yuan, discounted)" : "Largest regret (minutes)") : kind === "cost" ? "Expected discounted cost (yuan)" : "Expected mean trip (minutes)";
      return `${what}: ${value}${bound === null ? "" : `; bound ${bound}`}.`;
    },
    method: (method, seconds) =>
      method === "joint"
        ? `Solved as one mixed-integer program over every year and scenario (HiGHS) in ${seconds} s.`
        : `Solved scenario by scenario (each scenario's own multi-year plan gives a proven wait-and-see bound), then each scenario's layout tried under every scenario, keeping the best that meets every rule; ${seconds} s.`,
    noPlan: "Why there is no plan",
    changes: { keep: "keep", expand: "expand", close: "close", closed: "closed", build: "build", "not built": "not built" },
    headers: {
      planYear: "plan year", calendarYears: "stands for", weight: "discounted weight#", scenario: "scenario", probability: "probability#", year: "year#", school: "school", existing: "existing",
      pupils: "pupils#", openSchools: "open schools#", utilization: "seats used#", emptySeats: "empty seats#", classroomUse: "classrooms used#", emptyClassrooms: "empty classrooms#",
      smallSchools: "small schools#", meanTrip: "mean trip (min)#", cost: "annual cost (yuan)#", rulesBroken: "rules broken#", regret: "regret#", value: "this plan under it#", reference: "its own best plan#", referenceBound: "its bound#",
    },
    captions: {
      years: "Plan years, the years each stands for and its discounted weight", scenarios: "Scenarios and their probabilities", projection: "Pupils by level (projected, county total)", schedule: "The schools that change: their action in each plan year",
      plan: (year) => `${year}: this plan`, today: (year) => `${year}: today's layout taking the same pupils`, regret: "Regret per scenario: this plan's discounted value under it less that of the best plan found for it alone",
    },
    span: (first, last, weight) => `Stands for ${first === last ? String(first) : `${first}–${last}`} (discounted weight ${weight}).`,
    yearChanges: (close, build, expand) => (close === "" && build === "" && expand === "" ? "No school closes, is built or expands this year." : [close === "" ? "" : `Close: ${close}. `, build === "" ? "" : `Build: ${build}. `, expand === "" ? "" : `Expand: ${expand}.`].join("").trim()),
    newlySmall: (scenario, names, line) => `${scenario}: fallen below the small-school line (now fewer than ${line} pupils): ${names}.`,
    openedSmall: (scenario, names, line) => `${scenario}: small schools (fewer than ${line} pupils) the plan opens this year: ${names}.`,
    overcrowded: (scenario, names) => `${scenario}: more classes than classrooms or more boarders than beds: ${names}.`,
    scheduleNote: (changing, total) => `${changing} of the ${total} schools ${changing === 1 ? "closes, expands or is" : "close, expand or are"} built over the plan years; the others stay as they are or are not built.`,
    noViolations: "Checked independently year by year and scenario by scenario: no school reopens after closing, built schools and added classrooms and beds stay, a school closes only when the schools taking its pupils are open that year (build before close, 国办发〔2012〕48号), and every year's plan meets the rules under every scenario.",
    violations: (count) => `The independent check found ${count} broken rule(s):`,
    assumptions: (rate, source, projected) => [
      `Later costs are discounted at ${rate} a year (${source}); each plan year stands for the years from it to the one before the next plan year.`,
      "Today's layout is every existing school as built today with each pupil at the nearest school: what the same pupils would find if nothing changed.",
      ...(projected ? ["The school-age population is a projection, not data: from the 2020 census, births and assumed scenarios; the scenarios are assumptions, not forecasts."] : []),
    ],
    byScenarioCaveat: "Solved by scenario, each year and scenario's pupils are placed on their own under the shared layout: a year's cost can be above that year's own optimum, which the gap above includes.",
    everyScenario: "Every scenario",
    regretNote: "Regret: this plan's discounted cost under a scenario less the cost of the best plan found for that scenario alone (where that plan is not proven optimal, the true regret may be larger, by at most that plan's distance from its bound).",
    mapTitle: (year, scenario) => `Schools in ${year} (${scenario})`,
    mapCaption: (year, scenario) => `${year}, ${scenario}: each school's action against today and where pupils go`,
  },
};
