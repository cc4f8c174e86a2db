/**
 * Solving in a worker, so that the calling thread stays free and an `AbortSignal` really stops a long solve.
 *
 * The calling thread starts one worker per solve and sends it the model (its typed arrays are copied, so the
 * caller's model is untouched) and a cancel flag: an `Int32Array` on a `SharedArrayBuffer`. On abort it sets
 * the flag with `Atomics.store`; HiGHS polls it in its MIP, simplex and interior-point interrupt callbacks and
 * stops with the best solution and bound found so far (javascript-lp-solver polls it between simplex pivots and
 * stops without a solution). The worker also posts each improving MIP solution HiGHS reports, so the calling
 * thread always holds the last incumbent: where memory cannot be shared (a browser page that is not
 * cross-origin isolated), or the worker has not answered within a grace period (HiGHS can run for many seconds
 * between two interrupt checks, e.g. in presolve or a long root LP), the worker is terminated and the result is
 * `aborted` with that incumbent (or without a solution if none came). If the worker dies (HiGHS aborted, out
 * of memory) after reporting an incumbent, the result is that incumbent, `aborted`, with
 * {@link LinearResult.failure}; only the worker's heap is lost, never the calling thread's. The worker is always
 * terminated once the solve settles.
 *
 * Every way a worker can fail says what happened, never an empty message: an `error` event whatever it carries
 * (an `Error`, an `Error` without a message, a thrown string, `undefined`, an object, or none at all when the
 * script fails to load), an exit before answering (with its exit code, Node), a `messageerror` (a message that
 * could not be deserialized), a message outside the protocol, an error posted without a message, and a request
 * that cannot be sent to the worker.
 *
 * Runtimes: a standard module Web Worker (`new Worker(new URL("./solverWorker.js", import.meta.url),
 * { type: "module" })`) wherever `globalThis.Worker` exists — Deno and browsers (tested in Deno; browsers need
 * the worker file served beside this module, as in the published `dist/`, and shared memory only with
 * cross-origin isolation); `node:worker_threads` through the Node-only `nodeWorker.ts` in Node 20.
 * @module
 */
import { quoteValue, SolverError } from "../errors.ts";
import { relativeGap } from "../solution.ts";
import { abortedResult } from "./cancel.ts";
import type { LinearModel } from "./linearModel.ts";
import { checkLinearSolution, modelObjective } from "./linearSolution.ts";
import type { LinearResult, LinearSolveOptions } from "./options.ts";
import type { Backend } from "./runBackend.ts";
import type { SolveRequest, WorkerMessage } from "./workerProtocol.ts";

/** How long, in milliseconds, an aborted solve may take to answer before its worker is terminated. */
const ABORT_GRACE_MILLISECONDS = 2000;

/** A started solver worker, whatever the runtime. */
export interface SolverWorker {
  /** Sends the solve request. Throws (e.g. `DataCloneError`) when something in it cannot be posted. */
  post(request: SolveRequest): void;
  /** Stops the worker at once. */
  terminate(): void;
}

/** What a solver worker reports. */
export interface SolverWorkerEvents {
  /** A message from the worker. */
  message(message: WorkerMessage): void;
  /**
   * The worker failed to start, threw, or exited before answering. `error` is what the runtime reported, which
   * need not be an `Error` (a worker may throw anything); {@link describeFailure} says it in words.
   */
  failure(error: unknown): void;
}

/** "an Error", "a RuntimeError". */
function withArticle(name: string): string {
  return `${/^[AEIOU]/i.test(name) ? "an" : "a"} ${name}`;
}

/**
 * Says in words what a worker (or the runtime on its behalf) threw or reported: never an empty string, whatever
 * the value (an `Error` without a message, an empty string, `undefined`, an object).
 * @param value - what was thrown or reported
 * @returns e.g. `"RuntimeError: Aborted(OOM)"`, `"an Error without a message"`, `"a thrown undefined (not an Error)"`
 */
function describeFailure(value: unknown): string {
  if (value instanceof Error) {
    const message = value.message.trim();
    const name = value.name || "Error";
    if (message === "") return `${withArticle(name)} without a message`;
    return name === "Error" ? message : `${name}: ${message}`;
  }
  if (typeof value === "string") return value.trim() === "" ? "an empty string thrown (not an Error)" : value;
  if (typeof value === "object" && value !== null) {
    const { name, message } = value as { name?: unknown; message?: unknown };
    if (typeof message === "string" && message.trim() !== "") {
      return typeof name === "string" && name !== "" && name !== "Error" ? `${name}: ${message}` : message;
    }
    if (typeof name === "string" && name !== "") return `${withArticle(name)} without a message`;
  }
  if (value === undefined || value === null) return `a thrown ${String(value)} (not an Error)`;
  return `a thrown value that is not an Error: ${quoteValue(value)}`;
}

