/**
 * Derives the Dongyuan (东源县, 河源市, code 441625) example dataset in `data/dongyuan/` from
 * `../shared/data/dongyuan_441625/`, so that the demo runs on a fresh clone without `../shared`.
 *
 * Node-only script (not library code): `npx tsx data/derive-dongyuan.ts`. The output is deterministic: the same
 * inputs give the same bytes. The pupil figures are an allocation (a modelling choice), not data: see
 * `data/README.md` for the rule, the attribution and the licences.
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import type { Feature, Geometry, Point, Position } from "geojson";
import { InputError } from "../src/errors.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** Default input folder: `../shared/data/dongyuan_441625` next to the repository. */
export const DONGYUAN_SOURCE_DIR = resolve(here, "../../shared/data/dongyuan_441625");
/** Default output folder: `data/dongyuan` in the repository. */
export const DONGYUAN_OUTPUT_DIR = resolve(here, "dongyuan");
/** Output file names, in the order {@link writeDongyuan} writes them. */
export const DONGYUAN_FILES = ["settlements.geojson", "sites.geojson", "boundary.geojson"] as const;

/** The name of the allocation rule, stored in every demand point's `allocation` property. */
export const ALLOCATION_RULE =
  "illustrative allocation, not data: census 2020 county 6-14 cohort split equally over village-level units";

/** The attribution text of ../shared/data/README.md, verbatim: it must ship with anything derived from it. */
export const SOURCE_ATTRIBUTION =
  "Administrative codes and township points: NBS 2016 via Vonng/adcode (CC BY 4.0); boundaries: Gaode via " +
  "Vonng/adcode (CC BY 4.0), converted GCJ-02 → WGS-84. Census: 7th National Population Census county tables " +
  "compiled by Dong, Du & Liu (leiii/census, MIT). Not an official map.";

/** The attribution stored in each output file: {@link SOURCE_ATTRIBUTION} plus this script's credit. */
export const ATTRIBUTION = `${SOURCE_ATTRIBUTION} Derived by school-layout's data/derive-dongyuan.ts.`;

export type {
  AllocationRecord,
  DatasetMetadata,
  DerivedCollection,
  DongyuanDataset,
  LeftOutTownship,
  SettlementKind,
  SettlementProperties,
  SiteProperties,
} from "./dongyuan-types.ts";
import type {
  AllocationRecord,
  DongyuanDataset,
  LeftOutTownship,
  SettlementProperties,
  SiteProperties,
} from "./dongyuan-types.ts";

interface Town { code: string; name: string; units: number; seat: Position | null }
interface Unit { code: string; name: string; townCode: string; townName: string; urCode: string; point: Position | null }

const CODE = /^\d{12}$/;
const CRS = "WGS-84 (EPSG:4326), converted from Gaode's GCJ-02 by ../shared/data with the standard formula";
const LICENCE = "CC BY 4.0 (NBS codes and Gaode points/boundaries via Vonng/adcode) + MIT (census via leiii/census)";

/**
 * Splits a whole number in proportion to integer weights with the largest-remainder method, in exact integer
 * arithmetic. Ties in the remainder go to the earlier index.
 * @param total - whole number ≥ 0 to split
 * @param weights - integer weights ≥ 0, at least one > 0
 * @returns whole shares, one per weight (same length and order), summing to `total`; each share is the floor or
 *   the ceiling of `total × weight / Σ weights`
 * @throws Error when `total` or a weight is not a non-negative safe integer, or all weights are 0
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`largestRemainder: bad total ${total}`);
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0) || sum <= 0 || !Number.isSafeInteger(total * sum)) {
    throw new Error(`largestRemainder: bad weights ${JSON.stringify(weights)}`);
  }
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  const order = weights.map((w, i) => ({ i, r: (total * w) % sum })).sort((a, b) => b.r - a.r || a.i - b.i);
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (left-- <= 0) break;
    shares[i] = (shares[i] as number) + 1;
  }
  return shares;
}

/**
 * The county's pupils aged 6–14 from the census 5-year bands: 0.8 × (5–9) + 1.0 × (10–14), ages 6–9 being four
 * fifths of the 5–9 band under even ages within a band.
 * @param age5to9 - census population aged 5–9
 * @param age10to14 - census population aged 10–14
 * @returns `exact` (unrounded) and `whole` (rounded to the nearest pupil; the fraction is a multiple of 0.2, so
 *   never a tie)
 */
