/**
 * A notebook user's first cell, runnable with Deno (`deno run --allow-read examples/deno/p-median.ts`):
 * import the library, read the bundled Dongyuan settlements and township seats, and solve a p-median with HiGHS.
 * In a Deno Jupyter notebook the same lines work cell by cell.
 */
import { problemFromGeoJSON, solvePMedian, summarizeSolution } from "../../src/index.ts";

const read = async (name: string): Promise<unknown> =>
  JSON.parse(await Deno.readTextFile(new URL(`../../data/dongyuan/${name}`, import.meta.url)));

const settlements = await read("settlements.geojson");
const seats = await read("sites.geojson");

// Great-circle metres from each settlement to each township seat; weights are the allocated pupils aged 6–14.
const { problem } = problemFromGeoJSON(settlements, seats, {
  demand: { id: "id", weight: "pupils_6_14" },
  sites: { id: "id" },
});

const solution = await solvePMedian(problem, { p: 8 });
const summary = summarizeSolution(problem, solution);
console.log(`p-median, p = 8: ${solution.status} (solver ${solution.statistics.solver}, gap ${solution.gap})`);
console.log(`open: ${solution.open.map((j) => problem.sites[j]!.id).join(", ")}`);
console.log(`mean great-circle distance per pupil: ${(summary.meanCost! / 1000).toFixed(2)} km`);
if (solution.status !== "optimal") throw new Error(`expected an optimal solution, got ${solution.status}`);
