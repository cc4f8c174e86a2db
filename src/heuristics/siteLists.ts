/**
 * Each demand point's allowed sites sorted by weighted cost, and each site's demand points: the flat typed arrays
 * the location heuristics walk (no LP). Built once per problem; plain data, safe to share.
 * @module
 */
import { forEachAllowedSite } from "../costMatrix.ts";
import type { Problem } from "../problem.ts";

/**
 * Sorted neighbour lists in compressed form. Demand point `u`'s sites are positions `starts[u]` …
 * `starts[u + 1] - 1` of `sites` and `costs`, by ascending cost (ties by site index). Costs are weighted
 * (w_u × c_uj): a list entry is what serving u from that site adds to the objective.
 */
export interface SiteLists {
  /** Demand points n (those of weight 0 have empty lists: they add nothing to any objective). */
  readonly demandCount: number;
  /** Sites m. */
  readonly siteCount: number;
  /** Length n + 1. */
  readonly starts: Int32Array;
  /** Site index of each entry. */
  readonly sites: Int32Array;
  /** Weighted cost of each entry, ascending within a demand point. */
  readonly costs: Float64Array;
  /** Length m + 1: site j's entries are `siteStarts[j]` … `siteStarts[j + 1] - 1` of `siteDemand` and `siteCosts`. */
  readonly siteStarts: Int32Array;
  /** Demand point of each of a site's entries, ascending. */
  readonly siteDemand: Int32Array;
  /** Weighted cost of each of a site's entries. */
  readonly siteCosts: Float64Array;
  /** Demand points of weight > 0 (the ones with lists), ascending. */
  readonly served: Int32Array;
}

/**
 * Builds the sorted lists over the allowed pairs of the problem (finite cost), leaving out sites that may not
 * open and demand points of weight 0.
 * @param problem - the problem
 * @param closed - length m: 1 where a site may not open (forbidden)
 * @param nearest - keep only each demand point's `nearest` cheapest sites (default: all); the heuristics then
 *   solve the problem restricted to these pairs, which stays a feasible answer to the whole one
 */
export function buildSiteLists(problem: Problem, closed: Uint8Array, nearest = Infinity): SiteLists {
  const n = problem.demand.length;
  const m = problem.sites.length;
  const starts = new Int32Array(n + 1);
  const rowSites: number[][] = [];
  const rowCosts: number[][] = [];
  const served: number[] = [];
  const scratchSites = new Int32Array(m);
  const scratchCosts = new Float64Array(m);
  for (let u = 0; u < n; u++) {
    const weight = problem.demand[u]!.weight;
    let count = 0;
    if (weight > 0) {
      forEachAllowedSite(problem.costs, u, (j, cost) => {
        if (closed[j] === 1) return;
        scratchSites[count] = j;
        scratchCosts[count++] = weight * cost;
      });
    }
    const order = Array.from({ length: count }, (_, k) => k);
    order.sort((a, b) => scratchCosts[a]! - scratchCosts[b]! || scratchSites[a]! - scratchSites[b]!);
    const keep = Math.min(count, nearest);
    rowSites.push(order.slice(0, keep).map((k) => scratchSites[k]!));
    rowCosts.push(order.slice(0, keep).map((k) => scratchCosts[k]!));
    starts[u + 1] = starts[u]! + keep;
    if (keep > 0) served.push(u);
  }
  const total = starts[n]!;
  const sites = new Int32Array(total);
  const costs = new Float64Array(total);
  const siteStarts = new Int32Array(m + 1);
  for (let u = 0; u < n; u++) {
    sites.set(rowSites[u]!, starts[u]!);
    costs.set(rowCosts[u]!, starts[u]!);
    for (const j of rowSites[u]!) siteStarts[j + 1]!++;
  }
  for (let j = 0; j < m; j++) siteStarts[j + 1]! += siteStarts[j]!;
  const fill = siteStarts.slice(0, m);
  const siteDemand = new Int32Array(total);
  const siteCosts = new Float64Array(total);
  for (let u = 0; u < n; u++) {
    for (let k = starts[u]!; k < starts[u + 1]!; k++) {
      const at = fill[sites[k]!]!++;
      siteDemand[at] = u;
      siteCosts[at] = costs[k]!;
    }
  }
  return { demandCount: n, siteCount: m, starts, sites, costs, siteStarts, siteDemand, siteCosts, served: Int32Array.from(served) };
}
