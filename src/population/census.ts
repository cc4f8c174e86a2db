/**
 * Census age counts of one place: the 2020 census bands (0, 1–4, 5–9, 10–14, 15–19) or single years 0–19, and the
 * Guangdong 2020 census shipped with school-layout.
 * @module
 */
import { InputError } from "../errors.ts";
import { GUANGDONG_CENSUS_2020_ROWS } from "./guangdongCensus2020.ts";

/** The census age bands, as [first age, last age]: 0, 1–4, 5–9, 10–14, 15–19 (the 2020 census county tables). */
export const CENSUS_BANDS: readonly (readonly [first: number, last: number])[] = [
  [0, 0],
  [1, 4],
  [5, 9],
  [10, 14],
  [15, 19],
];

/** The oldest single-year age a projection carries: 19 (so ages 0–19, 20 entries). */
export const MAX_AGE = 19;

/** The census year of the bundled data and the default base year of a projection. */
export const CENSUS_YEAR = 2020;

/** One census unit (province, prefecture-level city or county unit) and its age counts. */
export interface CensusUnit {
  /** The 6-digit NBS division code, e.g. "441625". */
  readonly code: string;
  /** The unit's name, e.g. "东源县". */
  readonly name: string;
  /** The prefecture-level city it belongs to ("" for the province). */
  readonly city: string;
  /** `"county"` for the 122 county units (districts, county-level cities, counties), `"city"`, or `"province"`. */
  readonly level: "province" | "city" | "county";
  /** Resident population. */
  readonly population: number;
  /** Urban population (城镇人口). */
  readonly urban: number;
  /** Rural population (乡村人口). */
  readonly rural: number;
  /** People aged 0, 1–4, 5–9, 10–14 and 15–19 ({@link CENSUS_BANDS}). */
  readonly bands: readonly [number, number, number, number, number];
  /** Single-year counts for ages 0–19 where the source has them; these take precedence over `bands`. */
  readonly singleYears?: readonly number[];
}

/**
 * Guangdong's 2020 census: the province (440000) first, then its 21 prefecture-level cities and 122 county units
 * in code order. 东莞市 (441900) and 中山市 (442000) have no county units: as cities they hold their own figures.
 * Source: 7th National Population Census county tables (leiii/census, MIT), via `data/derive-guangdong-census.ts`.
 */
export const GUANGDONG_CENSUS_2020: readonly CensusUnit[] = Object.freeze(
  GUANGDONG_CENSUS_2020_ROWS.map(([code, name, city, level, population, urban, rural, ...bands]) =>
    Object.freeze({ code, name, city, level, population, urban, rural, bands: Object.freeze(bands) as CensusUnit["bands"] }),
  ),
);

const BY_CODE = new Map(GUANGDONG_CENSUS_2020.map((unit) => [unit.code, unit]));

/** The province row of {@link GUANGDONG_CENSUS_2020} (440000, 广东省). */
export const GUANGDONG_PROVINCE_2020: CensusUnit = BY_CODE.get("440000") as CensusUnit;

/**
 * Looks up a Guangdong census unit by code or by name.
 * @param codeOrName - a 6-digit code ("441625") or an exact name ("东源县"); a name shared by two units (e.g. a
 *   district name used in two cities) must be given as a code
 * @param field - the option name to quote in an error (default `"county"`)
 * @returns the unit
 * @throws InputError when no unit or more than one matches
 */
export function guangdongCensusUnit(codeOrName: string, field = "county"): CensusUnit {
  const byCode = BY_CODE.get(codeOrName.trim());
  if (byCode !== undefined) return byCode;
  const named = GUANGDONG_CENSUS_2020.filter((unit) => unit.name === codeOrName.trim());
  if (named.length === 1) return named[0] as CensusUnit;
  if (named.length > 1) {
    throw new InputError({ field, value: codeOrName }, `names ${named.length} units (${named.map((u) => `${u.code} ${u.city}`).join(", ")}); give the code`);
  }
  throw new InputError({ field, value: codeOrName }, "is not a Guangdong census unit: give a 6-digit code such as 441625 or a name such as 东源县");
}

