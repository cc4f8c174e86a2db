/**
 * Run in a child process by `offThread.test.ts`, under Deno (`deno run -A`) and under Node (`node --import tsx`):
 * starts a long HiGHS solve with an `AbortSignal` (so it runs in a worker: a Web Worker in Deno,
 * `node:worker_threads` in Node), aborts it at the first progress report that has a solution, and prints one
 * JSON line with the outcome. The process only exits by itself if the worker was terminated.
 */
import { solveLinearModel } from "../../../src/solvers/index.ts";
import { hardModel } from "../models.ts";

const controller = new AbortController();
let progressCalls = 0;
const result = await solveLinearModel(hardModel(), {
  solver: "highs",
  signal: controller.signal,
  timeLimitSeconds: 30,
  onProgress: (progress) => {
    progressCalls++;
    if (progress.objective !== null) controller.abort();
  },
});
const alreadyAborted = await solveLinearModel(hardModel(), { solver: "highs", signal: AbortSignal.abort() });
console.log(
  JSON.stringify({
    status: result.status,
    solver: result.solver,
    hasSolution: result.values !== null,
    bound: result.bound,
    progressCalls,
    globalWorker: typeof (globalThis as { Worker?: unknown }).Worker === "function",
    alreadyAbortedStatus: alreadyAborted.status,
  }),
);
