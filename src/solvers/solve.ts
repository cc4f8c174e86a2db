/**
 * Solves a {@link LinearModel} with the backend the options choose.
 * @module
 */
import { InputError } from "../errors.ts";
import { solveWithHighs } from "./highs.ts";
import type { LinearModel } from "./linearModel.ts";
import { BACKEND_CHOICES, type LinearResult, type SolveOptions } from "./options.ts";

/**
 * Solves a linear model with the chosen backend (`options.solver`, default `auto`).
 * @param model - the linear model
 * @param options - backend, time limit, gap, signal, progress; `initialSolution` a warm start of length `columnCount`
 * @throws InputError on an unknown backend name or a bad time limit or gap
 * @throws SolverError when the backend fails (e.g. the model does not fit in WebAssembly's memory)
 */
export async function solveLinearModel(
  model: LinearModel,
  options: SolveOptions & { readonly initialSolution?: Float64Array } = {},
): Promise<LinearResult> {
  const solver = options.solver ?? "auto";
  if (!BACKEND_CHOICES.includes(solver)) {
    throw new InputError({ source: "options", field: "solver", value: solver }, `must be one of ${BACKEND_CHOICES.join(", ")}`);
  }
  if (options.timeLimitSeconds !== undefined && !(options.timeLimitSeconds > 0)) {
    throw new InputError({ source: "options", field: "timeLimitSeconds", value: options.timeLimitSeconds }, "must be a number > 0");
  }
  if (options.mipRelativeGap !== undefined && !(options.mipRelativeGap >= 0 && options.mipRelativeGap < 1)) {
    throw new InputError({ source: "options", field: "mipRelativeGap", value: options.mipRelativeGap }, "must be a number in [0, 1)");
  }
  return solveWithHighs(model, options);
}
