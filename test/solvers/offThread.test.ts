import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkLinearSolution, solveLinearModel, type SolveProgress } from "../../src/solvers/index.ts";
import { correlatedKnapsack, hardModel, pMedianModel } from "./models.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const script = "test/solvers/scripts/abortLongSolve.ts";

/** Runs a command in the repository root; resolves with its exit code and output once the process has exited. */
function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, timeout: 50_000, env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function lastJsonLine(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

describe("solveLinearModel off the calling thread", () => {
  it("gives the same optimum in a worker as on the calling thread", async () => {
    const model = pMedianModel(30, 15, 4, 2);
    const here = await solveLinearModel(model, { solver: "highs" });
    const there = await solveLinearModel(model, { solver: "highs", offThread: true });
    expect(there.status).toBe("optimal");
    expect(there.objective).toBeCloseTo(here.objective!, 9);
    expect(there.values).toBeInstanceOf(Float64Array);
    expect(checkLinearSolution(model, there.values!)).toBeNull();
  });

  it("an AbortSignal stops a long HiGHS solve in Node: status aborted with the incumbent, the bound and progress passed back", async () => {
    const model = hardModel();
    const controller = new AbortController();
    const reports: SolveProgress[] = [];
    const result = await solveLinearModel(model, {
      solver: "highs",
      signal: controller.signal,
      timeLimitSeconds: 30, // without the abort: status timeLimit after 30 s (it runs for hours without a limit)
      onProgress: (progress) => {
        reports.push(progress);
        if (progress.objective !== null) controller.abort();
      },
    });
    expect(result.status).toBe("aborted");
    expect(result.solver).toBe("highs");
    expect(reports.length).toBeGreaterThan(0);
    expect(result.values).not.toBeNull();
    expect(checkLinearSolution(model, result.values!)).toBeNull();
    expect(result.bound).not.toBeNull();
    expect(result.bound!).toBeLessThanOrEqual(result.objective! + 1e-6);
  });

  it("an AbortSignal stops a long javascript-lp-solver solve in a worker: status aborted, no solution", async () => {
    const controller = new AbortController();
    const solving = solveLinearModel(correlatedKnapsack(50, 2), { solver: "javascript-lp-solver", signal: controller.signal, timeLimitSeconds: 30 });
    setTimeout(() => controller.abort(), 300);
    const result = await solving;
    expect(result).toMatchObject({ status: "aborted", solver: "javascript-lp-solver", values: null });
  });

  it("an already aborted signal returns aborted at once, without starting a solve", async () => {
    const result = await solveLinearModel(hardModel(), { solver: "highs", signal: AbortSignal.abort() });
    expect(result).toMatchObject({ status: "aborted", values: null, objective: null, bound: null });
  });

  it("an abort in Node stops the solve and the worker: the process exits by itself", async () => {
    const outcome = await run(process.execPath, ["--import", "tsx", script]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(lastJsonLine(outcome.stdout)).toMatchObject({
      status: "aborted",
      solver: "highs",
      hasSolution: true,
      globalWorker: false,
      alreadyAbortedStatus: "aborted",
    });
  });

  it("an abort in Deno stops the solve in its Web Worker: status aborted, and Deno exits by itself", async () => {
    const outcome = await run(fileURLToPath(new URL("../../node_modules/.bin/deno", import.meta.url)), ["run", "-A", script]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const printed = lastJsonLine(outcome.stdout);
    expect(printed).toMatchObject({ status: "aborted", solver: "highs", hasSolution: true, globalWorker: true, alreadyAbortedStatus: "aborted" });
    expect(printed["progressCalls"]).toBeGreaterThan(0);
  });
});
