/**
 * What a multi-year plan returns: the schedule of each school, and per plan year and scenario the year's plan,
 * its figures and the rules it breaks.
 * @module
 */
import type { SolveStatus } from "../../solution.ts";
import type { PlanCosts } from "../rules/costs.ts";
import type { PlanObjective } from "../rules/options.ts";
import type { PlanRules } from "../rules/rules.ts";
import type { Plan, PlanScore, PlanViolation } from "../result/result.ts";
import type { ScenarioRegret } from "./regretYears.ts";
import type { MultiYearPlanOptions, ScenarioCriterion, YearWeight } from "./yearOptions.ts";

/**
 * What happens to a school in a plan year, against the year before (the first plan year: against now): `keep`,
 * `expand` (classrooms or beds added since), `close` (closes this year), `closed` (closed in an earlier plan year),
 * `build` (a candidate first open this year), `not built`.
 */
export type YearChange = "keep" | "expand" | "close" | "closed" | "build" | "not built";

/** One school's schedule: its change in each plan year (the same in every scenario). */
export interface SchoolSchedule {
  /** School id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Existing (true) or candidate (false). */
  readonly existing: boolean;
  /** One entry per plan year. */
  readonly years: readonly ScheduledYear[];
}

/** A school in one plan year of its schedule. */
export interface ScheduledYear {
  /** The plan year. */
  readonly year: number;
  /** Its change against the plan year before. */
  readonly change: YearChange;
  /** Open that year. */
  readonly open: boolean;
  /** Classrooms added since now. */
  readonly classroomsAdded: number;
  /** Beds added since now. */
  readonly bedsAdded: number;
}

/** The figures of one plan year and scenario. */
export interface YearFigures {
  /** Pupils of the planned levels. */
  readonly pupils: number;
  /** Seats in the classes of the open schools (classes × class size). */
  readonly seats: number;
  /** Seats − enrolment over the open schools: the empty places in the classes taught. */
  readonly emptySeats: number;
  /** Enrolment ÷ seats over the open schools. */
  readonly utilization: number;
  /** Classrooms of the open schools (existing plus added). */
  readonly classrooms: number;
  /** Classrooms of the open schools without a class: Σ max(0, classrooms − classes). */
  readonly emptyClassrooms: number;
  /** Classes ÷ classrooms over the open schools. */
  readonly classroomUse: number;
  /** Open schools with more classes than classrooms or more boarders than beds (overcrowded; none in a valid plan). */
  readonly overcrowdedSchools: readonly string[];
  /** Open schools with fewer pupils than the small-school line (小规模学校). */
  readonly smallSchools: readonly string[];
  /** Of those, the ones open and not small the plan year before (for the first plan year: today): fallen below the line. */
  readonly newlySmall: readonly string[];
  /** Of those, the ones not open the plan year before (for the first plan year: today): small schools the plan opens (built at candidate sites). */
  readonly openedSmall: readonly string[];
  /** Mean one-way minutes. */
  readonly meanTravelMinutes: number;
  /** The year's annual cost, yuan per year. */
  readonly costYuanPerYear: number;
}

/** One plan year under one scenario. */
export interface PlanYear {
  /** The plan year. */
  readonly year: number;
  /** The scenario id. */
  readonly scenario: string;
  /** The scenario's probability. */
  readonly probability: number;
  /** The year's plan: schools (classrooms and beds added since now), assignments, costs, travel, counts. */
  readonly plan: PlanScore;
  /** Each school's change, in system order. */
  readonly changes: readonly YearChange[];
  /** The year's figures. */
  readonly figures: YearFigures;
  /** The rules the year's plan breaks ({@link checkPlan}, and build before close); empty for a valid plan. */
  readonly violations: readonly YearViolation[];
  /** The layout of today (every existing school as built, nearest school) under this year's pupils, for comparison. */
  readonly statusQuo: YearStatusQuo;
}

/** Today's layout under a plan year's pupils. */
export interface YearStatusQuo {
  /** Its figures. */
  readonly figures: YearFigures;
  /** The rules it breaks ({@link checkPlan}). */
  readonly violations: readonly PlanViolation[];
}

