/**
 * Linear models for the solver tests: seeded, deterministic.
 * @module
 */
import { LinearModelBuilder, type LinearModel } from "../../src/solvers/index.ts";

/** A seeded linear congruential generator returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A market split instance (Cornuéjols and Dawande 1999) as a minimisation of the slack: `m` rows
 * `Σ_j a[i][j] x[j] + s⁺ − s⁻ = ⌊Σ_j a[i][j] / 2⌋` with `a` in 0..99, `x` binary, minimise `Σ (s⁺ + s⁻)`.
 * With m = 5 and n = 40 branch and bound runs for hours (HiGHS: about 20,000 nodes in 20 s, bound still 0),
 * yet a feasible solution (x = 0) is always at hand: the model for time limits, aborts and progress.
 */
export function marketSplit(m: number, n: number, seed: number): LinearModel {
  const random = seededRandom(seed);
  const builder = new LinearModelBuilder("minimize");
  const x = Array.from({ length: n }, () => builder.addColumn(0, 0, 1, true));
  for (let i = 0; i < m; i++) {
    const a = x.map(() => Math.floor(random() * 100));
    const target = Math.floor(a.reduce((sum, value) => sum + value, 0) / 2);
    const surplus = builder.addColumn(1, 0, Infinity, false);
    const shortfall = builder.addColumn(1, 0, Infinity, false);
    builder.addRow([...x, surplus, shortfall], [...a, 1, -1], target, target);
  }
  return builder.build();
}

/** The hard market split used by the long-solve tests. */
export const hardModel = (): LinearModel => marketSplit(5, 40, 1);

/**
 * A p-median assignment model on random points in the unit square: `y[j]` binary (site open), `x[i][j]` in
 * [0, 1] (continuous unless `binaryAssignment`), minimise `Σ w[i] d[i][j] x[i][j]` subject to `Σ_j x[i][j] = 1`,
 * `x[i][j] ≤ y[j]`, `Σ y = p`. Columns: the m site columns first, then x row by row.
 */
export function pMedianModel(n: number, m: number, p: number, seed: number, binaryAssignment = false): LinearModel {
  const random = seededRandom(seed);
  const points = Array.from({ length: n }, () => [random(), random()] as const);
  const sites = Array.from({ length: m }, () => [random(), random()] as const);
  const builder = new LinearModelBuilder("minimize");
  const y = sites.map(() => builder.addColumn(0, 0, 1, true));
  const x = points.map((point) => {
    const weight = 1 + Math.floor(random() * 100);
    return sites.map((site) => builder.addColumn(weight * Math.hypot(point[0] - site[0], point[1] - site[1]), 0, 1, binaryAssignment));
  });
  for (const row of x) builder.addRow(row, new Array<number>(m).fill(1), 1, 1);
  for (const row of x) row.forEach((column, j) => builder.addRow([column, y[j]!], [1, -1], -Infinity, 0));
  builder.addRow(y, new Array<number>(m).fill(1), p, p);
  return builder.build();
}

/**
 * A strongly correlated 0–1 knapsack (profit = weight + 100, weights 1000–1999, capacity half the total weight),
 * maximised. javascript-lp-solver's branch and bound, which has no cuts, needs seconds from about 24 items;
 * HiGHS solves them in a fraction of a second.
 */
export function correlatedKnapsack(n: number, seed: number): LinearModel {
  const random = seededRandom(seed);
  const builder = new LinearModelBuilder("maximize");
  const weights = Array.from({ length: n }, () => 1000 + Math.floor(random() * 1000));
  const columns = weights.map((weight) => builder.addColumn(weight + 100, 0, 1, true));
  builder.addRow(columns, weights, -Infinity, Math.floor(weights.reduce((sum, weight) => sum + weight, 0) / 2));
  return builder.build();
}

/** A small LP with a known optimum: maximise 3x + 2y subject to x + y ≤ 4, x + 3y ≤ 6, x ≤ 3 (optimum 11 at (3, 1)). */
export function smallLp(): LinearModel {
  const builder = new LinearModelBuilder("maximize");
  const x = builder.addColumn(3, 0, 3, false);
  const y = builder.addColumn(2, 0, Infinity, false);
  builder.addRow([x, y], [1, 1], -Infinity, 4);
  builder.addRow([x, y], [1, 3], -Infinity, 6);
  return builder.build();
}

/** The chairs-and-tables MIP from the highs README: optimum 1100 at 20 chairs and 10 tables. */
export function smallMip(): LinearModel {
  const builder = new LinearModelBuilder("maximize");
  const chairs = builder.addColumn(30, 0, Infinity, true);
  const tables = builder.addColumn(50, 0, Infinity, true);
  builder.addRow([chairs, tables], [1, 2], -Infinity, 40);
  builder.addRow([chairs, tables], [2, 1], -Infinity, 50);
  return builder.build();
}

/** x + y ≥ 3 with x, y binary: infeasible (as an LP when `integer` is false: x, y in [0, 1]). */
export function infeasibleModel(integer: boolean): LinearModel {
  const builder = new LinearModelBuilder("minimize");
  const x = builder.addColumn(1, 0, 1, integer);
  const y = builder.addColumn(1, 0, 1, integer);
  builder.addRow([x, y], [1, 1], 3, Infinity);
  return builder.build();
}

/** Maximise x + y subject to x − y ≤ 3, x, y ≥ 0: unbounded (integer or not). */
export function unboundedModel(integer: boolean): LinearModel {
  const builder = new LinearModelBuilder("maximize");
  const x = builder.addColumn(1, 0, Infinity, integer);
  const y = builder.addColumn(1, 0, Infinity, integer);
  builder.addRow([x, y], [1, -1], -Infinity, 3);
  return builder.build();
}
