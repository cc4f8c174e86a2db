/**
 * Trusteeship pairing (托管帮扶, 结对帮扶): each supported school gets one supporting school, within a travel limit
 * and each supporting school's capacity, at the least total of travel less the pairs' preference — a
 * transportation problem (Hitchcock 1941; its constraint matrix is totally unimodular, so the LP optimum is whole
 * and the MIP below is proven at its root). Infeasible answers say why in numbers: a school no supporting school
 * reaches, too little capacity in all, or a group of schools whose reachable supporters are too few for them
 * (Hall's condition, found from a largest partial pairing).
 *
 * Symbols: x_ij = 1 when helped school i is paired with helper j (pairs within the limit only), c_ij = minutes_ij −
 * w · score_ij (w: `scoreMinutes`), k_j the helper's capacity.
 * ```
 * minimise  Σ_ij c_ij x_ij
 * s.t.      Σ_j x_ij = 1      every helped school i
 *           Σ_i x_ij ≤ k_j    every helper j
 *           x_ij ∈ {0, 1}
 * ```
 * @module
 */
import { costOf, type CostMatrix } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import { checkOptionNames, checkSchoolIds, checkTravelMinutes } from "./checks.ts";
import { LinearModelBuilder } from "../solvers/linearModel.ts";
import type { SolveOptions } from "../solvers/options.ts";
import { solveLinearModel } from "../solvers/solve.ts";
import type { SolveStatistics, SolveStatus } from "../solution.ts";

/** A supporting school: its id and how many schools it may support. */
export interface PairingHelper {
  /** School id. */
  readonly id: string;
  /** The most supported schools it takes, a whole number ≥ 0. */
  readonly capacity: number;
}

/** A supported school. */
export interface PairingHelped {
  /** School id. */
  readonly id: string;
}

/** Options of {@link pairSchools}. */
export interface PairingOptions extends Pick<SolveOptions, "solver" | "timeLimitSeconds" | "signal"> {
  /**
   * One-way minutes, rows the helped schools × columns the helpers, in their order (a {@link CostMatrix} in
   * minutes, e.g. from the travel module or a cost table); `Infinity` or a pair not stored: no pair.
   */
  readonly travelMinutes: CostMatrix;
  /** The longest trip of a pair, minutes. Default no limit (every stored pair). */
  readonly maxTravelMinutes?: number;
  /**
   * The preference of each pair (higher is better; e.g. the helper's quality score less the helped school's),
   * by helped index i and helper index j; finite numbers. Default none (0).
   */
  readonly score?: (helped: number, helper: number) => number;
  /** How many minutes of travel one unit of score is worth in the objective. Default 1 (with a score). */
  readonly scoreMinutes?: number;
}

/** One pair of the answer. */
export interface SchoolPair {
  /** The supporting school's id. */
  readonly helper: string;
  /** The supported school's id. */
  readonly helped: string;
  /** One-way minutes between them. */
  readonly travelMinutes: number;
  /** The pair's score (0 without a score). */
  readonly score: number;
}

/** Why no pairing meets the rules. */
export interface PairingReason {
  /**
   * `unreachable` (a helped school with no helper within the limit), `capacity` (fewer places than helped schools),
   * `crowded` (helped schools whose reachable helpers have too few places between them).
   */
  readonly code: "unreachable" | "capacity" | "crowded";
  /** One English sentence with the numbers. */
  readonly message: string;
  /** The helped schools concerned. */
  readonly helped: readonly string[];
  /** The helpers concerned. */
  readonly helpers: readonly string[];
}

/** The answer of {@link pairSchools}. */
export interface Pairing {
  /** `optimal`, `infeasible`, or `timeLimit` / `aborted` (with the best pairing found, if any). */
  readonly status: SolveStatus;
  /** Σ (minutes − scoreMinutes × score) over the pairs, or null without a pairing. */
  readonly objective: number | null;
  /** The proven bound, or null. */
  readonly bound: number | null;
  /** (objective − bound) ÷ |objective|, or null. */
  readonly gap: number | null;
  /** One pair per helped school, in their order; empty without a pairing. */
  readonly pairs: readonly SchoolPair[];
  /** Total minutes and total score of the pairs. */
  readonly totals: PairingTotals;
  /** Why there is no pairing; empty otherwise. */
  readonly reasons: readonly PairingReason[];
  /** The backend, seconds, and the model's size. */
  readonly statistics: SolveStatistics;
}

