/**
 * The demo (`npm run demo`): a p-median on the bundled Dongyuan (东源县) example.
 *
 * Demand: the settlements of data/dongyuan (township seats and the village points that have coordinates) with
 * the census 2020 cohort aged 6–14 allocated to them (an allocation, not data: see data/README.md).
 * Candidate sites: the township seats. Costs: great-circle metres (no open road network exists for Dongyuan).
 * Writes out/dongyuan-p-median.geojson (sites, settlements, assignment lines) and out/summary.md.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import {
  checkSolution,
  problemFromGeoJSON,
  solutionFeatureCollection,
  solvePMedian,
  summarizeSolution,
  type Solution,
} from "../src/index.ts";

const P = 8;
const dataFolder = new URL("../data/dongyuan/", import.meta.url);
const outFolder = new URL("../out/", import.meta.url);

async function readGeoJSON(name: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(name, dataFolder), "utf8"));
}

const settlements = (await readGeoJSON("settlements.geojson")) as {
  metadata: { allocation: { left_out: { town: string; pupils_6_14: number; reason: string }[] } };
};
const leftOut = settlements.metadata.allocation.left_out;
const leftOutText = leftOut.map((town) => `${town.town}: ${town.pupils_6_14} pupils (${town.reason})`).join("; ");
const geo = problemFromGeoJSON(settlements, await readGeoJSON("sites.geojson"), {
  demand: { id: "id", weight: "pupils_6_14" },
  sites: { id: "id" },
});
const { problem } = geo;
const pupils = problem.demand.reduce((sum, point) => sum + point.weight, 0);
console.log(`Dongyuan: ${problem.demand.length} settlements, ${pupils} pupils aged 6–14 (allocated), ${problem.sites.length} township seats`);
if (leftOut.length > 0) console.log(`Left out, with no location in the source data: ${leftOutText}`);

// The trade-off between the number of schools and the distance pupils travel: one proven-optimal p-median per p.
const rows: string[] = [];
let chosen: Solution | undefined;
for (let p = 1; p <= problem.sites.length; p++) {
  const solution = await solvePMedian(problem, { p });
  const check = checkSolution(problem, { model: "p-median", p }, solution);
  if (!check.valid) throw new Error(`p = ${p}: the solution failed its independent check: ${check.violations.join("; ")}`);
  const summary = summarizeSolution(problem, solution);
  rows.push(
    `| ${p} | ${solution.status} | ${((summary.meanCost ?? 0) / 1000).toFixed(2)} | ${((summary.maxCost ?? 0) / 1000).toFixed(2)} | ${solution.statistics.seconds.toFixed(2)} |`,
  );
  if (p === P) chosen = solution;
}
const solution = chosen!;
const summary = summarizeSolution(problem, solution);
const openNames = solution.open.map((j) => String(geo.sites.features[j]!.properties?.["name"] ?? problem.sites[j]!.id));

await mkdir(outFolder, { recursive: true });
await writeFile(new URL("dongyuan-p-median.geojson", outFolder), `${JSON.stringify(solutionFeatureCollection(geo, solution))}\n`);
const markdown = `# Dongyuan (东源县): p-median, p = ${P}

${problem.demand.length} settlements with ${pupils} pupils aged 6–14 (census 2020 cohort allocated to settlements;
an allocation, not data), ${problem.sites.length} township seats as candidate sites, great-circle distances
(straight lines: road distances in this mountainous county are longer).
${leftOut.length > 0 ? `Left out, with no location in the source data: ${leftOutText}.` : ""}

- Status: **${solution.status}** (objective ${solution.objective?.toFixed(0)} pupil·metres, bound ${solution.bound?.toFixed(0)}, gap ${solution.gap})
- Open: ${openNames.join(", ")}
- Mean distance per pupil: ${((summary.meanCost ?? 0) / 1000).toFixed(2)} km; longest: ${((summary.maxCost ?? 0) / 1000).toFixed(2)} km

## Schools against distance (each row a proven-optimal p-median)

| p | status | mean km per pupil | max km | seconds |
|---|---|---|---|---|
${rows.join("\n")}

Data: administrative codes and township points: NBS 2016 via Vonng/adcode (CC BY 4.0); boundaries: Gaode via
Vonng/adcode (CC BY 4.0), converted GCJ-02 → WGS-84. Census: 7th National Population Census county tables compiled
by Dong, Du & Liu (leiii/census, MIT). Not an official map.
`;
await writeFile(new URL("summary.md", outFolder), markdown);
console.log(`p = ${P}: ${solution.status}, mean ${((summary.meanCost ?? 0) / 1000).toFixed(2)} km per pupil; open ${openNames.join(", ")}`);
console.log("Wrote out/dongyuan-p-median.geojson and out/summary.md");
