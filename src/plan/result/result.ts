/**
 * A school plan as a result: per school its action and figures, per settlement and level its school, the costs,
 * travel, the status quo scored the same way, and how the solve went.
 * @module
 */
import type { LevelId } from "../../norms/levels.ts";
import type { SolveStatistics, SolveStatus } from "../../solution.ts";
import type { PlanCosts } from "../rules/costs.ts";
import type { PlanObjective } from "../rules/options.ts";
import type { PlanRules } from "../rules/rules.ts";
import type { SchoolTier, SchoolType } from "../system/schoolTypes.ts";
import type { PupilsByLevel } from "../system/system.ts";

/**
 * What a plan does with a school: `keep` an existing school as it is (classes may change within its classrooms
 * and beds), `expand` it (classrooms or beds added), `close` it, `build` a candidate, or leave a candidate
 * `not built`.
 */
export type SchoolAction = "keep" | "expand" | "close" | "build" | "not built";

/** One school in a plan. Counts are pupils, classes, classrooms and beds. */
export interface PlannedSchool {
  /** Index j in the system's schools. */
  readonly index: number;
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
  /** Existing (true) or candidate (false). */
  readonly existing: boolean;
  /** The action; see {@link SchoolAction}. */
  readonly action: SchoolAction;
  /** Open in the plan (keep, expand, build). */
  readonly open: boolean;
  /** Pupils enrolled per level (day pupils and boarders). */
  readonly enrolment: PupilsByLevel;
  /** Classes per level (whole numbers under whole-class rules): the fewest that seat the enrolment. */
  readonly classes: PupilsByLevel;
  /** Seats per level: classes × the class size of the level at this school. */
  readonly seats: PupilsByLevel;
  /** Classrooms after the plan: the existing ones plus `classroomsAdded`. */
  readonly classrooms: number;
  /** Classrooms added (built, for a new school). */
  readonly classroomsAdded: number;
  /** Boarders (pupils given a bed, including boarding-care places). */
  readonly boarders: number;
  /** Beds after the plan: the existing ones plus `bedsAdded`. */
  readonly beds: number;
  /** Beds added. */
  readonly bedsAdded: number;
  /** Total enrolment ÷ total seats (0 for a closed school or no seats). */
  readonly utilization: number;
  /** Fewer pupils than the small-school threshold while open (小规模学校). */
  readonly small: boolean;
}

/** Where the pupils of one settlement and level go (one row per school and day/boarding share). */
export interface PlannedAssignment {
  /** Settlement index i. */
  readonly settlementIndex: number;
  /** Settlement id. */
  readonly settlement: string;
  /** The level. */
  readonly level: LevelId;
  /** School index j. */
  readonly schoolIndex: number;
  /** School id. */
  readonly school: string;
  /** Pupils of this share (> 0). */
  readonly pupils: number;
  /** One-way travel minutes from the settlement to the school (the level's travel times). */
  readonly travelMinutes: number;
  /** One-way metres, where the system gives distances; null otherwise. */
  readonly travelMetres: number | null;
  /** True for boarders (they travel once a week), false for day pupils. */
  readonly boarding: boolean;
}

/** The annual cost of a plan by item, yuan per year; see {@link PlanCosts} for the formula. */
export interface PlanCostBreakdown {
  /** Running cost of the open schools. */
  readonly schools: number;
  /** Annualised building cost of new schools (fixed part). */
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
  /** Travel: trips × (minutes × yuanPerPupilMinute + km × yuanPerPupilKilometre). */
  readonly transport: number;
  /** The sum of the items. */
  readonly total: number;
}

/** Travel figures of a plan, over all assigned pupils of the planned levels. */
export interface PlanTravel {
  /** Mean one-way minutes per pupil (boarders' weekly trip counted as their trip). */
  readonly meanMinutes: number;
  /** Mean one-way minutes per pupil, by planned level. */
  readonly meanMinutesByLevel: Readonly<Partial<Record<LevelId, number>>>;
  /** Longest one-way minutes of a day pupil, by planned level. */
  readonly maxDayMinutesByLevel: Readonly<Partial<Record<LevelId, number>>>;
  /** Day pupils. */
  readonly dayPupils: number;
  /** Boarders. */
  readonly boarders: number;
}

