/**
 * The messages between the calling thread and a solver worker, and the worker's side of the exchange. Shared by
 * the Web Worker entry (`solverWorker.ts`) and the Node entry (`nodeWorkerEntry.ts`).
 * @module
 */
import type { LinearModel } from "./linearModel.ts";
import type { LinearResult, LinearSolveOptions, SolveProgress } from "./options.ts";
import { type Backend, runBackend } from "./runBackend.ts";

/** Calling thread → worker: solve one model. */
export interface SolveRequest {
  /** Message kind. */
  readonly kind: "solve";
  /** The backend to run. */
  readonly backend: Backend;
  /** Whether a javascript-lp-solver stall is answered with HiGHS (`auto` chose it). */
  readonly fallbackToHighs: boolean;
  /** The model (structured-cloned: the caller's arrays are copied, never transferred). */
  readonly model: LinearModel;
  /** Time limit in seconds, or undefined for none. */
  readonly timeLimitSeconds: number | undefined;
  /** Relative MIP gap, or undefined for 0. */
  readonly mipRelativeGap: number | undefined;
  /** Warm start of length `columnCount`, or undefined. */
  readonly initialSolution: Float64Array | undefined;
  /** Whether HiGHS looks for an irreducible infeasible subsystem of an infeasible LP. */
  readonly explainInfeasibility: boolean;
  /** Whether to post progress messages. */
  readonly reportProgress: boolean;
  /** Length 1, on a SharedArrayBuffer: solving stops when element 0 is not 0. Null where memory cannot be shared. */
  readonly cancelFlag: Int32Array | null;
}

/** Worker → calling thread: progress, the result, or an error. */
export type WorkerMessage =
  | { readonly kind: "progress"; readonly progress: SolveProgress }
  /** An improving MIP solution (length `columnCount`) and HiGHS' bound then: the caller keeps the last one. */
  | { readonly kind: "incumbent"; readonly values: Float64Array; readonly bound: number | null }
  | { readonly kind: "result"; readonly result: LinearResult }
  | { readonly kind: "error"; readonly name: string; readonly message: string };

/** Posts a message from the worker, transferring the listed buffers. */
export type PostFromWorker = (message: WorkerMessage, transfer: ArrayBuffer[]) => void;

/**
 * Runs one solve request inside a worker and posts progress, each improving MIP solution (`incumbent`, so that
 * the calling thread holds the best solution even if it has to terminate the worker) and then exactly one result
 * or error.
 * @param request - the request
 * @param post - posts a message to the calling thread
 */
export async function handleSolveRequest(request: SolveRequest, post: PostFromWorker): Promise<void> {
  try {
    const options: LinearSolveOptions = {
      ...(request.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: request.timeLimitSeconds }),
      ...(request.mipRelativeGap === undefined ? {} : { mipRelativeGap: request.mipRelativeGap }),
      ...(request.initialSolution === undefined ? {} : { initialSolution: request.initialSolution }),
      ...(request.explainInfeasibility ? { explainInfeasibility: true } : {}),
      ...(request.cancelFlag === null ? {} : { cancelFlag: request.cancelFlag }),
      ...(request.reportProgress ? { onProgress: (progress: SolveProgress) => post({ kind: "progress", progress }, []) } : {}),
      onIncumbent: (values: Float64Array, bound: number | null) => post({ kind: "incumbent", values, bound }, [values.buffer as ArrayBuffer]),
    };
    const result = await runBackend(request.backend, request.model, options, request.fallbackToHighs);
    post({ kind: "result", result }, result.values === null ? [] : [result.values.buffer as ArrayBuffer]);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    post({ kind: "error", name: failure.name, message: failure.message }, []);
  }
}
