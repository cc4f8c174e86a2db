/**
 * A county school plan with its report (`npx tsx examples/county-plan.ts [output folder]`): a generated county
 * (synthetic, seeded: `generateCounty`, as `school-layout generate county` writes it), its candidate sites, travel
 * on its roads, a plan of its kindergartens, primary and junior schools, and the report: report.html (English),
 * map.svg and map.png in the output folder (default: a new temporary folder).
 *
 * **Synthetic data.** The county, its pupils, schools, roads and candidate sites are made up from a seed and
 * describe no real place; the cost figures are the library's illustrative defaults.
 */
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { svgToPng } from "../src/render/png.node.ts";
import {
  checkPlan, countyCandidateSites, generateCounty, planMapFigures, planReportHtml, planSchools, roadNetworkFromGeoJSON, schoolSystemFromGeoJSON,
} from "../src/index.ts";

const out = process.argv[2] === undefined ? await mkdtemp(join(tmpdir(), "county-plan-")) : resolve(process.argv[2]);
await mkdir(out, { recursive: true });

const county = generateCounty({ settlements: 300, seed: 42 });
const candidates = countyCandidateSites(county);
const geo = schoolSystemFromGeoJSON({
  settlements: county.settlements,
  schools: county.schools,
  candidates,
  levels: ["kindergarten", "primary1to3", "primary4to6", "junior"],
  travel: { network: roadNetworkFromGeoJSON(county.roads) }, // walk for kindergarten and grades 1–3, school bus above
});
const { system } = geo;
const p = county.metadata.parameters;
console.log(`synthetic county (seed ${p.seed}, made up): ${system.settlements.length} settlements in ${p.townships} townships, ${county.schools.features.length} schools, ${candidates.features.length} candidate sites`);
console.log(`travel: ${system.travelBasis}`);

const started = performance.now();
const plan = await planSchools(system, { timeLimitSeconds: 20, mipRelativeGap: 0.01 });
const seconds = (performance.now() - started) / 1000;
if (plan.schools === undefined) {
  console.log(`no plan: ${plan.status}`);
  for (const reason of plan.reasons) console.log(`  ${reason.message}`);
  process.exit(1);
}
const check = checkPlan(system, plan as Required<typeof plan>);
if (!check.ok) throw new Error(`the plan fails its independent check: ${check.violations.map((v) => v.message).join("; ")}`);

const title = `Synthetic county ${p.seed}: a school plan (synthetic data)`;
const figures = planMapFigures(plan, geo, { language: "en", boundary: county.boundary, title, sources: ["Synthetic county: generateCounty, seed 42; no real place"] });
const notes = [
  "Everything here is synthetic: the county, its settlements, pupils, schools, roads and candidate sites were made up by generateCounty (seed 42) and countyCandidateSites, and describe no real place.",
  "Costs are the library's illustrative defaults (DEFAULT_PLAN_COSTS). Travel runs on the synthetic roads: kindergarten and grades 1–3 walk, grades 4–9 ride the school bus.",
];
await writeFile(join(out, "report.html"), planReportHtml(plan, system, { language: "en", title, figures, notes, sources: ["Synthetic data (school-layout generateCounty)"] }));
const map = figures[0]!.svg;
await writeFile(join(out, "map.svg"), map);
await writeFile(join(out, "map.png"), svgToPng(map, { width: 1600 }));

const million = (yuan: number) => (yuan / 1e6).toFixed(1);
const counts = plan.counts!;
const statusQuo = plan.statusQuo;
console.log();
console.log(`plan: ${plan.status} after ${seconds.toFixed(1)} s, proven gap ${plan.gap === null ? "none" : `${(plan.gap * 100).toFixed(2)} %`} (checked independently: every rule and cost holds)`);
console.log(`annual cost ${million(plan.costs!.total)} million yuan${statusQuo === null ? "" : ` (status quo ${million(statusQuo.costs.total)} million)`}; mean one-way trip ${plan.travel!.meanMinutes.toFixed(1)} min`);
console.log(`schools: ${counts.kept} kept (${counts.expanded} expanded), ${counts.closed} closed, ${counts.built} built; ${plan.schools.reduce((sum, s) => sum + s.boarders, 0)} boarders`);
console.log(`wrote ${join(out, "report.html")}, map.svg and map.png`);
