/**
 * The school system a plan works on: settlements with pupils per level, existing and candidate schools, travel
 * times per level, special groups. Plain, checked, frozen data; built by {@link createSchoolSystem}.
 * @module
 */
import type { CostMatrix } from "../../costMatrix.ts";
import { InputError } from "../../errors.ts";
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import type { SchoolCostOverrides } from "../rules/costs.ts";
import { LEVELS_SERVED, type SchoolTier, type SchoolType } from "./schoolTypes.ts";
import { checkGroup, checkSchool, checkSettlement } from "./systemChecks.ts";
import { describeWithinAreaRule, floorRows, resolveWithinAreaRule, withinAreaMetres, withinAreaTrip, type WithinAreaAssumptions, type WithinAreaRule } from "./withinArea.ts";

/** Pupils per level, each ≥ 0 (fractions allowed: estimates from census shares). */
export type PupilsByLevel = Readonly<Record<LevelId, number>>;

/** A settlement (demand point) as the caller gives it. */
export interface SettlementInput {
  /** Unique id. */
  readonly id: string | number;
  /** Display name; default the id. */
  readonly name?: string;
  /** Id of its township (乡镇), for the "three schools" rule; null or absent where none. */
  readonly township?: string | null;
  /** Pupils living here per level (children of the level's ages); absent levels count 0. */
  readonly pupils: Readonly<Partial<Record<LevelId, number>>>;
  /**
   * Pupils of special groups per level, by group id (see {@link SpecialGroup}); each a part of `pupils` of the
   * same level, so never more than it.
   */
  readonly groups?: Readonly<Record<string, Readonly<Partial<Record<LevelId, number>>>>>;
  /**
   * The area the settlement stands for, km², finite ≥ 0 (from the GeoJSON property `areaKm2`, or a polygon's
   * area). Its pupils then travel at least the mean trip inside the area to any school (see
   * {@link withinAreaTrip}: (2/3)·√(A/π) × detour ÷ speed). Default 0: the settlement is a point, as before.
   */
  readonly areaKm2?: number | null;
}

/** A settlement, checked. */
export interface Settlement {
  /** Unique id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Township id, or null. */
  readonly township: string | null;
  /** Pupils per level (every level present, 0 where none). */
  readonly pupils: PupilsByLevel;
  /** Special-group pupils per level by group id (only groups the system declares). */
  readonly groups: Readonly<Record<string, PupilsByLevel>>;
  /** The area it stands for, km² (0 for a point); see {@link SettlementInput.areaKm2}. */
  readonly areaKm2: number;
}

/** An existing school or a candidate site for a new one, as the caller gives it. */
export interface SchoolInput {
  /** Unique id. */
  readonly id: string | number;
  /** Display name; default the id. */
  readonly name?: string;
  /** The type, which fixes the levels it serves; see {@link SchoolType}. */
  readonly type: SchoolType;
  /** The tier; see {@link SchoolTier}. */
  readonly tier: SchoolTier;
  /** Township id, for the "three schools" rule; null or absent where none. */
  readonly township?: string | null;
  /** True for a school that exists now (keep, close or expand); false for a candidate site (build or not). Default true. */
  readonly existing?: boolean;
  /** Classes taught now per level (whole numbers ≥ 0; only levels the type serves). Default none. Candidates have none. */
  readonly classes?: Readonly<Partial<Record<LevelId, number>>>;
  /** Classrooms now (whole number ≥ 0). Default: the sum of `classes`. Candidates have none. */
  readonly classrooms?: number;
  /** Boarding beds now (whole number ≥ 0). Default 0. Candidates have none. */
  readonly beds?: number;
  /** Most classrooms that may be added (built, for a candidate), whole number ≥ 0. Default: no limit beyond the size norm. */
  readonly maxAddedClassrooms?: number;
  /** Most beds that may be added, ≥ 0. Default: no limit. 0 where the site cannot house boarders. */
  readonly maxAddedBeds?: number;
  /** Whether it has (or, for a candidate, would have) a resource room (资源教室) for pupils with disabilities. Default false. */
  readonly resourceRoom?: boolean;
  /** Must be open in every plan (an existing school kept, or a candidate built). Default false. */
  readonly required?: boolean;
  /** Must not be open in any plan (an existing school closed, or a candidate not built). Default false. */
  readonly forbidden?: boolean;
  /** A protected small school: exempt from the minimum enrolment (e.g. a necessary teaching point). Default false. */
  readonly protected?: boolean;
  /** This school's own cost figures, replacing the plan's. */
  readonly costs?: SchoolCostOverrides;
}

