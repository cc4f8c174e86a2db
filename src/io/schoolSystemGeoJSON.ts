/**
 * School systems from GeoJSON: a settlements layer (pupils per level), a schools layer and an optional
 * candidate-sites layer, with travel times per level from a road network or the labelled straight-line
 * fallback. The properties are documented in docs/schemas/settlements.schema.json and schools.schema.json,
 * with example files in examples/plan-input/.
 * @module
 */
import { area } from "@turf/turf";
import type { Feature } from "geojson";
import { InputError, quoteValue, type InputLocation } from "../errors.ts";
import { LEVELS, type LevelId } from "../norms/levels.ts";
import { SCHOOL_TIERS, SCHOOL_TYPES, type SchoolTier, type SchoolType } from "../plan/system/schoolTypes.ts";
import { createSchoolSystem, type SchoolInput, type SchoolSystem, type SettlementInput, type SpecialGroup } from "../plan/system/system.ts";
import { travelMinutesByLevel, withinAreaAssumptions, type TravelByLevel, type TravelByLevelOptions } from "../plan/system/travelByLevel.ts";
import type { CoordinateSystem } from "./coordinateSystem.ts";
import { readDemandPoints } from "./geojson.ts";
import {
  GROUP_PROPERTY_PREFIX,
  SCHOOL_FLAG_PROPERTIES,
  SCHOOL_NUMBER_PROPERTIES,
  propertiesOf,
  propertyValue,
  readClasses,
  readCosts,
  readCount,
  readGroupCounts,
  readPupils,
  readText,
  type Located,
} from "./schoolSystemProperties.ts";
import { readFeatureFlag } from "./values.ts";
import type { withinAreaTrip } from "../plan/system/withinArea.ts";

/** Options shared by {@link readSettlementLayer} and {@link readSchoolLayer}. */
export interface SchoolSystemLayerOptions {
  /**
   * The geographic coordinate system of the positions: `wgs84` (default), `gcj02` (AMap/Gaode, Tencent) or
   * `bd09` (Baidu); converted once to WGS-84 here.
   */
  readonly crs?: CoordinateSystem;
  /** The property holding each feature's id. Default: `feature.id`, then `properties.id`, then the index. */
  readonly id?: string;
  /** The layer's name in error messages (e.g. a file name). Default `"settlements"`, `"schools"` or `"candidates"`. */
  readonly source?: string;
}

/** Options of {@link readSchoolLayer}. */
export interface ReadSchoolLayerOptions extends SchoolSystemLayerOptions {
  /**
   * Whether the features are existing schools (default true) or candidate sites for new ones (false, for a
   * candidates file; the default layer name is then `"candidates"`). A feature's own `existing` property wins.
   */
  readonly existing?: boolean;
}

/** What {@link readSettlementLayer} returns. */
export interface SettlementLayer {
  /** Length n: each settlement as {@link createSchoolSystem} takes it, in feature order. */
  readonly settlements: SettlementInput[];
  /** Length 2n: [longitude, latitude, ...] in WGS-84 degrees, each feature's point or polygon centroid. */
  readonly coordinates: Float64Array;
  /** Length n: the input features (converted copies where `crs` is not `wgs84`), never mutated. */
  readonly features: readonly Feature[];
}

/** What {@link readSchoolLayer} returns. */
export interface SchoolLayer {
  /** Length m: each school or candidate site as {@link createSchoolSystem} takes it, in feature order. */
  readonly schools: SchoolInput[];
  /** Length 2m: [longitude, latitude, ...] in WGS-84 degrees. */
  readonly coordinates: Float64Array;
  /** Length m: the input features (converted copies where `crs` is not `wgs84`), never mutated. */
  readonly features: readonly Feature[];
}

/** Walks a layer's features with their ids and positions (via {@link readDemandPoints}). */
function readLayer(
  collection: unknown,
  options: SchoolSystemLayerOptions,
  source: string,
  visit: (feature: Feature, where: Located) => void,
): { readonly coordinates: Float64Array; readonly features: readonly Feature[] } {
  const layer = readDemandPoints(collection, { source, ...(options.id === undefined ? {} : { id: options.id }), ...(options.crs === undefined ? {} : { crs: options.crs }) });
  const original = (collection as { features: readonly Feature[] }).features;
  original.forEach((feature, index) => visit(feature, { source, index, id: String(layer.points[index]!.id) }));
  return { coordinates: layer.coordinates, features: layer.features };
}

