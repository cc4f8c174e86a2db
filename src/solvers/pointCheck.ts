/**
 * Checks a point against a linear model: used before handing a heuristic's solution to a backend as a warm
 * start, so that a start which breaks a row is found here, with the row named, rather than silently dropped.
 * @module
 */
import type { LinearModel } from "./linearModel.ts";

/** The first row or column a point breaks, or null. */
export interface PointViolation {
  /** `row` or `column` (bounds or integrality). */
  readonly kind: "row" | "column";
  /** The row or column index. */
  readonly index: number;
  /** The activity (row) or value (column). */
  readonly value: number;
  /** The lower bound. */
  readonly lower: number;
  /** The upper bound. */
  readonly upper: number;
}

/**
 * Finds the first row or column bound (or integrality) a point breaks by more than `tolerance`.
 * @param model - the linear model
 * @param values - length `model.columnCount`
 * @param tolerance - absolute slack allowed, default 1e-6 (scaled by the bound's magnitude above 1)
 * @returns the first violation, or null when the point is feasible
 */
export function firstViolation(model: LinearModel, values: Float64Array, tolerance = 1e-6): PointViolation | null {
  const slack = (bound: number): number => tolerance * Math.max(1, Math.abs(bound));
  for (let c = 0; c < model.columnCount; c++) {
    const v = values[c]!;
    const lower = model.columnLower[c]!;
    const upper = model.columnUpper[c]!;
    const fractional = model.integer[c] === 1 && Math.abs(v - Math.round(v)) > tolerance;
    if (!(v >= lower - slack(lower)) || !(v <= upper + slack(upper)) || fractional) return { kind: "column", index: c, value: v, lower, upper };
  }
  for (let r = 0; r < model.rowCount; r++) {
    let activity = 0;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) activity += model.coefficients[k]! * values[model.columnIndices[k]!]!;
    const lower = model.rowLower[r]!;
    const upper = model.rowUpper[r]!;
    if (activity < lower - slack(lower) || activity > upper + slack(upper)) return { kind: "row", index: r, value: activity, lower, upper };
  }
  return null;
}
