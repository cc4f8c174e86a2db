/**
 * The seven school resource indicators of the county quality-balance evaluation (县域义务教育优质均衡发展督导评估办法,
 * 教督〔2017〕6号) with their primary and junior thresholds, and the official enrolment-weighted coefficient of
 * variation between schools (暂行办法 附件2).
 * @module
 */
import { CompensatedSum } from "../compensatedSum.ts";
import { InputError } from "../errors.ts";
import type { NormTag } from "../norms/norm.ts";

/** The two stages of compulsory education the evaluation judges: `primary` (grades 1–6), `junior` (grades 7–9). */
export type BalanceStage = "primary" | "junior";

/** Both {@link BalanceStage} values. */
export const BALANCE_STAGES: readonly BalanceStage[] = ["primary", "junior"];

/**
 * The id of a resource indicator, which is also the name of the school's total it is computed from (a property a
 * schools GeoJSON may carry):
 * - `qualifiedTeachers`: full-time teachers with a qualification above the required one (高于规定学历教师), persons;
 * - `backboneTeachers`: county-level or higher backbone teachers (县级以上骨干教师), persons;
 * - `peArtTeachers`: full-time PE and art (music, fine arts) teachers (体育、艺术专任教师), persons;
 * - `teachingFloorM2`: floor area of teaching and auxiliary rooms (教学及辅助用房), m²;
 * - `sportsGroundM2`: area of sports grounds and halls (体育运动场馆), m²;
 * - `equipmentYuan`: value of teaching instruments and equipment (教学仪器设备值), yuan;
 * - `multimediaClassrooms`: networked multimedia classrooms (网络多媒体教室), rooms.
 */
export type BalanceIndicatorId =
  | "qualifiedTeachers"
  | "backboneTeachers"
  | "peArtTeachers"
  | "teachingFloorM2"
  | "sportsGroundM2"
  | "equipmentYuan"
  | "multimediaClassrooms";

/** One resource indicator of 教督〔2017〕6号. */
export interface BalanceIndicator {
  /** The id, also the property name of the school total it is computed from; see {@link BalanceIndicatorId}. */
  readonly id: BalanceIndicatorId;
  /** The official Chinese name of the indicator. */
  readonly nameZh: string;
  /** An English name. */
  readonly nameEn: string;
  /** The unit of the per-school value, e.g. "teachers per 100 students", "m² per student". */
  readonly unit: string;
  /** The unit of the school total, e.g. "teachers", "m²", "yuan". */
  readonly totalUnit: string;
  /** Students per unit of the value: 100 for "per 100 students" (value = 100 × total / pupils), 1 for "per student". */
  readonly perStudents: 1 | 100;
  /** The least value a school should reach, per stage, in `unit`. */
  readonly thresholds: Readonly<Record<BalanceStage, number>>;
  /** The document. */
  readonly source: string;
  /** How well the source was verified (../shared/docs/domain.md §3). */
  readonly tag: NormTag;
}

/** The source of the indicators, the thresholds and the coefficient-of-variation limits. */
export const BALANCE_SOURCE = "教督〔2017〕6号 县域义务教育优质均衡发展督导评估办法 (resource allocation indicators; CV formula of 附件2)";

const indicator = (
  id: BalanceIndicatorId,
  nameZh: string,
  nameEn: string,
  unit: string,
  totalUnit: string,
  perStudents: 1 | 100,
  primary: number,
  junior: number,
): BalanceIndicator => Object.freeze({ id, nameZh, nameEn, unit, totalUnit, perStudents, thresholds: Object.freeze({ primary, junior }), source: BALANCE_SOURCE, tag: "V2" as const });

/**
 * The seven resource indicators of 教督〔2017〕6号 (domain.md §3, tag V2), in the official order, with the
 * primary / junior thresholds. A school's value of an indicator is `perStudents × total / pupils` of the stage.
 */
export const BALANCE_INDICATORS: readonly BalanceIndicator[] = Object.freeze([
  indicator("qualifiedTeachers", "每百名学生拥有高于规定学历教师数", "Teachers above the required qualification per 100 students", "teachers per 100 students", "teachers", 100, 4.2, 5.3),
  indicator("backboneTeachers", "每百名学生拥有县级以上骨干教师数", "County-level or higher backbone teachers per 100 students", "teachers per 100 students", "teachers", 100, 1, 1),
  indicator("peArtTeachers", "每百名学生拥有体育、艺术（美术、音乐）专任教师数", "PE and art (fine arts, music) teachers per 100 students", "teachers per 100 students", "teachers", 100, 0.9, 0.9),
  indicator("teachingFloorM2", "生均教学及辅助用房面积", "Teaching and auxiliary floor space per student", "m² per student", "m²", 1, 4.5, 5.8),
  indicator("sportsGroundM2", "生均体育运动场馆面积", "Sports ground and hall area per student", "m² per student", "m²", 1, 7.5, 10.2),
  indicator("equipmentYuan", "生均教学仪器设备值", "Teaching equipment value per student", "yuan per student", "yuan", 1, 2000, 2500),
  indicator("multimediaClassrooms", "每百名学生拥有网络多媒体教室数", "Networked multimedia classrooms per 100 students", "classrooms per 100 students", "classrooms", 100, 2.3, 2.4),
]);

