/**
 * Runs one backend on the current thread, falling back from javascript-lp-solver to HiGHS where `auto` chose it
 * and it stalled.
 * @module
 */
import { solveWithHighs } from "./highs.ts";
import { JsLpSolverStall, solveWithJsLpSolver } from "./jsLpSolver.ts";
import type { LinearModel } from "./linearModel.ts";
import type { LinearResult, LinearSolveOptions } from "./options.ts";

/** The backends. */
export type Backend = "highs" | "javascript-lp-solver";

/**
 * Runs the backend on the calling thread.
 * @param backend - the backend
 * @param model - the linear model
 * @param options - the backend options
 * @param fallbackToHighs - whether a javascript-lp-solver stall ({@link JsLpSolverStall}) is answered by solving
 *   with HiGHS for the rest of the time limit (true when `auto` chose javascript-lp-solver)
 */
export async function runBackend(
  backend: Backend,
  model: LinearModel,
  options: LinearSolveOptions,
  fallbackToHighs: boolean,
): Promise<LinearResult> {
  if (backend === "highs") return solveWithHighs(model, options);
  const started = performance.now();
  try {
    return await solveWithJsLpSolver(model, options);
  } catch (error) {
    if (!fallbackToHighs || !(error instanceof JsLpSolverStall)) throw error;
    const spent = (performance.now() - started) / 1000;
    const limit = options.timeLimitSeconds;
    return solveWithHighs(model, limit === undefined ? options : { ...options, timeLimitSeconds: Math.max(0.001, limit - spent) });
  }
}