export function cohort6to14(age5to9: number, age10to14: number): { exact: number; whole: number } {
  const fifths = 4 * age5to9 + 5 * age10to14;
  return { exact: fifths / 5, whole: Math.round(fifths / 5) };
}

/** The planned levels whose cohorts the derivation allocates. */
export const COHORT_LEVELS = ["kindergarten", "primary1to3", "primary4to6", "junior"] as const;

/**
 * How the level cohorts are made from the census 5-year bands, assuming even single-year ages within a band:
 * kindergarten (ages 3–5) = 2/4 × (1–4) + 1/5 × (5–9); grades 1–3 (6–8) = 3/5 × (5–9); grades 4–6 (9–11) =
 * 1/5 × (5–9) + 2/5 × (10–14); junior (12–14) = 3/5 × (10–14); each rounded, then allocated like pupils_6_14.
 */
export const LEVEL_COHORT_RULE =
  "ages within a census band taken as even: kindergarten (3-5) = 0.5 × age 1-4 + 0.2 × age 5-9; primary1to3 (6-8) = " +
  "0.6 × age 5-9; primary4to6 (9-11) = 0.2 × age 5-9 + 0.4 × age 10-14; junior (12-14) = 0.6 × age 10-14; each " +
  "rounded and allocated over townships and units exactly as pupils_6_14";

/**
 * The county's cohort per level from the census bands; see {@link LEVEL_COHORT_RULE}.
 * @param age1to4 - census population aged 1–4
 * @param age5to9 - aged 5–9
 * @param age10to14 - aged 10–14
 */
export function levelCohorts(age1to4: number, age5to9: number, age10to14: number): Record<(typeof COHORT_LEVELS)[number], number> {
  return {
    kindergarten: Math.round(0.5 * age1to4 + 0.2 * age5to9),
    primary1to3: Math.round(0.6 * age5to9),
    primary4to6: Math.round(0.2 * age5to9 + 0.4 * age10to14),
    junior: Math.round(0.6 * age10to14),
  };
}

/** Rounds a coordinate to 6 decimals (about 0.1 m). */
function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

function roundCoordinates(value: unknown): unknown {
  return Array.isArray(value) ? value.map(roundCoordinates) : typeof value === "number" ? round6(value) : value;
}

function lonLat(source: string, index: number, id: string, lon: unknown, lat: unknown): Position {
  const x = typeof lon === "string" ? Number(lon) : lon;
  const y = typeof lat === "string" ? Number(lat) : lat;
  if (typeof x !== "number" || !Number.isFinite(x) || x < -180 || x > 180) {
    throw new InputError({ source, index, id, field: "longitude", value: lon }, "must be a number in [-180, 180]");
  }
  if (typeof y !== "number" || !Number.isFinite(y) || y < -90 || y > 90) {
    throw new InputError({ source, index, id, field: "latitude", value: lat }, "must be a number in [-90, 90]");
  }
  return [round6(x), round6(y)];
}

function readJson(dir: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
}

function wholeNumber(source: string, field: string, value: unknown, index?: number, id?: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new InputError({ source, index, id, field, value }, "must be a whole number ≥ 0");
  }
  return value;
}

function readBoundary(dir: string): Feature<Geometry, Record<string, unknown>>[] {
  const source = "boundary_wgs84.geojson";
  const features = readJson(dir, source)["features"];
  if (!Array.isArray(features) || features.length === 0) {
    throw new InputError({ source, field: "features" }, "must be a non-empty array");
  }
  return (features as Feature[]).map((f, index) => {
    const g = f.geometry;
    if (g?.type !== "Polygon" && g?.type !== "MultiPolygon") {
      throw new InputError({ source, index, field: "geometry.type", value: g?.type }, "must be Polygon or MultiPolygon");
    }
    const geometry = { type: g.type, coordinates: roundCoordinates(g.coordinates) } as Geometry;
    return { type: "Feature", properties: { ...(f.properties ?? {}) }, geometry };
  });
}