function countField(source: string, field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InputError({ source, field, value }, "must be a finite number ≥ 0");
  }
  return value;
}

const BAND_KEYS = ["age_0", "age_1_4", "age_5_9", "age_10_14", "age_15_19"] as const;

/**
 * Reads a census unit from a plain record, e.g. a parsed JSON file. Accepted shapes: `ages` (20 single-year
 * counts, ages 0–19), or `bands` (5 counts, {@link CENSUS_BANDS}), or the census keys `age_0`, `age_1_4`,
 * `age_5_9`, `age_10_14`, `age_15_19` (the shape of ../shared/data/…/census2020.json); numbers may be given as
 * numeric strings there. Optional: `code`, `name` (or `county`), `city`, `pop_total`/`population`,
 * `pop_urban`/`urban`, `pop_rural`/`rural`.
 * @param record - the record
 * @param source - the file name to quote in errors
 * @returns the unit, at level `"county"`; `population`, `urban`, `rural` default to the sum of the ages and 0
 * @throws InputError naming the field and the value of anything missing or malformed
 */
export function censusUnitFromRecord(record: unknown, source: string): CensusUnit {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    throw new InputError({ source, field: "(file)", value: record }, "must be a JSON object with ages, bands or age_0 … age_15_19");
  }
  const r = record as Record<string, unknown>;
  const numeric = (field: string): number | undefined => {
    const v = r[field];
    if (v === undefined) return undefined;
    return countField(source, field, typeof v === "string" && v.trim() !== "" ? Number(v) : v);
  };
  const list = (field: string, length: number): number[] | undefined => {
    const v = r[field];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length !== length) throw new InputError({ source, field, value: v }, `must be an array of ${length} counts`);
    return v.map((x, i) => countField(source, `${field}[${i}]`, x));
  };
  const shapes = ["ages", "bands", "age_0"].filter((key) => r[key] !== undefined);
  if (shapes.length > 1) throw new InputError({ source, field: shapes.join(", "), value: shapes }, "give the ages one way only: ages (0–19), bands, or age_0 … age_15_19");
  const singleYears = list("ages", MAX_AGE + 1);
  let bands = list("bands", CENSUS_BANDS.length);
  if (bands === undefined && BAND_KEYS.some((key) => r[key] !== undefined)) {
    bands = BAND_KEYS.map((key) => {
      const v = numeric(key);
      if (v === undefined) throw new InputError({ source, field: key }, "is missing (all of age_0, age_1_4, age_5_9, age_10_14, age_15_19 are needed)");
      return v;
    });
  }
  if (bands === undefined && singleYears !== undefined) {
    bands = CENSUS_BANDS.map(([first, last]) => singleYears.slice(first, last + 1).reduce((a, b) => a + b, 0));
  }
  if (bands === undefined) throw new InputError({ source, field: "ages" }, "is missing: give ages (0–19), bands (5) or age_0 … age_15_19");
  const total = bands.reduce((a, b) => a + b, 0);
  const text = (field: string): string | undefined => (typeof r[field] === "string" ? (r[field] as string) : typeof r[field] === "number" ? String(r[field]) : undefined);
  return {
    code: text("code") ?? "",
    name: text("name") ?? text("county") ?? "",
    city: text("city") ?? "",
    level: "county",
    population: numeric("population") ?? numeric("pop_total") ?? total,
    urban: numeric("urban") ?? numeric("pop_urban") ?? 0,
    rural: numeric("rural") ?? numeric("pop_rural") ?? 0,
    bands: bands as unknown as CensusUnit["bands"],
    ...(singleYears === undefined ? {} : { singleYears }),
  };
}
