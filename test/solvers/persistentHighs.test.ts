import { describe, expect, it } from "vitest";
import { PersistentModel, SolverError } from "../../src/index.ts";

const rows = (lower: number[], starts: number[], indices: number[], values: number[]) => ({
  lower: Float64Array.from(lower),
  upper: new Float64Array(lower.length).fill(Infinity),
  starts: Int32Array.from(starts),
  indices: Int32Array.from(indices),
  values: Float64Array.from(values),
});

describe("PersistentModel", () => {
  it("re-solves after rows and bounds change, reports reduced costs, cuts off, and goes integer", async () => {
    // min x + 2y  s.t.  x + y ≥ 1,  0 ≤ x, y ≤ 3
    const model = await PersistentModel.create(
      { cost: Float64Array.from([1, 2]), lower: new Float64Array(2), upper: Float64Array.from([3, 3]) },
      rows([1], [0, 2], [0, 1], [1, 1]),
    );
    try {
      let result = model.solve();
      expect(result.status).toBe("optimal");
      expect(result.objective).toBeCloseTo(1, 9);
      expect(result.reducedCosts![1]).toBeCloseTo(1, 9); // y costs 1 more than x at the optimum
      model.addRows(rows([0.5], [0, 1], [1], [1])); // y ≥ 0.5
      result = model.solve();
      expect(result.objective).toBeCloseTo(1.5, 9);
      expect(model.rowCount).toBe(2);
      model.setBounds(0, 0, 0); // x fixed at 0
      expect(model.solve().objective).toBeCloseTo(2, 9);
      expect(model.solve({ objectiveBound: 1.8 }).status).toBe("cutOff");
      model.setBounds(0, 0, 3);
      model.addRows(rows([2.5], [0, 2], [0, 1], [2, 2])); // 2x + 2y ≥ 2.5
      model.setInteger(Int32Array.from([0, 1]));
      result = model.solve({ start: Float64Array.from([1, 1]) });
      expect(result.status).toBe("optimal");
      expect(result.objective).toBeCloseTo(3, 9); // x = 1, y = 1 (y ≥ 0.5 forces y ≥ 1)
      expect(result.bound).toBeCloseTo(3, 9);
    } finally {
      model.dispose();
      model.dispose(); // twice is safe
    }
  });

  it("refuses, with the sizes, rows that would outgrow HiGHS' heap", async () => {
    const model = await PersistentModel.create({ cost: Float64Array.from([1]), lower: new Float64Array(1), upper: Float64Array.from([1]) }, rows([], [0], [], []));
    try {
      const count = 3_500_000;
      const huge = {
        lower: new Float64Array(count),
        upper: new Float64Array(count).fill(Infinity),
        starts: Int32Array.from({ length: count + 1 }, (_, r) => r),
        indices: new Int32Array(count),
        values: new Float64Array(count).fill(1),
      };
      expect(() => model.addRows(huge)).toThrow(SolverError);
      expect(() => model.addRows(huge)).toThrow(/the cut loop's model \(1 columns, 3500000 rows, 3500000 nonzeros\) would need about \d+ MiB in HiGHS, over the 1\.5 GiB limit/);
      expect(model.solve().status).toBe("optimal"); // the model is as it was
    } finally {
      model.dispose();
    }
  });
});
