/**
 * The schools `communities` groups, read from `--schools` (a layer of schools), from `--plan` (a plan.geojson
 * written by `plan`: its open schools, their pupils and levels from the plan), or from both (a plan.json with the
 * `--schools` layer giving the places): ids, coordinates, names, pupils, eligibility, townships and levels.
 * Node only.
 * @module
 */
import { parse } from "csv-parse/sync";
import type { Feature, FeatureCollection } from "geojson";
import type { CommunitySchool } from "../communities/communityTypes.ts";
import type { CoordinateSystem } from "../io/coordinateSystem.ts";
import { InputError } from "../errors.ts";
import { readDemandPoints } from "../io/index.ts";
import { readFeatureFlag, readFeatureNumber } from "../io/values.ts";
import { explainLayerError, readJson, readLayer, readText, type LayerFile } from "./files.ts";
import { CliError } from "./io.ts";

/** The flags that say which schools and what about them. */
export interface CommunitySchoolFlags {
  readonly schools?: string;
  readonly plan?: string;
  readonly id?: string;
  readonly pupils?: string;
  readonly leadEligible?: string;
  readonly leadRequired?: string;
  readonly hubEligible?: string;
  readonly township?: string;
  readonly keepTownshipsWhole?: boolean;
  readonly levels?: string;
  readonly matchLevels?: boolean;
  readonly names?: string;
  readonly crs: CoordinateSystem;
}

/** The schools read: for {@link formCommunities}, and for the outputs. */
export interface CommunitySchoolLayer {
  readonly schools: CommunitySchool[];
  /** The schools' features (written back with their community). */
  readonly features: readonly Feature[];
  /** [longitude, latitude] per school, WGS-84. */
  readonly coordinates: Float64Array;
  /** Display names by id (from `--names`), where the schools have them. */
  readonly names: Record<string, string>;
  /** The files read, for the error messages. */
  readonly files: readonly LayerFile[];
}

/** The property must be on at least one school: a misspelt name would otherwise read as "no" or 0 everywhere. */
function checkPresent(features: readonly Feature[], property: string, flag: string): void {
  if (!features.some((feature) => Object.hasOwn(feature.properties ?? {}, property))) throw new CliError(`${flag} ${property}: no school has this property`);
}

/** The plan's facts about each of its schools, by id: open, pupils, levels taught. */
interface PlanSchoolFacts {
  readonly open: boolean;
  readonly pupils: number;
  readonly levels: string[];
}

function sumOf(values: Record<string, unknown> | null | undefined): number {
  return Object.values(values ?? {}).reduce<number>((sum, value) => sum + (typeof value === "number" ? value : 0), 0);
}

/** The schools of a plan.json (`schools`: id, open, enrolment and classes by level). */
function planJsonFacts(json: unknown, path: string): Map<string, PlanSchoolFacts> {
  const schools = (json as { schools?: unknown }).schools;
  if (!Array.isArray(schools)) throw new CliError(`--plan "${path}": the plan has no schools (status ${String((json as { status?: unknown }).status)}): plan again, or give a plan with a layout`);
  return new Map(schools.map((school: { id: string; open: boolean; enrolment?: Record<string, number>; classes?: Record<string, number> }) => [
    school.id,
    { open: school.open === true, pupils: sumOf(school.enrolment), levels: Object.entries(school.classes ?? {}).filter(([, classes]) => classes > 0).map(([level]) => level) },
  ]));
}

/** The school layer of a plan.geojson: features with `layer: "school"`, `open`, `enrolment_<level>`, `classes_<level>`. */
function planGeoJsonSchools(collection: FeatureCollection): { features: Feature[]; facts: Map<string, PlanSchoolFacts>; indices: number[] } {
  const indices = collection.features.flatMap((feature, k) => (feature.properties?.["layer"] === "school" && feature.properties?.["open"] === true ? [k] : []));
  const features = indices.map((k) => collection.features[k]!);
  const facts = new Map(features.map((feature) => {
    const properties = feature.properties!;
    const pupils = Object.entries(properties).filter(([key]) => key.startsWith("enrolment_")).reduce((sum, [, value]) => sum + (typeof value === "number" ? value : 0), 0);
    const levels = Object.entries(properties).filter(([key, value]) => key.startsWith("classes_") && typeof value === "number" && value > 0).map(([key]) => key.slice("classes_".length));
    return [String(properties["id"]), { open: true, pupils, levels }];
  }));
  return { features: features.map((feature) => ({ ...feature, id: String(feature.properties!["id"]) })), facts, indices };
}

/**
 * The error with its feature index put back to the file's own (the features read were a selection of the file's:
 * `indices[k]` is the file's index of the k-th).
 */
export function withFileIndex(error: unknown, source: string, indices: readonly number[] | null): unknown {
  if (!(error instanceof InputError) || indices === null || error.location.source !== source || error.location.index === undefined) return error;
  return new InputError({ ...error.location, index: indices[error.location.index] ?? error.location.index }, error.problem);
}

