/**
 * `planSchools`: a county school plan as one MIP on HiGHS, warm-started by a construction heuristic.
 * @module
 */
import type { PLAN_TIME_MARGIN_SECONDS } from "./solve/deadline.ts";
import type { PlanOptions } from "./rules/options.ts";
import type { Plan } from "./result/result.ts";
import { preparePlan, solvePreparedPlan } from "./solve/solvePlan.ts";
import { statusQuoInContext } from "./statusQuoScore.ts";
import type { SchoolSystem } from "./system/system.ts";
import { tradeoffCurve } from "./tradeoff.ts";

/**
 * Plans a county's schools: for every existing school keep, expand (classrooms, beds), or close; for every
 * candidate site build or not; for every settlement and level the school its pupils attend and whether they
 * board — at least cost (or least mean travel within a budget) under the norms: whole classes of the class-size
 * norm, school-size limits, the day-travel limit per level, no boarding below the boarding grade, the township
 * "three schools", minimum enrolments except protected small schools, beds, special groups, required and
 * forbidden sites, closure and budget limits. One MIP on HiGHS (see {@link buildPlanModel} for the
 * formulation), warm-started by a heuristic plan: construction, then local search with exact prices (unit moves
 * and swaps, drop, add, vertex substitution, and a transportation MIP per level; src/plan/heuristic/localSearch.ts). Under
 * a time limit the LP relaxation is solved first (its value is a proven bound even when the MIP stops before its
 * root node; the schools it opens at least half seed the construction), the heuristic runs until half the limit
 * has passed, and HiGHS gets the rest; the heuristic's plan is returned (status `timeLimit`, source `heuristic`)
 * when the solver finds none better. The time limit counts from the call (preparation, model, LP and heuristic
 * included) and is enforced: the solver gets the time left less a reserve for the work after it (2 % of the
 * limit, at most 1 s), and a solve that overruns (HiGHS can in a long root phase) runs off the calling thread and
 * is stopped 0.5 s after the limit, so the call ends within the limit plus about {@link PLAN_TIME_MARGIN_SECONDS}
 * (1 s; without a trade-off curve, whose solves come on top). Every plan's figures are recomputed from
 * its decisions; the status quo (current schools, nearest school per settlement and level) is scored the same
 * way and checked with {@link checkPlan}.
 * @param system - from {@link createSchoolSystem} or {@link schoolSystemFromGeoJSON}
 * @param options - norms (default {@link CHINA_NORMS}), costs (default {@link DEFAULT_PLAN_COSTS}), objective
 *   (default `"cost"`), rule switches and limits (see {@link PlanRuleOptions}), `tradeoffPoints` (default 0),
 *   `statusQuo` (default true), and the solve options (backend, time limit, gap, signal, progress; progress
 *   reports come from every phase, in the plan's units: yuan per year or minutes, seconds since the call)
 * @returns the plan: status, objective, bound, gap, schools, assignments, costs, travel, status quo, reasons
 *   (status `infeasible`: the settlements out of reach, the levels short of seats, the townships without a
 *   possible central school; after the solver's proof, the rules that conflict in the LP relaxation, in words with
 *   their numbers, and the least cost or mean travel where the budget or the mean-travel limit is among them), the
 *   trade-off curve when asked
 * @throws InputError on an unknown option name or a bad option value (naming it), costs that price kilometres
 *   without distances
 * @throws SolverError when the backend fails or the model would not fit in HiGHS' memory
 * @example
 * ```ts
 * const plan = await planSchools(system, { costs: { yuanPerPupilMinute: 0.5 }, timeLimitSeconds: 60 });
 * plan.status; // "optimal"
 * plan.schools?.filter((s) => s.action === "close").map((s) => s.id);
 * ```
 */
export async function planSchools(system: SchoolSystem, options: PlanOptions = {}): Promise<Plan> {
  const started = performance.now();
  const prepared = preparePlan(system, options);
  const { context } = prepared;
  const objective = options.objective ?? "cost";
  const solved = await solvePreparedPlan(prepared, options, context.rules, started);
  let statusQuo: Plan["statusQuo"] = null;
  if (options.statusQuo ?? true) {
    statusQuo = statusQuoInContext(context);
  }
  const tradeoff = (options.tradeoffPoints ?? 0) >= 2 ? await tradeoffCurve(prepared, options, solved) : [];
  return Object.freeze({
    status: solved.status,
    objectiveKind: objective,
    objective: solved.objective,
    bound: solved.bound,
    gap: solved.gap,
    source: solved.source,
    rules: context.rules,
    costFigures: context.costs,
    travelBasis: system.travelBasis,
    ...(solved.score ?? {}),
    statusQuo,
    reasons: Object.freeze(solved.reasons),
    tradeoff: Object.freeze(tradeoff),
    statistics: solved.statistics,
  });
}
