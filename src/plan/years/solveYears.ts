/**
 * The two ways a multi-year plan is solved: the joint MIP over every year and scenario, or — when that would not
 * fit in HiGHS' memory, or when asked — scenario by scenario with the scenarios' plans tried on every scenario.
 * @module
 */
import { estimateHighsBytes, HIGHS_MAX_MODEL_BYTES } from "../../solvers/highsMemory.ts";
import type { LinearModel } from "../../solvers/linearModel.ts";
import type { SolveStatus, SolverName } from "../../solution.ts";
import type { Placement, PlanDecisions } from "../heuristic/decisions.ts";
import type { PlanObjective } from "../rules/options.ts";
import { decodePlanValues, planStartValues } from "../solve/modelValues.ts";
import { checkLinearSolution } from "../../solvers/linearSolution.ts";
import type { ScoringContext } from "../heuristic/score.ts";
import { buildMultiYearModel, type CopyInput } from "./yearModel.ts";
import { solve, withOpenFixed, type YearsSolveSettings } from "./copySolve.ts";
import { polishDecisions } from "./yearPolish.ts";
import { multiYearStartValues, sequentialDecisions } from "./yearStart.ts";
import type { MultiYearPlanOptions, YearWeight } from "./yearOptions.ts";
import { yearPlansFromDecisions } from "./yearPlans.ts";

/** How a multi-year plan was solved: `joint` (one MIP) or `byScenario` (scenario by scenario; see {@link MultiYearPlanOptions.method}). */
export type YearsMethod = "joint" | "byScenario";

export type { YearsSolveSettings } from "./copySolve.ts";

/** What a solve of the years returns. */
export interface YearsSolve {
  readonly status: SolveStatus;
  /** Decisions by year then scenario, or null without a plan. */
  readonly decisions: PlanDecisions[][] | null;
  /** The proven bound on the objective, or null. */
  readonly bound: number | null;
  readonly method: YearsMethod;
  readonly solver: SolverName | "none";
  readonly variables: number;
  readonly constraints: number;
  readonly nodes?: number;
  /** True when by scenario no schedule met the rules in every scenario (no plan, nothing proven). */
  readonly unshared?: boolean;
}


/** The share of the time limit the scenarios' own MIPs get, by scenario; the trials get the rest. */
const SCENARIO_SHARE = 0.5;

/** Of a scenario's time, the share its warm start's heuristic gets (spread over the plan years). */
const HEURISTIC_SHARE = 0.25;

/** Without a time limit, the heuristic's seconds per plan year. */
const HEURISTIC_SECONDS_UNLIMITED = 5;

/** The weight g_ts of year t and scenario s in the objective (travel: divided by Σ_t w_t). */
export function copyWeight(weights: readonly YearWeight[], probabilities: readonly number[], objective: PlanObjective, t: number, s: number): number {
  const total = objective === "travel" ? weights.reduce((sum, w) => sum + w.weight, 0) : 1;
  return (weights[t]!.weight * probabilities[s]!) / total;
}

/** Whether the joint model of these copies would fit in HiGHS' memory (estimated from the copies' sizes). */
export function jointFits(copies: readonly (readonly CopyInput[])[]): boolean {
  let columns = 0;
  let rows = 0;
  let nonzeros = 0;
  for (const row of copies) for (const { model } of row) {
    columns += model.linear.columnCount;
    rows += model.linear.rowCount;
    nonzeros += model.linear.coefficients.length;
  }
  const m = copies[0]![0]!.context.system.schools.length;
  const linking = m * copies.length * (copies[0]!.length + 6);
  return estimateHighsBytes({ columns: columns + 2 * m * copies.length, rows: rows + linking, nonzeros: nonzeros + 3 * linking, integer: true }) <= HIGHS_MAX_MODEL_BYTES;
}


/**
 * The joint MIP of every year and scenario ({@link buildMultiYearModel}).
 * @param copies - by year then scenario
 * @param weights - the plan years' weights
 * @param probabilities - the scenarios' probabilities
 * @param settings - solve options and time
 * @param startDecisions - decisions of every copy (by year then scenario) for a warm start; dropped where they
 *   do not give a solution of the model
 */
