/**
 * Child survival: the share of a cohort that lives from one birthday to the next, and from birth to being counted
 * at age 0.
 * @module
 */
import { InputError } from "../errors.ts";
import { norm, type Norm } from "../norms/norm.ts";
import { MAX_AGE } from "./census.ts";

/** Survival rates of children, each in (0, 1]. */
export interface Survival {
  /** The share of a year's births counted at age 0 in that year (the census counts age 0 mid-first-year). */
  readonly atBirth: number;
  /** `annual[a]`: the share of those aged `a` who are alive a year later, for a = 0 … 18 (19 entries). */
  readonly annual: readonly number[];
  /** Where the rates come from. */
  readonly source: string;
}

/** China's infant mortality rate in 2020, deaths before age 1 per live birth: 5.4‰. */
export const INFANT_MORTALITY_2020: Norm<number> = norm(0.0054, "国家卫生健康委《2020年我国卫生健康事业发展统计公报》: 婴儿死亡率 5.4‰", "M");

/** China's under-5 mortality rate in 2020, deaths before age 5 per live birth: 7.5‰. */
export const UNDER5_MORTALITY_2020: Norm<number> = norm(0.0075, "国家卫生健康委《2020年我国卫生健康事业发展统计公报》: 5岁以下儿童死亡率 7.5‰", "M");

/** The yearly survival of ages 5–18 (an assumption of school-layout: child deaths of about 0.3‰ a year). */
export const SCHOOL_AGE_SURVIVAL: Norm<number> = norm(0.9997, "school-layout assumption: deaths of about 0.3‰ a year at ages 5–19", "assumption");

/**
 * The default survival: half the infant deaths before the age-0 count and half in the rest of the first year; the
 * rest of the under-5 deaths spread evenly over ages 1–4; {@link SCHOOL_AGE_SURVIVAL} from age 5. National 2020
 * rates ({@link INFANT_MORTALITY_2020}, {@link UNDER5_MORTALITY_2020}); Guangdong's are lower, so this errs low.
 */
export const DEFAULT_SURVIVAL: Survival = (() => {
  const infant = INFANT_MORTALITY_2020.value;
  const halfInfant = 1 - infant / 2;
  const early = ((1 - UNDER5_MORTALITY_2020.value) / (1 - infant)) ** (1 / 4);
  const annual = Array.from({ length: MAX_AGE }, (_, a) => (a === 0 ? halfInfant : a <= 4 ? early : SCHOOL_AGE_SURVIVAL.value));
  return Object.freeze({
    atBirth: halfInfant,
    annual: Object.freeze(annual),
    source: `${INFANT_MORTALITY_2020.source}; ${UNDER5_MORTALITY_2020.source}; ${SCHOOL_AGE_SURVIVAL.source}`,
  });
})();

/**
 * Checks a survival table.
 * @param survival - the table
 * @param field - the option name to quote (default `"survival"`)
 * @returns the same table
 * @throws InputError when a rate is not in (0, 1] or `annual` does not have 19 entries
 */
export function checkSurvival(survival: Survival, field = "survival"): Survival {
  const rate = (name: string, value: unknown): void => {
    if (typeof value !== "number" || !(value > 0 && value <= 1)) throw new InputError({ field: `${field}.${name}`, value }, "must be a rate in (0, 1]");
  };
  rate("atBirth", survival.atBirth);
  if (!Array.isArray(survival.annual) || survival.annual.length !== MAX_AGE) {
    throw new InputError({ field: `${field}.annual`, value: survival.annual }, `must hold ${MAX_AGE} rates (ages 0–${MAX_AGE - 1})`);
  }
  survival.annual.forEach((value, a) => rate(`annual[${a}]`, value));
  return survival;
}

/**
 * The share of births alive at age `age` (counted as the census counts: at age 0, {@link Survival.atBirth}).
 * @param survival - the table
 * @param age - 0 … 19
 */
export function survivalToAge(survival: Survival, age: number): number {
  let share = survival.atBirth;
  for (let a = 0; a < age; a++) share *= survival.annual[a] as number;
  return share;
}
