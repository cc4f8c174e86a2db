/**
 * The options a location model's solve function takes beyond its parameters: the backend options of every
 * solve, and a warm start.
 * @module
 */
import type { SolveOptions } from "../solvers/options.ts";
import type { Allocation } from "../solution.ts";

/**
 * A known solution to start from (a warm start), e.g. from a heuristic or an earlier solve; a {@link Solution}
 * fits. The solver takes it as its first incumbent when it satisfies the model (p, required and forbidden
 * sites, capacities); otherwise it is ignored. Only the HiGHS backend uses warm starts.
 */
export interface InitialSolution {
  /** Indices of the open sites (0-based, into `problem.sites`). */
  readonly open: readonly number[];
  /**
   * Length n: the site of each demand point, or −1. Needed for a warm start of the capacitated models with
   * single-source assignment; the uncapacitated models assign each point to its cheapest open site.
   */
  readonly assignment?: ArrayLike<number>;
  /** The split of each demand point's weight, for split fixed-charge solutions. */
  readonly allocations?: readonly Allocation[];
}

/** {@link SolveOptions} plus an optional warm start. */
export interface LocationSolveOptions extends SolveOptions {
  /** A solution to start from; see {@link InitialSolution}. Default none. */
  readonly initialSolution?: InitialSolution;
}
