/**
 * A school plan as plain JSON (the `plan.json` the CLI writes): every figure of a {@link Plan} and its status
 * quo, per-level objects limited to the planned levels, numbers rounded for reading, and no `Infinity` or
 * `NaN` (they become `null`, which JSON can hold).
 * @module
 */
import type { LevelId } from "../norms/levels.ts";
import type { SolveStatistics, SolveStatus } from "../solution.ts";
import type { PlanCosts } from "./costs.ts";
import type { PlanObjective } from "./options.ts";
import type {
  Plan,
  PlanCostBreakdown,
  PlanCounts,
  PlanInfeasibilityReason,
  PlannedAssignment,
  PlannedSchool,
  PlanScore,
  PlanTravel,
  PlanViolation,
  SchoolAction,
  TradeoffPoint,
} from "./result.ts";
import type { PlanRules } from "./rules.ts";
import type { SchoolTier, SchoolType } from "./schoolTypes.ts";
import type { PupilsByLevel, SchoolSystem } from "./system.ts";

/** Values by level id, for the planned levels only (`system.levels`), youngest first. */
export type PlanJsonByLevel<T> = Readonly<Partial<Record<LevelId, T>>>;

/** The rules in force ({@link PlanRules}) as plain JSON; per-level values for the planned levels only. */
export interface PlanJsonRules {
  /** Longest one-way trip of a day pupil by level, minutes; null for no limit. */
  readonly dayTravelLimitMinutes: PlanJsonByLevel<number | null>;
  /** Longest one-way weekly trip of a boarder by level, minutes; null for no limit. */
  readonly boardingTravelLimitMinutes: PlanJsonByLevel<number | null>;
  /** The lowest grade that may board. */
  readonly boardingFromGrade: number;
  /** Whether pupils of each level may board. */
  readonly boardingAllowed: PlanJsonByLevel<boolean>;
  /** Pupils per class by level. */
  readonly classSize: PlanJsonByLevel<number>;
  /** Pupils per class in a teaching point. */
  readonly teachingPointClassSize: number;
  /** Most pupils in one school, by school type (every type). */
  readonly maxSchoolSize: Readonly<Record<SchoolType, number>>;
  /** Fewest pupils of an open, unprotected, not required school, by school type (0 for none). */
  readonly minimumEnrolment: Readonly<Record<SchoolType, number>>;
  /** Whether the township "three schools" rule applies. */
  readonly threeSchools: boolean;
  /** Beds a township's public boarding school must have after the plan. */
  readonly boardingSchoolMinimumBeds: number;
  /** One school per settlement and level. */
  readonly catchments: boolean;
  /** Pupils of one level above which a settlement may split between schools; null for never. */
  readonly splitAbovePupils: number | null;
  /** Whole classes. */
  readonly wholeClasses: boolean;
  /** Budget, yuan per year; null for none. */
  readonly budgetYuanPerYear: number | null;
  /** Most closures of existing schools; null for none. */
  readonly maxClosures: number | null;
  /** Mean one-way travel limit, minutes; null for none. */
  readonly maxMeanTravelMinutes: number | null;
  /** A school with fewer pupils is a small school (小规模学校). */
  readonly smallSchoolPupils: number;
}

/** One school of a layout ({@link PlannedSchool}); per-level values for the planned levels only. */
export interface PlanJsonSchool {
  /** School id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Type. */
  readonly type: SchoolType;
  /** Tier. */
  readonly tier: SchoolTier;
  /** Township id, or null. */
  readonly township: string | null;
  /** Existing (true) or candidate site (false). */
  readonly existing: boolean;
  /** keep, expand, close, build or not built; see {@link SchoolAction}. */
  readonly action: SchoolAction;
  /** Open in the layout. */
  readonly open: boolean;
  /** Pupils enrolled per level (day pupils and boarders), to 0.01. */
  readonly enrolment: PlanJsonByLevel<number>;
  /** Classes per level (whole under whole-class rules; else to 0.01). */
  readonly classes: PlanJsonByLevel<number>;
  /** Seats per level: classes × class size, to 0.01. */
  readonly seats: PlanJsonByLevel<number>;
  /** Classrooms after the plan. */
  readonly classrooms: number;
  /** Classrooms added (built, for a new school). */
  readonly classroomsAdded: number;
  /** Boarders, to 0.01 pupils. */
  readonly boarders: number;
  /** Beds after the plan. */
  readonly beds: number;
  /** Beds added. */
  readonly bedsAdded: number;
  /** Total enrolment ÷ total seats, to 0.0001 (0 for a closed school). */
  readonly utilization: number;
  /** An open school with fewer pupils than `rules.smallSchoolPupils`. */
  readonly small: boolean;
}

/** Where the pupils of one settlement and level go: one row per school and day/boarding share. */
export interface PlanJsonAssignment {
  /** Settlement id. */
  readonly settlement: string;
  /** The level. */
  readonly level: LevelId;
  /** School id. */
  readonly school: string;
  /** Pupils of this share, to 0.01. */
  readonly pupils: number;
  /** One-way minutes by the level's travel times, to 0.01; null where the pair has no travel time (unreachable). */
  readonly travelMinutes: number | null;
  /** One-way metres, whole; null where the system has no distances or the pair none. */
  readonly travelMetres: number | null;
  /** True for boarders (one return trip a week), false for day pupils. */
  readonly boarding: boolean;
}

/**
 * The annual cost by item ({@link PlanCostBreakdown}), whole yuan per year. `transport` and `total` are null
 * when a row has no travel time (a status quo with pupils out of reach).
 */
