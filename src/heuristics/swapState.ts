/**
 * The open sites of a p-median solution with everything a swap needs to be priced in O(1): each demand point's
 * nearest and second-nearest open sites, and the gain, loss and extra tables of Resende & Werneck's fast
 * interchange, updated only for the demand points a swap affects.
 *
 * Reference: Resende, M. G. C. & Werneck, R. F. (2007), "A fast swap-based local search procedure for location
 * problems", Annals of Operations Research 150:205–230 (after Whitaker, R. A. (1983), "A fast algorithm for the
 * greedy interchange for large-scale clustering and median location problems", INFOR 21(2):95–108).
 * @module
 */
import type { SiteLists } from "./siteLists.ts";

/** The best swap found by {@link SwapState.bestSwap}: open `insert`, close `remove`, saving `profit`. */
export interface Swap {
  /** The closed site to open. */
  readonly insert: number;
  /** The open site to close. */
  readonly remove: number;
  /** How much the objective falls (> 0 improves). */
  readonly profit: number;
}

/**
 * A set of p open sites over {@link SiteLists}. Demand points are served by their nearest open site in their
 * list; a demand point whose list holds no open site is unserved (`first` is -1) and the set is not feasible.
 *
 * For a closed site f and an open site g (in slot s), swapping them changes the objective by
 * `−(gain[f] − loss[g] + extra[f·p + s])`, and leaves some demand point unserved exactly when
 * `lossUnserved[g] − extraUnserved[f·p + s] > 0` (Resende & Werneck 2007, §3, with the second-nearest site
 * allowed to be missing in sparse lists).
 */
export class SwapState {
  /** Length m: 1 where the site is open. */
  readonly open: Uint8Array;
  /** Length m: the site's slot among the p open sites, or -1 when closed. */
  readonly slotOf: Int32Array;
  /** Length p: the open site in each slot. */
  readonly slots: Int32Array;
  /** Length n: the nearest open site (-1 when none). */
  readonly first: Int32Array;
  /** Length n: its weighted cost (Infinity when none). */
  readonly firstCost: Float64Array;
  /** Length n: the second-nearest open site (-1 when none). */
  readonly second: Int32Array;
  /** Length n: its weighted cost (Infinity when none). */
  readonly secondCost: Float64Array;
  private readonly gain: Float64Array;
  private readonly loss: Float64Array;
  private readonly lossUnserved: Int32Array;
  private readonly extra: Float64Array;
  private readonly extraUnserved: Int32Array;
  private readonly mark: Uint8Array;
  private readonly affected: Int32Array;
  /** Demand points with no open site in their list. */
  unserved = 0;

  /**
   * @param lists - the sorted lists
   * @param openSites - the p open sites (distinct, each allowed to open)
   */
  constructor(
    readonly lists: SiteLists,
    openSites: readonly number[] | Int32Array,
  ) {
    const m = lists.siteCount;
    const n = lists.demandCount;
    const p = openSites.length;
    this.open = new Uint8Array(m);
    this.slotOf = new Int32Array(m).fill(-1);
    this.slots = Int32Array.from(openSites);
    this.slots.forEach((j, s) => {
      this.open[j] = 1;
      this.slotOf[j] = s;
    });
    this.first = new Int32Array(n).fill(-1);
    this.second = new Int32Array(n).fill(-1);
    this.firstCost = new Float64Array(n).fill(Infinity);
    this.secondCost = new Float64Array(n).fill(Infinity);
    this.gain = new Float64Array(m);
    this.loss = new Float64Array(m);
    this.lossUnserved = new Int32Array(m);
    this.extra = new Float64Array(m * p);
    this.extraUnserved = new Int32Array(m * p);
    this.mark = new Uint8Array(n);
    this.affected = new Int32Array(n);
    for (const u of lists.served) {
      this.locate(u);
      this.contribute(u, 1);
    }
  }

  /** The number of open sites p. */
  get p(): number {
    return this.slots.length;
  }

  /** The objective: the sum of every served demand point's nearest open cost (Infinity when one is unserved). */
  objective(): number {
    if (this.unserved > 0) return Infinity;
    let total = 0;
    for (const u of this.lists.served) total += this.firstCost[u]!;
    return total;
  }

  /** Finds demand point u's nearest and second-nearest open sites by walking its sorted list. */
  private locate(u: number): void {
    const { starts, sites, costs } = this.lists;
    let found = 0;
    this.first[u] = this.second[u] = -1;
    this.firstCost[u] = this.secondCost[u] = Infinity;
    for (let k = starts[u]!; k < starts[u + 1]! && found < 2; k++) {
      const j = sites[k]!;
      if (this.open[j] !== 1) continue;
      if (found++ === 0) {
        this.first[u] = j;
        this.firstCost[u] = costs[k]!;
      } else {
        this.second[u] = j;
        this.secondCost[u] = costs[k]!;
      }
    }
    if (found === 0) this.unserved++;
  }

