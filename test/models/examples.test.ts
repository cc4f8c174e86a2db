import { describe, expect, it } from "vitest";
import {
  createProblem,
  denseCostMatrix,
  solve,
  solveCapacitatedPMedian,
  solveFixedCharge,
  solveMaxCoverage,
  solvePCenter,
  solvePMedian,
  solveSetCover,
} from "../../src/index.ts";
import { expectValid } from "./support.ts";

// The three-point problem of the models' @example blocks.
const problem = createProblem({
  demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }],
  sites: [{ id: "s1" }, { id: "s2" }, { id: "s3" }],
  costs: denseCostMatrix([0, 4, 6, 4, 0, 3, 6, 3, 0], 3, 3, "kilometres"),
});

describe("the documented examples give the documented results", () => {
  it("solvePMedian with p = 2 opens s1 and s3 at 15 pupil-kilometres", async () => {
    const solution = await solvePMedian(problem, { p: 2 });
    expect(solution).toMatchObject({ status: "optimal", objective: 15, bound: 15, gap: 0, open: [0, 2] });
    expect([...solution.assignment]).toEqual([0, 2, 2]);
    expect([...solution.load]).toEqual([10, 0, 13]);
    expectValid(problem, { model: "p-median", p: 2 }, solution);
  });

  it("solvePCenter with p = 1 opens s2 at a largest cost of 4", async () => {
    const solution = await solvePCenter(problem, { p: 1 });
    expect(solution).toMatchObject({ status: "optimal", objective: 4, open: [1] });
    expectValid(problem, { model: "p-center", p: 1 }, solution);
  });

  it("solveMaxCoverage with p = 1 and radius 4 opens s2, covering all 23 pupils (cost 4 ≤ radius 4 counts)", async () => {
    const solution = await solveMaxCoverage(problem, { p: 1, radius: 4 });
    expect(solution).toMatchObject({ status: "optimal", objective: 23, open: [1] });
    expectValid(problem, { model: "max-coverage", p: 1, radius: 4 }, solution);
  });

  it("solveSetCover with radius 4 needs one site, and with radius 3.99 two", async () => {
    expect(await solveSetCover(problem, { radius: 4 })).toMatchObject({ objective: 1, open: [1] });
    const tighter = await solveSetCover(problem, { radius: 3.99 });
    expect(tighter.objective).toBe(2);
    expectValid(problem, { model: "set-cover", radius: 3.99 }, tighter);
  });

  it("solveCapacitatedPMedian keeps s2's load within its capacity of 15", async () => {
    const capacitated = createProblem({
      demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }],
      sites: [{ id: "s1", capacity: 15 }, { id: "s2", capacity: 15 }],
      costs: denseCostMatrix([1, 4, 3, 2, 5, 1], 3, 2, "minutes"),
    });
    const solution = await solveCapacitatedPMedian(capacitated, { p: 2 });
    expect(solution).toMatchObject({ status: "optimal", objective: 28 });
    expect([...solution.assignment]).toEqual([0, 1, 1]);
    expectValid(capacitated, { model: "capacitated-p-median", p: 2 }, solution);
  });

  it("solveFixedCharge opens only s2 when s1 alone cannot hold the demand, and splits when that is cheaper", async () => {
    const fixedCharge = createProblem({
      demand: [{ id: "a", weight: 10 }, { id: "b", weight: 10 }],
      sites: [{ id: "s1", capacity: 15, fixedCost: 100 }, { id: "s2", capacity: 30, fixedCost: 300 }],
      costs: denseCostMatrix([1, 2, 1, 2], 2, 2, "yuan"),
    });
    const solution = await solveFixedCharge(fixedCharge, {});
    expect(solution).toMatchObject({ status: "optimal", objective: 340, open: [1] });
    expect(solution.allocations).toEqual([
      { demand: 0, site: 1, amount: 10 },
      { demand: 1, site: 1, amount: 10 },
    ]);
    expectValid(fixedCharge, { model: "fixed-charge" }, solution);

    // With both sites required, the 20 pupils split 15 / 5 between them: one of the two (identical) points is
    // served partly by each site; which one is an alternative optimum.
    const spec = { model: "fixed-charge", required: ["s1", "s2"] } as const;
    const split = await solve(fixedCharge, spec);
    expect(split.objective).toBe(400 + 15 * 1 + 5 * 2);
    expect([...split.load]).toEqual([15, 5]);
    const sharesPerPoint = [0, 1].map((i) => split.allocations!.filter((allocation) => allocation.demand === i).length);
    expect(sharesPerPoint.sort()).toEqual([1, 2]);
    expectValid(fixedCharge, spec, split);
    const single = await solve(fixedCharge, { ...spec, singleSource: true });
    expect(single.objective).toBe(400 + 10 * 1 + 10 * 2);
    expect(single.allocations).toBeUndefined();
  });

  it("solve dispatches on spec.model and leaves the inputs unchanged", async () => {
    const spec = { model: "p-median", p: 2, required: ["s2"] } as const;
    const frozen = JSON.stringify(spec);
    const solution = await solve(problem, spec, { solver: "highs" });
    expect(solution.model).toBe("p-median");
    expect(solution.open).toContain(1);
    expect(JSON.stringify(spec)).toBe(frozen);
  });

  it("demand points of weight 0 are assigned to their cheapest open site but change no objective or load", async () => {
    const withEmpty = createProblem({
      demand: [{ id: "a", weight: 10 }, { id: "empty", weight: 0 }],
      sites: [{ id: "s1" }, { id: "s2" }],
      costs: denseCostMatrix([1, 5, 100, 2], 2, 2, "metres"),
    });
    const median = await solvePMedian(withEmpty, { p: 1 });
    expect(median).toMatchObject({ objective: 10, open: [0] });
    expect([...median.assignment]).toEqual([0, 0]);
    const center = await solvePCenter(withEmpty, { p: 1 });
    expect(center.objective).toBe(1); // the 100 of the empty point does not count
  });
});
