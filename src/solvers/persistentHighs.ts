/**
 * A HiGHS model kept alive between solves, for the cut loops of the solving engine: add rows, change bounds and
 * integrality, re-solve from the last basis (the dual simplex restarts from it after rows are added), read the
 * values, the reduced costs and the bound. HiGHS-wasm has no lazy-constraint or user-cut callback; these loops
 * are how cuts reach it.
 * @module
 */
import { SolverError } from "../errors.ts";
import { relativeGap, type SolveStatus } from "../solution.ts";
import { discardHighs, loadHighs, type Highs } from "./highsRuntime.ts";
import { HIGHS_MAX_MODEL_BYTES, estimateHighsBytes, type HighsModelSize } from "./highsMemory.ts";

/** Rows in compressed sparse row form: row r holds columns `indices[starts[r]] …` with `values`. */
export interface RowBlock {
  /** Lower bound of each row (-Infinity for none). */
  readonly lower: Float64Array;
  /** Upper bound of each row (Infinity for none). */
  readonly upper: Float64Array;
  /** Length rows + 1. */
  readonly starts: Int32Array;
  /** Column of each coefficient. */
  readonly indices: Int32Array;
  /** Each coefficient. */
  readonly values: Float64Array;
}

/** The columns of a {@link PersistentModel}, minimised. */
export interface PersistentColumns {
  /** Objective coefficient of each column. */
  readonly cost: Float64Array;
  /** Lower bound of each column. */
  readonly lower: Float64Array;
  /** Upper bound of each column (Infinity for none). */
  readonly upper: Float64Array;
}

/** One solve of a {@link PersistentModel}. */
export interface PersistentResult {
  /**
   * `optimal`, `feasible` (stopped at `mipRelativeGap`), `infeasible`, `timeLimit` (the best values found, if
   * any), `unbounded`, or `cutOff`: no solution at or below `objectiveBound` (the bound is then that value or the
   * LP optimum above it, the values none).
   */
  readonly status: SolveStatus | "cutOff";
  /** Objective of `values`, or null. */
  readonly objective: number | null;
  /** Lower bound proven by this solve (the LP optimum, or the MIP's dual bound), or null. */
  readonly bound: number | null;
  /** Column values, or null. */
  readonly values: Float64Array | null;
  /** Reduced costs of the columns (an LP solved to optimality), or null. */
  readonly reducedCosts: Float64Array | null;
  /** Seconds of this solve. */
  readonly seconds: number;
}

/** Options of one {@link PersistentModel.solve}. */
export interface PersistentSolveOptions {
  /** Seconds this solve may take; default none. */
  readonly timeLimitSeconds?: number;
  /** A MIP start (column values); ignored by HiGHS when it does not satisfy the model. */
  readonly start?: Float64Array;
  /** Stop the MIP at this relative gap; default 0. */
  readonly mipRelativeGap?: number;
  /**
   * A cutoff: an LP stops once the dual simplex proves its optimum above this value (valid from a dual feasible
   * basis, e.g. after bound changes to an LP solved before); a MIP prunes every node whose bound is above it. When
   * no solution at or below it exists the status is `cutOff`.
   */
  readonly objectiveBound?: number;
}

type HighsModel = ReturnType<Highs["createModel"]>;

/** Throws a SolverError with the numbers when a model of this size would not fit in HiGHS' heap. */
function checkFits(size: HighsModelSize): void {
  const bytes = estimateHighsBytes(size);
  if (bytes <= HIGHS_MAX_MODEL_BYTES) return;
  throw new SolverError(
    `the cut loop's model (${size.columns} columns, ${size.rows} rows, ${size.nonzeros} nonzeros${size.integer ? ", a MIP" : ""}) would need about ${Math.round(bytes / 1024 ** 2)} MiB in HiGHS, over the ${HIGHS_MAX_MODEL_BYTES / 1024 ** 3} GiB limit`,
  );
}

function finite(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) < 1e29 ? value : null;
}

function bounded(values: Float64Array, infinity: number): Float64Array {
  return values.map((v) => (v === Infinity ? infinity : v === -Infinity ? -infinity : v));
}

/**
 * A minimisation model on HiGHS that grows by rows between solves. Dispose it when done; after HiGHS fails (its
 * WebAssembly aborts) every call throws {@link SolverError} and the runtime is reloaded for the next model.
 */
export class PersistentModel {
  private rows = 0;
  private nonzeros = 0;
  private integer = false;
  private failed: string | undefined;

  private constructor(
    private readonly highs: Highs,
    private readonly model: HighsModel,
    /** Number of columns. */
    readonly columnCount: number,
  ) {}

  /**
   * Creates the model with its columns and first rows.
   * @param columns - costs and bounds
   * @param rows - the first rows
   * @throws SolverError when the model would not fit in HiGHS' heap (estimated from its sizes), or HiGHS fails to
   *   load or take it
   */
  static async create(columns: PersistentColumns, rows: RowBlock): Promise<PersistentModel> {
    const n = columns.cost.length;
    checkFits({ columns: n, rows: rows.lower.length, nonzeros: rows.values.length, integer: false });
    const highs = await loadHighs();
    const infinity = highs.infinity;
    const model = highs.createModel({
      numCols: n,
      numRows: rows.lower.length,
      sense: highs.constants.objectiveSense.minimize,
      offset: 0,
      colCost: columns.cost,
      colLower: bounded(columns.lower, infinity),
      colUpper: bounded(columns.upper, infinity),
      rowLower: bounded(rows.lower, infinity),
      rowUpper: bounded(rows.upper, infinity),
      matrix: { format: "csr", numRows: rows.lower.length, numCols: n, starts: rows.starts, indices: rows.indices, values: rows.values },
    } as Parameters<Highs["createModel"]>[0] & object);
    model.options.set({ output_flag: false });
    const created = new PersistentModel(highs, model, n);
    created.rows = rows.lower.length;
    created.nonzeros = rows.values.length;
    return created;
  }