function readTowns(dir: string): Town[] {
  const source = "towns_wgs84.geojson";
  const features = readJson(dir, source)["features"];
  if (!Array.isArray(features)) throw new InputError({ source, field: "features" }, "must be an array");
  return (features as Feature[]).map((f, index) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const code = p["town_code"];
    if (typeof code !== "string" || !CODE.test(code)) {
      throw new InputError({ source, index, field: "town_code", value: code }, "must be a 12-digit code");
    }
    const name = p["town"];
    if (typeof name !== "string" || name === "") {
      throw new InputError({ source, index, id: code, field: "town", value: name }, "must be a non-empty string");
    }
    if (f.geometry?.type !== "Point") {
      throw new InputError({ source, index, id: code, field: "geometry.type", value: f.geometry?.type }, "must be Point");
    }
    const [lon, lat] = f.geometry.coordinates;
    const units = wholeNumber(source, "n_village_units", p["n_village_units"], index, code);
    return { code, name, units, seat: lonLat(source, index, code, lon, lat) };
  });
}

function readUnits(dir: string): Unit[] {
  const source = "villages_adcode2016.csv";
  const rows = parse(readFileSync(join(dir, source), "utf8"), { columns: true, bom: true, skip_empty_lines: true });
  return (rows as Record<string, string>[]).map((row, index) => {
    const code = row["village_code"] ?? "";
    const townCode = row["town_code"] ?? "";
    if (!CODE.test(code)) {
      throw new InputError({ source, index, field: "village_code", value: code }, "must be a 12-digit code");
    }
    if (!CODE.test(townCode) || code.slice(0, 9) !== townCode.slice(0, 9)) {
      throw new InputError({ source, index, id: code, field: "town_code", value: townCode },
        "must be the 12-digit code of the township the village code belongs to");
    }
    const lon = row["lon_wgs84"] ?? "";
    const lat = row["lat_wgs84"] ?? "";
    if ((lon === "") !== (lat === "")) {
      throw new InputError({ source, index, id: code, field: lon === "" ? "lon_wgs84" : "lat_wgs84", value: "" },
        "must be given together with the other coordinate");
    }
    const point = lon === "" ? null : lonLat(source, index, code, lon, lat);
    return { code, name: row["village"] ?? "", townCode, townName: row["town"] ?? "", urCode: row["ur_code"] ?? "", point };
  });
}

/** Township list: those with a seat point, plus those that appear only in the village table (no seat point). */
function mergeTowns(towns: Town[], units: Unit[]): Town[] {
  const byCode = new Map<string, Town>();
  towns.forEach((t, index) => {
    if (byCode.has(t.code)) {
      throw new InputError({ source: "towns_wgs84.geojson", index, id: t.code, field: "town_code" }, "is duplicated");
    }
    byCode.set(t.code, t);
  });
  const seen = new Set<string>();
  units.forEach((u, index) => {
    if (seen.has(u.code)) {
      throw new InputError({ source: "villages_adcode2016.csv", index, id: u.code, field: "village_code" }, "is duplicated");
    }
    seen.add(u.code);
    if (!byCode.has(u.townCode)) byCode.set(u.townCode, { code: u.townCode, name: u.townName, units: 0, seat: null });
  });
  const merged = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  return merged.map((t) => {
    const count = units.filter((u) => u.townCode === t.code).length;
    if (t.seat !== null && count !== t.units) {
      throw new InputError({ source: "towns_wgs84.geojson", id: t.code, field: "n_village_units", value: t.units },
        `must equal the ${count} rows of villages_adcode2016.csv with this town_code`);
    }
    return { ...t, units: count };
  });
}

/** The township holding the county seat: the one whose village-level units include a name with 县城. */
function countySeatTown(units: Unit[]): string {
  const codes = [...new Set(units.filter((u) => u.name.includes("县城")).map((u) => u.townCode))];
  if (codes.length !== 1) {
    throw new InputError({ source: "villages_adcode2016.csv", field: "village", value: codes },
      "exactly one township must hold a 县城 (county seat) unit");
  }
  return codes[0] as string;
}

function pointFeature<P extends { id: string }>(coordinates: Position, properties: P): Feature<Point, P> {
  return { type: "Feature", id: properties.id, properties, geometry: { type: "Point", coordinates } };
}

