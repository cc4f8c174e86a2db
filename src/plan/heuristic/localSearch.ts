/**
 * Local search on a feasible school plan, every move priced exactly (whole classes, classrooms and beds as
 * {@link scoreDecisions} counts them): move one catchment unit to another open choice; exchange two units
 * between their schools; close a school and send its units to the best open choices (drop); open a school and
 * move to it the units whose trips it shortens (add); where an add alone does not pay, close one of the schools
 * it drew pupils from (swap, i.e. vertex substitution, Teitz & Bart 1968). Each structural move is followed by
 * unit moves and kept only when the plan's objective falls and every rule still holds. When no move improves,
 * each level is reassigned at once by a transportation MIP ({@link reassignLevel}), and the search goes on while
 * that helps. The seam where the roadmap's heuristics plug in.
 * @module
 */
import type { CoverageRule } from "../rules/coverageRules.ts";
import type { PlanDecisions } from "./decisions.ts";
import type { PlanObjective } from "../rules/options.ts";
import { IMPROVEMENT_STEP, PlanState, type PlanLimits } from "./planState.ts";
import type { ScoringContext } from "./score.ts";
import { reassignLevel } from "./transportation.ts";

/** Options of {@link improvePlan}. */
export interface ImproveOptions {
  /** What the plan minimises. */
  readonly objective: PlanObjective;
  /** Budget and mean-travel limits the plan keeps. */
  readonly limits: PlanLimits;
  /** Polled between moves; when true the search returns the best plan so far. */
  readonly shouldStop?: () => boolean;
  /** Seconds the search may still take (bounds the reassignment MIPs); default no limit. */
  readonly secondsLeft?: () => number;
  /** Called with the plan's objective (yuan per year, or minutes) at the start and after each step that lowers it. */
  readonly onImprove?: (objective: number) => void;
  /**
   * Kicks of iterated local search after the first descent: close a school picked at random (seeded, so runs
   * repeat), descend again, keep the result only if it is better. Default 0.
   */
  readonly kicks?: number;
}

/** The search yields to the event loop at least this often, in milliseconds. */
const YIELD_EVERY_MS = 50;

/** Seed of the kicks' school picks. */
const KICK_SEED = 2_026;

/** Rounds of neighbourhood search and reassignment at most. */
const MAX_ROUNDS = 10;

/** A swap tries closing at most this many of the schools the opened school drew most pupils from. */
const SWAP_DONORS = 4;

/** Moves each catchment unit to its best open choice while that lowers the objective; true if any moved. */
function unitMoves(context: ScoringContext, state: PlanState, shouldStop: () => boolean, units?: readonly number[]): boolean {
  const { choices } = context;
  let changed = false;
  for (let pass = 0; pass < 20 && !shouldStop(); pass++) {
    let moved = false;
    const step = IMPROVEMENT_STEP * Math.max(1, Math.abs(state.objective));
    const list = units ?? Array.from({ length: choices.unitCount }, (_, u) => u);
    for (const u of list) {
      const current = state.choiceOf[u]!;
      if (current < 0) continue;
      let best = -1;
      let bestChange = -step;
      const leave = state.leaveChange(u);
      const here = choices.school[current]!;
      for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
        const j = choices.school[o]!;
        if (o === current || state.open[j] !== 1) continue;
        if (j !== here && state.choiceChange(u, o) + leave >= bestChange) continue;
        const change = state.moveChange(u, o);
        if (change < bestChange) { bestChange = change; best = o; }
      }
      if (best >= 0) { state.move(u, best); moved = true; changed = true; }
    }
    if (!moved) break;
  }
  return changed;
}

/**
 * Exchanges two catchment units of one level between their schools where that shortens trips and lowers the
 * objective (the move a full school blocks); true if any pair swapped.
 */
async function unitSwaps(context: ScoringContext, state: PlanState, shouldStop: () => boolean, pause: () => Promise<void>): Promise<boolean> {
  const { choices, system } = context;
  const L = system.levels.length;
  const at = new Map<number, number[]>();
  for (let u = 0; u < choices.unitCount; u++) {
    const o = state.choiceOf[u]!;
    if (o < 0) continue;
    const key = choices.school[o]! * L + state.levelIndexOf(u);
    const list = at.get(key);
    if (list === undefined) at.set(key, [u]);
    else list.push(u);
  }
  const choiceAt = (v: number, j: number): number => {
    let best = -1;
    for (let o = choices.choiceStart[v]!; o < choices.choiceStart[v + 1]!; o++) {
      if (choices.school[o] === j && (best < 0 || state.choiceChange(v, o) < state.choiceChange(v, best))) best = o;
    }
    return best;
  };
  let changed = false;
  for (let u = 0; u < choices.unitCount && !shouldStop(); u++) {
    await pause();
    const oU = state.choiceOf[u]!;
    if (oU < 0) continue;
    const a = choices.school[oU]!;
    const l = state.levelIndexOf(u);
    const step = IMPROVEMENT_STEP * Math.max(1, Math.abs(state.objective));
    let swapped = false;
    for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]! && !swapped; o++) {
      const b = choices.school[o]!;
      const gain = state.choiceChange(u, o);
      if (b === a || state.open[b] !== 1 || gain >= 0) continue;
      for (const v of at.get(b * L + l) ?? []) {
        const oV = choiceAt(v, a);
        if (oV < 0 || gain + state.choiceChange(v, oV) >= -step) continue;
        const before = state.objective;
        const oldV = state.choiceOf[v]!;
        state.move(u, o);
        state.move(v, oV);
        if (state.objective < before - step && state.schoolFeasible(a) && state.schoolFeasible(b) && state.coverageHolds() && state.limitsHold()) {
          at.set(a * L + l, [...at.get(a * L + l)!.filter((x) => x !== u), v]);
          at.set(b * L + l, [...at.get(b * L + l)!.filter((x) => x !== v), u]);
          swapped = true;
          changed = true;
          break;
        }
        state.move(v, oldV);
        state.move(u, oU);
      }
    }
  }
  return changed;
}