/** A school, checked. */
export interface School {
  /** Unique id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The type. */
  readonly type: SchoolType;
  /** The tier. */
  readonly tier: SchoolTier;
  /** Township id, or null. */
  readonly township: string | null;
  /** True for an existing school, false for a candidate site. */
  readonly existing: boolean;
  /** Classes now per level (0 for levels not served and for candidates). */
  readonly classes: PupilsByLevel;
  /** Classrooms now. */
  readonly classrooms: number;
  /** Beds now. */
  readonly beds: number;
  /** Most classrooms that may be added; `Infinity` for no limit. */
  readonly maxAddedClassrooms: number;
  /** Most beds that may be added; `Infinity` for no limit. */
  readonly maxAddedBeds: number;
  /** Has or would have a resource room. */
  readonly resourceRoom: boolean;
  /** Must be open. */
  readonly required: boolean;
  /** Must not be open. */
  readonly forbidden: boolean;
  /** Exempt from the minimum enrolment. */
  readonly protected: boolean;
  /** Its own cost figures. */
  readonly costs: SchoolCostOverrides;
}

/**
 * A special group the plan cares for (brief: care for special groups), with its rule:
 * - `resourceRoom`: pupils with disabilities need an open school with a resource room within
 *   `travelLimitMinutes` (by the travel times of `level`) of every settlement where the group has pupils;
 * - `boardingCare`: left-behind children, for whom boarding places are a care option: beds are reserved at the
 *   school each settlement attends for `share` of the group's pupils of levels that may board (they count as
 *   boarders even where they could travel daily).
 */
export type SpecialGroup =
  | {
      /** Group id, as used in {@link SettlementInput.groups}. */
      readonly id: string;
      /** `resourceRoom`. */
      readonly rule: "resourceRoom";
      /** Longest one-way trip to a school with a resource room, minutes. Default 60. */
      readonly travelLimitMinutes?: number;
      /** The level whose travel times apply. Default `primary4to6`, else the first planned level. */
      readonly level?: LevelId;
    }
  | {
      /** Group id, as used in {@link SettlementInput.groups}. */
      readonly id: string;
      /** `boardingCare`. */
      readonly rule: "boardingCare";
      /** Share of the group's pupils (of levels that may board) given a boarding place, 0–1. Default 1. */
      readonly share?: number;
    };

/** A school system as the caller gives it; see {@link createSchoolSystem}. */
export interface SchoolSystemInput {
  /** The levels to plan, youngest first. Default: every level with pupils that some school type serves. */
  readonly levels?: readonly LevelId[];
  /** Length n ≥ 1: the settlements (rows i of every matrix). */
  readonly settlements: readonly SettlementInput[];
  /** Length m ≥ 1: existing schools and candidate sites (columns j of every matrix). */
  readonly schools: readonly SchoolInput[];
  /**
   * One-way travel minutes per planned level, settlement × school (n × m), as the caller declares the mode
   * (walking for the youngest, school bus for the rest); the same matrix may serve several levels. Pairs not
   * stored (sparse) or `Infinity` are unreachable.
   */
  readonly travelMinutes: Readonly<Partial<Record<LevelId, CostMatrix>>>;
  /** One-way distances in metres per level (n × m), needed only when kilometres are priced. */
  readonly travelMetres?: Readonly<Partial<Record<LevelId, CostMatrix>>>;
  /** How the travel times were obtained (e.g. the road network and mode, or the great-circle fallback). */
  readonly travelBasis?: string;
  /** Special groups and their rules. Default none. */
  readonly groups?: readonly SpecialGroup[];
  /**
   * The speeds and detour of the trip inside a settlement's area (settlements with `areaKm2` > 0). Default: the
   * straight-line fallback's assumptions, walk 5 km/h for kindergarten and grades 1–3, school bus 40 km/h above,
   * detour 1.3 (`schoolSystemFromGeoJSON` passes the speeds and detour of its travel options).
   */
  readonly withinArea?: WithinAreaAssumptions;
}

