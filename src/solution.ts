/**
 * What a solve returns. A status union says what the solution holds; infeasibility comes back as a value
 * with reasons that name the numbers, never as a thrown error.
 * @module
 */

/**
 * How a solve ended.
 * - `optimal`: the objective is proven optimal (gap 0 within solver tolerances).
 * - `feasible`: a solution with a proven `bound` and `gap` > 0 (stopped at the requested gap, or a heuristic).
 * - `infeasible`: no solution exists; `reasons` says why, with the numbers.
 * - `unbounded`: the objective can improve without limit (a malformed custom model).
 * - `timeLimit`: the time limit hit; the best solution found (if any) and the bound are returned.
 * - `aborted`: the caller's `AbortSignal` fired; the best solution found (if any) and the bound are returned.
 */
export type SolveStatus = "optimal" | "feasible" | "infeasible" | "unbounded" | "timeLimit" | "aborted";

/**
 * The solver that produced a solution. `enumeration` is the brute-force reference; `heuristic` the location
 * heuristics (no proof of optimality); `benders` the p-median engine (heuristic incumbent, Benders cuts on a HiGHS
 * master); `none` means no solve was needed.
 */
export type SolverName = "highs" | "javascript-lp-solver" | "enumeration" | "heuristic" | "benders" | "none";

/** A reason a problem has no solution, with the numbers and the points involved. */
export interface InfeasibilityReason {
  /**
   * What kind of obstacle:
   * `capacity` (total demand exceeds total open-able capacity), `requiredExceedsP` (more required sites than p),
   * `uncoverable` (demand points no allowed site reaches within the radius or at all), `tooFewSites`
   * (p larger than the allowed sites), `solver` (the solver proved infeasibility after presolve checks passed).
   */
  readonly code: "capacity" | "requiredExceedsP" | "uncoverable" | "tooFewSites" | "solver";
  /** One sentence with the numbers, e.g. "demand 12,430 exceeds total capacity 11,800". */
  readonly message: string;
  /** Demand point indices involved (e.g. the uncoverable points), ascending. */
  readonly demandIndices?: readonly number[];
  /** Site indices involved, ascending. */
  readonly siteIndices?: readonly number[];
}

/** One share of a demand point's weight served by one site (split assignment). */
export interface Allocation {
  /** Demand point index i. */
  readonly demand: number;
  /** Site index j. */
  readonly site: number;
  /** Weight served (same unit as the demand weights), > 0. */
  readonly amount: number;
}

/** How the solve went. */
export interface SolveStatistics {
  /** Which solver produced the solution. */
  readonly solver: SolverName;
  /** Wall-clock seconds, building and solving. */
  readonly seconds: number;
  /** Columns of the linear model (0 when none was built). */
  readonly variables: number;
  /** Rows of the linear model (0 when none was built). */
  readonly constraints: number;
  /** Branch-and-bound nodes explored, where the solver reports them. */
  readonly nodes?: number;
  /**
   * Why an `aborted` solve stopped when the solver itself failed mid-solve (e.g. HiGHS out of WebAssembly memory),
   * the solution being the best it had found; absent when it stopped for the caller's signal or ended normally.
   */
  readonly stoppedBy?: string;
}

/** The result of solving a location model on a {@link Problem}. */
export interface Solution {
  /** The model that was solved. */
  readonly model: ModelName;
  /** How the solve ended; see {@link SolveStatus}. */
  readonly status: SolveStatus;
  /** The objective value in the model's unit (see each model), or null when no solution was found. */
  readonly objective: number | null;
  /** The best proven bound on the optimum (a lower bound when minimising), or null when none is known. */
  readonly bound: number | null;
  /** Relative gap `|objective − bound| / max(|objective|, 1e-10)`, or null when either is unknown. */
  readonly gap: number | null;
  /** Indices of the open sites, ascending. Empty when no solution was found. */
  readonly open: readonly number[];
  /**
   * Length n: the site each demand point is assigned to (its largest share when split), or −1 when it is not
   * assigned (uncovered in maximal covering, or no solution).
   */
  readonly assignment: Int32Array;
  /** The split of each demand point's weight over sites; present only for split-assignment solutions. */
  readonly allocations?: readonly Allocation[];
  /** Length m: the demand weight served by each site (0 for closed sites). */
  readonly load: Float64Array;
  /** Why there is no solution; empty unless `status` is `infeasible`. */
  readonly reasons: readonly InfeasibilityReason[];
  /** How the solve went. */
  readonly statistics: SolveStatistics;
}

/** The location models, by their CLI names. */
export type ModelName =
  | "p-median"
  | "p-center"
  | "max-coverage"
  | "set-cover"
  | "capacitated-p-median"
  | "fixed-charge";

/** Every {@link ModelName}, in the order of the README's model table. */
export const MODEL_NAMES: readonly ModelName[] = [
  "p-median",
  "p-center",
  "max-coverage",
  "set-cover",
  "capacitated-p-median",
  "fixed-charge",
];

/**
 * The relative gap between an objective and a bound, as HiGHS computes it: `|objective − bound| / max(|objective|, 1e-10)`.
 * @returns null when either value is null or not finite
 */
export function relativeGap(objective: number | null, bound: number | null): number | null {
  if (objective === null || bound === null || !Number.isFinite(objective) || !Number.isFinite(bound)) return null;
  return Math.abs(objective - bound) / Math.max(Math.abs(objective), 1e-10);
}
