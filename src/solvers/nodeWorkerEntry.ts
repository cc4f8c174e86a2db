/**
 * Node only: the `node:worker_threads` entry that `nodeWorker.ts` starts (Node 20 has no global `Worker`).
 * Receives one {@link SolveRequest}, runs the backend, posts progress and the result.
 * @module
 */
import { parentPort } from "node:worker_threads";
import { handleSolveRequest, type SolveRequest } from "./workerProtocol.ts";

const port = parentPort;
if (port === null) throw new Error("nodeWorkerEntry must run in a worker thread");
port.on("message", (request: SolveRequest) => {
  void handleSolveRequest(request, (message, transfer) => port.postMessage(message, transfer));
});
