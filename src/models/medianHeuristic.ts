/**
 * The p-median heuristic behind `solvePMedian(problem, { solver: "heuristic" })`: sorted lists, greedy, fast
 * interchange and variable neighbourhood search, turned into a {@link Solution} that never claims optimality.
 * @module
 */
import { InputError } from "../errors.ts";
import { searchMedian } from "../heuristics/medianSearch.ts";
import type { Problem } from "../problem.ts";
import type { Solution } from "../solution.ts";
import { medianInput, medianSolution } from "./medianSites.ts";
import type { SiteRules } from "./siteRules.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";

/** The heuristic's own options (besides the backend ones it honours: time limit, signal, progress, warm start). */
export interface MedianHeuristicOptions {
  /** Seed of the search's random moves (a whole number); default 1. The same seed gives the same answer. */
  readonly seed?: number;
}

/** The default time limit of the heuristic alone, in seconds, when the caller sets none. */
export const HEURISTIC_DEFAULT_SECONDS = 1;

/**
 * Solves p-median heuristically (Resende & Werneck 2007's fast interchange inside Hansen & Mladenović 1997's
 * variable neighbourhood search; see `searchMedian`). Status `feasible` with no bound (`aborted` when the signal
 * stopped it); undefined when the search found no p sites that serve every demand point (which proves nothing:
 * the caller then asks an exact solver).
 * @param problem - the problem
 * @param rules - the required and forbidden sites
 * @param p - sites to open
 * @param options - `timeLimitSeconds` (default {@link HEURISTIC_DEFAULT_SECONDS}), `signal`, `onProgress`,
 *   `initialSolution` (its open sites as the start), `seed`
 * @param started - `performance.now()` when the solve began
 * @throws InputError on a seed that is not a whole number
 */
export async function solveMedianHeuristic(
  problem: Problem,
  rules: SiteRules,
  p: number,
  options: LocationSolveOptions & MedianHeuristicOptions,
  started: number,
): Promise<Solution | undefined> {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new InputError({ source: "options", field: "seed", value: seed }, "must be a whole number");
  const { lists, insertable, start } = medianInput(problem, rules, p, options.initialSolution);
  const onProgress = options.onProgress;
  const result = await searchMedian(lists, {
    p,
    required: rules.requiredIndices,
    insertable,
    timeLimitSeconds: options.timeLimitSeconds ?? HEURISTIC_DEFAULT_SECONDS,
    seed,
    ...(start === undefined ? {} : { start }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(onProgress === undefined
      ? {}
      : { onImprovement: (objective: number) => onProgress({ elapsedSeconds: (performance.now() - started) / 1000, objective, bound: null, gap: null, nodes: null }) }),
  });
  if (result.open.length === 0) return undefined;
  const statistics = { solver: "heuristic" as const, variables: 0, constraints: 0, seconds: (performance.now() - started) / 1000 };
  return medianSolution(problem, result.open, result.stoppedBy === "aborted" ? "aborted" : "feasible", null, statistics);
}
