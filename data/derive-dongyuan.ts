/**
 * Derives the Dongyuan (东源县, 河源市, code 441625) example dataset in `data/dongyuan/` from
 * `../shared/data/dongyuan_441625/`, so that the demo runs on a fresh clone without `../shared`.
 *
 * Node-only script (not library code): `npx tsx data/derive-dongyuan.ts`. The output is deterministic: the same
 * inputs give the same bytes. One demand point per village-level unit (284): the pupil figures are an allocation,
 * the points of units without a point of their own a placement, the areas an estimate (modelling choices, not
 * data): see `data/README.md` for the rules, the attribution and the licences.
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { area, booleanPointInPolygon, featureCollection, intersect, point, voronoi } from "@turf/turf";
import { parse } from "csv-parse/sync";
import type { Feature, Geometry, MultiPolygon, Point, Polygon, Position } from "geojson";
import { InputError } from "../src/errors.ts";
import { largestRemainder, unitWeights } from "../src/population/allocate.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** Default input folder: `../shared/data/dongyuan_441625` next to the repository. */
export const DONGYUAN_SOURCE_DIR = resolve(here, "../../shared/data/dongyuan_441625");
/** Default output folder: `data/dongyuan` in the repository. */
export const DONGYUAN_OUTPUT_DIR = resolve(here, "dongyuan");
/** Output file names, in the order {@link writeDongyuan} writes them. */
export const DONGYUAN_FILES = ["settlements.geojson", "sites.geojson", "boundary.geojson"] as const;

/** The name of the allocation rule, stored in every demand point's `allocation` property. */
export const ALLOCATION_RULE =
  "illustrative allocation, not data: census 2020 county cohorts split over village-level units in proportion to " +
  "the census urban or rural population per unit";

/** The name of the area rule, stored in every demand point's `area_rule` property. */
export const AREA_RULE =
  "estimate, not data: the township's Voronoi cell (of the township seats, clipped to the county boundary) divided " +
  "equally among its village-level units";

/**
 * How a unit without a point of its own (and a township without a seat point) is placed; recorded in the
 * settlements' `metadata.placement.rule` and in data/README.md.
 */
export const PLACEMENT_RULE =
  "placement, not data. (1) A township without a seat point gets one at the point of a 0.01° grid inside the " +
  "county that lies farthest from every source point (township seats and village points) and from the county " +
  "boundary (the centre of the largest empty circle; ties to the lower longitude, then latitude). (2) Each " +
  "township's lowest-code unit with urban-rural code 121 or 210 (town or township centre) that has no point of " +
  "its own stands at the township seat. (3) Every other unit without a point takes, in code order, the next " +
  "free position k = 1, 2, ... of a sunflower (Vogel) spiral around its township seat, eight times denser than " +
  "the units: radius sqrt(k·a/(8π)) km, angle θ0 + k·π(3 − √5), where a = the township's cell area ÷ its units " +
  "and θ0 = (the township code's digits 7-9 as a number) × π(3 − √5); a position is taken only if it lies inside " +
  "the township's Voronoi cell (so inside the county boundary) and at least s km from every point already taken " +
  "(source points, seats and earlier placements), with s = 0.9·sqrt(a) on the first pass over the spiral and " +
  "0.8 times the last s on each further pass, until every unit has a point. Offsets in km are turned into degrees with 111.195 km per degree of latitude and 111.195·cos(lat) " +
  "per degree of longitude at the seat.";

/** The attribution text of ../shared/data/README.md, verbatim: it must ship with anything derived from it. */
export const SOURCE_ATTRIBUTION =
  "Administrative codes and township points: NBS 2016 via Vonng/adcode (CC BY 4.0); boundaries: Gaode via " +
  "Vonng/adcode (CC BY 4.0), converted GCJ-02 → WGS-84. Census: 7th National Population Census county tables " +
  "compiled by Dong, Du & Liu (leiii/census, MIT). Not an official map.";

/** The attribution stored in each output file: {@link SOURCE_ATTRIBUTION} plus this script's credit. */
export const ATTRIBUTION = `${SOURCE_ATTRIBUTION} Derived by school-layout's data/derive-dongyuan.ts.`;