  /**
   * Adds (`sign` 1) or removes (-1) demand point u's share of gain, loss and extra. A point with no second open
   * site counts in the unserved tallies instead of with an infinite loss.
   */
  private contribute(u: number, sign: 1 | -1): void {
    const g = this.first[u]!;
    if (g < 0) {
      if (sign === -1) this.unserved--;
      return;
    }
    const a = this.firstCost[u]!;
    const b = this.secondCost[u]!;
    const hasSecond = this.second[u]! >= 0;
    if (hasSecond) this.loss[g]! += sign * (b - a);
    else this.lossUnserved[g]! += sign;
    const base = this.slotOf[g]!;
    const p = this.slots.length;
    const { starts, sites, costs } = this.lists;
    for (let k = starts[u]!; k < starts[u + 1]!; k++) {
      const c = costs[k]!;
      if (c >= b) break;
      const f = sites[k]!;
      if (this.open[f] === 1) continue;
      if (c < a) this.gain[f]! += sign * (a - c);
      const at = f * p + base;
      this.extra[at]! += sign * ((hasSecond ? b : a) - Math.max(c, a));
      if (!hasSecond) this.extraUnserved[at]! += sign;
    }
  }

  /**
   * The swap that lowers the objective most among every closed site allowed in and open site allowed out,
   * keeping every demand point served; undefined when no swap saves more than `tolerance`.
   * @param removable - length m: 1 where an open site may close (not required)
   * @param insertable - length m: 1 where a closed site may open
   * @param tolerance - the least saving that counts as an improvement
   */
  bestSwap(removable: Uint8Array, insertable: Uint8Array, tolerance: number): Swap | undefined {
    const p = this.slots.length;
    let best: Swap | undefined;
    let bestProfit = tolerance;
    for (let f = 0; f < this.lists.siteCount; f++) {
      if (this.open[f] === 1 || insertable[f] !== 1) continue;
      const gain = this.gain[f]!;
      const row = f * p;
      for (let s = 0; s < p; s++) {
        const g = this.slots[s]!;
        if (removable[g] !== 1) continue;
        const profit = gain - this.loss[g]! + this.extra[row + s]!;
        if (profit > bestProfit && this.lossUnserved[g]! === this.extraUnserved[row + s]!) {
          bestProfit = profit;
          best = { insert: f, remove: g, profit };
        }
      }
    }
    return best;
  }

  /**
   * Whether swapping leaves every demand point served now still served (for random moves).
   * @param insert - a closed site
   * @param remove - an open site
   */
  keepsServed(insert: number, remove: number): boolean {
    return this.lossUnserved[remove]! === this.extraUnserved[insert * this.slots.length + this.slotOf[remove]!]!;
  }

  /**
   * The objective's change if `insert` opened and `remove` closed (negative improves).
   * @param insert - a closed site
   * @param remove - an open site
   */
  delta(insert: number, remove: number): number {
    return -(this.gain[insert]! - this.loss[remove]! + this.extra[insert * this.slots.length + this.slotOf[remove]!]!);
  }

  /**
   * Opens `insert` and closes `remove`, updating only the demand points whose nearest or second-nearest open site
   * changes: those listing `remove` as one of them, and those listing `insert` before their second.
   * @param insert - a closed site
   * @param remove - an open site
   */
  swap(insert: number, remove: number): void {
    const { siteStarts, siteDemand, siteCosts } = this.lists;
    let count = 0;
    for (let k = siteStarts[remove]!; k < siteStarts[remove + 1]!; k++) {
      const u = siteDemand[k]!;
      if ((this.first[u] === remove || this.second[u] === remove) && this.mark[u] === 0) {
        this.mark[u] = 1;
        this.affected[count++] = u;
      }
    }
    for (let k = siteStarts[insert]!; k < siteStarts[insert + 1]!; k++) {
      const u = siteDemand[k]!;
      if (siteCosts[k]! < this.secondCost[u]! && this.mark[u] === 0) {
        this.mark[u] = 1;
        this.affected[count++] = u;
      }
    }
    for (let a = 0; a < count; a++) this.contribute(this.affected[a]!, -1);
    const slot = this.slotOf[remove]!;
    const p = this.slots.length;
    for (let f = 0; f < this.lists.siteCount; f++) {
      this.extra[f * p + slot] = 0; // every demand point served by `remove` was taken out: clear the rounding
      this.extraUnserved[f * p + slot] = 0;
    }
    // The sites changing state carry only rounding residue now: clear it.
    this.gain[insert] = this.gain[remove] = 0;
    this.loss[insert] = this.loss[remove] = 0;
    this.lossUnserved[insert] = this.lossUnserved[remove] = 0;
    this.extra.fill(0, insert * p, insert * p + p);
    this.extraUnserved.fill(0, insert * p, insert * p + p);
    this.open[remove] = 0;
    this.slotOf[remove] = -1;
    this.open[insert] = 1;
    this.slotOf[insert] = slot;
    this.slots[slot] = insert;
    for (let a = 0; a < count; a++) {
      const u = this.affected[a]!;
      this.mark[u] = 0;
      this.locate(u);
      this.contribute(u, 1);
    }
  }
}
