/**
 * The location set covering problem.
 * @module
 */
import type { Problem } from "../problem.ts";
import { checkOptionNames } from "./optionNames.ts";
import type { Solution } from "../solution.ts";
import { coverGroups } from "./coverage.ts";
import { buildCoverModel } from "./coverModel.ts";
import { unreachableReasons } from "./feasibility.ts";
import type { BuiltLocationModel } from "./locationModel.ts";
import { solutionWithoutSites, solveBuiltModel } from "./run.ts";
import { checkRadius, resolveSiteRules, type SiteRules } from "./siteRules.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";
import type { SetCoverSpec } from "./spec.ts";

/**
 * Builds the set covering model, one row per group of demand points with the same covering sites.
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param radius - the coverage radius (cost ≤ radius covers)
 */
export function buildSetCoverModel(problem: Problem, rules: SiteRules, radius: number): BuiltLocationModel {
  return buildCoverModel(problem, rules, coverGroups(problem, rules, radius, "set-cover"), {
    model: "set-cover",
    siteCost: 1,
    objectiveOf: (decoded) => decoded.open.length,
  });
}

/**
 * Solves the location set covering problem: open as few sites as possible so that every demand point with
 * weight > 0 is within the radius of an open site (Toregas, Swain, ReVelle & Bergman 1971). Covered means
 * cost ≤ radius (inclusive). Demand points with weight 0 carry no demand and need no cover.
 *
 * Formulation (points with the same covering sites share one row, which is exact):
 * ```
 * (1) minimise   Σ_j y_j
 * (2) subject to Σ_{j ∈ N_i} y_j ≥ 1    for every demand point i with w_i > 0
 * (3)            y_j = 1 for required sites; forbidden sites have no y_j;  y_j ∈ {0, 1}
 * ```
 * | symbol | meaning |
 * |---|---|
 * | N_i | the sites that may open within the radius of demand point i: c_ij ≤ radius |
 * | y_j | 1 when site j is open |
 *
 * The objective is the number of open sites, required sites included. Each demand point is assigned to its
 * cheapest open allowed site (ties to the lowest site index), which for a point with weight > 0 is within the
 * radius.
 *
 * Site capacities and fixed costs are not part of set covering and are ignored, as in p-median: a problem
 * that carries them (so that the same problem can go to {@link solveCapacitatedPMedian} or
 * {@link solveFixedCharge}) solves as if every site were uncapacitated and cost 1 to open, and an open site's
 * `load` may exceed its capacity. A capacitated covering model is not offered yet; to see whether the cover
 * fits, compare `solution.load[j]` with `problem.sites[j].capacity`, or solve capacitated-p-median with p =
 * the cover's size and a cost cutoff at the radius. The command line refuses `--capacity` for this model.
 *
 * Reference: Toregas, C., Swain, R., ReVelle, C. & Bergman, L. (1971), "The location of emergency service
 * facilities", Operations Research 19(6), 1363–1373.
 *
 * @param problem - demand points, sites and costs
 * @param options - `radius` (finite, ≥ 0, in the cost unit), `required` / `forbidden` site ids, backend options
 *   and an optional `initialSolution` (open sites) as a warm start
 * @returns the solution; `infeasible` without a solver call, with reason `uncoverable` listing the points, when
 *   some demand point with weight > 0 has no site that may open within the radius
 * @throws InputError on a bad radius, an unknown site id, or a site both required and forbidden
 * @throws SolverError when the backend fails
 * @example
 * ```ts
 * const problem = createProblem({
 *   demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }],
 *   sites: [{ id: "s1" }, { id: "s2" }, { id: "s3" }],
 *   costs: denseCostMatrix([0, 4, 6, 4, 0, 3, 6, 3, 0], 3, 3, "kilometres"),
 * });
 * const solution = await solveSetCover(problem, { radius: 4 });
 * solution.open;      // [1]: s2 is within 4 km of everyone
 * solution.objective; // 1
 * ```
 */
export async function solveSetCover(problem: Problem, options: SetCoverSpec & LocationSolveOptions): Promise<Solution> {
  const started = performance.now();
  checkOptionNames(options, "set-cover");
  const rules = resolveSiteRules(problem, options);
  const radius = checkRadius(options.radius);
  const reasons = unreachableReasons(problem, rules, radius);
  if (reasons.length > 0) return solutionWithoutSites(problem, "set-cover", "infeasible", reasons, started);
  return solveBuiltModel(problem, buildSetCoverModel(problem, rules, radius), options, started);
}