/** Catchment units at school j. */
function unitsAt(context: ScoringContext, state: PlanState, j: number): number[] {
  const units: number[] = [];
  for (let u = 0; u < state.choiceOf.length; u++) {
    const o = state.choiceOf[u]!;
    if (o >= 0 && context.choices.school[o] === j) units.push(u);
  }
  return units;
}

/** Catchment units at any of the schools (by a flag per school). */
function unitsAtAny(context: ScoringContext, state: PlanState, schools: Uint8Array): number[] {
  const units: number[] = [];
  for (let u = 0; u < state.choiceOf.length; u++) {
    const o = state.choiceOf[u]!;
    if (o >= 0 && schools[context.choices.school[o]!] === 1) units.push(u);
  }
  return units;
}

/**
 * Closes school j and sends its units (most pupils first) to their best open choices; returns a flag per school
 * that received any, or null if a unit has no open choice left.
 */
function drain(context: ScoringContext, state: PlanState, j: number): Uint8Array | null {
  const { choices } = context;
  const units = unitsAt(context, state, j).sort((a, b) => choices.unitPupils[b]! - choices.unitPupils[a]! || a - b);
  const receivers = new Uint8Array(context.system.schools.length);
  state.beginDraining(j);
  try {
    for (const u of units) {
      let best = -1;
      let bestChange = Infinity;
      for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
        if (state.open[choices.school[o]!] !== 1) continue;
        const change = state.moveChange(u, o);
        if (change < bestChange) { bestChange = change; best = o; }
      }
      if (best < 0) return null;
      state.move(u, best);
      receivers[choices.school[best]!] = 1;
    }
    return receivers;
  } finally {
    state.endDraining();
  }
}

/** Whether school j may close: open, not required, no split unit there. */
function closable(context: ScoringContext, state: PlanState, j: number): boolean {
  return state.open[j] === 1 && !context.system.schools[j]!.required && state.pinned[j] !== 1;
}

/**
 * Opens closed school j and moves to it, largest gain first, the units whose choice there costs less; returns the
 * units that could move there.
 */
function attract(context: ScoringContext, state: PlanState, j: number): number[] {
  const { choices } = context;
  const reach: number[] = [];
  state.setOpen(j, true);
  const gains: Array<{ unit: number; choice: number; gain: number }> = [];
  for (let u = 0; u < choices.unitCount; u++) {
    const current = state.choiceOf[u]!;
    if (current < 0) continue;
    for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
      if (choices.school[o] !== j) continue;
      reach.push(u);
      const gain = -state.choiceChange(u, o);
      if (gain > 0) gains.push({ unit: u, choice: o, gain });
    }
  }
  gains.sort((a, b) => b.gain - a.gain || a.unit - b.unit);
  for (const { unit, choice } of gains) {
    if (state.choiceOf[unit]! === choice) continue;
    const old = state.choiceOf[unit]!;
    const from = choices.school[old]!;
    state.move(unit, choice);
    if (!state.schoolFeasible(j) || !state.schoolFeasible(from)) state.move(unit, old);
  }
  return reach;
}

/** The units a change at the flagged schools may let move: those there now, and `also`. */
function affected(context: ScoringContext, state: PlanState, schools: Uint8Array, also: readonly number[] = []): number[] {
  return [...new Set([...unitsAtAny(context, state, schools), ...also])].sort((a, b) => a - b);
}

/**
 * Returns a function that yields to the event loop when `intervalMs` have passed since it last did, so that an
 * abort (Ctrl-C, a watchdog) is seen during a long search on the calling thread.
 */
function yielder(intervalMs: number): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < intervalMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}

