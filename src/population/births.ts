/**
 * Births: Guangdong's provincial series, a county's births scaled from it, and births beyond the last known year.
 * @module
 */
import { InputError } from "../errors.ts";
import type { NormTag } from "../norms/norm.ts";
import { CENSUS_YEAR, GUANGDONG_PROVINCE_2020, type CensusUnit } from "./census.ts";
import { DEFAULT_SURVIVAL, survivalToAge, type Survival } from "./survival.ts";

/** One year's births, with its source. */
export interface BirthsRecord {
  /** The calendar year. */
  readonly year: number;
  /** Live births in the year (persons). */
  readonly births: number;
  /** Where the figure comes from. */
  readonly source: string;
  /** How well the source was verified ({@link NormTag}); `"assumption"` for an estimate. */
  readonly tag: NormTag;
}

/** A births series: births per year (persons), keyed by year. */
export type BirthsSeries = Readonly<Record<number, number>>;

const BULLETIN = "广东省国民经济和社会发展统计公报 (Guangdong statistical bulletins of each year, as quoted by reposts: V2)";

/**
 * Guangdong's births 2016–2024 from the provincial statistical bulletins (domain.md §4, tag V2), in persons. The
 * 2020 bulletin figure was not found: 2020 is estimated as the census age-0 count (1,290,748) ÷ the default
 * survival to the age-0 count ({@link DEFAULT_SURVIVAL}), and tagged an assumption.
 */
export const GUANGDONG_BIRTHS: readonly BirthsRecord[] = Object.freeze(
  [
    [2016, 1_294_500],
    [2017, 1_516_300],
    [2018, 1_439_800],
    [2019, 1_433_800],
    [2020, Math.round(GUANGDONG_PROVINCE_2020.bands[0] / DEFAULT_SURVIVAL.atBirth)],
    [2021, 1_183_100],
    [2022, 1_052_000],
    [2023, 1_030_000],
    [2024, 1_130_000],
  ].map(([year, births]) =>
    Object.freeze({
      year: year as number,
      births: births as number,
      ...(year === 2020
        ? { source: "estimate, not data: census 2020 age 0 ÷ survival to the age-0 count (school-layout)", tag: "assumption" as const }
        : { source: BULLETIN, tag: "V2" as const }),
    }),
  ),
);

/** {@link GUANGDONG_BIRTHS} as a series. */
export const GUANGDONG_BIRTHS_SERIES: BirthsSeries = Object.freeze(Object.fromEntries(GUANGDONG_BIRTHS.map((r) => [r.year, r.births])));

/**
 * The rule by which a county's births are scaled from the province's: two ratios read from the 2020 census and
 * held fixed, see {@link countyBirths}.
 */
export const COUNTY_BIRTHS_RULE =
  "allocation, not data: county births = provincial births × the county's census 2020 age-0 count ÷ the provincial " +
  "births of 2020 counted at age 0; each cohort then grows from age 0 to age 1 by the county's census ratio of " +
  "children aged 1-4 to age 0 per provincial birth (children who come or leave in their first years)";

/** A county's births from {@link countyBirths}. */
export interface CountyBirths {
  /** Births by year (persons): the provincial series times `share`, with the county's own figures where given. */
  readonly series: BirthsSeries;
  /** The county's census age-0 count per provincial birth of the census year counted at age 0. */
  readonly share: number;
  /**
   * The census age-0 count per birth of the series in the census year counted at age 0: 1 for the scaled
   * provincial series (by construction of `share`); for the county's own births, what the census counted of them.
   */
  readonly ageZeroRatio: number;
  /**
   * The factor by which a cohort grows from age 0 to age 1: the census ages 1–4 per birth of the series in the four
   * years before surviving to those ages, divided by `ageZeroRatio` (1 where the census has no child aged 0).
   */
  readonly ageOneFactor: number;
}

/**
 * A county's births, scaled from the province's by its census age-0 count ({@link COUNTY_BIRTHS_RULE}): `share` =
 * the county's age-0 count ÷ (the provincial births of the census year × survival to the age-0 count). The census
 * also gives the children aged 1–4 per birth of their birth years; its ratio to the age-0 one, `ageOneFactor`,
 * carries what the census saw in a cohort's first years — children born elsewhere who come to live in the county
 * (e.g. with grandparents), children born there who leave, and the census's undercount of age 0 — and the
 * projection applies it to every cohort from age 0 to age 1. Both are held fixed. The county's own figures take
 * precedence for the years they give, and the ratios are then read against them.
 * @param unit - the census unit (its `bands[0]` and `bands[1]` are ages 0 and 1–4)
 * @param options - `provincialBirths` (default {@link GUANGDONG_BIRTHS_SERIES}), `survival` (default
 *   {@link DEFAULT_SURVIVAL}), `year` (the census year, default 2020), `own` (the county's own births by year),
 *   `source` (the option or file to name in errors, default `"births"`)
 * @returns the series, `share`, `ageZeroRatio` and `ageOneFactor`
 * @throws InputError when the provincial series lacks a year of the five before the census, an own figure is not
 *   a finite number ≥ 0, the own figures skip a year, or the merged series leaves a gap between its first and last year
 */
