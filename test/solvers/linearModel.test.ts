import { describe, expect, it } from "vitest";
import { LinearModelBuilder } from "../../src/index.ts";

describe("LinearModelBuilder", () => {
  it("build() returns the columns, bounds and CSR rows in the order they were added", () => {
    const builder = new LinearModelBuilder("minimize");
    const x = builder.addColumn(3, 0, 1, true);
    const y = builder.addColumn(2, 0, Infinity, false);
    builder.addRow([x, y], [1, 1], 1, Infinity);
    builder.addRow([y], [4], -Infinity, 8);
    const model = builder.build();
    expect(model.columnCount).toBe(2);
    expect(model.rowCount).toBe(2);
    expect([...model.objective]).toEqual([3, 2]);
    expect([...model.integer]).toEqual([1, 0]);
    expect([...model.rowStarts]).toEqual([0, 2, 3]);
    expect([...model.columnIndices]).toEqual([0, 1, 1]);
    expect([...model.coefficients]).toEqual([1, 1, 4]);
    expect([...model.rowLower]).toEqual([1, -Infinity]);
    expect([...model.rowUpper]).toEqual([Infinity, 8]);
  });

  it("grows past its initial buffer without losing entries", () => {
    const builder = new LinearModelBuilder("maximize");
    for (let c = 0; c < 1000; c++) builder.addColumn(c, 0, 1, false);
    builder.addRow(Array.from({ length: 1000 }, (_, c) => c), new Array(1000).fill(1), -Infinity, 10);
    const model = builder.build();
    expect(model.objective[999]).toBe(999);
    expect(model.columnIndices.length).toBe(1000);
  });
});
