import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costOf, denseCostMatrix, sparseCostMatrix, type CostMatrix } from "../../src/costMatrix.ts";
import {
  costMatrixFromCoordinates,
  describeCostMatrixOptions,
  greatCircleMetres,
  kNearestCostMatrix,
  planarMetres,
  travelMinutes,
} from "../../src/travel/index.ts";
import { expectInputError } from "../io/support.ts";

/** The kept site indices of each row, by brute force: cost ≤ cutoff, then the k cheapest (ties to the lower index). */
function bruteForceRows(costs: readonly (readonly number[])[], k = Infinity, cutoff = Infinity): number[][] {
  return costs.map((row) => {
    const allowed = row.map((cost, j) => ({ cost, j })).filter(({ cost }) => cost <= cutoff && cost !== Infinity);
    allowed.sort((a, b) => a.cost - b.cost || a.j - b.j);
    return allowed
      .slice(0, k)
      .map(({ j }) => j)
      .sort((a, b) => a - b);
  });
}

function rowsOf(matrix: CostMatrix): number[][] {
  expect(matrix.kind).toBe("sparse");
  if (matrix.kind !== "sparse") return [];
  return Array.from({ length: matrix.demandCount }, (_, i) => [...matrix.siteIndices.subarray(matrix.rowStarts[i], matrix.rowStarts[i + 1])]);
}

function denseRows(matrix: CostMatrix): number[][] {
  return Array.from({ length: matrix.demandCount }, (_, i) => Array.from({ length: matrix.siteCount }, (_, j) => costOf(matrix, i, j)));
}

const lonLat = (points: [number, number][]) => Float64Array.from(points.flat());

