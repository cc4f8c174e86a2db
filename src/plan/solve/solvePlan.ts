/**
 * Preparing and solving one school-plan MIP: rules and costs resolved, units and choices listed, reasons seen
 * before solving, the model built, the heuristic's warm start checked, the solver run and its answer decoded
 * and recomputed. {@link planSchools} and the trade-off curve call it.
 * @module
 */
import { InputError } from "../../errors.ts";
import { relativeGap, type SolveStatus } from "../../solution.ts";
import { lpRelaxation } from "../../solvers/linearModel.ts";
import { checkLinearSolution } from "../../solvers/linearSolution.ts";
import type { LinearResult, SolveProgress } from "../../solvers/options.ts";
import { solveLinearModel } from "../../solvers/solve.ts";
import { assignmentChoices } from "../heuristic/choices.ts";
import { constructPlan } from "../heuristic/construct.ts";
import { planDeadline } from "./deadline.ts";
import type { SolverName } from "../../solution.ts";
import { coverageRules, type CoverageRule } from "../rules/coverageRules.ts";
import type { PlanDecisions } from "../heuristic/decisions.ts";
import { presolveReasons } from "./diagnose.ts";
import { explainInfeasiblePlan } from "./explainConflict.ts";
import { PlanProgress } from "./planProgress.ts";
import { improvePlan } from "../heuristic/localSearch.ts";
import { buildPlanModel, planObjectiveValue } from "./model.ts";
import { decodePlanValues, planStartValues } from "./modelValues.ts";
import { PLAN_OPTION_NAMES, type PlanObjective, type PlanOptions } from "../rules/options.ts";
import type { Plan, PlanScore } from "../result/result.ts";
import { resolvePlanRules, type PlanRules } from "../rules/rules.ts";
import { resolvePlanCosts, schoolCostTable } from "../rules/schoolCosts.ts";
import { scoreDecisions, type ScoringContext } from "../heuristic/score.ts";
import type { SchoolSystem } from "../system/system.ts";

/** A plan's solve, before the status quo and the trade-off are added. */
export interface PlanSolve {
  readonly status: SolveStatus;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly source: Plan["source"];
  readonly score: PlanScore | null;
  readonly reasons: Plan["reasons"];
  readonly statistics: Plan["statistics"];
}

/** Everything a solve of one plan needs, prepared once and shared by the trade-off's solves. */
export interface PreparedPlan {
  readonly context: ScoringContext;
  readonly coverage: readonly CoverageRule[];
}

/** The heuristic (with the LP relaxation before it) may run until this share of the time limit has passed. */
const LOCAL_SEARCH_SHARE = 0.5;

/** Kicks of iterated local search under a time limit (they stop with the heuristic's share of the time). */
const KICKS = 20;

/** The longest delay a timer takes (2^31 − 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The share of the time left that the LP relaxation (the fallback bound) may use before the MIP. */
const RELAXATION_SHARE = 0.5;

/**
 * The heuristic plan: construction from the existing schools (or from the schools the LP relaxation opens at
 * least half, `lpOpen`, falling back to the existing ones where that fails), then the local search.
 */
async function heuristicPlan(
  context: ScoringContext,
  coverage: readonly CoverageRule[],
  objective: PlanObjective,
  options: {
    readonly shouldStop: () => boolean;
    readonly secondsLeft: () => number;
    readonly onImprove: (objective: number) => void;
    readonly kicks: number;
    readonly lpOpen?: Uint8Array;
  },
): Promise<PlanDecisions | null> {
  const constructed =
    (options.lpOpen === undefined ? null : constructPlan(context, coverage, objective, options.shouldStop, options.lpOpen)) ??
    constructPlan(context, coverage, objective, options.shouldStop);
  if (constructed === null) return null;
  const { rules } = context;
  return improvePlan(context, coverage, constructed, {
    objective,
    limits: { budgetYuanPerYear: rules.budgetYuanPerYear, maxMeanTravelMinutes: rules.maxMeanTravelMinutes },
    shouldStop: options.shouldStop,
    secondsLeft: options.secondsLeft,
    onImprove: options.onImprove,
    kicks: options.kicks,
  });
}

