/**
 * The demo (`npm run demo`): a school plan for 东源县 (Dongyuan County).
 *
 * Settlements: data/dongyuan, one per village-level unit (284), with the 2020 census cohorts per level allocated to
 * them and an estimated area each (allocations and placements, not data: data/README.md gives the rules). Schools:
 * an illustrative status quo, candidate sites and illustrative resource totals (examples/dongyuan/; no open list of
 * Dongyuan's schools exists). Travel: no open road network exists for Dongyuan, so travel times are great-circle
 * distance × 1.3 at assumed speeds — labelled in every output; with a road network the same code takes
 * `travel: { network }`. Writes out/plan.json, out/plan.geojson, out/summary.md, out/report.html (Chinese),
 * out/report.en.html, out/map.svg, out/map.png, out/plan.xlsx and the tables as CSV.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createProgressReporter } from "../src/cli/progress.ts";
import { planWorkbookBuffer } from "../src/io/xlsx.node.ts";
import { svgToPng } from "../src/render/png.node.ts";
import type { FeatureCollection, Point } from "geojson";
import {
  CHINA_NORMS, balanceTableRows, checkPlan, evaluateLayout, findNecessarySmallSchools, planLayout, planReportHtml, planSchools, planSummaryMarkdown, planTables, planToGeoJSON, planToJson,
  planMapFigures, readBalanceTotals, schoolSystemFromGeoJSON, tableToCsv, withNormOverrides, type PlanReportOptions,
} from "../src/index.ts";
import { withIllustrativeResources } from "./dongyuan/resources.ts";
import { dongyuanNotes } from "./dongyuan/notes.ts";
import { fitClassroomsToStatusQuo } from "./dongyuan/statusQuoRooms.ts";
import { dongyuanSchools, type DongyuanSettlement, type DongyuanSite } from "./dongyuan/schools.ts";

const dataFolder = new URL("../data/dongyuan/", import.meta.url);
const outFolder = new URL("../out/", import.meta.url);
const readGeoJSON = async <P>(name: string): Promise<FeatureCollection<Point, P>> => JSON.parse(await readFile(new URL(name, dataFolder), "utf8"));

const read = await readGeoJSON<DongyuanSettlement>("settlements.geojson");
// Each settlement belongs to its township (the township code, as the schools carry it), for the township tables.
const settlements = { ...read, features: read.features.map((f) => ({ ...f, properties: { ...f.properties, township: f.properties.town_code } })) };
const sites = await readGeoJSON<DongyuanSite>("sites.geojson");
const schools = dongyuanSchools(settlements, sites);
const existing = withIllustrativeResources(schools.existing);
const { candidates } = schools;
// Kindergarten children and grades 1–3 are taken by a parent on an e-bike (20 km/h, assumed); grades 4–9 by school bus at 30 km/h on mountain roads (assumed).
// The small-school guarantee finds the fewest village schools that put every grade 1–3 pupil within 30 minutes;
// they are exempt from the minimum enrolment (protected), and the plan keeps those its pupils attend (the 30-minute
// day limit of grades 1–3 holds in every plan, so some such school stays wherever one is needed).
const build = (schools: typeof existing) =>
  schoolSystemFromGeoJSON({ settlements, schools, candidates, levels: ["kindergarten", "primary1to3", "primary4to6", "junior"], travel: { fallback: { speedKmPerHour: { primary4to6: 30, junior: 30 } }, modes: { kindergarten: "ebike", primary1to3: "ebike" } } });
// The county's own rules on top of the national norms (an illustration): day pupils of grades 4–9 ride at most 30
// minutes, beyond which they board; an open village complete primary keeps at least
// 100 pupils and a teaching point 10, unless protected by the small-school guarantee.
const norms = withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { primary4to6: 30, junior: 30 } }, "demo county rules (illustrative)");
const planRules = { norms, minimumEnrolment: { "complete primary": 100, "teaching point": 10 } };
const asGiven = build(existing).system;
const guarantee = await findNecessarySmallSchools(asGiven);
const necessary = new Set(guarantee.necessary.map((s) => s.id));
// Township and village schools have the classrooms their pupils fill today (examples/dongyuan/statusQuoRooms.ts).
const fitted = fitClassroomsToStatusQuo(existing, asGiven, planRules);
const kept = { ...fitted, features: fitted.features.map((f) => (necessary.has(String(f.id)) ? { ...f, properties: { ...f.properties, protected: true } } : f)) };
const geo = build(kept);
const { system } = geo;
const leftOut = (settlements as unknown as { metadata: { allocation: { left_out: { town: string; pupils_6_14: number }[] } } }).metadata.allocation.left_out;
console.log(`东源县: ${system.settlements.length} settlements, ${existing.features.length} illustrative schools, ${candidates.features.length} candidate sites`);
console.log(`travel: ${system.travelBasis}`);
if (leftOut.length > 0) console.log(`left out (no location in the source): ${leftOut.map((t) => `${t.town} ${t.pupils_6_14} pupils aged 6–14`).join("; ")}`);

console.log(`small-school guarantee: ${guarantee.necessary.length} village schools needed for grades 1–3 within ${guarantee.limitMinutes} min (${guarantee.status})`);

const progress = createProgressReporter(process.stderr, "yuan/yr");
const plan = await planSchools(system, { ...planRules, timeLimitSeconds: 50, mipRelativeGap: 0.025, onProgress: progress.report });
progress.finish();
if (plan.schools !== undefined) {
  const check = checkPlan(system, { ...(plan as Required<typeof plan>), rules: plan.rules, costFigures: plan.costFigures });
  if (!check.ok) throw new Error(`the plan failed its independent check: ${check.violations.map((v) => v.message).join("; ")}`);
}
await mkdir(outFolder, { recursive: true });
await writeFile(new URL("plan.json", outFolder), `${JSON.stringify(planToJson(plan, system), null, 1)}\n`);
await writeFile(new URL("plan.geojson", outFolder), `${JSON.stringify(planToGeoJSON(plan, geo))}\n`);
const townshipNames = Object.fromEntries(sites.features.map((site) => [site.properties.town_code, site.properties.town]));
const balanceTotals = readBalanceTotals(geo.schoolFeatures, system.schools.map((school) => school.id));
const boundary = JSON.parse(await readFile(new URL("boundary.geojson", dataFolder), "utf8"));
const maps = (language: "zh" | "en") =>
  planMapFigures(plan, geo, {
    language,
    boundary,
    townshipNames,
    title: language === "zh" ? "东源县学校布局规划（示意）" : "Dongyuan: the plan (illustrative)",
    travelBasis: language === "zh" ? "大圆距离 × 1.3，按假定速度（示意）" : "great-circle × 1.3 at assumed speeds (illustrative)",
    sources: [language === "zh" ? "示意数据：学校、人口分配与速度均为假定" : "Illustrative: schools, pupil allocation and speeds are assumed"],
    markdownImage: "map.png",
  });
const report = (language: "zh" | "en"): PlanReportOptions => ({
  language,
  title: language === "zh" ? "东源县学校布局规划（示意）" : "东源县 (Dongyuan County): an illustrative school plan",
  ...dongyuanNotes(language, { leftOut, guaranteed: guarantee.necessary.length }),
  townshipNames,
  figures: maps(language),
  ...(balanceTotals === undefined ? {} : { balanceTotals }),
});
await writeFile(new URL("summary.md", outFolder), planSummaryMarkdown(plan, system, report("en")));
const mapSvg = maps("zh")[0]?.svg;
if (mapSvg !== undefined) {
  await writeFile(new URL("map.svg", outFolder), mapSvg);
  await writeFile(new URL("map.png", outFolder), svgToPng(mapSvg, { width: 2000 }));
}
await writeFile(new URL("report.html", outFolder), planReportHtml(plan, system, report("zh")));
await writeFile(new URL("report.en.html", outFolder), planReportHtml(plan, system, report("en")));
if (plan.schools !== undefined) {
  const balance = balanceTotals === undefined ? null : evaluateLayout(system, planLayout(plan), { rules: plan.rules, costFigures: plan.costFigures, balanceTotals }).balance;
  const rows = balance === null ? undefined : balanceTableRows(balance);
  const tables = planTables(plan, system, { language: "zh", townshipNames, ...(rows === undefined ? {} : { balance: rows.rows, balanceColumns: rows.columns }) });
  for (const table of tables) await writeFile(new URL(`${table.name}.csv`, outFolder), tableToCsv(table));
  await writeFile(new URL("plan.xlsx", outFolder), await planWorkbookBuffer(tables));
}
const gap = plan.gap === null ? "no proven gap" : `proven gap ${(plan.gap * 100).toFixed(2)} %`;
console.log(`plan: ${plan.status} (${gap}), ${plan.costs === undefined ? "no plan" : `${(plan.costs.total / 1e6).toFixed(1)} million yuan a year, mean trip ${plan.travel!.meanMinutes.toFixed(1)} min`}`);
if (plan.counts) console.log(`schools: ${plan.counts.kept} kept (${plan.counts.expanded} expanded), ${plan.counts.closed} closed, ${plan.counts.built} built`);
console.log("wrote out/plan.json, out/plan.geojson, out/summary.md, out/report.html (中文), out/report.en.html, out/map.svg, out/map.png, out/plan.xlsx and the tables as CSV");