/** The largest coefficient of variation between schools that passes, per stage: 0.50 primary, 0.45 junior (教督〔2017〕6号, V2). */
export const BALANCE_COEFFICIENT_LIMITS: Readonly<Record<BalanceStage, number>> = Object.freeze({ primary: 0.5, junior: 0.45 });

/** Fewest pupils of a stage for a school to be counted (teaching points under 50 pupils are left out; 教督〔2017〕6号). */
export const BALANCE_MINIMUM_PUPILS = 50;

/** Fewest indicators of seven a school must meet (教督〔2017〕6号: at least 6 of 7). */
export const BALANCE_INDICATORS_TO_MEET = 6;

/** The enrolment-weighted spread of a resource between schools; see {@link weightedVariation}. */
export interface WeightedVariation {
  /** X̄ = Σ x_i / Σ P_i: the resource per student of all schools together (not the mean of the schools' ratios). */
  readonly mean: number;
  /** S = sqrt( Σ (P_i / P) (X_i − X̄)² ), X_i = x_i / P_i, P = Σ P_i; in the unit of X̄. */
  readonly standardDeviation: number;
  /** CV = S / X̄ (0 when X̄ = 0: every total is 0). */
  readonly coefficientOfVariation: number;
}

function checkColumn(field: string, values: readonly number[], positive: boolean): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
      throw new InputError(
        { source: "weightedCoefficientOfVariation", index: i, field, value },
        positive ? "must be a finite number > 0 (a school without pupils has no per-student value: leave it out)" : "must be a finite number ≥ 0",
      );
    }
  }
}

/**
 * The official enrolment-weighted mean, standard deviation and coefficient of variation of a resource between
 * schools (教督〔2017〕6号 附件2; domain.md §3):
 * ```
 * x_i = the resource total at school i,  P_i = its students,  P = Σ P_i
 * X_i = x_i / P_i                    X̄ = Σ x_i / P
 * S   = sqrt( Σ (P_i / P) · (X_i − X̄)² )
 * CV  = S / X̄
 * ```
 * The CV does not depend on the scale of X (per student or per 100 students). Compensated sums.
 * @param totals - x_i, the resource total of each school (finite, ≥ 0)
 * @param pupils - P_i, its students (finite, > 0), one per total
 * @returns X̄, S and CV
 * @throws InputError (source `weightedCoefficientOfVariation`, field `totals` or `pupils`, with the index) for
 *   arrays of different lengths or no schools, a negative or non-finite total, or pupils not finite and > 0
 * @example
 * ```ts
 * // the official worked example: books per student
 * weightedVariation([279, 137, 935, 160, 402], [45, 37, 89, 76, 55]);
 * // { mean: 6.3344…, standardDeviation: 3.2639…, coefficientOfVariation: 0.5153… }
 * ```
 */
export function weightedVariation(totals: readonly number[], pupils: readonly number[]): WeightedVariation {
  if (!Array.isArray(totals)) throw new InputError({ source: "weightedCoefficientOfVariation", field: "totals", value: totals }, "must be an array of numbers");
  if (!Array.isArray(pupils)) throw new InputError({ source: "weightedCoefficientOfVariation", field: "pupils", value: pupils }, "must be an array of numbers");
  if (totals.length !== pupils.length) {
    throw new InputError({ source: "weightedCoefficientOfVariation", field: "pupils", value: pupils.length }, `must give the students of each school: ${totals.length} totals`);
  }
  if (totals.length === 0) throw new InputError({ source: "weightedCoefficientOfVariation", field: "pupils", value: 0 }, "must give at least one school with students");
  checkColumn("totals", totals, false);
  checkColumn("pupils", pupils, true);
  const resource = new CompensatedSum();
  const students = new CompensatedSum();
  for (let i = 0; i < totals.length; i++) {
    resource.add(totals[i]!);
    students.add(pupils[i]!);
  }
  const P = students.value;
  const mean = resource.value / P;
  const squares = new CompensatedSum();
  for (let i = 0; i < totals.length; i++) {
    const deviation = totals[i]! / pupils[i]! - mean;
    squares.add((pupils[i]! / P) * deviation * deviation);
  }
  const standardDeviation = Math.sqrt(Math.max(0, squares.value));
  return Object.freeze({ mean, standardDeviation, coefficientOfVariation: mean > 0 ? standardDeviation / mean : 0 });
}

/**
 * The official enrolment-weighted coefficient of variation of a resource between schools, CV = S / X̄ with
 * X̄ = Σ x_i / Σ P_i and S = sqrt( Σ (P_i / P) (X_i − X̄)² ), exactly as 教督〔2017〕6号 附件2 defines it; see
 * {@link weightedVariation} for the mean and standard deviation. Not the unweighted or sample CV.
 * @param totals - x_i, the resource total of each school (finite, ≥ 0)
 * @param pupils - P_i, its students (finite, > 0), one per total
 * @returns the CV (0 when every total is 0)
 * @throws InputError as {@link weightedVariation}
 * @example
 * ```ts
 * weightedCoefficientOfVariation([279, 137, 935, 160, 402], [45, 37, 89, 76, 55]); // 0.5153 (published as 0.52)
 * ```
 */
export function weightedCoefficientOfVariation(totals: readonly number[], pupils: readonly number[]): number {
  return weightedVariation(totals, pupils).coefficientOfVariation;
}