/**
 * Reads settlements (demand points) from a GeoJSON FeatureCollection of Points, Polygons or MultiPolygons (a
 * polygon stands for the centroid of its vertices). Properties (docs/schemas/settlements.schema.json):
 * `id`, `name`, `township`; pupils per level either as properties named by the level ids (`kindergarten`,
 * `primary1to3`, `primary4to6`, `junior`, `senior`, as the synthetic county generator writes them) or as a
 * nested `pupils` object; special-group pupils as a nested `groups` object (`{ "<groupId>": { "<level>": n } }`)
 * or flat `group:<groupId>:<level>` properties; the area the settlement stands for, `areaKm2` (km², a finite
 * number ≥ 0), which wins over a Polygon's or MultiPolygon's own area (turf's geodesic `area`, read where the
 * property is absent or null; a Point without the property has no area). Pupils of a settlement with an area
 * travel at least the mean trip inside it (see {@link withinAreaTrip}). Numeric strings are accepted. Other
 * properties are ignored. The input is never mutated.
 * @param collection - a parsed GeoJSON FeatureCollection (any value is checked)
 * @param options - coordinate system, id property, layer name; see {@link SchoolSystemLayerOptions}
 * @returns the settlements, their WGS-84 coordinates and features; see {@link SettlementLayer}
 * @throws InputError naming the layer (default `"settlements"`), the feature (index and id), the field and the
 *   value: an `areaKm2` that is not a finite number ≥ 0, not a FeatureCollection, a missing or bad geometry, a duplicate id, a settlement without any level
 *   count (probably the wrong file), pupils given both flat and nested, an unknown level, a count that is not
 *   a number ≥ 0, a malformed group
 * @example
 * ```ts
 * const { settlements, coordinates } = readSettlementLayer(villages);
 * settlements[0]; // { id: "S1", name: "Chengzhen", township: "T1", pupils: { kindergarten: 180, primary1to3: 210, … } }
 * ```
 */
export function readSettlementLayer(collection: unknown, options: SchoolSystemLayerOptions = {}): SettlementLayer {
  const settlements: SettlementInput[] = [];
  const read = readLayer(collection, options, options.source ?? "settlements", (feature, where) => {
    const properties = propertiesOf(feature);
    const pupils = readPupils(where, properties);
    if (pupils === undefined) {
      throw new InputError(
        { ...where, field: "properties", value: Object.keys(properties) },
        `has no pupils: give counts per level as properties ${LEVELS.join(", ")} or as a nested pupils object (is this the settlements file?)`,
      );
    }
    const name = readText(where, properties, "name");
    const township = readText(where, properties, "township");
    const groups = readGroupCounts(where, properties);
    const areaProperty = propertyValue(properties, "areaKm2");
    const areaKm2 = areaProperty === undefined ? undefined : readArea(where, areaProperty);
    settlements.push({
      id: where.id,
      ...(name == null ? {} : { name }),
      ...(township === undefined ? {} : { township }),
      pupils,
      ...(groups === undefined ? {} : { groups }),
      ...(areaKm2 === undefined ? {} : { areaKm2 }),
    });
  });
  // A polygon's own area where no areaKm2 property is given (on the WGS-84 copies; turf's geodesic area, m²).
  read.features.forEach((feature, index) => {
    const settlement = settlements[index]!;
    const type = feature.geometry?.type;
    if (settlement.areaKm2 === undefined && (type === "Polygon" || type === "MultiPolygon")) {
      settlements[index] = { ...settlement, areaKm2: area(feature) / 1e6 };
    }
  });
  return { settlements, coordinates: read.coordinates, features: read.features };
}

/** Reads the `areaKm2` property: a finite number ≥ 0 (numeric strings accepted). */
function readArea(where: Located, raw: unknown): number {
  return readCount(where, "areaKm2", raw, false);
}

function readChoice<T extends string>(where: Located, properties: Readonly<Record<string, unknown>>, field: string, choices: readonly T[]): T {
  const raw = propertyValue(properties, field);
  const list = choices.map((choice) => JSON.stringify(choice)).join(", ");
  if (raw === undefined) throw new InputError({ ...where, field: `properties.${field}`, value: raw }, `missing ${field}: must be one of ${list}`);
  if (!choices.includes(raw as T)) throw new InputError({ ...where, field: `properties.${field}`, value: raw }, `must be one of ${list}`);
  return raw as T;
}