/** The totals of a pairing. */
export interface PairingTotals {
  /** Σ one-way minutes over the pairs. */
  readonly travelMinutes: number;
  /** Σ score over the pairs. */
  readonly score: number;
}


/** The pairs within the limit: for each, helped i, helper j, minutes, score and cost. */
interface Candidates {
  readonly helped: Int32Array;
  readonly helper: Int32Array;
  readonly minutes: Float64Array;
  readonly score: Float64Array;
  readonly cost: Float64Array;
}

function candidatePairs(helpers: readonly PairingHelper[], helped: readonly PairingHelped[], options: PairingOptions, limit: number, weight: number): Candidates {
  const rows: number[][] = [[], [], [], [], []];
  for (let i = 0; i < helped.length; i++) {
    for (let j = 0; j < helpers.length; j++) {
      const minutes = costOf(options.travelMinutes, i, j);
      if (!(minutes <= limit) || minutes === Infinity) continue;
      const score = options.score === undefined ? 0 : options.score(i, j);
      if (typeof score !== "number" || !Number.isFinite(score)) {
        throw new InputError({ source: "score", field: `pair (helped ${helped[i]!.id}, helper ${helpers[j]!.id})`, value: score }, "must be a finite number");
      }
      rows[0]!.push(i);
      rows[1]!.push(j);
      rows[2]!.push(minutes);
      rows[3]!.push(score);
      rows[4]!.push(minutes - weight * score);
    }
  }
  return { helped: Int32Array.from(rows[0]!), helper: Int32Array.from(rows[1]!), minutes: Float64Array.from(rows[2]!), score: Float64Array.from(rows[3]!), cost: Float64Array.from(rows[4]!) };
}

/** The reasons found before solving: schools no helper reaches, and too little capacity in all. */
function obviousReasons(helpers: readonly PairingHelper[], helped: readonly PairingHelped[], options: PairingOptions, limit: number, pairs: Candidates): PairingReason[] {
  const reasons: PairingReason[] = [];
  const reached = new Uint8Array(helped.length);
  for (let k = 0; k < pairs.helped.length; k++) if (helpers[pairs.helper[k]!]!.capacity > 0) reached[pairs.helped[k]!] = 1;
  helped.forEach((school, i) => {
    if (reached[i] === 1) return;
    let nearest = -1;
    let minutes = Infinity;
    helpers.forEach((helper, j) => {
      const m = costOf(options.travelMinutes, i, j);
      if (helper.capacity > 0 && m < minutes) { minutes = m; nearest = j; }
    });
    const limitText = limit === Infinity ? "" : ` within ${limit} min`;
    reasons.push({
      code: "unreachable",
      message: nearest < 0 ? `${school.id}: no helper with capacity has a trip to it` : `${school.id}: no helper with capacity${limitText}; the nearest, ${helpers[nearest]!.id}, is ${minutes.toFixed(1)} min away`,
      helped: [school.id],
      helpers: nearest < 0 ? [] : [helpers[nearest]!.id],
    });
  });
  const places = helpers.reduce((sum, helper) => sum + helper.capacity, 0);
  if (places < helped.length) {
    reasons.push({ code: "capacity", message: `the helpers take ${places} schools in all, fewer than the ${helped.length} to support`, helped: [], helpers: [] });
  }
  return reasons;
}

/**
 * The helped schools a largest partial pairing leaves out, and every school reachable from them by alternating
 * paths (a pair allowed, then the pairing): together a group whose helpers are all full (Hall's condition broken).
 */
