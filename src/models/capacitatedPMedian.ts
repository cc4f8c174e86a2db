/**
 * The capacitated p-median problem with single-source assignment.
 * @module
 */
import type { Problem } from "../problem.ts";
import { checkOptionNames } from "./optionNames.ts";
import type { Solution } from "../solution.ts";
import { buildAssignmentModel } from "./assignmentModel.ts";
import { capacityReasons, siteCountReasons, unreachableReasons } from "./feasibility.ts";
import { solutionWithoutSites, solveBuiltModel } from "./run.ts";
import { checkSiteCount, resolveSiteRules } from "./siteRules.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";
import type { CapacitatedPMedianSpec } from "./spec.ts";

/**
 * Solves the capacitated p-median problem: open exactly p sites and serve each demand point wholly from one
 * open site (single source) without any site's load exceeding its capacity, minimising the total
 * demand-weighted cost (Mulvey & Beck 1984; Osman & Christofides 1994).
 *
 * Formulation (over the allowed pairs A: finite cost, site not forbidden, w_i ≤ Q_j):
 * ```
 * (1) minimise   Σ_(i,j)∈A w_i c_ij x_ij
 * (2) subject to Σ_j x_ij = 1               for every demand point i with w_i > 0
 * (3)            Σ_i w_i x_ij ≤ Q_j y_j     for every site j whose capacity could bind
 * (4)            x_ij ≤ y_j                 for every (i, j) ∈ A
 * (5)            Σ_j y_j = p
 * (6)            Σ_j min(Q_j, W) y_j ≥ W    (W = total demand; a valid inequality that tightens the bound)
 * (7)            y_j = 1 for required sites; forbidden sites have no y_j;  x_ij, y_j ∈ {0, 1}
 * ```
 * | symbol | meaning |
 * |---|---|
 * | w_i | weight of demand point i (pupils) |
 * | c_ij | cost of serving i from j, in the cost matrix's unit |
 * | Q_j | capacity of site j (pupils; `Infinity` for none) |
 * | x_ij | 1 when i is served by j |
 * | y_j | 1 when site j is open |
 * | p | number of sites to open |
 *
 * The objective is Σ w_i c_ij in weight × cost unit. Demand points with weight 0 get no variables and are
 * assigned afterwards to their cheapest open site.
 *
 * References: Mulvey, J. M. & Beck, M. P. (1984), "Solving capacitated clustering problems", European Journal
 * of Operational Research 18(3), 339–348. Osman, I. H. & Christofides, N. (1994), "Capacitated clustering
 * problems by hybrid simulated annealing and tabu search", International Transactions in Operational Research
 * 1(3), 317–336.
 *
 * @param problem - demand points, sites (with `capacity`) and costs
 * @param options - `p` (whole number, 1 ≤ p ≤ m), `required` / `forbidden` site ids, backend options and an
 *   optional `initialSolution` (open sites and an assignment) as a warm start
 * @returns the solution; `infeasible` without a solver call when more sites are required than p, p exceeds the
 *   sites that may open, a demand point has no allowed site, total demand exceeds the capacity of the sites that
 *   may open (or of the largest p of them), or a point weighs more than every site that may serve it
 * @throws InputError on a bad p, an unknown site id, or a site both required and forbidden
 * @throws SolverError when the backend fails
 * @example
 * ```ts
 * const problem = createProblem({
 *   demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }],
 *   sites: [{ id: "s1", capacity: 15 }, { id: "s2", capacity: 15 }],
 *   costs: denseCostMatrix([1, 4, 3, 2, 5, 1], 3, 2, "minutes"),
 * });
 * const solution = await solveCapacitatedPMedian(problem, { p: 2 });
 * [...solution.assignment]; // [0, 1, 1]: a → s1, b and c → s2 (load 13 ≤ 15)
 * solution.objective;       // 10·1 + 5·2 + 8·1 = 28 pupil-minutes
 * ```
 */
export async function solveCapacitatedPMedian(
  problem: Problem,
  options: CapacitatedPMedianSpec & LocationSolveOptions,
): Promise<Solution> {
  const started = performance.now();
  checkOptionNames(options, "capacitated-p-median");
  const rules = resolveSiteRules(problem, options);
  const p = checkSiteCount(problem, options.p);
  const reasons = [
    ...siteCountReasons(problem, rules, p),
    ...unreachableReasons(problem, rules),
    ...capacityReasons(problem, rules, p, true),
  ];
  if (reasons.length > 0) return solutionWithoutSites(problem, "capacitated-p-median", "infeasible", reasons, started);
  const built = buildAssignmentModel(problem, rules, {
    model: "capacitated-p-median",
    p,
    capacitated: true,
    singleSource: true,
    fixedCosts: false,
  });
  return solveBuiltModel(problem, built, options, started);
}
