/**
 * The solver-independent check of a school plan: every rule recomputed from the system and the plan's choices
 * (which schools are open, classes, additions, assignment rows), never from the plan's derived figures.
 * @module
 */
import { checkAssignmentRows } from "./checkPlanAssignments.ts";
import { checkSpecialGroups, checkThreeSchools } from "./checkPlanCoverage.ts";
import { compareCosts, recomputePlanCosts } from "./checkPlanCosts.ts";
import { checkPlannedSchools } from "./checkPlanSchools.ts";
import { checkPlanShape, exceeds, formatMinutes, formatNumber, violation } from "./checkPlanInput.ts";
import type { SchoolSystem } from "../system/system.ts";
import type { PlanCosts } from "../rules/costs.ts";
import type { PlanRules } from "../rules/rules.ts";
import type { Plan, PlanCostBreakdown, PlanScore, PlanViolation } from "../result/result.ts";

/** What {@link checkPlan} found. */
export interface PlanCheck {
  /** True when the plan breaks no rule (`violations` is empty). */
  readonly ok: boolean;
  /** The rules the plan breaks, in the order checked (rows, settlements, schools, townships, groups, totals, costs). */
  readonly violations: readonly PlanViolation[];
  /** The annual cost breakdown recomputed from the plan's choices, yuan per year. */
  readonly costs: PlanCostBreakdown;
  /**
   * Mean one-way minutes per pupil over the rows of planned levels, by the system's travel times (boarders'
   * weekly trip counted as their trip); 0 without pupils, Infinity when a row is unreachable.
   */
  readonly meanTravelMinutes: number;
}