function crowdedGroup(helpers: readonly PairingHelper[], helped: readonly PairingHelped[], pairs: Candidates, chosen: Uint8Array): PairingReason {
  const byHelped: number[][] = helped.map(() => []);
  for (let k = 0; k < pairs.helped.length; k++) byHelped[pairs.helped[k]!]!.push(k);
  const pairedTo = new Int32Array(helped.length).fill(-1);
  const members: number[][] = helpers.map(() => []);
  for (let k = 0; k < chosen.length; k++) {
    if (chosen[k] !== 1) continue;
    pairedTo[pairs.helped[k]!] = pairs.helper[k]!;
    members[pairs.helper[k]!]!.push(pairs.helped[k]!);
  }
  const seenHelped = new Uint8Array(helped.length);
  const seenHelper = new Uint8Array(helpers.length);
  const queue: number[] = [];
  helped.forEach((_, i) => { if (pairedTo[i] === -1) { seenHelped[i] = 1; queue.push(i); } });
  while (queue.length > 0) {
    const i = queue.shift()!;
    for (const k of byHelped[i]!) {
      const j = pairs.helper[k]!;
      if (seenHelper[j] === 1) continue;
      seenHelper[j] = 1;
      for (const other of members[j]!) if (seenHelped[other] === 0) { seenHelped[other] = 1; queue.push(other); }
    }
  }
  const group = helped.filter((_, i) => seenHelped[i] === 1).map((s) => s.id);
  const reach = helpers.filter((_, j) => seenHelper[j] === 1);
  const places = reach.reduce((sum, h) => sum + h.capacity, 0);
  return {
    code: "crowded",
    message: `${group.length} helped schools (${group.join(", ")}) reach only ${reach.length} helpers (${reach.map((h) => h.id).join(", ") || "none"}) with ${places} places between them`,
    helped: group,
    helpers: reach.map((h) => h.id),
  };
}

/**
 * Pairs each supported school with one supporting school (trusteeship, 托管帮扶; see the module documentation):
 * the least Σ (minutes − scoreMinutes × score) with each helper taking at most its capacity and every pair within
 * `maxTravelMinutes`. Exact: proven optimal, or infeasible with the reasons in numbers.
 * @param helpers - the supporting schools with their capacities (the travel matrix's columns, in order)
 * @param helped - the supported schools (the travel matrix's rows, in order)
 * @param options - `travelMinutes` (required), `maxTravelMinutes`, `score`, `scoreMinutes`, solver, time limit, signal
 * @returns status, objective, bound, gap, the pairs (one per helped school), totals and reasons
 * @throws InputError on an unknown option, scoreMinutes without score, a missing or repeated id, a capacity that is not a whole number ≥ 0, a matrix of another
 *   shape or unit, a limit ≤ 0, a score that is not a finite number (naming the pair)
 * @throws SolverError when the backend fails
 * @example
 * ```ts
 * const pairing = await pairSchools([{ id: "县一中", capacity: 2 }], [{ id: "甲中学" }, { id: "乙中学" }], { travelMinutes: denseCostMatrix([20, 35], 2, 1, "minutes"), maxTravelMinutes: 60 });
 * pairing.pairs; // [{ helper: "县一中", helped: "甲中学", travelMinutes: 20, score: 0 }, …]
 * ```
 */