/**
 * Reads existing schools, or candidate sites for new ones, from a GeoJSON FeatureCollection of Points,
 * Polygons or MultiPolygons. Properties (docs/schemas/schools.schema.json): `id`, `name`, `type` (one of
 * `SCHOOL_TYPES`, exactly as written there), `tier` (one of `SCHOOL_TIERS`), `township`, `existing`, classes now
 * per level (a nested `classes` object or flat `classes:<level>`), `classrooms`, `beds`, `maxAddedClassrooms`,
 * `maxAddedBeds`, the flags `resourceRoom`, `required`, `forbidden`, `protected` (`true`/`false`, `"true"`/
 * `"false"`, `1`/`0`), and the school's own cost figures in yuan per year (a nested `costs` object or flat
 * `cost:<name>`). Numeric strings are accepted. Values are converted and checked here; the rules between them
 * (classes of a level the type serves, classrooms ≥ classes, a candidate without classrooms or beds) are
 * checked by {@link createSchoolSystem}. The input is never mutated.
 * @param collection - a parsed GeoJSON FeatureCollection (any value is checked)
 * @param options - whether the features are existing schools (default) or candidates, coordinate system, id
 *   property, layer name; see {@link ReadSchoolLayerOptions}
 * @returns the schools, their WGS-84 coordinates and features; see {@link SchoolLayer}
 * @throws InputError naming the layer (default `"schools"`, or `"candidates"` with `existing: false`), the
 *   feature (index and id), the field and the value: not a FeatureCollection, a missing or bad geometry, a
 *   duplicate id, a missing or unknown type or tier, an unknown level or cost name, a count that is not a whole
 *   number ≥ 0, a figure that is not a finite number ≥ 0, a flag that is not a boolean, classes or costs given
 *   both flat and nested
 * @example
 * ```ts
 * const existing = readSchoolLayer(schools);
 * const candidates = readSchoolLayer(sites, { existing: false });
 * ```
 */
export function readSchoolLayer(collection: unknown, options: ReadSchoolLayerOptions = {}): SchoolLayer {
  const existingDefault = options.existing ?? true;
  if (typeof existingDefault !== "boolean") {
    throw new InputError({ source: "options", field: "existing", value: existingDefault }, "must be true or false");
  }
  const schools: SchoolInput[] = [];
  const source = options.source ?? (existingDefault ? "schools" : "candidates");
  const read = readLayer(collection, options, source, (feature, where) => {
    const properties = propertiesOf(feature);
    const school: Record<string, unknown> = { id: where.id };
    const name = readText(where, properties, "name");
    if (name != null) school["name"] = name;
    school["type"] = readChoice<SchoolType>(where, properties, "type", SCHOOL_TYPES);
    school["tier"] = readChoice<SchoolTier>(where, properties, "tier", SCHOOL_TIERS);
    const township = readText(where, properties, "township");
    if (township !== undefined) school["township"] = township;
    for (const flag of SCHOOL_FLAG_PROPERTIES) {
      if (propertyValue(properties, flag) !== undefined) school[flag] = readFeatureFlag(feature, where, flag, flag);
    }
    school["existing"] ??= existingDefault;
    const classes = readClasses(where, properties);
    if (classes !== undefined) school["classes"] = classes;
    for (const field of SCHOOL_NUMBER_PROPERTIES) {
      const raw = propertyValue(properties, field);
      if (raw !== undefined) school[field] = readCount(where, field, raw, field !== "maxAddedBeds");
    }
    const costs = readCosts(where, properties);
    if (costs !== undefined) school["costs"] = costs;
    schools.push(school as unknown as SchoolInput);
  });
  return { schools, coordinates: read.coordinates, features: read.features };
}