describe("costMatrixFromCoordinates", () => {
  const demand: [number, number][] = [
    [114.7, 23.8],
    [114.95, 24.05],
    [115.1, 23.6],
  ];
  const sites: [number, number][] = [
    [114.74, 23.8],
    [115.0, 24.0],
  ];

  it("gives a dense matrix of great-circle metres by default, row-major (demand point × site)", () => {
    const matrix = costMatrixFromCoordinates(lonLat(demand), lonLat(sites));
    expect(matrix).toMatchObject({ kind: "dense", demandCount: 3, siteCount: 2, unit: "metres" });
    demand.forEach((a, i) => sites.forEach((b, j) => expect(costOf(matrix, i, j)).toBe(greatCircleMetres(a, b))));
  });

  it("gives kilometres and minutes with the detour factor applied, as travelMinutes does", () => {
    const metres = costMatrixFromCoordinates(lonLat(demand), lonLat(sites));
    const kilometres = costMatrixFromCoordinates(lonLat(demand), lonLat(sites), { unit: "kilometres", detourFactor: 1.25 });
    const minutes = costMatrixFromCoordinates(lonLat(demand), lonLat(sites), { unit: "minutes", speedKmPerHour: 30, detourFactor: 1.4 });
    expect(kilometres.unit).toBe("kilometres");
    expect(minutes.unit).toBe("minutes");
    for (let k = 0; k < metres.values.length; k++) {
      expect(kilometres.values[k]).toBeCloseTo((metres.values[k]! * 1.25) / 1000, 9);
      expect(minutes.values[k]).toBe(travelMinutes(metres.values[k]!, { speedKmPerHour: 30, detourFactor: 1.4 }));
    }
  });

  it("gives planar distances for projected coordinates", () => {
    const matrix = costMatrixFromCoordinates(Float64Array.of(0, 0, 3, 4), Float64Array.of(0, 0, 6, 8), { metric: "planar" });
    expect([...matrix.values]).toEqual([0, 10, 5, 5]);
    expect(costOf(matrix, 1, 1)).toBe(planarMetres([3, 4], [6, 8]));
  });

  it("keeps pairs with cost ≤ cutoff, inclusive, as a sparse matrix", () => {
    const matrix = costMatrixFromCoordinates(Float64Array.of(0, 0), Float64Array.of(5, 0, 0, 10, 3, 4, 20, 0), { metric: "planar", cutoff: 5 });
    expect(matrix.kind).toBe("sparse");
    expect(rowsOf(matrix)).toEqual([[0, 2]]);
    expect([...matrix.values]).toEqual([5, 5]);
  });

  it("breaks ties among the k nearest by the lower site index", () => {
    // Sites 1, 2 and 3 all lie 5 from the demand point; site 0 lies 1 away.
    const matrix = costMatrixFromCoordinates(Float64Array.of(0, 0), Float64Array.of(1, 0, 0, 5, 5, 0, 3, 4), { metric: "planar", kNearest: 3 });
    expect(rowsOf(matrix)).toEqual([[0, 1, 2]]);
  });

  it("agrees with a dense brute force for any k and cutoff, ties included", () => {
    const coordinate = fc.integer({ min: -5, max: 5 });
    const points = (max: number) => fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: max });
    fc.assert(
      fc.property(
        points(6),
        points(7),
        fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        (demandPoints, sitePoints, kNearest, cutoff) => {
          const demandArray = Float64Array.from(demandPoints.flat());
          const siteArray = Float64Array.from(sitePoints.flat());
          const dense = costMatrixFromCoordinates(demandArray, siteArray, { metric: "planar" });
          const options = { metric: "planar" as const, ...(kNearest === undefined ? {} : { kNearest }), ...(cutoff === undefined ? {} : { cutoff }) };
          const matrix = costMatrixFromCoordinates(demandArray, siteArray, options);
          const expected = bruteForceRows(denseRows(dense), kNearest, cutoff);
          if (kNearest === undefined && cutoff === undefined) {
            expect(matrix.kind).toBe("dense");
            return;
          }
          expect(rowsOf(matrix)).toEqual(expected);
          expected.forEach((row, i) => row.forEach((j) => expect(costOf(matrix, i, j)).toBe(costOf(dense, i, j))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("does not change the coordinate arrays", () => {
    const demandArray = lonLat(demand);
    const before = [...demandArray];
    costMatrixFromCoordinates(demandArray, lonLat(sites), { kNearest: 1 });
    expect([...demandArray]).toEqual(before);
  });

  it("throws InputError naming the point and the value for bad coordinates", () => {
    expectInputError(() => costMatrixFromCoordinates(Float64Array.of(1, 2, 3), lonLat(sites)), '"demandCoordinates.length"', "even length", "got 3");
    expectInputError(() => costMatrixFromCoordinates(lonLat(demand), Float64Array.of(200, 10)), "siteCoordinates 0", "longitude 200", "[200,10]");
    expectInputError(
      () => costMatrixFromCoordinates(Float64Array.of(114, 23, 23.8, 114.7), lonLat(sites)),
      "demandCoordinates 1",
      "looks like [latitude, longitude]",
      "[23.8,114.7]",
    );
    expectInputError(() => costMatrixFromCoordinates(Float64Array.of(0, Number.NaN), lonLat(sites)), "demandCoordinates 0", "latitude is not");
  });

  it("throws InputError naming the option and the value for bad options", () => {
    const run = (options: object) => () => costMatrixFromCoordinates(lonLat(demand), lonLat(sites), options);
    expectInputError(run({ unit: "minutes" }), '"speedKmPerHour"', 'required with unit "minutes"');
    expectInputError(run({ speedKmPerHour: 5 }), '"speedKmPerHour"', 'only with unit "minutes"', "got 5");
    expectInputError(run({ unit: "minutes", speedKmPerHour: 0 }), '"speedKmPerHour"', "got 0");
    expectInputError(run({ detourFactor: 0.8 }), '"detourFactor"', "got 0.8");
    expectInputError(run({ kNearest: 0 }), '"kNearest"', "got 0");
    expectInputError(run({ kNearest: 1.5 }), '"kNearest"', "got 1.5");
    expectInputError(run({ cutoff: -1 }), '"cutoff"', "got -1");
    expectInputError(run({ metric: "manhattan" }), '"metric"', '"manhattan"');
    expectInputError(run({ unit: "miles" }), '"unit"', '"miles"');
  });

  // Regression (issue 10, item 8): an unknown option name was ignored silently, so a misspelt detour factor or
  // speed gave great-circle metres with no word.
  it("throws InputError naming an option it does not know and quoting its value, listing the ones it reads", () => {
    const run = (options: object) => () => costMatrixFromCoordinates(lonLat(demand), lonLat(sites), options);
    expectInputError(run({ detour: 1.3 }), '"detour"', "is not an option of costMatrixFromCoordinates", "detourFactor", "got 1.3");
    expectInputError(run({ unit: "minutes", speedKmPerHour: 30, speedKmh: 30 }), '"speedKmh"', "speedKmPerHour", "got 30");
    expectInputError(run({ radius: 5000 }), '"radius"', "metric, unit, speedKmPerHour, detourFactor, kNearest, cutoff");
    expectInputError(() => describeCostMatrixOptions({ k: 3 } as object), '"k"', "is not an option");
    expectInputError(() => costMatrixFromCoordinates(lonLat(demand), lonLat(sites), null as unknown as object), "must be an options object");
    // known names, undefined values included, are still accepted
    expect(costMatrixFromCoordinates(lonLat(demand), lonLat(sites), { unit: "metres", kNearest: undefined }).kind).toBe("dense");
  });
});

describe("kNearestCostMatrix", () => {
  it("keeps each row's k cheapest allowed sites, ties to the lower index, in ascending site order", () => {
    const matrix = denseCostMatrix([5, 1, 3, 1, Infinity, 2, 2, 9, Infinity, Infinity, Infinity, 4], 3, 4, "minutes");
    const nearest = kNearestCostMatrix(matrix, 2);
    expect(rowsOf(nearest)).toEqual([
      [1, 3],
      [1, 2],
      [3],
    ]);
    expect(nearest.unit).toBe("minutes");
    expect(costOf(nearest, 0, 3)).toBe(1);
  });

  it("agrees with a brute force on dense and sparse inputs", () => {
    const cost = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Infinity));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.array(cost, { minLength: 25, maxLength: 25 }), (n, m, k, pool) => {
        const rows = Array.from({ length: n }, (_, i) => pool.slice(i * m, (i + 1) * m));
        const dense = denseCostMatrix(rows.flat(), n, m, "metres");
        const expected = bruteForceRows(rows, k);
        expect(rowsOf(kNearestCostMatrix(dense, k))).toEqual(expected);
        const sparse = kNearestCostMatrix(dense, m);
        expect(rowsOf(kNearestCostMatrix(sparse, k))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("returns every allowed pair when k ≥ the number of sites", () => {
    const sparse = sparseCostMatrix([0, 2, 3], [0, 2, 1], [4, 1, 7], 3, "metres");
    expect(rowsOf(kNearestCostMatrix(sparse, 10))).toEqual([[0, 2], [1]]);
  });

  it("throws InputError naming k when it is not a whole number ≥ 1", () => {
    const matrix = denseCostMatrix([1, 2], 1, 2, "metres");
    expectInputError(() => kNearestCostMatrix(matrix, 0), '"kNearest"', "got 0");
    expectInputError(() => kNearestCostMatrix(matrix, Number.NaN), '"kNearest"', "NaN");
  });
});

describe("describeCostMatrixOptions", () => {
  it("states the metric, the detour factor and speed as assumptions, the unit and any restriction", () => {
    expect(describeCostMatrixOptions()).toBe("great-circle distance (no detour factor), in metres");
    expect(describeCostMatrixOptions({ unit: "minutes", speedKmPerHour: 30, detourFactor: 1.3, kNearest: 5, cutoff: 40 })).toBe(
      "great-circle distance × detour factor 1.3 (assumed) at 30 km/h (assumed), in minutes; the 5 nearest sites of each demand point; " +
        "pairs costing more than 40 minutes not allowed",
    );
    expect(describeCostMatrixOptions({ metric: "planar", unit: "kilometres" })).toBe("planar (projected) distance (no detour factor), in kilometres");
  });
});
