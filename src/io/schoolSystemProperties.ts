/**
 * The feature properties of school-system layers (settlements, schools, candidate sites): their names, and
 * the reading of counts by level, special groups, cost figures and text given either as nested objects or as
 * flat properties (for tools that write flat attribute tables, such as shapefiles and CSV joins).
 * @module
 */
import type { Feature } from "geojson";
import { InputError } from "../errors.ts";
import { LEVELS, type LevelId } from "../norms/levels.ts";
import { SCHOOL_COST_NAMES, type SchoolCostOverrides } from "../plan/rules/costs.ts";
import { checkNonNegative } from "../problem.ts";
import { readNumeric, type FeatureLocation } from "./values.ts";

/** A feature's location with its resolved id, for messages. @internal */
export type Located = FeatureLocation & { readonly id: string };

/** Prefix of the flat special-group properties of a settlement: `group:<groupId>:<level>`. */
export const GROUP_PROPERTY_PREFIX = "group:";
/** Prefix of the flat class properties of a school: `classes:<level>`. */
export const CLASSES_PROPERTY_PREFIX = "classes:";
/** Prefix of the flat cost properties of a school: `cost:<name>`, a name of {@link SCHOOL_COST_NAMES}. */
export const COST_PROPERTY_PREFIX = "cost:";

/** Numeric school properties besides classes and costs (whole numbers except `maxAddedBeds`). @internal */
export const SCHOOL_NUMBER_PROPERTIES = ["classrooms", "beds", "maxAddedClassrooms", "maxAddedBeds"] as const;
/** Boolean school properties. @internal */
export const SCHOOL_FLAG_PROPERTIES = ["existing", "resourceRoom", "required", "forbidden", "protected"] as const;

/**
 * Every property name a settlement feature's properties may hold that {@link readSettlementLayer} reads,
 * besides the flat special-group properties `group:<groupId>:<level>` ({@link GROUP_PROPERTY_PREFIX}).
 * docs/schemas/settlements.schema.json documents the same names (a test keeps the two in step).
 */
export const SETTLEMENT_PROPERTIES: readonly string[] = Object.freeze(["id", "name", "township", ...LEVELS, "pupils", "groups", "areaKm2"]);

/**
 * Every property name a school or candidate-site feature's properties may hold that {@link readSchoolLayer}
 * reads. docs/schemas/schools.schema.json documents the same names (a test keeps the two in step).
 */
export const SCHOOL_PROPERTIES: readonly string[] = Object.freeze([
  "id",
  "name",
  "type",
  "tier",
  "township",
  ...SCHOOL_FLAG_PROPERTIES,
  "classes",
  ...LEVELS.map((level) => `${CLASSES_PROPERTY_PREFIX}${level}`),
  ...SCHOOL_NUMBER_PROPERTIES,
  "costs",
  ...SCHOOL_COST_NAMES.map((name) => `${COST_PROPERTY_PREFIX}${name}`),
]);

/** A feature's properties, `{}` where null. @internal */
export function propertiesOf(feature: Feature): Readonly<Record<string, unknown>> {
  return (feature.properties ?? {}) as Readonly<Record<string, unknown>>;
}

/** A property's value, `undefined` where absent or null. @internal */
export function propertyValue(properties: Readonly<Record<string, unknown>>, name: string): unknown {
  return Object.hasOwn(properties, name) ? (properties[name] ?? undefined) : undefined;
}

/**
 * Reads a count ≥ 0 (numeric strings accepted), whole where `whole`.
 * @throws InputError naming the feature, the field (`properties.<field>`) and the value
 * @internal
 */
export function readCount(where: Located, field: string, raw: unknown, whole: boolean): number {
  const path = `properties.${field}`;
  const value = checkNonNegative(where.source, where.index, where.id, path, readNumeric(raw));
  if (whole && !Number.isInteger(value)) throw new InputError({ ...where, field: path, value: raw }, "must be a whole number ≥ 0");
  return value;
}

/**
 * Reads an optional text property: a non-empty string, or a finite number (as a string); `undefined` where
 * absent and `null` where null (e.g. no township).
 * @throws InputError naming the feature, the field and the value for anything else
 * @internal
 */