/**
 * The solve's result, or — when it has not answered `ms` milliseconds from now (the hard stop after the limit) —
 * a result stopped by the time limit without a solution. The abandoned solve's worker is ended by its runner once
 * the watchdog has fired; its late answer or error is ignored.
 */
async function byHardStop(solve: Promise<LinearResult>, ms: number, solver: SolverName): Promise<LinearResult> {
  if (!(ms <= MAX_TIMER_MS)) return solve;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = performance.now();
  const stopped = new Promise<LinearResult>((resolve) => {
    timer = setTimeout(() => resolve({ status: "timeLimit", objective: null, bound: null, gap: null, values: null, solver, seconds: (performance.now() - started) / 1000 }), Math.max(0, ms));
  });
  solve.catch(() => undefined);
  try {
    return await Promise.race([solve, stopped]);
  } finally {
    clearTimeout(timer);
  }
}

/** The answer when the solver proves that no plan meets the rules, with the reason explained. */
function infeasibleSolve(reason: Plan["reasons"][number], statistics: Plan["statistics"]): PlanSolve {
  return { status: "infeasible", objective: null, bound: null, gap: null, source: "none", score: null, statistics, reasons: [reason] };
}

function checkOptions(options: PlanOptions): void {
  if (typeof options !== "object" || options === null) throw new InputError({ source: "options", field: "options", value: options }, "must be an object");
  for (const name of Object.keys(options)) {
    if (!PLAN_OPTION_NAMES.includes(name)) throw new InputError({ source: "options", field: name, value: (options as Record<string, unknown>)[name] }, `is not an option of planSchools; options: ${PLAN_OPTION_NAMES.join(", ")}`);
  }
  const objective = options.objective ?? "cost";
  if (objective !== "cost" && objective !== "travel") throw new InputError({ source: "options", field: "objective", value: objective }, "must be cost or travel");
  const points = options.tradeoffPoints ?? 0;
  if (!Number.isInteger(points) || points < 0 || points === 1 || points > 50) throw new InputError({ source: "options", field: "tradeoffPoints", value: points }, "must be 0 or a whole number from 2 to 50");
}

/**
 * Resolves rules and costs and lists the units, choices and coverage rules of a plan.
 * @param system - the school system
 * @param options - the plan options
 * @throws InputError on bad options (see {@link planSchools})
 */
export function preparePlan(system: SchoolSystem, options: PlanOptions = {}): PreparedPlan {
  checkOptions(options);
  const rules = resolvePlanRules(options);
  const costs = resolvePlanCosts(options.costs);
  if (costs.yuanPerPupilKilometre > 0) {
    const missing = system.levels.filter((level) => system.travelMetres[level] === undefined);
    if (missing.length > 0) throw new InputError({ source: "options", field: "costs.yuanPerPupilKilometre", value: costs.yuanPerPupilKilometre }, `prices kilometres, but the system has no travel metres for ${missing.join(", ")}`);
  }
  const table = schoolCostTable(system, costs);
  const choices = assignmentChoices(system, rules, costs, table);
  const context: ScoringContext = { system, rules, costs, table, choices };
  return { context, coverage: coverageRules(system, rules) };
}

function objectiveOf(score: PlanScore, objective: PlanObjective): number {
  return objective === "cost" ? score.costs.total : score.travel.meanMinutes;
}

/** Whether plan `a` has a lower objective than plan `b` by more than rounding (a millionth). */
function betterThan(context: ScoringContext, a: PlanDecisions, b: PlanDecisions, objective: PlanObjective): boolean {
  const valueA = objectiveOf(scoreDecisions(context, a), objective);
  const valueB = objectiveOf(scoreDecisions(context, b), objective);
  return valueA < valueB - 1e-6 * Math.max(1, Math.abs(valueB));
}

