/**
 * School types and tiers: what a school serves and where it stands in a county's hierarchy.
 * @module
 */
import type { LevelId } from "../../norms/levels.ts";
import type { PlanningNorms } from "../../norms/chinaNorms.ts";

/**
 * School type; fixes the levels a school serves ({@link LEVELS_SERVED}):
 * `kindergarten` (幼儿园), `teaching point` (教学点: grades 1–3 only, incomplete primary), `complete primary`
 * (完全小学: grades 1–6), `nine-year` (九年一贯制: grades 1–9), `junior` (初级中学: 7–9), `complete secondary`
 * (完全中学: 7–12), `senior` (高级中学: 10–12).
 */
export type SchoolType =
  | "kindergarten"
  | "teaching point"
  | "complete primary"
  | "nine-year"
  | "junior"
  | "complete secondary"
  | "senior";

/** All {@link SchoolType} values. */
export const SCHOOL_TYPES: readonly SchoolType[] = [
  "kindergarten",
  "teaching point",
  "complete primary",
  "nine-year",
  "junior",
  "complete secondary",
  "senior",
];

/** School tier: `county seat` (county-seat and urban schools), `township` (township central schools), `village`. */
export type SchoolTier = "county seat" | "township" | "village";

/** All {@link SchoolTier} values. */
export const SCHOOL_TIERS: readonly SchoolTier[] = ["county seat", "township", "village"];

/** The levels each school type serves. */
export const LEVELS_SERVED: Readonly<Record<SchoolType, readonly LevelId[]>> = {
  kindergarten: ["kindergarten"],
  "teaching point": ["primary1to3"],
  "complete primary": ["primary1to3", "primary4to6"],
  "nine-year": ["primary1to3", "primary4to6", "junior"],
  junior: ["junior"],
  "complete secondary": ["junior", "senior"],
  senior: ["senior"],
};

/**
 * The size norm that limits a school of each type: `maxSchoolSize` keys of {@link PlanningNorms}. A teaching
 * point and a complete primary use the primary limit; a complete secondary school uses the senior limit
 * (an assumption: no national figure for 完全中学 was found).
 */
export const SIZE_NORM_OF_TYPE: Readonly<Record<SchoolType, keyof PlanningNorms["maxSchoolSize"]>> = {
  kindergarten: "kindergarten",
  "teaching point": "primary",
  "complete primary": "primary",
  "nine-year": "nineYear",
  junior: "junior",
  "complete secondary": "senior",
  senior: "senior",
};

/** Whether a school of `type` serves `level`. */
export function serves(type: SchoolType, level: LevelId): boolean {
  return LEVELS_SERVED[type].includes(level);
}
