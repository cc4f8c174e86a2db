/**
 * The p-median engine behind `solvePMedian(problem, { solver: "benders" })` and, for models beyond
 * {@link ENGINE_MIN_PAIRS} allowed pairs, `solver: "auto"`: the heuristic finds an incumbent, Benders
 * decomposition on HiGHS proves it optimal or improves it, and the answer carries the proven bound.
 * @module
 */
import { solveMedianBenders } from "../exact/medianBenders.ts";
import { searchMedian } from "../heuristics/medianSearch.ts";
import type { Problem } from "../problem.ts";
import { relativeGap, type Solution } from "../solution.ts";
import { medianInput, medianSolution } from "./medianSites.ts";
import type { SiteRules } from "./siteRules.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";

/**
 * `solver: "auto"` runs the engine from this many allowed demand–site pairs up (a 100 × 100 dense p-median);
 * below it `auto` solves the textbook integer programme (on HiGHS, or javascript-lp-solver for the smallest,
 * see `chooseBackend`), typically within a second.
 */
export const ENGINE_MIN_PAIRS = 10_000;

/** The heuristic's share of the time limit before the exact phase, and its ceiling in seconds. */
const HEURISTIC_SHARE = 0.1;
const HEURISTIC_MAX_SECONDS = 1;

/**
 * Solves p-median with the engine. Status `optimal` (proven), `feasible` (within `mipRelativeGap`),
 * `timeLimit` or `aborted` with the incumbent and the bound proven so far; undefined when the heuristic finds no
 * p sites serving every demand point (the caller then asks the integer programme, which decides feasibility).
 * @param problem - the problem
 * @param rules - the required and forbidden sites
 * @param p - sites to open
 * @param options - time limit, gap, signal, progress, warm start
 * @param started - `performance.now()` when the solve began
 */
export async function solveMedianEngine(
  problem: Problem,
  rules: SiteRules,
  p: number,
  options: LocationSolveOptions,
  started: number,
): Promise<Solution | undefined> {
  const elapsed = (): number => (performance.now() - started) / 1000;
  const limit = options.timeLimitSeconds ?? Infinity;
  const { lists, insertable, start } = medianInput(problem, rules, p, options.initialSolution);
  const onProgress = options.onProgress;
  const progress = (objective: number, bound: number | null): void =>
    onProgress?.({ elapsedSeconds: elapsed(), objective, bound, gap: relativeGap(objective, bound), nodes: null });
  const heuristic = await searchMedian(lists, {
    p,
    required: rules.requiredIndices,
    insertable,
    timeLimitSeconds: Math.min(HEURISTIC_MAX_SECONDS, HEURISTIC_SHARE * limit),
    ...(start === undefined ? {} : { start }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onImprovement: (objective) => progress(objective, null),
  });
  if (heuristic.open.length === 0) return undefined;
  const exact = await solveMedianBenders(lists, {
    p,
    required: rules.requiredIndices,
    insertable,
    incumbent: heuristic.open,
    timeLimitSeconds: Math.max(0, limit - elapsed()),
    ...(options.mipRelativeGap === undefined ? {} : { relativeGap: options.mipRelativeGap }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onProgress: progress,
  });
  return medianSolution(problem, exact.open, exact.status, exact.bound, {
    solver: "benders",
    seconds: elapsed(),
    variables: exact.columns,
    constraints: exact.rows,
    ...(exact.failure === undefined ? {} : { stoppedBy: exact.failure }),
  });
}
