/**
 * The cohort projection: single-year ages 0–19 by place, year and scenario, and enrolment per level.
 * @module
 */
import { InputError } from "../errors.ts";
import type { LevelId } from "../norms/levels.ts";
import { birthsInYear, checkBirthsSeries, type BirthsSeries, type CountyBirths, type countyBirths } from "./births.ts";
import { CENSUS_YEAR, MAX_AGE } from "./census.ts";
import { checkEnrolmentRates, DEFAULT_ENROLMENT_RATES, enrolmentOf, type EnrolmentRates } from "./enrolment.ts";
import { migrateOneYear, migrationRoutes, type MigrationFlows, type ProjectionPlace } from "./migration.ts";
import { checkScenario, SCENARIOS, shareInYear, type Scenario } from "./scenarios.ts";
import { checkSurvival, DEFAULT_SURVIVAL, type Survival } from "./survival.ts";

/** The last year a projection runs to: 2050 (beyond 2040 every child is born after the last known births). */
export const LAST_PROJECTION_YEAR = 2050;

/** The inputs of {@link projectPopulation}. */
export interface ProjectionInput {
  /** The places and their base-year ages (at least one). */
  readonly places: readonly ProjectionPlace[];
  /** The county's births by year (persons), at least up to the base year; later years follow each scenario. */
  readonly births: BirthsSeries;
  /** The years to report, ascending, from the base year to {@link LAST_PROJECTION_YEAR}. */
  readonly years: readonly number[];
  /** The scenarios (default `[SCENARIOS.medium]`); ids must differ. */
  readonly scenarios?: readonly Scenario[];
  /** The year of the base ages (default 2020, the census). */
  readonly baseYear?: number;
  /** Default {@link DEFAULT_SURVIVAL}. */
  readonly survival?: Survival;
  /** Default {@link DEFAULT_ENROLMENT_RATES}. */
  readonly enrolment?: EnrolmentRates;
  /** Children counted at age 0 per birth counted at age 0 (the census's ratio, {@link countyBirths}); default 1. */
  readonly ageZeroRatio?: number;
  /** The factor by which every cohort grows from age 0 to age 1 ({@link CountyBirths.ageOneFactor}); default 1. */
  readonly ageOneFactor?: number;
}

/** One place in one year under one scenario. */
export interface ProjectionRow {
  /** The place id. */
  readonly place: string;
  /** The calendar year. */
  readonly year: number;
  /** The scenario id. */
  readonly scenario: string;
  /** Counts for ages 0–19 (expected values: fractional). */
  readonly ages: readonly number[];
  /** Pupils per level ({@link enrolmentOf}). */
  readonly enrolment: Readonly<Record<LevelId, number>>;
}

/** The county-wide figures of one year under one scenario. */
export interface ProjectionYear {
  /** The calendar year. */
  readonly year: number;
  /** The scenario id. */
  readonly scenario: string;
  /** Births in the year (persons): the known series, or the scenario's growth past it; `null` for a base year the
   *  series does not give (base-year ages come from the census, not from births). */
  readonly births: number | null;
  /** Children who moved in the year (0 in the base year). */
  readonly flows: MigrationFlows;
}

/** A projection. */
export interface Projection {
  /** The year of the base ages. */
  readonly baseYear: number;
  /** The years reported. */
  readonly years: readonly number[];
  /** The scenarios, in input order. */
  readonly scenarios: readonly Scenario[];
  /** One row per scenario, year and place, in that order (places in input order). */
  readonly rows: readonly ProjectionRow[];
  /** One entry per scenario and year from the base year to the last year reported. */
  readonly timeline: readonly ProjectionYear[];
  /** The survival used. */
  readonly survival: Survival;
  /** The enrolment rates used. */
  readonly enrolment: EnrolmentRates;
}

function checkYears(years: readonly number[], baseYear: number): void {
  if (!Array.isArray(years) || years.length === 0) throw new InputError({ field: "years", value: years }, "must list at least one year");
  years.forEach((year, i) => {
    if (!Number.isInteger(year) || year < baseYear || year > LAST_PROJECTION_YEAR) {
      throw new InputError({ field: `years[${i}]`, value: year }, `must be a whole year from the base year ${baseYear} to ${LAST_PROJECTION_YEAR}`);
    }
    if (i > 0 && year <= (years[i - 1] as number)) throw new InputError({ field: `years[${i}]`, value: year }, "years must be ascending without repeats");
  });
}

function checkPlaces(places: readonly ProjectionPlace[]): void {
  if (!Array.isArray(places) || places.length === 0) throw new InputError({ field: "places", value: places }, "must hold at least one place");
  places.forEach((place, index) => {
    if (!Array.isArray(place.ages) || place.ages.length !== MAX_AGE + 1 || place.ages.some((n: unknown) => typeof n !== "number" || !Number.isFinite(n) || n < 0)) {
      throw new InputError({ source: "places", index, id: place.id, field: "ages", value: place.ages }, `must be ${MAX_AGE + 1} counts ≥ 0 (ages 0–${MAX_AGE})`);
    }
  });
}

function sum(values: readonly number[], from = 0, to = values.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i] as number;
  return s;
}

