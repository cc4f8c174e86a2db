/**
 * The calling thread's side of an off-thread solve when the worker cannot answer: it holds the last incumbent the
 * worker posted and answers with it when the worker dies (HiGHS aborted) or has to be terminated after an abort.
 * The worker here is a stand-in installed as `globalThis.Worker` (the Web Worker path of offThread.ts), so that
 * each failure happens exactly when the test says.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SolverError } from "../../src/errors.ts";
import { checkLinearSolution, estimateHighsBytes, solveLinearModel, solveWithHighs, type LinearModel } from "../../src/solvers/index.ts";
import { OFF_THREAD_MIN_BYTES } from "../../src/solvers/solve.ts";
import { modelObjective } from "../../src/solvers/linearSolution.ts";
import type { SolveRequest, WorkerMessage } from "../../src/solvers/workerProtocol.ts";
import { pMedianModel } from "./models.ts";

type Script = (worker: FakeWorker, request: SolveRequest) => void;

/** A Web Worker stand-in that runs `script` when the request is posted. */
class FakeWorker {
  static script: Script = () => {};
  static terminated = 0;
  onmessage: ((event: { data: WorkerMessage }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(request: SolveRequest): void {
    setTimeout(() => FakeWorker.script(this, request), 10);
  }
  send(message: WorkerMessage): void {
    this.onmessage?.({ data: message });
  }
  die(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} });
  }
  terminate(): void {
    FakeWorker.terminated++;
  }
}

const globals = globalThis as { Worker?: unknown };
const hadWorker = "Worker" in globals;
const realWorker = globals.Worker;
function installFakeWorker(script: Script): void {
  FakeWorker.script = script;
  FakeWorker.terminated = 0;
  globals.Worker = FakeWorker;
}
afterEach(() => {
  if (hadWorker) globals.Worker = realWorker;
  else delete globals.Worker;
});

/** A p-median model and a feasible (optimal) solution of it, found by HiGHS on this thread. */
async function modelWithSolution(): Promise<{ model: LinearModel; values: Float64Array }> {
  const model = pMedianModel(12, 6, 2, 3);
  const solved = await solveWithHighs(model);
  expect(solved.values).not.toBeNull();
  return { model, values: solved.values! };
}

describe("solveLinearModel offThread when the worker cannot answer", () => {
  it("a worker that dies after posting an incumbent answers with that incumbent: aborted, failure named", async () => {
    const { model, values } = await modelWithSolution();
    installFakeWorker((worker) => {
      worker.send({ kind: "incumbent", values: Float64Array.from(values), bound: 1 });
      worker.die("RuntimeError: Aborted(OOM)");
    });
    const result = await solveLinearModel(model, { solver: "highs", offThread: true });
    expect(result.status).toBe("aborted");
    expect(checkLinearSolution(model, result.values!)).toBeNull();
    expect(result.objective).toBeCloseTo(modelObjective(model, values), 9);
    expect(result.bound).toBe(1);
    expect(result.failure).toMatch(/solver worker failed.*Aborted\(OOM\)/);
    expect(FakeWorker.terminated).toBe(1);
  });

  it("a worker that does not answer an abort within the grace period is terminated, and its last incumbent comes back", async () => {
    const { model, values } = await modelWithSolution();
    const controller = new AbortController();
    installFakeWorker((worker, request) => {
      expect(request.cancelFlag).toBeInstanceOf(Int32Array);
      worker.send({ kind: "progress", progress: { elapsedSeconds: 1, objective: 99, bound: 2, gap: 0.9, nodes: 0 } });
      worker.send({ kind: "incumbent", values: Float64Array.from(values), bound: null });
      controller.abort(); // and then never answers, as HiGHS in a long phase without interrupt checks
    });
    const started = performance.now();
    const result = await solveLinearModel(model, { solver: "highs", signal: controller.signal, onProgress: () => {} });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900); // the 2 s grace
    expect(result.status).toBe("aborted");
    expect(result.values).toEqual(values);
    expect(result.objective).toBeCloseTo(modelObjective(model, values), 9);
    expect(result.bound).toBe(2); // the last bound reported, by progress
    expect(result.failure).toBeUndefined();
    expect(FakeWorker.terminated).toBe(1);
  });

  it("a worker's aborted result without values is completed with the incumbent it had posted", async () => {
    const { model, values } = await modelWithSolution();
    installFakeWorker((worker) => {
      worker.send({ kind: "incumbent", values: Float64Array.from(values), bound: 0.5 });
      worker.send({ kind: "result", result: { status: "aborted", objective: null, bound: null, gap: null, values: null, solver: "highs", seconds: 1 } });
    });
    const result = await solveLinearModel(model, { solver: "highs", offThread: true });
    expect(result).toMatchObject({ status: "aborted", bound: 0.5 });
    expect(result.values).toEqual(values);
  });

  it("an incumbent that breaks the model's constraints is not passed off as a solution", async () => {
    const { model, values } = await modelWithSolution();
    installFakeWorker((worker) => {
      worker.send({ kind: "incumbent", values: new Float64Array(values.length), bound: null }); // nothing assigned
      worker.die("RuntimeError: Aborted()");
    });
    await expect(solveLinearModel(model, { solver: "highs", offThread: true })).rejects.toThrow(SolverError);
  });

  it("a worker that dies before any incumbent is a SolverError naming the failure", async () => {
    const { model } = await modelWithSolution();
    installFakeWorker((worker) => worker.die("RuntimeError: Aborted(OOM)"));
    const failing = solveLinearModel(model, { solver: "highs", offThread: true });
    await expect(failing).rejects.toThrow(SolverError);
    await expect(failing).rejects.toThrow(/solver worker failed: RuntimeError: Aborted\(OOM\)/);
  });
});

describe("solveLinearModel runs big HiGHS models in a worker by default", () => {
  it("a model estimated at 512 MiB or more goes to a worker without being asked; a small one stays on this thread", async () => {
    const big = pMedianModel(300, 300, 5, 1);
    expect(estimateHighsBytes(big)).toBeGreaterThanOrEqual(OFF_THREAD_MIN_BYTES);
    let requests = 0;
    installFakeWorker((worker, request) => {
      requests++;
      expect(request.model.columnCount).toBe(big.columnCount);
      worker.send({ kind: "result", result: { status: "timeLimit", objective: null, bound: null, gap: null, values: null, solver: "highs", seconds: 0 } });
    });
    const answered = await solveLinearModel(big, { solver: "highs" });
    expect(answered.status).toBe("timeLimit"); // the stand-in worker's answer
    expect(requests).toBe(1);
    const { model } = await modelWithSolution();
    const here = await solveLinearModel(model, { solver: "highs" });
    expect(here.status).toBe("optimal");
    expect(requests).toBe(1);
  });
});
