/**
 * A school plan as plain JSON (the `plan.json` the CLI writes): every figure of a {@link Plan} and its status
 * quo, per-level objects limited to the planned levels, numbers rounded for reading, and no `Infinity` or
 * `NaN` (they become `null`, which JSON can hold).
 * @module
 */
import type { LevelId } from "../../norms/levels.ts";
import type {
  Plan,
  PlanCostBreakdown,
  PlanCounts,
  PlannedAssignment,
  PlannedSchool,
  PlanScore,
  PlanTravel,
  TradeoffPoint,
} from "./result.ts";
import type {
  PlanJson,
  PlanJsonAssignment,
  PlanJsonByLevel,
  PlanJsonCosts,
  PlanJsonLayout,
  PlanJsonRules,
  PlanJsonSchool,
  PlanJsonSplitSettlement,
  PlanJsonStatusQuo,
  PlanJsonTradeoffPoint,
  PlanJsonTravel,
} from "./planJsonTypes.ts";
import type { PlanRules } from "../rules/rules.ts";
import { splitSettlements, type SplitSettlement } from "./splitShares.ts";
import type { PupilsByLevel, SchoolSystem } from "../system/system.ts";

/** `value` rounded to `decimals` places (0 for whole), or null when it is not finite. */
export function roundOrNull(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** `value` rounded to `decimals` places; 0 where it is not finite (only for figures that are finite by construction). */
function round(value: number, decimals: number): number {
  return roundOrNull(value, decimals) ?? 0;
}

/** Decimals of pupils and minutes. */
const PUPIL_DECIMALS = 2;
const MINUTE_DECIMALS = 2;

function byLevel<T>(levels: readonly LevelId[], pick: (level: LevelId) => T): PlanJsonByLevel<T> {
  const result: Partial<Record<LevelId, T>> = {};
  for (const level of levels) result[level] = pick(level);
  return result;
}

function pupilsByLevel(levels: readonly LevelId[], values: PupilsByLevel): PlanJsonByLevel<number> {
  return byLevel(levels, (level) => round(values[level], PUPIL_DECIMALS));
}

function rulesJson(rules: PlanRules, levels: readonly LevelId[]): PlanJsonRules {
  return {
    dayTravelLimitMinutes: byLevel(levels, (level) => roundOrNull(rules.dayTravelLimitMinutes[level], MINUTE_DECIMALS)),
    boardingTravelLimitMinutes: byLevel(levels, (level) => roundOrNull(rules.boardingTravelLimitMinutes[level], MINUTE_DECIMALS)),
    boardingFromGrade: rules.boardingFromGrade,
    boardingAllowed: byLevel(levels, (level) => rules.boardingAllowed[level]),
    classSize: byLevel(levels, (level) => rules.classSize[level]),
    teachingPointClassSize: rules.teachingPointClassSize,
    maxSchoolSize: { ...rules.maxSchoolSize },
    minimumEnrolment: { ...rules.minimumEnrolment },
    threeSchools: rules.threeSchools,
    boardingSchoolMinimumBeds: rules.boardingSchoolMinimumBeds,
    catchments: rules.catchments,
    splitAbovePupils: roundOrNull(rules.splitAbovePupils, PUPIL_DECIMALS),
    wholeClasses: rules.wholeClasses,
    budgetYuanPerYear: roundOrNull(rules.budgetYuanPerYear, 0),
    maxClosures: roundOrNull(rules.maxClosures, 0),
    maxMeanTravelMinutes: roundOrNull(rules.maxMeanTravelMinutes, MINUTE_DECIMALS),
    smallSchoolPupils: rules.smallSchoolPupils,
  };
}

function schoolJson(school: PlannedSchool, levels: readonly LevelId[]): PlanJsonSchool {
  return {
    id: school.id,
    name: school.name,
    type: school.type,
    tier: school.tier,
    township: school.township,
    existing: school.existing,
    action: school.action,
    open: school.open,
    enrolment: pupilsByLevel(levels, school.enrolment),
    classes: pupilsByLevel(levels, school.classes),
    seats: pupilsByLevel(levels, school.seats),
    classrooms: round(school.classrooms, PUPIL_DECIMALS),
    classroomsAdded: round(school.classroomsAdded, PUPIL_DECIMALS),
    boarders: round(school.boarders, PUPIL_DECIMALS),
    beds: round(school.beds, PUPIL_DECIMALS),
    bedsAdded: round(school.bedsAdded, PUPIL_DECIMALS),
    utilization: round(school.utilization, 4),
    small: school.small,
  };
}

function assignmentJson(row: PlannedAssignment): PlanJsonAssignment {
  return {
    settlement: row.settlement,
    level: row.level,
    school: row.school,
    pupils: round(row.pupils, PUPIL_DECIMALS),
    travelMinutes: roundOrNull(row.travelMinutes, MINUTE_DECIMALS),
    travelMetres: roundOrNull(row.travelMetres, 0),
    boarding: row.boarding,
  };
}

function costsJson(costs: PlanCostBreakdown): PlanJsonCosts {
  return {
    schools: round(costs.schools, 0),
    newSchools: round(costs.newSchools, 0),
    closures: round(costs.closures, 0),
    classes: round(costs.classes, 0),
    classrooms: round(costs.classrooms, 0),
    beds: round(costs.beds, 0),
    boarders: round(costs.boarders, 0),
    transport: roundOrNull(costs.transport, 0),
    total: roundOrNull(costs.total, 0),
  };
}

function travelJson(travel: PlanTravel, levels: readonly LevelId[]): PlanJsonTravel {
  const maxDay: Partial<Record<LevelId, number | null>> = {};
  for (const level of levels) {
    const value = travel.maxDayMinutesByLevel[level];
    if (value !== undefined) maxDay[level] = roundOrNull(value, MINUTE_DECIMALS);
  }
  return {
    meanMinutes: roundOrNull(travel.meanMinutes, MINUTE_DECIMALS),
    meanMinutesByLevel: byLevel(levels, (level) => roundOrNull(travel.meanMinutesByLevel[level], MINUTE_DECIMALS)),
    maxDayMinutesByLevel: maxDay,
    dayPupils: round(travel.dayPupils, PUPIL_DECIMALS),
    boarders: round(travel.boarders, PUPIL_DECIMALS),
  };
}

function countsJson(counts: PlanCounts): PlanCounts {
  return { open: counts.open, kept: counts.kept, expanded: counts.expanded, closed: counts.closed, built: counts.built, small: counts.small };
}

function layoutJson(score: PlanScore, levels: readonly LevelId[]): PlanJsonLayout {
  return {
    schools: score.schools.map((school) => schoolJson(school, levels)),
    assignments: score.assignments.map(assignmentJson),
    costs: costsJson(score.costs),
    travel: travelJson(score.travel, levels),
    counts: countsJson(score.counts),
  };
}

/**
 * A deep copy of a JSON-like value with every number that is not finite replaced by null: the last guard that
 * keeps Infinity and NaN out of plan.json, for the figures (rules, cost figures, counts, statistics) that the
 * library validates as finite and copies as they are.
 */
function finiteOnly<T>(value: T): T {
  if (typeof value === "number") return (Number.isFinite(value) ? value : null) as T;
  if (Array.isArray(value)) return value.map(finiteOnly) as T;
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, finiteOnly(item)])) as T;
  return value;
}

