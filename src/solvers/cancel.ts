/**
 * Cancellation shared by the backends: an `AbortSignal` on the calling thread, or a shared cancel flag set by
 * another thread.
 * @module
 */
import type { SolverName } from "../solution.ts";
import type { LinearResult, LinearSolveOptions } from "./options.ts";

/**
 * Whether the solve should stop: the signal is aborted or `cancelFlag[0] !== 0`.
 * @param options - the backend options
 */
export function isCancelled(options: Pick<LinearSolveOptions, "signal" | "cancelFlag">): boolean {
  return (options.signal?.aborted ?? false) || (options.cancelFlag !== undefined && Atomics.load(options.cancelFlag, 0) !== 0);
}

/**
 * The result of a solve stopped before it found anything: status `aborted`, no solution, no bound.
 * @param solver - the backend
 * @param seconds - wall-clock seconds spent
 */
export function abortedResult(solver: SolverName, seconds: number): LinearResult {
  return { status: "aborted", objective: null, bound: null, gap: null, values: null, solver, seconds };
}