export async function solveJoint(
  copies: readonly (readonly CopyInput[])[],
  weights: readonly YearWeight[],
  probabilities: readonly number[],
  settings: YearsSolveSettings,
  startDecisions?: readonly (readonly PlanDecisions[])[] | null,
): Promise<YearsSolve> {
  const model = buildMultiYearModel(copies, weights, probabilities, settings.objective);
  const start = startDecisions === undefined || startDecisions === null ? undefined : multiYearStartValues(model, startDecisions) ?? undefined;
  const result = await solve(model.linear, settings, settings.seconds, start);
  const decisions = result.values === null || result.status === "infeasible"
    ? null
    : model.copies.map((row) => row.map((copy) => decodePlanValues(copy.model, copy.context, result.values!.subarray(copy.columnOffset, copy.columnOffset + copy.model.linear.columnCount))));
  return {
    status: result.status,
    decisions,
    bound: result.bound === null ? null : result.bound * model.objectiveScale + model.objectiveOffset,
    method: "joint",
    solver: result.solver,
    variables: model.linear.columnCount,
    constraints: model.linear.rowCount,
    ...(result.nodes === undefined ? {} : { nodes: result.nodes }),
  };
}

/**
 * Decisions of one copy carried to another of the same year (the same schools open): each placement moved to the
 * unit of the same settlement and level; null where a unit has no counterpart.
 */
function carryDecisions(from: ScoringContext, to: ScoringContext, decisions: PlanDecisions): PlanDecisions | null {
  const unitOf = new Map<string, number>();
  for (let u = 0; u < to.choices.unitCount; u++) unitOf.set(`${to.choices.unitSettlement[u]}:${to.choices.unitLevel[u]}`, u);
  const placements: Placement[] = [];
  for (const placement of decisions.placements) {
    const unit = unitOf.get(`${from.choices.unitSettlement[placement.unit]}:${from.choices.unitLevel[placement.unit]}`);
    if (unit === undefined) return null;
    placements.push({ ...placement, unit });
  }
  return { ...decisions, placements };
}

/**
 * A warm start for a copy with its schools fixed: another scenario's decisions of that year carried over, where
 * they give a solution the model accepts (classes and additions follow the carried pupils).
 */
function carriedStart(copy: CopyInput, linear: LinearModel, from: CopyInput, decisions: PlanDecisions): Float64Array | undefined {
  const carried = carryDecisions(from.context, copy.context, decisions);
  if (carried === null) return undefined;
  const values = planStartValues(copy.model, copy.context, carried);
  return values !== null && checkLinearSolution(linear, values) === null ? values : undefined;
}


/**
 * The expected objective of year plans: Σ_ts g_ts × (the year's annual cost, or its mean minutes).
 * @param plans - by year then scenario
 */
export function expectedObjective(
  plans: readonly (readonly { readonly costs: { readonly total: number }; readonly travel: { readonly meanMinutes: number } }[])[],
  weights: readonly YearWeight[],
  probabilities: readonly number[],
  objective: PlanObjective,
): number {
  let value = 0;
  plans.forEach((row, t) => row.forEach((plan, s) => {
    value += copyWeight(weights, probabilities, objective, t, s) * (objective === "cost" ? plan.costs.total : plan.travel.meanMinutes);
  }));
  return value;
}

/** A scenario's own multi-year plan: its schedule of open schools, its decisions, its value and bound. */
export interface ScenarioAlone {
  /** The scenario's index. */
  readonly s: number;
  /** Per plan year, the open schools (1) of its plan. */
  readonly schedule: Uint8Array[];
  /** Its decisions per plan year (they need no trial in their own scenario). */
  readonly decisions: PlanDecisions[];
  /** Its objective: Σ_t w_t × the year's cost (or the weighted mean minutes). */
  readonly value: number;
  /** The proven bound on that scenario's own optimum, or null. */
  readonly bound: number | null;
}

/** What {@link solveScenariosAlone} returns: each scenario's own plan, or the result that ends the solve. */
export interface ScenariosAlone {
  /** The scenarios with a plan, in scenario order. */
  readonly own: readonly ScenarioAlone[];
  /** Per scenario, its proven bound (null where none). */
  readonly bounds: readonly (number | null)[];
  /** A scenario's solve that was not optimal (its status), or null. */
  readonly stopped: SolveStatus | null;
  /** Set when a scenario is infeasible or the solve aborted: the solve's answer. */
  readonly end?: YearsSolve;
  readonly solver: SolverName | "none";
  readonly variables: number;
  readonly constraints: number;
}

/**
 * Each scenario's multi-year MIP on its own (its years linked as in the joint model), warm-started by its years
 * planned one after another by the heuristic ({@link sequentialDecisions}).
 * @param copies - by year then scenario
 * @param weights - the plan years' weights
 * @param settings - solve options; `seconds` is the time for all the scenarios together
 */
