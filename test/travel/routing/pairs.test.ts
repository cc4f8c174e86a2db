import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costOf } from "../../../src/costMatrix.ts";
import { PairAccumulator, type ColumnBlock } from "../../../src/travel/routing/pairs.ts";

/** Column blocks of `width` sites each from a table of minutes (Infinity = no pair); metres = 10 × minutes. */
function blocksOf(table: number[][], m: number, width: number): ColumnBlock[] {
  const blocks: ColumnBlock[] = [];
  for (let first = 0; first < m; first += width) {
    const last = Math.min(m, first + width);
    const origins: number[] = [];
    const minutes: number[] = [];
    const starts = [0];
    for (let j = first; j < last; j++) {
      table.forEach((row, i) => {
        if (row[j] !== Infinity) {
          origins.push(i);
          minutes.push(row[j]!);
        }
      });
      starts.push(origins.length);
    }
    blocks.push({
      first,
      last,
      columnStarts: Int32Array.from(starts),
      origins: Int32Array.from(origins),
      minutes: Float64Array.from(minutes),
      metres: Float32Array.from(minutes, (t) => 10 * t),
    });
  }
  return blocks;
}

describe("PairAccumulator", () => {
  it("assembles blocks given in any order into the same dense or sparse matrices, whether it switched to a dense table or not", () => {
    const table = fc.integer({ min: 1, max: 6 }).chain((m) =>
      fc.tuple(fc.constant(m), fc.array(fc.array(fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 90 })), { minLength: m, maxLength: m }), { minLength: 1, maxLength: 6 })),
    );
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.constantFrom("dense", "sparse" as const), ([m, rows], width, reverse, format) => {
        const blocks = blocksOf(rows, m, width);
        if (reverse) blocks.reverse();
        const accumulator = new PairAccumulator(rows.length, m, true);
        for (const block of blocks) accumulator.add(block);
        const { costs, metres } = accumulator.finish(format as "dense" | "sparse");
        expect(costs.kind).toBe(format);
        rows.forEach((row, i) =>
          row.forEach((t, j) => {
            expect(costOf(costs, i, j)).toBe(t);
            expect(costOf(metres!, i, j)).toBe(t === Infinity ? Infinity : 10 * t);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
