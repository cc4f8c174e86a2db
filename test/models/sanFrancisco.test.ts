import { expect, it } from "vitest";
import {
  checkSolution,
  costOf,
  solve,
  summarizeSolution,
  type ModelSpec,
  type Problem,
  type Solution,
} from "../../src/index.ts";
import { SPOPT_P_MEDIAN_4_MEAN_DISTANCE, describeSanFrancisco, loadSanFrancisco } from "../helpers/sanFrancisco.ts";

/** Capacities (people) and fixed costs (people × metres) chosen so that both bind on this set. */
const CAPACITY = 300_000;
const FIXED_COST = 3e8;

async function solveChecked(problem: Problem, spec: ModelSpec): Promise<Solution> {
  const solution = await solve(problem, spec, { solver: "highs" });
  const check = checkSolution(problem, spec, solution);
  expect(check.violations).toEqual([]);
  expect(check.objective).toBe(solution.objective);
  return solution;
}

/** Every set of `size` site indices. */
function* subsets(m: number, size: number, start = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === size) {
    yield chosen;
    return;
  }
  for (let j = start; j <= m - (size - chosen.length); j++) yield* subsets(m, size, j + 1, [...chosen, j]);
}

const nearest = (problem: Problem, i: number, open: readonly number[]): number => Math.min(...open.map((j) => costOf(problem.costs, i, j)));

describeSanFrancisco("the classic models on the San Francisco set (spopt: 205 tracts, 16 stores, network metres)", () => {
  // Loaded on first use, so that collecting the skipped block without the data does not read it.
  let loaded: { problem: Problem; capacitated: Problem } | undefined;
  const sets = (): { problem: Problem; capacitated: Problem } =>
    (loaded ??= {
      problem: loadSanFrancisco().problem,
      capacitated: loadSanFrancisco({ capacity: () => CAPACITY, fixedCost: () => FIXED_COST }).problem,
    });

  it("p-median, p = 4: the population-weighted mean distance is spopt's 2982.1268579890657 m, proven optimal", async () => {
    const { problem } = sets();
    const solution = await solveChecked(problem, { model: "p-median", p: 4 });
    expect(solution.status).toBe("optimal");
    const summary = summarizeSolution(problem, solution);
    expect(summary.servedDemand).toBe(summary.totalDemand);
    expect(Math.abs(summary.meanCost! / SPOPT_P_MEDIAN_4_MEAN_DISTANCE - 1)).toBeLessThan(1e-6);
  });

  it("p-center, p = 4: the largest distance equals the best of all 1,820 sets of four stores", async () => {
    const { problem } = sets();
    const solution = await solveChecked(problem, { model: "p-center", p: 4 });
    expect(solution.status).toBe("optimal");
    let best = Infinity;
    for (const open of subsets(16, 4)) {
      let largest = 0;
      for (let i = 0; i < 205 && largest < best; i++) largest = Math.max(largest, nearest(problem, i, open));
      best = Math.min(best, largest);
    }
    expect(solution.objective).toBe(best);
    expect(summarizeSolution(problem, solution).maxCost).toBe(best);
  });

  it("max-coverage, p = 4, radius 5 km: the covered population equals the best of all sets of four stores", async () => {
    const { problem } = sets();
    const solution = await solveChecked(problem, { model: "max-coverage", p: 4, radius: 5000 });
    expect(solution.status).toBe("optimal");
    let best = 0;
    for (const open of subsets(16, 4)) {
      let covered = 0;
      problem.demand.forEach((point, i) => (covered += nearest(problem, i, open) <= 5000 ? point.weight : 0));
      best = Math.max(best, covered);
    }
    expect(solution.objective).toBe(best);
    expect(summarizeSolution(problem, solution, { radius: 5000 }).coveredDemand).toBe(best);
  });

  it("set-cover, radius 5 km: no smaller set of stores covers every tract; radius 3 km is infeasible with the tracts listed", async () => {
    const { problem } = sets();
    const solution = await solveChecked(problem, { model: "set-cover", radius: 5000 });
    expect(solution.status).toBe("optimal");
    const count = solution.objective!;
    const covers = (open: readonly number[]): boolean => problem.demand.every((_, i) => nearest(problem, i, open) <= 5000);
    expect(covers(solution.open)).toBe(true);
    for (const open of subsets(16, count - 1)) expect(covers(open)).toBe(false);
    const tight = await solveChecked(problem, { model: "set-cover", radius: 3000 });
    expect(tight.status).toBe("infeasible");
    expect(tight.reasons[0]!.code).toBe("uncoverable");
    expect(tight.reasons[0]!.demandIndices!.length).toBeGreaterThan(0);
  });

  it("capacitated p-median, p = 5, capacity 300,000: capacities bind, so it costs more than the p-median", async () => {
    const { capacitated } = sets();
    const solution = await solveChecked(capacitated, { model: "capacitated-p-median", p: 5 });
    expect(solution.status).toBe("optimal");
    const uncapacitated = await solveChecked(capacitated, { model: "p-median", p: 5 });
    expect(Math.max(...uncapacitated.load)).toBeGreaterThan(CAPACITY);
    expect(solution.objective!).toBeGreaterThan(uncapacitated.objective!);
    expect(Math.max(...solution.load)).toBeLessThanOrEqual(CAPACITY);
  });

  it("fixed charge, capacity 300,000, fixed cost 3e8: split assignment is no dearer than single source, both checked", async () => {
    const { capacitated } = sets();
    const split = await solveChecked(capacitated, { model: "fixed-charge" });
    const single = await solveChecked(capacitated, { model: "fixed-charge", singleSource: true });
    expect(split.status).toBe("optimal");
    expect(single.status).toBe("optimal");
    expect(split.allocations).toBeDefined();
    expect(split.objective!).toBeLessThanOrEqual(single.objective! * (1 + 1e-9));
    expect(split.open.length * FIXED_COST).toBeLessThan(split.objective!);
  });

  it("a time limit returns the best solution found and its bound, checked, never a false optimal", async () => {
    const { capacitated } = sets();
    const spec: ModelSpec = { model: "capacitated-p-median", p: 4 };
    const solution = await solve(capacitated, spec, { solver: "highs", timeLimitSeconds: 1 });
    expect(["timeLimit", "optimal"]).toContain(solution.status);
    expect(checkSolution(capacitated, spec, solution).violations).toEqual([]);
    if (solution.status === "timeLimit" && solution.objective !== null && solution.bound !== null) {
      expect(solution.bound).toBeLessThanOrEqual(solution.objective);
    }
  });
});
