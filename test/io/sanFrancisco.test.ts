import { parse } from "csv-parse/sync";
import { expect, it } from "vitest";
import { costOf } from "../../src/costMatrix.ts";
import { readCostTable } from "../../src/io/index.ts";
import { greatCircleMetres } from "../../src/travel/index.ts";
import {
  SPOPT_P_MEDIAN_4_MEAN_DISTANCE,
  describeSanFrancisco,
  loadSanFrancisco,
  readSanFranciscoData,
} from "../helpers/sanFrancisco.ts";

/** The optimal p-median by enumerating every set of p sites: [objective, open sites]. */
function enumeratePMedian(weights: readonly number[], cost: (i: number, j: number) => number, m: number, p: number): [number, number[]] {
  let best: [number, number[]] = [Infinity, []];
  const choose = (start: number, chosen: number[]): void => {
    if (chosen.length === p) {
      let total = 0;
      weights.forEach((w, i) => (total += w * Math.min(...chosen.map((j) => cost(i, j)))));
      if (total < best[0]) best = [total, [...chosen]];
      return;
    }
    for (let j = start; j <= m - (p - chosen.length); j++) choose(j + 1, [...chosen, j]);
  };
  choose(0, []);
  return best;
}

describeSanFrancisco("the San Francisco set (spopt)", () => {
  it("reads 205 tracts and 16 stores with ids from NAME and weights from POP2000", () => {
    const { problem } = loadSanFrancisco();
    expect(problem.demand).toHaveLength(205);
    expect(problem.sites).toHaveLength(16);
    expect(problem.demand[0]).toEqual({ id: "060816029.00", weight: 4135 });
    // The store numbers skip 8 to 10: Store_1 … Store_7, Store_11 … Store_19.
    expect(problem.sites.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((k) => `Store_${k}`));
    const rows = parse(readSanFranciscoData().costsCsv, { columns: true }) as Record<string, string>[];
    const population = new Map(rows.map((row) => [row["DestinationName"], Number(row["demand"])]));
    // The cost table's own demand column repeats POP2000 for every tract.
    for (const point of problem.demand) expect(population.get(point.id)).toBe(point.weight);
  });

  it("reads the network distance table as a complete dense 205 × 16 matrix whose ids all match", () => {
    const { problem } = loadSanFrancisco();
    expect(problem.costs).toMatchObject({ kind: "dense", demandCount: 205, siteCount: 16, unit: "metres" });
    const tract = problem.demand.findIndex((d) => d.id === "060750479.01");
    expect(costOf(problem.costs, tract, 0)).toBe(671.5733459664615);
    const strict = readCostTable(readSanFranciscoData().costsCsv, {
      from: "DestinationName",
      to: "name",
      value: "distance",
      demandIds: problem.demand.map((d) => d.id),
      siteIds: problem.sites.map((s) => s.id),
      unit: "metres",
      missing: "error",
    });
    expect(strict.kind).toBe("dense");
  });

  it("has network distances no shorter than 0.5 × the great-circle distance and mostly longer", () => {
    const geo = loadSanFrancisco();
    let longer = 0;
    for (let i = 0; i < 205; i++) {
      for (let j = 0; j < 16; j++) {
        const straight = greatCircleMetres(
          [geo.demand.coordinates[2 * i]!, geo.demand.coordinates[2 * i + 1]!],
          [geo.sites.coordinates[2 * j]!, geo.sites.coordinates[2 * j + 1]!],
        );
        const network = costOf(geo.problem.costs, i, j);
        expect(network).toBeGreaterThan(0.5 * straight);
        if (network >= straight) longer++;
      }
    }
    expect(longer / (205 * 16)).toBeGreaterThan(0.9);
  });

  it("gives spopt's optimal p-median for p = 4 by enumeration: mean distance 2982.1268579890657 m", () => {
    const { problem } = loadSanFrancisco();
    const weights = problem.demand.map((d) => d.weight);
    const [objective] = enumeratePMedian(weights, (i, j) => costOf(problem.costs, i, j), 16, 4);
    const total = weights.reduce((sum, w) => sum + w, 0);
    expect(objective / total).toBeCloseTo(SPOPT_P_MEDIAN_4_MEAN_DISTANCE, 8);
  });
});