/** A checked, frozen school system; see {@link createSchoolSystem}. */
export interface SchoolSystem {
  /** The planned levels, youngest first. */
  readonly levels: readonly LevelId[];
  /** Length n: settlements. */
  readonly settlements: readonly Settlement[];
  /** Length m: schools (existing and candidate). */
  readonly schools: readonly School[];
  /**
   * Minutes per planned level (n × m, unit minutes): the given times with the within-area floor applied (each
   * settlement's times at least its {@link withinAreaTrip}); the objective, the heuristics, `checkPlan` and the
   * metrics all read these.
   */
  readonly travelMinutes: Readonly<Partial<Record<LevelId, CostMatrix>>>;
  /** Metres per level, where given, with the within-area floor ({@link withinAreaMetres}) applied. */
  readonly travelMetres: Readonly<Partial<Record<LevelId, CostMatrix>>>;
  /**
   * How the travel times were obtained; "" where not said. Where some settlement has an area, a sentence on the
   * within-area rule is appended (once).
   */
  readonly travelBasis: string;
  /** Special groups (defaults filled in). */
  readonly groups: readonly Required<SpecialGroup>[];
  /** The within-area assumptions in force (every level filled in). */
  readonly withinArea: WithinAreaRule;
}

/** Marks the within-area sentence in a travel basis, so that it is appended once. */
const WITHIN_AREA_BASIS = "within a settlement's area A:";

/**
 * Applies the within-area floor to the matrices of each level: row i raised to at least the trip inside
 * settlement i's area (minutes by the level's speed, or metres). Matrices shared by levels of one floor stay
 * shared; a matrix with nothing to raise is kept as it is.
 */
function floorMatrices(
  matrices: Readonly<Partial<Record<LevelId, CostMatrix>>>,
  floorOf: (level: LevelId) => Float64Array,
  keyOf: (level: LevelId) => string,
): Readonly<Partial<Record<LevelId, CostMatrix>>> {
  const done = new Map<CostMatrix, Map<string, CostMatrix>>();
  const result: Partial<Record<LevelId, CostMatrix>> = {};
  for (const [level, matrix] of Object.entries(matrices) as Array<[LevelId, CostMatrix]>) {
    const byKey = done.get(matrix) ?? new Map<string, CostMatrix>();
    done.set(matrix, byKey);
    const key = keyOf(level);
    let floored = byKey.get(key);
    if (floored === undefined) {
      floored = floorRows(matrix, floorOf(level));
      byKey.set(key, floored);
    }
    result[level] = floored;
  }
  return Object.freeze(result);
}

function checkMatrices(
  field: string,
  raw: Readonly<Partial<Record<LevelId, CostMatrix>>> | undefined,
  levels: readonly LevelId[],
  n: number,
  m: number,
  units: readonly string[],
  required: boolean,
): Readonly<Partial<Record<LevelId, CostMatrix>>> {
  const result: Partial<Record<LevelId, CostMatrix>> = {};
  if (raw === undefined) {
    if (required) throw new InputError({ source: "system", field, value: raw }, `must give a matrix for each planned level: ${levels.join(", ")}`);
    return result;
  }
  for (const [level, matrix] of Object.entries(raw) as Array<[LevelId, CostMatrix]>) {
    if (!(LEVELS as readonly string[]).includes(level)) throw new InputError({ source: "system", field: `${field}.${level}`, value: level }, `is not a level; levels: ${LEVELS.join(", ")}`);
    if (matrix.demandCount !== n || matrix.siteCount !== m) {
      throw new InputError(
        { source: "system", field: `${field}.${level}`, value: `${matrix.demandCount} × ${matrix.siteCount}` },
        `must be settlements × schools = ${n} × ${m}`,
      );
    }
    if (!units.includes(matrix.unit)) throw new InputError({ source: "system", field: `${field}.${level}.unit`, value: matrix.unit }, `must be ${units.join(" or ")}`);
    result[level] = matrix;
  }
  if (required) {
    for (const level of levels) {
      if (result[level] === undefined) throw new InputError({ source: "system", field: `${field}.${level}`, value: undefined }, "must give the travel minutes of every planned level");
    }
  }
  return Object.freeze(result);
}

/**
 * Checks and freezes a school system. The inputs are not mutated.
 * @param input - settlements (n ≥ 1), schools (m ≥ 1, existing and candidate), travel minutes per planned level
 *   (n × m, unit minutes), optional metres, special groups
 * @returns the system with defaults filled in: pupils of every level (0 where absent), classrooms = Σ classes,
 *   beds 0, no limits on additions, groups' defaults, area 0; travel times and metres of settlements with an area
 *   raised to at least the mean trip inside it (see {@link withinAreaTrip}: (2/3)·√(A/π) × detour ÷ the level's
 *   speed; the given matrices are not mutated)
 * @throws InputError naming the settlement or school (index, id), the field and the value: duplicate or bad ids,
 *   unknown levels, negative or fractional counts, classes of a level the type does not serve, classrooms fewer
 *   than classes, a candidate with classrooms or beds, required and forbidden together, unknown cost names, an
 *   undeclared group or one larger than its level's pupils, matrices of the wrong shape or unit, a planned level
 *   without travel minutes or that no school type serves, an `areaKm2` that is not a finite number ≥ 0, within-area
 *   speeds not finite and > 0 or a detour factor below 1
 * @example
 * ```ts
 * const system = createSchoolSystem({
 *   settlements: [{ id: "v1", township: "T1", pupils: { primary1to3: 40, primary4to6: 38 } }],
 *   schools: [{ id: "P1", type: "complete primary", tier: "township", township: "T1", classes: { primary1to3: 1, primary4to6: 1 } }],
 *   travelMinutes: { primary1to3: walk, primary4to6: bus },
 * });
 * ```
 */
