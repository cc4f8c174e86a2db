/**
 * Single-year ages 0–19 from the census 5-year bands.
 * @module
 */
import { InputError } from "../errors.ts";
import type { BirthsSeries } from "./births.ts";
import { CENSUS_BANDS, CENSUS_YEAR, MAX_AGE, type CensusUnit } from "./census.ts";
import { DEFAULT_SURVIVAL, survivalToAge, type Survival } from "./survival.ts";

/**
 * How a band is split into single years:
 * - `"uniform"`: the same count at every age of the band;
 * - `"linear"`: counts on a straight line through the band's mean, its slope the difference of the neighbouring
 *   bands' yearly means over the distance of their centres (one-sided at the ends), flattened where it would go
 *   below 0; the band's total is kept exactly;
 * - `"births"`: in proportion to each age's births (born in census year − age) times survival to that age, where
 *   the births series covers all the band's birth years; other bands `"linear"`.
 */
export type SplitRule = "uniform" | "linear" | "births";

/** The split rules, for option parsing. */
export const SPLIT_RULES: readonly SplitRule[] = ["uniform", "linear", "births"];

/** Single-year ages and how each band was split. */
export interface SingleYearAges {
  /** Counts for ages 0–19. */
  readonly ages: readonly number[];
  /** Per band ({@link CENSUS_BANDS}): `"census"` (single years given), `"single"` (one-year band), or the rule used. */
  readonly rules: readonly string[];
}

function bandOf(i: number): readonly [first: number, last: number] {
  return CENSUS_BANDS[i] as readonly [number, number];
}

function linearBand(bands: readonly number[], k: number): number[] {
  const width = (i: number): number => bandOf(i)[1] - bandOf(i)[0] + 1;
  const mean = (i: number): number => (bands[i] as number) / width(i);
  const centre = (i: number): number => (bandOf(i)[0] + bandOf(i)[1]) / 2;
  const lo = Math.max(0, k - 1);
  const hi = Math.min(CENSUS_BANDS.length - 1, k + 1);
  const halfWidth = (width(k) - 1) / 2;
  const limit = halfWidth > 0 ? mean(k) / halfWidth : 0;
  const slope = Math.max(-limit, Math.min(limit, (mean(hi) - mean(lo)) / (centre(hi) - centre(lo))));
  return Array.from({ length: width(k) }, (_, i) => mean(k) + slope * (bandOf(k)[0] + i - centre(k)));
}

function birthsBand(bands: readonly number[], k: number, births: BirthsSeries, survival: Survival, year: number): number[] | undefined {
  const [first, last] = bandOf(k);
  const weights: number[] = [];
  for (let age = first; age <= last; age++) {
    const b = births[year - age];
    if (b === undefined) return undefined;
    weights.push(b * survivalToAge(survival, age));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return undefined;
  return weights.map((w) => ((bands[k] as number) * w) / sum);
}

/**
 * Splits a census unit's bands into single-year ages 0–19 ({@link SplitRule}); single years given by the unit
 * are used as they are.
 * @param unit - the census unit
 * @param options - `rule` (default `"births"`), `births` (the series for the `"births"` rule, e.g. the county's;
 *   only its shape matters), `survival` (default {@link DEFAULT_SURVIVAL}), `year` (the census year, default 2020)
 * @returns the ages (each band's sum equals the census band) and the rule used per band
 * @throws InputError for an unknown rule or single years that are not 20 finite counts ≥ 0
 */
export function singleYearAges(
  unit: CensusUnit,
  options: { readonly rule?: SplitRule; readonly births?: BirthsSeries; readonly survival?: Survival; readonly year?: number } = {},
): SingleYearAges {
  const rule = options.rule ?? "births";
  if (!SPLIT_RULES.includes(rule)) throw new InputError({ field: "split", value: rule }, `must be one of ${SPLIT_RULES.join(", ")}`);
  if (unit.singleYears !== undefined) {
    if (unit.singleYears.length !== MAX_AGE + 1 || unit.singleYears.some((n) => !(Number.isFinite(n) && n >= 0))) {
      throw new InputError({ source: unit.code || unit.name, field: "singleYears", value: unit.singleYears }, `must be ${MAX_AGE + 1} counts ≥ 0 (ages 0–${MAX_AGE})`);
    }
    return { ages: [...unit.singleYears], rules: CENSUS_BANDS.map(() => "census") };
  }
  const ages: number[] = [];
  const rules: string[] = [];
  CENSUS_BANDS.forEach(([first, last], k) => {
    if (first === last) {
      ages.push(unit.bands[k] as number);
      rules.push("single");
      return;
    }
    const byBirths = rule === "births" && options.births !== undefined
      ? birthsBand(unit.bands, k, options.births, options.survival ?? DEFAULT_SURVIVAL, options.year ?? CENSUS_YEAR)
      : undefined;
    if (byBirths !== undefined) {
      ages.push(...byBirths);
      rules.push("births");
    } else if (rule === "uniform") {
      const width = last - first + 1;
      for (let i = 0; i < width; i++) ages.push((unit.bands[k] as number) / width);
      rules.push("uniform");
    } else {
      ages.push(...linearBand(unit.bands, k));
      rules.push("linear");
    }
  });
  return { ages, rules };
}
