/**
 * Solves a {@link LinearModel} with the backend the options choose, on the calling thread or in a worker.
 * @module
 */
import { InputError } from "../errors.ts";
import { abortedResult } from "./cancel.ts";
import { chooseBackend } from "./chooseBackend.ts";
import { assertHighsFits, estimateHighsBytes } from "./highsMemory.ts";
import type { LinearModel } from "./linearModel.ts";
import { solveOffThread } from "./offThread.ts";
import { BACKEND_CHOICES, type LinearResult, type LinearSolveOptions, type SolveOptions } from "./options.ts";
import { runBackend } from "./runBackend.ts";
import { validateLinearModel } from "./validateModel.ts";

/**
 * HiGHS models whose estimated peak memory ({@link estimateHighsBytes}) is at least this many bytes (512 MiB)
 * are solved in a worker unless `offThread: false` is given: their WebAssembly heap then lives and dies with the
 * worker (released when it ends, and a HiGHS abort takes down only the worker), while starting a worker costs a
 * few hundred milliseconds against solves of many seconds.
 */
export const OFF_THREAD_MIN_BYTES = 512 * 1024 ** 2;

/** What {@link solveLinearModel} takes: the solve options, a warm start and the infeasibility explanation switch. */
export type LinearModelSolveOptions = SolveOptions & Pick<LinearSolveOptions, "initialSolution" | "explainInfeasibility">;

/**
 * Checks the backend options every solve takes: the solver's name among `choices`, the time limit, the gap, the
 * off-thread switch, the progress callback and the signal.
 * @param options - the options
 * @param choices - the solver names allowed; default the backends
 * @throws InputError naming the option and the value
 */
export function checkSolveOptions(options: SolveOptions | { readonly solver?: string }, choices: readonly string[] = BACKEND_CHOICES): void {
  const o = options as SolveOptions;
  const solver = (options.solver ?? "auto") as string;
  if (!choices.includes(solver)) {
    throw new InputError({ source: "options", field: "solver", value: solver }, `must be one of ${choices.join(", ")}`);
  }
  if (o.timeLimitSeconds !== undefined && !(typeof o.timeLimitSeconds === "number" && o.timeLimitSeconds > 0)) {
    throw new InputError({ source: "options", field: "timeLimitSeconds", value: o.timeLimitSeconds }, "must be a number > 0");
  }
  if (o.mipRelativeGap !== undefined && !(typeof o.mipRelativeGap === "number" && o.mipRelativeGap >= 0 && o.mipRelativeGap < 1)) {
    throw new InputError({ source: "options", field: "mipRelativeGap", value: o.mipRelativeGap }, "must be a number in [0, 1)");
  }
  if (o.offThread !== undefined && typeof o.offThread !== "boolean") {
    throw new InputError({ source: "options", field: "offThread", value: o.offThread }, "must be true or false");
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== "function") {
    throw new InputError({ source: "options", field: "onProgress", value: typeof o.onProgress }, "must be a function");
  }
  if (o.signal !== undefined && !(typeof AbortSignal !== "undefined" && o.signal instanceof AbortSignal)) {
    throw new InputError({ source: "options", field: "signal", value: typeof o.signal }, "must be an AbortSignal");
  }
}

function validateOptions(model: LinearModel, options: LinearModelSolveOptions): void {
  checkSolveOptions(options);
  const start = options.initialSolution;
  if (start !== undefined) {
    if (!(start instanceof Float64Array) || start.length !== model.columnCount) {
      throw new InputError(
        { source: "options", field: "initialSolution", value: start instanceof Float64Array ? `length ${start.length}` : typeof start },
        `must be a Float64Array of length ${model.columnCount} (one value per column)`,
      );
    }
    const bad = start.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) throw new InputError({ source: "options", index: bad, field: "initialSolution", value: start[bad] }, "must be finite");
  }
}

/**
 * Solves a linear model with the chosen backend (`options.solver`, default `auto`: see {@link chooseBackend}).
 *
 * With `offThread` (default: true when a `signal` is given, or for HiGHS when the model's estimated memory is at
 * least {@link OFF_THREAD_MIN_BYTES}, 512 MiB) the backend runs in a worker — a Web Worker in Deno
 * and browsers, `node:worker_threads` in Node — so the calling thread stays free, `onProgress` is called on it,
 * and aborting the signal really stops the solve: the result is `aborted` with the best solution and bound HiGHS
 * had found; when the worker had to be terminated (no shared memory, no answer within 2 s) the last improving
 * solution it had posted, or none (javascript-lp-solver stops without a solution). A HiGHS failure mid-solve
 * (its WebAssembly aborted) answers with the best solution found, status `aborted` and `failure` set, or with a
 * `SolverError` when it had found none; never with a raw `RuntimeError`. Without `offThread` the backend blocks the calling thread
 * and sees only a signal aborted before the start. An already aborted signal returns `aborted` at once. Where
 * `auto` chose javascript-lp-solver and its simplex stalls (it can cycle on degenerate models), HiGHS solves the
 * model instead.
 * @param model - the linear model (never changed)
 * @param options - backend, time limit, gap, signal, progress, `offThread`; `initialSolution` a warm start of
 *   length `columnCount` (HiGHS only); `explainInfeasibility` to get an irreducible infeasible subsystem of an
 *   infeasible model without integer columns (HiGHS only, which `auto` then chooses; see {@link LinearResult.conflict})
 * @returns the status, objective, bound, gap and column values; see {@link solveWithHighs} and
 *   {@link solveWithJsLpSolver} for what each status holds
 * @throws InputError on an unknown backend name, a bad time limit, gap, `offThread`, `onProgress` or warm start, or
 *   a malformed model (array lengths, row starts, column indices, NaN or contradictory values)
 * @throws SolverError when the backend fails before finding a solution, before trying when the model would not
 *   fit in HiGHS' WebAssembly memory (naming the columns, rows, nonzeros and bytes), or when the worker cannot start
 */
export async function solveLinearModel(
  model: LinearModel,
  options: LinearModelSolveOptions = {},
): Promise<LinearResult> {
  validateOptions(model, options);
  validateLinearModel(model);
  const choice = options.solver ?? "auto";
  const backend = chooseBackend(model, choice, options.explainInfeasibility === true);
  if (backend === "highs") assertHighsFits(model);
  if (options.signal?.aborted) return abortedResult(backend, 0);
  const fallbackToHighs = choice === "auto";
  const offThread = options.offThread ?? (options.signal !== undefined || (backend === "highs" && estimateHighsBytes(model) >= OFF_THREAD_MIN_BYTES));
  if (offThread) return solveOffThread(model, backend, fallbackToHighs, options);
  return runBackend(backend, model, options, fallbackToHighs);
}
