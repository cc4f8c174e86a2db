/**
 * The seam every location model goes through: check the options → build a {@link LinearModel} → solve it →
 * decode the column values into open sites and assignments → recompute the objective from the problem.
 * Heuristics, Lagrangian bounds and warm starts plug in here: a heuristic's open sites come in as an
 * {@link InitialSolution}, and a built model exposes its linear model and decoder.
 * @module
 */
import type { LinearModel } from "../solvers/linearModel.ts";
import type { Allocation, ModelName } from "../solution.ts";
import type { InitialSolution } from "./solveOptions.ts";

/** Open sites and assignments read from a linear model's column values (or from a heuristic). */
export interface DecodedSolution {
  /** Indices of the open sites, ascending. */
  readonly open: readonly number[];
  /** Length n: the site serving each demand point (its largest share when split), or −1. */
  readonly assignment: Int32Array;
  /** The split of each demand point's weight, for split-assignment models only. */
  readonly allocations?: readonly Allocation[];
}

/** A location model built as a linear model, with what is needed to read its solutions. */
export interface BuiltLocationModel {
  /** The model's name. */
  readonly model: ModelName;
  /** The linear model to solve. Its objective is the model's objective divided by `objectiveScale`. */
  readonly linear: LinearModel;
  /** A power of two: the linear model's objective (and bound) times this is in the model's unit. */
  readonly objectiveScale: number;
  /**
   * Reads open sites and assignments from column values; demand is only ever assigned to open sites.
   * @param values - length `linear.columnCount`
   */
  decode(values: Float64Array): DecodedSolution;
  /**
   * The model's objective of a decoded solution, recomputed from the problem (not the solver's float).
   * @param decoded - open sites and assignments
   */
  objectiveOf(decoded: DecodedSolution): number;
  /**
   * Column values for a warm start, or undefined when `initial` does not satisfy the model (wrong number of
   * sites, a forbidden site open, a required one closed, a capacity exceeded, a point left unserved).
   * @param initial - open sites and, for the capacitated models, an assignment
   */
  startValues(initial: InitialSolution): Float64Array | undefined;
}

/** Largest objective coefficient the linear model keeps before its objective is scaled down by a power of two. */
const LARGEST_COEFFICIENT = 1024;

/**
 * The power of two that brings the largest objective coefficient to at most 1024, so that HiGHS' absolute
 * tolerances stay meaningful. Powers of two scale exactly; the result is 1 when no scaling is needed.
 * @param largest - the largest absolute objective coefficient
 */
export function objectiveScaleFor(largest: number): number {
  let scale = 1;
  if (!Number.isFinite(largest)) return scale;
  while (largest / scale > LARGEST_COEFFICIENT) scale *= 2;
  return scale;
}

/**
 * Checks the open sites of a warm start against the basic rules: distinct valid indices, required sites
 * included, no forbidden site, and exactly p where the model has p.
 * @param initial - the warm start
 * @param siteCount - m
 * @param required - length m, required flags
 * @param forbidden - length m, forbidden flags
 * @param p - the number of sites to open, or undefined
 * @returns a length-m open mask, or undefined when the rules are broken
 */
export function initialOpenMask(
  initial: InitialSolution,
  siteCount: number,
  required: readonly boolean[],
  forbidden: readonly boolean[],
  p: number | undefined,
): boolean[] | undefined {
  if (!Array.isArray(initial.open)) return undefined;
  const open = new Array<boolean>(siteCount).fill(false);
  for (const j of initial.open) {
    if (!Number.isInteger(j) || j < 0 || j >= siteCount || open[j] || forbidden[j]) return undefined;
    open[j] = true;
  }
  for (let j = 0; j < siteCount; j++) if (required[j] && !open[j]) return undefined;
  if (p !== undefined && initial.open.length !== p) return undefined;
  return open;
}