/** Counts of a plan's actions. */
export interface PlanCounts {
  /** Open schools. */
  readonly open: number;
  /** Existing schools kept (with or without expansion). */
  readonly kept: number;
  /** Existing schools expanded. */
  readonly expanded: number;
  /** Existing schools closed. */
  readonly closed: number;
  /** Candidates built. */
  readonly built: number;
  /** Open small schools. */
  readonly small: number;
}

/** The figures of one layout: a plan or the status quo. */
export interface PlanScore {
  /** Schools: every system school, in system order. */
  readonly schools: readonly PlannedSchool[];
  /** Assignments, by settlement then level then school. */
  readonly assignments: readonly PlannedAssignment[];
  /** Annual costs. */
  readonly costs: PlanCostBreakdown;
  /** Travel. */
  readonly travel: PlanTravel;
  /** Action counts. */
  readonly counts: PlanCounts;
}

/**
 * The rules {@link checkPlan} checks: `unassigned` (pupils without a school), `dayTravel` (a day pupil beyond the
 * limit), `boardingGrade` (a boarder below the boarding grade), `boardingTravel`, `closedSchool` (pupils at a
 * school not open), `levelNotServed`, `seats` (enrolment beyond classes × class size), `classrooms` (more classes
 * than classrooms: overcrowded), `schoolSize`, `minimumEnrolment`, `beds` (more boarders than beds),
 * `threeSchools`, `resourceRoom`, `boardingCare`, `catchment` (a settlement split below the threshold),
 * `splitShares` (a split settlement at more schools than allowed, or a share that is not whole parts),
 * `required`, `forbidden`, `budget`, `closures`, `meanTravel`, `addedClassrooms`, `addedBeds`; and the plan's
 * consistency with itself: `travelTimes` (a row's minutes or metres are not the system's for its level),
 * `enrolment` (a school's reported enrolment or boarders do not match its rows), `action`, `costs` (a reported
 * cost that does not match the recomputed one).
 */
export type PlanViolationRule =
  | "unassigned" | "dayTravel" | "boardingGrade" | "boardingTravel" | "closedSchool" | "levelNotServed" | "seats" | "classrooms"
  | "schoolSize" | "minimumEnrolment" | "beds" | "threeSchools" | "resourceRoom" | "boardingCare" | "catchment" | "splitShares"
  | "required" | "forbidden" | "budget" | "closures" | "meanTravel" | "addedClassrooms" | "addedBeds"
  | "travelTimes" | "enrolment" | "action" | "costs";

/** The part of the township "three schools" a township lacks (rule `threeSchools`). */
export type ThreeSchoolsPart = "kindergarten" | "centralPrimary" | "boardingSchool";

/**
 * A rule a layout breaks, with the numbers (from {@link checkPlan}): an English sentence, and the same figures as
 * fields, so that a report can say it in another language (src/render/messages/violations.ts).
 */
export interface PlanViolation {
  /** The rule, see {@link PlanViolationRule}. */
  readonly rule: PlanViolationRule;
  /** One English sentence with the numbers (minutes to 0.1). */
  readonly message: string;
  /** Settlement id involved, where one is. */
  readonly settlement?: string;
  /** School id involved, where one is. */
  readonly school?: string;
  /** Level involved, where one is. */
  readonly level?: LevelId;
  /** Township id involved (rule `threeSchools`). */
  readonly township?: string;
  /** The part of the three schools missing (rule `threeSchools`). */
  readonly missing?: ThreeSchoolsPart;
  /** Pupils involved, where a number of pupils is (e.g. the day pupils of a row beyond the limit). */
  readonly pupils?: number;
  /**
   * The figure found, in the rule's unit: one-way minutes (`dayTravel`, `boardingTravel`, `meanTravel`,
   * `resourceRoom`), pupils (`schoolSize`, `minimumEnrolment`, `seats`, `unassigned`: those without a school,
   * negative for too many), classes (`classrooms`), boarders (`beds`, `boardingCare`), classrooms or beds added
   * (`addedClassrooms`, `addedBeds`), yuan per year (`budget`), schools (`closures`, `splitShares`).
   */
  readonly value?: number;
  /** The limit the figure breaks, in the same unit (seats for `seats`, classrooms for `classrooms`, beds for `beds`). */
  readonly limit?: number;
}

