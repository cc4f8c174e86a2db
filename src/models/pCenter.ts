/**
 * The p-center problem, solved exactly by bisection over the sorted distinct costs, each step a set-covering
 * feasibility problem (Minieka 1970; Daskin 1995).
 * @module
 */
import type { Problem } from "../problem.ts";
import { checkOptionNames } from "./optionNames.ts";
import { relativeGap, type Solution, type SolveStatus, type SolverName } from "../solution.ts";
import type { LinearResult, SolveProgress } from "../solvers/options.ts";
import { solveLinearModel } from "../solvers/solve.ts";
import { forEachAllowedSite } from "../costMatrix.ts";
import { coverGroups } from "./coverage.ts";
import { buildCoverModel } from "./coverModel.ts";
import { assignToCheapestOpen, largestAssignedCost, siteLoads, siteMask } from "./decode.ts";
import { siteCountReasons, unreachableReasons } from "./feasibility.ts";
import { initialOpenMask, type BuiltLocationModel, type DecodedSolution } from "./locationModel.ts";
import { solutionWithoutSites } from "./run.ts";
import { checkSiteCount, resolveSiteRules, type SiteRules } from "./siteRules.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";
import type { PCenterSpec } from "./spec.ts";

/**
 * The candidate values of the p-center objective: the distinct costs from demand points with weight > 0 to
 * sites that may open, from D_0 = max_i min_j c_ij (a lower bound: every point needs some site) upwards.
 * @param problem - the problem
 * @param rules - forbidden sites are left out
 * @returns ascending, distinct; empty when no demand point has weight > 0
 */
export function pCenterLevels(problem: Problem, rules: SiteRules): number[] {
  const costs = new Set<number>();
  let base = -Infinity;
  problem.demand.forEach((point, i) => {
    if (!(point.weight > 0)) return;
    let cheapest = Infinity;
    forEachAllowedSite(problem.costs, i, (j, cost) => {
      if (rules.forbidden[j]) return;
      costs.add(cost);
      cheapest = Math.min(cheapest, cost);
    });
    base = Math.max(base, cheapest);
  });
  return [...costs].filter((cost) => cost >= base).sort((a, b) => a - b);
}

/**
 * Builds the step of the bisection at one radius: can exactly p sites (required ones open, forbidden ones
 * closed) cover every demand point with weight > 0 within `radius`?
 * ```
 * find       y_j ∈ {0, 1}
 * subject to Σ_{j: c_ij ≤ radius} y_j ≥ 1   for every demand point i with w_i > 0 (points with the same
 *                                           covering sites share one row)
 *            Σ_j y_j = p;  y_j = 1 for required sites; forbidden sites have no y_j
 * ```
 * Its decoder assigns every point to its cheapest open site; its objective is the p-center objective of that
 * assignment (at most `radius`).
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param p - the number of sites to open
 * @param radius - the radius to test
 * @returns the built step, or undefined when some point has no site within the radius (infeasible on its face)
 */
export function buildPCenterStep(problem: Problem, rules: SiteRules, p: number, radius: number): BuiltLocationModel | undefined {
  const groups = coverGroups(problem, rules, radius, "p-center");
  if (groups.some((group) => group.sites.length === 0)) return undefined;
  return buildCoverModel(problem, rules, groups, {
    model: "p-center",
    siteCost: 0,
    p,
    objectiveOf: (decoded) => largestAssignedCost(problem, decoded.assignment),
  });
}

/** The value of a warm start, when it is a valid p-center solution. */
function startingPoint(problem: Problem, rules: SiteRules, p: number, options: LocationSolveOptions): DecodedSolution | undefined {
  if (options.initialSolution === undefined) return undefined;
  const isOpen = initialOpenMask(options.initialSolution, problem.sites.length, rules.required, rules.forbidden, p);
  if (isOpen === undefined) return undefined;
  const assignment = assignToCheapestOpen(problem, isOpen);
  if (problem.demand.some((point, i) => point.weight > 0 && assignment[i]! < 0)) return undefined;
  return { open: isOpen.flatMap((flag, j) => (flag ? [j] : [])), assignment };
}

/** What the bisection has learned so far. */
interface Search {
  lower: number; // index into levels: the optimum is at least levels[lower]
  best: DecodedSolution | undefined;
  bestValue: number;
  status: SolveStatus;
  solver: SolverName;
  nodes: number;
  variables: number;
  constraints: number;
}

