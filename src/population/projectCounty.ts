/**
 * A county's projection in one call: its census ages split into single years, its births scaled from the
 * province, and optionally its children split over settlements.
 * @module
 */
import { splitByWeights } from "./allocate.ts";
import { countyBirths, COUNTY_BIRTHS_RULE, GUANGDONG_BIRTHS_SERIES, type BirthsSeries, type CountyBirths } from "./births.ts";
import { CENSUS_YEAR, type CensusUnit } from "./census.ts";
import type { DEFAULT_ENROLMENT_RATES, EnrolmentRates } from "./enrolment.ts";
import type { ProjectionPlace } from "./migration.ts";
import { projectPopulation, type Projection } from "./project.ts";
import type { Scenario } from "./scenarios.ts";
import type { SettlementPlace } from "./settlements.ts";
import { singleYearAges, type SplitRule } from "./singleYears.ts";
import type { DEFAULT_SURVIVAL, Survival } from "./survival.ts";

/** The options of {@link projectCounty}. */
export interface CountyProjectionOptions {
  /** The years to report, ascending, from 2020. */
  readonly years: readonly number[];
  /** Default `[SCENARIOS.medium]`. */
  readonly scenarios?: readonly Scenario[];
  /** How the census bands are split into single years (default `"births"`). */
  readonly split?: SplitRule;
  /** The option or file the county's own births came from, named in errors (default `"births"`). */
  readonly birthsSource?: string;
  /** The county's own births by year (persons), taking precedence over the scaled provincial series. */
  readonly births?: BirthsSeries;
  /** The provincial series to scale (default Guangdong's, {@link GUANGDONG_BIRTHS_SERIES}). */
  readonly provincialBirths?: BirthsSeries;
  /** Settlements to split the county's children over (from {@link settlementPlaces}); default: the county as one place. */
  readonly settlements?: readonly SettlementPlace[];
  /** The label of the settlement split (from {@link settlementPlaces}). */
  readonly allocation?: string;
  /** Default {@link DEFAULT_SURVIVAL}. */
  readonly survival?: Survival;
  /** Default {@link DEFAULT_ENROLMENT_RATES}. */
  readonly enrolment?: EnrolmentRates;
}

/** A county projection and how it was made. */
export interface CountyProjection extends Projection {
  /** The census unit. */
  readonly unit: CensusUnit;
  /** The county's births used (known years; later years follow each scenario). */
  readonly births: BirthsSeries;
  /** The county's ratio of children to provincial births ({@link COUNTY_BIRTHS_RULE}). */
  readonly birthsShare: number;
  /** Census age-0 children per birth of the series counted at age 0 ({@link CountyBirths.ageZeroRatio}). */
  readonly ageZeroRatio: number;
  /** The growth of every cohort from age 0 to age 1 ({@link CountyBirths.ageOneFactor}). */
  readonly ageOneFactor: number;
  /** How the births were made. */
  readonly birthsRule: string;
  /** How each census band was split ({@link singleYearAges}). */
  readonly splitRules: readonly string[];
  /** The settlement split's label, or `null` when the county is one place. */
  readonly allocation: string | null;
}

/**
 * Projects a county: {@link singleYearAges} of its census, {@link countyBirths} (its own figures first), and
 * {@link projectPopulation} over the county as one place (kind `"county"`: only out-of-county migration applies),
 * or over its settlements with the county's ages split by their weights ({@link splitByWeights}).
 * @param unit - the county's census unit, e.g. `guangdongCensusUnit("441625")`
 * @param options - see {@link CountyProjectionOptions}
 * @returns the projection with its births, split and allocation
 * @throws InputError as {@link projectPopulation}, {@link singleYearAges} and {@link countyBirths} do
 */
export function projectCounty(unit: CensusUnit, options: CountyProjectionOptions): CountyProjection {
  const { series, share, ageZeroRatio, ageOneFactor } = countyBirths(unit, {
    ...(options.birthsSource === undefined ? {} : { source: options.birthsSource }),
    ...(options.survival === undefined ? {} : { survival: options.survival }),
    ...(options.provincialBirths === undefined ? {} : { provincialBirths: options.provincialBirths }),
    ...(options.births === undefined ? {} : { own: options.births }),
  });
  const split = singleYearAges(unit, { rule: options.split ?? "births", births: series, ...(options.survival === undefined ? {} : { survival: options.survival }) });
  let places: ProjectionPlace[];
  if (options.settlements === undefined) {
    places = [{ id: unit.code || unit.name || "county", kind: "county", ages: split.ages }];
  } else {
    const shares = splitByWeights(split.ages, options.settlements.map((s) => s.weight));
    places = options.settlements.map((s, i) => ({ id: s.id, kind: s.kind, ...(s.township === undefined ? {} : { township: s.township }), ages: shares[i] as number[] }));
  }
  const projection = projectPopulation({
    places,
    births: series,
    ageZeroRatio,
    ageOneFactor,
    years: options.years,
    baseYear: CENSUS_YEAR,
    ...(options.scenarios === undefined ? {} : { scenarios: options.scenarios }),
    ...(options.survival === undefined ? {} : { survival: options.survival }),
    ...(options.enrolment === undefined ? {} : { enrolment: options.enrolment }),
  });
  const own = options.births !== undefined && Object.keys(options.births).length > 0;
  return {
    ...projection,
    unit,
    births: series,
    birthsShare: share,
    ageZeroRatio,
    ageOneFactor,
    birthsRule: own ? `the county's own births where given; elsewhere ${COUNTY_BIRTHS_RULE}` : COUNTY_BIRTHS_RULE,
    splitRules: split.rules,
    allocation: options.settlements === undefined ? null : (options.allocation ?? "allocation, not data: the county's census children split over settlements by the caller's weights"),
  };
}
