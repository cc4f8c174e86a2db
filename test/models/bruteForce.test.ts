import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MODEL_NAMES, solve } from "../../src/index.ts";
import { tinyCase } from "../helpers/arbitraries.ts";
import { bruteForce } from "../helpers/bruteForce.ts";
import { BACKENDS, expectClose, expectValid, specFor } from "./support.ts";

describe.each(BACKENDS)("every model on the %s backend", (solver) => {
  it.each(MODEL_NAMES)("%s agrees with brute force on tiny random problems, and checkSolution passes", async (model) => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), async (tiny) => {
        const spec = specFor(model, tiny);
        const solution = await solve(tiny.problem, spec, { solver });
        const expected = await bruteForce(tiny.problem, spec);
        expectValid(tiny.problem, spec, solution);
        if (expected === null) {
          expect(solution.status).toBe("infeasible");
          return;
        }
        expect(solution.status).toBe("optimal");
        expectClose(solution.objective, expected, model === "fixed-charge" ? 1e-7 : 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});
