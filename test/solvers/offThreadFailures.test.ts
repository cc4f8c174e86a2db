/**
 * Every way an off-thread solve's worker can fail gives a SolverError that says what happened (or, after an
 * incumbent, that incumbent with `failure` saying it): never an empty message, never an uncaught exception on the
 * calling thread.
 *
 * The Node path runs real `node:worker_threads` workers: `node:worker_threads` is mocked so that the solver's
 * worker runs a scripted body instead of the solver entry (exit early, throw `undefined`, throw an `Error` without
 * a message, post an error without a message, …), each failing exactly as the test says. The Web Worker path
 * (Deno, browsers) uses a stand-in installed as `globalThis.Worker`, as in offThreadIncumbent.test.ts.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { SolverError } from "../../src/errors.ts";
import { checkLinearSolution, solveLinearModel, solveWithHighs, type LinearModel, type LinearResult } from "../../src/solvers/index.ts";
import type { SolveRequest, WorkerMessage } from "../../src/solvers/workerProtocol.ts";
import { pMedianModel } from "./models.ts";

/** The body the next `node:worker_threads` Worker runs (CommonJS, `eval`), whatever entry it was started with. */
const scripted = vi.hoisted(() => ({ body: "" }));
vi.mock("node:worker_threads", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:worker_threads")>();
  class ScriptedWorker extends actual.Worker {
    constructor() {
      super(scripted.body, { eval: true });
    }
  }
  return { ...actual, Worker: ScriptedWorker };
});

/** A worker body that runs `onRequest` (JavaScript, with `port` and `request` in scope) when the request comes. */
const onRequest = (code: string): string =>
  `const port = require("node:worker_threads").parentPort;\nport.on("message", (request) => {\n${code}\n});\n`;

async function modelWithSolution(): Promise<{ model: LinearModel; values: Float64Array }> {
  const model = pMedianModel(12, 6, 2, 3);
  const solved = await solveWithHighs(model);
  expect(solved.values).not.toBeNull();
  return { model, values: solved.values! };
}