/** A reason no plan meets the rules, with the numbers. */
export interface PlanInfeasibilityReason {
  /**
   * `unreachable` (a settlement's pupils of a level have no allowed school: none within the day limit and no
   * boarding allowed or within reach), `seats` (a level lacks seats even with every school open and expanded to
   * its limits), `threeSchools` (a township has no school that could be one of its three), `resourceRoom` (a
   * settlement has no school with a resource room within the limit), `conflict` (an irreducible set of rules that
   * cannot hold together even in the LP relaxation, listed in `rules`, e.g. a budget below the least cost with the
   * least cost given), `solver` (the solver proved that the rules together cannot be met, and no conflict of the
   * LP relaxation shows why: where the LP relaxation meets every rule the message says the conflict lies in whole
   * numbers, i.e. catchments, whole classes, whole schools).
   */
  readonly code: "unreachable" | "seats" | "threeSchools" | "resourceRoom" | "conflict" | "solver";
  /** What is wrong, with the numbers: one sentence, and for `conflict` the bounds it gives after it. */
  readonly message: string;
  /** For `conflict`: each rule of the conflict in words, with its numbers. */
  readonly rules?: readonly string[];
  /** Settlement ids involved. */
  readonly settlements?: readonly string[];
  /** School ids involved. */
  readonly schools?: readonly string[];
  /** The level involved. */
  readonly level?: LevelId;
}

/** One point of a cost–travel trade-off curve (ε-constraint method). */
export interface TradeoffPoint {
  /** The mean-travel limit of this point, minutes (ε). */
  readonly maxMeanTravelMinutes: number;
  /** How its solve ended. */
  readonly status: SolveStatus;
  /** Total annual cost, yuan per year; null when no plan was found. */
  readonly costYuanPerYear: number | null;
  /** Mean one-way minutes; null when no plan was found. */
  readonly meanTravelMinutes: number | null;
  /** Proven gap of the cost, or null. */
  readonly gap: number | null;
  /** Open schools; null when no plan was found. */
  readonly openSchools: number | null;
}

/** The current layout scored like a plan, with the rules it breaks. */
export interface StatusQuo extends PlanScore {
  /** The rules the current layout breaks, from {@link checkPlan}. */
  readonly violations: readonly PlanViolation[];
}

/** A school plan; see {@link planSchools}. */
export interface Plan extends Partial<PlanScore> {
  /** How the solve ended; a plan's figures are present unless `infeasible`, `unbounded` or no plan was found. */
  readonly status: SolveStatus;
  /** What was minimised. */
  readonly objectiveKind: PlanObjective;
  /** The objective of the plan (yuan per year, or mean minutes), recomputed from the plan; null without a plan. */
  readonly objective: number | null;
  /** The proven bound on the objective, or null. */
  readonly bound: number | null;
  /** Relative gap (objective − bound) / objective, or null. */
  readonly gap: number | null;
  /** Where the plan came from: the solver, or the construction heuristic when the solver found none in time. */
  readonly source: "solver" | "heuristic" | "none";
  /** The rules in force. */
  readonly rules: PlanRules;
  /** The cost figures used. */
  readonly costFigures: PlanCosts;
  /** How the travel times were obtained. */
  readonly travelBasis: string;
  /** The current layout scored the same way (existing schools open, each settlement and level at its nearest existing school), with the rules it breaks; null when not asked. */
  readonly statusQuo: StatusQuo | null;
  /** Why there is no plan (status `infeasible`), with the numbers. */
  readonly reasons: readonly PlanInfeasibilityReason[];
  /** The trade-off curve, when asked for. */
  readonly tradeoff: readonly TradeoffPoint[];
  /** How the solve went. */
  readonly statistics: SolveStatistics;
}
