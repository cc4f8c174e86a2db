/**
 * The Web Worker entry (Deno, browsers, any runtime with a global `Worker`): receives one {@link SolveRequest},
 * runs the backend, posts progress and the result. Started by `solveLinearModel` with `offThread`.
 * @module
 */
import { handleSolveRequest, type SolveRequest, type WorkerMessage } from "./workerProtocol.ts";

const scope = globalThis as unknown as {
  onmessage: ((event: { readonly data: SolveRequest }) => void) | null;
  postMessage(message: WorkerMessage, transfer: ArrayBuffer[]): void;
};

scope.onmessage = (event) => {
  void handleSolveRequest(event.data, (message, transfer) => scope.postMessage(message, transfer));
};
