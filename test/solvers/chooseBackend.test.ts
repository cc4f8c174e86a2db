import { describe, expect, it } from "vitest";
import { LinearModelBuilder, chooseBackend } from "../../src/solvers/index.ts";
import { correlatedKnapsack, infeasibleModel, pMedianModel, smallLp, smallMip } from "./models.ts";

function randomDenseLp(rows: number, columns: number): ReturnType<LinearModelBuilder["build"]> {
  const builder = new LinearModelBuilder("maximize");
  for (let c = 0; c < columns; c++) builder.addColumn(1, 0, Infinity, false);
  const all = Array.from({ length: columns }, (_, c) => c);
  for (let r = 0; r < rows; r++) builder.addRow(all, all.map(() => 1 + r), -Infinity, 100);
  return builder.build();
}

describe("chooseBackend", () => {
  it("returns the named backend whatever the model", () => {
    const big = pMedianModel(60, 30, 5, 1);
    expect(chooseBackend(big, "javascript-lp-solver")).toBe("javascript-lp-solver");
    expect(chooseBackend(smallMip(), "highs")).toBe("highs");
  });

  it("auto picks javascript-lp-solver for small MIPs and LPs (a 20 × 10 p-median, a 2-column LP)", () => {
    expect(chooseBackend(pMedianModel(20, 10, 3, 1), "auto")).toBe("javascript-lp-solver");
    expect(chooseBackend(smallMip(), "auto")).toBe("javascript-lp-solver");
    expect(chooseBackend(smallLp(), "auto")).toBe("javascript-lp-solver");
    expect(chooseBackend(smallLp(), "auto", true)).toBe("highs"); // only HiGHS explains infeasibility
    expect(chooseBackend(smallLp(), "javascript-lp-solver", true)).toBe("javascript-lp-solver");
    expect(chooseBackend(infeasibleModel(true), "auto")).toBe("javascript-lp-solver");
  });

  it("auto picks HiGHS beyond 12 integer columns, 250,000 tableau cells for a MIP or 500 for an LP", () => {
    expect(chooseBackend(correlatedKnapsack(13, 1), "auto")).toBe("highs");
    expect(chooseBackend(correlatedKnapsack(12, 1), "auto")).toBe("javascript-lp-solver");
    expect(chooseBackend(pMedianModel(40, 12, 4, 1), "auto")).toBe("highs"); // 12 sites, but about 480,000 cells
    expect(chooseBackend(pMedianModel(100, 100, 10, 1), "auto")).toBe("highs");
    expect(chooseBackend(randomDenseLp(20, 20), "auto")).toBe("javascript-lp-solver");
    expect(chooseBackend(randomDenseLp(23, 20), "auto")).toBe("highs"); // (23 + 1) × (20 + 1) = 504 cells
  });
});
