import { describe, expect, it } from "vitest";
import {
  CompensatedSum,
  InputError,
  compensatedSum,
  createProblem,
  denseCostMatrix,
  summarizeSolution,
  type Solution,
} from "../../src/index.ts";

const problem = createProblem({
  demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }, { id: "e", weight: 0 }],
  sites: [{ id: "s1" }, { id: "s2" }],
  costs: denseCostMatrix([0, 4, 4, 1, 6, 3, 9, 9], 4, 2, "metres"),
});

function solution(changes: Partial<Solution>): Solution {
  return {
    model: "p-median",
    status: "optimal",
    objective: 29,
    bound: 29,
    gap: 0,
    open: [0, 1],
    assignment: Int32Array.from([0, 1, 1, 0]),
    load: Float64Array.from([10, 13, 0]),
    reasons: [],
    statistics: { solver: "none", seconds: 0, variables: 0, constraints: 0 },
    ...changes,
  };
}

describe("summarizeSolution", () => {
  it("gives the demand-weighted mean and the largest cost over points with weight > 0", () => {
    // a: 0, b: 1, c: 3, e (weight 0): 9, which counts for neither.
    expect(summarizeSolution(problem, solution({}))).toEqual({
      meanCost: (10 * 0 + 5 * 1 + 8 * 3) / 23,
      maxCost: 3,
      coveredDemand: null,
      coveredShare: null,
      totalDemand: 23,
      servedDemand: 23,
    });
  });

  it("counts coverage within the radius inclusively, from the open sites", () => {
    const summary = summarizeSolution(problem, solution({}), { radius: 1 });
    expect(summary.coveredDemand).toBe(15); // a (0) and b (exactly 1); c is 3 away
    expect(summary.coveredShare).toBe(15 / 23);
    expect(summarizeSolution(problem, solution({ open: [1] , assignment: Int32Array.from([1, 1, 1, 1]) }), { radius: 3 }).coveredDemand).toBe(13);
  });

  it("summarises only the served demand when some points are unassigned", () => {
    const summary = summarizeSolution(problem, solution({ open: [1], assignment: Int32Array.from([-1, 1, 1, -1]) }));
    expect(summary).toMatchObject({ meanCost: (5 + 24) / 13, maxCost: 3, servedDemand: 13, totalDemand: 23 });
  });

  it("uses split allocations when the solution has them", () => {
    const summary = summarizeSolution(
      problem,
      solution({
        model: "fixed-charge",
        allocations: [
          { demand: 0, site: 0, amount: 6 },
          { demand: 0, site: 1, amount: 4 },
          { demand: 2, site: 1, amount: 8 },
        ],
      }),
    );
    expect(summary).toMatchObject({ meanCost: (6 * 0 + 4 * 4 + 8 * 3) / 18, maxCost: 4, servedDemand: 18 });
  });

  it("gives null costs and nothing served for a solution without sites", () => {
    const none = solution({ status: "infeasible", objective: null, open: [], assignment: Int32Array.from([-1, -1, -1, -1]) });
    expect(summarizeSolution(problem, none, { radius: 5 })).toEqual({
      meanCost: null,
      maxCost: null,
      coveredDemand: 0,
      coveredShare: 0,
      totalDemand: 23,
      servedDemand: 0,
    });
  });

  it("sums with compensation: ten weights of 0.1 total exactly 1", () => {
    const tenths = createProblem({
      demand: Array.from({ length: 10 }, () => ({ weight: 0.1 })),
      sites: [{ id: "s" }],
      costs: denseCostMatrix(new Array(10).fill(1), 10, 1, "metres"),
    });
    const summary = summarizeSolution(tenths, solution({ open: [0], assignment: new Int32Array(10), load: new Float64Array(1) }));
    expect(summary.totalDemand).toBe(1);
    expect(summary.servedDemand).toBe(1);
    expect(summary.meanCost).toBe(1);
  });

  it("throws InputError naming the radius when it is negative or not finite", () => {
    for (const radius of [-1, Number.NaN, Infinity]) {
      expect(() => summarizeSolution(problem, solution({}), { radius })).toThrow(InputError);
    }
    expect(() => summarizeSolution(problem, solution({}), { radius: -1 })).toThrow(/"radius".*got -1/);
  });
});

describe("CompensatedSum", () => {
  it("keeps the low-order bits a naive sum loses", () => {
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
    const tiny = new Array<number>(10).fill(1e-16);
    expect(tiny.reduce((sum, value) => sum + value, 1)).toBe(1); // the naive sum loses them all
    expect(new CompensatedSum().add(1).add(tiny[0]!).value).toBe(1); // one alone is below half an ulp
    expect(compensatedSum([1, ...tiny])).toBeGreaterThan(1);
    expect(compensatedSum([])).toBe(0);
  });
});
