/**
 * A notebook user's first cell, runnable with Deno (`deno run --allow-read examples/deno/p-median.ts`):
 * import the library, read the bundled Dongyuan settlements and township seats, and solve a p-median with HiGHS;
 * the open seats and the longest trip are printed by code and name.
 * In a Deno Jupyter notebook the same lines work cell by cell.
 */
import { costOf, problemFromGeoJSON, solvePMedian, summarizeSolution } from "../../src/index.ts";

const read = async (name: string): Promise<unknown> =>
  JSON.parse(await Deno.readTextFile(new URL(`../../data/dongyuan/${name}`, import.meta.url)));

const settlements = await read("settlements.geojson");
const seats = await read("sites.geojson");

// Great-circle metres from each settlement to each township seat; weights are the allocated pupils aged 6–14.
const { problem, demand, sites } = problemFromGeoJSON(settlements, seats, {
  demand: { id: "id", weight: "pupils_6_14" },
  sites: { id: "id" },
});

const solution = await solvePMedian(problem, { p: 8 });
const summary = summarizeSolution(problem, solution);
console.log(`p-median, p = 8: ${solution.status} (solver ${solution.statistics.solver}, gap ${solution.gap})`);
console.log(`mean great-circle distance per pupil: ${(summary.meanCost! / 1000).toFixed(2)} km`);

// Each point by its code and its `name` property (the code alone where a feature has no name).
const named = (feature: { properties: Record<string, unknown> | null } | undefined, id: string): string => {
  const name = feature?.properties?.["name"];
  return typeof name === "string" && name !== "" ? `${id} ${name}` : id;
};
const served = new Map<number, { settlements: number; pupils: number }>();
problem.demand.forEach((point, i) => {
  const j = solution.assignment[i]!;
  const entry = served.get(j) ?? { settlements: 0, pupils: 0 };
  served.set(j, { settlements: entry.settlements + 1, pupils: entry.pupils + point.weight });
});
console.log(`open (${solution.open.length} of ${problem.sites.length} township seats):`);
const labels = solution.open.map((j) => named(sites.features[j], problem.sites[j]!.id));
const width = Math.max(...labels.map((label) => label.length));
solution.open.forEach((j, k) => {
  const { settlements: count, pupils } = served.get(j) ?? { settlements: 0, pupils: 0 };
  console.log(`  ${labels[k]!.padEnd(width)}  ${String(count).padStart(3)} settlements, ${pupils.toLocaleString("en-US").padStart(6)} pupils`);
});
let far = 0;
problem.demand.forEach((_, i) => {
  if (costOf(problem.costs, i, solution.assignment[i]!) > costOf(problem.costs, far, solution.assignment[far]!)) far = i;
});
const farSite = solution.assignment[far]!;
console.log(
  `longest trip: ${named(demand.features[far], problem.demand[far]!.id)} → ${named(sites.features[farSite], problem.sites[farSite]!.id)}, ` +
    `${(costOf(problem.costs, far, farSite) / 1000).toFixed(1)} km`,
);
if (solution.status !== "optimal") throw new Error(`expected an optimal solution, got ${solution.status}`);
