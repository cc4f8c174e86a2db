/**
 * The status quo of a school system, scored and checked like a plan, without planning: what `planSchools`
 * reports as `plan.statusQuo`, for a caller who wants today's figures alone (e.g. to size illustrative schools to
 * the pupils they have, or to evaluate today's layout before any solve).
 * @module
 */
import { checkPlan } from "./check/checkPlan.ts";
import type { PlanOptions } from "./rules/options.ts";
import type { StatusQuo } from "./result/result.ts";
import { scoreDecisions, type ScoringContext } from "./heuristic/score.ts";
import { preparePlan } from "./solve/solvePlan.ts";
import { statusQuoDecisions } from "./heuristic/statusQuo.ts";
import type { SchoolSystem } from "./system/system.ts";

/**
 * The status quo in a prepared context (see {@link planStatusQuo}).
 * @param context - the system, rules, costs and choices of a plan
 */
export function statusQuoInContext(context: ScoringContext): StatusQuo {
  const score = scoreDecisions(context, statusQuoDecisions(context));
  const check = checkPlan(context.system, { ...score, rules: context.rules, costFigures: context.costs });
  return Object.freeze({ ...score, violations: check.violations });
}

/**
 * The status quo: every existing school open as built (no classroom or bed added), no candidate built, each
 * settlement's pupils of each level at the nearest existing school serving the level (by that level's travel
 * minutes; the lowest school index on ties), as day pupils within the day limit and as boarders beyond it where
 * boarding is allowed. Scored with the plan's costs and checked by {@link checkPlan}, so its `violations` are the
 * rules the current layout breaks (e.g. `classrooms` for a school with more classes than classrooms). The same as
 * `planSchools(system, options).statusQuo`, without the solve.
 * @param system - the school system
 * @param options - the plan's rule and cost options (norms, minimumEnrolment, costs, …); solve options are ignored
 * @returns the status quo's schools, assignments, costs, travel, counts and violations
 * @throws InputError for bad options, as {@link planSchools} does
 * @example
 * ```ts
 * const today = planStatusQuo(system, { norms });
 * today.schools.filter((school) => school.open && school.classes.junior > 0).map((school) => school.enrolment.junior);
 * ```
 */
export function planStatusQuo(system: SchoolSystem, options: PlanOptions = {}): StatusQuo {
  return statusQuoInContext(preparePlan(system, options).context);
}