export function countyBirths(
  unit: CensusUnit,
  options: { readonly provincialBirths?: BirthsSeries; readonly survival?: Survival; readonly year?: number; readonly own?: BirthsSeries; readonly source?: string } = {},
): CountyBirths {
  const provincial = checkBirthsSeries(options.provincialBirths ?? GUANGDONG_BIRTHS_SERIES, "provincialBirths");
  const survival = options.survival ?? DEFAULT_SURVIVAL;
  const year = options.year ?? CENSUS_YEAR;
  const source = options.source ?? "births";
  for (let age = 0; age <= 4; age++) {
    if (provincial[year - age] === undefined) throw new InputError({ source: "provincialBirths", field: String(year - age) }, `is missing: the rule needs the births of ${year - 4}-${year}`);
  }
  if (!(provincial[year]! > 0)) throw new InputError({ source: "provincialBirths", field: String(year), value: provincial[year] }, "must be > 0");
  const share = unit.bands[0] / (provincial[year]! * survival.atBirth);
  const series: Record<number, number> = {};
  for (const [y, births] of Object.entries(provincial)) series[Number(y)] = births * share;
  const own = checkBirthsSeries(options.own ?? {}, source);
  const ownYears = Object.keys(own).map(Number).sort((x, y) => x - y);
  for (let k = 1; k < ownYears.length; k++) {
    if (ownYears[k]! !== ownYears[k - 1]! + 1) {
      throw new InputError({ source, field: "year", value: ownYears[k] }, `follows ${ownYears[k - 1]}: the county's own births must be consecutive years (give ${ownYears[k - 1]! + 1} too, or leave a range to the provincial figures)`);
    }
  }
  for (const [y, births] of Object.entries(own)) series[Number(y)] = births;
  const years = Object.keys(series).map(Number).sort((x, y) => x - y);
  for (let k = 1; k < years.length; k++) {
    if (years[k]! !== years[k - 1]! + 1) {
      throw new InputError({ source, field: "year", value: years[k] }, `leaves a gap after ${years[k - 1]}: births are needed for every year from ${years[0]} to the last year given`);
    }
  }
  const atZero = series[year]! * survival.atBirth;
  let atOneToFour = 0;
  for (let age = 1; age <= 4; age++) atOneToFour += series[year - age]! * survivalToAge(survival, age);
  const ageZeroRatio = atZero > 0 ? unit.bands[0] / atZero : 1;
  const ageOneFactor = unit.bands[0] > 0 && atOneToFour > 0 && ageZeroRatio > 0 ? unit.bands[1] / atOneToFour / ageZeroRatio : 1;
  return { series, share, ageZeroRatio, ageOneFactor };
}

/**
 * Checks a births series: integer years 1900–2100, births finite and ≥ 0.
 * @param series - the series
 * @param source - the file or option name to quote
 * @returns the same series
 * @throws InputError naming the year and the value
 */
export function checkBirthsSeries(series: BirthsSeries, source: string): BirthsSeries {
  for (const [key, births] of Object.entries(series)) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new InputError({ source, field: "year", value: key }, "must be a year from 1900 to 2100");
    if (typeof births !== "number" || !Number.isFinite(births) || births < 0) {
      throw new InputError({ source, id: key, field: "births", value: births }, "must be a finite number ≥ 0");
    }
  }
  return series;
}

/**
 * Births in `year` from a known series, carried past its last year by a yearly growth rate: births(t) =
 * B × (1 + growth)^(t − L), where L is the last known year and B the mean of the last two known years (which
 * smooths a one-year swing such as the 2024 dragon-year rebound).
 * @param series - known births by year
 * @param year - the year wanted
 * @param growth - yearly growth after the last known year, e.g. −0.02
 * @returns births in the year (persons)
 * @throws InputError when the series is empty, or the year is before its first year and not in it
 */
export function birthsInYear(series: BirthsSeries, year: number, growth: number): number {
  const known = series[year];
  if (known !== undefined) return known;
  const years = Object.keys(series).map(Number).sort((a, b) => a - b);
  const last = years[years.length - 1];
  if (last === undefined) throw new InputError({ field: "births", value: series }, "needs at least one year");
  if (year < last) throw new InputError({ field: "births", value: year }, `has no figure for this year (the series runs ${years[0]}–${last} with gaps)`);
  const previous = years[years.length - 2];
  const base = previous === undefined ? (series[last] as number) : ((series[last] as number) + (series[previous] as number)) / 2;
  return base * (1 + growth) ** (year - last);
}
