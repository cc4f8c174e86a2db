/**
 * The maximal covering location problem.
 * @module
 */
import { CompensatedSum } from "../compensatedSum.ts";
import type { Problem } from "../problem.ts";
import { checkOptionNames } from "./optionNames.ts";
import type { Solution } from "../solution.ts";
import { LinearModelBuilder } from "../solvers/linearModel.ts";
import { coverGroups } from "./coverage.ts";
import { assignToCheapestOpen, openSitesFrom, siteMask } from "./decode.ts";
import { siteCountReasons } from "./feasibility.ts";
import { initialOpenMask, objectiveScaleFor, type BuiltLocationModel, type DecodedSolution } from "./locationModel.ts";
import { solutionWithoutSites, solveBuiltModel } from "./run.ts";
import { checkRadius, checkSiteCount, resolveSiteRules, type SiteRules } from "./siteRules.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";
import type { MaxCoverageSpec } from "./spec.ts";

/**
 * Builds the maximal covering model over groups of demand points with the same covering sites.
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param p - the number of sites to open
 * @param radius - the coverage radius (cost ≤ radius covers)
 */
export function buildMaxCoverageModel(problem: Problem, rules: SiteRules, p: number, radius: number): BuiltLocationModel {
  const m = problem.sites.length;
  const groups = coverGroups(problem, rules, radius, "max-coverage").filter((group) => group.sites.length > 0);
  const scale = objectiveScaleFor(Math.max(0, ...groups.map((group) => group.weight)));
  const builder = new LinearModelBuilder("maximize");
  const siteColumns = new Int32Array(m).fill(-1);
  for (const j of rules.openable) siteColumns[j] = builder.addColumn(0, rules.required[j] ? 1 : 0, 1, true);
  const coverColumns = groups.map((group) => builder.addColumn(group.weight / scale, 0, 1, false));
  groups.forEach((group, g) => {
    builder.addRow([coverColumns[g]!, ...group.sites.map((j) => siteColumns[j]!)], [1, ...group.sites.map(() => -1)], -Infinity, 0);
  });
  const columns = rules.openable.map((j) => siteColumns[j]!);
  builder.addRow(columns, new Array<number>(columns.length).fill(1), p, p);
  const linear = builder.build();

  const objectiveOf = (decoded: DecodedSolution): number => {
    const covered = new CompensatedSum();
    decoded.assignment.forEach((j, i) => {
      if (j >= 0) covered.add(problem.demand[i]!.weight);
    });
    return covered.value;
  };
  return {
    model: "max-coverage",
    linear,
    objectiveScale: scale,
    decode(values) {
      const open = openSitesFrom(values, siteColumns);
      return { open, assignment: assignToCheapestOpen(problem, siteMask(m, open), radius) };
    },
    objectiveOf,
    startValues(initial) {
      const isOpen = initialOpenMask(initial, m, rules.required, rules.forbidden, p);
      if (isOpen === undefined) return undefined;
      const values = new Float64Array(linear.columnCount);
      for (const j of rules.openable) values[siteColumns[j]!] = isOpen[j] ? 1 : 0;
      groups.forEach((group, g) => (values[coverColumns[g]!] = group.sites.some((j) => isOpen[j]) ? 1 : 0));
      return values;
    },
  };
}

/**
 * Solves the maximal covering location problem: open exactly p sites so that the demand weight within the
 * radius of an open site is as large as possible (Church & ReVelle 1974). A demand point is covered when the
 * cost to some open site is at most the radius (inclusive: cost ≤ radius).
 *
 * Formulation (points with the same covering sites are merged into one group g, which is exact):
 * ```
 * (1) maximise   Σ_g W_g z_g
 * (2) subject to z_g ≤ Σ_{j ∈ N_g} y_j      for every group g
 * (3)            Σ_j y_j = p
 * (4)            y_j = 1 for required sites; forbidden sites have no y_j
 * (5)            y_j ∈ {0, 1},  0 ≤ z_g ≤ 1 (integral at an optimum once y is)
 * ```
 * | symbol | meaning |
 * |---|---|
 * | N_g | the sites within the radius of the points of group g: c_ij ≤ radius |
 * | W_g | total weight of the points of group g |
 * | z_g | 1 when group g is covered |
 * | y_j | 1 when site j is open |
 * | p | number of sites to open |
 *
 * The objective is the covered demand weight (pupils, people), maximised; the bound is an upper bound.
 * Exactly p sites open, even when fewer would cover as much. Covered demand points are assigned to their
 * cheapest open site within the radius; uncovered points get −1 and are not served.
 *
 * Reference: Church, R. & ReVelle, C. (1974), "The maximal covering location problem", Papers of the Regional
 * Science Association 32(1), 101–118.
 *
 * @param problem - demand points, sites and costs
 * @param options - `p` (whole number, 1 ≤ p ≤ m), `radius` (finite, ≥ 0, in the cost unit), `required` /
 *   `forbidden` site ids, backend options and an optional `initialSolution` (open sites) as a warm start
 * @returns the solution; `infeasible` without a solver call when more sites are required than p or p exceeds the
 *   sites that may open (demand no site covers is simply left uncovered)
 * @throws InputError on a bad p or radius, an unknown site id, or a site both required and forbidden
 * @throws SolverError when the backend fails
 * @example
 * ```ts
 * const problem = createProblem({
 *   demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }],
 *   sites: [{ id: "s1" }, { id: "s2" }, { id: "s3" }],
 *   costs: denseCostMatrix([0, 4, 6, 4, 0, 3, 6, 3, 0], 3, 3, "kilometres"),
 * });
 * const solution = await solveMaxCoverage(problem, { p: 1, radius: 4 });
 * solution.open;      // [1]: s2 is within 4 km of all 23 pupils; s1 covers a and b (15), s3 b and c (13)
 * solution.objective; // 23
 * ```
 */
export async function solveMaxCoverage(problem: Problem, options: MaxCoverageSpec & LocationSolveOptions): Promise<Solution> {
  const started = performance.now();
  checkOptionNames(options, "max-coverage");
  const rules = resolveSiteRules(problem, options);
  const p = checkSiteCount(problem, options.p);
  const radius = checkRadius(options.radius);
  const reasons = siteCountReasons(problem, rules, p);
  if (reasons.length > 0) return solutionWithoutSites(problem, "max-coverage", "infeasible", reasons, started);
  return solveBuiltModel(problem, buildMaxCoverageModel(problem, rules, p, radius), options, started);
}