/** A copy of a reason or violation with only its defined members (JSON drops undefined ones anyway). */
function plainCopy<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

/**
 * The plan as plain, documented JSON (the `plan.json` of `school-layout plan`).
 *
 * Rounding (for reading; the {@link Plan} object keeps full precision): pupils (enrolment, boarders, assignment
 * pupils, day pupils) and fractional classes to 0.01; minutes (travel, limits, means) to 0.01; metres whole; yuan
 * whole (costs, budget, and the objective when it is cost); utilization to 0.0001; the gap to 1e-6; seconds to
 * 0.001. Cost figures and counts are copied as given. Because of the rounding, {@link checkPlan} on rows read
 * back from this JSON must take travel minutes and costs from the system, not from the file.
 *
 * `Infinity` and `NaN` never appear: a figure that is not finite (an unreachable row of the status quo, a
 * `splitAbovePupils` of never) is `null`; so is, as a last guard, any other number that is not finite (the rules,
 * cost figures, counts and statistics are validated finite by the library, so this does not happen there). Per-level objects hold the planned levels only (`system.levels`, also
 * given as `levels`). The input plan is not mutated.
 * @param plan - a plan from {@link planSchools}
 * @param system - the system it was made for (for the planned levels)
 * @returns the JSON object; `JSON.stringify` it to write plan.json
 * @example
 * ```ts
 * const json = planToJson(await planSchools(system), system);
 * json.schools?.filter((school) => school.action === "close").map((school) => school.id);
 * ```
 */