/**
 * Solves the p-center problem: open exactly p sites so that the largest cost from any demand point with
 * weight > 0 to its nearest open site is as small as possible (Hakimi 1965; Daskin 1995). Unweighted, as in
 * spopt: the weights only decide which points count (points of weight 0 do not).
 *
 * Formulation: the textbook model minimises z subject to z ≥ Σ_j c_ij x_ij, whose linear relaxation is weak.
 * Instead, the optimum is one of the distinct costs D_0 < D_1 < … < D_K (D_0 = max_i min_j c_ij, a lower bound),
 * and radius D_k is achievable exactly when the set-covering feasibility problem
 * ```
 * (1) Σ_{j: c_ij ≤ D_k} y_j ≥ 1    for every demand point i with w_i > 0
 * (2) Σ_j y_j = p
 * (3) y_j = 1 for required sites; forbidden sites have no y_j;  y_j ∈ {0, 1}
 * ```
 * has a solution (Minieka 1970). Bisection over k finds the smallest such D_k; each feasible step's solution
 * is decoded (every point to its cheapest open site) and its actual largest cost, often below D_k, tightens
 * the search. A warm start (`initialSolution`) gives the first upper bound.
 * | symbol | meaning |
 * |---|---|
 * | c_ij | cost from demand point i to site j, in the cost matrix's unit |
 * | D_k | the k-th smallest distinct cost from D_0 up |
 * | y_j | 1 when site j is open |
 * | p | number of sites to open |
 *
 * The objective is the largest cost, in the cost unit; `bound` is the proven lower bound D_lower. Under a time
 * limit or an abort the best solution found and the bound are returned; with `mipRelativeGap` the search stops
 * once the gap is that small (status `feasible`). `onProgress` reports the bisection's upper and lower bounds.
 *
 * References: Hakimi, S. L. (1965), "Optimum distribution of switching centers in a communication network and
 * some related graph theoretic problems", Operations Research 13(3), 462–475. Minieka, E. (1970), "The m-center
 * problem", SIAM Review 12(1), 138–139. Daskin, M. S. (1995), Network and Discrete Location: Models, Algorithms,
 * and Applications, Wiley, ch. 5.
 *
 * @param problem - demand points, sites and costs
 * @param options - `p` (whole number, 1 ≤ p ≤ m), `required` / `forbidden` site ids, backend options and an
 *   optional `initialSolution` (open sites) as a warm start
 * @returns the solution; `infeasible` without a solver call when more sites are required than p, p exceeds the
 *   sites that may open, or a demand point with weight > 0 has no allowed site that may open
 * @throws InputError on a bad p, an unknown site id, or a site both required and forbidden
 * @throws SolverError when the backend fails
 * @example
 * ```ts
 * const problem = createProblem({
 *   demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }],
 *   sites: [{ id: "s1" }, { id: "s2" }, { id: "s3" }],
 *   costs: denseCostMatrix([0, 4, 6, 4, 0, 3, 6, 3, 0], 3, 3, "kilometres"),
 * });
 * const solution = await solvePCenter(problem, { p: 1 });
 * solution.open;      // [1]: from s2 nobody travels more than 4 km
 * solution.objective; // 4
 * ```
 */
export async function solvePCenter(problem: Problem, options: PCenterSpec & LocationSolveOptions): Promise<Solution> {
  const started = performance.now();
  checkOptionNames(options, "p-center");
  const rules = resolveSiteRules(problem, options);
  const p = checkSiteCount(problem, options.p);
  const reasons = [...siteCountReasons(problem, rules, p), ...unreachableReasons(problem, rules)];
  if (reasons.length > 0) return solutionWithoutSites(problem, "p-center", "infeasible", reasons, started);
  const levels = pCenterLevels(problem, rules);
  const search: Search = { lower: 0, best: undefined, bestValue: Infinity, status: "optimal", solver: "none", nodes: 0, variables: 0, constraints: 0 };
  if (levels.length === 0) {
    // No demand point counts: any p sites that keep the rules are optimal, at cost 0.
    const open = [...rules.requiredIndices, ...rules.openable.filter((j) => !rules.required[j])].slice(0, p).sort((a, b) => a - b);
    search.best = { open, assignment: assignToCheapestOpen(problem, siteMask(problem.sites.length, open)) };
    search.bestValue = 0;
  } else {
    await bisect(problem, rules, p, levels, options, started, search);
  }
  const elapsed = (performance.now() - started) / 1000;
  const statistics = { solver: search.solver, seconds: elapsed, variables: search.variables, constraints: search.constraints, nodes: search.nodes };
  const lowerBound = levels.length === 0 ? 0 : levels[Math.min(search.lower, levels.length - 1)]!;
  if (search.best === undefined) {
    const proven = search.status === "infeasible";
    const why = proven ? [{ code: "solver" as const, message: `the solver (${search.solver}) proved that no ${p} sites can serve every demand point` }] : [];
    return solutionWithoutSites(problem, "p-center", search.status, why, started, { ...statistics, bound: proven ? null : lowerBound });
  }
  const optimal = search.status === "optimal";
  const bound = optimal ? search.bestValue : Math.min(lowerBound, search.bestValue);
  return {
    model: "p-center",
    status: search.status,
    objective: search.bestValue,
    bound,
    gap: optimal ? 0 : relativeGap(search.bestValue, bound),
    open: search.best.open,
    assignment: search.best.assignment,
    load: siteLoads(problem, search.best.assignment),
    reasons: [],
    statistics,
  };
}

