/**
 * Node only: starts a solver worker on `node:worker_threads`, for Node versions without a global `Worker`
 * (Node 20). Loaded by `offThread.ts` through a dynamic import only when `globalThis.Worker` is missing, so the
 * rest of the library has no static `node:` import.
 *
 * Running from TypeScript source (tsx, vitest), the worker entry is `nodeWorkerEntry.ts`, which Node 20 cannot
 * load by itself, and tsx's `--import` loader, inherited by workers, registers itself only on the main thread in
 * Node 20. So the worker starts from a one-line ES module bootstrap (a `data:` URL) that registers tsx's ESM
 * hooks in the worker (`register()` from `tsx/esm/api`, resolved from this file, so any working directory works)
 * and then imports the entry. Running from the compiled library, the entry is `nodeWorkerEntry.js`, started
 * directly with no loader.
 * @module
 */
import { Worker } from "node:worker_threads";
import { workerEntryUrl } from "../runtime/typeScriptWorker.node.ts";
import type { SolverWorker, SolverWorkerEvents } from "./offThread.ts";
import type { SolveRequest, WorkerMessage } from "./workerProtocol.ts";

/** The worker's entry: TypeScript from source, the compiled JavaScript when built. */
const ENTRY = new URL(import.meta.url.endsWith(".ts") ? "./nodeWorkerEntry.ts" : "./nodeWorkerEntry.js", import.meta.url);

/**
 * Starts a solver worker thread.
 * @param events - called with each message from the worker, and once if the worker fails (an `error` event,
 *   whatever value it carries, or a `messageerror`) or exits before it is terminated (with its exit code)
 * @returns a handle to post the request and terminate the worker
 * @throws Error when running from TypeScript source and tsx cannot be found
 */
export function startNodeSolverWorker(events: SolverWorkerEvents): SolverWorker {
  const worker = new Worker(workerEntryUrl(ENTRY));
  const started = performance.now();
  let terminated = false;
  worker.on("message", (message: WorkerMessage) => events.message(message));
  // What a worker throws arrives as is: an Error, but also undefined, a string or a plain object.
  worker.on("error", (error: unknown) => events.failure(error));
  worker.on("messageerror", (error: unknown) => {
    const detail = error instanceof Error && error.message !== "" ? `: ${error.message}` : "";
    events.failure(new Error(`a message from it could not be deserialized (messageerror)${detail}`));
  });
  worker.on("exit", (code: number) => {
    if (terminated) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const why = code === 0 ? " (it ran out of work without posting a result)" : "";
    events.failure(new Error(`it exited with code ${code} after ${seconds} s, before answering${why}`));
  });
  return {
    post(request: SolveRequest): void {
      worker.postMessage(request);
    },
    terminate(): void {
      terminated = true;
      void worker.terminate();
    },
  };
}
