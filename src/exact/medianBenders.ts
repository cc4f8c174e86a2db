/**
 * Exact p-median by Benders decomposition: a master over the site variables y and one θ per demand point, cuts
 * separated in TypeScript ({@link cutAt}) and added between HiGHS re-solves, first on the LP relaxation (with
 * in-out stabilisation) and then on the integer master until its optimum satisfies every cut. A heuristic
 * incumbent starts it, prunes it (reduced-cost fixing), and is what it returns when time runs out, with the
 * bound proven so far.
 *
 * References: Durán-Mateluna, C., Alès, Z. & Elloumi, S. (2023), "An efficient Benders decomposition for the
 * p-median problem", EJOR 308(1):84–96. Ben-Ameur, W. & Neto, J. (2007), "Acceleration of cutting-plane and column
 * generation algorithms: applications to network design", Networks 49(1):3–17 (in-out separation).
 * @module
 */
import { SolverError } from "../errors.ts";
import { searchMedian } from "../heuristics/medianSearch.ts";
import type { SiteLists } from "../heuristics/siteLists.ts";
import { cutAt, cutValue } from "./medianCuts.ts";
import { MedianMaster, type StoredCut } from "./medianMaster.ts";

/** Cut rounds per probed site. */
const PROBE_ROUNDS = 3;

/** Probing stops after this many probes in a row fix nothing. */
const PROBE_PATIENCE = 30;

/** Probing stops once it has used this share of the time left when it began (the integer master needs the rest). */
const PROBE_SHARE = 0.4;

/** What {@link solveMedianBenders} needs. */
export interface MedianBendersOptions {
  /** Sites to open. */
  readonly p: number;
  /** Sites that must open. */
  readonly required: readonly number[];
  /** Length m: 1 where a site may open. */
  readonly insertable: Uint8Array;
  /** A feasible set of p open sites to start from (a heuristic's), the incumbent until a better one is found. */
  readonly incumbent: Int32Array;
  /** Seconds the whole solve may take; default none. */
  readonly timeLimitSeconds?: number;
  /** Stops the solve between HiGHS runs; the incumbent and the bound so far are returned. */
  readonly signal?: AbortSignal;
  /** Stop once the relative gap (objective − bound) / objective is at most this; default 0 (prove optimality). */
  readonly relativeGap?: number;
  /** Called after each master solve with the incumbent's objective and the bound. */
  readonly onProgress?: (objective: number, bound: number) => void;
}

/** What {@link solveMedianBenders} found. */
export interface MedianBendersResult {
  /** The best open sites, ascending. */
  readonly open: Int32Array;
  /** Their objective (Σ nearest weighted cost over the lists). */
  readonly objective: number;
  /** A proven lower bound (equal to the objective when optimal). */
  readonly bound: number;
  /**
   * `optimal` when the bound proves the objective; `feasible` when it is within `relativeGap`; `timeLimit` or
   * `aborted` (the signal, or HiGHS failed: see `failure`) otherwise.
   */
  readonly status: "optimal" | "feasible" | "timeLimit" | "aborted";
  /** The bound of the LP relaxation the cut loop reached (null when it did not finish). */
  readonly lpBound: number | null;
  /** LP rounds of the relaxation. */
  readonly rounds: number;
  /** LP solves of the probing. */
  readonly probes: number;
  /** Integer master solves. */
  readonly mipSolves: number;
  /** Cuts added. */
  readonly cuts: number;
  /** Sites fixed closed (by reduced costs or probing). */
  readonly fixedClosed: number;
  /** Sites fixed open (by probing). */
  readonly fixedOpen: number;
  /** Seconds of each phase. */
  readonly phases: {
    /** The LP relaxation's cut loop and the reduced-cost fixing. */
    readonly relaxation: number;
    /** The probing. */
    readonly probing: number;
    /** The integer master's solves. */
    readonly integer: number;
  };
  /** Columns of the master at the end. */
  readonly columns: number;
  /** Rows of the master at the end. */
  readonly rows: number;
  /** Why the solve stopped early when HiGHS failed (its message); absent otherwise. */
  readonly failure?: string;
  /** Seconds. */
  readonly seconds: number;
}

/** The objective of integer open sites: each served point's nearest open cost, Infinity when one has none. */
function objectiveOf(lists: SiteLists, open: Uint8Array): number {
  let total = 0;
  for (const u of lists.served) {
    let cost = Infinity;
    for (let k = lists.starts[u]!; k < lists.starts[u + 1]!; k++) {
      if (open[lists.sites[k]!] === 1) {
        cost = lists.costs[k]!;
        break;
      }
    }
    total += cost;
  }
  return total;
}

/** Whether every weighted cost is a whole number, so that every objective is one. */
function integralCosts(lists: SiteLists): boolean {
  for (const c of lists.costs) if (!Number.isInteger(c)) return false;
  return true;
}

/**
 * Solves p-median exactly over the lists by Benders decomposition (see the module). The lists must hold every
 * allowed pair (no nearest-k truncation): the cuts' validity rests on them.
 * @param lists - the sorted lists of the whole problem
 * @param options - p, the site rules, the incumbent, limits
 * @returns the best sites, their objective and the proven bound
 */