/** Runs the bisection, updating `search` in place. */
async function bisect(
  problem: Problem,
  rules: SiteRules,
  p: number,
  levels: readonly number[],
  options: LocationSolveOptions,
  started: number,
  search: Search,
): Promise<void> {
  const levelIndex = new Map(levels.map((level, k) => [level, k]));
  let upper = levels.length - 1; // once a solution is known, the optimum is at most levels[upper]
  const accept = (decoded: DecodedSolution, value: number): void => {
    if (value >= search.bestValue) return;
    search.best = decoded;
    search.bestValue = value;
    upper = levelIndex.get(value)!;
  };
  const start = startingPoint(problem, rules, p, options);
  if (start !== undefined) accept(start, largestAssignedCost(problem, start.assignment));
  const report = (progress?: SolveProgress): void =>
    options.onProgress?.({
      elapsedSeconds: (performance.now() - started) / 1000,
      objective: search.best === undefined ? null : search.bestValue,
      bound: levels[search.lower]!,
      gap: search.best === undefined ? null : relativeGap(search.bestValue, levels[search.lower]!),
      nodes: progress?.nodes ?? search.nodes,
    });
  for (;;) {
    if (search.best !== undefined && search.lower >= upper) return; // proven optimal
    const gap = search.best === undefined ? null : relativeGap(search.bestValue, levels[search.lower]!);
    if (gap !== null && options.mipRelativeGap !== undefined && gap <= options.mipRelativeGap) {
      search.status = "feasible";
      return;
    }
    let remaining: number | undefined;
    if (options.timeLimitSeconds !== undefined) {
      remaining = options.timeLimitSeconds - (performance.now() - started) / 1000;
      if (remaining <= 0) {
        search.status = "timeLimit";
        return;
      }
    }
    const mid = search.best === undefined ? levels.length - 1 : (search.lower + upper) >>> 1;
    const step = buildPCenterStep(problem, rules, p, levels[mid]!);
    if (step === undefined) {
      search.lower = mid + 1;
      continue;
    }
    search.variables = Math.max(search.variables, step.linear.columnCount);
    search.constraints = Math.max(search.constraints, step.linear.rowCount);
    const warm = search.best === undefined ? undefined : step.startValues(search.best);
    const result: LinearResult = await solveLinearModel(step.linear, {
      ...(options.solver === undefined ? {} : { solver: options.solver }),
      ...(remaining === undefined ? {} : { timeLimitSeconds: remaining }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.offThread === undefined ? {} : { offThread: options.offThread }),
      ...(options.onProgress === undefined ? {} : { onProgress: report }),
      ...(warm === undefined ? {} : { initialSolution: warm }),
    });
    search.solver = result.solver;
    search.nodes += result.nodes ?? 0;
    if (result.values !== null && result.status !== "infeasible" && result.status !== "unbounded") {
      const decoded = step.decode(result.values);
      accept(decoded, step.objectiveOf(decoded));
    } else if (result.status === "infeasible") {
      if (search.best === undefined) {
        search.status = "infeasible"; // not even the largest radius works
        return;
      }
      search.lower = mid + 1;
    }
    if (result.status !== "optimal" && result.status !== "infeasible") {
      // Stopped (time limit, abort): keep what is proven; the status says why the search ended early.
      if (search.best === undefined || search.lower < upper) search.status = result.status;
      return;
    }
    report();
  }
}
