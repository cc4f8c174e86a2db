/**
 * A multi-year plan as plain JSON (plan.json of `school-layout plan --years`): the schedule of each school, and per
 * plan year and scenario its schools and figures.
 * @module
 */
import type { LevelId } from "../../norms/levels.ts";
import type { MultiYearPlan, SchoolSchedule, WeightedScenario, YearChange, YearFigures, YearViolation } from "./yearResult.ts";
import type { YearWeight } from "./yearOptions.ts";

/** The `type` member of a multi-year plan.json. */
export const MULTI_YEAR_PLAN_TYPE = "school-layout multi-year plan";

/** One school in one plan year and scenario. */
export interface YearSchoolJson {
  /** School id. */
  readonly id: string;
  /** Open that year. */
  readonly open: boolean;
  /** Its change against the plan year before ({@link YearChange}). */
  readonly action: YearChange;
  /** Pupils per level. */
  readonly enrolment: Readonly<Partial<Record<LevelId, number>>>;
  /** Classes per level. */
  readonly classes: Readonly<Partial<Record<LevelId, number>>>;
  /** Classrooms (existing plus added by that year). */
  readonly classrooms: number;
  /** Beds (existing plus added by that year). */
  readonly beds: number;
  /** Enrolment ÷ seats. */
  readonly utilization: number;
}

/** One plan year under one scenario. */
export interface YearJson {
  /** The plan year. */
  readonly year: number;
  /** The scenario id. */
  readonly scenario: string;
  /** The scenario's probability. */
  readonly probability: number;
  /** Every school, in system order. */
  readonly schools: readonly YearSchoolJson[];
  /** The year's figures. */
  readonly figures: YearFigures;
  /** The rules the year's plan breaks (empty for a valid plan). */
  readonly violations: readonly YearViolation[];
  /** Today's layout under the year's pupils: its figures and how many rules it breaks. */
  readonly statusQuo: YearStatusQuoJson;
}

/** Today's layout under a plan year's pupils, in plan.json. */
export interface YearStatusQuoJson {
  /** Its figures. */
  readonly figures: YearFigures;
  /** How many rules it breaks. */
  readonly violations: number;
}

/** plan.json of a multi-year plan. */
export interface MultiYearPlanJson {
  /** Always {@link MULTI_YEAR_PLAN_TYPE}. */
  readonly type: typeof MULTI_YEAR_PLAN_TYPE;
  /** How the solve ended. */
  readonly status: MultiYearPlan["status"];
  /** `joint` or `byScenario`. */
  readonly method: MultiYearPlan["method"];
  /** `cost` or `travel`. */
  readonly objectiveKind: MultiYearPlan["objectiveKind"];
  /** `expected` or `maxRegret` (what was minimised over the scenarios). */
  readonly criterion: MultiYearPlan["criterion"];
  /** Expected discounted cost (yuan) or weighted mean minutes, or with `maxRegret` the worst regret; null without a plan. */
  readonly objective: number | null;
  /** With `maxRegret`: each scenario's value, reference (the best plan found for it alone) and regret; else null. */
  readonly regret: MultiYearPlan["regret"];
  /** The proven bound, or null. */
  readonly bound: number | null;
  /** The relative gap, or null. */
  readonly gap: number | null;
  /** The yearly discount rate. */
  readonly discountRate: number;
  /** The plan years, the calendar years each stands for and its weight. */
  readonly yearWeights: readonly YearWeight[];
  /** The scenarios and their probabilities. */
  readonly scenarios: readonly WeightedScenario[];
  /** Each school's schedule. */
  readonly schedule: readonly SchoolSchedule[];
  /** Per plan year and scenario (years outer). */
  readonly years: readonly YearJson[];
  /** Every rule broken across or within the years. */
  readonly violations: readonly YearViolation[];
  /** Why there is no plan. */
  readonly reasons: MultiYearPlan["reasons"];
  /** How the solve went. */
  readonly statistics: MultiYearPlan["statistics"];
  /** Where the pupils of each year came from, in words (e.g. the projection and its rule). */
  readonly demand: string;
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * A multi-year plan as plain JSON; counts rounded to 3 decimals. The plan is not mutated.
 * @param plan - from {@link planSchoolsOverYears}
 * @param demand - where the pupils came from, in words
 */
export function multiYearPlanToJson(plan: MultiYearPlan, demand: string): MultiYearPlanJson {
  const byLevel = (values: Readonly<Partial<Record<LevelId, number>>>): Partial<Record<LevelId, number>> =>
    Object.fromEntries(Object.entries(values).map(([level, n]) => [level, round(n as number)]));
  return {
    type: MULTI_YEAR_PLAN_TYPE,
    status: plan.status,
    method: plan.method,
    objectiveKind: plan.objectiveKind,
    criterion: plan.criterion,
    objective: plan.objective,
    regret: plan.regret,
    bound: plan.bound,
    gap: plan.gap,
    discountRate: plan.discountRate,
    yearWeights: plan.years,
    scenarios: plan.scenarios,
    schedule: plan.schedule,
    years: plan.plans.map((year) => ({
      year: year.year,
      scenario: year.scenario,
      probability: year.probability,
      schools: year.plan.schools.map((school, j) => ({
        id: school.id,
        open: school.open,
        action: year.changes[j]!,
        enrolment: byLevel(school.enrolment),
        classes: byLevel(school.classes),
        classrooms: school.classrooms,
        beds: school.beds,
        utilization: round(school.utilization, 4),
      })),
      figures: year.figures,
      violations: year.violations,
      statusQuo: { figures: year.statusQuo.figures, violations: year.statusQuo.violations.length },
    })),
    violations: plan.violations,
    reasons: plan.reasons,
    statistics: plan.statistics,
    demand,
  };
}