export function readText(where: Located, properties: Readonly<Record<string, unknown>>, field: string): string | null | undefined {
  if (!Object.hasOwn(properties, field) || properties[field] === undefined) return undefined;
  const raw = properties[field];
  if (raw === null) return null;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== "string" || raw.trim() === "") {
    throw new InputError({ ...where, field: `properties.${field}`, value: raw }, "must be a non-empty string (or a number)");
  }
  return raw;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkLevel(where: Located, field: string, level: string, value: unknown): LevelId {
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw new InputError({ ...where, field, value }, `names an unknown level ${JSON.stringify(level)}; levels: ${LEVELS.join(", ")}`);
  }
  return level as LevelId;
}

/**
 * Reads counts by level from a nested object (`field`: `{ "<level>": n }`).
 * @throws InputError when it is not an object, names an unknown level, or holds a bad count
 * @internal
 */
export function readNestedLevelCounts(where: Located, field: string, raw: unknown, whole: boolean): Partial<Record<LevelId, number>> {
  if (!isObject(raw)) {
    throw new InputError({ ...where, field: `properties.${field}`, value: raw }, `must be an object of counts by level id (${LEVELS.join(", ")})`);
  }
  const counts: Partial<Record<LevelId, number>> = {};
  for (const [level, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    counts[checkLevel(where, `properties.${field}.${level}`, level, value)] = readCount(where, `${field}.${level}`, value, whole);
  }
  return counts;
}

/** The flat properties whose names start with `prefix`, with the rest of each name. */
function flatProperties(properties: Readonly<Record<string, unknown>>, prefix: string): { readonly name: string; readonly rest: string; readonly value: unknown }[] {
  const found: { name: string; rest: string; value: unknown }[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (name.startsWith(prefix) && value !== null && value !== undefined) found.push({ name, rest: name.slice(prefix.length), value });
  }
  return found;
}

/** Throws when a feature gives one thing both nested and flat. */
function checkOneForm(where: Located, nested: string, nestedValue: unknown, flatNames: readonly string[], flatPattern: string): void {
  if (nestedValue !== undefined && flatNames.length > 0) {
    throw new InputError(
      { ...where, field: `properties.${nested}`, value: nestedValue },
      `give it either as a nested ${nested} object or as flat ${flatPattern} properties, not both (flat ones found: ${flatNames.join(", ")})`,
    );
  }
}

/** A property name that looks like a level id but is not one (`primary4-6`, `Junior`, `primary_1to3`), lowercased and stripped of separators. */
const LEVEL_LOOKALIKES = new Map<string, LevelId>(LEVELS.map((level) => [level.toLowerCase(), level]));

/**
 * Rejects a property whose name is a level id written another way (case, `-`, `_`, spaces): a misspelt level
 * would otherwise be ignored and its pupils silently dropped.
 * @throws InputError naming the property and the level id it resembles
 */
function checkLevelLikeNames(where: Located, properties: Readonly<Record<string, unknown>>): void {
  for (const name of Object.keys(properties)) {
    if ((LEVELS as readonly string[]).includes(name)) continue;
    const level = LEVEL_LOOKALIKES.get(name.toLowerCase().replace(/[-_\s]/g, "").replace("primary13", "primary1to3").replace("primary46", "primary4to6"));
    if (level !== undefined) {
      throw new InputError({ source: where.source, index: where.index, id: where.id, field: name, value: properties[name] }, `is not a level id; did you mean "${level}"?`);
    }
  }
}

/**
 * A settlement's pupils by level: the flat properties named by level ids, or the nested `pupils` object.
 * @returns the counts, or `undefined` when the feature gives no level count in either form
 * @throws InputError when both forms are given, the nested object is not one or names an unknown level, or a
 *   count is not a number ≥ 0
 * @internal
 */
export function readPupils(where: Located, properties: Readonly<Record<string, unknown>>): Partial<Record<LevelId, number>> | undefined {
  checkLevelLikeNames(where, properties);
  const nested = propertyValue(properties, "pupils");
  const flat = LEVELS.filter((level) => propertyValue(properties, level) !== undefined);
  checkOneForm(where, "pupils", nested, flat, "level-id (kindergarten, primary1to3, …)");
  if (nested !== undefined) {
    const counts = readNestedLevelCounts(where, "pupils", nested, false);
    return Object.keys(counts).length === 0 ? undefined : counts;
  }
  if (flat.length === 0) return undefined;
  const counts: Partial<Record<LevelId, number>> = {};
  for (const level of flat) counts[level] = readCount(where, level, properties[level], false);
  return counts;
}

/**
 * A settlement's special-group pupils by group id and level: the nested `groups` object
 * (`{ "<groupId>": { "<level>": n } }`) or flat `group:<groupId>:<level>` properties.
 * @returns the groups, or `undefined` where none is given
 * @throws InputError when both forms are given, a name or object is malformed, a level is unknown or a count bad
 * @internal
 */
export function readGroupCounts(
  where: Located,
  properties: Readonly<Record<string, unknown>>,
): Record<string, Partial<Record<LevelId, number>>> | undefined {
  const nested = propertyValue(properties, "groups");
  const flat = flatProperties(properties, GROUP_PROPERTY_PREFIX);
  checkOneForm(where, "groups", nested, flat.map((entry) => entry.name), "group:<groupId>:<level>");
  if (nested !== undefined) {
    if (!isObject(nested)) {
      throw new InputError({ ...where, field: "properties.groups", value: nested }, "must be an object of counts by level, by group id: { \"<groupId>\": { \"<level>\": n } }");
    }
    const groups: Record<string, Partial<Record<LevelId, number>>> = {};
    for (const [group, counts] of Object.entries(nested)) groups[group] = readNestedLevelCounts(where, `groups.${group}`, counts, false);
    return groups;
  }
  if (flat.length === 0) return undefined;
  const groups: Record<string, Partial<Record<LevelId, number>>> = {};
  for (const { name, rest, value } of flat) {
    const split = rest.lastIndexOf(":");
    const group = split > 0 ? rest.slice(0, split) : "";
    if (group === "") {
      throw new InputError({ ...where, field: `properties.${name}`, value }, "a flat special-group property is named group:<groupId>:<level>, e.g. group:disability:primary4to6");
    }
    const level = checkLevel(where, `properties.${name}`, rest.slice(split + 1), value);
    (groups[group] ??= {})[level] = readCount(where, name, value, false);
  }
  return groups;
}

/**
 * A school's classes by level: the nested `classes` object or flat `classes:<level>` properties (whole numbers).
 * @returns the counts, or `undefined` where none is given
 * @throws InputError when both forms are given, a level is unknown or a count is not a whole number ≥ 0
 * @internal
 */
export function readClasses(where: Located, properties: Readonly<Record<string, unknown>>): Partial<Record<LevelId, number>> | undefined {
  const nested = propertyValue(properties, "classes");
  const flat = flatProperties(properties, CLASSES_PROPERTY_PREFIX);
  checkOneForm(where, "classes", nested, flat.map((entry) => entry.name), "classes:<level>");
  if (nested !== undefined) return readNestedLevelCounts(where, "classes", nested, true);
  if (flat.length === 0) return undefined;
  const counts: Partial<Record<LevelId, number>> = {};
  for (const { name, rest, value } of flat) counts[checkLevel(where, `properties.${name}`, rest, value)] = readCount(where, name, value, true);
  return counts;
}

function checkCostName(where: Located, field: string, name: string, value: unknown): keyof SchoolCostOverrides {
  if (!(SCHOOL_COST_NAMES as readonly string[]).includes(name)) {
    throw new InputError({ ...where, field, value }, `names an unknown school cost ${JSON.stringify(name)}; known: ${SCHOOL_COST_NAMES.join(", ")}`);
  }
  return name as keyof SchoolCostOverrides;
}

/**
 * A school's own cost figures (yuan per year): the nested `costs` object or flat `cost:<name>` properties.
 * @returns the figures, or `undefined` where none is given
 * @throws InputError when both forms are given, a name is unknown or a figure is not a finite number ≥ 0
 * @internal
 */
export function readCosts(where: Located, properties: Readonly<Record<string, unknown>>): SchoolCostOverrides | undefined {
  const nested = propertyValue(properties, "costs");
  const flat = flatProperties(properties, COST_PROPERTY_PREFIX);
  checkOneForm(where, "costs", nested, flat.map((entry) => entry.name), "cost:<name>");
  let entries: { readonly field: string; readonly name: string; readonly value: unknown }[];
  if (nested !== undefined) {
    if (!isObject(nested)) {
      throw new InputError({ ...where, field: "properties.costs", value: nested }, `must be an object of yuan per year by cost name (${SCHOOL_COST_NAMES.join(", ")})`);
    }
    entries = Object.entries(nested)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => ({ field: `costs.${name}`, name, value }));
  } else {
    if (flat.length === 0) return undefined;
    entries = flat.map(({ name, rest, value }) => ({ field: name, name: rest, value }));
  }
  const costs: Partial<Record<keyof SchoolCostOverrides, number>> = {};
  for (const { field, name, value } of entries) costs[checkCostName(where, `properties.${field}`, name, value)] = readCount(where, field, value, false);
  return costs;
}