  /** Rows so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** Nonzeros so far. */
  get nonzeroCount(): number {
    return this.nonzeros;
  }

  private guard<T>(action: () => T): T {
    if (this.failed !== undefined) throw new SolverError(this.failed);
    try {
      return action();
    } catch (error) {
      if (error instanceof SolverError) throw error;
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.failed = `HiGHS failed on the cut loop's model (${this.columnCount} columns, ${this.rows} rows, ${this.nonzeros} nonzeros): ${text}`;
      if (error instanceof WebAssembly.RuntimeError) discardHighs();
      throw new SolverError(this.failed);
    }
  }

  /**
   * Appends rows.
   * @param block - the rows
   * @throws SolverError when the model would outgrow WebAssembly's heap (estimated before adding) or HiGHS fails
   */
  addRows(block: RowBlock): void {
    const count = block.lower.length;
    if (count === 0) return;
    checkFits({ columns: this.columnCount, rows: this.rows + count, nonzeros: this.nonzeros + block.values.length, integer: this.integer });
    const infinity = this.highs.infinity;
    this.guard(() =>
      this.model.addRows({
        lower: bounded(block.lower, infinity),
        upper: bounded(block.upper, infinity),
        matrix: { format: "csr", numRows: count, numCols: this.columnCount, starts: block.starts, indices: block.indices, values: block.values },
      } as Parameters<HighsModel["addRows"]>[0]),
    );
    this.rows += count;
    this.nonzeros += block.values.length;
  }

  /**
   * Makes the given columns integer, or every column continuous again.
   * @param columns - the columns to make integer (ascending), or null to clear integrality
   */
  setInteger(columns: Int32Array | null): void {
    this.guard(() => {
      if (columns === null) this.model.clearIntegrality();
      else this.model.changeColsIntegrality({ kind: "set", indices: columns }, new Int32Array(columns.length).fill(1));
    });
    this.integer = columns !== null && columns.length > 0;
  }

  /**
   * Changes one column's bounds (e.g. to fix it).
   * @param column - the column
   * @param lower - its lower bound
   * @param upper - its upper bound
   */
  setBounds(column: number, lower: number, upper: number): void {
    this.guard(() => this.model.changeColBounds(column, lower, upper));
  }

  /**
   * Solves the model as it stands.
   * @param options - time limit, MIP start, MIP gap
   * @throws SolverError when HiGHS fails
   */
  solve(options: PersistentSolveOptions = {}): PersistentResult {
    const started = performance.now();
    return this.guard(() => {
      const model = this.model;
      const codes = this.highs.constants.modelStatus;
      model.zeroAllClocks(); // HiGHS' time limit counts every run since the last reset
      model.options.set({
        time_limit: options.timeLimitSeconds === undefined ? Number.MAX_VALUE : Math.min(Number.MAX_VALUE, Math.max(0, options.timeLimitSeconds)),
        mip_rel_gap: options.mipRelativeGap ?? 0,
        // An LP re-solve starts from the last basis only without presolve (which would rebuild the model).
        presolve: this.integer ? "choose" : "off",
        objective_bound: options.objectiveBound ?? Number.MAX_VALUE, // HiGHS refuses non-finite option values
      });
      if (options.start !== undefined && this.integer) model.setSolution({ colValue: options.start });
      model.run();
      const code = model.getModelStatus();
      // An optimal status comes with values even when HiGHS rates them a hair past its feasibility tolerance.
      const hasPrimal = Number(model.info.get("primal_solution_status")) === 2 || code === codes.optimal;
      const solution = hasPrimal ? model.getSolution() : null;
      const values = solution === null ? null : Float64Array.from(solution.colValue);
      const objective = values === null ? null : model.getObjectiveValue();
      const seconds = (performance.now() - started) / 1000;
      if (options.objectiveBound !== undefined && (code === codes.objectiveBound || (this.integer && code === codes.infeasible))) {
        return { status: "cutOff", objective: null, bound: options.objectiveBound, values: null, reducedCosts: null, seconds };
      }
      if (options.objectiveBound !== undefined && !this.integer && code === codes.optimal && objective !== null && objective > options.objectiveBound) {
        // Already optimal from the last basis (no iteration to stop at): the optimum itself is above the cutoff.
        return { status: "cutOff", objective: null, bound: objective, values: null, reducedCosts: null, seconds };
      }
      let status: SolveStatus;
      if (code === codes.optimal) status = "optimal";
      else if (code === codes.infeasible) status = "infeasible";
      else if (code === codes.unbounded || code === codes.unboundedOrInfeasible) status = "unbounded";
      else if (code === codes.timeLimit || code === codes.interrupted || code === codes.iterationLimit) status = "timeLimit";
      else throw new SolverError(`HiGHS ended the cut loop's solve with model status ${code}`);
      let bound: number | null;
      if (this.integer) bound = finite(model.info.get("mip_dual_bound"));
      else bound = status === "optimal" ? objective : null;
      if (this.integer && status === "optimal" && objective !== null && bound !== null && (relativeGap(objective, bound) ?? 0) > 1e-6) status = "feasible"; // stopped at mipRelativeGap
      const reducedCosts = !this.integer && status === "optimal" && solution !== null ? Float64Array.from(solution.colDual) : null;
      return { status, objective, bound, values, reducedCosts, seconds };
    });
  }

  /** Releases HiGHS' memory for the model (safe to call twice, and after a failure). */
  dispose(): void {
    if (this.model.disposed) return;
    try {
      this.model.dispose();
    } catch {
      discardHighs();
    }
  }
}
