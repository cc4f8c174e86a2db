/**
 * Fixed-charge capacitated facility location.
 * @module
 */
import type { Problem } from "../problem.ts";
import { checkOptionNames } from "./optionNames.ts";
import type { Solution } from "../solution.ts";
import { buildAssignmentModel } from "./assignmentModel.ts";
import { capacityReasons, unreachableReasons } from "./feasibility.ts";
import { solutionWithoutSites, solveBuiltModel } from "./run.ts";
import { checkSingleSource, resolveSiteRules } from "./siteRules.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";
import type { FixedChargeSpec } from "./spec.ts";

/**
 * Solves the fixed-charge capacitated facility-location problem: choose which sites open, paying each open
 * site's fixed cost, and serve all demand within the capacities, minimising fixed plus assignment cost
 * (Balinski 1965; the strong formulation discussed by Cornuéjols, Nemhauser & Wolsey 1990). Demand may be split
 * between sites (`allocations` in the solution) unless `singleSource`.
 *
 * Formulation (over the allowed pairs A: finite cost, site not forbidden, and w_i ≤ Q_j when single source):
 * ```
 * (1) minimise   Σ_j f_j y_j + Σ_(i,j)∈A w_i c_ij x_ij
 * (2) subject to Σ_j x_ij = 1               for every demand point i with w_i > 0
 * (3)            Σ_i w_i x_ij ≤ Q_j y_j     for every site j whose capacity could bind
 * (4)            x_ij ≤ y_j                 for every (i, j) ∈ A   (the strong linking rows)
 * (5)            Σ_j min(Q_j, W) y_j ≥ W    (W = total demand; a valid inequality)
 * (6)            y_j = 1 for required sites; forbidden sites have no y_j
 * (7)            y_j ∈ {0, 1};  0 ≤ x_ij ≤ 1 (split), or x_ij ∈ {0, 1} (single source)
 * ```
 * | symbol | meaning |
 * |---|---|
 * | w_i | weight of demand point i (pupils) |
 * | c_ij | cost of serving one unit of i's weight from j (e.g. yuan per pupil per year) |
 * | f_j | fixed cost of opening site j (`site.fixedCost`, same money unit) |
 * | Q_j | capacity of site j (`Infinity` for none) |
 * | x_ij | share of i served by j |
 * | y_j | 1 when site j is open |
 *
 * The objective is Σ f_j y_j + Σ w_i c_ij x_ij, so `fixedCost` must be in the unit of weight × cost. With split
 * assignment the solution lists `allocations`: shares of at most 1e-9 of a point's weight are dropped and the
 * rest renormalised to sum to the weight; `assignment[i]` is the site with i's largest share.
 *
 * References: Balinski, M. L. (1965), "Integer programming: methods, uses, computation", Management Science
 * 12(3), 253–313. Cornuéjols, G., Nemhauser, G. L. & Wolsey, L. A. (1990), "The uncapacitated facility
 * location problem", in Mirchandani & Francis (eds.), Discrete Location Theory, Wiley, 119–171.
 *
 * @param problem - demand points, sites (with `capacity` and `fixedCost`) and costs
 * @param options - `singleSource` (default false), `required` / `forbidden` site ids, backend options and an
 *   optional `initialSolution` (open sites, and an assignment or allocations) as a warm start
 * @returns the solution; `infeasible` without a solver call when a demand point has no allowed site, total demand
 *   exceeds the capacity of the sites that may open, or (single source) a point weighs more than every site that
 *   may serve it
 * @throws InputError on an unknown site id, a site both required and forbidden, or a non-boolean `singleSource`
 * @throws SolverError when the backend fails
 * @example
 * ```ts
 * const problem = createProblem({
 *   demand: [{ id: "a", weight: 10 }, { id: "b", weight: 10 }],
 *   sites: [{ id: "s1", capacity: 15, fixedCost: 100 }, { id: "s2", capacity: 30, fixedCost: 300 }],
 *   costs: denseCostMatrix([1, 2, 1, 2], 2, 2, "yuan"),
 * });
 * const split = await solveFixedCharge(problem, {});
 * split.objective; // 300 + 20·2 = 340: only s2 opens, since s1 alone (100 + 20) cannot hold 20 pupils
 * ```
 */
export async function solveFixedCharge(problem: Problem, options: FixedChargeSpec & LocationSolveOptions): Promise<Solution> {
  const started = performance.now();
  checkOptionNames(options, "fixed-charge");
  const rules = resolveSiteRules(problem, options);
  const singleSource = checkSingleSource(options.singleSource);
  const reasons = [...unreachableReasons(problem, rules), ...capacityReasons(problem, rules, undefined, singleSource)];
  if (reasons.length > 0) return solutionWithoutSites(problem, "fixed-charge", "infeasible", reasons, started);
  const built = buildAssignmentModel(problem, rules, { model: "fixed-charge", capacitated: true, singleSource, fixedCosts: true });
  return solveBuiltModel(problem, built, options, started);
}
