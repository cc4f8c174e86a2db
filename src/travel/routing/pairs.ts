/**
 * Collecting the pairs of a travel-time matrix, computed site by site (column by column), into the row-major
 * dense or sparse cost matrix of the core, within a memory budget: column blocks while they are smaller than a
 * dense table, a dense table once they would be larger.
 * @module
 */
import type { CostMatrix } from "../../costMatrix.ts";

/**
 * The pairs of sites `first .. last − 1`, column by column: the pairs of site j are the positions
 * `columnStarts[j − first] .. columnStarts[j − first + 1] − 1`, with origin `origins[k]` (ascending within a
 * column), `minutes[k]` and `metres[k]` (empty when metres are not kept). Structured-clonable, so worker threads
 * can return it.
 * @internal
 */
export interface ColumnBlock {
  readonly first: number;
  readonly last: number;
  readonly columnStarts: Int32Array;
  readonly origins: Int32Array;
  readonly minutes: Float64Array;
  readonly metres: Float32Array;
}

/** Growable scratch arrays reused from block to block. @internal */
export class BlockScratch {
  origins = new Int32Array(4096);
  minutes = new Float64Array(4096);
  metres = new Float32Array(4096);
  length = 0;

  /** Appends one pair. */
  push(origin: number, minutes: number, metres: number): void {
    if (this.length === this.origins.length) {
      const size = this.length * 2;
      const origins = new Int32Array(size);
      origins.set(this.origins);
      const times = new Float64Array(size);
      times.set(this.minutes);
      const lengths = new Float32Array(size);
      lengths.set(this.metres);
      this.origins = origins;
      this.minutes = times;
      this.metres = lengths;
    }
    this.origins[this.length] = origin;
    this.minutes[this.length] = minutes;
    this.metres[this.length] = metres;
    this.length++;
  }
}

/** The assembled pairs: minutes and, when kept, metres of the same pairs. @internal */
export interface AssembledPairs {
  readonly costs: CostMatrix;
  readonly metres?: CostMatrix;
}

const BLOCK_BYTES_PER_PAIR = 16;
const DENSE_BYTES_PER_PAIR = 12;

/**
 * Receives column blocks in any order and assembles them.
 * @internal
 */
export class PairAccumulator {
  private blocks: ColumnBlock[] = [];
  private blockPairs = 0;
  private denseMinutes: Float64Array | undefined;
  private denseMetres: Float32Array | undefined;

  constructor(
    private readonly demandCount: number,
    private readonly siteCount: number,
    private readonly keepMetres: boolean,
  ) {}

  /** Takes a block; switches to a dense table when the blocks would outgrow it. */
  add(block: ColumnBlock): void {
    if (this.denseMinutes !== undefined) {
      this.pour(block);
      return;
    }
    this.blocks.push(block);
    this.blockPairs += block.origins.length;
    if (this.blockPairs * BLOCK_BYTES_PER_PAIR > this.demandCount * this.siteCount * DENSE_BYTES_PER_PAIR) this.toDense();
  }

  private toDense(): void {
    const cells = this.demandCount * this.siteCount;
    this.denseMinutes = new Float64Array(cells).fill(Infinity);
    this.denseMetres = new Float32Array(this.keepMetres ? cells : 0).fill(Infinity);
    const blocks = this.blocks;
    this.blocks = [];
    for (let b = 0; b < blocks.length; b++) {
      this.pour(blocks[b]!);
      blocks[b] = undefined as unknown as ColumnBlock; // let it be collected
    }
  }

  private pour(block: ColumnBlock): void {
    const m = this.siteCount;
    const values = this.denseMinutes!;
    const metres = this.denseMetres!;
    for (let j = block.first; j < block.last; j++) {
      for (let k = block.columnStarts[j - block.first]!; k < block.columnStarts[j - block.first + 1]!; k++) {
        const cell = block.origins[k]! * m + j;
        values[cell] = block.minutes[k]!;
        if (this.keepMetres) metres[cell] = block.metres[k]!;
      }
    }
  }

  /**
   * The matrices in the requested form. The accumulator must not be used afterwards. A sparse metres matrix shares
   * `rowStarts` and `siteIndices` with the minutes matrix. Large arrays are let go as soon as they are copied, so
   * that the peak memory stays near the larger of the two representations plus the result's minutes.
   */
  finish(format: "dense" | "sparse"): AssembledPairs {
    const n = this.demandCount;
    const m = this.siteCount;
    if (format === "dense") {
      if (this.denseMinutes === undefined) this.toDense();
      const costs: CostMatrix = { kind: "dense", demandCount: n, siteCount: m, values: this.denseMinutes!, unit: "minutes" };
      if (!this.keepMetres) return { costs };
      const metres = Float64Array.from(this.denseMetres!);
      return { costs, metres: { kind: "dense", demandCount: n, siteCount: m, values: metres, unit: "metres" } };
    }
    const rowStarts = new Int32Array(n + 1);
    let sites: Int32Array;
    let minutes: Float64Array;
    let metres: Float64Array;
    if (this.denseMinutes !== undefined) {
      let values: Float64Array | undefined = this.denseMinutes;
      this.denseMinutes = undefined;
      for (let i = 0; i < n; i++) {
        let count = 0;
        for (let cell = i * m; cell < (i + 1) * m; cell++) if (values[cell] !== Infinity) count++;
        rowStarts[i + 1] = rowStarts[i]! + count;
      }
      const total = rowStarts[n]!;
      sites = new Int32Array(total);
      minutes = new Float64Array(total);
      let p = 0;
      for (let cell = 0; cell < n * m; cell++) {
        if (values[cell] === Infinity) continue;
        sites[p] = cell % m;
        minutes[p++] = values[cell]!;
      }
      values = undefined;
      const lengths = this.denseMetres!;
      this.denseMetres = undefined;
      metres = new Float64Array(this.keepMetres ? total : 0);
      if (this.keepMetres) {
        // Metres are finite exactly where minutes are (both written per pair), so the same walk finds the pairs.
        p = 0;
        for (let cell = 0; cell < n * m; cell++) if (lengths[cell] !== Infinity) metres[p++] = lengths[cell]!;
      }
    } else {
      const blocks = this.blocks.sort((a, b) => a.first - b.first);
      this.blocks = [];
      for (const block of blocks) for (let k = 0; k < block.origins.length; k++) rowStarts[block.origins[k]! + 1]!++;
      for (let i = 0; i < n; i++) rowStarts[i + 1]! += rowStarts[i]!;
      const total = rowStarts[n]!;
      const next = rowStarts.slice(0, n);
      sites = new Int32Array(total);
      minutes = new Float64Array(total);
      metres = new Float64Array(this.keepMetres ? total : 0);
      for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b]!;
        for (let j = block.first; j < block.last; j++) {
          for (let k = block.columnStarts[j - block.first]!; k < block.columnStarts[j - block.first + 1]!; k++) {
            const p = next[block.origins[k]!]!++;
            sites[p] = j;
            minutes[p] = block.minutes[k]!;
            if (this.keepMetres) metres[p] = block.metres[k]!;
          }
        }
        blocks[b] = undefined as unknown as ColumnBlock; // let it be collected
      }
    }
    // Built in order (sites ascending within each row, finite values ≥ 0), so they meet the SparseCostMatrix
    // contract without the copying checks of sparseCostMatrix.
    const costs: CostMatrix = { kind: "sparse", demandCount: n, siteCount: m, rowStarts, siteIndices: sites, values: minutes, unit: "minutes" };
    if (!this.keepMetres) return { costs };
    return { costs, metres: { ...costs, values: metres, unit: "metres" } };
  }
}
