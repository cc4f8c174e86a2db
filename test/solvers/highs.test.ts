import { describe, expect, it } from "vitest";
import {
  HIGHS_MAX_MODEL_BYTES,
  assertHighsFits,
  checkLinearSolution,
  estimateHighsBytes,
  LinearModelBuilder,
  solveLinearModel,
  solveWithHighs,
  type LinearModel,
  type SolveProgress,
} from "../../src/solvers/index.ts";
import { SolverError } from "../../src/errors.ts";
import { hardModel, infeasibleModel, pMedianModel, smallLp, smallMip, unboundedModel } from "./models.ts";

describe("solveWithHighs statuses", () => {
  it("returns optimal with bound = objective and gap 0 for an LP and a MIP", async () => {
    const lp = await solveWithHighs(smallLp());
    expect(lp).toMatchObject({ status: "optimal", solver: "highs", gap: 0 });
    expect(lp.objective).toBeCloseTo(11, 9);
    expect(lp.bound).toBe(lp.objective);
    expect([...lp.values!].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([3, 1]);
    const mip = await solveWithHighs(smallMip());
    expect(mip.status).toBe("optimal");
    expect(mip.objective).toBeCloseTo(1100, 6);
    expect(mip.bound).toBe(mip.objective);
  });

  it("returns infeasible without values for an infeasible LP and MIP", async () => {
    for (const integer of [false, true]) {
      const result = await solveWithHighs(infeasibleModel(integer));
      expect(result).toMatchObject({ status: "infeasible", objective: null, bound: null, gap: null, values: null });
    }
  });

  it("returns unbounded without values for an unbounded LP, and for a MIP whose presolve cannot tell infeasible from unbounded", async () => {
    for (const integer of [false, true]) {
      const result = await solveWithHighs(unboundedModel(integer));
      expect(result).toMatchObject({ status: "unbounded", objective: null, values: null });
    }
  });

  it("returns timeLimit with the best solution found and a bound when a hard MIP hits a 1 s limit", async () => {
    const model = hardModel();
    const result = await solveWithHighs(model, { timeLimitSeconds: 1 });
    expect(result.status).toBe("timeLimit");
    expect(result.values).not.toBeNull();
    expect(checkLinearSolution(model, result.values!)).toBeNull();
    expect(result.objective).not.toBeNull();
    expect(result.bound).not.toBeNull();
    expect(result.bound!).toBeLessThanOrEqual(result.objective! + 1e-6);
    expect(result.gap).not.toBeNull();
  });

  it("stops at the requested relative gap with status feasible or optimal, and the gap within it", async () => {
    const result = await solveWithHighs(pMedianModel(40, 20, 4, 7), { mipRelativeGap: 0.5 });
    expect(["feasible", "optimal"]).toContain(result.status);
    expect(result.gap!).toBeLessThanOrEqual(0.5);
  });

  it("accepts a warm start: with a 1 ms limit it returns the start's objective", async () => {
    const model = pMedianModel(60, 30, 5, 3);
    const optimum = await solveWithHighs(model);
    const warm = await solveWithHighs(model, { initialSolution: optimum.values!, timeLimitSeconds: 0.001 });
    expect(["timeLimit", "optimal"]).toContain(warm.status);
    expect(warm.objective!).toBeLessThanOrEqual(optimum.objective! * (1 + 1e-9));
  });

  it("calls onProgress during a long solve with the objective, bound and gap so far", async () => {
    const reports: SolveProgress[] = [];
    await solveWithHighs(hardModel(), { timeLimitSeconds: 1.5, onProgress: (progress) => reports.push(progress) });
    expect(reports.length).toBeGreaterThan(0);
    const withBoth = reports.filter((report) => report.objective !== null && report.bound !== null);
    expect(withBoth.length).toBeGreaterThan(0);
    for (const report of withBoth) expect(report.bound!).toBeLessThanOrEqual(report.objective! + 1e-6);
  });

  it("returns aborted at once, without a solution, for a signal aborted before the start", async () => {
    const result = await solveWithHighs(hardModel(), { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ status: "aborted", values: null, objective: null });
  });

  it("stops with status aborted and the incumbent when the cancel flag is set from a callback", async () => {
    const model = hardModel();
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const result = await solveWithHighs(model, {
      cancelFlag,
      timeLimitSeconds: 30,
      onProgress: (progress) => {
        if (progress.objective !== null) Atomics.store(cancelFlag, 0, 1);
      },
    });
    expect(result.status).toBe("aborted");
    expect(result.values).not.toBeNull();
    expect(checkLinearSolution(model, result.values!)).toBeNull();
    expect(result.bound).not.toBeNull();
  });
});

describe("the HiGHS memory check", () => {
  it("estimateHighsBytes counts HiGHS' 20.3 MiB base and 500 bytes (LP) per nonzero, column and row", () => {
    const model = smallLp();
    expect(estimateHighsBytes(model)).toBe(Math.round(20.3 * 1024 ** 2) + (4 + 2 + 2) * 500);
  });

  it("assertHighsFits throws a SolverError naming the columns, rows, nonzeros, the estimate and the limit", () => {
    const model = pMedianModel(10, 5, 2, 1);
    const estimate = estimateHighsBytes(model);
    let caught: unknown;
    try {
      assertHighsFits(model, 1000);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SolverError);
    const message = (caught as Error).message;
    expect(message).toContain(`${model.columnCount} columns`);
    expect(message).toContain(`${model.rowCount} rows`);
    expect(message).toContain(`${model.coefficients.length} nonzeros`);
    expect(message).toContain(`${estimate} bytes`);
    expect(message).toContain("1000 bytes");
    expect(() => assertHighsFits(model)).not.toThrow();
    expect(HIGHS_MAX_MODEL_BYTES).toBe(1.5 * 1024 ** 3);
  });
});

describe("explaining an infeasible LP", () => {
  // x + y ≥ 3 with 0 ≤ x, y ≤ 1 is the conflict; the row z ≤ 5 and the row x + z ≤ 100 are not in it.
  const conflicted = (): LinearModel => {
    const builder = new LinearModelBuilder("minimize");
    const x = builder.addColumn(1, 0, 1, false);
    const y = builder.addColumn(1, 0, 1, false);
    const z = builder.addColumn(1, 0, 10, false);
    builder.addRow([x, y], [1, 1], 3, Infinity);
    builder.addRow([z], [1], 0, 5);
    builder.addRow([x, z], [1, 1], 0, 100);
    return builder.build();
  };

  it("returns the irreducible infeasible subsystem, on and off the calling thread, with the bound each column contributes", async () => {
    for (const offThread of [false, true]) {
      const result = await solveLinearModel(conflicted(), { solver: "highs", explainInfeasibility: true, offThread });
      expect(result.status).toBe("infeasible");
      expect([...result.conflict!.rows]).toEqual([0]);
      expect([...result.conflict!.columns]).toEqual([0, 1]);
      expect(result.conflict!.columnBounds).toEqual(["upper", "upper"]);
    }
  });

  it("solveLinearModel with solver auto takes HiGHS when an explanation is asked for, even where it would take javascript-lp-solver", async () => {
    const result = await solveLinearModel(conflicted(), { explainInfeasibility: true });
    expect(result.solver).toBe("highs");
    expect([...result.conflict!.rows]).toEqual([0]);
    expect((await solveLinearModel(conflicted())).solver).toBe("javascript-lp-solver");
  });

  it("gives no conflict unless asked, for a feasible LP, or for a MIP", async () => {
    expect((await solveWithHighs(conflicted())).conflict).toBeUndefined();
    expect((await solveWithHighs(smallLp(), { explainInfeasibility: true })).conflict).toBeUndefined();
    const mip = { ...conflicted(), integer: Uint8Array.from([1, 1, 0]) };
    const result = await solveWithHighs(mip, { explainInfeasibility: true });
    expect(result.status).toBe("infeasible");
    expect(result.conflict).toBeUndefined();
  });
});
