/**
 * The checks of one settlement, school or special group of a school system (see {@link createSchoolSystem}):
 * each value converted and checked, defaults filled in, errors naming the record, the field and the value.
 * @module
 */
import { InputError } from "../../errors.ts";
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import { checkNonNegative, checkUniqueId } from "../../problem.ts";
import { SCHOOL_COST_NAMES } from "../rules/costs.ts";
import { LEVELS_SERVED, SCHOOL_TIERS, SCHOOL_TYPES } from "./schoolTypes.ts";
import type { PupilsByLevel, School, SchoolInput, Settlement, SettlementInput, SpecialGroup } from "./system.ts";

const noPupils = (): Record<LevelId, number> => ({ kindergarten: 0, primary1to3: 0, primary4to6: 0, junior: 0, senior: 0 });

function checkLevelCounts(source: string, index: number, id: string, field: string, raw: unknown, whole: boolean): Record<LevelId, number> {
  const counts = noPupils();
  if (raw === undefined || raw === null) return counts;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new InputError({ source, index, id, field, value: raw }, "must be an object of counts by level id");
  }
  for (const [level, value] of Object.entries(raw)) {
    if (!(LEVELS as readonly string[]).includes(level)) {
      throw new InputError({ source, index, id, field: `${field}.${level}`, value }, `is not a level; levels: ${LEVELS.join(", ")}`);
    }
    const count = checkNonNegative(source, index, id, `${field}.${level}`, value);
    if (whole && !Number.isInteger(count)) throw new InputError({ source, index, id, field: `${field}.${level}`, value }, "must be a whole number ≥ 0");
    counts[level as LevelId] = count;
  }
  return counts;
}

function optionalText(source: string, index: number, id: string, field: string, raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== "string" || raw === "") throw new InputError({ source, index, id, field, value: raw }, "must be a non-empty string or null");
  return raw;
}

function flag(source: string, index: number, id: string, field: string, raw: unknown, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (typeof raw !== "boolean") throw new InputError({ source, index, id, field, value: raw }, "must be true or false");
  return raw;
}

function wholeOrInfinity(source: string, index: number, id: string, field: string, raw: unknown, fallback: number, whole: boolean): number {
  if (raw === undefined || raw === null) return fallback;
  const value = checkNonNegative(source, index, id, field, raw, true);
  if (whole && value !== Infinity && !Number.isInteger(value)) throw new InputError({ source, index, id, field, value: raw }, "must be a whole number ≥ 0");
  return value;
}

/**
 * Checks one settlement: a unique id, pupils per level, special-group pupils of declared groups (never more than the
 * level's pupils), the area (`areaKm2`: a finite number ≥ 0; absent or null is 0).
 * @throws InputError naming the settlement, the field and the value
 */
export function checkSettlement(raw: SettlementInput, i: number, seen: Map<string, number>, groupIds: ReadonlySet<string>): Settlement {
  const source = "settlements";
  if (typeof raw !== "object" || raw === null) throw new InputError({ source, index: i, field: "settlement", value: raw }, "must be an object");
  const id = checkUniqueId(source, i, raw.id, seen);
  const pupils = checkLevelCounts(source, i, id, "pupils", raw.pupils, false);
  const groups: Record<string, PupilsByLevel> = {};
  for (const [group, counts] of Object.entries(raw.groups ?? {})) {
    if (!groupIds.has(group)) {
      throw new InputError({ source, index: i, id, field: `groups.${group}`, value: counts }, `is not a declared special group; declared: ${[...groupIds].join(", ") || "none"}`);
    }
    const checked = checkLevelCounts(source, i, id, `groups.${group}`, counts, false);
    for (const level of LEVELS) {
      if (checked[level] > pupils[level] + 1e-9) {
        throw new InputError(
          { source, index: i, id, field: `groups.${group}.${level}`, value: checked[level] },
          `must not exceed the settlement's ${level} pupils (${pupils[level]})`,
        );
      }
    }
    groups[group] = Object.freeze(checked);
  }
  for (const group of groupIds) groups[group] ??= Object.freeze(noPupils());
  const name = raw.name === undefined ? id : String(raw.name);
  const areaKm2 = raw.areaKm2 === undefined || raw.areaKm2 === null ? 0 : checkNonNegative(source, i, id, "areaKm2", raw.areaKm2);
  return Object.freeze({
    id,
    name,
    township: optionalText(source, i, id, "township", raw.township),
    pupils: Object.freeze(pupils),
    groups: Object.freeze(groups),
    areaKm2,
  });
}

/**
 * Checks one school or candidate site: id, type, tier, classes of served levels, classrooms, beds, limits, flags and
 * its own cost figures.
 * @throws InputError naming the school, the field and the value
 */