/**
 * Derives the three layers from the source folder, without writing anything.
 * @param sourceDir - folder holding census2020.json, towns_wgs84.geojson, villages_adcode2016.csv and
 *   boundary_wgs84.geojson (default {@link DONGYUAN_SOURCE_DIR})
 * @returns the settlements (demand points, sorted by id), the sites (sorted by id) and the boundary
 * @throws InputError naming the file, row/feature, field and value for malformed input (bad codes or
 *   coordinates, a township's n_village_units disagreeing with the village table, not exactly one 县城 township)
 * @throws Error (ENOENT) when a source file is missing
 */
export function deriveDongyuan(sourceDir: string = DONGYUAN_SOURCE_DIR): DongyuanDataset {
  const census = readJson(sourceDir, "census2020.json");
  const age5to9 = wholeNumber("census2020.json", "age_5_9", census["age_5_9"]);
  const age10to14 = wholeNumber("census2020.json", "age_10_14", census["age_10_14"]);
  const cohort = cohort6to14(age5to9, age10to14);
  const units = readUnits(sourceDir);
  const towns = mergeTowns(readTowns(sourceDir), units);
  const countySeat = countySeatTown(units);
  const townPupils = largestRemainder(cohort.whole, towns.map((t) => t.units));
  const age1to4 = wholeNumber("census2020.json", "age_1_4", census["age_1_4"]);
  const cohorts = levelCohorts(age1to4, age5to9, age10to14);
  const townCohorts = COHORT_LEVELS.map((level) => largestRemainder(cohorts[level], towns.map((t) => t.units)));

  const settlements: Feature<Point, SettlementProperties>[] = [];
  const sites: Feature<Point, SiteProperties>[] = [];
  const leftOut: LeftOutTownship[] = [];
  towns.forEach((town, t) => {
    const own = units.filter((u) => u.townCode === town.code).sort((a, b) => (a.code < b.code ? -1 : 1));
    const shares = own.length === 0 ? [] : largestRemainder(townPupils[t] as number, own.map(() => 1));
    const levelShares = COHORT_LEVELS.map((_, l) => (own.length === 0 ? [] : largestRemainder(townCohorts[l]![t]!, own.map(() => 1))));
    const levelsOf = (i: number) => Object.fromEntries(COHORT_LEVELS.map((level, l) => [level, levelShares[l]![i]!])) as Record<(typeof COHORT_LEVELS)[number], number>;
    let seatPupils = 0;
    let seatUnits = 0;
    const seatLevels = Object.fromEntries(COHORT_LEVELS.map((level) => [level, 0])) as Record<(typeof COHORT_LEVELS)[number], number>;
    own.forEach((u, i) => {
      const pupils = shares[i] as number;
      if (u.point === null) {
        seatPupils += pupils;
        seatUnits += 1;
        for (const [level, count] of Object.entries(levelsOf(i))) seatLevels[level as (typeof COHORT_LEVELS)[number]] += count;
        return;
      }
      settlements.push(pointFeature(u.point, {
        id: u.code, name: u.name, town: town.name, town_code: town.code, kind: "village", ur_code: u.urCode,
        n_units: 1, pupils_6_14: pupils, ...levelsOf(i), allocation: ALLOCATION_RULE,
      }));
    });
    if (town.seat === null) {
      leftOut.push({
        town: town.name, town_code: town.code, n_village_units: town.units, n_units_left_out: seatUnits,
        pupils_6_14: seatPupils,
        reason: "no seat point in the source, so its village-level units without a point have no location",
      });
      return;
    }
    const name = `${town.name} seat`;
    settlements.push(pointFeature(town.seat, {
      id: town.code, name, town: town.name, town_code: town.code, kind: "township seat", ur_code: null,
      n_units: seatUnits, pupils_6_14: seatPupils, ...seatLevels, allocation: ALLOCATION_RULE,
    }));
    sites.push(pointFeature(town.seat, {
      id: town.code, name, town: town.name, town_code: town.code,
      tier: town.code === countySeat ? "county seat" : "township", n_village_units: town.units,
    }));
  });
  settlements.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));

  const inSettlements = settlements.reduce((s, f) => s + f.properties.pupils_6_14, 0);
  const base = { crs: CRS, attribution: ATTRIBUTION, licence: LICENCE };
  const boundary = readBoundary(sourceDir);
  return {
    settlements: {
      type: "FeatureCollection",
      metadata: {
        description: "Demand points for 东源县 (441625): township seats and village-level units with a point; " +
          "pupils_6_14 is an illustrative allocation, not school data",
        ...base,
        sources: ["dongyuan_441625/census2020.json", "dongyuan_441625/towns_wgs84.geojson",
          "dongyuan_441625/villages_adcode2016.csv"],
        allocation: {
          label: "allocation, not data",
          rule: "county pupils aged 6-14 = 0.8 × census age 5-9 + 1.0 × age 10-14, rounded; split over townships " +
            "in proportion to their village-level units, then equally over each township's units (largest " +
            "remainder, ties to the lower code); units without a point go to their township seat",
          level_cohorts: { rule: LEVEL_COHORT_RULE, census_age_1_4: age1to4, county: cohorts },
          census_age_5_9: age5to9,
          census_age_10_14: age10to14,
          county_pupils_6_14_exact: cohort.exact,
          county_pupils_6_14: cohort.whole,
          townships: towns.length,
          village_level_units: units.length,
          pupils_in_settlements: inSettlements,
          left_out: leftOut,
        },
      },
      features: settlements,
    },
    sites: {
      type: "FeatureCollection",
      metadata: {
        description: "Candidate sites for 东源县 (441625): the township seats (a proxy for township central schools)",
        ...base,
        sources: ["dongyuan_441625/towns_wgs84.geojson", "dongyuan_441625/villages_adcode2016.csv"],
      },
      features: sites,
    },
    boundary: {
      type: "FeatureCollection",
      metadata: { description: "County boundary of 东源县 (441625)", ...base, sources: ["dongyuan_441625/boundary_wgs84.geojson"] },
      features: boundary,
    },
  };
}