/** Input of {@link schoolSystemFromGeoJSON}. */
export interface SchoolSystemGeoJSONInput {
  /** The settlements layer, read by {@link readSettlementLayer}. */
  readonly settlements: unknown;
  /** The existing schools layer, read by {@link readSchoolLayer}. */
  readonly schools: unknown;
  /** Candidate sites for new schools, read by {@link readSchoolLayer} with `existing: false`; placed after the schools. Default none. */
  readonly candidates?: unknown;
  /** The coordinate system of all three layers; see {@link SchoolSystemLayerOptions.crs}. Default `wgs84`. */
  readonly crs?: CoordinateSystem;
  /** The levels to plan; default every level some settlement has pupils of (see {@link SchoolSystemInput.levels}). */
  readonly levels?: readonly LevelId[];
  /** Special groups and their rules (the groups the settlements name must be declared here). Default none. */
  readonly groups?: readonly SpecialGroup[];
  /** How to get travel times per level: a road network and modes, or the labelled fallback; see {@link TravelByLevelOptions}. */
  readonly travel: TravelByLevelOptions;
  /** The layers' names in error messages (e.g. file names). Default `"settlements"`, `"schools"`, `"candidates"`. */
  readonly sources?: {
    /** Name of the settlements layer. */
    readonly settlements?: string;
    /** Name of the schools layer. */
    readonly schools?: string;
    /** Name of the candidates layer. */
    readonly candidates?: string;
  };
}

/** What {@link schoolSystemFromGeoJSON} returns. */
export interface GeoSchoolSystem {
  /** The checked, frozen school system (schools then candidates as its m schools). */
  readonly system: SchoolSystem;
  /** Length 2n: settlement [longitude, latitude, ...], WGS-84. */
  readonly settlementCoordinates: Float64Array;
  /** Length 2m: school then candidate [longitude, latitude, ...], WGS-84. */
  readonly schoolCoordinates: Float64Array;
  /** Length n: the settlement features (WGS-84), for writing results. */
  readonly settlementFeatures: readonly Feature[];
  /** Length m: the school then candidate features (WGS-84), for writing results. */
  readonly schoolFeatures: readonly Feature[];
  /** The travel matrices per level, each level's mode and the basis; see {@link TravelByLevel}. */
  readonly travel: TravelByLevel;
}

/**
 * An error of {@link createSchoolSystem} about a settlement or school, moved to the layer and feature index it
 * came from (schools and candidates are one list there), with the field as the property path.
 */
function relocate(
  error: InputError,
  layers: readonly { readonly from: string; readonly to: string; readonly offset: number; readonly count: number }[],
  propertyOf: (layer: string, index: number, field: string) => string = (_layer, _index, field) => `properties.${field}`,
): InputError {
  const old = error.location;
  if (old.index === undefined) return error;
  const layer = layers.find((entry) => entry.from === old.source && old.index! >= entry.offset && old.index! < entry.offset + entry.count);
  if (layer === undefined) return error;
  const { value, ...rest } = old;
  const got = "value" in old ? `, got ${quoteValue(value)}` : "";
  const head = new InputError(rest, "").message;
  if (!error.message.startsWith(head) || !error.message.endsWith(got)) return error;
  const problem = error.message.slice(head.length, error.message.length - got.length);
  const location: InputLocation = {
    source: layer.to,
    index: old.index - layer.offset,
    ...(old.id === undefined ? {} : { id: old.id }),
    field: old.field === "id" ? "id" : propertyOf(layer.to, old.index - layer.offset, old.field ?? ""),
    ...("value" in old ? { value } : {}),
  };
  return new InputError(location, problem);
}

/**
 * The property path of a settlement's field as the feature gives it: a special group's field (`groups.<id>` or
 * `groups.<id>.<level>`) names the flat `group:<id>:<level>` property where the feature uses the flat form (it
 * has no nested `groups` object), so that a message names a property the file has.
 */
function settlementProperty(feature: Feature | undefined, field: string): string {
  const match = /^groups\.([^.]+)(?:\.(.+))?$/.exec(field);
  if (feature === undefined || match === null) return `properties.${field}`;
  const properties = propertiesOf(feature);
  if (propertyValue(properties, "groups") !== undefined) return `properties.${field}`;
  const [, group, level] = match;
  if (level !== undefined) return `properties.${GROUP_PROPERTY_PREFIX}${group}:${level}`;
  const prefix = `${GROUP_PROPERTY_PREFIX}${group}:`;
  const flat = Object.keys(properties).filter((name) => name.startsWith(prefix) && propertyValue(properties, name) !== undefined);
  return flat.length === 0 ? `properties.${field}` : `properties.${flat.join(", properties.")}`;
}

