/**
 * Cost matrices between demand points (rows, index `i`) and candidate sites (columns, index `j`).
 *
 * A dense matrix stores every pair row-major in one `Float64Array`. A sparse matrix (CSR) stores only the pairs
 * that matter, e.g. the k nearest sites of each demand point or the sites within a cutoff; a pair that is not
 * stored is not allowed (unreachable), never a large finite stand-in.
 * @module
 */
import { InputError } from "./errors.ts";

/** The unit of every value in a cost matrix. Distances are metres, times minutes, money yuan. */
export type CostUnit = "metres" | "kilometres" | "minutes" | "hours" | "yuan" | "unitless";

/** All units a {@link CostUnit} may take, for validation and CLI help. */
export const COST_UNITS: readonly CostUnit[] = ["metres", "kilometres", "minutes", "hours", "yuan", "unitless"];

/** Every demand point × site pair, row-major: the cost of pair (i, j) is `values[i * siteCount + j]`. */
export interface DenseCostMatrix {
  /** Always `"dense"`. */
  readonly kind: "dense";
  /** Number of rows (demand points). */
  readonly demandCount: number;
  /** Number of columns (candidate sites). */
  readonly siteCount: number;
  /** Length `demandCount × siteCount`; finite and ≥ 0, or `Infinity` for a pair that is not allowed. */
  readonly values: Float64Array;
  /** The unit of the values. */
  readonly unit: CostUnit;
}

/**
 * Only the stored pairs, in compressed sparse row form: the pairs of demand point `i` are the positions
 * `k` from `rowStarts[i]` to `rowStarts[i + 1] - 1`, with site `siteIndices[k]` and cost `values[k]`.
 * Site indices are strictly ascending within a row. Pairs not stored are not allowed.
 */
export interface SparseCostMatrix {
  /** Always `"sparse"`. */
  readonly kind: "sparse";
  /** Number of rows (demand points). */
  readonly demandCount: number;
  /** Number of columns (candidate sites). */
  readonly siteCount: number;
  /** Length `demandCount + 1`, starting at 0, non-decreasing, ending at the number of stored pairs. */
  readonly rowStarts: Int32Array;
  /** Length: the number of stored pairs; site index of each, ascending within a row. */
  readonly siteIndices: Int32Array;
  /** Length: the number of stored pairs; finite costs ≥ 0. */
  readonly values: Float64Array;
  /** The unit of the values. */
  readonly unit: CostUnit;
}

/** A dense or a sparse cost matrix. */
export type CostMatrix = DenseCostMatrix | SparseCostMatrix;

function checkUnit(unit: unknown): CostUnit {
  if (!COST_UNITS.includes(unit as CostUnit)) {
    throw new InputError({ source: "costs", field: "unit", value: unit }, `must be one of ${COST_UNITS.join(", ")}`);
  }
  return unit as CostUnit;
}

function checkCount(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new InputError({ source: "costs", field: name, value }, "must be a whole number ≥ 0");
  }
  return value;
}

/**
 * Makes a dense cost matrix, checking its shape and values. The values are copied, so later changes to the
 * caller's array do not reach the matrix.
 * @param values - row-major, length `demandCount × siteCount`: the cost from demand point i to site j at
 *   `i * siteCount + j`; each finite and ≥ 0, or `Infinity` for a pair that is not allowed
 * @param demandCount - number of demand points (rows)
 * @param siteCount - number of candidate sites (columns)
 * @param unit - the unit of the values
 * @throws InputError when the length does not match, or a value is negative or NaN (naming the pair)
 */
export function denseCostMatrix(
  values: ArrayLike<number>,
  demandCount: number,
  siteCount: number,
  unit: CostUnit,
): DenseCostMatrix {
  checkCount("demandCount", demandCount);
  checkCount("siteCount", siteCount);
  checkUnit(unit);
  if (values.length !== demandCount * siteCount) {
    throw new InputError(
      { source: "costs", field: "values.length", value: values.length },
      `must be demandCount × siteCount = ${demandCount} × ${siteCount} = ${demandCount * siteCount}`,
    );
  }
  const copy = Float64Array.from(values);
  for (let k = 0; k < copy.length; k++) {
    const v = copy[k]!;
    if (!(v >= 0)) {
      const i = Math.floor(k / siteCount);
      throw new InputError(
        { source: "costs", field: `pair (demand ${i}, site ${k - i * siteCount})`, value: v },
        "must be a number ≥ 0 (Infinity marks a pair that is not allowed)",
      );
    }
  }
  return { kind: "dense", demandCount, siteCount, values: copy, unit };
}