export function createSchoolSystem(input: SchoolSystemInput): SchoolSystem {
  if (typeof input !== "object" || input === null) throw new InputError({ source: "system", field: "system", value: input }, "must be an object");
  if (!Array.isArray(input.settlements) || input.settlements.length === 0) {
    throw new InputError({ source: "system", field: "settlements", value: input.settlements }, "must be a non-empty array");
  }
  if (!Array.isArray(input.schools) || input.schools.length === 0) {
    throw new InputError({ source: "system", field: "schools", value: input.schools }, "must be a non-empty array");
  }
  const schoolIds = new Map<string, number>();
  const schools = input.schools.map((school, j) => checkSchool(school, j, schoolIds));
  const provisionalLevels = input.levels ?? LEVELS.filter((level) => input.settlements.some((s) => (s?.pupils?.[level] ?? 0) > 0));
  const levels = LEVELS.filter((level) => provisionalLevels.includes(level));
  for (const [k, level] of (input.levels ?? []).entries()) {
    if (!(LEVELS as readonly string[]).includes(level)) throw new InputError({ source: "system", index: k, field: "levels", value: level }, `is not a level; levels: ${LEVELS.join(", ")}`);
  }
  if (levels.length === 0) throw new InputError({ source: "system", field: "levels", value: input.levels ?? [] }, "no level to plan: no settlement has pupils");
  for (const level of levels) {
    if (!schools.some((school) => LEVELS_SERVED[school.type].includes(level))) {
      throw new InputError({ source: "system", field: "levels", value: level }, "no school (existing or candidate) serves this planned level");
    }
  }
  const groups = (input.groups ?? []).map((group, k) => checkGroup(group, k, levels));
  const groupIds = new Set<string>();
  for (const [k, group] of groups.entries()) {
    if (groupIds.has(group.id)) throw new InputError({ source: "groups", index: k, id: group.id, field: "id", value: group.id }, "duplicates another group's id");
    groupIds.add(group.id);
  }
  const settlementIds = new Map<string, number>();
  const settlements = input.settlements.map((settlement, i) => checkSettlement(settlement, i, settlementIds, groupIds));
  const n = settlements.length;
  const m = schools.length;
  const withinArea = resolveWithinAreaRule(input.withinArea);
  let travelMinutes = checkMatrices("travelMinutes", input.travelMinutes, levels, n, m, ["minutes"], true);
  let travelMetres = checkMatrices("travelMetres", input.travelMetres, levels, n, m, ["metres"], false);
  let travelBasis = input.travelBasis ?? "";
  if (typeof travelBasis !== "string") throw new InputError({ source: "system", field: "travelBasis", value: travelBasis }, "must be a string");
  if (settlements.some((settlement) => settlement.areaKm2 > 0)) {
    const detour = withinArea.detourFactor;
    const metresFloor = Float64Array.from(settlements, (settlement) => withinAreaMetres(settlement.areaKm2, detour));
    travelMinutes = floorMatrices(
      travelMinutes,
      (level) => Float64Array.from(settlements, (settlement) => withinAreaTrip(settlement.areaKm2, withinArea.speedKmPerHour[level], detour)),
      (level) => String(withinArea.speedKmPerHour[level]),
    );
    travelMetres = floorMatrices(travelMetres, () => metresFloor, () => "metres");
    if (!travelBasis.includes(WITHIN_AREA_BASIS)) {
      const sentence = describeWithinAreaRule(withinArea, levels);
      travelBasis = travelBasis === "" ? sentence : `${travelBasis}; ${sentence}`;
    }
  }
  return Object.freeze({
    levels: Object.freeze(levels),
    settlements: Object.freeze(settlements),
    schools: Object.freeze(schools),
    travelMinutes,
    travelMetres,
    travelBasis,
    groups: Object.freeze(groups),
    withinArea,
  });
}