/**
 * Checks a school plan against its system and rules, independently of whatever produced it: the plan's choices
 * (per school `open`, `classes`, `classroomsAdded`, `bedsAdded`, `action`; the assignment rows) are taken as
 * given, every figure derived from them (enrolment, boarders, seats, classrooms, beds, travel, costs) is
 * recomputed from `system` and compared with what the plan reports.
 *
 * Rules, each violation naming its code and the settlement, school and level involved, with the numbers:
 * - `unassigned`: the rows of each settlement and planned level sum to its pupils; no pupils of unplanned levels;
 * - per row: `levelNotServed` (the school's type does not serve the level), `closedSchool` (the school is not
 *   open), `travelTimes` (the row's minutes, or metres, are not the system's for that level), `dayTravel` (a
 *   day pupil beyond `dayTravelLimitMinutes`, or unreachable), `boardingGrade` (a boarder of a level that may
 *   not board), `boardingTravel` (a boarder beyond `boardingTravelLimitMinutes`, or unreachable);
 * - `catchment` (with `catchments`): a settlement with at most `splitAbovePupils` pupils of a level sends them to
 *   one school (its day and boarding rows may share it);
 * - `splitShares` (with `catchments`): a settlement that may split (above `splitAbovePupils`, or larger than any
 *   school it may attend holds) sends its p pupils of a level to at most k schools, and under `wholeClasses` each
 *   school takes whole parts of p / K pupils, K = ⌈p / κ⌉ (src/plan/result/splitShares.ts gives k and the source);
 * - per school: `enrolment` (reported enrolment or boarders not those of its rows), `seats` (enrolment beyond
 *   classes × class size; fractional classes under `wholeClasses`; reported seats not classes × class size),
 *   `levelNotServed` (classes of a level it does not serve), `classrooms` (classes beyond classrooms; classrooms
 *   not the existing ones plus those added), `addedClassrooms`, `schoolSize` (beyond `maxSchoolSize` of its type),
 *   `minimumEnrolment` (an open school, neither protected nor required, below the minimum of its type), `beds`
 *   (boarders beyond beds; beds not the existing ones plus those added), `addedBeds`, `closedSchool` (a school not
 *   open with classes or additions), `action` (not the action its choices imply: keep, expand iff classrooms or
 *   beds are added, close, build, not built), `required`, `forbidden`;
 * - `closures` (more existing schools closed than `maxClosures`);
 * - `threeSchools` (with `threeSchools`): every township with a school of tier township has an open township
 *   kindergarten, an open township central primary (complete primary or nine-year) and an open school of the
 *   township serving a level that may board with beds after the plan;
 * - special groups: `resourceRoom` (a settlement with group pupils has no open school with a resource room within
 *   the group's limit), `boardingCare` (boarders of a settlement and level that may board below share × group
 *   pupils);
 * - `budget` (recomputed total beyond `budgetYuanPerYear`), `meanTravel` (mean minutes beyond
 *   `maxMeanTravelMinutes`), `costs` (a reported cost item not the recomputed one; kilometres priced without
 *   distances).
 *
 * Tolerance: pupils, counts, minutes and costs agree within 1e-6 × max(1, |value|); rows of at most 1e-6 pupils
 * are left out of the row rules.
 *
 * Cost formula ({@link PlanCosts}; a school's own `costs` replace the plan's `costFigures`), yuan per year: per
 * open school `schoolPerYear`, plus `newSchoolPerYear` for a built candidate; per closed existing school
 * `closurePerYear`; Σ classes × `classPerYear`; classroomsAdded × `classroomPerYear`; bedsAdded × `bedPerYear`;
 * boarders × `boarderPerYear`; per row pupils × trips × (minutes × `yuanPerPupilMinute` + kilometres ×
 * `yuanPerPupilKilometre`), trips = 2 × `schoolDaysPerYear` for day rows and 2 × `weeksPerYear` for boarding rows,
 * minutes and kilometres (metres ÷ 1000) one way from the system's matrices of the row's level.
 *
 * @param system - the school system the plan is for
 * @param plan - a layout ({@link PlanScore}) with the rules and cost figures it was made under; a {@link Plan}
 *   with figures qualifies
 * @returns whether the plan is valid, its violations, and the recomputed costs and mean travel
 * @throws InputError (source `plan`, field `schools`, `assignments`, `costs`, `rules` or `costFigures`) for a
 *   malformed plan: no schools or assignments array, schools not every system school in order, a row with an
 *   out-of-range index, an id not the system's at that index, an unknown level, non-numeric or negative counts.
 *   Broken rules are returned, never thrown.
 * @example
 * ```ts
 * const check = checkPlan(system, plan);
 * if (!check.ok) for (const v of check.violations) console.log(v.rule, v.school ?? v.settlement, v.message);
 * ```
 */
export function checkPlan(system: SchoolSystem, plan: PlanScore & { readonly rules: PlanRules; readonly costFigures: PlanCosts }): PlanCheck {
  checkPlanShape(system, plan);
  const violations: PlanViolation[] = [];
  const tally = checkAssignmentRows(system, plan, violations);
  checkPlannedSchools(system, plan, tally, violations);
  checkThreeSchools(system, plan, violations);
  checkSpecialGroups(system, plan, tally, violations);
  const costs = recomputePlanCosts(system, plan, tally, violations);
  const rules = plan.rules;
  if (rules.budgetYuanPerYear !== null && exceeds(costs.total, rules.budgetYuanPerYear)) {
    violations.push(violation("budget", `the plan costs ${formatNumber(costs.total)} yuan per year, beyond the budget of ${formatNumber(rules.budgetYuanPerYear)}`, { value: costs.total, limit: rules.budgetYuanPerYear }));
  }
  if (rules.maxMeanTravelMinutes !== null && exceeds(tally.meanTravelMinutes, rules.maxMeanTravelMinutes)) {
    const limit = rules.maxMeanTravelMinutes;
    violations.push(violation("meanTravel", `pupils travel ${formatMinutes(tally.meanTravelMinutes, limit)} minutes one way on average, beyond the limit of ${formatNumber(limit)}`, { value: tally.meanTravelMinutes, limit }));
  }
  compareCosts(plan.costs, costs, violations);
  return Object.freeze({ ok: violations.length === 0, violations: Object.freeze(violations), costs, meanTravelMinutes: tally.meanTravelMinutes });
}
