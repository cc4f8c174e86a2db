import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MODEL_NAMES, solve, solvePMedian, type ModelSpec, type PMedianModelSpec, type Problem, type Solution } from "../../src/index.ts";
import { tinyCase } from "../helpers/arbitraries.ts";
import { bruteForce } from "../helpers/bruteForce.ts";
import { BACKENDS, expectClose, expectValid, specFor } from "./support.ts";

/** Checks a solution against brute force: valid, infeasible exactly when brute force finds none, else proven optimal. */
async function expectBruteForceOptimum(problem: Problem, spec: ModelSpec, solution: Solution, tolerance = 1e-9): Promise<void> {
  const expected = await bruteForce(problem, spec);
  expectValid(problem, spec, solution);
  if (expected === null) {
    expect(solution.status).toBe("infeasible");
    return;
  }
  expect(solution.status).toBe("optimal");
  expectClose(solution.objective, expected, tolerance);
}

describe.each(BACKENDS)("every model on the %s backend", (solver) => {
  it.each(MODEL_NAMES)("%s agrees with brute force on tiny random problems, and checkSolution passes", async (model) => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), async (tiny) => {
        const spec = specFor(model, tiny);
        const solution = await solve(tiny.problem, spec, { solver });
        await expectBruteForceOptimum(tiny.problem, spec, solution, model === "fixed-charge" ? 1e-7 : 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});

describe("p-median on its own engine", () => {
  it('solver "benders" proves the brute-force optimum of tiny problems (sparse, weight 0, required and forbidden sites)', async () => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), async (tiny) => {
        const spec = specFor("p-median", tiny) as PMedianModelSpec;
        const solution = await solvePMedian(tiny.problem, { ...spec, solver: "benders" });
        await expectBruteForceOptimum(tiny.problem, spec, solution);
        if (solution.status === "optimal") expect(solution.bound).toBe(solution.objective);
      }),
      { numRuns: 150, seed: 8 },
    );
  });
});
