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
import {
  balanceTableRows, checkPlan, evaluateLayout, planLayout, planReportHtml, planSchools, planSummaryMarkdown, planTables, planToGeoJSON, planToJson,
  planMapFigures, readBalanceTotals, tableToCsv, type PlanReportOptions,
} from "../src/index.ts";
import { dongyuanNotes } from "./dongyuan/notes.ts";
import { DONGYUAN_PLAN_RULES, dongyuanSystem } from "./dongyuan/system.ts";

const dataFolder = new URL("../data/dongyuan/", import.meta.url);
const outFolder = new URL("../out/", import.meta.url);
const { geo, settlements, sites, existing, candidates, guarantee } = await dongyuanSystem();
const { system } = geo;
const planRules = DONGYUAN_PLAN_RULES;
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
