/**
 * The shape of `plan.json` (see {@link planToJson}): plain, documented types with numbers rounded for reading.
 * @module
 */
import type { LevelId } from "../../norms/levels.ts";
import type { SolveStatistics, SolveStatus } from "../../solution.ts";
import type { PlanCosts } from "../rules/costs.ts";
import type { PlanObjective } from "../rules/options.ts";
import type { Plan, PlanCounts, PlanInfeasibilityReason, PlanViolation, SchoolAction } from "./result.ts";
import type { SchoolType } from "../system/schoolTypes.ts";
import type { SplitSettlement, SplitShare } from "./splitShares.ts";
import type { School } from "../system/system.ts";

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
export interface PlanJsonSchool extends Pick<School, "id" | "name" | "type" | "tier" | "township" | "existing"> {
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

/**
 * One school's share of a split settlement ({@link SplitShare}): pupils, parts and boarders to 0.01, minutes to
 * 0.01 (null where not finite).
 */
export type PlanJsonSplitShare = Omit<SplitShare, "travelMinutes"> & {
  /** One-way minutes to the school, to 0.01; null where not finite. */
  readonly travelMinutes: number | null;
};

/**
 * A settlement whose pupils of a level may split, with its rule and its shares nearest first
 * ({@link SplitSettlement}): pupils and pupils per part to 0.01; K and k whole.
 */
export type PlanJsonSplitSettlement = Omit<SplitSettlement, "shares"> & {
  /** The schools that take its shares, nearest first. */
  readonly shares: readonly PlanJsonSplitShare[];
};

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
  /**
   * The settlements whose pupils of a level may split (catchments on; src/plan/result/splitShares.ts), each with its rule
   * and its shares by school, nearest first; empty when none may split, null without a plan.
   */
  readonly splitSettlements: readonly PlanJsonSplitSettlement[] | null;
  /** The current layout scored the same way, with the rules it breaks; null when not asked. */
  readonly statusQuo: PlanJsonStatusQuo | null;
  /** Why there is no plan (status `infeasible`), with the numbers; empty otherwise. */
  readonly reasons: readonly PlanInfeasibilityReason[];
  /** The trade-off curve, from least travel to least cost; empty when not asked. */
  readonly tradeoff: readonly PlanJsonTradeoffPoint[];
  /** How the solve went: solver, seconds (to 0.001), variables, constraints, nodes. */
  readonly statistics: SolveStatistics;
}