/** Whether a value from the worker is one of the {@link WorkerMessage}s of the protocol, in shape. */
function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (typeof value !== "object" || value === null) return false;
  const message = value as { kind?: unknown; progress?: unknown; values?: unknown; result?: unknown };
  switch (message.kind) {
    case "progress":
      return typeof message.progress === "object" && message.progress !== null;
    case "incumbent":
      return message.values instanceof Float64Array;
    case "result":
      return typeof message.result === "object" && message.result !== null;
    case "error":
      return true; // name and message are checked where the error is rebuilt
    default:
      return false;
  }
}

/** Whether this module runs from TypeScript source (tsx, vitest, Deno) rather than compiled JavaScript. */
const fromSource = import.meta.url.endsWith(".ts");

function startWebWorker(events: SolverWorkerEvents): SolverWorker {
  const url = new URL(fromSource ? "./solverWorker.ts" : "./solverWorker.js", import.meta.url);
  const worker = new Worker(url, { type: "module" });
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => events.message(event.data);
  worker.onerror = (event: Event) => {
    event.preventDefault();
    events.failure(new Error(describeErrorEvent(event)));
  };
  worker.onmessageerror = () => events.failure(new Error("a message from it could not be deserialized (messageerror)"));
  return {
    post: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
  };
}

/**
 * What a Web Worker's `error` event says: its message, else the error it carries, else why there may be none (a
 * plain `Event`, as when the worker's script cannot be loaded), with the place when the runtime gives one.
 */
function describeErrorEvent(event: Event): string {
  const { message, error, filename, lineno } = event as Partial<ErrorEvent>;
  const place = typeof filename === "string" && filename !== "" ? ` (at ${filename}${typeof lineno === "number" && lineno > 0 ? `:${lineno}` : ""})` : "";
  if (typeof message === "string" && message.trim() !== "") return message + place;
  if (error !== undefined && error !== null) return describeFailure(error) + place;
  return `an error event without a message or error${place}: its script failed to load or it threw something that is not an Error`;
}

async function startWorker(events: SolverWorkerEvents): Promise<SolverWorker> {
  if (typeof globalThis.Worker === "function") return startWebWorker(events);
  const { startNodeSolverWorker } = await import("./nodeWorker.ts");
  return startNodeSolverWorker(events);
}

function sharedCancelFlag(): Int32Array | null {
  if (typeof SharedArrayBuffer !== "function") return null;
  try {
    return new Int32Array(new SharedArrayBuffer(4));
  } catch {
    return null;
  }
}

function rebuildError(name: string, message: string): Error {
  if (name === "SolverError") return new SolverError(message);
  const error = new Error(message);
  error.name = name;
  return error;
}