/** The allocation steps, from the library (`src/population/allocate.ts`). */
export { largestRemainder, unitWeights };

export type {
  AllocationRecord,
  AreaRecord,
  DatasetMetadata,
  DerivedCollection,
  DongyuanDataset,
  LeftOutTownship,
  Placement,
  PlacementRecord,
  SettlementKind,
  SettlementProperties,
  SiteProperties,
  TownshipArea,
} from "./dongyuan-types.ts";
import type {
  AllocationRecord,
  DongyuanDataset,
  Placement,
  SettlementProperties,
  SiteProperties,
  TownshipArea,
} from "./dongyuan-types.ts";

interface Town { code: string; name: string; units: number; seat: Position | null }
interface Unit { code: string; name: string; townCode: string; townName: string; urCode: string; point: Position | null }

const CODE = /^\d{12}$/;
const CRS = "WGS-84 (EPSG:4326), converted from Gaode's GCJ-02 by ../shared/data with the standard formula";
const LICENCE = "CC BY 4.0 (NBS codes and Gaode points/boundaries via Vonng/adcode) + MIT (census via leiii/census)";
/** Kilometres per degree of latitude on a sphere of the mean Earth radius 6,371.0088 km. */
const KM_PER_DEGREE = 111.195;
/** The golden angle π(3 − √5), radians. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Grid step of the empty-circle search for a missing seat, degrees. */
const SEAT_GRID_DEGREES = 0.01;

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
  "rounded and allocated over the units exactly as pupils_6_14";

/**
 * The county's cohort per level from the census bands; see {@link LEVEL_COHORT_RULE}.
 * @param age1to4 - census population aged 1–4
 * @param age5to9 - aged 5–9
 * @param age10to14 - aged 10–14
 * @returns children per level in the county, whole
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

function round2(x: number): number {
  return Math.round(x * 100) / 100;
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

function readBoundary(dir: string): Feature<Polygon | MultiPolygon, Record<string, unknown>>[] {
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
    const geometry = { type: g.type, coordinates: roundCoordinates(g.coordinates) } as Polygon | MultiPolygon;
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
    const urCode = row["ur_code"] ?? "";
    if (!/^[12]\d\d$/.test(urCode)) {
      throw new InputError({ source, index, id: code, field: "ur_code", value: urCode }, "must be a 3-digit NBS urban-rural code (1xx urban, 2xx rural)");
    }
    const lon = row["lon_wgs84"] ?? "";
    const lat = row["lat_wgs84"] ?? "";
    if ((lon === "") !== (lat === "")) {
      throw new InputError({ source, index, id: code, field: lon === "" ? "lon_wgs84" : "lat_wgs84", value: "" },
        "must be given together with the other coordinate");
    }
    const point = lon === "" ? null : lonLat(source, index, code, lon, lat);
    return { code, name: row["village"] ?? "", townCode, townName: row["town"] ?? "", urCode, point };
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

/** Local planar km (equirectangular about latitude `lat0`). */
function toKm(p: Position, lat0: number): [number, number] {
  return [(p[0] as number) * KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180), (p[1] as number) * KM_PER_DEGREE];
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function ringsOf(boundary: Feature<Polygon | MultiPolygon>): Position[][] {
  const g = boundary.geometry;
  return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
}

/**
 * The centre of the largest empty circle on a 0.01° grid: the grid point inside the county farthest from every
 * given point and from the boundary (rule (1) of {@link PLACEMENT_RULE}).
 * @param county - the county boundary
 * @param taken - the source points
 * @returns the grid point (rounded to 6 decimals) and its clearance in km
 */
