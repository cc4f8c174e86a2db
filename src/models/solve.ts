/**
 * One entry point for every location model.
 * @module
 */
import { InputError } from "../errors.ts";
import type { Problem } from "../problem.ts";
import { MODEL_NAMES, type Solution } from "../solution.ts";
import { solveCapacitatedPMedian } from "./capacitatedPMedian.ts";
import { solveFixedCharge } from "./fixedCharge.ts";
import { solveMaxCoverage } from "./maxCoverage.ts";
import { solvePCenter } from "./pCenter.ts";
import { solvePMedian } from "./pMedian.ts";
import { solveSetCover } from "./setCover.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";
import type { ModelSpec } from "./spec.ts";

/**
 * Solves the model `spec.model` with its parameters: {@link solvePMedian}, {@link solvePCenter},
 * {@link solveMaxCoverage}, {@link solveSetCover}, {@link solveCapacitatedPMedian} or {@link solveFixedCharge}.
 * @param problem - demand points, sites and costs
 * @param spec - the model's name and parameters (p, radius, required and forbidden site ids, single source)
 * @param options - backend options and an optional warm start; default `{}`
 * @returns the solution, as the model's own function returns it
 * @throws InputError on an unknown model name, an option the model does not read (a misspelt or misplaced
 *   name), or bad parameters (see each model)
 * @throws SolverError when the backend fails
 * @example
 * ```ts
 * const solution = await solve(problem, { model: "max-coverage", p: 3, radius: 2000 }, { timeLimitSeconds: 30 });
 * ```
 */
export async function solve(problem: Problem, spec: ModelSpec, options: LocationSolveOptions = {}): Promise<Solution> {
  switch (spec.model) {
    case "p-median":
      return solvePMedian(problem, { ...options, ...spec });
    case "p-center":
      return solvePCenter(problem, { ...options, ...spec });
    case "max-coverage":
      return solveMaxCoverage(problem, { ...options, ...spec });
    case "set-cover":
      return solveSetCover(problem, { ...options, ...spec });
    case "capacitated-p-median":
      return solveCapacitatedPMedian(problem, { ...options, ...spec });
    case "fixed-charge":
      return solveFixedCharge(problem, { ...options, ...spec });
    default: {
      const model: unknown = (spec as { model?: unknown }).model;
      throw new InputError({ source: "options", field: "model", value: model }, `must be one of ${MODEL_NAMES.join(", ")}`);
    }
  }
}
