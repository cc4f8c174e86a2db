/**
 * The Benders master of the p-median problem on HiGHS: a column y per site still free, a column θ per served
 * demand point, Σ y = p, covering rows where a demand point's list misses sites, and every cut found so far.
 * Sites fixed open or closed (by reduced costs or probing) leave the model when it is compacted: a cut then
 * keeps only its free sites, the fixed open ones moving to its right-hand side, so the LPs shrink as the search
 * narrows.
 * @module
 */
import type { SiteLists } from "../heuristics/siteLists.ts";
import { PersistentModel, type PersistentResult, type PersistentSolveOptions } from "../solvers/persistentHighs.ts";

/** A cut θ_t + Σ coefficient_k · y_{site_k} ≥ level over the whole problem's sites. */
export interface StoredCut {
  /** The served demand point's position t in `lists.served`. */
  readonly point: number;
  /** Sites with a coefficient. */
  readonly sites: Int32Array;
  /** Their coefficients (> 0). */
  readonly coefficients: Float64Array;
  /** The right-hand side. */
  readonly level: number;
}

/** Rows under construction. */
class Rows {
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];

  push(indices: readonly number[], values: readonly number[], lower: number, upper: number): void {
    for (let k = 0; k < indices.length; k++) {
      this.indices.push(indices[k]!);
      this.values.push(values[k]!);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lower);
    this.upper.push(upper);
  }

  block(): { lower: Float64Array; upper: Float64Array; starts: Int32Array; indices: Int32Array; values: Float64Array } {
    return {
      lower: Float64Array.from(this.lower),
      upper: Float64Array.from(this.upper),
      starts: Int32Array.from(this.starts),
      indices: Int32Array.from(this.indices),
      values: Float64Array.from(this.values),
    };
  }
}

/** The master problem; see the module. */
export class MedianMaster {
  private readonly cuts: StoredCut[] = [];
  /** Per site: 0 free, 1 fixed closed, 2 fixed open. */
  readonly fixed: Uint8Array;
  private columnOf: Int32Array;
  private freeSites: Int32Array = new Int32Array(0);
  private model: PersistentModel | undefined;
  private integer = false;
  private readonly thetaLower: Float64Array;

  /**
   * @param lists - the sorted lists of the whole problem
   * @param p - sites to open
   * @param required - length m: 1 where a site must open
   * @param insertable - length m: 1 where a site may open
   */
  constructor(
    private readonly lists: SiteLists,
    private readonly p: number,
    required: Uint8Array,
    private readonly insertable: Uint8Array,
  ) {
    const m = lists.siteCount;
    this.fixed = new Uint8Array(m);
    for (let j = 0; j < m; j++) this.fixed[j] = insertable[j] !== 1 ? 1 : required[j] === 1 ? 2 : 0;
    this.columnOf = new Int32Array(m).fill(-1);
    this.thetaLower = Float64Array.from(lists.served, (u) => lists.costs[lists.starts[u]!]!);
  }

  /** Columns of the current model. */
  get columnCount(): number {
    return this.freeSites.length + this.lists.served.length;
  }

  /** Rows of the current model (0 before it is built). */
  get rowCount(): number {
    return this.model?.rowCount ?? 0;
  }

  /** Cuts found so far. */
  get cutCount(): number {
    return this.cuts.length;
  }

  /** A cut as a row over the current columns, or undefined when the fixings make it redundant. */
  private row(cut: StoredCut, indices: number[], values: number[]): number | undefined {
    indices.length = 0;
    values.length = 0;
    let level = cut.level;
    for (let k = 0; k < cut.sites.length; k++) {
      const site = cut.sites[k]!;
      const column = this.columnOf[site]!;
      if (column >= 0) {
        indices.push(column);
        values.push(cut.coefficients[k]!);
      } else if (this.fixed[site] === 2) level -= cut.coefficients[k]!;
    }
    if (level <= this.thetaLower[cut.point]! + 1e-9 * Math.max(1, Math.abs(level))) return undefined;
    indices.push(this.freeSites.length + cut.point);
    values.push(1);
    return level;
  }

