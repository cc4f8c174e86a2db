/**
 * HiGHS aborting mid-solve on the calling thread (its WebAssembly `RuntimeError: Aborted()`, as when it runs out
 * of memory): the solve answers with the incumbent HiGHS had reported, or a SolverError, never the raw error, and
 * the aborted runtime is replaced by a fresh one. The abort is simulated by wrapping the real runtime: the model's
 * `run` runs HiGHS for real (so its improving-solution callbacks fire) and then throws as an aborted module does.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { SolverError } from "../../src/errors.ts";
import * as runtime from "../../src/solvers/highsRuntime.ts";
import { checkLinearSolution, solveWithHighs } from "../../src/solvers/index.ts";
import { modelObjective } from "../../src/solvers/linearSolution.ts";
import { pMedianModel, smallLp } from "./models.ts";

const fault = { on: false, runs: 0 };

vi.mock("../../src/solvers/highsRuntime.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/solvers/highsRuntime.ts")>();
  const failingModel = <T extends object>(model: T): T =>
    new Proxy(model, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (key === "run" && typeof value === "function") {
          return (...args: unknown[]) => {
            (value as (...a: unknown[]) => unknown).apply(target, args);
            fault.runs++;
            throw new WebAssembly.RuntimeError("Aborted(OOM). Build with -sASSERTIONS for more info.");
          };
        }
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const loadHighs = async (): Promise<runtime.Highs> => {
    const highs = await real.loadHighs();
    if (!fault.on) return highs;
    return new Proxy(highs, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (key === "createModel") return (...args: unknown[]) => failingModel((value as (...a: unknown[]) => object).apply(target, args));
        return value;
      },
    });
  };
  return { ...real, loadHighs, realLoadHighs: real.loadHighs };
});

const realLoad = (runtime as unknown as { realLoadHighs: () => Promise<runtime.Highs> }).realLoadHighs;

afterEach(() => {
  fault.on = false;
  fault.runs = 0;
});

describe("solveWithHighs when HiGHS aborts", () => {
  it("answers with the incumbent HiGHS had reported: status aborted, failure named, a fresh runtime next time", async () => {
    const model = pMedianModel(25, 12, 3, 4);
    const before = await realLoad();
    fault.on = true;
    const incumbents: Float64Array[] = [];
    const result = await solveWithHighs(model, { onIncumbent: (values) => incumbents.push(values) });
    expect(fault.runs).toBe(1);
    expect(incumbents.length).toBeGreaterThan(0);
    expect(result.status).toBe("aborted");
    expect(result.values).not.toBeNull();
    expect(checkLinearSolution(model, result.values!)).toBeNull();
    expect(result.objective).toBeCloseTo(modelObjective(model, incumbents.at(-1)!), 9);
    expect(result.failure).toMatch(/HiGHS failed after .* s \(RuntimeError: Aborted\(OOM\)/);
    fault.on = false;
    const after = await realLoad();
    expect(after).not.toBe(before); // the aborted runtime was discarded
    const again = await solveWithHighs(model);
    expect(again.status).toBe("optimal");
    expect(again.objective!).toBeLessThanOrEqual(result.objective! + 1e-9);
  });

  it("throws a SolverError naming the model's sizes when HiGHS aborts before any solution", async () => {
    fault.on = true;
    const failing = solveWithHighs(smallLp());
    await expect(failing).rejects.toThrow(SolverError);
    await expect(failing).rejects.toThrow(/HiGHS failed after .* s on the model \(\d+ columns, \d+ rows, \d+ nonzeros, estimated \d+ MiB\) before finding a solution: RuntimeError: Aborted\(OOM\)/);
  });
});

describe("a location model whose HiGHS aborts mid-solve", () => {
  it("keeps the incumbent as an aborted Solution that says why, and the CLI's summary says so", async () => {
    const { createProblem } = await import("../../src/problem.ts");
    const { denseCostMatrix } = await import("../../src/costMatrix.ts");
    const { solvePMedian } = await import("../../src/models/index.ts");
    const { humanReport, reportOf } = await import("../../src/cli/solveReport.ts");
    const n = 25;
    const m = 12;
    const costs: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) costs.push(((i * 7 + j * 13) % 23) + 1);
    const problem = createProblem({
      demand: Array.from({ length: n }, (_, i) => ({ id: `d${i}`, weight: 1 + (i % 4) })),
      sites: Array.from({ length: m }, (_, j) => ({ id: `s${j}` })),
      costs: denseCostMatrix(costs, n, m, "metres"),
    });
    fault.on = true;
    const solution = await solvePMedian(problem, { p: 3, solver: "highs", offThread: false });
    expect(solution.status).toBe("aborted");
    expect(solution.open).toHaveLength(3);
    expect(solution.statistics.stoppedBy).toMatch(/RuntimeError: Aborted\(OOM\)/);
    const report = reportOf(problem, { model: "p-median", p: 3 }, solution, 0.1);
    expect(report.stoppedBy).toBe(solution.statistics.stoppedBy);
    expect(humanReport(report, problem, solution)).toMatch(/^p-median: aborted \(the solver failed: HiGHS failed after .*; the best solution found is kept\)/);
  });
});
