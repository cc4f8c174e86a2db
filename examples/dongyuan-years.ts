/**
 * 东源县 2025–2035 under three scenarios (`npx tsx examples/dongyuan-years.ts [out-folder] [seconds]`): the
 * school-age population projected from the 2020 census (low, medium, high: school-layout's assumptions, not
 * forecasts), then one school plan for 2025, 2030 and 2035 that meets the norms in every year and scenario, and
 * when each school closes, expands or is built.
 *
 * The settlements' 2020 pupils are an allocation of the county's census cohorts and the schools are illustrative
 * (see examples/demo.ts and data/README.md); the pupils of each plan year are those moved per level by the
 * county's projection. Writes into the folder (default out/years/): projection.json and projection.csv (the
 * county, 2020–2035), plan.json (per year and scenario the schools and figures), schedule.csv, years.csv, and the
 * charts enrolment.svg/.png (pupils by level and year per scenario) and classrooms.svg/.png (classrooms in use per
 * plan year, the plan against today's layout) and schools.svg/.png (the 12 largest schools' utilization by plan
 * year and scenario), each also in English (*.en.svg, *.en.png); and the report, report.html in Chinese and
 * report.en.html in English: the projection, when each school closes, expands or is built, and a section per plan
 * year with its figures under the three scenarios against today's layout and its map.
 * @module
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  demandFromProjection, guangdongCensusUnit, multiYearPlanToJson, planSchoolsOverYears, projectCounty, projectionFile, projectionTable,
  classroomUseChartSvg, enrolmentChartSvg, multiYearReportHtml, projectionTotals, schoolUseChartSvg, SCENARIOS, scheduleTable, tableToCsv, yearMapFigures, yearsTable,
} from "../src/index.ts";
import { svgToPng } from "../src/render/png.node.ts";
import { DONGYUAN_PLAN_RULES, dongyuanSystem } from "./dongyuan/system.ts";

const out = process.argv[2] ?? "out/years";
const seconds = Number(process.argv[3] ?? 300);
await mkdir(out, { recursive: true });
const { geo, sites } = await dongyuanSystem();
const { system } = geo;

// The projection: 东源县 as one place, every year 2020–2035, three scenarios.
const scenarios = [SCENARIOS.low, SCENARIOS.medium, SCENARIOS.high];
const years = Array.from({ length: 16 }, (_, k) => 2020 + k);
const projection = projectCounty(guangdongCensusUnit("441625"), { years, scenarios });
const file = projectionFile(projection);
await writeFile(join(out, "projection.json"), `${JSON.stringify(file, null, 1)}\n`);
await writeFile(join(out, "projection.csv"), tableToCsv(projectionTable(file)));
console.log(`projection of 东源县 (441625), pupils by level (${projection.birthsRule.slice(0, 40)}…):`);
for (const row of projectionTotals(projection)) {
  if (row.year % 5 !== 0) continue;
  const e = row.enrolment;
  console.log(`  ${row.scenario.padEnd(6)} ${row.year}: kindergarten ${Math.round(e.kindergarten)}, grades 1-3 ${Math.round(e.primary1to3)}, grades 4-6 ${Math.round(e.primary4to6)}, junior ${Math.round(e.junior)}`);
}

// The plan: 2025, 2030, 2035 under the three scenarios (equally likely), from the settlements' 2020 pupils.
const planYears = [2025, 2030, 2035];
const ids = scenarios.map((s) => s.id);
const demand = demandFromProjection(system, projection.rows, { years: planYears, scenarios: ids, baseYear: 2020 });
const plan = await planSchoolsOverYears(system, {
  ...DONGYUAN_PLAN_RULES,
  years: planYears,
  scenarios: ids.map((id) => ({ id })),
  demand,
  timeLimitSeconds: seconds,
  mipRelativeGap: 0.02,
});
if (plan.violations.length > 0) throw new Error(`the plan failed its independent check: ${plan.violations.slice(0, 5).map((v) => v.message).join("; ")}`);
const note = "each settlement's 2020 pupils (an allocation of the census) moved per level by the county's projection (school-layout project; assumptions, not forecasts)";
await writeFile(join(out, "plan.json"), `${JSON.stringify(multiYearPlanToJson(plan, note), null, 1)}\n`);
const yuan = (x: number): string => `${(x / 1e6).toFixed(1)} M`;
console.log(`\nmulti-year plan: ${plan.status}${plan.gap === null ? "" : `, gap ${(plan.gap * 100).toFixed(1)} %`} (${plan.method}, ${plan.statistics.seconds.toFixed(0)} s); expected discounted cost ${plan.objective === null ? "—" : yuan(plan.objective)} yuan`);
for (const y of plan.plans) {
  const f = y.figures;
  const today = y.statusQuo.figures;
  console.log(`  ${y.year} ${y.scenario.padEnd(6)} ${Math.round(f.pupils)} pupils, ${y.plan.schools.filter((s) => s.open).length} schools open, classrooms used ${(f.classroomUse * 100).toFixed(0)} % (today's layout ${(today.classroomUse * 100).toFixed(0)} %, ${today.emptyClassrooms} empty), small schools ${f.smallSchools.length} (today's layout ${today.smallSchools.length}), ${yuan(f.costYuanPerYear)} yuan/yr`);
}
for (const [t, year] of planYears.entries()) {
  const count = (change: string): number => plan.schedule.filter((s) => s.years[t]!.change === change).length;
  console.log(`  ${year}: ${count("close")} schools close, ${count("build")} built, ${count("expand")} expanded, ${count("keep")} kept`);
}
await writeFile(join(out, "schedule.csv"), tableToCsv(scheduleTable(plan)));
await writeFile(join(out, "years.csv"), tableToCsv(yearsTable(plan)));
// The charts, in Chinese and English, as SVG and PNG.
const charts: string[] = [];
for (const language of ["zh", "en"] as const) {
  const drawn = [
    ["enrolment", enrolmentChartSvg(projectionTotals(projection), { language })],
    ["classrooms", classroomUseChartSvg(plan, { language })],
    ["schools", schoolUseChartSvg(plan, { language, count: 12 })],
  ] as const;
  for (const [name, svg] of drawn) {
    const stem = `${name}${language === "zh" ? "" : ".en"}`;
    await writeFile(join(out, `${stem}.svg`), svg);
    await writeFile(join(out, `${stem}.png`), svgToPng(svg));
    charts.push(`${stem}.svg`, `${stem}.png`);
  }
}
// The report, with a map per plan year (the medium scenario's pupils).
const boundary = JSON.parse(await readFile(new URL("../data/dongyuan/boundary.geojson", import.meta.url), "utf8"));
const townshipNames = Object.fromEntries(sites.features.map((site) => [site.properties.town_code, site.properties.town]));
const reports: string[] = [];
for (const language of ["zh", "en"] as const) {
  const zh = language === "zh";
  const yearFigures = yearMapFigures(plan, geo, {
    language,
    boundary,
    townshipNames,
    travelBasis: zh ? "大圆距离 × 1.3，按假定速度（示意）" : "great-circle × 1.3 at assumed speeds (illustrative)",
    sources: [zh ? "示意数据：学校、人口分配与速度均为假定" : "Illustrative: schools, pupil allocation and speeds are assumed"],
  });
  const html = multiYearReportHtml(plan, {
    language,
    title: zh ? "东源县 2025—2035 年学校布局规划（示意）" : "东源县 (Dongyuan County) 2025–2035: an illustrative multi-year school plan",
    projection: projection.rows,
    yearFigures,
    sources: [
      zh ? "人口：第七次全国人口普查（2020）分县年龄组（leiii/census，MIT）；广东省出生人口 2016—2024（domain.md §4）。" : "Population: the 2020 census by county and age band (leiii/census, MIT); Guangdong's births 2016–2024 (domain.md §4).",
      zh ? "学校、候选校址与成本参数：示意（examples/dongyuan/）。" : "Schools, candidate sites and cost figures: illustrative (examples/dongyuan/).",
    ],
    notes: [
      zh ? "各规划年份的学生数：各居民点 2020 年学生数（普查的分配，不是学校统计）按全县预测逐学段缩放；低、中、高情景是假定，不是预报。" : `The pupils of each plan year: ${note}.`,
      zh ? "出生数规则：县出生数＝全省出生数 × 该县2020年普查0岁人数 ÷ 全省2020年出生数（按0岁计）；各出生队列从0岁到1岁按该县普查1–4岁与0岁人数之比增长（分配，不是统计）。" : `Births: ${projection.birthsRule}`,
    ],
  });
  const name = zh ? "report.html" : "report.en.html";
  await writeFile(join(out, name), html);
  reports.push(name);
}
console.log(`\nwrote ${["projection.json", "projection.csv", "plan.json", "schedule.csv", "years.csv", ...charts, ...reports].map((f) => join(out, f)).join(", ")}`);
