/** Shared pieces of the model tests: backends, specs from tiny cases, and the check every solution must pass. */
import { expect } from "vitest";
import { checkSolution, type ModelName, type ModelSpec, type Problem, type Solution } from "../../src/index.ts";
import type { TinyCase } from "../helpers/arbitraries.ts";

/** Both backends every model is tested on. */
export const BACKENDS = ["highs", "javascript-lp-solver"] as const;

/** The spec of a model on a tiny case. */
export function specFor(model: ModelName, tiny: TinyCase): ModelSpec {
  const choice = { required: tiny.required, forbidden: tiny.forbidden };
  switch (model) {
    case "p-median":
    case "p-center":
    case "capacitated-p-median":
      return { model, p: tiny.p, ...choice };
    case "max-coverage":
      return { model, p: tiny.p, radius: tiny.radius, ...choice };
    case "set-cover":
      return { model, radius: tiny.radius, ...choice };
    case "fixed-charge":
      return { model, singleSource: tiny.singleSource, ...choice };
  }
}

/** Asserts that checkSolution finds nothing wrong, showing the violations when it does. */
export function expectValid(problem: Problem, spec: ModelSpec, solution: Solution): void {
  const check = checkSolution(problem, spec, solution);
  expect(check.violations).toEqual([]);
  expect(check.valid).toBe(true);
}

/** Relative closeness, for objectives recomputed from the same data. */
export function expectClose(actual: number | null, expected: number | null, tolerance = 1e-9): void {
  if (expected === null || actual === null) {
    expect(actual).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}
