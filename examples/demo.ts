/**
 * The demo (`npm run demo`): a school plan for 东源县 (Dongyuan County).
 *
 * Settlements: data/dongyuan, one per village-level unit (284), with the 2020 census cohorts per level allocated to
 * them and an estimated area each (allocations and placements, not data: data/README.md gives the rules). Schools:
 * an illustrative status quo, candidate sites and illustrative resource totals (examples/dongyuan/; no open list of
 * Dongyuan's schools exists). Travel: no open road network exists for Dongyuan, so travel times are great-circle
 * distance × 1.3 at assumed speeds — labelled in every output; with a road network the same code takes
 * `travel: { network }`. Then the plan's open schools are grouped into urban–rural education communities around
 * the county-seat schools (examples/dongyuan/communities.ts), shown in the report and on their own map. Writes
 * out/plan.json, out/plan.geojson, out/summary.md, out/report.html (Chinese), out/report.en.html, out/map.svg,
 * out/map.png, out/plan.xlsx, the tables as CSV, and out/communities.geojson with a map per stage
 * (out/communities-kindergarten.svg and .png, -primary, -junior).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createProgressReporter } from "../src/cli/progress.ts";
import { planWorkbookBuffer } from "../src/io/xlsx.node.ts";
import { svgToPng } from "../src/render/png.node.ts";
import {
  balanceTableRows, checkPlan, evaluateLayout, planLayout, planReportHtml, planSchools, planSummaryMarkdown, planTables, planToGeoJSON, planToJson,
  planMapFigures, readBalanceTotals, renderCommunityMap, tableToCsv, type PlanReportOptions, type ReportFigure,
} from "../src/index.ts";
import { dongyuanCommunities } from "./dongyuan/communities.ts";
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
// Education communities on the plan's open schools, around the county-seat schools (examples/dongyuan/communities.ts).
const countySeat = sites.features.find((site) => site.properties.tier === "county seat")!.properties.town_code;
const communities = plan.schools === undefined ? null : await dongyuanCommunities(plan, geo, countySeat);
const STAGE_NAMES = { kindergarten: ["幼儿园", "kindergartens"], primary: ["小学", "primary schools"], junior: ["初中", "junior schools"] } as const;
/** One map per stage (the communities are formed by stage, so that their outlines do not cover each other). */
const communityMaps = (language: "zh" | "en"): { stage: string; svg: string; caption: string }[] =>
  (communities?.stages ?? []).map(({ stage, leads }) => {
    const [zh, en] = STAGE_NAMES[stage];
    return {
      stage,
      svg: renderCommunityMap(communities!.plan, communities!.coordinates, {
        language,
        boundary,
        names: communities!.names,
        communities: leads,
        title: language === "zh" ? `东源县城乡教育共同体：${zh}（示意）` : `Dongyuan: education communities of ${en} (illustrative)`,
        travelBasis: communities!.travelBasis,
        sources: [language === "zh" ? "示意数据：学校与成员均为假定；牵头学校沿用县城学校名称" : "Illustrative: the schools and members are assumed; the leads bear the county-seat schools' names"],
      }),
      caption: language === "zh" ? `${zh}的城乡教育共同体：牵头学校、枢纽学校与成员学校（示意）。` : `The education communities of ${en}: lead, hub and member schools (illustrative).`,
    };
  });
const communityFigures = (language: "zh" | "en"): ReportFigure[] => communityMaps(language).map(({ stage, svg, caption }) => ({ svg, caption, markdownImage: `communities-${stage}.png` }));
const report = (language: "zh" | "en"): PlanReportOptions => ({
  language,
  title: language === "zh" ? "东源县学校布局规划（示意）" : "东源县 (Dongyuan County): an illustrative school plan",
  ...dongyuanNotes(language, { leftOut, guaranteed: guarantee.necessary.length }),
  townshipNames,
  figures: maps(language),
  ...(balanceTotals === undefined ? {} : { balanceTotals }),
  ...(communities === null ? {} : { communities: { plan: communities.plan, names: communities.names, figures: communityFigures(language) } }),
});
await writeFile(new URL("summary.md", outFolder), planSummaryMarkdown(plan, system, report("en")));
const mapSvg = maps("zh")[0]?.svg;
if (mapSvg !== undefined) {
  await writeFile(new URL("map.svg", outFolder), mapSvg);
  await writeFile(new URL("map.png", outFolder), svgToPng(mapSvg, { width: 2000 }));
}
if (communities !== null) {
  await writeFile(new URL("communities.geojson", outFolder), `${JSON.stringify(communities.geojson)}\n`);
  for (const { stage, svg } of communityMaps("zh")) {
    await writeFile(new URL(`communities-${stage}.svg`, outFolder), svg);
    await writeFile(new URL(`communities-${stage}.png`, outFolder), svgToPng(svg, { width: 2000 }));
  }
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
if (communities !== null) {
  const c = communities.plan;
  const cgap = c.gap === null ? "" : `, gap ${(c.gap * 100).toFixed(2)} %`;
  console.log(`communities: ${c.status}${cgap}, ${c.communities.length} around the county-seat schools: ${c.communities.map((x) => `${communities.names[x.lead]} ${x.schools}`).join(", ")}${c.reasons.length > 0 ? ` (${c.reasons.map((r) => r.message).join("; ")})` : ""}`);
}
console.log("wrote out/plan.json, out/plan.geojson, out/summary.md, out/report.html (中文), out/report.en.html, out/map.svg, out/map.png, out/plan.xlsx, the tables as CSV, out/communities.geojson and the communities' maps (out/communities-<stage>.svg and .png)");