export function planToJson(plan: Plan, system: SchoolSystem): PlanJson {
  const levels = [...system.levels];
  const hasLayout = plan.schools !== undefined && plan.assignments !== undefined && plan.costs !== undefined && plan.travel !== undefined && plan.counts !== undefined;
  const layout = hasLayout ? layoutJson(plan as Plan & PlanScore, levels) : null;
  const objectiveDecimals = plan.objectiveKind === "cost" ? 0 : MINUTE_DECIMALS;
  const statusQuo: PlanJsonStatusQuo | null = plan.statusQuo === null ? null : { ...layoutJson(plan.statusQuo, levels), violations: plan.statusQuo.violations.map(plainCopy) };
  return finiteOnly({
    status: plan.status,
    objective: roundOrNull(plan.objective, objectiveDecimals),
    objectiveKind: plan.objectiveKind,
    bound: roundOrNull(plan.bound, objectiveDecimals),
    gap: roundOrNull(plan.gap, 6),
    source: plan.source,
    levels,
    rules: rulesJson(plan.rules, levels),
    costFigures: { ...plan.costFigures },
    travelBasis: plan.travelBasis,
    schools: layout?.schools ?? null,
    assignments: layout?.assignments ?? null,
    costs: layout?.costs ?? null,
    travel: layout?.travel ?? null,
    counts: layout?.counts ?? null,
    splitSettlements: hasLayout ? splitSettlements(system, plan.rules, plan.assignments!).map(splitJson) : null,
    statusQuo,
    reasons: plan.reasons.map(plainCopy),
    tradeoff: plan.tradeoff.map(tradeoffJson),
    statistics: { ...plan.statistics, seconds: round(plan.statistics.seconds, 3) },
  });
}

function splitJson(split: SplitSettlement): PlanJsonSplitSettlement {
  return {
    settlement: split.settlement,
    level: split.level,
    pupils: round(split.pupils, PUPIL_DECIMALS),
    parts: split.parts,
    partPupils: round(split.partPupils, PUPIL_DECIMALS),
    maxShares: split.maxShares,
    shares: split.shares.map((share) => ({
      school: share.school,
      pupils: round(share.pupils, PUPIL_DECIMALS),
      parts: round(share.parts, PUPIL_DECIMALS),
      travelMinutes: roundOrNull(share.travelMinutes, MINUTE_DECIMALS),
      boarders: round(share.boarders, PUPIL_DECIMALS),
    })),
  };
}

function tradeoffJson(point: TradeoffPoint): PlanJsonTradeoffPoint {
  return {
    maxMeanTravelMinutes: roundOrNull(point.maxMeanTravelMinutes, MINUTE_DECIMALS),
    status: point.status,
    costYuanPerYear: roundOrNull(point.costYuanPerYear, 0),
    meanTravelMinutes: roundOrNull(point.meanTravelMinutes, MINUTE_DECIMALS),
    gap: roundOrNull(point.gap, 6),
    openSchools: point.openSchools,
  };
}
