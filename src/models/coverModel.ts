/**
 * The covering model that set covering and each p-center bisection step share: one binary y_j per site that may
 * open, one row Σ_{j ∈ N} y_j ≥ 1 per group of demand points with the same covering sites N, and optionally
 * Σ_j y_j = p.
 * @module
 */
import type { Problem } from "../problem.ts";
import type { ModelName } from "../solution.ts";
import { LinearModelBuilder } from "../solvers/linearModel.ts";
import type { CoverGroup } from "./coverage.ts";
import { assignToCheapestOpen, openSitesFrom, siteMask } from "./decode.ts";
import { initialOpenMask, type BuiltLocationModel, type DecodedSolution } from "./locationModel.ts";
import type { SiteRules } from "./siteRules.ts";

/** What distinguishes one covering model from another. */
export interface CoverModelOptions {
  /** The model the built model reports. */
  readonly model: ModelName;
  /** Objective coefficient of every y_j: 1 to count open sites, 0 for a feasibility problem. */
  readonly siteCost: number;
  /** When given, exactly p sites open (Σ_j y_j = p). */
  readonly p?: number;
  /** The model's objective of a decoded solution, recomputed from the problem. */
  readonly objectiveOf: (decoded: DecodedSolution) => number;
}

/**
 * Builds a covering model over precomputed cover groups. Each demand point is decoded to its cheapest open
 * allowed site (ties to the lowest index).
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param groups - the demand points grouped by their covering sites (from `coverGroups`); each group needs a site
 * @param options - model name, site cost, optional p, objective
 */
export function buildCoverModel(
  problem: Problem,
  rules: SiteRules,
  groups: readonly CoverGroup[],
  options: CoverModelOptions,
): BuiltLocationModel {
  const m = problem.sites.length;
  const builder = new LinearModelBuilder("minimize");
  const siteColumns = new Int32Array(m).fill(-1);
  for (const j of rules.openable) siteColumns[j] = builder.addColumn(options.siteCost, rules.required[j] ? 1 : 0, 1, true);
  for (const group of groups) builder.addRow(group.sites.map((j) => siteColumns[j]!), group.sites.map(() => 1), 1, Infinity);
  if (options.p !== undefined) {
    const columns = rules.openable.map((j) => siteColumns[j]!);
    builder.addRow(columns, columns.map(() => 1), options.p, options.p);
  }
  const linear = builder.build();
  return {
    model: options.model,
    linear,
    objectiveScale: 1,
    decode(values) {
      const open = openSitesFrom(values, siteColumns);
      return { open, assignment: assignToCheapestOpen(problem, siteMask(m, open)) };
    },
    objectiveOf: options.objectiveOf,
    startValues(initial) {
      const isOpen = initialOpenMask(initial, m, rules.required, rules.forbidden, options.p);
      if (isOpen === undefined || !groups.every((group) => group.sites.some((j) => isOpen[j]))) return undefined;
      const values = new Float64Array(linear.columnCount);
      for (const j of rules.openable) values[siteColumns[j]!] = isOpen[j] ? 1 : 0;
      return values;
    },
  };
}