/**
 * Projects single-year ages 0–19 by place from the base year, year by year, under each scenario. Each year:
 * everyone ages one year with {@link Survival.annual} (the age-19 cohort leaves the table); the year's births
 * (the known series, else {@link birthsInYear} with the scenario's growth) times {@link Survival.atBirth} become
 * age 0 (times `ageZeroRatio`), split over places by their share of ages 0–4 the year before (by all ages where
 * those are 0, evenly where all are 0), and the cohort leaving age 0 grows by `ageOneFactor`; then {@link migrateOneYear} with the scenario's shares for that year. Grade-1 intake in
 * year t is thus births(t − 6) × survival × migration × the entry rate, the method of Chinese school planning
 * (domain.md §4). Inputs are not changed.
 * @param input - see {@link ProjectionInput}
 * @returns the rows for the years asked and the county-wide timeline
 * @throws InputError for bad years, places, births, survival, rates or duplicate scenario ids
 */
export function projectPopulation(input: ProjectionInput): Projection {
  const baseYear = input.baseYear ?? CENSUS_YEAR;
  if (!Number.isInteger(baseYear) || baseYear < 1950 || baseYear > LAST_PROJECTION_YEAR) throw new InputError({ field: "baseYear", value: baseYear }, "must be a whole year");
  checkYears(input.years, baseYear);
  checkPlaces(input.places);
  checkBirthsSeries(input.births, "births");
  const survival = checkSurvival(input.survival ?? DEFAULT_SURVIVAL);
  const enrolment = checkEnrolmentRates(input.enrolment ?? DEFAULT_ENROLMENT_RATES);
  const scenarios = input.scenarios ?? [SCENARIOS.medium];
  if (scenarios.length === 0) throw new InputError({ field: "scenarios", value: scenarios }, "must hold at least one scenario");
  const seen = new Set<string>();
  for (const s of scenarios) {
    if (seen.has(s.id)) throw new InputError({ field: "scenarios", value: s.id }, "ids must differ");
    seen.add(s.id);
  }
  const factor = (name: "ageZeroRatio" | "ageOneFactor"): number => {
    const value = input[name] ?? 1;
    if (typeof value !== "number" || !(value > 0 && value < 100)) throw new InputError({ field: name, value }, "must be a ratio > 0");
    return value;
  };
  const ageZeroRatio = factor("ageZeroRatio");
  const ageOneFactor = factor("ageOneFactor");
  for (const [i, s] of scenarios.entries()) checkScenario(s, `scenarios[${i}]`);
  const routes = migrationRoutes(input.places);
  const lastYear = input.years[input.years.length - 1] as number;
  const wanted = new Set(input.years);
  const rows: ProjectionRow[] = [];
  const timeline: ProjectionYear[] = [];
  const report = (scenario: string, year: number, ages: readonly (readonly number[])[]): void => {
    if (!wanted.has(year)) return;
    input.places.forEach((place, p) => {
      const row = [...(ages[p] as number[])];
      rows.push({ place: place.id, year, scenario, ages: row, enrolment: enrolmentOf(row, enrolment) });
    });
  };
  for (const scenario of scenarios) {
    let ages: number[][] = input.places.map((place) => [...place.ages]);
    const noFlows = { outOfCounty: 0, toTownshipSeats: 0, toCountySeat: 0 };
    timeline.push({ year: baseYear, scenario: scenario.id, births: input.births[baseYear] ?? null, flows: noFlows });
    report(scenario.id, baseYear, ages);
    for (let year = baseYear + 1; year <= lastYear; year++) {
      const births = birthsInYear(input.births, year, scenario.birthsGrowth);
      const young = ages.map((row) => sum(row, 0, 5));
      const all = ages.map((row) => sum(row));
      const weights = sum(young) > 0 ? young : sum(all) > 0 ? all : ages.map(() => 1);
      const totalWeight = sum(weights);
      const aged = ages.map((row, p) => {
        const next = new Array<number>(MAX_AGE + 1);
        next[0] = (births * survival.atBirth * ageZeroRatio * (weights[p] as number)) / totalWeight;
        for (let a = 0; a < MAX_AGE; a++) next[a + 1] = (row[a] as number) * (survival.annual[a] as number) * (a === 0 ? ageOneFactor : 1);
        return next;
      });
      const m = scenario.migration;
      const moved = migrateOneYear(aged, input.places, routes, {
        ruralToTownshipSeat: shareInYear(m.ruralToTownshipSeat, year),
        townshipSeatToCountySeat: shareInYear(m.townshipSeatToCountySeat, year),
        outOfCounty: shareInYear(m.outOfCounty, year),
      });
      ages = moved.ages;
      timeline.push({ year, scenario: scenario.id, births, flows: moved.flows });
      report(scenario.id, year, ages);
    }
  }
  return { baseYear, years: [...input.years], scenarios: [...scenarios], rows, timeline, survival, enrolment };
}

/**
 * Sums the rows of a projection over places: one row per scenario and year, with `place` set to `placeId`.
 * @param projection - the projection
 * @param placeId - the id the summed rows carry (default `"total"`)
 */
export function projectionTotals(projection: Projection, placeId = "total"): ProjectionRow[] {
  const byKey = new Map<string, { scenario: string; year: number; ages: number[]; enrolment: Record<string, number> }>();
  for (const row of projection.rows) {
    const key = `${row.scenario}\u0000${row.year}`;
    let acc = byKey.get(key);
    if (acc === undefined) {
      acc = { scenario: row.scenario, year: row.year, ages: new Array<number>(MAX_AGE + 1).fill(0), enrolment: {} };
      byKey.set(key, acc);
    }
    row.ages.forEach((n, a) => (acc.ages[a] = (acc.ages[a] as number) + n));
    for (const [level, n] of Object.entries(row.enrolment)) acc.enrolment[level] = (acc.enrolment[level] ?? 0) + n;
  }
  return [...byKey.values()].map((acc) => ({ place: placeId, year: acc.year, scenario: acc.scenario, ages: acc.ages, enrolment: acc.enrolment as Record<LevelId, number> }));
}
