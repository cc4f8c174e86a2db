/**
 * Headline figures of a solution: mean and largest cost, covered and served demand.
 * @module
 */
import { costOf } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import type { Problem } from "../problem.ts";
import type { Solution } from "../solution.ts";
import { CompensatedSum } from "../compensatedSum.ts";

/** The headline figures of a solution; costs in the cost matrix's unit, demand in the weights' unit. */
export interface SolutionSummary {
  /**
   * Demand-weighted mean cost over the served demand: Σ w_i c_(i,a(i)) / Σ w_i over assigned points (with
   * split allocations, Σ amount × cost / Σ amount). Null when no demand is served.
   */
  readonly meanCost: number | null;
  /** The largest cost from a served demand point with weight > 0 to its site (or any of its allocations); null when none. */
  readonly maxCost: number | null;
  /** Demand weight within `radius` of an open site (cost ≤ radius, inclusive); null without a radius. */
  readonly coveredDemand: number | null;
  /** `coveredDemand / totalDemand`, in [0, 1]; null without a radius or when the total demand is 0. */
  readonly coveredShare: number | null;
  /** Σ w_i over all demand points. */
  readonly totalDemand: number;
  /** Demand weight assigned to an open site (Σ of the allocations when split). */
  readonly servedDemand: number;
}

/**
 * Summarises a solution: demand-weighted mean cost, largest cost, covered demand within a radius, total and
 * served demand. Sums are compensated (Neumaier). A solution without open sites gives null costs and 0 served.
 * @param problem - the problem that was solved
 * @param solution - its solution (not modified)
 * @param options - `radius`: the coverage radius in the cost unit (finite, ≥ 0); default none
 * @returns the summary
 * @throws InputError when `radius` is given but not a finite number ≥ 0
 * @example
 * ```ts
 * const solution = await solvePMedian(problem, { p: 4 });
 * const summary = summarizeSolution(problem, solution, { radius: 3000 });
 * summary.meanCost;     // metres per person, e.g. 2982.13 on the San Francisco set
 * summary.coveredShare; // share of people within 3 km of an open site
 * ```
 */
export function summarizeSolution(problem: Problem, solution: Solution, options: { readonly radius?: number } = {}): SolutionSummary {
  const radius = options.radius;
  if (radius !== undefined && !(Number.isFinite(radius) && radius >= 0)) {
    throw new InputError({ source: "options", field: "radius", value: radius }, "must be a finite number ≥ 0 (in the unit of the costs)");
  }
  const total = new CompensatedSum();
  for (const point of problem.demand) total.add(point.weight);
  const served = new CompensatedSum();
  const weightedCost = new CompensatedSum();
  let maxCost = -Infinity;
  const serve = (i: number, j: number, amount: number): void => {
    const cost = costOf(problem.costs, i, j);
    served.add(amount);
    weightedCost.add(amount * cost);
    if (problem.demand[i]!.weight > 0) maxCost = Math.max(maxCost, cost);
  };
  if (solution.allocations !== undefined) {
    for (const { demand, site, amount } of solution.allocations) serve(demand, site, amount);
  } else {
    solution.assignment.forEach((j, i) => {
      if (j >= 0) serve(i, j, problem.demand[i]!.weight);
    });
  }
  let coveredDemand: number | null = null;
  if (radius !== undefined) {
    const covered = new CompensatedSum();
    problem.demand.forEach((point, i) => {
      if (solution.open.some((j) => costOf(problem.costs, i, j) <= radius)) covered.add(point.weight);
    });
    coveredDemand = covered.value;
  }
  const totalDemand = total.value;
  const servedDemand = served.value;
  return {
    meanCost: servedDemand > 0 ? weightedCost.value / servedDemand : null,
    maxCost: maxCost === -Infinity ? null : maxCost,
    coveredDemand,
    coveredShare: coveredDemand === null || !(totalDemand > 0) ? null : coveredDemand / totalDemand,
    totalDemand,
    servedDemand,
  };
}
