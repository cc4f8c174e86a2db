/**
 * Options every solve takes, and the result every backend returns for a {@link LinearModel}.
 * @module
 */
import type { SolveStatus, SolverName } from "../solution.ts";

/** Which backend solves the linear model. `auto` picks HiGHS except for small models where javascript-lp-solver is fast. */
export type BackendChoice = "auto" | "highs" | "javascript-lp-solver";

/** All {@link BackendChoice} values, for validation and CLI help. */
export const BACKEND_CHOICES: readonly BackendChoice[] = ["auto", "highs", "javascript-lp-solver"];

/** The names of the {@link SolveOptions} fields, for rejecting misspelt option names. */
export const SOLVE_OPTION_NAMES: readonly string[] = ["solver", "timeLimitSeconds", "mipRelativeGap", "signal", "onProgress", "offThread"];

/** A progress report during a solve. */
export interface SolveProgress {
  /** Seconds since the solve started. */
  readonly elapsedSeconds: number;
  /** Best objective found so far, or null. */
  readonly objective: number | null;
  /** Best proven bound so far, or null. */
  readonly bound: number | null;
  /** Relative gap between them, or null. */
  readonly gap: number | null;
  /** Branch-and-bound nodes explored so far, or null where unknown. */
  readonly nodes: number | null;
}

/** Options shared by every solve. */
export interface SolveOptions {
  /** Backend. Default `"auto"`. */
  readonly solver?: BackendChoice;
  /** Stop after this many seconds and return status `timeLimit` with the best solution and bound. Default: no limit. */
  readonly timeLimitSeconds?: number;
  /**
   * Stop once the relative gap is at most this (status `feasible` when the gap is above 0). Default 0: prove
   * optimality (within HiGHS' absolute tolerance 1e-6).
   */
  readonly mipRelativeGap?: number;
  /**
   * Aborting stops the solve; status `aborted` with the best solution and bound found (HiGHS), or without a
   * solution where the worker had to be terminated. Giving a signal runs the solve in a worker by default
   * (`offThread`), because a backend blocks its thread; on the calling thread only an already aborted signal is seen.
   */
  readonly signal?: AbortSignal;
  /** Called with progress during long solves (HiGHS: on its MIP log events). */
  readonly onProgress?: (progress: SolveProgress) => void;
  /**
   * Run the backend in a worker so that `signal` can stop it mid-solve and the calling thread stays free: a
   * module Web Worker where `globalThis.Worker` exists (Deno, browsers: the worker file must be served beside the
   * library's modules, and stopping with the best solution needs `SharedArrayBuffer`, i.e. a cross-origin isolated
   * page; otherwise the worker is terminated), `node:worker_threads` in Node. One worker per solve, terminated when
   * the solve settles; starting it and loading HiGHS in it costs a few hundred milliseconds.
   * Default: true when `signal` is given, false otherwise.
   */
  readonly offThread?: boolean;
}

/** What a backend returns for a {@link LinearModel}. */
export interface LinearResult {
  /** How the solve ended. */
  readonly status: SolveStatus;
  /** Objective value of `values`, or null when no solution was found. */
  readonly objective: number | null;
  /** Best proven bound (lower when minimising), or null. */
  readonly bound: number | null;
  /** Relative gap, or null. */
  readonly gap: number | null;
  /** Length `columnCount`: the column values of the best solution, or null. */
  readonly values: Float64Array | null;
  /**
   * An irreducible infeasible subsystem (IIS): rows and column bounds that together admit no solution, though
   * any one dropped does (Chinneck 2008), as HiGHS' `getIis` finds it (from the LP, made irreducible, rows
   * preferred to bounds; HiGHS may return a candidate it could not prove irreducible within its limits). Present
   * only when `explainInfeasibility` was asked of HiGHS, the status is `infeasible` and the model has no integer
   * columns (solve its LP relaxation, {@link lpRelaxation}, to explain a MIP).
   */
  readonly conflict?: LinearConflict;
  /** The backend that ran. */
  readonly solver: SolverName;
  /** Wall-clock seconds of the backend. */
  readonly seconds: number;
  /** Branch-and-bound nodes, where known. */
  readonly nodes?: number;
  /**
   * Set when the backend failed mid-solve (HiGHS aborted, e.g. out of WebAssembly memory, or its worker died)
   * after it had reported a feasible solution: the result is that solution with status `aborted`, and this
   * says what stopped it. Absent otherwise (a failure before any solution throws `SolverError`).
   */
  readonly failure?: string;
}

/** An irreducible infeasible subsystem of a linear model (see {@link LinearResult.conflict}). */
export interface LinearConflict {
  /** Row indices in the subsystem, ascending (which of a ranged row's bounds counts is not given). */
  readonly rows: Int32Array;
  /** Column indices whose bounds are in the subsystem, ascending. */
  readonly columns: Int32Array;
  /** Same length as `columns`: which of the column's bounds is in the subsystem. */
  readonly columnBounds: readonly ("lower" | "upper" | "both")[];
}

/** Options a backend takes for one linear model. */
export interface LinearSolveOptions {
  /** See {@link SolveOptions.timeLimitSeconds}. */
  readonly timeLimitSeconds?: number;
  /** See {@link SolveOptions.mipRelativeGap}. */
  readonly mipRelativeGap?: number;
  /** See {@link SolveOptions.signal}. */
  readonly signal?: AbortSignal;
  /** See {@link SolveOptions.onProgress}. */
  readonly onProgress?: (progress: SolveProgress) => void;
  /** A feasible start (length `columnCount`), e.g. from a heuristic; HiGHS uses it as its first incumbent. */
  readonly initialSolution?: Float64Array;
  /** HiGHS, on a model without integer columns found infeasible: look for an irreducible infeasible subsystem ({@link LinearResult.conflict}). */
  readonly explainInfeasibility?: boolean;
  /**
   * A cancel flag the backend polls in its callbacks: solving stops when `cancelFlag[0] !== 0`. Used by the
   * worker, whose thread cannot see an `AbortSignal` while HiGHS runs.
   */
  readonly cancelFlag?: Int32Array;
  /**
   * Called with each improving MIP solution HiGHS reports (length `columnCount`, a copy the callee may keep)
   * and HiGHS' bound at that moment (null when it has none yet). Used by the worker to post each incumbent to
   * the calling thread, which then holds the best solution even if the worker has to be terminated.
   */
  readonly onIncumbent?: (values: Float64Array, bound: number | null) => void;
}