  /**
   * (Re)builds the HiGHS model over the sites still free, with every cut found so far; the old model is disposed.
   * @throws SolverError when HiGHS fails
   */
  async build(): Promise<void> {
    this.dispose();
    const { lists } = this;
    const m = lists.siteCount;
    const free: number[] = [];
    let open = 0;
    for (let j = 0; j < m; j++) {
      if (this.fixed[j] === 0) free.push(j);
      else if (this.fixed[j] === 2) open++;
    }
    this.freeSites = Int32Array.from(free);
    this.columnOf = new Int32Array(m).fill(-1);
    free.forEach((j, column) => (this.columnOf[j] = column));
    const served = lists.served.length;
    const columns = free.length + served;
    const cost = new Float64Array(columns);
    const lower = new Float64Array(columns);
    const upper = new Float64Array(columns).fill(1);
    for (let t = 0; t < served; t++) {
      cost[free.length + t] = 1;
      lower[free.length + t] = this.thetaLower[t]!;
      upper[free.length + t] = Infinity;
    }
    const rows = new Rows();
    rows.push(
      free.map((_, column) => column),
      free.map(() => 1),
      this.p - open,
      this.p - open,
    );
    // A demand point whose list misses some site that may open needs one of its own open.
    let openable = 0;
    for (let j = 0; j < m; j++) openable += this.insertable[j]!;
    const indices: number[] = [];
    const values: number[] = [];
    for (const u of lists.served) {
      if (lists.starts[u + 1]! - lists.starts[u]! >= openable) continue;
      indices.length = 0;
      let covered = false;
      for (let k = lists.starts[u]!; k < lists.starts[u + 1]!; k++) {
        const site = lists.sites[k]!;
        if (this.fixed[site] === 2) covered = true;
        else if (this.columnOf[site]! >= 0) indices.push(this.columnOf[site]!);
      }
      if (!covered) rows.push([...indices].sort((a, b) => a - b), indices.map(() => 1), 1, Infinity);
    }
    for (const cut of this.cuts) {
      const level = this.row(cut, indices, values);
      if (level !== undefined) rows.push(indices, values, level, Infinity);
    }
    this.model = await PersistentModel.create({ cost, lower, upper }, rows.block());
    if (this.integer) this.model.setInteger(Int32Array.from(free, (_, column) => column));
  }

  /**
   * Stores cuts and adds the rows they make over the current columns.
   * @param cuts - the new cuts
   * @throws SolverError when HiGHS fails or the model would outgrow its heap
   */
  addCuts(cuts: readonly StoredCut[]): void {
    const rows = new Rows();
    const indices: number[] = [];
    const values: number[] = [];
    for (const cut of cuts) {
      this.cuts.push(cut);
      const level = this.row(cut, indices, values);
      if (level !== undefined) rows.push(indices, values, level, Infinity);
    }
    if (rows.lower.length > 0) this.model!.addRows(rows.block());
  }

  /**
   * Fixes a free site closed (`value` 0) or open (1) in the current model; it leaves the columns at the next
   * {@link build}.
   * @param site - the site
   * @param value - 0 or 1
   */
  fix(site: number, value: 0 | 1): void {
    this.fixed[site] = value === 0 ? 1 : 2;
    const column = this.columnOf[site]!;
    if (column >= 0) this.model!.setBounds(column, value, value);
  }

  /**
   * Bounds a free site's column for one probe (0 … 1 to release it).
   * @param site - a free site
   * @param lower - its lower bound
   * @param upper - its upper bound
   */
  bound(site: number, lower: number, upper: number): void {
    this.model!.setBounds(this.columnOf[site]!, lower, upper);
  }

  /** Makes the site columns integer (kept through later builds). */
  makeInteger(): void {
    this.integer = true;
    this.model!.setInteger(Int32Array.from(this.freeSites, (_, column) => column));
  }

  /**
   * Solves the current model.
   * @param options - time limit and a MIP start
   */
  solve(options: PersistentSolveOptions): PersistentResult {
    return this.model!.solve(options);
  }

  /**
   * The value of every site (fixed ones included) in a solution of the current model.
   * @param values - the model's column values
   */
  siteValues(values: Float64Array): Float64Array {
    const y = new Float64Array(this.lists.siteCount);
    for (let j = 0; j < y.length; j++) y[j] = this.fixed[j] === 2 ? 1 : 0;
    this.freeSites.forEach((j, column) => (y[j] = values[column]!));
    return y;
  }

  /**
   * The θ values of a solution, by served position.
   * @param values - the model's column values
   */
  thetaValues(values: Float64Array): Float64Array {
    return values.subarray(this.freeSites.length);
  }

  /**
   * A solution of the current model from integer open sites (θ their exact costs), for a MIP start.
   * @param open - length m: 1 where open
   */
  startFor(open: Uint8Array): Float64Array {
    const { lists } = this;
    const values = new Float64Array(this.columnCount);
    this.freeSites.forEach((j, column) => (values[column] = open[j]!));
    lists.served.forEach((u, t) => {
      for (let k = lists.starts[u]!; k < lists.starts[u + 1]!; k++) {
        if (open[lists.sites[k]!] === 1) {
          values[this.freeSites.length + t] = lists.costs[k]!;
          break;
        }
      }
    });
    return values;
  }

  /** Whether a site still has a column. */
  isFree(site: number): boolean {
    return this.fixed[site] === 0;
  }

  /**
   * The reduced cost of a free site's column in an LP solution.
   * @param reducedCosts - the model's reduced costs
   * @param site - a free site
   */
  reducedCost(reducedCosts: Float64Array, site: number): number {
    return reducedCosts[this.columnOf[site]!]!;
  }

  /** Releases the model. */
  dispose(): void {
    this.model?.dispose();
    this.model = undefined;
  }
}
