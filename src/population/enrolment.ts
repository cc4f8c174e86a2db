/**
 * Enrolment per school level from single-year ages: entry ages, entry rates and grade-transition ratios.
 * @module
 */
import { InputError } from "../errors.ts";
import { LEVELS, LEVEL_GRADES, type LevelId } from "../norms/levels.ts";
import { norm, type Norm } from "../norms/norm.ts";

/** The age of a pupil in grade 1: 6 (义务教育法 §11: children enter school at six). Grade g is age 5 + g. */
export const PRIMARY_ENTRY_AGE: Norm<number> = norm(6, "《中华人民共和国义务教育法》第十一条: 年满六周岁的儿童 … 入学", "V2");

/** Enrolment rates per level. */
export interface EnrolmentRates {
  /** The share of a cohort that enters the level's first grade (kindergarten: the first kindergarten year). */
  readonly entry: Readonly<Record<LevelId, Norm<number>>>;
  /** The share of a grade's pupils who move on to the next grade of the same level a year later. */
  readonly transition: Readonly<Record<LevelId, Norm<number>>>;
}

const COMPULSORY = "义务教育法: nine years compulsory; school-layout assumes every child enrols (assumption)";

/**
 * The default rates. Kindergarten: 90 %, the national target gross enrolment rate for the three kindergarten
 * years (《"十四五"学前教育发展提升行动计划》, 2021). Primary and junior: 100 % (compulsory). Senior (普通高中):
 * 60 % of the cohort, an assumption near the national 普职 split of academic and vocational upper secondary.
 * Transitions within a level: 1 (no drop-out or repetition modelled).
 */
export const DEFAULT_ENROLMENT_RATES: EnrolmentRates = Object.freeze({
  entry: Object.freeze({
    kindergarten: norm(0.9, "《\"十四五\"学前教育发展提升行动计划》(教基〔2021〕8号): 学前三年毛入园率 90% 以上", "M"),
    primary1to3: norm(1, COMPULSORY, "assumption"),
    primary4to6: norm(1, COMPULSORY, "assumption"),
    junior: norm(1, COMPULSORY, "assumption"),
    senior: norm(0.6, "school-layout assumption: about 60 % of a cohort in academic senior secondary (普通高中)", "assumption"),
  }),
  transition: Object.freeze(
    Object.fromEntries(LEVELS.map((level) => [level, norm(1, "school-layout assumption: no drop-out or repetition within a level", "assumption")])) as Record<LevelId, Norm<number>>,
  ),
});

/**
 * The age of pupils in a grade: 5 + grade (kindergarten grades −2, −1, 0 are ages 3, 4, 5).
 * @param grade - the grade, −2 … 12
 */
export function ageOfGrade(grade: number): number {
  return PRIMARY_ENTRY_AGE.value - 1 + grade;
}

/**
 * Checks enrolment rates: every level present, each a number in [0, 1] (an entry rate may exceed 1 up to 1.5, for
 * a gross rate that counts over-age pupils).
 * @param rates - the rates
 * @returns the same rates
 * @throws InputError naming the level and the value
 */
export function checkEnrolmentRates(rates: EnrolmentRates): EnrolmentRates {
  for (const [kind, max] of [["entry", 1.5], ["transition", 1]] as const) {
    for (const level of LEVELS) {
      const value = rates[kind]?.[level]?.value;
      if (typeof value !== "number" || !(value >= 0 && value <= max)) {
        throw new InputError({ field: `enrolment.${kind}.${level}`, value }, `must be a rate in [0, ${max}]`);
      }
    }
  }
  return rates;
}

/**
 * Pupils per level from single-year ages. Grade g holds the children aged 5 + g times the level's entry rate
 * times its transition ratio once for each grade above the level's first. The ages already carry survival and
 * migration, so this equals grade progression (grade g+1 next year = grade g this year × survival × migration ×
 * transition) without counting those twice.
 * @param ages - counts for ages 0–19
 * @param rates - default {@link DEFAULT_ENROLMENT_RATES}
 * @returns pupils per level id
 */
export function enrolmentOf(ages: readonly number[], rates: EnrolmentRates = DEFAULT_ENROLMENT_RATES): Record<LevelId, number> {
  const out = {} as Record<LevelId, number>;
  for (const level of LEVELS) {
    const [first, last] = LEVEL_GRADES[level];
    const entry = rates.entry[level].value;
    const transition = rates.transition[level].value;
    let pupils = 0;
    for (let grade = first; grade <= last; grade++) pupils += (ages[ageOfGrade(grade)] ?? 0) * entry * transition ** (grade - first);
    out[level] = pupils;
  }
  return out;
}
