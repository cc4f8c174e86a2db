import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createProblem,
  denseCostMatrix,
  solve,
  solvePCenter,
  solvePMedian,
  type LinearModel,
  type ModelSpec,
  type Problem,
} from "../../src/index.ts";
import { buildAssignmentModel } from "../../src/models/assignmentModel.ts";
import type { BuiltLocationModel } from "../../src/models/locationModel.ts";
import { buildMaxCoverageModel } from "../../src/models/maxCoverage.ts";
import { buildPCenterStep } from "../../src/models/pCenter.ts";
import { buildSetCoverModel } from "../../src/models/setCover.ts";
import { resolveSiteRules } from "../../src/models/siteRules.ts";
import { tinyCase } from "../helpers/arbitraries.ts";
import { expectClose, expectValid, specFor } from "./support.ts";

/** The rows and bounds a column vector breaks, as readable strings. */
function brokenConstraints(model: LinearModel, values: Float64Array): string[] {
  const broken: string[] = [];
  const slack = 1e-9;
  for (let c = 0; c < model.columnCount; c++) {
    const v = values[c]!;
    if (v < model.columnLower[c]! - slack || v > model.columnUpper[c]! + slack) broken.push(`column ${c} = ${v}`);
    if (model.integer[c] === 1 && Math.abs(v - Math.round(v)) > slack) broken.push(`column ${c} = ${v} not integer`);
  }
  for (let r = 0; r < model.rowCount; r++) {
    let sum = 0;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) sum += model.coefficients[k]! * values[model.columnIndices[k]!]!;
    if (sum < model.rowLower[r]! - slack * Math.max(1, Math.abs(sum)) || sum > model.rowUpper[r]! + slack * Math.max(1, Math.abs(sum))) {
      broken.push(`row ${r} = ${sum} outside [${model.rowLower[r]}, ${model.rowUpper[r]}]`);
    }
  }
  return broken;
}

/** The built model each solve uses (for p-center: the bisection step at the solution's own value). */
function builtFor(problem: Problem, spec: ModelSpec, objective: number): BuiltLocationModel | undefined {
  const rules = resolveSiteRules(problem, spec);
  switch (spec.model) {
    case "p-median":
      return buildAssignmentModel(problem, rules, { model: "p-median", p: spec.p, capacitated: false, singleSource: false, fixedCosts: false });
    case "capacitated-p-median":
      return buildAssignmentModel(problem, rules, { model: "capacitated-p-median", p: spec.p, capacitated: true, singleSource: true, fixedCosts: false });
    case "fixed-charge":
      return buildAssignmentModel(problem, rules, { model: "fixed-charge", capacitated: true, singleSource: spec.singleSource === true, fixedCosts: true });
    case "max-coverage":
      return buildMaxCoverageModel(problem, rules, spec.p, spec.radius);
    case "set-cover":
      return buildSetCoverModel(problem, rules, spec.radius);
    case "p-center":
      return buildPCenterStep(problem, rules, spec.p, objective);
  }
}

describe("warm starts", () => {
  it.each(["p-median", "p-center", "max-coverage", "set-cover", "capacitated-p-median", "fixed-charge"] as const)(
    "%s: a solution given back as a warm start maps to column values that satisfy every row and give its objective",
    async (model) => {
      await fc.assert(
        fc.asyncProperty(tinyCase(), async (tiny) => {
          const spec = specFor(model, tiny);
          const solution = await solve(tiny.problem, spec, { solver: "highs" });
          if (solution.objective === null) return;
          const built = builtFor(tiny.problem, spec, solution.objective)!;
          const values = built.startValues(solution);
          expect(values).toBeDefined();
          expect(brokenConstraints(built.linear, values!)).toEqual([]);
          if (model !== "p-center") {
            let objective = built.linear.offset;
            values!.forEach((v, c) => (objective += built.linear.objective[c]! * v));
            expectClose(objective * built.objectiveScale, solution.objective, 1e-9);
          }
          const again = await solve(tiny.problem, spec, { solver: "highs", initialSolution: solution });
          expect(again.status).toBe("optimal");
          expectClose(again.objective, solution.objective, 1e-7);
          expectValid(tiny.problem, spec, again);
        }),
        { numRuns: 25 },
      );
    },
  );

  const problem = createProblem({
    demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }],
    sites: [{ id: "s1" }, { id: "s2" }, { id: "s3", forbidden: true }],
    costs: denseCostMatrix([0, 4, 6, 4, 0, 3, 6, 3, 0], 3, 3, "kilometres"),
  });

  it("a warm start that breaks the rules (wrong p, a forbidden or unknown site) is ignored, not an error", async () => {
    for (const open of [[0], [0, 2], [0, 7], [0, 0], [0.5, 1]]) {
      const solution = await solvePMedian(problem, { p: 2, initialSolution: { open } });
      expect(solution).toMatchObject({ status: "optimal", objective: 24, open: [0, 1] });
    }
  });

  it("a p-center warm start gives the bisection its first upper bound and the answer stays optimal", async () => {
    const solution = await solvePCenter(problem, { p: 1, initialSolution: { open: [0] } });
    expect(solution).toMatchObject({ status: "optimal", objective: 4, open: [1] });
    const rules = resolveSiteRules(problem, {});
    expect(buildAssignmentModel(problem, rules, { model: "capacitated-p-median", p: 1, capacitated: true, singleSource: true, fixedCosts: false }).startValues({ open: [0] })).toBeDefined();
    const capacitated = createProblem({
      demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }],
      sites: [{ id: "s1", capacity: 12 }, { id: "s2", capacity: 12 }],
      costs: denseCostMatrix([1, 2, 1, 2], 2, 2, "metres"),
    });
    const built = buildAssignmentModel(capacitated, resolveSiteRules(capacitated, {}), {
      model: "capacitated-p-median",
      p: 2,
      capacitated: true,
      singleSource: true,
      fixedCosts: false,
    });
    expect(built.startValues({ open: [0, 1] })).toBeUndefined(); // capacities bind: an assignment is needed
    expect(built.startValues({ open: [0, 1], assignment: [0, 0] })).toBeUndefined(); // 15 > 12
    expect(built.startValues({ open: [0, 1], assignment: [0, 1] })).toBeDefined();
  });
});