/** A rule of a multi-year plan broken across years ({@link checkPlanOverYears}). */
export interface YearViolation {
  /**
   * `reopened` (an existing school open after a plan year it was closed), `unbuilt` (a built school closed
   * later), `scenarios` (the scenarios of a year disagree on a school), `removedAddition` (an open school with
   * fewer classrooms or beds added than the year before), `buildBeforeClose` (pupils of a school that closes not
   * all at schools open that year), or a {@link PlanViolation} rule of one year's plan.
   */
  readonly rule: "reopened" | "unbuilt" | "scenarios" | "removedAddition" | "buildBeforeClose" | PlanViolation["rule"];
  /** The plan year. */
  readonly year: number;
  /** The scenario, for a rule of one year's plan. */
  readonly scenario?: string;
  /** The school involved, where one is. */
  readonly school?: string;
  /** The settlement involved, where one is. */
  readonly settlement?: string;
  /** One English sentence with the numbers. */
  readonly message: string;
}

/** A scenario of a plan with its probability. */
export interface WeightedScenario {
  /** The scenario id. */
  readonly id: string;
  /** Its probability; a plan's scenarios sum to 1. */
  readonly probability: number;
}

/** A multi-year plan; see {@link planSchoolsOverYears}. */
export interface MultiYearPlan {
  /** How the solve ended: `optimal` (within 1e-6 of the bound), `feasible`, `timeLimit`, `infeasible`, … */
  readonly status: SolveStatus;
  /** What was minimised: `cost` or `travel`. */
  readonly objectiveKind: PlanObjective;
  /** Over the scenarios: `expected` (the expected value) or `maxRegret` (the worst scenario's regret). */
  readonly criterion: ScenarioCriterion;
  /**
   * The objective recomputed from the plan: Σ over years and scenarios of weight × probability × the year's
   * annual cost (yuan: discounted over the years each plan year stands for), or the weighted mean minutes; with
   * criterion `maxRegret`, the largest of {@link ScenarioRegret.regret}; null without a plan.
   */
  readonly objective: number | null;
  /** With criterion `maxRegret`: each scenario's value, reference and regret; null otherwise or without a plan. */
  readonly regret: readonly ScenarioRegret[] | null;
  /** The proven bound on the objective, or null. */
  readonly bound: number | null;
  /**
   * (objective − bound) ÷ objective, or null; for criterion `maxRegret`, (regret − bound) ÷ max(regret, 0.01 % of
   * the largest reference V_s), so a regret of 0 with a bound a hair below it is not a large gap. By scenario, the
   * bound of a regret is max_s (L_s − V_s) ≤ 0: its gap is then 100 % or more, nothing being proven about it.
   */
  readonly gap: number | null;
  /** How it was solved: one joint MIP, or scenario by scenario ({@link MultiYearPlanOptions.method}). */
  readonly method: "joint" | "byScenario";
  /** `solver`, or `none` when no plan was found. */
  readonly source: "solver" | "none";
  /** The plan years with the calendar years they stand for and their discounted weight. */
  readonly years: readonly YearWeight[];
  /** The scenarios and their probabilities (summing to 1). */
  readonly scenarios: readonly WeightedScenario[];
  /** The yearly discount rate used. */
  readonly discountRate: number;
  /** Each school's schedule; empty without a plan. */
  readonly schedule: readonly SchoolSchedule[];
  /** One entry per plan year and scenario (years outer); empty without a plan. */
  readonly plans: readonly PlanYear[];
  /** Every rule the plan breaks across years and within them; empty for a valid plan. */
  readonly violations: readonly YearViolation[];
  /** The rules in force. */
  readonly rules: PlanRules;
  /** The cost figures used. */
  readonly costFigures: PlanCosts;
  /** How the travel times were obtained. */
  readonly travelBasis: string;
  /** Why there is no plan, per the first year and scenario found infeasible. */
  readonly reasons: Plan["reasons"];
  /** How the solve went. */
  readonly statistics: Plan["statistics"];
}
