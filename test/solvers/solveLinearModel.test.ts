import { describe, expect, it } from "vitest";
import { InputError, SolverError } from "../../src/errors.ts";
import { solveLinearModel, type LinearModel } from "../../src/solvers/index.ts";
import { marketSplit, smallLp, smallMip } from "./models.ts";

function withField(model: LinearModel, field: keyof LinearModel, value: unknown): LinearModel {
  return { ...model, [field]: value } as LinearModel;
}

describe("solveLinearModel", () => {
  it("routes to the chosen backend and reports it", async () => {
    expect((await solveLinearModel(smallMip(), { solver: "highs" })).solver).toBe("highs");
    expect((await solveLinearModel(smallMip(), { solver: "javascript-lp-solver" })).solver).toBe("javascript-lp-solver");
    expect((await solveLinearModel(smallMip())).solver).toBe("javascript-lp-solver");
  });

  it("falls back to HiGHS when auto chose javascript-lp-solver and its simplex stalls", async () => {
    // 14 columns with 12 integer: auto picks javascript-lp-solver, which cycles on this market split
    const model = marketSplit(2, 12, 2);
    const result = await solveLinearModel(model);
    expect(result.solver).toBe("highs");
    expect(result.status).toBe("optimal");
    await expect(solveLinearModel(model, { solver: "javascript-lp-solver" })).rejects.toBeInstanceOf(SolverError);
  });

  it("throws InputError naming the option and the value for a bad backend, time limit, gap, offThread or warm start", async () => {
    const model = smallLp();
    await expect(solveLinearModel(model, { solver: "glpk" as never })).rejects.toThrow(/"solver": must be one of auto, highs, javascript-lp-solver, got "glpk"/);
    await expect(solveLinearModel(model, { timeLimitSeconds: 0 })).rejects.toThrow(/"timeLimitSeconds": must be a number > 0, got 0/);
    await expect(solveLinearModel(model, { mipRelativeGap: 1 })).rejects.toThrow(/"mipRelativeGap".*got 1/);
    await expect(solveLinearModel(model, { offThread: "yes" as never })).rejects.toThrow(/"offThread".*got "yes"/);
    await expect(solveLinearModel(model, { initialSolution: new Float64Array(3) })).rejects.toThrow(/"initialSolution": must be a Float64Array of length 2/);
    await expect(solveLinearModel(model, { initialSolution: Float64Array.of(1, NaN) })).rejects.toThrow(/options 1, "initialSolution": must be finite, got NaN/);
    await expect(solveLinearModel(model, { solver: "glpk" as never })).rejects.toBeInstanceOf(InputError);
  });

  it("throws InputError naming the field, index and value for a malformed model", async () => {
    const model = smallLp();
    await expect(solveLinearModel(withField(model, "objective", Float64Array.of(1)))).rejects.toThrow(/linear model, "objective": must have length 2/);
    await expect(solveLinearModel(withField(model, "columnIndices", Int32Array.of(0, 1, 0, 5)))).rejects.toThrow(/linear model 3, "columnIndices": must be a column index in \[0, 2\).*got 5/);
    await expect(solveLinearModel(withField(model, "columnIndices", Int32Array.of(0, 0, 0, 1)))).rejects.toThrow(/repeats a column within row 0/);
    await expect(solveLinearModel(withField(model, "coefficients", Float64Array.of(1, NaN, 1, 3)))).rejects.toThrow(/linear model 1, "coefficients": must be finite, got NaN/);
    await expect(solveLinearModel(withField(model, "rowStarts", Int32Array.of(0, 3, 2)))).rejects.toThrow(/"rowStarts"/);
    await expect(solveLinearModel(withField(model, "columnLower", Float64Array.of(Infinity, 0)))).rejects.toThrow(/linear model 0, "columnLower"/);
    await expect(solveLinearModel(withField(model, "integer", Uint8Array.of(2, 0)))).rejects.toBeInstanceOf(InputError);
  });

  it("returns infeasible, not an error, for contradictory column bounds", async () => {
    const model = withField(smallLp(), "columnLower", Float64Array.of(5, 0));
    for (const solver of ["highs", "javascript-lp-solver"] as const) {
      expect((await solveLinearModel(model, { solver })).status).toBe("infeasible");
    }
  });

  it("throws SolverError with the numbers before trying HiGHS on a model beyond WebAssembly's memory", async () => {
    // 4.2 million columns at about 400 bytes each: 1.6 GB, above the 1.5 GiB limit (the arrays are zero-filled, cheap)
    const columns = 4_200_000;
    const huge: LinearModel = {
      sense: "minimize",
      columnCount: columns,
      rowCount: 0,
      objective: new Float64Array(columns),
      offset: 0,
      columnLower: new Float64Array(columns),
      columnUpper: new Float64Array(columns),
      integer: new Uint8Array(columns),
      rowLower: new Float64Array(0),
      rowUpper: new Float64Array(0),
      rowStarts: Int32Array.of(0),
      columnIndices: new Int32Array(0),
      coefficients: new Float64Array(0),
    };
    const attempt = solveLinearModel(huge, { solver: "auto" });
    await expect(attempt).rejects.toBeInstanceOf(SolverError);
    const bytes = Math.round(20.3 * 1024 ** 2) + 4_200_000 * 500; // HiGHS' base heap + 500 bytes per LP column
    await expect(attempt).rejects.toThrow(`4200000 columns, 0 rows, 0 nonzeros, an LP) would need about 2.0 GiB (${bytes} bytes) in HiGHS, above the limit of 1.5 GiB`);
  });

  it("does not change the model it is given", async () => {
    const model = smallMip();
    const copy = structuredClone(model);
    await solveLinearModel(model, { solver: "highs" });
    await solveLinearModel(model, { solver: "javascript-lp-solver", offThread: true });
    expect(model).toEqual(copy);
  });
});
