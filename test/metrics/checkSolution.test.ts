import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkSolution,
  createProblem,
  denseCostMatrix,
  solve,
  type ModelSpec,
  type Problem,
  type Solution,
} from "../../src/index.ts";

const I = Infinity;
// a, b, c and an empty point e; s3 is unreachable from a.
const problem = createProblem({
  demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }, { id: "e", weight: 0 }],
  sites: [{ id: "s1", capacity: 12 }, { id: "s2", capacity: 20 }, { id: "s3", capacity: 20, fixedCost: 7 }],
  costs: denseCostMatrix([0, 4, I, 4, 0, 3, 6, 3, 0, 1, 1, 1], 4, 3, "kilometres"),
});

/** A hand-made solution: a → s1, b and c → s2, e unassigned; objective 10·0 + 5·0 + 8·3 = 24. */
function solution(changes: Partial<Solution> = {}): Solution {
  return {
    model: "p-median",
    status: "optimal",
    objective: 24,
    bound: 24,
    gap: 0,
    open: [0, 1],
    assignment: Int32Array.from([0, 1, 1, -1]),
    load: Float64Array.from([10, 13, 0]),
    reasons: [],
    statistics: { solver: "none", seconds: 0, variables: 0, constraints: 0 },
    ...changes,
  };
}

function violations(spec: ModelSpec, changes: Partial<Solution>, on: Problem = problem): readonly string[] {
  return checkSolution(on, spec, solution(changes)).violations;
}

const pMedian: ModelSpec = { model: "p-median", p: 2 };

