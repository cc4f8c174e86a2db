/**
 * Who covers whom: the sites within a radius of each demand point, grouped so that points with the same
 * covering sites share one row of a covering model.
 * @module
 */
import { forEachAllowedSite } from "../costMatrix.ts";
import { CompensatedSum } from "../compensatedSum.ts";
import type { Problem } from "../problem.ts";
import type { SiteRules } from "./siteRules.ts";

/** Demand points (with weight > 0) covered by exactly the same sites that may open. */
export interface CoverGroup {
  /** The sites that may open within the radius of these points (cost ≤ radius), ascending. */
  readonly sites: readonly number[];
  /** The demand point indices, ascending. */
  readonly points: readonly number[];
  /** Their total weight (compensated sum). */
  readonly weight: number;
}

/**
 * Groups the demand points with weight > 0 by the set of sites that may open and cover them (cost ≤ radius,
 * inclusive). Points that no such site covers form a group with no sites.
 * @param problem - the problem
 * @param rules - forbidden sites do not cover
 * @param radius - the coverage radius, in the cost matrix's unit
 * @returns the groups, in order of their first point
 */
export function coverGroups(problem: Problem, rules: SiteRules, radius: number): CoverGroup[] {
  const groups = new Map<string, { sites: number[]; points: number[]; weight: CompensatedSum }>();
  problem.demand.forEach((point, i) => {
    if (!(point.weight > 0)) return;
    const sites: number[] = [];
    forEachAllowedSite(problem.costs, i, (j, cost) => {
      if (!rules.forbidden[j] && cost <= radius) sites.push(j);
    });
    const key = sites.join(",");
    let group = groups.get(key);
    if (group === undefined) {
      group = { sites, points: [], weight: new CompensatedSum() };
      groups.set(key, group);
    }
    group.points.push(i);
    group.weight.add(point.weight);
  });
  return [...groups.values()].map((group) => ({ sites: group.sites, points: group.points, weight: group.weight.value }));
}