/**
 * Makes a sparse (CSR) cost matrix, checking its structure. The arrays are copied.
 * @param rowStarts - length `demandCount + 1`; see {@link SparseCostMatrix}
 * @param siteIndices - site index of each stored pair, strictly ascending within each row
 * @param values - finite cost ≥ 0 of each stored pair
 * @param siteCount - number of candidate sites
 * @param unit - the unit of the values
 * @throws InputError on inconsistent lengths, out-of-range or unsorted site indices, or bad values
 */
export function sparseCostMatrix(
  rowStarts: ArrayLike<number>,
  siteIndices: ArrayLike<number>,
  values: ArrayLike<number>,
  siteCount: number,
  unit: CostUnit,
): SparseCostMatrix {
  checkCount("siteCount", siteCount);
  checkUnit(unit);
  if (rowStarts.length < 1) {
    throw new InputError({ source: "costs", field: "rowStarts.length", value: 0 }, "must be demandCount + 1 ≥ 1");
  }
  const demandCount = rowStarts.length - 1;
  const starts = Int32Array.from(rowStarts);
  const sites = Int32Array.from(siteIndices);
  const costs = Float64Array.from(values);
  if (starts[0] !== 0 || starts[demandCount] !== sites.length || sites.length !== costs.length) {
    throw new InputError(
      { source: "costs", field: "rowStarts", value: [starts[0], starts[demandCount], sites.length, costs.length] },
      "must start at 0 and end at the number of stored pairs, with siteIndices and values of that length",
    );
  }
  for (let i = 0; i < demandCount; i++) {
    const from = starts[i]!;
    const to = starts[i + 1]!;
    if (to < from) {
      throw new InputError({ source: "costs", field: `rowStarts[${i + 1}]`, value: to }, `must be ≥ rowStarts[${i}] = ${from}`);
    }
    for (let k = from; k < to; k++) {
      const j = sites[k]!;
      if (j < 0 || j >= siteCount || (k > from && j <= sites[k - 1]!)) {
        throw new InputError(
          { source: "costs", field: `siteIndices (demand ${i})`, value: j },
          `must be in 0..${siteCount - 1} and strictly ascending within a row`,
        );
      }
      const v = costs[k]!;
      if (!(v >= 0) || v === Infinity) {
        throw new InputError({ source: "costs", field: `pair (demand ${i}, site ${j})`, value: v }, "must be a finite number ≥ 0");
      }
    }
  }
  return { kind: "sparse", demandCount, siteCount, rowStarts: starts, siteIndices: sites, values: costs, unit };
}

/**
 * The cost of pair (i, j), or `Infinity` when the pair is not allowed (not stored in a sparse matrix, or
 * `Infinity` in a dense one).
 * @param matrix - the cost matrix
 * @param i - demand point index, 0 ≤ i < demandCount
 * @param j - site index, 0 ≤ j < siteCount
 */
export function costOf(matrix: CostMatrix, i: number, j: number): number {
  if (matrix.kind === "dense") return matrix.values[i * matrix.siteCount + j]!;
  let low = matrix.rowStarts[i]!;
  let high = matrix.rowStarts[i + 1]! - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const site = matrix.siteIndices[mid]!;
    if (site === j) return matrix.values[mid]!;
    if (site < j) low = mid + 1;
    else high = mid - 1;
  }
  return Infinity;
}

/**
 * Calls `visit(j, cost)` for every allowed site of demand point i (finite cost), in ascending site order.
 * @param matrix - the cost matrix
 * @param i - demand point index
 * @param visit - called once per allowed pair
 */
export function forEachAllowedSite(matrix: CostMatrix, i: number, visit: (j: number, cost: number) => void): void {
  if (matrix.kind === "dense") {
    const base = i * matrix.siteCount;
    for (let j = 0; j < matrix.siteCount; j++) {
      const cost = matrix.values[base + j]!;
      if (cost !== Infinity) visit(j, cost);
    }
    return;
  }
  for (let k = matrix.rowStarts[i]!; k < matrix.rowStarts[i + 1]!; k++) visit(matrix.siteIndices[k]!, matrix.values[k]!);
}

/**
 * The number of allowed pairs (finite costs) in the matrix: the size of an assignment model built over it.
 * @param matrix - the cost matrix
 */
export function allowedPairCount(matrix: CostMatrix): number {
  if (matrix.kind === "sparse") return matrix.siteIndices.length;
  let count = 0;
  for (const v of matrix.values) if (v !== Infinity) count++;
  return count;
}