export function largestEmptyCircleCentre(county: Feature<Polygon | MultiPolygon>, taken: readonly Position[]): { position: Position; clearanceKm: number } {
  const rings = ringsOf(county);
  const all = rings.flat();
  const lats = all.map((p) => p[1] as number);
  const lons = all.map((p) => p[0] as number);
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const ringKm = rings.map((ring) => ring.map((p) => toKm(p, lat0)));
  const takenKm = taken.map((p) => toKm(p, lat0));
  let best: { position: Position; clearanceKm: number } | null = null;
  const steps = (lo: number, hi: number) => [Math.ceil(lo / SEAT_GRID_DEGREES), Math.floor(hi / SEAT_GRID_DEGREES)] as const;
  const [x0, x1] = steps(Math.min(...lons), Math.max(...lons));
  const [y0, y1] = steps(Math.min(...lats), Math.max(...lats));
  for (let ix = x0; ix <= x1; ix++) {
    for (let iy = y0; iy <= y1; iy++) {
      const position: Position = [round6(ix * SEAT_GRID_DEGREES), round6(iy * SEAT_GRID_DEGREES)];
      if (!booleanPointInPolygon(position, county)) continue;
      const [px, py] = toKm(position, lat0);
      let clearance = Infinity;
      for (const [qx, qy] of takenKm) clearance = Math.min(clearance, Math.hypot(px - qx, py - qy));
      if (best !== null && clearance <= best.clearanceKm) continue;
      for (const ring of ringKm) {
        for (let k = 0; k + 1 < ring.length && clearance > (best?.clearanceKm ?? -1); k++) {
          const [ax, ay] = ring[k]!;
          const [bx, by] = ring[k + 1]!;
          clearance = Math.min(clearance, segmentDistance(px, py, ax, ay, bx, by));
        }
      }
      if (best === null || clearance > best.clearanceKm) best = { position, clearanceKm: clearance };
    }
  }
  if (best === null) throw new InputError({ source: "boundary_wgs84.geojson", field: "geometry" }, "holds no point of the 0.01° grid");
  return { position: best.position, clearanceKm: Math.round(best.clearanceKm * 1000) / 1000 };
}

/**
 * The township cells: the Voronoi cells of the seats clipped to the county boundary, with their areas.
 * @param seats - one seat point per township (in township order)
 * @param county - the county boundary
 * @returns per township its cell and its area in km² (geodesic, turf's `area`), rounded to 0.1 km²
 */
export function townshipCells(seats: readonly Position[], county: Feature<Polygon | MultiPolygon>): { cell: Feature<Polygon | MultiPolygon>; areaKm2: number }[] {
  const lons = ringsOf(county).flat().map((p) => p[0] as number);
  const lats = ringsOf(county).flat().map((p) => p[1] as number);
  const frame: [number, number, number, number] = [Math.min(...lons) - 1, Math.min(...lats) - 1, Math.max(...lons) + 1, Math.max(...lats) + 1];
  const cells = voronoi(featureCollection(seats.map((s) => point(s))), { bbox: frame });
  return seats.map((seat, t) => {
    const raw = cells.features[t];
    if (raw === undefined || raw === null) throw new InputError({ source: "towns_wgs84.geojson", index: t, field: "geometry", value: seat }, "has no Voronoi cell (a duplicate seat point?)");
    const clipped = intersect(featureCollection([raw as Feature<Polygon>, county]));
    if (clipped === null) throw new InputError({ source: "towns_wgs84.geojson", index: t, field: "geometry", value: seat }, "has a Voronoi cell outside the county");
    return { cell: clipped, areaKm2: Math.round(area(clipped) / 1e5) / 10 };
  });
}

/** Spiral positions per unit area a: the spiral is 8 times denser than the units, so that positions can be chosen. */
const SPIRAL_DENSITY = 8;
/** The first separation tried, × sqrt(a); each further pass multiplies it by {@link SEPARATION_STEP}. */
const FIRST_SEPARATION = 0.9;
const SEPARATION_STEP = 0.8;

/**
 * Places units on a sunflower (Vogel) spiral around a seat, inside a cell, away from points already taken
 * (rule (3) of {@link PLACEMENT_RULE}).
 * @param seat - the township seat (lon, lat)
 * @param townCode - the township's 12-digit code (digits 7–9 seed the start angle)
 * @param cell - the township's cell
 * @param unitAreaKm2 - a, the cell area ÷ the township's units, km²
 * @param count - how many positions to take
 * @param taken - points already taken (lon, lat); the new positions are appended to it
 * @returns per position its coordinates (6 decimals), its spiral index k and the separation it kept (km)
 * @throws Error when the cell cannot hold them even 0.01 km apart
 */