export interface PlanJsonCosts {
  /** Running cost of the open schools. */
  readonly schools: number;
  /** Annualised building cost of new schools. */
  readonly newSchools: number;
  /** Closure costs. */
  readonly closures: number;
  /** Running cost of the classes. */
  readonly classes: number;
  /** Annualised cost of added classrooms. */
  readonly classrooms: number;
  /** Annualised cost of added beds. */
  readonly beds: number;
  /** Running cost of the boarders. */
  readonly boarders: number;
  /** Travel cost; null when unreachable rows make it unbounded. */
  readonly transport: number | null;
  /** The sum of the items; null when `transport` is. */
  readonly total: number | null;
}

/** Travel figures ({@link PlanTravel}), minutes to 0.01, pupils to 0.01; null where a row is unreachable. */
export interface PlanJsonTravel {
  /** Mean one-way minutes per pupil. */
  readonly meanMinutes: number | null;
  /** Mean one-way minutes per pupil by planned level. */
  readonly meanMinutesByLevel: PlanJsonByLevel<number | null>;
  /** Longest one-way minutes of a day pupil by planned level (levels without day pupils left out). */
  readonly maxDayMinutesByLevel: PlanJsonByLevel<number | null>;
  /** Day pupils. */
  readonly dayPupils: number;
  /** Boarders. */
  readonly boarders: number;
}

/** The figures of one layout (the plan, or the status quo). */
export interface PlanJsonLayout {
  /** Every system school (existing then candidates), in system order. */
  readonly schools: readonly PlanJsonSchool[];
  /** Assignment rows, by settlement then level then school. */
  readonly assignments: readonly PlanJsonAssignment[];
  /** Annual costs. */
  readonly costs: PlanJsonCosts;
  /** Travel. */
  readonly travel: PlanJsonTravel;
  /** Action counts. */
  readonly counts: PlanCounts;
}

/** The status quo as plain JSON: the current layout's figures, with the rules it breaks. */
export interface PlanJsonStatusQuo extends PlanJsonLayout {
  /** The rules the current layout breaks, with the numbers (from {@link checkPlan}). */
  readonly violations: readonly PlanViolation[];
}

/** One point of the trade-off curve ({@link TradeoffPoint}), rounded like the rest. */
export interface PlanJsonTradeoffPoint {
  /** The mean-travel limit of this point (ε), minutes. */
  readonly maxMeanTravelMinutes: number | null;
  /** How its solve ended. */
  readonly status: SolveStatus;
  /** Total annual cost, whole yuan per year; null when no plan was found. */
  readonly costYuanPerYear: number | null;
  /** Mean one-way minutes; null when no plan was found. */
  readonly meanTravelMinutes: number | null;
  /** Proven relative gap of the cost, or null. */
  readonly gap: number | null;
  /** Open schools; null when no plan was found. */
  readonly openSchools: number | null;
}

/**
 * A plan as plain JSON; see {@link planToJson}. The layout fields (`schools`, `assignments`, `costs`, `travel`,
 * `counts`) are null when the plan has none (status `infeasible`, or no plan found in time).
 */
export interface PlanJson {
  /** How the solve ended: optimal, feasible (a plan with a gap), infeasible, unbounded, timeLimit or aborted. */
  readonly status: SolveStatus;
  /** The objective of the plan: whole yuan per year (`objectiveKind` cost) or mean minutes to 0.01 (travel); null without a plan. */
  readonly objective: number | null;
  /** What was minimised: `cost` or `travel`. */
  readonly objectiveKind: PlanObjective;
  /** The proven bound on the objective, rounded like it; null when none. */
  readonly bound: number | null;
  /** Relative gap (objective − bound) / objective, to 1e-6; null when unknown. */
  readonly gap: number | null;
  /** Where the plan came from: `solver`, `heuristic` (the construction heuristic, when the solver found none in time) or `none`. */
  readonly source: Plan["source"];
  /** The planned levels, youngest first: the keys of every per-level object. */
  readonly levels: readonly LevelId[];
  /** The rules in force. */
  readonly rules: PlanJsonRules;
  /** The cost figures used (yuan per year, per pupil-minute, per pupil-kilometre; days and weeks a year). */
  readonly costFigures: PlanCosts;
  /** How the travel times were obtained (road network and modes, a cost table, or the labelled fallback). */
  readonly travelBasis: string;
  /** The plan's schools; null without a plan. */
  readonly schools: readonly PlanJsonSchool[] | null;
  /** The plan's assignment rows; null without a plan. */
  readonly assignments: readonly PlanJsonAssignment[] | null;
  /** The plan's annual costs; null without a plan. */
  readonly costs: PlanJsonCosts | null;
  /** The plan's travel figures; null without a plan. */
  readonly travel: PlanJsonTravel | null;
  /** The plan's action counts; null without a plan. */
  readonly counts: PlanCounts | null;
  /** The current layout scored the same way, with the rules it breaks; null when not asked. */
  readonly statusQuo: PlanJsonStatusQuo | null;
  /** Why there is no plan (status `infeasible`), with the numbers; empty otherwise. */
  readonly reasons: readonly PlanInfeasibilityReason[];
  /** The trade-off curve, from least travel to least cost; empty when not asked. */
  readonly tradeoff: readonly PlanJsonTradeoffPoint[];
  /** How the solve went: solver, seconds (to 0.001), variables, constraints, nodes. */
  readonly statistics: SolveStatistics;
}

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
    statusQuo,
    reasons: plan.reasons.map(plainCopy),
    tradeoff: plan.tradeoff.map(tradeoffJson),
    statistics: { ...plan.statistics, seconds: round(plan.statistics.seconds, 3) },
  });
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