export async function pairSchools(helpers: readonly PairingHelper[], helped: readonly PairingHelped[], options: PairingOptions): Promise<Pairing> {
  const started = performance.now();
  checkSchoolIds(helpers, "helpers");
  checkSchoolIds(helped, "helped");
  helpers.forEach((helper, index) => {
    if (!Number.isInteger(helper.capacity) || helper.capacity < 0) throw new InputError({ source: "helpers", index, id: helper.id, field: "capacity", value: helper.capacity }, "must be a whole number ≥ 0");
  });
  checkOptionNames(options, ["travelMinutes", "maxTravelMinutes", "score", "scoreMinutes", "solver", "timeLimitSeconds", "signal"], "pairSchools");
  if (options?.scoreMinutes !== undefined && options.score === undefined) throw new InputError({ source: "options", field: "scoreMinutes", value: options.scoreMinutes }, "goes with score: it weighs the score against travel");
  checkTravelMinutes(options?.travelMinutes, helped.length, helpers.length, { required: "a cost matrix in minutes, rows helped × columns helpers", shape: "have a row per helped school and a column per helper" });
  const limit = options.maxTravelMinutes ?? Infinity;
  if (typeof limit !== "number" || !(limit > 0)) throw new InputError({ source: "options", field: "maxTravelMinutes", value: limit }, "must be a number of minutes > 0");
  const weight = options.scoreMinutes ?? 1;
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) throw new InputError({ source: "options", field: "scoreMinutes", value: weight }, "must be a finite number ≥ 0");
  if (options.score !== undefined && typeof options.score !== "function") throw new InputError({ source: "options", field: "score", value: options.score }, "must be a function (helped index, helper index) → number");
  const pairs = candidatePairs(helpers, helped, options, limit, weight);
  const seconds = (): number => (performance.now() - started) / 1000;
  const none = { objective: null, bound: null, gap: null, pairs: [], totals: { travelMinutes: 0, score: 0 } };
  const early = obviousReasons(helpers, helped, options, limit, pairs);
  if (early.length > 0) return { status: "infeasible", ...none, reasons: early, statistics: { solver: "none", seconds: seconds(), variables: pairs.cost.length, constraints: 0 } };

  const builder = new LinearModelBuilder("minimize");
  for (let k = 0; k < pairs.cost.length; k++) builder.addColumn(pairs.cost[k]!, 0, 1, true);
  const byHelped: number[][] = helped.map(() => []);
  const byHelper: number[][] = helpers.map(() => []);
  for (let k = 0; k < pairs.cost.length; k++) {
    byHelped[pairs.helped[k]!]!.push(k);
    byHelper[pairs.helper[k]!]!.push(k);
  }
  for (const columns of byHelped) builder.addRow(columns, columns.map(() => 1), 1, 1);
  helpers.forEach((helper, j) => { if (byHelper[j]!.length > 0) builder.addRow(byHelper[j]!, byHelper[j]!.map(() => 1), -Infinity, helper.capacity); });
  const model = builder.build();
  const solveOptions = {
    ...(options.solver === undefined ? {} : { solver: options.solver }),
    ...(options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const result = await solveLinearModel(model, solveOptions);
  const statistics = { solver: result.solver, seconds: seconds(), variables: model.columnCount, constraints: model.rowCount };
  if (result.status === "infeasible") {
    // The largest partial pairing (each helped school at most once) shows the group that cannot all be paired.
    const partial = new LinearModelBuilder("maximize");
    for (let k = 0; k < pairs.cost.length; k++) partial.addColumn(1, 0, 1, true);
    for (const columns of byHelped) partial.addRow(columns, columns.map(() => 1), -Infinity, 1);
    helpers.forEach((helper, j) => { if (byHelper[j]!.length > 0) partial.addRow(byHelper[j]!, byHelper[j]!.map(() => 1), -Infinity, helper.capacity); });
    const largest = await solveLinearModel(partial.build(), solveOptions);
    const chosen = Uint8Array.from(largest.values ?? new Float64Array(pairs.cost.length), (v) => (v > 0.5 ? 1 : 0));
    return { status: "infeasible", ...none, reasons: [crowdedGroup(helpers, helped, pairs, chosen)], statistics: { ...statistics, seconds: seconds() } };
  }
  if (result.values === null) return { status: result.status, ...none, bound: result.bound, reasons: [], statistics };
  const found: SchoolPair[] = new Array<SchoolPair>(helped.length);
  let objective = 0;
  let travelMinutes = 0;
  let score = 0;
  for (let k = 0; k < pairs.cost.length; k++) {
    if (result.values[k]! < 0.5) continue;
    const i = pairs.helped[k]!;
    found[i] = { helper: helpers[pairs.helper[k]!]!.id, helped: helped[i]!.id, travelMinutes: pairs.minutes[k]!, score: pairs.score[k]! };
    objective += pairs.cost[k]!;
    travelMinutes += pairs.minutes[k]!;
    score += pairs.score[k]!;
  }
  const bound = result.bound;
  const gap = bound === null ? null : Math.abs(objective - bound) / Math.max(Math.abs(objective), 1e-10);
  const status: SolveStatus = result.status === "optimal" && gap !== null && gap > 1e-6 ? "feasible" : result.status;
  return { status, objective, bound, gap, pairs: found, totals: { travelMinutes, score }, reasons: [], statistics };
}