/** A plan.json: an object with a status and its schools. */
function isPlanJson(json: unknown): boolean {
  return typeof json === "object" && json !== null && "status" in json && "schools" in json;
}

/** A `--lead-eligible` / `--hub-eligible` / `--lead-required` value: `PROP` (true/false) or `PROP=VALUE`. */
function eligibility(features: readonly Feature[], spec: string | undefined, flag: string, where: (index: number) => { source: string; index: number; id: string }, name: string): boolean[] {
  if (spec === undefined) return features.map(() => false);
  const equals = spec.indexOf("=");
  if (equals > 0) {
    const property = spec.slice(0, equals);
    const value = spec.slice(equals + 1);
    checkPresent(features, property, flag);
    const chosen = features.map((feature) => String(feature.properties?.[property] ?? "") === value);
    if (!chosen.some(Boolean)) throw new CliError(`${flag} ${spec}: no school has ${property} = "${value}"`);
    return chosen;
  }
  checkPresent(features, spec, flag);
  return features.map((feature, k) => {
    try {
      return readFeatureFlag(feature, where(k), spec, name);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.location, `${error.problem} (${flag} ${spec}; or give ${flag} ${spec}=VALUE to pick the schools whose ${spec} has that value)`);
      throw error;
    }
  });
}

/** A `--levels` property: an array of level ids, or one string of them separated by commas. */
function levelsOf(feature: Feature, property: string, id: string): string[] {
  const value = feature.properties?.[property];
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value) && value.every((level) => typeof level === "string")) return value;
  if (typeof value === "string") return value.split(",").map((level) => level.trim()).filter((level) => level !== "");
  throw new CliError(`--levels ${property}: school ${id} has ${JSON.stringify(value)}; give an array of level ids or a comma-separated string`);
}

/**
 * Reads the schools to group.
 * @throws CliError for a missing or misspelt property, `--plan` schools missing from `--schools`, a plan without a
 *   layout; InputError (explained by the caller) from the layer readers
 */
export async function readCommunitySchools(flags: CommunitySchoolFlags): Promise<CommunitySchoolLayer> {
  if (flags.schools === undefined && flags.plan === undefined) throw new CliError("give --schools (a layer of schools) or --plan (a plan.geojson written by plan), or both");
  let collection: unknown;
  let facts: Map<string, PlanSchoolFacts> | null = null;
  let source: string;
  let indices: number[] | null = null;
  const files: LayerFile[] = [];
  if (flags.schools !== undefined) {
    const file = await readLayer(flags.schools, "--schools");
    files.push(file);
    collection = file.collection;
    source = file.name;
    const given = collection as FeatureCollection;
    // A layer that is not a FeatureCollection is left to readDemandPoints, which names what is wrong.
    if (flags.plan !== undefined && Array.isArray(given?.features)) {
      const json = await readJson(flags.plan, "--plan");
      const isGeoJson = (json as { type?: unknown }).type === "FeatureCollection";
      if (!isGeoJson && !isPlanJson(json)) throw new CliError(`--plan "${flags.plan}": not a plan (give the plan.geojson or plan.json that plan writes)`);
      facts = isGeoJson ? planGeoJsonSchools(json as FeatureCollection).facts : planJsonFacts(json, flags.plan);
      const ids = given.features.map((feature, k) => String(flags.id === undefined ? (feature.id ?? feature.properties?.["id"] ?? k) : feature.properties?.[flags.id]));
      const known = new Set(ids);
      const missing = [...facts].filter(([id, fact]) => fact.open && !known.has(id)).map(([id]) => id);
      if (missing.length > 0) throw new CliError(`--plan "${flags.plan}": ${missing.length} open ${missing.length === 1 ? "school is" : "schools are"} not in --schools (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}); a built school has no place there: give --plan plan.geojson alone`);
      indices = given.features.flatMap((_, k) => (facts!.get(ids[k]!)?.open === true ? [k] : []));
      collection = { ...given, features: indices.map((k) => given.features[k]!) };
    }
  } else {
    const json = await readJson(flags.plan!, "--plan");
    if ((json as { type?: unknown }).type !== "FeatureCollection") throw new CliError(isPlanJson(json) ? `--plan "${flags.plan}": without --schools give the plan.geojson that plan writes (a plan.json has no places)` : `--plan "${flags.plan}": not a plan (give the plan.geojson or plan.json that plan writes)`);
    const read = planGeoJsonSchools(json as FeatureCollection);
    if (read.features.length === 0) throw new CliError(`--plan "${flags.plan}": no open school (features with layer "school" and open true)`);
    collection = { type: "FeatureCollection", features: read.features };
    facts = read.facts;
    indices = read.indices;
    source = flags.plan!;
  }
  try {
    return readSchools(collection, source, facts, flags, files);
  } catch (error) {
    throw explainLayerError(withFileIndex(error, source, indices), files, flags.id);
  }
}