/**
 * Solves one plan MIP of a prepared plan.
 * @param prepared - from {@link preparePlan}
 * @param options - the plan options
 * @param rules - the rules of this solve (the trade-off changes ε)
 * @param startedAt - `performance.now()` when the time limit began (default: now); {@link planSchools} passes the
 *   start of the call, so that preparing the plan counts against the limit
 */
export async function solvePreparedPlan(prepared: PreparedPlan, options: PlanOptions, rules: PlanRules, startedAt?: number): Promise<PlanSolve> {
  const started = startedAt ?? performance.now();
  const objective = options.objective ?? "cost";
  const context: ScoringContext = { ...prepared.context, rules };
  const reasons = presolveReasons(context, prepared.coverage);
  const statistics = (solver: Plan["statistics"]["solver"], variables: number, constraints: number, nodes?: number): Plan["statistics"] => ({
    solver, seconds: (performance.now() - started) / 1000, variables, constraints, ...(nodes === undefined ? {} : { nodes }),
  });
  if (reasons.length > 0) {
    return { status: "infeasible", objective: null, bound: null, gap: null, source: "none", score: null, reasons, statistics: statistics("none", 0, 0) };
  }
  const model = buildPlanModel(context, prepared.coverage, { objective, budgetYuanPerYear: rules.budgetYuanPerYear, maxMeanTravelMinutes: rules.maxMeanTravelMinutes });
  const aborted = (): boolean => options.signal?.aborted === true;
  // The time limit counts from the start of planSchools; each solver gets the time left less a reserve for the
  // work after it (src/plan/solve/deadline.ts). HiGHS may overrun its own limit in a long root phase, so a watchdog
  // stops it (off the calling thread) just after the limit, and the heuristic's plan is returned if it has none.
  const deadline = (): ReturnType<typeof planDeadline> | undefined =>
    options.timeLimitSeconds === undefined ? undefined : planDeadline(options.timeLimitSeconds, (performance.now() - started) / 1000);
  const secondsLeft = (): number | undefined => deadline()?.solverSeconds;
  const remaining = secondsLeft();
  // Timers hold at most 2^31 − 1 ms (about 24.8 days); a longer limit needs no watchdog.
  const watchdogMs = deadline()?.watchdogMs ?? Infinity;
  const watchdog = watchdogMs <= MAX_TIMER_MS && options.offThread !== false ? new AbortController() : undefined;
  const timer = watchdog === undefined ? undefined : setTimeout(() => watchdog.abort(), watchdogMs);
  // Off the calling thread, the call stops waiting for a solver that has not answered the watchdog soon after it.
  const hardStopped = (solve: Promise<LinearResult>): Promise<LinearResult> => {
    const at = deadline()?.hardStopMs;
    return watchdog === undefined || at === undefined ? solve : byHardStop(solve, at, options.solver === "javascript-lp-solver" ? "javascript-lp-solver" : "highs");
  };
  const signal = watchdog === undefined ? options.signal : options.signal === undefined ? watchdog.signal : AbortSignal.any([options.signal, watchdog.signal]);
  const common = {
    ...(options.solver === undefined ? {} : { solver: options.solver }),
    ...(signal === undefined ? {} : { signal }),
    ...(options.offThread === undefined ? {} : { offThread: options.offThread }),
  };
  let result: LinearResult;
  let relaxationBound: number | null = null;
  // The LP relaxation's result, when solved first (under a time limit).
  let relaxed: LinearResult | undefined;
  let infeasibility: Plan["reasons"][number] | undefined;
  const progress = new PlanProgress(options.onProgress, started, model);
  let start: Float64Array | undefined;
  let heuristic: PlanDecisions | null = null;
  try {
    // Under a time limit, the LP relaxation first: a proven bound even when the MIP stops before its root node,
    // and the schools it opens at least half guide the heuristic.
    let lpOpen: Uint8Array | undefined;
    if (remaining !== undefined && model.linear.integer.some((flag) => flag === 1)) {
      relaxed = await hardStopped(solveLinearModel(lpRelaxation(model.linear), { ...common, timeLimitSeconds: remaining * RELAXATION_SHARE, explainInfeasibility: true }));
      if (relaxed.status === "infeasible") {
        const reason = await explainInfeasiblePlan(model, context, prepared.coverage, common, relaxed);
        return infeasibleSolve(reason, statistics(relaxed.solver, model.linear.columnCount, model.linear.rowCount));
      }
      const values = relaxed.values;
      if (relaxed.status === "optimal" && values !== null) {
        relaxationBound = relaxed.objective;
        lpOpen = Uint8Array.from(model.openColumn, (column) => (values[column]! >= 0.5 ? 1 : 0));
        progress.relaxationSolved(relaxed.objective!);
      }
    }
    // The local search may run until a share of the time limit has passed; the solver gets the rest.
    const searchUntil = options.timeLimitSeconds === undefined ? Infinity : started + options.timeLimitSeconds * LOCAL_SEARCH_SHARE * 1000;
    heuristic = await heuristicPlan(context, prepared.coverage, objective, {
      shouldStop: () => aborted() || performance.now() > searchUntil,
      secondsLeft: () => Math.max(0, (searchUntil - performance.now()) / 1000),
      onImprove: (value) => progress.heuristicFound(value),
      // Under a time limit the search has a budget to spend: kicks (iterated local search) use what is left of it.
      kicks: options.timeLimitSeconds === undefined ? 0 : KICKS,
      ...(lpOpen === undefined ? {} : { lpOpen }),
    });
    if (heuristic !== null) {
      const values = planStartValues(model, context, heuristic);
      if (values !== null && checkLinearSolution(model.linear, values) === null) start = values;
    }
    const left = secondsLeft();
    result = await hardStopped(
      solveLinearModel(model.linear, {
        ...common,
        ...(left === undefined ? {} : { timeLimitSeconds: left }),
        ...(options.mipRelativeGap === undefined ? {} : { mipRelativeGap: options.mipRelativeGap }),
        ...(options.onProgress === undefined ? {} : { onProgress: (p: SolveProgress) => progress.solverReported(p) }),
        ...(start === undefined ? {} : { initialSolution: start }),
      }),
    );
    // Explained under the same watchdog: finding the conflict runs more LP solves.
    if (result.status === "infeasible") infeasibility = await explainInfeasiblePlan(model, context, prepared.coverage, common, relaxed?.status === "optimal" ? relaxed : undefined);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  if (result.status === "aborted" && watchdog?.signal.aborted === true && options.signal?.aborted !== true) result = { ...result, status: "timeLimit" };
  const stats = statistics(result.solver, model.linear.columnCount, model.linear.rowCount, result.nodes);
  const modelBound = result.bound === null ? relaxationBound : relaxationBound === null ? result.bound : Math.max(result.bound, relaxationBound);
  const bound = modelBound === null ? null : planObjectiveValue(model, modelBound);
  if (result.status === "infeasible") return infeasibleSolve(infeasibility!, stats); // explained above whenever infeasible
  if (result.status === "unbounded") return { status: "unbounded", objective: null, bound: null, gap: null, source: "none", score: null, reasons: [], statistics: stats };
  let decisions: PlanDecisions | null = null;
  let source: Plan["source"] = "none";
  if (result.values !== null) {
    decisions = decodePlanValues(model, context, result.values);
    source = "solver";
  }
  // The heuristic's plan stands when the solver found none better (HiGHS returns the warm start as its own).
  if (start !== undefined && heuristic !== null && (decisions === null || !betterThan(context, decisions, heuristic, objective))) {
    decisions = heuristic;
    source = "heuristic";
  }
  if (decisions === null) return { status: result.status, objective: null, bound, gap: null, source, score: null, reasons: [], statistics: stats };
  const score = scoreDecisions(context, decisions);
  const value = objectiveOf(score, objective);
  const gap = relativeGap(value, bound);
  // A plan recomputed from the decisions above the proven bound by more than the solver's tolerance is not called optimal.
  const status: SolveStatus = result.status === "optimal" && gap !== null && gap > 1e-6 ? "feasible" : result.status;
  return { status, objective: value, bound, gap, source, score, reasons: [], statistics: stats };
}