export async function solveScenariosAlone(copies: readonly (readonly CopyInput[])[], weights: readonly YearWeight[], settings: YearsSolveSettings): Promise<ScenariosAlone> {
  const S = copies[0]!.length;
  const T = copies.length;
  let variables = 0;
  let constraints = 0;
  let solver: SolverName | "none" = "none";
  const own: ScenarioAlone[] = [];
  const bounds: (number | null)[] = [];
  let stopped: SolveStatus | null = null;
  for (let s = 0; s < S; s++) {
    const copiesOfS = copies.map((row) => [row[s]!]);
    const began = performance.now();
    const share = settings.seconds === undefined ? undefined : settings.seconds / S;
    // The warm start: the years planned one after another by the heuristic (a share of the time, or a few
    // seconds a year without a limit).
    const heuristicSeconds = (share === undefined ? HEURISTIC_SECONDS_UNLIMITED * T : HEURISTIC_SHARE * share) / T;
    const sequential = await sequentialDecisions(copiesOfS.map((row) => row[0]!), settings.objective, heuristicSeconds, () => settings.solve.signal?.aborted === true);
    const seconds = share === undefined ? undefined : share - (performance.now() - began) / 1000;
    const result = await solveJoint(copiesOfS, weights, [1], { ...settings, seconds }, sequential?.map((d) => [d]));
    variables = Math.max(variables, result.variables);
    constraints = Math.max(constraints, result.constraints);
    solver = result.solver;
    const base = { own, bounds, stopped, solver, variables, constraints };
    if (result.status === "infeasible") return { ...base, end: { ...result, decisions: null, bound: null, method: "byScenario", variables, constraints } };
    if (result.status === "aborted") return { ...base, end: { ...result, decisions: null, method: "byScenario", variables, constraints } };
    if (result.status !== "optimal") stopped = result.status;
    bounds.push(result.bound);
    if (result.decisions === null) continue;
    const decisions = result.decisions.map((row) => row[0]!);
    const plans = yearPlansFromDecisions(copiesOfS.map((row) => row.map((c) => c.context)), decisions.map((d) => [d])).plans;
    own.push({ schedule: decisions.map((d) => d.open), decisions, value: expectedObjective(plans, weights, [1], settings.objective), bound: result.bound, s });
  }
  return { own, bounds, stopped, solver, variables, constraints };
}

/** Scores decisions of every year and scenario (lower is better): the expected objective, or the largest regret. */
export type ScheduleScore = (decisions: PlanDecisions[][]) => number;

/**
 * Tries each scenario's own schedule of open schools (the cheapest first), and their union year by year, on every
 * other year and scenario (the single-year model with those schools fixed open or closed; warm-started by the
 * schedule's own scenario's decisions of that year, carried over), and keeps the best by `score` that meets the
 * rules everywhere.
 * @param copies - by year then scenario
 * @param alone - each scenario's own plan ({@link solveScenariosAlone})
 * @param score - what "best" means
 * @param settings - solve options; `seconds` is the time for all the trials
 * @returns the best decisions and their score, whether a trial's solve stopped early, and whether one aborted
 */
