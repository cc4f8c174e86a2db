/**
 * Local search and variable neighbourhood search for the p-median problem on sorted neighbour lists: greedy
 * construction, Resende & Werneck's fast interchange to a local optimum, then VNS shaking until the time or the
 * patience runs out.
 *
 * References: Hansen, P. & Mladenović, N. (1997), "Variable neighborhood search for the p-median", Location
 * Science 5(4):207–226. Resende, M. G. C. & Werneck, R. F. (2007), "A fast swap-based local search procedure for
 * location problems", Annals of Operations Research 150:205–230.
 * @module
 */
import { SeededRandom } from "../random.ts";
import { greedyOpenSites } from "./greedy.ts";
import type { SiteLists } from "./siteLists.ts";
import { SwapState } from "./swapState.ts";

/** The search gives the event loop a turn at least this often, in milliseconds, so that a signal can fire. */
const YIELD_MS = 50;

/** What {@link searchMedian} needs besides the lists. */
export interface MedianSearchOptions {
  /** Sites to open (≥ 1). */
  readonly p: number;
  /** Sites that must stay open (their count ≤ p). */
  readonly required: readonly number[];
  /** Length m: 1 where a site may open. */
  readonly insertable: Uint8Array;
  /** Open sites to start from (p distinct sites allowed to open); default the greedy construction. */
  readonly start?: readonly number[];
  /**
   * Stop shaking once this many seconds have passed since the call. Default 1. The greedy start and the first
   * descent always complete, so on a large problem the search can run past the limit by their time.
   */
  readonly timeLimitSeconds?: number;
  /** Stop after this many shakes in a row that find nothing better. Default 50 × p, at least 500. */
  readonly patience?: number;
  /** Seed of the shaking's random moves. Default 1. */
  readonly seed?: number;
  /** Stops the search between moves; the best sites found so far are returned. */
  readonly signal?: AbortSignal;
  /** Called with each better objective found and the seconds since the start. */
  readonly onImprovement?: (objective: number, seconds: number) => void;
}

/** The best sites {@link searchMedian} found. */
export interface MedianSearchResult {
  /** The open sites, ascending; empty when no p sites serve every demand point in its lists. */
  readonly open: Int32Array;
  /** Their objective over the lists (Σ nearest weighted cost), Infinity when `open` is empty. */
  readonly objective: number;
  /** Shakes tried. */
  readonly shakes: number;
  /** Swaps made by the local searches. */
  readonly swaps: number;
  /** Seconds spent. */
  readonly seconds: number;
  /** Why the search stopped. */
  readonly stoppedBy: "patience" | "timeLimit" | "aborted" | "exhausted";
}

/** Swaps the best improving pair until none improves by more than a relative 1e-12 of the objective. */
function descend(state: SwapState, removable: Uint8Array, insertable: Uint8Array, signal: AbortSignal | undefined): number {
  let swaps = 0;
  for (;;) {
    if (signal?.aborted) return swaps;
    const tolerance = Math.max(1e-9, 1e-12 * Math.abs(state.objective()));
    const move = state.bestSwap(removable, insertable, tolerance);
    if (move === undefined) return swaps;
    state.swap(move.insert, move.remove);
    swaps++;
  }
}

/** Turns the state's open sites into `target`'s, one swap per differing pair. */
function moveTo(state: SwapState, target: Int32Array): void {
  const wanted = new Uint8Array(state.open.length);
  for (const j of target) wanted[j] = 1;
  const inserts = Array.from(target).filter((j) => state.open[j] !== 1);
  const removes = Array.from(state.slots).filter((j) => wanted[j] !== 1);
  for (let k = 0; k < inserts.length; k++) state.swap(inserts[k]!, removes[k]!);
}

/**
 * Finds good p-median sites over the lists: greedy (or `start`), fast interchange to a local optimum, then
 * variable neighbourhood search (k random swaps from the best, k = 1 … min(p, 10), descend, keep if better).
 * A heuristic: the result carries no proof of optimality.
 * @param lists - the sorted lists ({@link buildSiteLists})
 * @param options - p, the required and insertable sites, limits and seed
 * @returns the best sites found and how the search went (a promise: the search yields to the event loop every
 *   50 ms so that an `AbortSignal` fired by a timer or Ctrl-C is seen)
 */
export async function searchMedian(lists: SiteLists, options: MedianSearchOptions): Promise<MedianSearchResult> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const { p, required, insertable, signal } = options;
  const timeLimit = options.timeLimitSeconds ?? 1;
  const patience = options.patience ?? Math.max(500, 50 * p);
  const removable = new Uint8Array(lists.siteCount).fill(1);
  for (const j of required) removable[j] = 0;
  const start = options.start ?? greedyOpenSites(lists, p, required, insertable);
  const none: MedianSearchResult = { open: new Int32Array(0), objective: Infinity, shakes: 0, swaps: 0, seconds: seconds(), stoppedBy: "exhausted" };
  if (start.length < p) return none;
  const state = new SwapState(lists, start);
  let swaps = descend(state, removable, insertable, signal);
  if (state.unserved > 0) return { ...none, seconds: seconds() };
  let best = Int32Array.from(state.slots);
  let bestObjective = state.objective();
  options.onImprovement?.(bestObjective, seconds());
  const random = new SeededRandom(options.seed ?? 1, 7);
  const closed = (): number[] => {
    const out: number[] = [];
    for (let j = 0; j < lists.siteCount; j++) if (insertable[j] === 1 && state.open[j] !== 1) out.push(j);
    return out;
  };
  const outs = (): number[] => Array.from(state.slots).filter((j) => removable[j] === 1);
  const kMax = Math.min(10, outs().length, closed().length);
  let k = 1;
  let shakes = 0;
  let idle = 0;
  let stoppedBy: MedianSearchResult["stoppedBy"] = kMax === 0 ? "exhausted" : "patience";
  let lastYield = performance.now();
  while (kMax > 0) {
    if (performance.now() - lastYield > YIELD_MS) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0)); // let a timer or Ctrl-C fire the signal
      lastYield = performance.now();
    }
    if (signal?.aborted) {
      stoppedBy = "aborted";
      break;
    }
    if (seconds() >= timeLimit) {
      stoppedBy = "timeLimit";
      break;
    }
    if (idle >= patience) break;
    shakes++;
    for (let move = 0; move < k; move++) {
      const ins = closed();
      const rem = outs();
      for (let attempt = 0; attempt < 20; attempt++) {
        const f = ins[random.integer(0, ins.length - 1)]!;
        const g = rem[random.integer(0, rem.length - 1)]!;
        if (state.keepsServed(f, g)) {
          state.swap(f, g);
          break;
        }
      }
    }
    swaps += descend(state, removable, insertable, signal);
    const objective = state.objective();
    if (objective < bestObjective - Math.max(1e-9, 1e-12 * bestObjective)) {
      best = Int32Array.from(state.slots);
      bestObjective = objective;
      options.onImprovement?.(bestObjective, seconds());
      k = 1;
      idle = 0;
    } else {
      moveTo(state, best);
      k = k >= kMax ? 1 : k + 1;
      idle++;
    }
  }
  return { open: best.sort(), objective: bestObjective, shakes, swaps, seconds: seconds(), stoppedBy };
}