/** Unit moves and swaps, drops, adds and swaps of schools, in rounds while any lowers the objective. */
async function searchNeighbourhoods(context: ScoringContext, state: PlanState, shouldStop: () => boolean, pause: () => Promise<void>): Promise<void> {
  const m = context.system.schools.length;
  unitMoves(context, state, shouldStop);
  for (let round = 0; round < MAX_ROUNDS && !shouldStop(); round++) {
    let improved = false;
    while (!shouldStop() && (await unitSwaps(context, state, shouldStop, pause))) {
      improved = true;
      unitMoves(context, state, shouldStop);
    }
    // Drop: close each open school in turn.
    for (let j = 0; j < m && !shouldStop(); j++) {
      await pause();
      if (shouldStop() || !closable(context, state, j)) continue;
      const before = state.objective;
      const snapshot = state.snapshot();
      const receivers = drain(context, state, j);
      if (receivers !== null) {
        unitMoves(context, state, shouldStop, affected(context, state, receivers));
        if (state.improvesOn(before)) { improved = true; continue; }
      }
      state.restore(snapshot);
    }
    // Add, or swap: open each closed school in turn, alone or in place of a school it draws pupils from.
    for (let j = 0; j < m && !shouldStop(); j++) {
      await pause();
      const school = context.system.schools[j]!;
      if (shouldStop() || state.open[j] === 1 || school.forbidden) continue;
      const before = state.objective;
      const snapshot = state.snapshot();
      const enrolledBefore = Array.from({ length: m }, (_, k) => state.enrolledAt(k));
      const reach = attract(context, state, j);
      if (state.enrolledAt(j) <= 0) { state.restore(snapshot); continue; }
      const changed = new Uint8Array(m);
      changed[j] = 1;
      for (let k = 0; k < m; k++) if (state.enrolledAt(k) < enrolledBefore[k]! - 1e-9) changed[k] = 1;
      unitMoves(context, state, shouldStop, affected(context, state, changed, reach));
      if (state.improvesOn(before)) { improved = true; continue; }
      const added = state.snapshot();
      const donors = Array.from({ length: m }, (_, k) => k)
        .filter((k) => k !== j && closable(context, state, k) && state.enrolledAt(k) < enrolledBefore[k]! - 1e-9)
        .sort((a, b) => enrolledBefore[b]! - state.enrolledAt(b) - (enrolledBefore[a]! - state.enrolledAt(a)) || a - b)
        .slice(0, SWAP_DONORS);
      let swapped = false;
      for (const k of donors) {
        await pause();
        if (shouldStop()) break;
        const receivers = drain(context, state, k);
        if (receivers !== null) {
          receivers[j] = 1;
          unitMoves(context, state, shouldStop, affected(context, state, receivers, reach));
          if (state.improvesOn(before)) { swapped = true; break; }
        }
        state.restore(added);
      }
      if (swapped) { improved = true; continue; }
      state.restore(snapshot);
    }
    if (!improved) break;
  }
}

/**
 * Improves a feasible plan by local search (see the module documentation). A plan that does not meet every
 * rule is returned unchanged.
 * @param context - system, rules, costs, units and choices
 * @param coverage - the three-schools and resource-room rules
 * @param decisions - a plan meeting every rule (e.g. from the construction heuristic)
 * @param options - objective, limits, stop
 * @returns decisions whose objective is at most the given plan's
 */
export async function improvePlan(context: ScoringContext, coverage: readonly CoverageRule[], decisions: PlanDecisions, options: ImproveOptions): Promise<PlanDecisions> {
  const state = new PlanState(context, coverage, decisions, options.objective, options.limits);
  if (!state.feasible()) return decisions;
  const shouldStop = options.shouldStop ?? (() => false);
  const secondsLeft = options.secondsLeft ?? (() => Infinity);
  const pause = yielder(YIELD_EVERY_MS);
  let reported = state.objective;
  options.onImprove?.(reported);
  const report = (): void => {
    if (state.objective < reported) options.onImprove?.((reported = state.objective));
  };
  const descend = async (): Promise<void> => {
    for (let round = 0; round < MAX_ROUNDS && !shouldStop(); round++) {
      await searchNeighbourhoods(context, state, shouldStop, pause);
      report();
      let reassigned = false;
      for (let l = 0; l < context.system.levels.length && !shouldStop(); l++) {
        await pause();
        if (shouldStop()) break;
        if (await reassignLevel(context, state, l, options.objective, secondsLeft())) {
          reassigned = true;
          report();
        }
      }
      if (!reassigned) break;
    }
  };
  await descend();
  // Iterated local search: close a school picked at random (seeded), descend again, keep the plan if it is better.
  let best = state.snapshot();
  let bestObjective = state.objective;
  let seed = KICK_SEED;
  for (let kick = 0; kick < (options.kicks ?? 0) && !shouldStop(); kick++) {
    const open = Array.from({ length: context.system.schools.length }, (_, j) => j).filter((j) => closable(context, state, j));
    if (open.length === 0) break;
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    if (drain(context, state, open[seed % open.length]!) === null || !state.coverageHolds() || !state.closuresHold()) {
      state.restore(best);
      continue;
    }
    await descend();
    if (state.improvesOn(bestObjective)) {
      best = state.snapshot();
      bestObjective = state.objective;
    } else state.restore(best);
  }
  return state.decisions();
}
