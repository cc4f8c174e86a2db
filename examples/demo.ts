/**
 * The demo (`npm run demo`): a school plan for 东源县 (Dongyuan County).
 *
 * Settlements: data/dongyuan (township seats and village points) with the census 2020 cohorts per level
 * allocated to them (an allocation, not data: data/README.md gives the rule). Schools: an illustrative status
 * quo and candidate sites (examples/dongyuan/schools.ts; no open list of Dongyuan's schools exists). Travel: no
 * open road network exists for Dongyuan, so travel times are great-circle distance × 1.3 at walking speed for
 * kindergarten and grades 1–3 and school-bus speed for the rest — labelled in every output; with a road network
 * the same code takes `travel: { network }`. Writes out/plan.geojson, out/plan.json, out/summary.md.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import type { FeatureCollection, Point } from "geojson";
import { CHINA_NORMS, checkPlan, planSchools, planSummaryMarkdown, planToGeoJSON, planToJson, schoolSystemFromGeoJSON, withNormOverrides } from "../src/index.ts";
import { dongyuanSchools, type DongyuanSettlement, type DongyuanSite } from "./dongyuan/schools.ts";

const dataFolder = new URL("../data/dongyuan/", import.meta.url);
const outFolder = new URL("../out/", import.meta.url);
const readGeoJSON = async <P>(name: string): Promise<FeatureCollection<Point, P>> => JSON.parse(await readFile(new URL(name, dataFolder), "utf8"));

const settlements = await readGeoJSON<DongyuanSettlement>("settlements.geojson");
const sites = await readGeoJSON<DongyuanSite>("sites.geojson");
const { existing, candidates } = dongyuanSchools(settlements, sites);
const geo = schoolSystemFromGeoJSON({
  settlements,
  schools: existing,
  candidates,
  levels: ["kindergarten", "primary1to3", "primary4to6", "junior"],
  travel: { fallback: {} },
});
const { system } = geo;
const leftOut = (settlements as unknown as { metadata: { allocation: { left_out: { town: string; pupils_6_14: number }[] } } }).metadata.allocation.left_out;
console.log(`东源县: ${system.settlements.length} settlements, ${existing.features.length} illustrative schools, ${candidates.features.length} candidate sites`);
console.log(`travel: ${system.travelBasis}`);
if (leftOut.length > 0) console.log(`left out (no location in the source): ${leftOut.map((t) => `${t.town} ${t.pupils_6_14} pupils aged 6–14`).join("; ")}`);

// The county's own rules on top of the national norms (an illustration): kindergarten children walk at most 45
// minutes; day pupils of grades 4–9 ride at most 60 minutes, beyond which they board.
const norms = withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { kindergarten: 45, primary4to6: 60, junior: 60 } }, "demo county rules (illustrative)");
const plan = await planSchools(system, { norms, timeLimitSeconds: 60, mipRelativeGap: 0.005 });
if (plan.schools !== undefined) {
  const check = checkPlan(system, { ...(plan as Required<typeof plan>), rules: plan.rules, costFigures: plan.costFigures });
  if (!check.ok) throw new Error(`the plan failed its independent check: ${check.violations.map((v) => v.message).join("; ")}`);
}
await mkdir(outFolder, { recursive: true });
await writeFile(new URL("plan.json", outFolder), `${JSON.stringify(planToJson(plan, system), null, 1)}\n`);
await writeFile(new URL("plan.geojson", outFolder), `${JSON.stringify(planToGeoJSON(plan, geo))}\n`);
const notes = [
  "Pupils per settlement are an allocation of the 2020 census county cohorts over village-level units, not school data " +
    "(data/README.md); units without a point of their own are placed on their township seat, so most pupils sit on the " +
    "same point as the seat's schools and travel 0 minutes in these figures: the mean trips understate real travel.",
  ...leftOut.map((t) => `Left out: ${t.town}, ${t.pupils_6_14} pupils aged 6–14, has no location in the source data.`),
  "The schools are illustrative (examples/dongyuan/schools.ts): no open list of Dongyuan's schools exists. The county " +
    "rules on top of the national norms are illustrative too: kindergarten walks at most 45 minutes; day pupils of grades " +
    "4–9 ride at most 60 minutes, beyond which they board.",
];
await writeFile(new URL("summary.md", outFolder), planSummaryMarkdown(plan, system, { title: "东源县 (Dongyuan County): an illustrative school plan", notes }));
const gap = plan.gap === null ? "no proven gap" : `proven gap ${(plan.gap * 100).toFixed(2)} %`;
console.log(`plan: ${plan.status} (${gap}), ${plan.costs === undefined ? "no plan" : `${(plan.costs.total / 1e6).toFixed(1)} million yuan a year, mean trip ${plan.travel!.meanMinutes.toFixed(1)} min`}`);
if (plan.counts) console.log(`schools: ${plan.counts.kept} kept (${plan.counts.expanded} expanded), ${plan.counts.closed} closed, ${plan.counts.built} built`);
console.log("wrote out/plan.json, out/plan.geojson, out/summary.md");