/** The schools of the (selected) layer, with the plan's facts. */
function readSchools(collection: unknown, source: string, facts: Map<string, PlanSchoolFacts> | null, flags: CommunitySchoolFlags, files: readonly LayerFile[]): CommunitySchoolLayer {
  const layer = readDemandPoints(collection, { ...(flags.id === undefined ? {} : { id: flags.id }), source, crs: flags.crs });
  const features = layer.features;
  const ids = layer.points.map((p, i) => String(p.id ?? i));
  const where = (index: number) => ({ source, index, id: ids[index]! });
  // Without the flag, the property of the default name where the schools have it (leadEligible, hubEligible).
  const byDefault = (flag: string | undefined, property: string): string | undefined => flag ?? (features.some((feature) => Object.hasOwn(feature.properties ?? {}, property)) ? property : undefined);
  const leadSpec = byDefault(flags.leadEligible, "leadEligible");
  const hubSpec = byDefault(flags.hubEligible, "hubEligible");
  if (leadSpec === undefined && flags.leadRequired === undefined) throw new CliError("which schools may lead: give --lead-eligible PROP (or PROP=VALUE) or --lead-required, or a leadEligible property on the schools");
  if (hubSpec === undefined) throw new CliError("which schools may be hubs: give --hub-eligible PROP (or PROP=VALUE), or a hubEligible property on the schools");
  const lead = eligibility(features, leadSpec, "--lead-eligible", where, "leadEligible");
  const required = eligibility(features, flags.leadRequired, "--lead-required", where, "leadRequired");
  const hub = eligibility(features, hubSpec, "--hub-eligible", where, "hubEligible");
  if (flags.pupils !== undefined) checkPresent(features, flags.pupils, "--pupils");
  const pupils = features.map((feature, k) => (flags.pupils !== undefined ? readFeatureNumber(feature, where(k), flags.pupils, "pupils") : (facts?.get(ids[k]!)?.pupils ?? 0)));
  const townshipProperty = flags.township ?? "township";
  if (flags.keepTownshipsWhole === true) checkPresent(features, townshipProperty, "--township");
  if (flags.matchLevels === true && flags.levels === undefined && facts === null) throw new CliError("--match-levels needs --levels PROP (the levels each school teaches) or --plan (the levels the plan gives it)");
  if (flags.levels !== undefined) checkPresent(features, flags.levels, "--levels");
  const schools: CommunitySchool[] = ids.map((id, s) => {
    const township = features[s]!.properties?.[townshipProperty];
    const levels = flags.levels !== undefined ? levelsOf(features[s]!, flags.levels, id) : (facts?.get(id)?.levels ?? []);
    return {
      id, pupils: pupils[s]!, leadEligible: lead[s]!, leadRequired: required[s]!, hubEligible: hub[s]!,
      ...(flags.keepTownshipsWhole === true && township !== undefined && township !== null && township !== "" ? { township: String(township) } : {}),
      ...(flags.matchLevels === true ? { levels } : {}),
    };
  });
  if (flags.names !== undefined) checkPresent(features, flags.names, "--names");
  const nameProperty = flags.names ?? "name";
  const names: Record<string, string> = {};
  features.forEach((feature, s) => {
    const value = feature.properties?.[nameProperty];
    if (typeof value === "string" && value !== "") names[ids[s]!] = value;
  });
  return { schools: schools.map((school) => (names[school.id] === undefined ? school : { ...school, name: names[school.id]! })), features, coordinates: layer.coordinates, names, files };
}

/**
 * Reads `--neighbours`: a CSV with two columns of school ids, one neighbouring pair per row (the first row the
 * header).
 * @throws CliError for a file that is not CSV, without two columns, or with a row naming an unknown school
 */
export async function readNeighbours(path: string, ids: readonly string[]): Promise<[string, string][]> {
  const text = await readText(path, "--neighbours");
  let rows: string[][];
  try {
    rows = parse(text, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new CliError(`--neighbours "${path}": not a CSV table (${error instanceof Error ? error.message : String(error)})`);
  }
  if (rows.length === 0 || rows[0]!.length < 2) throw new CliError(`--neighbours "${path}": needs a header and two columns of school ids (e.g. a,b)`);
  const known = new Set(ids);
  return rows.slice(1).map((row, k) => {
    const [a, b] = row;
    for (const id of [a, b]) if (id === undefined || !known.has(id)) throw new CliError(`--neighbours "${path}" row ${k + 2}: "${id ?? ""}" is not one of the schools`);
    if (a === b) throw new CliError(`--neighbours "${path}" row ${k + 2}: "${a}" cannot neighbour itself`);
    return [a!, b!];
  });
}