/**
 * Builds a school system from GeoJSON layers: reads the settlements, the existing schools and the candidate
 * sites ({@link readSettlementLayer}, {@link readSchoolLayer}), joins schools and candidates (candidates
 * after; ids unique across both), computes travel minutes and metres per level ({@link travelMinutesByLevel})
 * and checks the whole with {@link createSchoolSystem}, which raises the times of settlements with an area to at
 * least the trip inside it, at the speeds and detour of the travel options ({@link withinAreaAssumptions}). The
 * returned `travel` holds the matrices as routed, before that floor; `system` holds them after it. Inputs are never mutated.
 * @param input - the three layers, coordinate system, levels, special groups and travel options; see
 *   {@link SchoolSystemGeoJSONInput}
 * @returns the system, the coordinates and features of settlements and schools, and the travel matrices; see
 *   {@link GeoSchoolSystem}
 * @throws InputError naming the layer, the feature (index and id), the field and the value for every fault the
 *   readers and {@link createSchoolSystem} find (a fault of a candidate names the candidates layer and its index
 *   there), an id shared by a school and a candidate (naming both layers), and bad travel options
 * @example
 * ```ts
 * const { system } = schoolSystemFromGeoJSON({
 *   settlements, schools, candidates,
 *   groups: [{ id: "disability", rule: "resourceRoom" }],
 *   travel: { fallback: {} }, // no road network: great-circle × 1.3, walk 5 km/h, school bus 40 km/h
 * });
 * ```
 */
export function schoolSystemFromGeoJSON(input: SchoolSystemGeoJSONInput): GeoSchoolSystem {
  if (typeof input !== "object" || input === null) throw new InputError({ source: "options", field: "input", value: input }, "must be an object");
  const names = { settlements: "settlements", schools: "schools", candidates: "candidates", ...input.sources };
  const crs = input.crs === undefined ? {} : { crs: input.crs };
  const settlementLayer = readSettlementLayer(input.settlements, { ...crs, source: names.settlements });
  const schoolLayer = readSchoolLayer(input.schools, { ...crs, source: names.schools });
  const candidateLayer =
    input.candidates === undefined ? undefined : readSchoolLayer(input.candidates, { ...crs, existing: false, source: names.candidates });
  const candidates = candidateLayer?.schools ?? [];
  const schoolIndex = new Map(schoolLayer.schools.map((school, j) => [String(school.id), j]));
  candidates.forEach((candidate, k) => {
    const j = schoolIndex.get(String(candidate.id));
    if (j !== undefined) {
      throw new InputError(
        { source: names.candidates, index: k, id: String(candidate.id), field: "id", value: candidate.id },
        `duplicates the id of ${names.schools} ${j}: ids must be unique across ${names.schools} and ${names.candidates}`,
      );
    }
  });
  const schools = [...schoolLayer.schools, ...candidates];
  const schoolCoordinates = new Float64Array(2 * schools.length);
  schoolCoordinates.set(schoolLayer.coordinates);
  if (candidateLayer !== undefined) schoolCoordinates.set(candidateLayer.coordinates, schoolLayer.coordinates.length);
  const settlements = settlementLayer.settlements;
  const levels = input.levels ?? LEVELS.filter((level) => settlements.some((settlement) => (settlement.pupils[level] ?? 0) > 0));
  if (levels.length === 0) {
    throw new InputError({ source: names.settlements, field: "pupils", value: 0 }, "no level to plan: no settlement has pupils of any level");
  }
  const travel = travelMinutesByLevel(settlementLayer.coordinates, schoolCoordinates, levels, input.travel);
  const withinArea = withinAreaAssumptions(levels, input.travel);
  let system: SchoolSystem;
  try {
    system = createSchoolSystem({
      ...(input.levels === undefined ? {} : { levels: input.levels }),
      settlements,
      schools,
      travelMinutes: travel.travelMinutes,
      travelMetres: travel.travelMetres,
      travelBasis: travel.basis,
      withinArea,
      ...(input.groups === undefined ? {} : { groups: input.groups }),
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw relocate(error, [
      { from: "settlements", to: names.settlements, offset: 0, count: settlements.length },
      { from: "schools", to: names.schools, offset: 0, count: schoolLayer.schools.length },
      { from: "schools", to: names.candidates, offset: schoolLayer.schools.length, count: candidates.length },
    ], (layer, index, field) => settlementProperty(layer === names.settlements ? settlementLayer.features[index] : undefined, field));
  }
  return {
    system,
    settlementCoordinates: settlementLayer.coordinates,
    schoolCoordinates,
    settlementFeatures: settlementLayer.features,
    schoolFeatures: [...schoolLayer.features, ...(candidateLayer?.features ?? [])],
    travel,
  };
}
