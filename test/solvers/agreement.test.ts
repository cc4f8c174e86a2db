import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinearModelBuilder, checkLinearSolution, solveWithHighs, solveWithJsLpSolver, type LinearModel } from "../../src/solvers/index.ts";

interface ColumnSpec {
  readonly cost: number;
  readonly lower: number;
  readonly width: number;
  readonly integer: boolean;
}
interface RowSpec {
  readonly coefficients: readonly number[];
  readonly kind: "atMost" | "atLeast" | "equal" | "range";
  readonly rhs: number;
  readonly width: number;
}

const column = fc.record({
  cost: fc.integer({ min: -10, max: 10 }),
  lower: fc.constantFrom(0, 0, -3, 1),
  width: fc.integer({ min: 0, max: 8 }), // 0: a column fixed by its bounds
  integer: fc.boolean(),
});
const row = (columns: number) =>
  fc.record({
    coefficients: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: columns, maxLength: columns }),
    kind: fc.constantFrom("atMost" as const, "atLeast" as const, "equal" as const, "range" as const),
    rhs: fc.integer({ min: -10, max: 20 }),
    width: fc.integer({ min: 0, max: 10 }),
  });
const smallModel = (integerAllowed: boolean) =>
  fc.integer({ min: 1, max: 6 }).chain((columns) =>
    fc.record({
      sense: fc.constantFrom("minimize" as const, "maximize" as const),
      columns: fc.array(column, { minLength: columns, maxLength: columns }),
      rows: fc.array(row(columns), { minLength: 1, maxLength: 5 }),
    }).map(({ sense, columns: columnSpecs, rows }) => build(sense, columnSpecs, rows, integerAllowed)),
  );

function build(sense: "minimize" | "maximize", columns: readonly ColumnSpec[], rows: readonly RowSpec[], integerAllowed: boolean): LinearModel {
  const builder = new LinearModelBuilder(sense);
  for (const spec of columns) builder.addColumn(spec.cost, spec.lower, spec.lower + spec.width, integerAllowed && spec.integer);
  for (const spec of rows) {
    const indices: number[] = [];
    const values: number[] = [];
    spec.coefficients.forEach((value, c) => {
      if (value !== 0) {
        indices.push(c);
        values.push(value);
      }
    });
    const [lower, upper] =
      spec.kind === "atMost" ? [-Infinity, spec.rhs] : spec.kind === "atLeast" ? [spec.rhs, Infinity] : spec.kind === "equal" ? [spec.rhs, spec.rhs] : [spec.rhs, spec.rhs + spec.width];
    builder.addRow(indices, values, lower, upper);
  }
  return builder.build();
}

async function expectAgreement(model: LinearModel): Promise<void> {
  const highs = await solveWithHighs(model);
  const javascript = await solveWithJsLpSolver(model);
  expect(javascript.status).toBe(highs.status);
  if (highs.status !== "optimal") return;
  // Relative to the size of the objective's terms: HiGHS meets MIP rows within 1e-6 (its mip_feasibility_tolerance)
  // and javascript-lp-solver rounds values to 1e-8, so an objective near 0 made of large terms differs by ~1e-6.
  let scale = 1;
  for (let c = 0; c < model.columnCount; c++) scale += Math.abs(model.objective[c]! * highs.values![c]!);
  expect(Math.abs(javascript.objective! - highs.objective!)).toBeLessThanOrEqual(1e-6 * Math.max(scale, Math.abs(highs.objective!)));
  expect(checkLinearSolution(model, highs.values!)).toBeNull();
  expect(checkLinearSolution(model, javascript.values!)).toBeNull();
}

describe("the two backends agree", () => {
  it("on random small MIPs: the same status, and optimal objectives equal within 1e-6 of the objective's size", async () => {
    await fc.assert(fc.asyncProperty(smallModel(true), expectAgreement), { numRuns: 150, seed: 20240601 });
  });

  it("on random small LPs: the same status, and optimal objectives equal within 1e-6 of the objective's size", async () => {
    await fc.assert(fc.asyncProperty(smallModel(false), expectAgreement), { numRuns: 150, seed: 20240602 });
  });
});