export function checkSchool(raw: SchoolInput, j: number, seen: Map<string, number>): School {
  const source = "schools";
  if (typeof raw !== "object" || raw === null) throw new InputError({ source, index: j, field: "school", value: raw }, "must be an object");
  const id = checkUniqueId(source, j, raw.id, seen);
  if (!SCHOOL_TYPES.includes(raw.type)) throw new InputError({ source, index: j, id, field: "type", value: raw.type }, `must be one of ${SCHOOL_TYPES.join(", ")}`);
  if (!SCHOOL_TIERS.includes(raw.tier)) throw new InputError({ source, index: j, id, field: "tier", value: raw.tier }, `must be one of ${SCHOOL_TIERS.join(", ")}`);
  const existing = flag(source, j, id, "existing", raw.existing, true);
  const classes = checkLevelCounts(source, j, id, "classes", raw.classes, true);
  for (const level of LEVELS) {
    if (classes[level] > 0 && !LEVELS_SERVED[raw.type].includes(level)) {
      throw new InputError({ source, index: j, id, field: `classes.${level}`, value: classes[level] }, `a ${raw.type} does not serve ${level}`);
    }
  }
  const classSum = LEVELS.reduce((sum, level) => sum + classes[level], 0);
  const classrooms = wholeOrInfinity(source, j, id, "classrooms", raw.classrooms, classSum, true);
  if (classrooms === Infinity) throw new InputError({ source, index: j, id, field: "classrooms", value: raw.classrooms }, "must be a finite whole number ≥ 0");
  if (classrooms < classSum) {
    throw new InputError({ source, index: j, id, field: "classrooms", value: classrooms }, `must be at least the classes taught now (${classSum})`);
  }
  const beds = wholeOrInfinity(source, j, id, "beds", raw.beds, 0, true);
  if (beds === Infinity) throw new InputError({ source, index: j, id, field: "beds", value: raw.beds }, "must be a finite whole number ≥ 0");
  if (!existing && (classrooms > 0 || beds > 0)) {
    throw new InputError(
      { source, index: j, id, field: classrooms > 0 ? "classrooms" : "beds", value: classrooms > 0 ? classrooms : beds },
      "a candidate site (existing false) has no classrooms or beds yet: give what it may build as maxAddedClassrooms / maxAddedBeds",
    );
  }
  const required = flag(source, j, id, "required", raw.required, false);
  const forbidden = flag(source, j, id, "forbidden", raw.forbidden, false);
  if (required && forbidden) throw new InputError({ source, index: j, id, field: "forbidden", value: true }, "a school cannot be both required and forbidden");
  const costs: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw.costs ?? {})) {
    const known: readonly string[] = SCHOOL_COST_NAMES;
    if (!known.includes(key)) throw new InputError({ source, index: j, id, field: `costs.${key}`, value }, `is not a school cost; known: ${known.join(", ")}`);
    costs[key] = checkNonNegative(source, j, id, `costs.${key}`, value);
  }
  return Object.freeze({
    id,
    name: raw.name === undefined ? id : String(raw.name),
    type: raw.type,
    tier: raw.tier,
    township: optionalText(source, j, id, "township", raw.township),
    existing,
    classes: Object.freeze(classes),
    classrooms,
    beds,
    maxAddedClassrooms: wholeOrInfinity(source, j, id, "maxAddedClassrooms", raw.maxAddedClassrooms, Infinity, true),
    maxAddedBeds: wholeOrInfinity(source, j, id, "maxAddedBeds", raw.maxAddedBeds, Infinity, false),
    resourceRoom: flag(source, j, id, "resourceRoom", raw.resourceRoom, false),
    required,
    forbidden,
    protected: flag(source, j, id, "protected", raw.protected, false),
    costs: Object.freeze(costs),
  });
}

/**
 * Checks one special group and fills in its defaults.
 * @throws InputError naming the group, the field and the value
 */
export function checkGroup(raw: SpecialGroup, k: number, levels: readonly LevelId[]): Required<SpecialGroup> {
  const source = "groups";
  if (typeof raw !== "object" || raw === null || typeof raw.id !== "string" || raw.id === "") {
    throw new InputError({ source, index: k, field: "id", value: (raw as { id?: unknown } | null)?.id }, "must be a non-empty string");
  }
  const id = raw.id;
  if (raw.rule === "resourceRoom") {
    const limit = raw.travelLimitMinutes ?? 60;
    if (typeof limit !== "number" || !(limit > 0) || limit === Infinity) {
      throw new InputError({ source, index: k, id, field: "travelLimitMinutes", value: limit }, "must be a finite number > 0");
    }
    const level = raw.level ?? (levels.includes("primary4to6") ? "primary4to6" : levels[0]!);
    if (!levels.includes(level)) throw new InputError({ source, index: k, id, field: "level", value: level }, `must be a planned level: ${levels.join(", ")}`);
    return Object.freeze({ id, rule: "resourceRoom", travelLimitMinutes: limit, level });
  }
  if (raw.rule === "boardingCare") {
    const share = raw.share ?? 1;
    if (typeof share !== "number" || !(share >= 0 && share <= 1)) throw new InputError({ source, index: k, id, field: "share", value: share }, "must be a number from 0 to 1");
    return Object.freeze({ id, rule: "boardingCare", share });
  }
  throw new InputError({ source, index: k, id, field: "rule", value: (raw as { rule?: unknown }).rule }, "must be resourceRoom or boardingCare");
}
