import { describe, expect, it } from "vitest";
import { SolverError } from "../../src/errors.ts";
import { JsLpSolverStall, toJsLpModel } from "../../src/solvers/jsLpSolver.ts";
import { LinearModelBuilder, checkLinearSolution, solveWithJsLpSolver } from "../../src/solvers/index.ts";
import { correlatedKnapsack, infeasibleModel, marketSplit, pMedianModel, smallLp, smallMip, unboundedModel } from "./models.ts";

describe("solveWithJsLpSolver statuses", () => {
  it("returns optimal with bound = objective and gap 0 for an LP and a MIP", async () => {
    const lp = await solveWithJsLpSolver(smallLp());
    expect(lp).toMatchObject({ status: "optimal", solver: "javascript-lp-solver", gap: 0 });
    expect(lp.objective).toBeCloseTo(11, 9);
    expect(lp.bound).toBe(lp.objective);
    const mip = await solveWithJsLpSolver(smallMip());
    expect(mip).toMatchObject({ status: "optimal", objective: 1100, bound: 1100, gap: 0 });
    expect([...mip.values!]).toEqual([20, 10]);
  });

  it("returns infeasible and unbounded without values, for LPs and MIPs", async () => {
    for (const integer of [false, true]) {
      expect(await solveWithJsLpSolver(infeasibleModel(integer))).toMatchObject({ status: "infeasible", values: null, objective: null });
      expect(await solveWithJsLpSolver(unboundedModel(integer))).toMatchObject({ status: "unbounded", values: null, objective: null });
    }
  });

  it("returns timeLimit with no bound and no gap when its branch and bound runs out of time", async () => {
    const model = correlatedKnapsack(50, 2);
    const result = await solveWithJsLpSolver(model, { timeLimitSeconds: 1 });
    expect(result.status).toBe("timeLimit");
    expect(result.bound).toBeNull();
    expect(result.gap).toBeNull();
    if (result.values !== null) expect(checkLinearSolution(model, result.values)).toBeNull();
  });

  it("never calls a solve with a positive relative gap optimal: feasible, with no bound", async () => {
    const result = await solveWithJsLpSolver(pMedianModel(20, 8, 3, 1), { mipRelativeGap: 0.1 });
    expect(result).toMatchObject({ status: "feasible", bound: null, gap: null });
    expect(result.values).not.toBeNull();
  });

  it("handles negative, free, fixed and fractional integer bounds without its unrestricted variables", async () => {
    // min x − y + z + w  with −3 ≤ x ≤ 0, y ≤ 2.5 integer (no lower bound), z free, w fixed at 4, x + y + z ≥ −1, z ≥ −2 via a row
    const builder = new LinearModelBuilder("minimize");
    const x = builder.addColumn(1, -3, 0, false);
    const y = builder.addColumn(-1, -Infinity, 2.5, true);
    const z = builder.addColumn(1, -Infinity, Infinity, false);
    const w = builder.addColumn(1, 4, 4, false);
    builder.addRow([x, y, z], [1, 1, 1], -1, Infinity);
    builder.addRow([z], [1], -2, Infinity);
    const model = builder.build();
    const json = toJsLpModel(model)!;
    expect(json.unrestricted).toEqual({});
    const result = await solveWithJsLpSolver(model);
    expect(result.status).toBe("optimal");
    // x = −3, y = 2, z = 0 (x + y + z ≥ −1 binds: z ≥ 0), w = 4: −3 − 2 + 0 + 4 = −1
    expect(result.objective).toBeCloseTo(-1, 9);
    expect([...result.values!].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-3, 2, 0, 4]);
    expect(result.values![w]).toBe(4);
  });

  it("solves a model whose only integer column is fixed by its bounds (a required site) as an LP, not as infeasible", async () => {
    // y fixed open (integer, [1, 1]); x0, x1 in [0, 1] assigned to it: x0 = 1, x1 = 1, x0 ≤ y, x1 ≤ y
    const builder = new LinearModelBuilder("minimize");
    const y = builder.addColumn(0, 1, 1, true);
    const x0 = builder.addColumn(2, 0, 1, false);
    const x1 = builder.addColumn(3, 0, 1, false);
    builder.addRow([x0], [1], 1, 1);
    builder.addRow([x1], [1], 1, 1);
    builder.addRow([x0, y], [1, -1], -Infinity, 0);
    builder.addRow([x1, y], [1, -1], -Infinity, 0);
    const result = await solveWithJsLpSolver(builder.build());
    expect(result).toMatchObject({ status: "optimal", objective: 5 });
    expect([...result.values!]).toEqual([1, 1, 1]);
  });

  it("leaves out upper bounds that a row already implies (x[i][j] ≤ 1 in a p-median)", () => {
    const json = toJsLpModel(pMedianModel(4, 3, 2, 1))!;
    const upperBounds = Object.keys(json.constraints).filter((name) => name.startsWith("upper"));
    // only the 3 site columns y[j] ≤ 1 remain; the 12 assignment columns are bounded by Σ_j x[i][j] = 1
    expect(upperBounds).toEqual(["upper0", "upper1", "upper2"]);
  });

  it("throws a JsLpSolverStall (a SolverError) instead of running forever when its simplex cycles", async () => {
    // a 2-row market split on which javascript-lp-solver 1.0.3 cycles without end, ignoring its timeout
    const attempt = solveWithJsLpSolver(marketSplit(2, 12, 2), { timeLimitSeconds: 30 });
    await expect(attempt).rejects.toBeInstanceOf(JsLpSolverStall);
    await expect(attempt).rejects.toBeInstanceOf(SolverError);
    await expect(attempt).rejects.toThrow(/stalled: \d+ simplex pivots/);
  });

  it("returns aborted without a solution when the cancel flag is already set", async () => {
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(cancelFlag, 0, 1);
    expect(await solveWithJsLpSolver(smallMip(), { cancelFlag })).toMatchObject({ status: "aborted", values: null });
  });

  it("does not change the model it is given", async () => {
    const model = pMedianModel(6, 3, 2, 4);
    const copy = structuredClone(model);
    await solveWithJsLpSolver(model);
    expect(model).toEqual(copy);
  });
});