/** Solves off-thread and returns the error it was rejected with (failing the test if it resolved). */
async function failureOf(solving: Promise<LinearResult>): Promise<Error> {
  const outcome = await solving.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.result.status)}`);
  expect(outcome.error).toBeInstanceOf(SolverError);
  const error = outcome.error as Error;
  expect(error.message.trim()).not.toBe("");
  expect(error.message).not.toMatch(/failed: (undefined)?$|\[object Object\]/); // the old "…failed: " and "…failed: undefined"
  return error;
}

describe("off-thread solve in Node: a worker that fails says how", () => {
  it("is not running under a global Worker (so these tests take the node:worker_threads path)", () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).not.toBe("function");
  });

  it("a worker that exits with a code before answering: the code, and that it had not answered", async () => {
    const { model } = await modelWithSolution();
    scripted.body = onRequest("process.exit(3);");
    const error = await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }));
    expect(error.message).toMatch(/^the solver worker failed: it exited with code 3 after \d+\.\d s, before answering$/);
  });

  it("a worker whose event loop runs dry without answering: exit code 0, said as such", async () => {
    const { model } = await modelWithSolution();
    scripted.body = ""; // no message handler: the thread ends at once
    const error = await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }));
    expect(error.message).toMatch(/exited with code 0 .*before answering \(it ran out of work without posting a result\)/);
  });

  it("a worker that throws undefined: named as such, no uncaught TypeError on this thread", async () => {
    const { model } = await modelWithSolution();
    scripted.body = onRequest("throw undefined;");
    const error = await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }));
    expect(error.message).toBe("the solver worker failed: a thrown undefined (not an Error)");
  });

  it("a worker that throws an Error without a message, or an empty string", async () => {
    const { model } = await modelWithSolution();
    scripted.body = onRequest('throw new RangeError("");');
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toBe(
      "the solver worker failed: a RangeError without a message",
    );
    scripted.body = onRequest('throw "";');
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toBe(
      "the solver worker failed: an empty string thrown (not an Error)",
    );
  });

  it("a worker whose own postMessage fails (a value that cannot be cloned) is named, not '[object Object]'", async () => {
    const { model } = await modelWithSolution();
    scripted.body = onRequest('port.postMessage({ kind: "result", result: { f() {} } });');
    const error = await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }));
    expect(error.message).toMatch(/^the solver worker failed: (DataCloneError: .+|a thrown value that is not an Error: .+)$/);
  });

  it("a worker that posts an error without a message (the empty-message failure): a SolverError naming the error and the backend", async () => {
    const { model } = await modelWithSolution();
    scripted.body = onRequest('port.postMessage({ kind: "error", name: "RuntimeError", message: "" });');
    const error = await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }));
    expect(error.message).toMatch(/^the solver worker failed: it reported a RuntimeError without a message from highs after \d+\.\d s$/);
    scripted.body = onRequest('port.postMessage({ kind: "error", name: "SolverError", message: "  " });');
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toMatch(
      /it reported a SolverError without a message from highs/,
    );
    scripted.body = onRequest('port.postMessage({ kind: "error" });');
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toMatch(
      /it reported an error without a message from highs/,
    );
  });

  it("a worker that posts something outside the protocol", async () => {
    const { model } = await modelWithSolution();
    scripted.body = onRequest('port.postMessage({ kind: "hello" });');
    const error = await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }));
    expect(error.message).toBe('the solver worker failed: it sent {"kind":"hello"}, which is not a message of the solver protocol');
  });

  it("a worker that exits after posting an incumbent: that incumbent, aborted, its failure naming the exit code", async () => {
    const { model, values } = await modelWithSolution();
    scripted.body = onRequest(
      `port.postMessage({ kind: "incumbent", values: Float64Array.from(${JSON.stringify([...values])}), bound: 1 });\nprocess.exit(7);`,
    );
    const result = await solveLinearModel(model, { solver: "highs", offThread: true });
    expect(result.status).toBe("aborted");
    expect(checkLinearSolution(model, result.values!)).toBeNull();
    expect(result.failure).toMatch(/^the solver worker failed after \d+\.\d s \(the solver worker failed: it exited with code 7 .*before answering\); this is the best solution it had found$/);
  });

  it("a worker that answers normally is unaffected (the exit after terminate is not a failure)", async () => {
    const { model } = await modelWithSolution();
    scripted.body = onRequest(
      'port.postMessage({ kind: "result", result: { status: "timeLimit", objective: null, bound: null, gap: null, values: null, solver: "highs", seconds: 0 } });',
    );
    const result = await solveLinearModel(model, { solver: "highs", offThread: true });
    expect(result.status).toBe("timeLimit");
  });
});

// ---- The Web Worker path (Deno, browsers): a stand-in whose events the tests raise.

type Script = (worker: FakeWebWorker, request: SolveRequest) => void;

class FakeWebWorker {
  static script: Script = () => {};
  static refusePost = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: object) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(request: SolveRequest): void {
    if (FakeWebWorker.refusePost) throw new DOMException("SharedArrayBuffer transfer requires self.crossOriginIsolated", "DataCloneError");
    setTimeout(() => FakeWebWorker.script(this, request), 10);
  }
  send(message: unknown): void {
    this.onmessage?.({ data: message });
  }
  /** Raises an error event with these fields (an ErrorEvent's `message`, `error`, `filename`, `lineno`). */
  raise(fields: Record<string, unknown>): void {
    this.onerror?.({ ...fields, preventDefault: () => {} });
  }
  terminate(): void {}
}

const globals = globalThis as { Worker?: unknown };
const hadWorker = "Worker" in globals;
const realWorker = globals.Worker;
function installWebWorker(script: Script, refusePost = false): void {
  FakeWebWorker.script = script;
  FakeWebWorker.refusePost = refusePost;
  globals.Worker = FakeWebWorker;
}
afterEach(() => {
  if (hadWorker) globals.Worker = realWorker;
  else delete globals.Worker;
});

describe("off-thread solve on a Web Worker: a worker that fails says how", () => {
  it("an error event with an empty message: the error it carries, else why there is none", async () => {
    const { model } = await modelWithSolution();
    installWebWorker((worker) => worker.raise({ message: "", error: new TypeError("x is not a function"), filename: "solverWorker.ts", lineno: 12 }));
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toBe(
      "the solver worker failed: TypeError: x is not a function (at solverWorker.ts:12)",
    );
    installWebWorker((worker) => worker.raise({ message: "", error: undefined }));
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toBe(
      "the solver worker failed: an error event without a message or error: its script failed to load or it threw something that is not an Error",
    );
    installWebWorker((worker) => worker.raise({})); // a plain Event, as when the script cannot be loaded
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toMatch(/error event without a message/);
  });

  it("a messageerror: the message could not be deserialized", async () => {
    const { model } = await modelWithSolution();
    installWebWorker((worker) => worker.onmessageerror?.());
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toBe(
      "the solver worker failed: a message from it could not be deserialized (messageerror)",
    );
  });

  it("an error message without a message, and a message that is not of the protocol", async () => {
    const { model } = await modelWithSolution();
    installWebWorker((worker) => worker.send({ kind: "error", name: "Error", message: "" } satisfies WorkerMessage));
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toMatch(
      /^the solver worker failed: it reported an Error without a message from highs after/,
    );
    installWebWorker((worker) => worker.send(undefined));
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toBe(
      "the solver worker failed: it sent undefined, which is not a message of the solver protocol",
    );
  });

  it("a request that cannot be posted to the worker: said so, with the runtime's reason", async () => {
    const { model } = await modelWithSolution();
    installWebWorker(() => {}, true);
    expect((await failureOf(solveLinearModel(model, { solver: "highs", offThread: true }))).message).toBe(
      "the solve request could not be sent to the solver worker: DataCloneError: SharedArrayBuffer transfer requires self.crossOriginIsolated",
    );
  });
});
