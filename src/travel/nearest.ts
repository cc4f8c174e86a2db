/**
 * Sparse cost matrices that keep, for each demand point, only its k cheapest sites and/or the sites within a
 * cutoff. Ties in cost go to the lower site index, so the result is deterministic.
 * @module
 */
import { forEachAllowedSite, sparseCostMatrix, type CostMatrix, type SparseCostMatrix } from "../costMatrix.ts";
import { InputError } from "../errors.ts";

/** Which pairs of a row to keep. */
export interface RowSelection {
  /** Keep at most this many of the cheapest pairs per demand point (a whole number ≥ 1); unlimited when undefined. */
  readonly kNearest?: number | undefined;
  /** Keep only pairs costing ≤ cutoff (inclusive); unlimited when undefined. */
  readonly cutoff?: number | undefined;
}

/**
 * Checks `kNearest` and `cutoff` options.
 * @throws InputError when kNearest is not a whole number ≥ 1 or cutoff is not a number ≥ 0
 * @internal
 */
export function checkRowSelection(selection: RowSelection, source = "options"): RowSelection {
  const { kNearest, cutoff } = selection;
  if (kNearest !== undefined && (typeof kNearest !== "number" || !Number.isInteger(kNearest) || kNearest < 1)) {
    throw new InputError({ source, field: "kNearest", value: kNearest }, "must be a whole number ≥ 1");
  }
  if (cutoff !== undefined && (typeof cutoff !== "number" || !(cutoff >= 0))) {
    throw new InputError({ source, field: "cutoff", value: cutoff }, "must be a number ≥ 0 (in the unit of the costs)");
  }
  return { kNearest, cutoff };
}

/**
 * Collects the kept pairs of each row, in row order, into compressed sparse rows.
 * @internal
 */
export class SparseRowCollector {
  private readonly rowStarts: number[] = [0];
  private readonly siteIndices: number[] = [];
  private readonly values: number[] = [];
  private readonly order: number[] = [];
  private readonly selection: RowSelection;

  /** @param selection - checked with {@link checkRowSelection} */
  constructor(selection: RowSelection) {
    this.selection = selection;
  }

  /**
   * Adds the next row from its candidate pairs, given in ascending site order.
   * @param sites - candidate site indices, ascending, the first `count` entries used
   * @param costs - their costs (pairs costing `Infinity` are never kept)
   * @param count - number of candidates
   */
  addRow(sites: ArrayLike<number>, costs: ArrayLike<number>, count: number): void {
    const cutoff = this.selection.cutoff ?? Infinity;
    const order = this.order;
    order.length = 0;
    for (let k = 0; k < count; k++) {
      const cost = costs[k]!;
      if (cost <= cutoff && cost !== Infinity) order.push(k);
    }
    const limit = this.selection.kNearest ?? Infinity;
    if (order.length > limit) {
      // Candidates are in ascending site order, so comparing positions breaks ties by the lower site index.
      order.sort((p, q) => costs[p]! - costs[q]! || p - q);
      order.length = limit;
      order.sort((p, q) => p - q);
    }
    for (const k of order) {
      this.siteIndices.push(sites[k]!);
      this.values.push(costs[k]!);
    }
    this.rowStarts.push(this.siteIndices.length);
  }

  /** The matrix of the rows added so far. */
  build(siteCount: number, unit: CostMatrix["unit"]): SparseCostMatrix {
    return sparseCostMatrix(this.rowStarts, this.siteIndices, this.values, siteCount, unit);
  }
}

/**
 * Keeps each demand point's k cheapest allowed sites (ties to the lower site index), dropping the rest, so
 * that a model built over the result has at most n × k assignment pairs. Pairs not allowed in the input stay
 * not allowed; a row with fewer than k allowed sites keeps them all. The input is not changed.
 * @param matrix - a dense or sparse n × m matrix
 * @param k - how many sites to keep per demand point, a whole number ≥ 1 (k ≥ m keeps every allowed pair)
 * @returns a sparse n × m matrix in the same unit
 * @throws InputError when k is not a whole number ≥ 1
 * @example
 * ```ts
 * const nearest = kNearestCostMatrix(denseCostMatrix([5, 1, 3, 2, 2, 9], 2, 3, "metres"), 2);
 * // row 0 keeps sites 1 and 2 (costs 1, 3); row 1 keeps sites 0 and 1 (costs 2, 2)
 * ```
 */
export function kNearestCostMatrix(matrix: CostMatrix, k: number): SparseCostMatrix {
  const selection = checkRowSelection({ kNearest: k }, "kNearestCostMatrix");
  if (selection.kNearest === undefined) {
    throw new InputError({ source: "kNearestCostMatrix", field: "k", value: k }, "must be a whole number ≥ 1");
  }
  return restrictCostMatrix(matrix, selection);
}

/**
 * Keeps the pairs of each row that a selection allows (all allowed pairs when the selection is empty), as
 * a sparse matrix in the same unit. With an empty selection this turns a dense matrix holding `Infinity`
 * into the equivalent sparse one.
 * @param selection - checked with {@link checkRowSelection}
 * @internal
 */
export function restrictCostMatrix(matrix: CostMatrix, selection: RowSelection): SparseCostMatrix {
  const collector = new SparseRowCollector(selection);
  const sites: number[] = [];
  const costs: number[] = [];
  for (let i = 0; i < matrix.demandCount; i++) {
    sites.length = 0;
    costs.length = 0;
    forEachAllowedSite(matrix, i, (j, cost) => {
      sites.push(j);
      costs.push(cost);
    });
    collector.addRow(sites, costs, sites.length);
  }
  return collector.build(matrix.siteCount, matrix.unit);
}
