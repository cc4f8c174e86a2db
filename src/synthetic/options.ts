/**
 * Options of the synthetic county generator, their defaults and their checks.
 * @module
 */
import { InputError } from "../errors.ts";

/** What {@link generateCounty} takes. Everything it makes is synthetic. */
export interface CountyOptions {
  /**
   * Number of settlements (demand points) to make: the county seat, one seat per township and villages for the
   * rest. A whole number 1..200,000. At ~300 the county resembles a real one where each settlement is a
   * village-level unit (东源县: 284 units, 21 townships); at tens of thousands settlements are small hamlets
   * (for benchmarks).
   */
  readonly settlements: number;
  /** Seed of the pseudo-random generator: a whole number 0..4,294,967,295. Same options → same output bytes. */
  readonly seed: number;
  /**
   * Number of township-level units, including the county seat's own town: a whole number 1..settlements.
   * Default: settlements ÷ 15 rounded, at least 3 (or `settlements` when fewer) and at most 30 (Guangdong's
   * mountainous county units have 6–24 township-level units and about 13 village-level units per township:
   * ../shared/data/guangdong_towns_adcode2016.csv).
   */
  readonly townships?: number;
  /**
   * Area of the county in km², 1..100,000. Default: 13 km² per settlement, clamped to 2,000..4,000 km² (东源县
   * has 4,018 km² and 284 village-level units).
   */
  readonly areaKm2?: number;
  /**
   * Where the county lies: [longitude, latitude] in WGS-84 degrees of the centre of its boundary. Default
   * [114.7, 24.0] (the hills of northern Guangdong). Latitude must lie within −80..80.
   */
  readonly center?: readonly [number, number];
  /**
   * Total resident population (people), a whole number settlements..1,000,000,000. Default: 1,200 per
   * settlement (东源县: 348,386 people over 284 village-level units), at most 500,000 (the median county unit of
   * Guangdong's northern mountain cities has 367,175), and at least 1 per settlement.
   */
  readonly population?: number;
  /**
   * Road detail: the largest spacing in metres between consecutive vertices along a valley road (access roads use
   * the same spacing), 10..10,000. Default 250. Smaller values give more road segments: use it to scale a
   * network for benchmarks.
   */
  readonly roadDetail?: number;
}

/** The options with every default filled in, as recorded in the output's metadata. */
export interface ResolvedCountyOptions {
  /** See {@link CountyOptions.settlements}. */
  readonly settlements: number;
  /** See {@link CountyOptions.seed}. */
  readonly seed: number;
  /** See {@link CountyOptions.townships}. */
  readonly townships: number;
  /** See {@link CountyOptions.areaKm2} (km²). */
  readonly areaKm2: number;
  /** See {@link CountyOptions.center} ([longitude, latitude], WGS-84 degrees). */
  readonly center: readonly [number, number];
  /** See {@link CountyOptions.population} (people). */
  readonly population: number;
  /** See {@link CountyOptions.roadDetail} (metres). */
  readonly roadDetail: number;
}

/** The largest `settlements` the generator accepts. */
export const MAX_SETTLEMENTS = 200_000;

const SOURCE = "generateCounty options";

function fail(field: string, value: unknown, problem: string): never {
  throw new InputError({ source: SOURCE, field, value }, problem);
}

function wholeNumber(field: string, value: unknown, low: number, high: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < low || value > high) {
    fail(field, value, `must be a whole number in ${low}..${high}`);
  }
  return value;
}

function finiteNumber(field: string, value: unknown, low: number, high: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < low || value > high) {
    fail(field, value, `must be a number in ${low}..${high}`);
  }
  return value;
}

/** The default number of townships for `settlements` settlements; see {@link CountyOptions.townships}. */
export function defaultTownships(settlements: number): number {
  return Math.min(settlements, Math.max(3, Math.min(30, Math.round(settlements / 15))));
}

/**
 * Checks the options and fills in the defaults. The input is not changed.
 * @param options - see {@link CountyOptions}
 * @returns the resolved options
 * @throws InputError naming the option (`settlements`, `seed`, `townships`, `areaKm2`, `center`, `population`,
 *   `roadDetail`, or an unknown option name) and its value when it is missing, not a number, not whole where it
 *   must be, or out of range
 */
export function resolveCountyOptions(options: CountyOptions): ResolvedCountyOptions {
  if (typeof options !== "object" || options === null) fail("options", options, "must be an object");
  const known = new Set(["settlements", "seed", "townships", "areaKm2", "center", "population", "roadDetail"]);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) fail(key, (options as unknown as Record<string, unknown>)[key], `is not an option (known: ${[...known].join(", ")})`);
  }
  const settlements = wholeNumber("settlements", options.settlements, 1, MAX_SETTLEMENTS);
  const seed = wholeNumber("seed", options.seed, 0, 4_294_967_295);
  const townships =
    options.townships === undefined ? defaultTownships(settlements) : wholeNumber("townships", options.townships, 1, settlements);
  const areaKm2 =
    options.areaKm2 === undefined ? Math.min(4000, Math.max(2000, 13 * settlements)) : finiteNumber("areaKm2", options.areaKm2, 1, 100_000);
  let center: readonly [number, number] = [114.7, 24.0];
  if (options.center !== undefined) {
    const c = options.center as unknown;
    if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== "number" || typeof c[1] !== "number") {
      fail("center", c, "must be [longitude, latitude] in degrees");
    }
    const [lon, lat] = c as [number, number];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -179 || lon > 179 || lat < -80 || lat > 80) {
      fail("center", c, "must be [longitude −179..179, latitude −80..80] in degrees");
    }
    center = [lon, lat];
  }
  const population =
    options.population === undefined
      ? Math.max(settlements, Math.min(500_000, 1200 * settlements))
      : wholeNumber("population", options.population, settlements, 1_000_000_000);
  const roadDetail = options.roadDetail === undefined ? 250 : finiteNumber("roadDetail", options.roadDetail, 10, 10_000);
  return { settlements, seed, townships, areaKm2, center, population, roadDetail };
}
