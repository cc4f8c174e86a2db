/**
 * The annual costs a school plan weighs, in yuan per year, and their default figures.
 * @module
 */
import { norm, type Norm } from "../../norms/norm.ts";

/**
 * Cost figures of a plan, yuan per year (one-off costs annualised by the caller: e.g. a building cost spread
 * over its life with a discount rate). Each figure applies to every school unless the school sets its own
 * ({@link SchoolCostOverrides}).
 *
 * The annual cost of a plan is
 * ```
 *   Σ open schools        schoolPerYear
 * + Σ open new schools    newSchoolPerYear
 * + Σ closed existing     closurePerYear
 * + Σ classes             classPerYear                 (classes taught, per school and level)
 * + Σ added classrooms    classroomPerYear             (classes beyond a school's classrooms)
 * + Σ added beds          bedPerYear
 * + Σ boarders            boarderPerYear
 * + Σ pupils × trips × (minutes × yuanPerPupilMinute + kilometres × yuanPerPupilKilometre)
 * ```
 * where trips per year are `2 × schoolDaysPerYear` for a day pupil and `2 × weeksPerYear` for a boarder
 * (one return trip a week), minutes and kilometres one way.
 */
export interface PlanCosts {
  /** Running cost of an open school (site, administration, upkeep), yuan per year. */
  readonly schoolPerYear: number;
  /** Annualised cost of building a new school (site works, fixed part), yuan per year; classrooms are extra. */
  readonly newSchoolPerYear: number;
  /** Annualised cost of closing an existing school (transition, compensation), yuan per year. */
  readonly closurePerYear: number;
  /** Running cost of one class (teachers, materials), yuan per year. */
  readonly classPerYear: number;
  /** Annualised cost of one added classroom, yuan per year. */
  readonly classroomPerYear: number;
  /** Annualised cost of one added boarding bed (dormitory space and fittings), yuan per year. */
  readonly bedPerYear: number;
  /** Running cost of one boarder (canteen, dormitory staff, living subsidy), yuan per year. */
  readonly boarderPerYear: number;
  /** Value of one pupil-minute of one-way travel, yuan (time value or fare per minute). */
  readonly yuanPerPupilMinute: number;
  /** Cost of one pupil-kilometre of one-way travel, yuan (needs distances). */
  readonly yuanPerPupilKilometre: number;
  /** School days a year (day pupils travel twice a day). */
  readonly schoolDaysPerYear: number;
  /** School weeks a year (boarders travel there and back once a week). */
  readonly weeksPerYear: number;
}

/** One school's own cost figures, replacing the plan's where given. */
export type SchoolCostOverrides = Partial<
  Pick<PlanCosts, "schoolPerYear" | "newSchoolPerYear" | "closurePerYear" | "classPerYear" | "classroomPerYear" | "bedPerYear" | "boarderPerYear">
>;

const COST_NAME_SET: Readonly<Record<keyof SchoolCostOverrides, true>> = {
  schoolPerYear: true,
  newSchoolPerYear: true,
  closurePerYear: true,
  classPerYear: true,
  classroomPerYear: true,
  bedPerYear: true,
  boarderPerYear: true,
};

/**
 * The cost figures a school may set for itself ({@link SchoolCostOverrides}), yuan per year: as `costs` in
 * {@link SchoolInput}, or in GeoJSON as a nested `costs` object or flat `cost:<name>` properties.
 */
export const SCHOOL_COST_NAMES = Object.freeze(Object.keys(COST_NAME_SET)) as readonly (keyof SchoolCostOverrides)[];

const ILLUSTRATIVE = "school-layout illustrative figure; set the county's own";

/**
 * Default cost figures with their sources. They are illustrative (orders of magnitude for a rural Guangdong
 * county, not official prices): every plan should set its own.
 */
export const DEFAULT_PLAN_COSTS: Readonly<Record<keyof PlanCosts, Norm<number>>> = Object.freeze({
  schoolPerYear: norm(300_000, `${ILLUSTRATIVE}: upkeep and administration of one site`, "assumption"),
  newSchoolPerYear: norm(400_000, `${ILLUSTRATIVE}: about 8 million yuan of site works over 30 years at 3 %`, "assumption"),
  closurePerYear: norm(0, `${ILLUSTRATIVE}: no closure cost`, "assumption"),
  classPerYear: norm(200_000, `${ILLUSTRATIVE}: about two teachers per class`, "assumption"),
  classroomPerYear: norm(40_000, `${ILLUSTRATIVE}: about 0.8 million yuan per classroom over 30 years at 3 %`, "assumption"),
  bedPerYear: norm(2_000, `${ILLUSTRATIVE}: about 30,000 yuan per bed over 20 years at 3 %`, "assumption"),
  boarderPerYear: norm(3_000, `${ILLUSTRATIVE}: canteen, dormitory staff and living subsidy`, "assumption"),
  yuanPerPupilMinute: norm(0.3, `${ILLUSTRATIVE}: time value and fare of one pupil-minute`, "assumption"),
  yuanPerPupilKilometre: norm(0, `${ILLUSTRATIVE}: kilometres not priced apart from minutes`, "assumption"),
  schoolDaysPerYear: norm(190, "about 38 teaching weeks of 5 days (教育部 school calendar)", "M"),
  weeksPerYear: norm(38, "about 38 teaching weeks (教育部 school calendar)", "M"),
});

/** The default cost figures as plain numbers. */
export function defaultPlanCosts(): PlanCosts {
  const costs: Record<string, number> = {};
  for (const [key, value] of Object.entries(DEFAULT_PLAN_COSTS)) costs[key] = value.value;
  return costs as unknown as PlanCosts;
}
