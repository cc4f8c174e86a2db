/**
 * Options of {@link planSchools}: the norms in force, cost figures, objective, limits, and the solve options.
 * @module
 */
import type { PlanningNorms } from "../../norms/chinaNorms.ts";
import { SOLVE_OPTION_NAMES, type SolveOptions } from "../../solvers/options.ts";
import type { PlanCosts } from "./costs.ts";
import type { SchoolType } from "../system/schoolTypes.ts";

/** What a plan minimises: total annual cost (yuan per year), or mean one-way travel time (minutes per pupil). */
export type PlanObjective = "cost" | "travel";

/** The rules a plan follows beyond the norms; see {@link PlanOptions}. */
export interface PlanRuleOptions {
  /** The norms in force. Default {@link CHINA_NORMS}; override values with {@link withNormOverrides}. */
  readonly norms?: PlanningNorms;
  /**
   * Each township runs its "three schools" (三校): for every township that has a school of tier `township`
   * (existing or candidate), at least one open central kindergarten (a kindergarten of tier township), one open
   * central primary (a complete primary or nine-year school of tier township) and one open public boarding
   * school (a school of the township, any tier, that serves a level that may board and has at least
   * `boardingSchoolMinimumBeds` beds after the plan) — brief.md, the Guangdong plan (2023–2027). Default true.
   */
  readonly threeSchools?: boolean;
  /**
   * One school per settlement and level (a catchment, as school districts are drawn). Default true. Settlements
   * with more pupils of a level than `splitAbovePupils` may still split between schools.
   */
  readonly catchments?: boolean;
  /**
   * Pupils of one level above which a settlement's pupils may split between schools (a town or county-seat
   * neighbourhood drawn into several catchments). Default 1,000 (an assumption: about half the primary size
   * limit); Infinity for never. A settlement with more pupils of a level than any school it could attend could ever
   * hold (its size limit, or its classrooms after every allowed addition) always splits.
   */
  readonly splitAbovePupils?: number;
  /**
   * Beds a township's public boarding school must have after the plan, for the "three schools" rule. Default 50
   * (an assumption: a dormitory for about one class); 1 accepts any school with a bed.
   */
  readonly boardingSchoolMinimumBeds?: number;
  /** Classes are whole (seats = whole classes × class size). Default true; false plans with fractional classes (a relaxation, faster, for screening). */
  readonly wholeClasses?: boolean;
  /** Fewest pupils an open school of each type must have, unless protected or required. Default none (0). */
  readonly minimumEnrolment?: Readonly<Partial<Record<SchoolType, number>>>;
  /** Total annual cost at most this, yuan per year. Default none. */
  readonly budgetYuanPerYear?: number;
  /** At most this many existing schools close. Default none. */
  readonly maxClosures?: number;
  /** Mean one-way travel time over all planned pupils at most this, minutes (the ε of the trade-off curve). Default none. */
  readonly maxMeanTravelMinutes?: number;
}

/** Options of {@link planSchools}. */
export interface PlanOptions extends PlanRuleOptions, SolveOptions {
  /** What to minimise. Default `"cost"`. With `"travel"`, set `budgetYuanPerYear` to keep costs in check. */
  readonly objective?: PlanObjective;
  /** Cost figures, replacing the defaults ({@link DEFAULT_PLAN_COSTS}) where given. */
  readonly costs?: Partial<PlanCosts>;
  /**
   * Points of a cost–travel trade-off curve to compute besides the plan (ε-constraint method): 0 for none
   * (default), or K ≥ 2 points from the least-travel plan to the least-cost plan.
   */
  readonly tradeoffPoints?: number;
  /** Score the current layout the same way (status quo). Default true. */
  readonly statusQuo?: boolean;
}

/** The option names {@link planSchools} reads, for rejecting misspelt ones. */
export const PLAN_OPTION_NAMES: readonly string[] = [
  "norms",
  "threeSchools",
  "boardingSchoolMinimumBeds",
  "catchments",
  "splitAbovePupils",
  "wholeClasses",
  "minimumEnrolment",
  "budgetYuanPerYear",
  "maxClosures",
  "maxMeanTravelMinutes",
  "objective",
  "costs",
  "tradeoffPoints",
  "statusQuo",
  ...SOLVE_OPTION_NAMES,
];
