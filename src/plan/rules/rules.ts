/**
 * The rules in force for one plan, resolved from the norms and the options into plain numbers per level and
 * per school: what the model builds on, what `checkPlan` checks, and what plan.json reports.
 * @module
 */
import { InputError } from "../../errors.ts";
import { CHINA_NORMS } from "../../norms/chinaNorms.ts";
import { LEVEL_GRADES, type LevelId } from "../../norms/levels.ts";
import type { PlanRuleOptions } from "./options.ts";
import { SCHOOL_TYPES, SIZE_NORM_OF_TYPE, type SchoolType } from "../system/schoolTypes.ts";

/** The rules in force, as plain numbers; see {@link resolvePlanRules}. */
export interface PlanRules {
  /** Pupils per class by level (teaching points use `teachingPointClassSize` for grades 1–3). */
  readonly classSize: Readonly<Record<LevelId, number>>;
  /** Pupils per class in a teaching point. */
  readonly teachingPointClassSize: number;
  /** Longest one-way trip of a day pupil by level, minutes; null for no limit. */
  readonly dayTravelLimitMinutes: Readonly<Record<LevelId, number | null>>;
  /** Longest one-way weekly trip of a boarder by level, minutes; null for no limit. */
  readonly boardingTravelLimitMinutes: Readonly<Record<LevelId, number | null>>;
  /** The lowest grade that may board. */
  readonly boardingFromGrade: number;
  /** Whether pupils of each level may board: all its grades are at or above `boardingFromGrade`. */
  readonly boardingAllowed: Readonly<Record<LevelId, boolean>>;
  /** Most pupils in one school, by school type. */
  readonly maxSchoolSize: Readonly<Record<SchoolType, number>>;
  /** Fewest pupils of an open, unprotected, not required school, by type (0 for none). */
  readonly minimumEnrolment: Readonly<Record<SchoolType, number>>;
  /** Whether the township "three schools" rule applies. */
  readonly threeSchools: boolean;
  /** Beds a township's public boarding school must have after the plan. */
  readonly boardingSchoolMinimumBeds: number;
  /** One school per settlement and level. */
  readonly catchments: boolean;
  /** Pupils of one level above which a settlement may split (Infinity for never). */
  readonly splitAbovePupils: number;
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

function optionalLimit(field: string, value: unknown, whole: boolean): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0 || (whole && value !== Infinity && !Number.isInteger(value))) {
    throw new InputError({ source: "options", field, value }, `must be a ${whole ? "whole number" : "number"} ≥ 0`);
  }
  return value === Infinity ? null : value;
}

function minimumBeds(value: unknown): number {
  if (value === undefined) return 50;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new InputError({ source: "options", field: "boardingSchoolMinimumBeds", value }, "must be a whole number ≥ 1");
  }
  return value;
}

function flag(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new InputError({ source: "options", field, value }, "must be true or false");
  return value;
}

/**
 * Resolves the rules of a plan from the norms and the options.
 * @param options - the rule options (norms default {@link CHINA_NORMS})
 * @returns plain numbers per level and per school type
 * @throws InputError naming the option and the value: a negative or non-numeric limit, a fractional count, an
 *   unknown school type in `minimumEnrolment`, a `splitAbovePupils` not > 0
 */
export function resolvePlanRules(options: PlanRuleOptions = {}): PlanRules {
  const norms = options.norms ?? CHINA_NORMS;
  const perLevel = <T>(pick: (level: LevelId) => T): Record<LevelId, T> => ({
    kindergarten: pick("kindergarten"),
    primary1to3: pick("primary1to3"),
    primary4to6: pick("primary4to6"),
    junior: pick("junior"),
    senior: pick("senior"),
  });
  const boardingFromGrade = norms.boardingFromGrade.value;
  const minimumEnrolment = {} as Record<SchoolType, number>;
  const maxSchoolSize = {} as Record<SchoolType, number>;
  for (const type of SCHOOL_TYPES) {
    maxSchoolSize[type] = norms.maxSchoolSize[SIZE_NORM_OF_TYPE[type]].value;
    minimumEnrolment[type] = 0;
  }
  const minimum = options.minimumEnrolment ?? {};
  if (typeof minimum !== "object" || minimum === null) throw new InputError({ source: "options", field: "minimumEnrolment", value: minimum }, "must be an object of pupils by school type");
  for (const [type, value] of Object.entries(minimum)) {
    if (!SCHOOL_TYPES.includes(type as SchoolType)) {
      throw new InputError({ source: "options", field: `minimumEnrolment.${type}`, value }, `is not a school type; types: ${SCHOOL_TYPES.join(", ")}`);
    }
    minimumEnrolment[type as SchoolType] = optionalLimit(`minimumEnrolment.${type}`, value, false) ?? 0;
  }
  const split = options.splitAbovePupils ?? 1000;
  if (typeof split !== "number" || !(split > 0)) throw new InputError({ source: "options", field: "splitAbovePupils", value: split }, "must be a number > 0 (Infinity for never)");
  return Object.freeze({
    classSize: Object.freeze(perLevel((level) => norms.classSize[level].value)),
    teachingPointClassSize: norms.teachingPointClassSize.value,
    dayTravelLimitMinutes: Object.freeze(perLevel((level) => norms.dayTravelLimitMinutes[level].value)),
    boardingTravelLimitMinutes: Object.freeze(perLevel((level) => norms.boardingTravelLimitMinutes[level].value)),
    boardingFromGrade,
    boardingAllowed: Object.freeze(perLevel((level) => LEVEL_GRADES[level][0] >= boardingFromGrade)),
    maxSchoolSize: Object.freeze(maxSchoolSize),
    minimumEnrolment: Object.freeze(minimumEnrolment),
    threeSchools: flag("threeSchools", options.threeSchools, true),
    boardingSchoolMinimumBeds: minimumBeds(options.boardingSchoolMinimumBeds),
    catchments: flag("catchments", options.catchments, true),
    splitAbovePupils: split,
    wholeClasses: flag("wholeClasses", options.wholeClasses, true),
    budgetYuanPerYear: optionalLimit("budgetYuanPerYear", options.budgetYuanPerYear, false),
    maxClosures: optionalLimit("maxClosures", options.maxClosures, true),
    maxMeanTravelMinutes: optionalLimit("maxMeanTravelMinutes", options.maxMeanTravelMinutes, false),
    smallSchoolPupils: norms.smallSchoolPupils.value,
  });
}

/** Pupils per class of `level` at a school of `type`: the teaching-point size for a teaching point. */
export function classSizeAt(rules: PlanRules, type: SchoolType, level: LevelId): number {
  return type === "teaching point" ? rules.teachingPointClassSize : rules.classSize[level];
}
