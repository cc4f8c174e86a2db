/**
 * Checks of column values against a {@link LinearModel}, independent of the backend that produced them.
 * @module
 */
import type { LinearModel } from "./linearModel.ts";

/** Feasibility tolerance: a bound b is met within `FEASIBILITY_TOLERANCE × max(1, |b|)`. */
const FEASIBILITY_TOLERANCE = 1e-6;

/** Integer columns within this of an integer are rounded to it. */
const INTEGRALITY_TOLERANCE = 1e-6;

function slack(bound: number): number {
  return FEASIBILITY_TOLERANCE * Math.max(1, Math.abs(bound));
}

/**
 * Computes `offset + Σ objective[c] × values[c]`.
 * @param model - the linear model
 * @param values - length `columnCount`: column values
 */
export function modelObjective(model: LinearModel, values: Float64Array): number {
  let sum = model.offset;
  for (let c = 0; c < model.columnCount; c++) sum += model.objective[c]! * values[c]!;
  return sum;
}

/**
 * Rounds, in place, the values of integer columns that lie within 1e-6 of an integer.
 * @param model - the linear model
 * @param values - length `columnCount`: column values (changed in place)
 */
export function snapIntegers(model: LinearModel, values: Float64Array): void {
  for (let c = 0; c < model.columnCount; c++) {
    if (model.integer[c] !== 1) continue;
    const rounded = Math.round(values[c]!);
    if (Math.abs(values[c]! - rounded) <= INTEGRALITY_TOLERANCE) values[c] = rounded === 0 ? 0 : rounded;
  }
}

/**
 * Checks column values against every column bound, integrality and row of the model.
 * @param model - the linear model
 * @param values - length `columnCount`: column values
 * @returns null when every check passes, else a sentence naming the first violated column or row and the numbers
 */
export function checkLinearSolution(model: LinearModel, values: Float64Array): string | null {
  if (values.length !== model.columnCount) return `${values.length} values for ${model.columnCount} columns`;
  for (let c = 0; c < model.columnCount; c++) {
    const value = values[c]!;
    const lower = model.columnLower[c]!;
    const upper = model.columnUpper[c]!;
    if (!Number.isFinite(value)) return `column ${c} has value ${value}`;
    if (value < lower - slack(lower) || value > upper + slack(upper)) {
      return `column ${c} has value ${value} outside its bounds [${lower}, ${upper}]`;
    }
    if (model.integer[c] === 1 && Math.abs(value - Math.round(value)) > INTEGRALITY_TOLERANCE) {
      return `integer column ${c} has value ${value}`;
    }
  }
  for (let r = 0; r < model.rowCount; r++) {
    let activity = 0;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) {
      activity += model.coefficients[k]! * values[model.columnIndices[k]!]!;
    }
    const lower = model.rowLower[r]!;
    const upper = model.rowUpper[r]!;
    if (activity < lower - slack(lower) || activity > upper + slack(upper)) {
      return `row ${r} has activity ${activity} outside its bounds [${lower}, ${upper}]`;
    }
  }
  return null;
}