export function spiralPositions(
  seat: Position,
  townCode: string,
  cell: Feature<Polygon | MultiPolygon>,
  unitAreaKm2: number,
  count: number,
  taken: Position[],
): { position: Position; k: number; separationKm: number }[] {
  const [lon0, lat0] = seat as [number, number];
  const theta0 = Number(townCode.slice(6, 9)) * GOLDEN_ANGLE;
  const kmPerLon = KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const km = (p: Position): [number, number] => [((p[0] as number) - lon0) * kmPerLon, ((p[1] as number) - lat0) * KM_PER_DEGREE];
  const reach = Math.max(...ringsOf(cell).flat().map((p) => Math.hypot(...km(p))));
  const candidates: { position: Position; k: number }[] = [];
  for (let k = 1; ; k++) {
    const r = Math.sqrt((k * unitAreaKm2) / (SPIRAL_DENSITY * Math.PI));
    if (r > reach) break;
    const theta = theta0 + k * GOLDEN_ANGLE;
    const position: Position = [round6(lon0 + (r * Math.sin(theta)) / kmPerLon), round6(lat0 + (r * Math.cos(theta)) / KM_PER_DEGREE)];
    if (booleanPointInPolygon(position, cell)) candidates.push({ position, k });
  }
  const out: { position: Position; k: number; separationKm: number }[] = [];
  const used = new Set<number>();
  for (let separation = FIRST_SEPARATION * Math.sqrt(unitAreaKm2); out.length < count; separation *= SEPARATION_STEP) {
    if (separation < 0.01) throw new Error(`spiralPositions: the cell of ${townCode} cannot hold ${count} units`);
    for (const c of candidates) {
      if (out.length === count) break;
      if (used.has(c.k)) continue;
      const [x, y] = km(c.position);
      if (!taken.every((p) => { const [px, py] = km(p); return Math.hypot(x - px, y - py) >= separation; })) continue;
      used.add(c.k);
      out.push({ ...c, separationKm: Math.round(separation * 1000) / 1000 });
      taken.push(c.position);
    }
  }
  return out;
}

/**
 * Derives the three layers from the source folder, without writing anything.
 * @param sourceDir - folder holding census2020.json, towns_wgs84.geojson, villages_adcode2016.csv and
 *   boundary_wgs84.geojson (default {@link DONGYUAN_SOURCE_DIR})
 * @returns the settlements (one per village-level unit, sorted by id), the sites (one per township seat, sorted
 *   by id) and the boundary
 * @throws InputError naming the file, row/feature, field and value for malformed input (bad codes, urban–rural
 *   codes or coordinates, a township's n_village_units disagreeing with the village table, not exactly one 县城
 *   township, a source point outside the county boundary)
 * @throws Error (ENOENT) when a source file is missing
 */
