/**
 * The linear model every location model builds and every backend solves: a mixed-integer program in plain
 * typed arrays. Models never import a particular solver; solvers never see GeoJSON.
 *
 * ```
 * minimise or maximise  offset + Σ objective[c] x[c]
 * subject to            rowLower[r] ≤ Σ A[r][c] x[c] ≤ rowUpper[r]
 *                       columnLower[c] ≤ x[c] ≤ columnUpper[c],  x[c] integer where integer[c] = 1
 * ```
 * @module
 */

/** A mixed-integer linear program with its constraint matrix in compressed sparse row form. */
export interface LinearModel {
  /** Direction of the objective. */
  readonly sense: "minimize" | "maximize";
  /** Number of columns (variables). */
  readonly columnCount: number;
  /** Number of rows (constraints). */
  readonly rowCount: number;
  /** Length `columnCount`: objective coefficient of each column. */
  readonly objective: Float64Array;
  /** Constant added to the objective. */
  readonly offset: number;
  /** Length `columnCount`; `-Infinity` for none. */
  readonly columnLower: Float64Array;
  /** Length `columnCount`; `Infinity` for none. */
  readonly columnUpper: Float64Array;
  /** Length `columnCount`: 1 where the column is integer, 0 where continuous. */
  readonly integer: Uint8Array;
  /** Length `rowCount`; `-Infinity` for none. */
  readonly rowLower: Float64Array;
  /** Length `rowCount`; `Infinity` for none. */
  readonly rowUpper: Float64Array;
  /** Length `rowCount + 1`: row r holds the entries `rowStarts[r]` to `rowStarts[r + 1] − 1`. */
  readonly rowStarts: Int32Array;
  /** Column index of each entry. */
  readonly columnIndices: Int32Array;
  /** Coefficient of each entry. */
  readonly coefficients: Float64Array;
}

/** A typed array that doubles its buffer as values are pushed. */
class Growable<A extends Float64Array | Int32Array> {
  private data: A;
  length = 0;
  constructor(private readonly make: (length: number) => A) {
    this.data = make(64);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  set(index: number, value: number): void {
    this.data[index] = value;
  }
  toArray(): A {
    return this.data.slice(0, this.length) as A;
  }
}

const float64 = (length: number): Float64Array => new Float64Array(length);
const int32 = (length: number): Int32Array => new Int32Array(length);

/**
 * Builds a {@link LinearModel} column by column and row by row into growing typed arrays, so that large
 * assignment models never pass through text or arrays of objects.
 * @example
 * ```ts
 * const builder = new LinearModelBuilder("minimize");
 * const x = builder.addColumn(3, 0, 1, true);
 * const y = builder.addColumn(2, 0, 1, true);
 * builder.addRow([x, y], [1, 1], 1, Infinity); // x + y ≥ 1
 * const model = builder.build();
 * ```
 */
export class LinearModelBuilder {
  private readonly objective = new Growable(float64);
  private readonly columnLower = new Growable(float64);
  private readonly columnUpper = new Growable(float64);
  private readonly integer: number[] = [];
  private readonly rowLower = new Growable(float64);
  private readonly rowUpper = new Growable(float64);
  private readonly rowStarts = new Growable(int32);
  private readonly columnIndices = new Growable(int32);
  private readonly coefficients = new Growable(float64);
  /** Constant added to the objective. */
  offset = 0;

  /** @param sense - direction of the objective */
  constructor(readonly sense: "minimize" | "maximize") {
    this.rowStarts.push(0);
  }

  /** Number of columns added so far. */
  get columnCount(): number {
    return this.objective.length;
  }

  /** Number of rows added so far. */
  get rowCount(): number {
    return this.rowLower.length;
  }

  /**
   * Adds a column and returns its index.
   * @param cost - objective coefficient
   * @param lower - lower bound (`-Infinity` for none)
   * @param upper - upper bound (`Infinity` for none)
   * @param integer - whether the column is integer
   */
  addColumn(cost: number, lower: number, upper: number, integer: boolean): number {
    this.objective.push(cost);
    this.columnLower.push(lower);
    this.columnUpper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.objective.length - 1;
  }

  /**
   * Adds a row `lower ≤ Σ values[k] x[columns[k]] ≤ upper` and returns its index. Columns must be distinct.
   * @param columns - column indices
   * @param values - coefficients, same length as `columns`
   * @param lower - lower bound (`-Infinity` for none)
   * @param upper - upper bound (`Infinity` for none)
   */
  addRow(columns: ArrayLike<number>, values: ArrayLike<number>, lower: number, upper: number): number {
    for (let k = 0; k < columns.length; k++) {
      this.columnIndices.push(columns[k]!);
      this.coefficients.push(values[k]!);
    }
    this.rowStarts.push(this.columnIndices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }

  /** Changes the bounds of an existing column (e.g. to fix a required site open). */
  setColumnBounds(column: number, lower: number, upper: number): void {
    this.columnLower.set(column, lower);
    this.columnUpper.set(column, upper);
  }

  /** Copies the model out; the builder may be reused or dropped afterwards. */
  build(): LinearModel {
    return {
      sense: this.sense,
      columnCount: this.objective.length,
      rowCount: this.rowLower.length,
      objective: this.objective.toArray(),
      offset: this.offset,
      columnLower: this.columnLower.toArray(),
      columnUpper: this.columnUpper.toArray(),
      integer: Uint8Array.from(this.integer),
      rowLower: this.rowLower.toArray(),
      rowUpper: this.rowUpper.toArray(),
      rowStarts: this.rowStarts.toArray(),
      columnIndices: this.columnIndices.toArray(),
      coefficients: this.coefficients.toArray(),
    };
  }
}

/**
 * The LP relaxation of a model: the same rows, bounds and objective with every column continuous. Shares the
 * model's arrays except `integer` (the model is not changed).
 * @param model - the linear model
 */
export function lpRelaxation(model: LinearModel): LinearModel {
  return { ...model, integer: new Uint8Array(model.columnCount) };
}