export async function solveMedianBenders(lists: SiteLists, options: MedianBendersOptions): Promise<MedianBendersResult> {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const limit = options.timeLimitSeconds ?? Infinity;
  const remaining = (): number => Math.max(0, limit - elapsed());
  const m = lists.siteCount;
  const served = lists.served;
  const { p, insertable } = options;
  const required = new Uint8Array(m);
  for (const j of options.required) required[j] = 1;
  const step = integralCosts(lists) ? 1 : 0;
  const openMask = (sites: ArrayLike<number>): Uint8Array => {
    const mask = new Uint8Array(m);
    for (let k = 0; k < sites.length; k++) mask[sites[k]!] = 1;
    return mask;
  };

  let incumbent = Int32Array.from(options.incumbent).sort();
  let upper = objectiveOf(lists, openMask(incumbent));
  let bound = -Infinity;
  const optimalNow = (): boolean => bound >= upper - 1e-9 * Math.max(1, Math.abs(upper)) || (step === 1 && bound > upper - 1 + 1e-6);
  const targetGap = options.relativeGap ?? 0;
  /** Whether the bound proves the incumbent optimal, or within the gap asked for. */
  const proven = (): boolean => optimalNow() || (targetGap > 0 && upper - bound <= targetGap * Math.abs(upper));
  /** A bound above this excludes every solution better than the incumbent (by a whole unit when costs are whole). */
  const threshold = (): number => upper - step + 1e-6 * Math.max(1, Math.abs(upper));
  const stats = { rounds: 0, probes: 0, mipSolves: 0, fixedClosed: 0, fixedOpen: 0 };
  const phases = { relaxation: 0, probing: 0, integer: 0 };
  let lpBound: number | null = null;
  let failure: string | undefined;
  let stopped: "timeLimit" | "aborted" | undefined;

  const levels = Array.from(served, () => new Set<number>());
  const sites: number[] = [];
  const coefficients: number[] = [];
  /** The cuts at site values `at` not yet found that cut off (y, θ) (all of them when θ is null). */
  const separate = (at: Float64Array, y: Float64Array, theta: Float64Array | null): StoredCut[] => {
    const found: StoredCut[] = [];
    served.forEach((u, t) => {
      const level = cutAt(lists, u, at, sites, coefficients);
      if (levels[t]!.has(level)) return;
      if (theta !== null && cutValue(level, sites, coefficients, y) <= theta[t]! + 1e-7 * Math.max(1, Math.abs(level))) return;
      levels[t]!.add(level);
      found.push({ point: t, sites: Int32Array.from(sites), coefficients: Float64Array.from(coefficients), level });
    });
    return found;
  };
  const report = (): void => options.onProgress?.(upper, Math.min(bound, upper));
  /** Gives the event loop a turn (so that a timer or Ctrl-C can fire the signal), then stops if asked or out of time. */
  const check = async (): Promise<void> => {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (options.signal?.aborted) throw "aborted";
    if (remaining() <= 0) throw "timeLimit";
  };
  /** Polishes integer open sites by fast interchange and keeps them when they beat the incumbent. */
  const offer = async (open: Int32Array): Promise<void> => {
    const polished = await searchMedian(lists, { p, required: options.required, insertable, start: Array.from(open), patience: 0, timeLimitSeconds: 0 });
    const candidate = polished.open.length > 0 ? polished.open : open;
    const objective = objectiveOf(lists, openMask(candidate));
    if (objective < upper) {
      upper = objective;
      incumbent = Int32Array.from(candidate).sort();
    }
  };

  const master = new MedianMaster(lists, p, required, insertable);
  let rowCount = 0;
  try {
    await master.build();
    master.addCuts(separate(Float64Array.from(openMask(incumbent)), new Float64Array(m), null));
    // The LP relaxation, with in-out separation around a core point that follows the LP solutions.
    const core = new Float64Array(m);
    const free = options.required.length;
    let openable = 0;
    for (let j = 0; j < m; j++) openable += insertable[j]!;
    for (let j = 0; j < m; j++) core[j] = required[j] === 1 ? 1 : insertable[j] === 1 ? (p - free) / Math.max(1, openable - free) : 0;
    let reducedCosts: Float64Array | null = null;
    let y: Float64Array = new Float64Array(m);
    for (;;) {
      await check();
      const result = master.solve({ timeLimitSeconds: remaining() });
      stats.rounds++;
      if (result.status === "timeLimit") throw "timeLimit";
      if (result.status !== "optimal" || result.values === null) throw new SolverError(`HiGHS ended LP round ${stats.rounds} of the master with status ${result.status} and no solution`);
      bound = Math.max(bound, result.objective!);
      report();
      if (proven()) break;
      y = master.siteValues(result.values);
      const theta = master.thetaValues(result.values);
      const at = y.map((value, j) => 0.5 * value + 0.5 * core[j]!);
      let found = separate(at, y, theta);
      if (found.length === 0) found = separate(y, y, theta);
      for (let j = 0; j < m; j++) core[j] = 0.5 * (core[j]! + y[j]!);
      if (found.length === 0) {
        lpBound = result.objective;
        reducedCosts = result.reducedCosts;
        break;
      }
      master.addCuts(found);
    }
    // Reduced-cost fixing against the incumbent: a site whose opening would lift the LP bound past it stays closed.
    const siteReducedCosts = new Float64Array(m);
    if (reducedCosts !== null) for (let j = 0; j < m; j++) if (master.isFree(j)) siteReducedCosts[j] = master.reducedCost(reducedCosts, j);
    if (!proven() && reducedCosts !== null && lpBound !== null) {
      for (let j = 0; j < m; j++) {
        if (!master.isFree(j) || y[j]! > 1e-9) continue;
        if (lpBound + siteReducedCosts[j]! > threshold()) {
          master.fix(j, 0);
          stats.fixedClosed++;
        }
      }
      await master.build();
    }
    phases.relaxation = elapsed();
    // Probing: the LP bound with each site still free forced open (or, when the LP opens it mostly, closed); where
    // that bound passes the incumbent, the site takes the other value. Cuts found on the way are kept: every cut is
    // valid for the whole problem.
    if (!proven() && lpBound !== null) {
      // Most promising first (largest reduced cost, the LP's own estimate of a site's cost); stop after a run of
      // probes that fix nothing.
      const order: number[] = [];
      for (let j = 0; j < m; j++) if (master.isFree(j)) order.push(j);
      order.sort((a, b) => Math.abs(siteReducedCosts[b]!) - Math.abs(siteReducedCosts[a]!));
      let idle = 0;
      const probeUntil = elapsed() + PROBE_SHARE * remaining();
      for (const j of order) {
        if (proven() || idle >= PROBE_PATIENCE || elapsed() > probeUntil) break;
        await check();
        const forceOpen = y[j]! < 0.5;
        master.bound(j, forceOpen ? 1 : 0, forceOpen ? 1 : 0);
        let probeBound = -Infinity;
        for (let round = 0; round < PROBE_ROUNDS; round++) {
          const result = master.solve({ timeLimitSeconds: remaining(), objectiveBound: threshold() });
          stats.probes++;
          if (result.status === "infeasible" || result.status === "cutOff") {
            probeBound = Infinity;
            break;
          }
          if (result.status !== "optimal" || result.values === null) break;
          probeBound = result.objective!;
          if (probeBound > threshold()) break;
          const at = master.siteValues(result.values);
          const found = separate(at, at, master.thetaValues(result.values));
          if (found.length === 0) break;
          master.addCuts(found);
        }
        if (probeBound > threshold()) {
          master.fix(j, forceOpen ? 0 : 1);
          if (forceOpen) stats.fixedClosed++;
          else stats.fixedOpen++;
          idle = 0;
        } else {
          master.bound(j, 0, 1);
          idle++;
        }
      }
      await master.build();
    }
    phases.probing = elapsed() - phases.relaxation;
    // The integer master, re-solved until its optimum satisfies every cut.
    if (!proven()) {
      master.makeInteger();
      for (;;) {
        await check();
        // The incumbent is HiGHS' first solution (ignored by HiGHS where it breaks a fixing).
        // Nodes that cannot beat the incumbent are cut off; "no solution below the cutoff" proves the incumbent.
        const result = master.solve({ timeLimitSeconds: remaining(), start: master.startFor(openMask(incumbent)), objectiveBound: threshold() });
        stats.mipSolves++;
        if (result.status === "cutOff" || result.status === "infeasible") {
          bound = Math.max(bound, upper);
          break;
        }
        if (result.bound !== null) bound = Math.max(bound, Math.min(result.bound, result.objective ?? Infinity));
        if (result.values === null) break;
        const y = master.siteValues(result.values).map((v) => (v > 0.5 ? 1 : 0));
        const open: number[] = [];
        y.forEach((v, j) => {
          if (v === 1) open.push(j);
        });
        await offer(Int32Array.from(open));
        const found = separate(y, y, master.thetaValues(result.values));
        if (result.status === "optimal" && found.length === 0) bound = Math.max(bound, result.objective!);
        report();
        if (proven() || result.status !== "optimal") break;
        master.addCuts(found);
      }
      if (!proven() && remaining() <= 0) stopped = "timeLimit";
    }
  } catch (error) {
    if (error === "aborted" || error === "timeLimit") stopped = error;
    else if (error instanceof SolverError) failure = error.message;
    else throw error;
  } finally {
    rowCount = master.rowCount;
    master.dispose();
  }
  phases.integer = elapsed() - phases.relaxation - phases.probing;
  const optimal = optimalNow();
  if (optimal) bound = upper;
  report();
  return {
    open: incumbent,
    objective: upper,
    bound: optimal ? upper : Math.min(bound, upper),
    status: optimal ? "optimal" : proven() ? "feasible" : failure !== undefined || stopped === "aborted" ? "aborted" : "timeLimit",
    lpBound,
    ...stats,
    cuts: master.cutCount,
    phases,
    columns: master.columnCount,
    rows: rowCount,
    ...(failure === undefined ? {} : { failure }),
    seconds: elapsed(),
  };
}