/**
 * Serialises GeoJSON stably: `JSON.stringify` with a 1-space indent, each coordinate pair on one line, and a
 * final newline. Key order is the objects' insertion order.
 * @param value - a GeoJSON object
 * @returns the file text
 */
export function formatGeoJson(value: unknown): string {
  const num = "(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)";
  const pair = new RegExp(`\\[\\s*${num},\\s*${num}\\s*\\]`, "g");
  return `${JSON.stringify(value, null, 1).replace(pair, "[$1,$2]")}\n`;
}

/**
 * Writes the dataset as `settlements.geojson`, `sites.geojson` and `boundary.geojson` with {@link formatGeoJson}.
 * @param dataset - the result of {@link deriveDongyuan}
 * @param outDir - output folder, created if missing (default {@link DONGYUAN_OUTPUT_DIR})
 */
export function writeDongyuan(dataset: DongyuanDataset, outDir: string = DONGYUAN_OUTPUT_DIR): void {
  mkdirSync(outDir, { recursive: true });
  const layers = [dataset.settlements, dataset.sites, dataset.boundary];
  DONGYUAN_FILES.forEach((file, i) => writeFileSync(join(outDir, file), formatGeoJson(layers[i])));
}

function main(): void {
  const dataset = deriveDongyuan();
  writeDongyuan(dataset);
  const a = dataset.settlements.metadata.allocation as AllocationRecord;
  const kinds = dataset.settlements.features.map((f) => f.properties.kind);
  console.log(`wrote ${DONGYUAN_FILES.join(", ")} to ${DONGYUAN_OUTPUT_DIR}`);
  console.log(`settlements: ${kinds.length} (${kinds.filter((k) => k === "township seat").length} township seats, ` +
    `${kinds.filter((k) => k === "village").length} villages); sites: ${dataset.sites.features.length}`);
  console.log(`pupils 6-14: county ${a.county_pupils_6_14} (exact ${a.county_pupils_6_14_exact}), ` +
    `in settlements ${a.pupils_in_settlements}`);
  for (const t of a.left_out) {
    console.log(`left out: ${t.town} (${t.town_code}) ${t.pupils_6_14} pupils, ${t.n_units_left_out} units: ${t.reason}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
