/**
 * Shape checks of a {@link LinearModel} before any backend sees it.
 * @module
 */
import { InputError } from "../errors.ts";
import type { LinearModel } from "./linearModel.ts";

const SOURCE = "linear model";

function checkLength(field: string, array: ArrayLike<number>, expected: number, what: string): void {
  if (array.length !== expected) {
    throw new InputError({ source: SOURCE, field, value: `length ${array.length}` }, `must have length ${expected} (${what})`);
  }
}

function checkFinite(field: string, array: Float64Array): void {
  for (let k = 0; k < array.length; k++) {
    if (!Number.isFinite(array[k]!)) throw new InputError({ source: SOURCE, index: k, field, value: array[k] }, "must be finite");
  }
}

function checkBounds(lowerField: string, lower: Float64Array, upperField: string, upper: Float64Array): void {
  for (let k = 0; k < lower.length; k++) {
    const low = lower[k]!;
    const high = upper[k]!;
    if (Number.isNaN(low) || low === Infinity) throw new InputError({ source: SOURCE, index: k, field: lowerField, value: low }, "must be a number < Infinity");
    if (Number.isNaN(high) || high === -Infinity) throw new InputError({ source: SOURCE, index: k, field: upperField, value: high }, "must be a number > -Infinity");
  }
}

/**
 * Checks that a linear model is well formed: array lengths match `columnCount` and `rowCount`, `rowStarts`
 * starts at 0, never decreases and ends at the number of entries, column indices are in range and distinct within
 * a row, coefficients and objective are finite, bounds are not NaN (a lower bound may be `-Infinity`, an upper
 * bound `Infinity`). Contradictory bounds (lower > upper) are not misuse: the model is infeasible.
 * @param model - the linear model
 * @throws InputError naming the field, the index and the value
 */
export function validateLinearModel(model: LinearModel): void {
  const { columnCount, rowCount } = model;
  if (model.sense !== "minimize" && model.sense !== "maximize") {
    throw new InputError({ source: SOURCE, field: "sense", value: model.sense }, 'must be "minimize" or "maximize"');
  }
  if (!Number.isInteger(columnCount) || columnCount < 0) throw new InputError({ source: SOURCE, field: "columnCount", value: columnCount }, "must be an integer ≥ 0");
  if (!Number.isInteger(rowCount) || rowCount < 0) throw new InputError({ source: SOURCE, field: "rowCount", value: rowCount }, "must be an integer ≥ 0");
  if (!Number.isFinite(model.offset)) throw new InputError({ source: SOURCE, field: "offset", value: model.offset }, "must be finite");
  checkLength("objective", model.objective, columnCount, "one per column");
  checkLength("columnLower", model.columnLower, columnCount, "one per column");
  checkLength("columnUpper", model.columnUpper, columnCount, "one per column");
  checkLength("integer", model.integer, columnCount, "one per column");
  checkLength("rowLower", model.rowLower, rowCount, "one per row");
  checkLength("rowUpper", model.rowUpper, rowCount, "one per row");
  checkLength("rowStarts", model.rowStarts, rowCount + 1, "one per row, plus one");
  const entries = model.columnIndices.length;
  checkLength("coefficients", model.coefficients, entries, "one per entry of columnIndices");
  checkFinite("objective", model.objective);
  checkFinite("coefficients", model.coefficients);
  checkBounds("columnLower", model.columnLower, "columnUpper", model.columnUpper);
  checkBounds("rowLower", model.rowLower, "rowUpper", model.rowUpper);
  for (let c = 0; c < columnCount; c++) {
    const flag = model.integer[c]!;
    if (flag !== 0 && flag !== 1) throw new InputError({ source: SOURCE, index: c, field: "integer", value: flag }, "must be 0 or 1");
  }
  if (model.rowStarts[0] !== 0) throw new InputError({ source: SOURCE, index: 0, field: "rowStarts", value: model.rowStarts[0] }, "must start at 0");
  if (model.rowStarts[rowCount] !== entries) {
    throw new InputError({ source: SOURCE, index: rowCount, field: "rowStarts", value: model.rowStarts[rowCount] }, `must end at the number of entries, ${entries}`);
  }
  const lastSeenInRow = new Int32Array(columnCount).fill(-1);
  for (let r = 0; r < rowCount; r++) {
    const start = model.rowStarts[r]!;
    const end = model.rowStarts[r + 1]!;
    if (end < start) throw new InputError({ source: SOURCE, index: r + 1, field: "rowStarts", value: end }, `must not decrease (row ${r} starts at ${start})`);
    for (let k = start; k < end; k++) {
      const c = model.columnIndices[k]!;
      if (!(c >= 0 && c < columnCount)) {
        throw new InputError({ source: SOURCE, index: k, field: "columnIndices", value: c }, `must be a column index in [0, ${columnCount}) (row ${r})`);
      }
      if (lastSeenInRow[c] === r) throw new InputError({ source: SOURCE, index: k, field: "columnIndices", value: c }, `repeats a column within row ${r}`);
      lastSeenInRow[c] = r;
    }
  }
}
