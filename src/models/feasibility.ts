/**
 * Infeasibility that can be seen before solving: too many required sites, too few sites that may open, demand
 * points no site can serve, demand beyond capacity. Each reason names the numbers and the points or sites.
 * @module
 */
import { forEachAllowedSite } from "../costMatrix.ts";
import { CompensatedSum } from "../compensatedSum.ts";
import type { Problem } from "../problem.ts";
import type { InfeasibilityReason } from "../solution.ts";
import type { SiteRules } from "./siteRules.ts";

/** How many ids a reason quotes before it says "and N more". */
const QUOTED_IDS = 10;

/**
 * Formats a number for a reason: digits grouped by thousands, at most 6 decimals (e.g. `12,430`).
 * @param value - any number
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/**
 * Quotes ids for a reason: `"a", "b" and 3 more`.
 * @param ids - the ids to quote
 */
export function quoteIds(ids: readonly string[]): string {
  const shown = ids.slice(0, QUOTED_IDS).map((id) => JSON.stringify(id));
  return ids.length > QUOTED_IDS ? `${shown.join(", ")} and ${ids.length - QUOTED_IDS} more` : shown.join(", ");
}

/**
 * Reasons why exactly p sites cannot open: more required sites than p, or p larger than the number of sites
 * that may open.
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param p - the number of sites to open
 */
export function siteCountReasons(problem: Problem, rules: SiteRules, p: number): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = [];
  const required = rules.requiredIndices;
  if (required.length > p) {
    reasons.push({
      code: "requiredExceedsP",
      message: `${required.length} sites are required (${quoteIds(required.map((j) => problem.sites[j]!.id))}) but p = ${p}`,
      siteIndices: required,
    });
  }
  if (rules.openable.length < p) {
    const forbidden = problem.sites.length - rules.openable.length;
    reasons.push({
      code: "tooFewSites",
      message: `p = ${p} exceeds the ${rules.openable.length} sites that may open (${problem.sites.length} sites, ${forbidden} forbidden)`,
      siteIndices: rules.openable,
    });
  }
  return reasons;
}

/**
 * Demand points with weight > 0 that no site that may open can serve: no allowed pair (finite cost), or, with
 * a radius, none within it (cost ≤ radius).
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param radius - the coverage radius, or undefined for "any finite cost"
 * @returns one `uncoverable` reason listing the points, or none
 */
export function unreachableReasons(problem: Problem, rules: SiteRules, radius?: number): InfeasibilityReason[] {
  const points: number[] = [];
  problem.demand.forEach((point, i) => {
    if (!(point.weight > 0)) return;
    let reached = false;
    forEachAllowedSite(problem.costs, i, (j, cost) => {
      if (!rules.forbidden[j] && (radius === undefined || cost <= radius)) reached = true;
    });
    if (!reached) points.push(i);
  });
  if (points.length === 0) return [];
  const ids = quoteIds(points.map((i) => problem.demand[i]!.id));
  const what =
    radius === undefined
      ? "no site that may open reaches them (no finite cost)"
      : `no site that may open is within radius ${formatNumber(radius)} ${problem.costs.unit} of them`;
  return [{ code: "uncoverable", message: `${points.length} demand points cannot be served, ${what}: ${ids}`, demandIndices: points }];
}

/**
 * Capacity shortfalls of the capacitated models: total demand above the total capacity of the sites that may
 * open; with p, above the capacity of the p largest sites that may open (the required ones included); with
 * single-source assignment, a demand point heavier than every site that may serve it.
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param p - the number of sites to open, or undefined when the model has none
 * @param singleSource - whether each demand point must be served wholly by one site
 * @returns the `capacity` reasons found, or none
 */
export function capacityReasons(
  problem: Problem,
  rules: SiteRules,
  p: number | undefined,
  singleSource: boolean,
): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = [];
  const demand = new CompensatedSum();
  for (const point of problem.demand) demand.add(point.weight);
  const totalDemand = demand.value;
  const capacity = new CompensatedSum();
  for (const j of rules.openable) capacity.add(problem.sites[j]!.capacity);
  if (totalDemand > capacity.value) {
    reasons.push({
      code: "capacity",
      message: `demand ${formatNumber(totalDemand)} exceeds total capacity ${formatNumber(capacity.value)} of the ${rules.openable.length} sites that may open`,
      siteIndices: rules.openable,
    });
  } else if (p !== undefined && p < rules.openable.length && rules.requiredIndices.length <= p) {
    const required = new Set(rules.requiredIndices);
    const others = rules.openable.filter((j) => !required.has(j));
    others.sort((a, b) => problem.sites[b]!.capacity - problem.sites[a]!.capacity || a - b);
    const best = [...rules.requiredIndices, ...others.slice(0, p - rules.requiredIndices.length)].sort((a, b) => a - b);
    const bestCapacity = new CompensatedSum();
    for (const j of best) bestCapacity.add(problem.sites[j]!.capacity);
    if (totalDemand > bestCapacity.value) {
      reasons.push({
        code: "capacity",
        message:
          `demand ${formatNumber(totalDemand)} exceeds capacity ${formatNumber(bestCapacity.value)} of the largest p = ${p} ` +
          `sites that may open${rules.requiredIndices.length > 0 ? ` (the ${rules.requiredIndices.length} required ones included)` : ""}: ` +
          quoteIds(best.map((j) => problem.sites[j]!.id)),
        siteIndices: best,
      });
    }
  }
  if (singleSource) {
    const heavy: number[] = [];
    const details: string[] = [];
    problem.demand.forEach((point, i) => {
      if (!(point.weight > 0)) return;
      let largest = -Infinity;
      forEachAllowedSite(problem.costs, i, (j) => {
        if (!rules.forbidden[j]) largest = Math.max(largest, problem.sites[j]!.capacity);
      });
      if (largest !== -Infinity && point.weight > largest) {
        heavy.push(i);
        if (details.length < QUOTED_IDS) {
          details.push(`${JSON.stringify(point.id)} (weight ${formatNumber(point.weight)}, largest capacity ${formatNumber(largest)})`);
        }
      }
    });
    if (heavy.length > 0) {
      const more = heavy.length > QUOTED_IDS ? ` and ${heavy.length - QUOTED_IDS} more` : "";
      reasons.push({
        code: "capacity",
        message: `${heavy.length} demand points weigh more than the capacity of every site that may serve them, so single-source assignment is impossible: ${details.join(", ")}${more}`,
        demandIndices: heavy,
      });
    }
  }
  return reasons;
}