describe("checkSolution", () => {
  it("accepts a feasible solution and recomputes its objective", () => {
    expect(checkSolution(problem, pMedian, solution())).toEqual({ valid: true, objective: 24, violations: [] });
  });

  it("accepts the solutions of every model solved by the library", async () => {
    const specs: ModelSpec[] = [
      pMedian,
      { model: "p-center", p: 2 },
      { model: "max-coverage", p: 1, radius: 3 },
      { model: "set-cover", radius: 3 },
      { model: "capacitated-p-median", p: 2 },
      { model: "fixed-charge" },
      { model: "fixed-charge", singleSource: true },
    ];
    for (const spec of specs) {
      const solved = await solve(problem, spec, { solver: "highs" });
      const check = checkSolution(problem, spec, solved);
      expect(check.violations).toEqual([]);
      expect(check.objective).toBe(solved.objective);
    }
  });

  it("names the point and the closed site when demand is assigned to a closed site", () => {
    expect(violations(pMedian, { assignment: Int32Array.from([0, 2, 1, -1]), objective: 24 })).toContain(
      'demand point "b" (index 1, weight 5) is assigned to site "s3" (index 2), which is closed',
    );
  });

  it("names the pair when demand is assigned over a pair that is not allowed", () => {
    const found = violations({ model: "p-median", p: 2 }, { open: [1, 2], assignment: Int32Array.from([2, 1, 1, -1]), load: Float64Array.from([0, 13, 10]) });
    expect(found).toContain('demand point "a" (index 0, weight 10) is assigned to site "s3" (index 2) over a pair that is not allowed');
  });

  it("reports the wrong number of open sites, forbidden sites open and required sites closed", () => {
    expect(violations({ model: "p-median", p: 3 }, {})).toContain("2 sites are open, but p = 3");
    const found = violations({ model: "p-median", p: 2, required: ["s3"], forbidden: ["s2"] }, {});
    expect(found).toContain('site "s2" (index 1) is forbidden but open');
    expect(found).toContain('site "s3" (index 2) is required but closed');
  });

  it("reports a demand point with weight > 0 that is not served, but not one of weight 0", () => {
    const found = violations(pMedian, { assignment: Int32Array.from([0, 1, -1, -1]), load: Float64Array.from([10, 5, 0]), objective: 0, bound: 0 });
    expect(found).toEqual(['demand point "c" (index 2, weight 8) is not served']);
  });

  it("reports loads that do not match the assignment, and loads above capacity in capacitated models", () => {
    expect(violations(pMedian, { load: Float64Array.from([10, 12, 0]) })).toEqual([
      'site "s2" (index 1) reports load 12, but its demand sums to 13',
    ]);
    const overloaded = { open: [0, 1], assignment: Int32Array.from([0, 0, 1, -1]), load: Float64Array.from([15, 8, 0]), objective: 44 };
    expect(violations({ model: "capacitated-p-median", p: 2 }, { ...overloaded, model: "capacitated-p-median", bound: 44 })).toEqual([
      'site "s1" (index 0) serves 15, above its capacity 12',
    ]);
    expect(violations(pMedian, { ...overloaded, bound: 44 })).toEqual([]); // p-median ignores capacities
  });

  it("reports a set-cover assignment beyond the radius", () => {
    const found = violations({ model: "set-cover", radius: 2 }, { model: "set-cover", objective: 2, bound: 2 });
    expect(found).toContain('demand point "c" (index 2, weight 8) is assigned to site "s2" (index 1) at cost 3, beyond the radius 2');
  });

  it("reports a maximal-covering point that an open site covers but that is left unassigned", () => {
    const spec: ModelSpec = { model: "max-coverage", p: 2, radius: 3 };
    const found = violations(spec, { model: "max-coverage", objective: 23, bound: 23, assignment: Int32Array.from([0, 1, -1, -1]), load: Float64Array.from([10, 5, 0]) });
    expect(found).toEqual(['demand point "c" (index 2, weight 8) is within radius 3 of an open site but not assigned']);
  });

  it("recomputes each model's objective and reports a reported objective that differs", () => {
    expect(violations(pMedian, { status: "feasible", objective: 25, bound: 24, gap: 0.04 })).toEqual(["the reported objective 25 differs from the recomputed 24"]);
    expect(checkSolution(problem, { model: "p-center", p: 2 }, solution({ model: "p-center", objective: 3, bound: 3 })).objective).toBe(3);
    expect(checkSolution(problem, { model: "max-coverage", p: 2, radius: 3 }, solution({ model: "max-coverage", objective: 23, bound: 23 })).valid).toBe(true);
    expect(checkSolution(problem, { model: "set-cover", radius: 3 }, solution({ model: "set-cover", objective: 2, bound: 2 })).valid).toBe(true);
    const fixed = solution({ model: "fixed-charge", open: [0, 1, 2], objective: 7, bound: 7, assignment: Int32Array.from([0, 1, 2, -1]), load: Float64Array.from([10, 5, 8]) });
    expect(checkSolution(problem, { model: "fixed-charge", singleSource: true }, fixed)).toEqual({ valid: true, objective: 7, violations: [] });
  });

  it("checks split allocations: sums, open sites, the largest share, and single-source models", () => {
    const split: Partial<Solution> = {
      model: "fixed-charge",
      open: [0, 1],
      objective: 12,
      bound: 12,
      assignment: Int32Array.from([0, 1, 1, -1]),
      allocations: [
        { demand: 0, site: 0, amount: 10 },
        { demand: 1, site: 1, amount: 5 },
        { demand: 2, site: 1, amount: 4 },
        { demand: 2, site: 0, amount: 4 },
      ],
      load: Float64Array.from([14, 9, 0]),
    };
    // 10·0 + 5·0 + 4·3 + 4·6 = 36 ≠ 12; c's shares sum to 8; capacity of s1 (12) is exceeded.
    expect(violations({ model: "fixed-charge" }, { ...split, objective: 36, bound: 36 })).toEqual(['site "s1" (index 0) serves 14, above its capacity 12']);
    const wrongSum = violations({ model: "fixed-charge" }, { ...split, objective: 36, bound: 36, allocations: split.allocations!.slice(0, 3), load: Float64Array.from([10, 9, 0]) });
    expect(wrongSum).toContain('demand point "c" (index 2, weight 8) has allocations summing to 4, not its weight 8');
    expect(violations({ model: "fixed-charge", singleSource: true }, { ...split, objective: 36, bound: 36 })).toContain(
      "the solution splits demand (4 allocations) but the model is single-source",
    );
  });

  it("checks the status: no optimal with a gap, the bound on the right side, the gap matching", () => {
    expect(violations(pMedian, { gap: 0.01, bound: 23.76 })).toContain("status is optimal but the gap is 0.01 > 0.000001");
    expect(violations(pMedian, { status: "feasible", bound: 30, gap: 0.25 })).toContain(
      "the bound 30 is on the wrong side of the objective 24 (the model minimises)",
    );
    const maximise: ModelSpec = { model: "max-coverage", p: 2, radius: 3 };
    expect(violations(maximise, { model: "max-coverage", status: "feasible", objective: 23, bound: 20, gap: 3 / 23 })).toContain(
      "the bound 20 is on the wrong side of the objective 23 (the model maximises)",
    );
    expect(violations(pMedian, { status: "feasible", bound: 12, gap: 0.1 })).toContain(
      "the gap 0.1 does not match |objective − bound| / |objective| = 0.5",
    );
  });

  it("accepts an infeasible solution with reasons and no sites, and reports one without reasons", () => {
    const none: Partial<Solution> = { status: "infeasible", objective: null, bound: null, gap: null, open: [], assignment: Int32Array.from([-1, -1, -1, -1]), load: new Float64Array(3) };
    const reasons = [{ code: "solver" as const, message: "no" }];
    expect(checkSolution(problem, pMedian, solution({ ...none, reasons }))).toEqual({ valid: true, objective: null, violations: [] });
    expect(violations(pMedian, none)).toEqual(["status is infeasible but no reason is given"]);
    expect(violations(pMedian, { ...none, status: "optimal" })).toEqual(["status is optimal but no solution is given"]);
  });

  it("reports a solution for another model or of the wrong shape", () => {
    expect(violations({ model: "p-center", p: 2 }, {})).toContain("the solution is for model p-median, the spec for p-center");
    expect(violations(pMedian, { assignment: new Int32Array(2) })).toEqual(["assignment has length 2, not the 4 demand points"]);
  });

  it("shares no code with the models: it imports nothing from src/models but the spec types", () => {
    for (const file of ["checkSolution.ts", "checkRules.ts"]) {
      const source = readFileSync(new URL(`../../src/metrics/${file}`, import.meta.url), "utf8");
      const imports = [...source.matchAll(/from "([^"]+)"/g)].map((match) => match[1]!);
      expect(imports.filter((path) => path.includes("/models/"))).toEqual(imports.some((path) => path === "../models/spec.ts") ? ["../models/spec.ts"] : []);
    }
  });
});
