/**
 * The p-median problem.
 * @module
 */
import type { Problem } from "../problem.ts";
import { checkOptionNames } from "./optionNames.ts";
import type { Solution } from "../solution.ts";
import { buildAssignmentModel } from "./assignmentModel.ts";
import { siteCountReasons, unreachableReasons } from "./feasibility.ts";
import { solutionWithoutSites, solveBuiltModel } from "./run.ts";
import { checkSiteCount, resolveSiteRules } from "./siteRules.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";
import { InputError } from "../errors.ts";
import { BACKEND_CHOICES, type BackendChoice } from "../solvers/options.ts";
import { checkSolveOptions } from "../solvers/solve.ts";

/** The `solver` names p-median takes: the backends, the engine and the heuristic. */
const P_MEDIAN_SOLVERS: readonly string[] = [...BACKEND_CHOICES, "benders", "heuristic"];
import { solveMedianHeuristic, type MedianHeuristicOptions } from "./medianHeuristic.ts";
import { ENGINE_MIN_PAIRS, solveMedianEngine } from "./medianEngine.ts";
import { allowedPairCount } from "../costMatrix.ts";

/**
 * The options of {@link solvePMedian}: the backend options, where `solver` may also be `"heuristic"` (with its
 * `seed`), and a warm start.
 */
export interface PMedianSolveOptions extends Omit<LocationSolveOptions, "solver">, MedianHeuristicOptions {
  /**
   * - `"auto"` (default): the engine (below) for models of {@link ENGINE_MIN_PAIRS} allowed pairs or more (unless
   *   `offThread`), else the integer programme below on the faster backend;
   * - `"highs"` or `"javascript-lp-solver"`: the integer programme below on that backend;
   * - `"benders"`: the engine: the heuristic's incumbent, then Benders decomposition (Durán-Mateluna, Alès &
   *   Elloumi 2023) with cuts separated in TypeScript between HiGHS re-solves, reduced-cost fixing and probing
   *   against the incumbent; `optimal` when proven, else the incumbent with the proven bound;
   * - `"heuristic"`: fast interchange in variable neighbourhood search (Resende & Werneck 2007; Hansen &
   *   Mladenović 1997) for `timeLimitSeconds` (default 1 s), status `feasible` with no bound: the heuristic never
   *   reports `optimal` itself.
   *
   * When the heuristic (alone or in the engine) finds no p sites serving every demand point, the integer
   * programme decides, and its status (`infeasible`, or `optimal` with `statistics.solver` naming its backend)
   * stands. The engine and the heuristic run on the calling thread and see a `signal` between their steps (the
   * heuristic every 50 ms, the engine between HiGHS solves: an integer master solve runs to its end or the time
   * limit).
   */
  readonly solver?: BackendChoice | "heuristic" | "benders";
}
import type { PMedianSpec } from "./spec.ts";