/** Whether a value is a string with something in it besides white space. */
function hasText(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/**
 * Solves a linear model in a worker with the given backend.
 * @param model - the linear model (copied to the worker, never changed)
 * @param backend - the backend to run in the worker
 * @param fallbackToHighs - whether a javascript-lp-solver stall is answered with HiGHS (`auto` chose it)
 * @param options - time limit, gap, warm start, `signal` (stops the solve: status `aborted` with the best
 *   solution and bound HiGHS has; where the worker had to be terminated, the last incumbent it posted, or no
 *   solution if it posted none) and `onProgress` (called on this thread with the worker's progress)
 * @returns the backend's result; when the worker failed after posting an incumbent, that incumbent with status
 *   `aborted` and `failure` set
 * @throws SolverError when the worker cannot start, the request cannot be sent to it, or it fails (an error
 *   event, an exit before answering, a message that cannot be read or is not of the protocol, an error without a
 *   message, or the backend throws a SolverError) before posting any incumbent; the message always says which
 */
export async function solveOffThread(
  model: LinearModel,
  backend: Backend,
  fallbackToHighs: boolean,
  options: LinearSolveOptions,
): Promise<LinearResult> {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const signal = options.signal;
  if (signal?.aborted) return abortedResult(backend, elapsed());
  return new Promise<LinearResult>((resolve, reject) => {
    let settled = false;
    let worker: SolverWorker | null = null;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    let cancelFlag = sharedCancelFlag();
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      if (graceTimer !== undefined) clearTimeout(graceTimer);
      signal?.removeEventListener("abort", onAbort);
      worker?.terminate();
      outcome();
    };
    // The last improving solution the worker posted, and the last bound it reported.
    let incumbent: Float64Array | null = null;
    let lastBound: number | null = null;
    /** The held incumbent as an `aborted` result, or null when there is none (or it does not check). */
    const incumbentResult = (failure?: string): LinearResult | null => {
      if (incumbent === null || checkLinearSolution(model, incumbent) !== null) return null;
      const objective = modelObjective(model, incumbent);
      return {
        status: "aborted",
        objective,
        bound: lastBound,
        gap: relativeGap(objective, lastBound),
        values: incumbent,
        solver: backend,
        seconds: elapsed(),
        ...(failure === undefined ? {} : { failure }),
      };
    };
    const stopNow = (): void => settle(() => resolve(incumbentResult() ?? abortedResult(backend, elapsed())));
    const failWith = (error: Error): void => {
      const held = incumbentResult(`the solver worker failed after ${elapsed().toFixed(1)} s (${error.message}); this is the best solution it had found`);
      settle(() => (held === null ? reject(error) : resolve(held)));
    };
    function onAbort(): void {
      if (settled) return;
      if (worker === null || cancelFlag === null) {
        stopNow();
        return;
      }
      Atomics.store(cancelFlag, 0, 1);
      graceTimer = setTimeout(stopNow, ABORT_GRACE_MILLISECONDS);
    }
    /** `failWith` for an event of the worker, said as "the solver worker failed: …". */
    const workerFailed = (what: string): void => failWith(new SolverError(`the solver worker failed: ${what}`));
    const events: SolverWorkerEvents = {
      message(message) {
        if (settled) return;
        if (!isWorkerMessage(message)) {
          workerFailed(`it sent ${quoteValue(message)}, which is not a message of the solver protocol`);
        } else if (message.kind === "progress") {
          lastBound = message.progress.bound ?? lastBound;
          try {
            options.onProgress?.(message.progress);
          } catch (error) {
            settle(() => reject(error));
          }
        } else if (message.kind === "incumbent") {
          incumbent = message.values;
          lastBound = message.bound ?? lastBound;
        } else if (message.kind === "result") {
          const result = message.result;
          const held = result.status === "aborted" && result.values === null ? incumbentResult() : null;
          settle(() => resolve(held ?? result));
        } else if (!hasText(message.message)) {
          const what = hasText(message.name) ? withArticle(message.name) : "an error";
          workerFailed(`it reported ${what} without a message from ${backend} after ${elapsed().toFixed(1)} s`);
        } else if (message.name === "SolverError") {
          failWith(new SolverError(message.message));
        } else {
          settle(() => reject(rebuildError(hasText(message.name) ? message.name : "Error", message.message)));
        }
      },
      failure(error) {
        workerFailed(describeFailure(error));
      },
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    startWorker(events).then(
      (started) => {
        if (settled) {
          started.terminate();
          return;
        }
        worker = started;
        const request = (flag: Int32Array | null): SolveRequest => ({
          kind: "solve",
          backend,
          fallbackToHighs,
          model,
          timeLimitSeconds: options.timeLimitSeconds,
          mipRelativeGap: options.mipRelativeGap,
          initialSolution: options.initialSolution,
          explainInfeasibility: options.explainInfeasibility === true,
          reportProgress: options.onProgress !== undefined,
          cancelFlag: flag,
        });
        try {
          try {
            started.post(request(cancelFlag));
          } catch (error) {
            if (cancelFlag === null) throw error;
            cancelFlag = null; // shared memory cannot be posted here: abort by terminating the worker
            started.post(request(null));
          }
        } catch (error) {
          failWith(new SolverError(`the solve request could not be sent to the solver worker: ${describeFailure(error)}`));
          return;
        }
        if (signal?.aborted) onAbort();
      },
      (error: unknown) => failWith(new SolverError(`the solver worker could not be started: ${describeFailure(error)}`)),
    ).catch((error: unknown) => failWith(new SolverError(`the off-thread solve failed on the calling thread: ${describeFailure(error)}`)));
  });
}