export function deriveDongyuan(sourceDir: string = DONGYUAN_SOURCE_DIR): DongyuanDataset {
  const census = readJson(sourceDir, "census2020.json");
  const age1to4 = wholeNumber("census2020.json", "age_1_4", census["age_1_4"]);
  const age5to9 = wholeNumber("census2020.json", "age_5_9", census["age_5_9"]);
  const age10to14 = wholeNumber("census2020.json", "age_10_14", census["age_10_14"]);
  const popUrban = wholeNumber("census2020.json", "pop_urban", census["pop_urban"]);
  const popRural = wholeNumber("census2020.json", "pop_rural", census["pop_rural"]);
  const cohort = cohort6to14(age5to9, age10to14);
  const cohorts = levelCohorts(age1to4, age5to9, age10to14);
  const units = readUnits(sourceDir).sort((a, b) => (a.code < b.code ? -1 : 1));
  const towns = mergeTowns(readTowns(sourceDir), units);
  const countySeat = countySeatTown(units);
  const boundary = readBoundary(sourceDir);
  const county = boundary[0]!;

  // Allocation: every unit, in code order, by its urban or rural weight.
  const weighting = unitWeights(units.map((u) => u.urCode), popUrban, popRural);
  const pupils = largestRemainder(cohort.whole, weighting.weights);
  const levelShares = COHORT_LEVELS.map((level) => largestRemainder(cohorts[level], weighting.weights));

  // Placement (1): seats for townships without one; then the cells and their areas.
  const sourcePoints: Position[] = [...towns.flatMap((t) => (t.seat === null ? [] : [t.seat])), ...units.flatMap((u) => (u.point === null ? [] : [u.point]))];
  sourcePoints.forEach((p, index) => {
    if (!booleanPointInPolygon(p, county)) throw new InputError({ source: "towns_wgs84.geojson / villages_adcode2016.csv", index, field: "coordinates", value: p }, "lies outside the county boundary");
  });
  const placedSeats = new Map<string, { position: Position; clearanceKm: number }>();
  const seats = towns.map((t) => {
    if (t.seat !== null) return t.seat;
    const placed = largestEmptyCircleCentre(county, [...sourcePoints, ...[...placedSeats.values()].map((s) => s.position)]);
    placedSeats.set(t.code, placed);
    return placed.position;
  });
  const cells = townshipCells(seats, county);

  // Placement (2) and (3), township by township in code order.
  const taken: Position[] = [...sourcePoints, ...[...placedSeats.values()].map((s) => s.position)];
  const settlements: Feature<Point, SettlementProperties>[] = [];
  const sites: Feature<Point, SiteProperties>[] = [];
  const townshipAreas: TownshipArea[] = [];
  let atSeat = 0;
  let onSpiral = 0;
  towns.forEach((town, t) => {
    const own = units.filter((u) => u.townCode === town.code);
    const { areaKm2: townArea } = cells[t]!;
    const unitArea = townArea / own.length;
    const centre = own.find((u) => u.point === null && (u.urCode === "121" || u.urCode === "210"));
    const spiralUnits = own.filter((u) => u.point === null && u !== centre);
    const spiral = spiralPositions(seats[t]!, town.code, cells[t]!.cell, unitArea, spiralUnits.length, taken);
    townshipAreas.push({ town: town.name, town_code: town.code, areaKm2: townArea, n_village_units: own.length, unitAreaKm2: round2(unitArea) });
    for (const u of own) {
      const i = units.indexOf(u);
      let position: Position;
      let placement: Placement;
      let rule: string;
      if (u.point !== null) {
        [position, placement, rule] = [u.point, "source", "source point (WGS-84)"];
      } else if (u === centre) {
        [position, placement, rule] = [seats[t]!, "placed", placedSeats.has(town.code) ? "at the township seat (itself placed)" : "at the township seat"];
        atSeat++;
      } else {
        const s = spiral[spiralUnits.indexOf(u)]!;
        [position, placement, rule] = [s.position, "placed", `spiral position k = ${s.k}, ${s.separationKm} km clear`];
        onSpiral++;
      }
      settlements.push(pointFeature(position, {
        id: u.code, name: u.name, town: town.name, town_code: town.code,
        kind: u.name.endsWith("村委会") ? "village committee" : "residents' committee",
        ur_code: u.urCode, at_seat: u === centre, placement, placement_rule: rule,
        areaKm2: round2(unitArea), area_rule: AREA_RULE, pupils_6_14: pupils[i]!,
        ...(Object.fromEntries(COHORT_LEVELS.map((level, l) => [level, levelShares[l]![i]!])) as Record<(typeof COHORT_LEVELS)[number], number>),
        allocation: ALLOCATION_RULE,
      }));
    }
    sites.push(pointFeature(seats[t]!, {
      id: town.code, name: `${town.name} seat`, town: town.name, town_code: town.code,
      tier: town.code === countySeat ? "county seat" : "township", n_village_units: own.length,
      placement: placedSeats.has(town.code) ? "placed" : "source", areaKm2: townArea,
    }));
  });
  settlements.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));

  const inSettlements = settlements.reduce((s, f) => s + f.properties.pupils_6_14, 0);
  const base = { crs: CRS, attribution: ATTRIBUTION, licence: LICENCE };
  const nUrban = units.filter((u) => u.urCode.startsWith("1")).length;
  const allocation: AllocationRecord = {
    label: "allocation, not data",
    rule: "county pupils aged 6-14 = 0.8 × census age 5-9 + 1.0 × age 10-14, rounded; split over the village-level " +
      "units in code order in proportion to their weights (largest remainder, ties to the lower code): an urban unit " +
      "(urban-rural code 1xx) weighs pop_urban ÷ n_urban, a rural unit (2xx) pop_rural ÷ n_rural (as integers " +
      "pop_urban × n_rural and pop_rural × n_urban)",
    weights: { pop_urban: popUrban, pop_rural: popRural, n_urban_units: nUrban, n_rural_units: units.length - nUrban, urban: weighting.urban, rural: weighting.rural },
    level_cohorts: { rule: LEVEL_COHORT_RULE, census_age_1_4: age1to4, county: cohorts },
    census_age_5_9: age5to9,
    census_age_10_14: age10to14,
    county_pupils_6_14_exact: cohort.exact,
    county_pupils_6_14: cohort.whole,
    townships: towns.length,
    village_level_units: units.length,
    pupils_in_settlements: inSettlements,
    left_out: [],
  };
  return {
    settlements: {
      type: "FeatureCollection",
      metadata: {
        description: "Demand points for 东源县 (441625): one per village-level unit (村委会, 居委会); pupils are an " +
          "illustrative allocation, points without a source point a placement, areaKm2 an estimate: not school data",
        ...base,
        sources: ["dongyuan_441625/census2020.json", "dongyuan_441625/towns_wgs84.geojson",
          "dongyuan_441625/villages_adcode2016.csv", "dongyuan_441625/boundary_wgs84.geojson"],
        allocation,
        placement: {
          label: "placement, not data",
          rule: PLACEMENT_RULE,
          source_points: settlements.filter((f) => f.properties.placement === "source").length,
          placed_at_seat: atSeat,
          placed_on_spiral: onSpiral,
          placed_seats: [...placedSeats.entries()].map(([code, s]) => ({
            town: towns.find((t) => t.code === code)!.name, town_code: code, coordinates: s.position, clearance_km: s.clearanceKm,
          })),
        },
        area: {
          label: "estimate, not data",
          rule: AREA_RULE,
          county_km2: Math.round(area(county) / 1e5) / 10,
          townships: townshipAreas,
        },
      },
      features: settlements,
    },
    sites: {
      type: "FeatureCollection",
      metadata: {
        description: "Township seats of 东源县 (441625), where township central schools stand; a seat without a " +
          "source point is placed (placement: \"placed\", rule in settlements.geojson metadata.placement); areaKm2 " +
          "is the township's estimated area (its Voronoi cell)",
        ...base,
        sources: ["dongyuan_441625/towns_wgs84.geojson", "dongyuan_441625/villages_adcode2016.csv", "dongyuan_441625/boundary_wgs84.geojson"],
      },
      features: sites,
    },
    boundary: {
      type: "FeatureCollection",
      metadata: { description: "County boundary of 东源县 (441625)", ...base, sources: ["dongyuan_441625/boundary_wgs84.geojson"] },
      features: boundary as Feature<Geometry, Record<string, unknown>>[],
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
  const meta = dataset.settlements.metadata;
  const a = meta.allocation as AllocationRecord;
  const p = meta.placement!;
  const features = dataset.settlements.features;
  console.log(`wrote ${DONGYUAN_FILES.join(", ")} to ${DONGYUAN_OUTPUT_DIR}`);
  console.log(`settlements: ${features.length} (${features.filter((f) => f.properties.kind === "village committee").length} village ` +
    `committees, ${features.filter((f) => f.properties.kind === "residents' committee").length} residents' committees); ` +
    `${p.source_points} source points, ${p.placed_at_seat} placed at seats, ${p.placed_on_spiral} on spirals; sites: ${dataset.sites.features.length}`);
  for (const s of p.placed_seats) console.log(`placed seat: ${s.town} (${s.town_code}) at ${s.coordinates.join(", ")}, ${s.clearance_km} km clear`);
  console.log(`pupils 6-14: county ${a.county_pupils_6_14} (exact ${a.county_pupils_6_14_exact}), in settlements ${a.pupils_in_settlements}; ` +
    `county area ${meta.area!.county_km2} km²`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
