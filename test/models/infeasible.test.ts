import { describe, expect, it } from "vitest";
import {
  checkSolution,
  createProblem,
  denseCostMatrix,
  solve,
  sparseCostMatrix,
  type ModelSpec,
  type Problem,
} from "../../src/index.ts";

const I = Infinity;

async function infeasible(problem: Problem, spec: ModelSpec) {
  const solution = await solve(problem, spec);
  expect(solution.status).toBe("infeasible");
  expect(solution.objective).toBeNull();
  expect(solution.open).toEqual([]);
  expect([...solution.assignment]).toEqual(problem.demand.map(() => -1));
  expect(checkSolution(problem, spec, solution).valid).toBe(true);
  return solution;
}

describe("infeasibility seen before solving comes back with reasons that name the numbers and points", () => {
  const capacitated = createProblem({
    demand: [{ id: "a", weight: 6000 }, { id: "b", weight: 6430 }],
    sites: [
      { id: "s1", capacity: 5000 },
      { id: "s2", capacity: 6800 },
      { id: "s3", capacity: 9000, forbidden: true },
    ],
    costs: denseCostMatrix([1, 2, 3, 4, 5, 6], 2, 3, "metres"),
  });

  it("reports demand above the total capacity of the sites that may open, without a solver call", async () => {
    for (const spec of [{ model: "fixed-charge" }, { model: "capacitated-p-median", p: 2 }] as ModelSpec[]) {
      const solution = await infeasible(capacitated, spec);
      expect(solution.statistics.solver).toBe("none");
      const reason = solution.reasons.find((r) => r.code === "capacity")!;
      expect(reason.message).toBe("demand 12,430 exceeds total capacity 11,800 of the 2 sites that may open");
      expect(reason.siteIndices).toEqual([0, 1]);
    }
  });

  it("reports demand above the capacity of the largest p sites", async () => {
    const problem = createProblem({
      demand: [{ id: "a", weight: 10 }],
      sites: [{ id: "s1", capacity: 4 }, { id: "s2", capacity: 5 }, { id: "s3", capacity: 3, required: true }],
      costs: denseCostMatrix([1, 1, 1], 1, 3, "metres"),
    });
    const solution = await infeasible(problem, { model: "capacitated-p-median", p: 2 });
    expect(solution.reasons.map((r) => r.message)).toContain(
      'demand 10 exceeds capacity 8 of the largest p = 2 sites that may open (the 1 required ones included): "s2", "s3"',
    );
  });

  it("reports a point heavier than every site that may serve it under single-source assignment", async () => {
    const problem = createProblem({
      demand: [{ id: "big", weight: 12 }, { id: "small", weight: 1 }],
      sites: [{ id: "s1", capacity: 10 }, { id: "s2", capacity: 10 }],
      costs: denseCostMatrix([1, 2, 1, 2], 2, 2, "metres"),
    });
    const solution = await infeasible(problem, { model: "fixed-charge", singleSource: true });
    expect(solution.reasons[0]!.message).toContain('"big" (weight 12, largest capacity 10)');
    expect(solution.reasons[0]!.demandIndices).toEqual([0]);
    const split = await solve(problem, { model: "fixed-charge" });
    expect(split.status).toBe("optimal");
  });

  it("reports more required sites than p, naming them", async () => {
    const problem = createProblem({
      demand: [{ id: "a", weight: 1 }],
      sites: [{ id: "s1", required: true }, { id: "s2" }, { id: "s3" }],
      costs: denseCostMatrix([1, 1, 1], 1, 3, "metres"),
    });
    const solution = await infeasible(problem, { model: "p-median", p: 1, required: ["s3"] });
    expect(solution.reasons).toEqual([
      { code: "requiredExceedsP", message: '2 sites are required ("s1", "s3") but p = 1', siteIndices: [0, 2] },
    ]);
  });

  it("reports p larger than the number of sites that may open", async () => {
    const problem = createProblem({
      demand: [{ id: "a", weight: 1 }],
      sites: [{ id: "s1", forbidden: true }, { id: "s2" }, { id: "s3" }],
      costs: denseCostMatrix([1, 1, 1], 1, 3, "metres"),
    });
    const solution = await infeasible(problem, { model: "p-center", p: 3, forbidden: ["s2"] });
    expect(solution.reasons[0]).toMatchObject({ code: "tooFewSites", message: "p = 3 exceeds the 1 sites that may open (3 sites, 2 forbidden)" });
  });

  it("lists the demand points no site that may open reaches, ignoring points of weight 0", async () => {
    const problem = createProblem({
      demand: [{ id: "a", weight: 1 }, { id: "lost", weight: 2 }, { id: "empty", weight: 0 }, { id: "cut off", weight: 3 }],
      sites: [{ id: "s1" }, { id: "s2" }],
      costs: sparseCostMatrix([0, 2, 2, 2, 3], [0, 1, 1], [1, 1, 5], 2, "metres"),
    });
    const solution = await infeasible(problem, { model: "p-median", p: 1, forbidden: ["s2"] });
    expect(solution.reasons[0]).toEqual({
      code: "uncoverable",
      message: '2 demand points cannot be served, no site that may open reaches them (no finite cost): "lost", "cut off"',
      demandIndices: [1, 3],
    });
  });

  it("set-cover lists the points no site covers within the radius (cost ≤ radius is covered)", async () => {
    const problem = createProblem({
      demand: [{ id: "a", weight: 1 }, { id: "b", weight: 1 }, { id: "c", weight: 1 }],
      sites: [{ id: "s1" }, { id: "s2" }],
      costs: denseCostMatrix([5, 9, 5.5, I, 7, 6], 3, 2, "minutes"),
    });
    const solution = await infeasible(problem, { model: "set-cover", radius: 5 });
    expect(solution.reasons[0]!.message).toBe(
      '2 demand points cannot be served, no site that may open is within radius 5 minutes of them: "b", "c"',
    );
    const covered = await solve(problem, { model: "set-cover", radius: 6 });
    expect(covered.objective).toBe(2);
  });

  it("returns reason code solver when only the solver can see the infeasibility", async () => {
    // Each point reaches a different single site, but p = 1.
    const problem = createProblem({
      demand: [{ id: "a", weight: 1 }, { id: "b", weight: 1 }],
      sites: [{ id: "s1" }, { id: "s2" }],
      costs: denseCostMatrix([1, I, I, 1], 2, 2, "metres"),
    });
    for (const model of ["p-median", "p-center", "capacitated-p-median"] as const) {
      const solution = await infeasible(problem, { model, p: 1 });
      expect(solution.reasons.map((r) => r.code)).toEqual(["solver"]);
      expect(solution.statistics.solver).not.toBe("none");
    }
  });

  it("max-coverage is not infeasible when some points cannot be covered: they stay unassigned", async () => {
    const problem = createProblem({
      demand: [{ id: "a", weight: 1 }, { id: "far", weight: 4 }],
      sites: [{ id: "s1" }],
      costs: denseCostMatrix([1, 100], 2, 1, "metres"),
    });
    const spec = { model: "max-coverage", p: 1, radius: 10 } as const;
    const solution = await solve(problem, spec);
    expect(solution.objective).toBe(1);
    expect([...solution.assignment]).toEqual([0, -1]);
    expect(checkSolution(problem, spec, solution).valid).toBe(true);
  });
});
