/**
 * A brute-force reference solver for tiny problems (m ≤ 5 sites, n ≤ 7 demand points): it enumerates site
 * subsets (and, for single-source capacitated models, assignments), sharing no code with the models. Split
 * fixed charge solves a transportation LP per subset with HiGHS, which is fine: the subset enumeration is
 * independent of the model code.
 */
import {
  LinearModelBuilder,
  costOf,
  solveLinearModel,
  type ModelSpec,
  type Problem,
} from "../../src/index.ts";

/** The optimal objective, or null when no solution exists. */
export type BruteForceResult = number | null;

interface Rules {
  readonly required: boolean[];
  readonly forbidden: boolean[];
  readonly openable: number[];
}

function rulesOf(problem: Problem, spec: ModelSpec): Rules {
  const index = new Map(problem.sites.map((site, j) => [site.id, j]));
  const required = problem.sites.map((site) => site.required);
  const forbidden = problem.sites.map((site) => site.forbidden);
  for (const id of spec.required ?? []) required[index.get(id)!] = true;
  for (const id of spec.forbidden ?? []) forbidden[index.get(id)!] = true;
  const openable = problem.sites.flatMap((_, j) => (forbidden[j] ? [] : [j]));
  return { required, forbidden, openable };
}

/** Positive-weight demand point indices. */
function servedPoints(problem: Problem): number[] {
  return problem.demand.flatMap((point, i) => (point.weight > 0 ? [i] : []));
}

/** Every subset of sites (as index lists) that keeps the rules, with exactly p members when p is given. */
function subsets(problem: Problem, rules: Rules, p?: number): number[][] {
  const m = problem.sites.length;
  const result: number[][] = [];
  for (let mask = 0; mask < 1 << m; mask++) {
    const sites: number[] = [];
    let ok = true;
    for (let j = 0; j < m; j++) {
      const inside = (mask & (1 << j)) !== 0;
      if (inside) sites.push(j);
      if ((inside && rules.forbidden[j]) || (!inside && rules.required[j])) ok = false;
    }
    if (ok && (p === undefined || sites.length === p)) result.push(sites);
  }
  return result;
}

function cheapest(problem: Problem, i: number, sites: readonly number[]): number {
  let best = Infinity;
  for (const j of sites) best = Math.min(best, costOf(problem.costs, i, j));
  return best;
}

function best(values: readonly number[], maximise: boolean): BruteForceResult {
  if (values.length === 0) return null;
  return maximise ? Math.max(...values) : Math.min(...values);
}

/**
 * Single-source assignment by depth-first search over every point's allowed openable sites, within capacity;
 * `feasibleOpen(used)` says whether a set of used sites (required ones added) can form a solution, and
 * `openCost(used)` what opening them costs.
 */
function bestSingleSource(
  problem: Problem,
  rules: Rules,
  capacitated: boolean,
  feasibleOpen: (open: ReadonlySet<number>) => boolean,
  openCost: (open: ReadonlySet<number>) => number,
): BruteForceResult {
  const points = servedPoints(problem);
  const remaining = problem.sites.map((site) => (capacitated ? site.capacity : Infinity));
  const used = new Map<number, number>(); // site → number of points on it
  let bestValue = Infinity;
  const visit = (k: number, cost: number): void => {
    if (k === points.length) {
      const open = new Set<number>(used.keys());
      rules.required.forEach((isRequired, j) => isRequired && open.add(j));
      if (feasibleOpen(open)) bestValue = Math.min(bestValue, cost + openCost(open));
      return;
    }
    const i = points[k]!;
    const weight = problem.demand[i]!.weight;
    for (const j of rules.openable) {
      const c = costOf(problem.costs, i, j);
      if (c === Infinity || weight > remaining[j]!) continue;
      remaining[j]! -= weight;
      used.set(j, (used.get(j) ?? 0) + 1);
      visit(k + 1, cost + weight * c);
      remaining[j]! += weight;
      if (used.get(j) === 1) used.delete(j);
      else used.set(j, used.get(j)! - 1);
    }
  };
  visit(0, 0);
  return bestValue === Infinity ? null : bestValue;
}

/** The split transportation cost of serving every positive-weight point from `sites`, by an LP; null when infeasible. */
async function transportationCost(problem: Problem, sites: readonly number[]): Promise<number | null> {
  if (servedPoints(problem).length === 0) return 0;
  const builder = new LinearModelBuilder("minimize");
  const bySite = new Map<number, { columns: number[]; weights: number[] }>(sites.map((j) => [j, { columns: [], weights: [] }]));
  for (const i of servedPoints(problem)) {
    const weight = problem.demand[i]!.weight;
    const columns: number[] = [];
    for (const j of sites) {
      const c = costOf(problem.costs, i, j);
      if (c === Infinity) continue;
      const column = builder.addColumn(weight * c, 0, 1, false);
      columns.push(column);
      bySite.get(j)!.columns.push(column);
      bySite.get(j)!.weights.push(weight);
    }
    if (columns.length === 0) return null;
    builder.addRow(columns, columns.map(() => 1), 1, 1);
  }
  for (const j of sites) {
    const { columns, weights } = bySite.get(j)!;
    if (problem.sites[j]!.capacity !== Infinity && columns.length > 0) builder.addRow(columns, weights, -Infinity, problem.sites[j]!.capacity);
  }
  const result = await solveLinearModel(builder.build(), { solver: "highs" });
  return result.status === "optimal" ? result.objective : null;
}

/**
 * The optimal objective of a tiny problem under a model, by enumeration; null when infeasible. Points with
 * weight 0 impose nothing. Objective units as in the models.
 * @param problem - m ≤ 5, n ≤ 7
 * @param spec - the model and its parameters (ids must name sites)
 */
export async function bruteForce(problem: Problem, spec: ModelSpec): Promise<BruteForceResult> {
  const rules = rulesOf(problem, spec);
  const points = servedPoints(problem);
  switch (spec.model) {
    case "p-median":
    case "p-center": {
      const values = subsets(problem, rules, spec.p).flatMap((sites) => {
        const costs = points.map((i) => cheapest(problem, i, sites));
        if (costs.some((c) => c === Infinity)) return [];
        if (spec.model === "p-center") return [Math.max(0, ...costs)];
        return [points.reduce((sum, i, k) => sum + problem.demand[i]!.weight * costs[k]!, 0)];
      });
      return best(values, false);
    }
    case "max-coverage": {
      const values = subsets(problem, rules, spec.p).map((sites) =>
        points.reduce((sum, i) => sum + (cheapest(problem, i, sites) <= spec.radius ? problem.demand[i]!.weight : 0), 0),
      );
      return best(values, true);
    }
    case "set-cover": {
      const values = subsets(problem, rules).flatMap((sites) =>
        points.every((i) => cheapest(problem, i, sites) <= spec.radius) ? [sites.length] : [],
      );
      return best(values, false);
    }
    case "capacitated-p-median": {
      if (rules.openable.length < spec.p || rules.required.filter(Boolean).length > spec.p) return null;
      return bestSingleSource(problem, rules, true, (open) => open.size <= spec.p, () => 0);
    }
    case "fixed-charge": {
      const fixed = (open: Iterable<number>): number => [...open].reduce((sum, j) => sum + problem.sites[j]!.fixedCost, 0);
      if (spec.singleSource === true) return bestSingleSource(problem, rules, true, () => true, fixed);
      const values: number[] = [];
      for (const sites of subsets(problem, rules)) {
        const transport = await transportationCost(problem, sites);
        if (transport !== null) values.push(fixed(sites) + transport);
      }
      return best(values, false);
    }
  }
}