/**
 * Solves the p-median problem: open exactly p sites and assign every demand point to an open site, minimising
 * the total demand-weighted cost (Hakimi 1964; the integer programme of ReVelle & Swain 1970).
 *
 * Formulation (built only over the allowed pairs A: finite cost, site not forbidden; points with w_i = 0 carry
 * no demand and get no variables):
 * ```
 * (1) minimise   Σ_(i,j)∈A w_i c_ij x_ij
 * (2) subject to Σ_j x_ij = 1        for every demand point i with w_i > 0
 * (3)            x_ij ≤ y_j          for every (i, j) ∈ A   (the strong linking rows)
 * (4)            Σ_j y_j = p
 * (5)            y_j = 1 for required sites; forbidden sites have no y_j
 * (6)            y_j ∈ {0, 1},  0 ≤ x_ij ≤ 1 (integral at an optimum once y is)
 * ```
 * | symbol | meaning |
 * |---|---|
 * | i, j | demand point, site |
 * | w_i | weight of demand point i (pupils, people) |
 * | c_ij | cost of serving i from j, in the cost matrix's unit |
 * | x_ij | share of i served by j |
 * | y_j | 1 when site j is open |
 * | p | number of sites to open |
 *
 * The objective is Σ w_i c_ij in weight × cost unit (e.g. pupil-metres); divide by the total weight for the
 * mean cost ({@link summarizeSolution}). Site capacities are ignored (see {@link solveCapacitatedPMedian}).
 * After solving, each demand point is assigned to its cheapest open allowed site (ties to the lowest site
 * index), and the objective is recomputed from the problem.
 *
 * References: Hakimi, S. L. (1964), "Optimum locations of switching centers and the absolute centers and medians
 * of a graph", Operations Research 12(3), 450–459. ReVelle, C. S. & Swain, R. W. (1970), "Central facilities
 * location", Geographical Analysis 2(1), 30–42.
 *
 * @param problem - demand points, sites and costs
 * @param options - `p` (whole number, 1 ≤ p ≤ m), `required` / `forbidden` site ids (added to the sites' own
 *   flags; required sites count within p), backend options ({@link SolveOptions}; `solver: "heuristic"` with an
 *   optional `seed` for the heuristic, see {@link PMedianSolveOptions}) and an optional `initialSolution` (open
 *   sites) as a warm start
 * @returns the solution; `infeasible` without a solver call when more sites are required than p, p exceeds the
 *   sites that may open, or a demand point with weight > 0 has no allowed site that may open
 * @throws InputError on a bad p, an unknown site id, a site both required and forbidden, or a `seed` that is not
 *   a whole number or comes without `solver: "heuristic"`
 * @throws SolverError when the backend fails (e.g. the model does not fit in memory)
 * @example
 * ```ts
 * const problem = createProblem({
 *   demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }],
 *   sites: [{ id: "s1" }, { id: "s2" }, { id: "s3" }],
 *   costs: denseCostMatrix([0, 4, 6, 4, 0, 3, 6, 3, 0], 3, 3, "kilometres"),
 * });
 * const solution = await solvePMedian(problem, { p: 2 });
 * solution.open;      // [0, 2]: sites s1 and s3
 * solution.objective; // 15 (pupil-kilometres: b travels 3 km to s3)
 * ```
 */
export async function solvePMedian(problem: Problem, options: PMedianSpec & PMedianSolveOptions): Promise<Solution> {
  const started = performance.now();
  checkOptionNames(options, "p-median");
  const rules = resolveSiteRules(problem, options);
  const p = checkSiteCount(problem, options.p);
  const reasons = [...siteCountReasons(problem, rules, p), ...unreachableReasons(problem, rules)];
  if (reasons.length > 0) return solutionWithoutSites(problem, "p-median", "infeasible", reasons, started);
  checkSolveOptions(options, P_MEDIAN_SOLVERS);
  if (options.initialSolution !== undefined && !(typeof options.initialSolution === "object" && options.initialSolution !== null && Array.isArray(options.initialSolution.open))) {
    throw new InputError({ source: "options", field: "initialSolution", value: options.initialSolution }, "must be { open: site indices } (a Solution fits)");
  }
  const { solver, seed, ...backend } = options;
  const engine = solver === "benders" || ((solver === undefined || solver === "auto") && backend.offThread !== true && allowedPairCount(problem.costs) >= ENGINE_MIN_PAIRS);
  if (engine && seed !== undefined) throw new InputError({ source: "options", field: "seed", value: seed }, 'is read only with solver "heuristic"');
  if (engine) {
    const found = await solveMedianEngine(problem, rules, p, backend, started);
    if (found !== undefined) return found;
  } else if (solver === "heuristic") {
    const found = await solveMedianHeuristic(problem, rules, p, { ...backend, ...(seed === undefined ? {} : { seed }) }, started);
    if (found !== undefined) return found;
  } else if (seed !== undefined) {
    throw new InputError({ source: "options", field: "seed", value: seed }, 'is read only with solver "heuristic"');
  }
  const built = buildAssignmentModel(problem, rules, { model: "p-median", p, capacitated: false, singleSource: false, fixedCosts: false });
  const backendSolver = solver === "heuristic" || solver === "benders" || solver === undefined ? {} : { solver };
  return solveBuiltModel(problem, built, { ...backend, ...backendSolver }, started);
}