export async function tryScenarioSchedules(
  copies: readonly (readonly CopyInput[])[],
  alone: ScenariosAlone,
  score: ScheduleScore,
  settings: YearsSolveSettings,
): Promise<TrialResult> {
  const S = copies[0]!.length;
  const T = copies.length;
  const m = copies[0]![0]!.context.system.schools.length;
  const started = performance.now();
  const left = (): number | undefined => (settings.seconds === undefined ? undefined : settings.seconds - (performance.now() - started) / 1000);
  const own = [...alone.own].sort((a, b) => a.value - b.value);
  const trials: { schedule: Uint8Array[]; of?: ScenarioAlone }[] = own.map((o) => ({ schedule: o.schedule, of: o }));
  if (own.length > 1) trials.push({ schedule: Array.from({ length: T }, (_, t) => Uint8Array.from({ length: m }, (_, j) => (own.some((o) => o.schedule[t]![j] === 1) ? 1 : 0))) });
  const seen = new Set<string>();
  const distinct = trials.filter(({ schedule }) => {
    const key = schedule.map((row) => row.join("")).join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let stopped: SolveStatus | null = null;
  let best: { decisions: PlanDecisions[][]; value: number } | null = null;
  for (const [k, trial] of distinct.entries()) {
    const decisions: PlanDecisions[][] = [];
    let ok = true;
    const remainingTrials = distinct.length - k;
    const trialSeconds = left() === undefined ? undefined : left()! / remainingTrials;
    const trialStarted = performance.now();
    const solvesInTrial = T * (trial.of === undefined ? S : S - 1);
    let solvesDone = 0;
    for (let t = 0; t < T && ok; t++) {
      const row: PlanDecisions[] = [];
      for (let s = 0; s < S && ok; s++) {
        if (trial.of !== undefined && trial.of.s === s) {
          row.push(trial.of.decisions[t]!);
          continue;
        }
        const copy = copies[t]![s]!;
        const seconds = trialSeconds === undefined ? undefined : (trialSeconds - (performance.now() - trialStarted) / 1000) / (solvesInTrial - solvesDone);
        solvesDone++;
        const fixed = withOpenFixed(copy, trial.schedule[t]!);
        const start = trial.of === undefined ? undefined : carriedStart(copy, fixed, copies[t]![trial.of.s]!, trial.of.decisions[t]!);
        const result = await solve(fixed, settings, seconds, start);
        if (result.status === "aborted") return { best, stopped, aborted: true };
        if (result.values === null || result.status === "infeasible") { ok = false; break; }
        if (result.status !== "optimal") stopped = result.status;
        row.push(decodePlanValues(copy.model, copy.context, result.values));
      }
      decisions.push(row);
    }
    if (!ok) continue;
    const value = score(decisions);
    if (best === null || value < best.value) best = { decisions, value };
  }
  return { best, stopped, aborted: false };
}

/** Of the time after the scenarios' own MIPs, the share the trials get; the second stage gets the rest. */
export const TRIAL_SHARE = 0.75;

/** What {@link tryScenarioSchedules} and {@link polishBest} return. */
export interface TrialResult {
  /** The best decisions and their score, or null. */
  readonly best: { decisions: PlanDecisions[][]; value: number } | null;
  /** A solve that stopped before proving its optimum (its status), or null. */
  readonly stopped: SolveStatus | null;
  /** Whether a solve was aborted. */
  readonly aborted: boolean;
}

/**
 * The second stage on the best trial ({@link polishDecisions}): kept where it scores better.
 * @param copies - by year then scenario
 * @param tried - the trials' result
 * @param score - what "best" means
 * @param settings - solve options; `seconds` is the time for the re-solves
 */
export async function polishBest(copies: readonly (readonly CopyInput[])[], tried: TrialResult, score: ScheduleScore, settings: YearsSolveSettings): Promise<TrialResult> {
  if (tried.best === null) return tried;
  const polished = await polishDecisions(copies, tried.best.decisions, settings);
  const value = score(polished.decisions);
  const best = value <= tried.best.value ? { decisions: polished.decisions, value } : tried.best;
  return { best, stopped: tried.stopped ?? polished.stopped, aborted: polished.aborted };
}

/**
 * Scenario by scenario: each scenario's multi-year MIP on its own ({@link solveScenariosAlone}), which gives each
 * scenario's plan and bound; the expected bound Σ_s p_s × bound_s is a proven bound on the joint problem (each
 * scenario's plan may differ from the others, so it costs at most what one shared plan costs: the wait-and-see
 * bound). Then the scenarios' schedules are tried on every scenario ({@link tryScenarioSchedules}) and the best
 * by expected objective that meets the rules everywhere is the plan, its pupils placed again with its schools and
 * additions fixed ({@link polishDecisions}). Its gap to the expected bound is the price of one plan for all
 * scenarios plus the solver's gaps.
 * @param copies - by year then scenario
 * @param weights - the plan years' weights
 * @param probabilities - the scenarios' probabilities
 * @param settings - solve options and time (half for the scenarios' MIPs, the rest for the trials and the second stage)
 */
export async function solveByScenario(copies: readonly (readonly CopyInput[])[], weights: readonly YearWeight[], probabilities: readonly number[], settings: YearsSolveSettings): Promise<YearsSolve> {
  const started = performance.now();
  const alone = await solveScenariosAlone(copies, weights, { ...settings, seconds: settings.seconds === undefined ? undefined : SCENARIO_SHARE * settings.seconds });
  const { solver, variables, constraints } = alone;
  if (alone.end !== undefined) return alone.end;
  const bound = alone.bounds.every((b) => b !== null) ? alone.bounds.reduce<number>((sum, b, s) => sum + probabilities[s]! * b!, 0) : null;
  const contexts = copies.map((row) => row.map((c) => c.context));
  const score: ScheduleScore = (decisions) => expectedObjective(yearPlansFromDecisions(contexts, decisions).plans, weights, probabilities, settings.objective);
  const left = (): number | undefined => (settings.seconds === undefined ? undefined : settings.seconds - (performance.now() - started) / 1000);
  const tried = await tryScenarioSchedules(copies, alone, score, { ...settings, seconds: left() === undefined ? undefined : TRIAL_SHARE * left()! });
  const { best, stopped, aborted } = tried.aborted ? tried : await polishBest(copies, tried, score, { ...settings, seconds: left() });
  if (aborted) return { status: "aborted", decisions: best?.decisions ?? null, bound, method: "byScenario", solver, variables, constraints };
  // Without a shared plan, nothing is proven infeasible: the tried schedules failed (reported as stopped).
  const status: SolveStatus = best === null ? "timeLimit" : alone.stopped === null && stopped === null ? "optimal" : "feasible";
  return { status, decisions: best?.decisions ?? null, bound, method: "byScenario", solver, variables, constraints, ...(best === null ? { unshared: true } : {}) };
}
