/**
 * Who covers whom: the sites within a radius of each demand point, grouped so that points with the same
 * covering sites share one row of a covering model.
 * @module
 */
import { forEachAllowedSite } from "../costMatrix.ts";
import { CompensatedSum } from "../compensatedSum.ts";
import { SolverError } from "../errors.ts";
import type { Problem } from "../problem.ts";
import type { ModelName } from "../solution.ts";
import { assertHighsFits } from "../solvers/highsMemory.ts";
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
 * Refuses a covering model too large for HiGHS' WebAssembly memory, from its groups, before the linear model is
 * built. Points with the same covering sites share a row, so the sizes come from the groups (at most: columns =
 * open-able sites + groups, rows = groups + 1, nonzeros = the groups' sites + groups + open-able sites); only
 * the distinct covering sets are held while grouping.
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param groups - the covering groups
 * @param model - the model's name, for the message
 * @throws SolverError naming the model, the demand points × sites, the groups and the estimate
 */
export function assertCoverModelFits(problem: Problem, rules: SiteRules, groups: readonly CoverGroup[], model: ModelName): void {
  let pairs = 0;
  for (const group of groups) pairs += group.sites.length;
  const sites = rules.openable.length;
  try {
    assertHighsFits({ columns: sites + groups.length, rows: groups.length + 1, nonzeros: pairs + groups.length + sites, integer: true });
  } catch (error) {
    if (!(error instanceof SolverError)) throw error;
    throw new SolverError(
      `${model} on ${problem.demand.length} demand points × ${problem.sites.length} sites (${groups.length} groups of points with the same covering sites, ${pairs} group–site pairs), refused before building: ${error.message}`,
    );
  }
}

/**
 * Groups the demand points with weight > 0 by the set of sites that may open and cover them (cost ≤ radius,
 * inclusive). Points that no such site covers form a group with no sites. Then checks that the covering model
 * will fit in HiGHS' memory ({@link assertCoverModelFits}).
 * @param problem - the problem
 * @param rules - forbidden sites do not cover
 * @param radius - the coverage radius, in the cost matrix's unit
 * @param model - the covering model being built, for the size check's message
 * @returns the groups, in order of their first point
 * @throws SolverError when the covering model would not fit in HiGHS' memory
 */
export function coverGroups(problem: Problem, rules: SiteRules, radius: number, model: ModelName): CoverGroup[] {
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
  const result = [...groups.values()].map((group) => ({ sites: group.sites, points: group.points, weight: group.weight.value }));
  assertCoverModelFits(problem, rules, result, model);
  return result;
}
