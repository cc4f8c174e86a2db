/**
 * Reading solutions: open sites from column values, each demand point's cheapest open site, site loads, and the
 * models' objectives recomputed from the problem.
 * @module
 */
import { costOf, forEachAllowedSite } from "../costMatrix.ts";
import { CompensatedSum } from "../compensatedSum.ts";
import type { Problem } from "../problem.ts";
import type { Allocation } from "../solution.ts";

/** A binary column counts as 1 when its value is above this. */
export const BINARY_THRESHOLD = 0.5;

/**
 * The sites whose column is above 0.5.
 * @param values - column values
 * @param siteColumns - length m: the column of each site's open variable, or −1 for a site without one (forbidden)
 * @returns site indices, ascending
 */
export function openSitesFrom(values: Float64Array, siteColumns: Int32Array): number[] {
  const open: number[] = [];
  siteColumns.forEach((column, j) => {
    if (column >= 0 && values[column]! > BINARY_THRESHOLD) open.push(j);
  });
  return open;
}

/**
 * A length-m mask of the given site indices.
 * @param siteCount - m
 * @param open - site indices
 */
export function siteMask(siteCount: number, open: readonly number[]): boolean[] {
  const mask = new Array<boolean>(siteCount).fill(false);
  for (const j of open) mask[j] = true;
  return mask;
}

/**
 * Assigns every demand point to its cheapest open allowed site (ties to the lowest site index), or −1 when no
 * open site reaches it within `radius`. Optimal for the uncapacitated models once the open sites are fixed.
 * @param problem - the problem
 * @param open - length m, true where the site is open
 * @param radius - the largest cost allowed (inclusive); default Infinity (any finite cost)
 * @returns length n
 */
export function assignToCheapestOpen(problem: Problem, open: readonly boolean[], radius = Infinity): Int32Array {
  const assignment = new Int32Array(problem.demand.length).fill(-1);
  for (let i = 0; i < problem.demand.length; i++) {
    let best = Infinity;
    forEachAllowedSite(problem.costs, i, (j, cost) => {
      if (open[j] && cost <= radius && cost < best) {
        best = cost;
        assignment[i] = j;
      }
    });
  }
  return assignment;
}

/**
 * The demand weight each site serves: from the allocations where given, else from the assignment.
 * @param problem - the problem
 * @param assignment - length n, site index or −1
 * @param allocations - the split shares, if any
 * @returns length m, compensated sums
 */
export function siteLoads(problem: Problem, assignment: Int32Array, allocations?: readonly Allocation[]): Float64Array {
  const sums = problem.sites.map(() => new CompensatedSum());
  if (allocations !== undefined) {
    for (const { site, amount } of allocations) sums[site]!.add(amount);
  } else {
    assignment.forEach((j, i) => {
      if (j >= 0) sums[j]!.add(problem.demand[i]!.weight);
    });
  }
  return Float64Array.from(sums, (sum) => sum.value);
}

/**
 * Σ w_i c_{i,a(i)} over the assigned demand points (the p-median objective), compensated.
 * @param problem - the problem
 * @param assignment - length n, site index or −1 (skipped)
 */
export function assignedWeightedCost(problem: Problem, assignment: Int32Array): number {
  const sum = new CompensatedSum();
  assignment.forEach((j, i) => {
    const weight = problem.demand[i]!.weight;
    if (j >= 0 && weight > 0) sum.add(weight * costOf(problem.costs, i, j));
  });
  return sum.value;
}

/**
 * The largest cost from a demand point with weight > 0 to its assigned site (the p-center objective); 0 when
 * no such point is assigned.
 * @param problem - the problem
 * @param assignment - length n, site index or −1 (skipped)
 */
export function largestAssignedCost(problem: Problem, assignment: Int32Array): number {
  let largest = 0;
  assignment.forEach((j, i) => {
    if (j >= 0 && problem.demand[i]!.weight > 0) largest = Math.max(largest, costOf(problem.costs, i, j));
  });
  return largest;
}

/**
 * Σ c_ij × amount over the allocations, compensated.
 * @param problem - the problem
 * @param allocations - the split shares
 */
export function allocatedCost(problem: Problem, allocations: readonly Allocation[]): number {
  const sum = new CompensatedSum();
  for (const { demand, site, amount } of allocations) sum.add(amount * costOf(problem.costs, demand, site));
  return sum.value;
}

/**
 * Σ f_j over the open sites, compensated.
 * @param problem - the problem
 * @param open - site indices
 */
export function openingCost(problem: Problem, open: readonly number[]): number {
  const sum = new CompensatedSum();
  for (const j of open) sum.add(problem.sites[j]!.fixedCost);
  return sum.value;
}

/**
 * Splits one demand point's weight over sites in proportion to the solver's shares: shares of at most
 * 1e-9 of the weight are dropped, the rest renormalised so that the amounts sum to the weight (the largest
 * share takes the rounding remainder).
 * @param demand - the demand point index i
 * @param weight - its weight w_i > 0
 * @param shares - candidate (site, fraction) pairs, sites ascending, fractions from the solver
 * @returns the allocations, sites ascending; empty when every share is negligible
 */
export function splitWeight(demand: number, weight: number, shares: readonly { site: number; fraction: number }[]): Allocation[] {
  const kept = shares.filter((share) => share.fraction * weight > 1e-9 * weight);
  const total = new CompensatedSum();
  for (const share of kept) total.add(share.fraction);
  if (kept.length === 0 || !(total.value > 0)) return [];
  const amounts = kept.map((share) => (share.fraction / total.value) * weight);
  let largest = 0;
  amounts.forEach((amount, k) => {
    if (amount > amounts[largest]!) largest = k;
  });
  const rest = new CompensatedSum();
  amounts.forEach((amount, k) => {
    if (k !== largest) rest.add(amount);
  });
  amounts[largest] = weight - rest.value;
  return kept.map((share, k) => ({ demand, site: share.site, amount: amounts[k]! }));
}
