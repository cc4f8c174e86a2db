/**
 * What the p-median heuristic and engine share: the sorted lists over the sites that may open, a usable warm
 * start, and the {@link Solution} made from the open sites they find (assignment and objective recomputed from the
 * problem).
 * @module
 */
import { buildSiteLists, type SiteLists } from "../heuristics/siteLists.ts";
import type { Problem } from "../problem.ts";
import { relativeGap, type Solution, type SolveStatistics } from "../solution.ts";
import { assignedWeightedCost, assignToCheapestOpen, siteLoads, siteMask } from "./decode.ts";
import type { SiteRules } from "./siteRules.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";

/** The lists of a p-median problem and which sites may open. */
export interface MedianInput {
  /** Every allowed pair, forbidden sites left out. */
  readonly lists: SiteLists;
  /** Length m: 1 where a site may open. */
  readonly insertable: Uint8Array;
  /** The warm start's open sites when usable (see {@link usableStart}). */
  readonly start: number[] | undefined;
}

/**
 * A warm start's open sites when they make a usable start: p distinct sites that may open, the required ones
 * among them; undefined otherwise (the search then starts from the greedy construction).
 */
export function usableStart(problem: Problem, rules: SiteRules, p: number, initial: LocationSolveOptions["initialSolution"]): number[] | undefined {
  if (initial === undefined) return undefined;
  const open = [...new Set(initial.open)];
  const ok =
    open.length === p &&
    open.every((j) => Number.isInteger(j) && j >= 0 && j < problem.sites.length && !rules.forbidden[j]) &&
    rules.requiredIndices.every((j) => open.includes(j));
  return ok ? open : undefined;
}

/**
 * The lists, the sites that may open and the warm start of a p-median solve.
 * @param problem - the problem
 * @param rules - the required and forbidden sites
 * @param p - sites to open
 * @param initial - the caller's warm start, if any
 */
export function medianInput(problem: Problem, rules: SiteRules, p: number, initial: LocationSolveOptions["initialSolution"]): MedianInput {
  const closed = Uint8Array.from(rules.forbidden, (flag) => (flag ? 1 : 0));
  return { lists: buildSiteLists(problem, closed), insertable: Uint8Array.from(closed, (flag) => 1 - flag), start: usableStart(problem, rules, p, initial) };
}

/**
 * The p-median {@link Solution} of open sites: each demand point at its cheapest open site, the objective
 * recomputed, the bound kept at or below it (null when none), the gap from the two.
 * @param problem - the problem
 * @param open - the open sites
 * @param status - how the solve ended
 * @param bound - the proven bound, or null
 * @param statistics - the solver, seconds and sizes
 */
export function medianSolution(problem: Problem, open: ArrayLike<number>, status: Solution["status"], bound: number | null, statistics: SolveStatistics): Solution {
  const sites = Array.from(open);
  const assignment = assignToCheapestOpen(problem, siteMask(problem.sites.length, sites));
  const objective = assignedWeightedCost(problem, assignment);
  const kept = status === "optimal" ? objective : bound === null || !Number.isFinite(bound) ? null : Math.min(bound, objective);
  return {
    model: "p-median",
    status,
    objective,
    bound: kept,
    gap: status === "optimal" ? 0 : relativeGap(objective, kept),
    open: sites,
    assignment,
    load: siteLoads(problem, assignment),
    reasons: [],
    statistics,
  };
}
