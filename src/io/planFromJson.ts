/**
 * A plan read back from its `plan.json` ({@link planToJson}) against the school system it was made for, so that
 * the report, the maps and the metrics can be made again without solving: `school-layout report`, `map`,
 * `evaluate` and `compare` read plans this way.
 * @module
 */
import { costOf, type CostMatrix } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import { LEVELS, type LevelId } from "../norms/levels.ts";
import type { PlanJson, PlanJsonAssignment, PlanJsonCosts, PlanJsonLayout, PlanJsonSchool, PlanJsonTravel } from "../plan/result/planJsonTypes.ts";
import type { Plan, PlanCostBreakdown, PlannedAssignment, PlannedSchool, PlanScore, PlanTravel, StatusQuo } from "../plan/result/result.ts";
import { resolvePlanRules, type PlanRules } from "../plan/rules/rules.ts";
import type { PupilsByLevel, SchoolSystem } from "../plan/system/system.ts";
import type { Layout } from "../metrics/layout.ts";

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A finite number or the fallback for null (plan.json writes what is not finite as null). */
function numberOr(value: unknown, fallback: number, source: string, field: string): number {
  if (value === null || value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new InputError({ source, field, value }, "must be a number or null");
  return value;
}

function byLevel(levels: readonly LevelId[], raw: unknown, source: string, field: string): PupilsByLevel {
  const values = isObject(raw) ? raw : {};
  const result = {} as Record<LevelId, number>;
  for (const level of LEVELS) result[level] = levels.includes(level) ? numberOr(values[level], 0, source, `${field}.${level}`) : 0;
  return result;
}

/** The rules of plan.json, levels that were not planned taken from the national defaults. */
function rulesFromJson(raw: unknown, levels: readonly LevelId[], source: string): PlanRules {
  if (!isObject(raw)) throw new InputError({ source, field: "rules", value: raw }, "must be the rules object plan.json writes");
  const defaults = resolvePlanRules();
  const perLevel = <T>(key: keyof PlanRules, pick: (value: unknown, level: LevelId) => T): Record<LevelId, T> => {
    const given = isObject(raw[key]) ? (raw[key] as Json) : {};
    const base = defaults[key] as Readonly<Record<LevelId, T>>;
    const result = {} as Record<LevelId, T>;
    for (const level of LEVELS) result[level] = levels.includes(level) && level in given ? pick(given[level], level) : base[level];
    return result;
  };
  const limit = (value: unknown, level: LevelId): number | null => (value === null ? null : numberOr(value, 0, source, `rules.*.${level}`));
  const nullable = (key: string): number | null => (raw[key] === null || raw[key] === undefined ? null : numberOr(raw[key], 0, source, `rules.${key}`));
  return {
    ...defaults,
    classSize: perLevel("classSize", (value, level) => numberOr(value, defaults.classSize[level], source, `rules.classSize.${level}`)),
    teachingPointClassSize: numberOr(raw.teachingPointClassSize, defaults.teachingPointClassSize, source, "rules.teachingPointClassSize"),
    dayTravelLimitMinutes: perLevel("dayTravelLimitMinutes", limit),
    boardingTravelLimitMinutes: perLevel("boardingTravelLimitMinutes", limit),
    boardingFromGrade: numberOr(raw.boardingFromGrade, defaults.boardingFromGrade, source, "rules.boardingFromGrade"),
    boardingAllowed: perLevel("boardingAllowed", (value) => value === true),
    maxSchoolSize: isObject(raw.maxSchoolSize) ? { ...defaults.maxSchoolSize, ...(raw.maxSchoolSize as PlanRules["maxSchoolSize"]) } : defaults.maxSchoolSize,
    minimumEnrolment: isObject(raw.minimumEnrolment) ? { ...defaults.minimumEnrolment, ...(raw.minimumEnrolment as PlanRules["minimumEnrolment"]) } : defaults.minimumEnrolment,
    threeSchools: raw.threeSchools === true,
    boardingSchoolMinimumBeds: numberOr(raw.boardingSchoolMinimumBeds, defaults.boardingSchoolMinimumBeds, source, "rules.boardingSchoolMinimumBeds"),
    catchments: raw.catchments !== false,
    splitAbovePupils: raw.splitAbovePupils === null ? Infinity : numberOr(raw.splitAbovePupils, defaults.splitAbovePupils, source, "rules.splitAbovePupils"),
    wholeClasses: raw.wholeClasses !== false,
    budgetYuanPerYear: nullable("budgetYuanPerYear"),
    maxClosures: nullable("maxClosures"),
    maxMeanTravelMinutes: nullable("maxMeanTravelMinutes"),
    smallSchoolPupils: numberOr(raw.smallSchoolPupils, defaults.smallSchoolPupils, source, "rules.smallSchoolPupils"),
  };
}

function costsFromJson(raw: PlanJsonCosts, source: string, field: string): PlanCostBreakdown {
  const value = (key: keyof PlanJsonCosts): number => numberOr(raw[key], Infinity, source, `${field}.${key}`);
  return { schools: value("schools"), newSchools: value("newSchools"), closures: value("closures"), classes: value("classes"), classrooms: value("classrooms"), beds: value("beds"), boarders: value("boarders"), transport: value("transport"), total: value("total") };
}

function travelFromJson(raw: PlanJsonTravel, levels: readonly LevelId[], source: string, field: string): PlanTravel {
  const perLevel = (values: unknown, name: string): Partial<Record<LevelId, number>> => {
    const given = isObject(values) ? values : {};
    const result: Partial<Record<LevelId, number>> = {};
    for (const level of levels) if (level in given) result[level] = numberOr(given[level], Infinity, source, `${field}.${name}.${level}`);
    return result;
  };
  return {
    meanMinutes: numberOr(raw.meanMinutes, Infinity, source, `${field}.meanMinutes`),
    meanMinutesByLevel: perLevel(raw.meanMinutesByLevel, "meanMinutesByLevel"),
    maxDayMinutesByLevel: perLevel(raw.maxDayMinutesByLevel, "maxDayMinutesByLevel"),
    dayPupils: numberOr(raw.dayPupils, 0, source, `${field}.dayPupils`),
    boarders: numberOr(raw.boarders, 0, source, `${field}.boarders`),
  };
}

/** The system's own travel figure of a pair (plan.json rounds them), or null where the system has no matrix. */
function travelOf(matrix: CostMatrix | undefined, i: number, j: number): number | null {
  return matrix === undefined ? null : costOf(matrix, i, j);
}

/** The schools and rows of a layout as plan values, enrolment and boarders recounted from the rows. */
function schoolsAndRows(raw: Pick<PlanJsonLayout, "schools" | "assignments">, system: SchoolSystem, source: string, field: string): Layout {
  if (!Array.isArray(raw.schools) || !Array.isArray(raw.assignments)) throw new InputError({ source, field, value: raw }, "must hold schools and assignments arrays");
  const levels = system.levels;
  const settlementIndex = new Map(system.settlements.map((settlement, i) => [settlement.id, i]));
  const schoolIndex = new Map(system.schools.map((school, j) => [school.id, j]));
  const assignments = raw.assignments.map((row: PlanJsonAssignment, index): PlannedAssignment => {
    const where = `${field}.assignments[${index}]`;
    const i = settlementIndex.get(String(row.settlement));
    if (i === undefined) throw new InputError({ source, field: `${where}.settlement`, value: row.settlement }, "is not a settlement of the inputs: was the plan made from other files?");
    const j = schoolIndex.get(String(row.school));
    if (j === undefined) throw new InputError({ source, field: `${where}.school`, value: row.school }, "is not a school or candidate of the inputs: was the plan made from other files?");
    if (!levels.includes(row.level)) throw new InputError({ source, field: `${where}.level`, value: row.level }, `is not a planned level (${levels.join(", ")})`);
    return {
      settlementIndex: i,
      settlement: system.settlements[i]!.id,
      level: row.level,
      schoolIndex: j,
      school: system.schools[j]!.id,
      pupils: numberOr(row.pupils, 0, source, `${where}.pupils`),
      travelMinutes: travelOf(system.travelMinutes[row.level], i, j) ?? numberOr(row.travelMinutes, Infinity, source, `${where}.travelMinutes`),
      travelMetres: travelOf(system.travelMetres[row.level], i, j) ?? (row.travelMetres === null ? null : numberOr(row.travelMetres, 0, source, `${where}.travelMetres`)),
      boarding: row.boarding === true,
    };
  });
  const enrolment = system.schools.map(() => Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<LevelId, number>);
  const boarders = new Float64Array(system.schools.length);
  for (const row of assignments) {
    enrolment[row.schoolIndex]![row.level] += row.pupils;
    if (row.boarding) boarders[row.schoolIndex]! += row.pupils;
  }
  const given = new Map((raw.schools as readonly PlanJsonSchool[]).map((school) => [String(school.id), school]));
  const schools = system.schools.map((school, j): PlannedSchool => {
    const json = given.get(school.id);
    if (json === undefined) throw new InputError({ source, field: `${field}.schools`, value: school.id }, "has no entry for this school of the inputs: was the plan made from other files?");
    const where = `${field}.schools (id ${JSON.stringify(school.id)})`;
    const seats = byLevel(levels, json.seats, source, `${where}.seats`);
    const pupils = LEVELS.reduce((sum, level) => sum + enrolment[j]![level], 0);
    const seatTotal = LEVELS.reduce((sum, level) => sum + seats[level], 0);
    return {
      index: j,
      id: school.id,
      name: school.name,
      type: school.type,
      tier: school.tier,
      township: school.township,
      existing: school.existing,
      action: json.action,
      open: json.open === true,
      enrolment: enrolment[j]!,
      classes: byLevel(levels, json.classes, source, `${where}.classes`),
      seats,
      classrooms: numberOr(json.classrooms, 0, source, `${where}.classrooms`),
      classroomsAdded: numberOr(json.classroomsAdded, 0, source, `${where}.classroomsAdded`),
      boarders: boarders[j]!,
      beds: numberOr(json.beds, 0, source, `${where}.beds`),
      bedsAdded: numberOr(json.bedsAdded, 0, source, `${where}.bedsAdded`),
      utilization: json.open === true && seatTotal > 0 ? pupils / seatTotal : 0,
      small: json.small === true,
    };
  });
  return { schools, assignments };
}

/** The layout of plan.json with its figures. */
function layoutWithFigures(raw: PlanJsonLayout, system: SchoolSystem, source: string, field: string): PlanScore {
  const { schools, assignments } = schoolsAndRows(raw, system, source, field);
  return { schools, assignments, costs: costsFromJson(raw.costs, source, `${field}.costs`), travel: travelFromJson(raw.travel, system.levels, source, `${field}.travel`), counts: raw.counts };
}

/**
 * A layout of one's own, in plan.json's shape: `{ schools, assignments }` with, per school, `id`, `action`, `open`,
 * `classes` and `seats` per level, `classrooms`, `classroomsAdded`, `beds`, `bedsAdded`, `small` (as
 * {@link PlanJsonSchool}; every school of the system listed), and per row `settlement`, `level`, `school`,
 * `pupils`, `boarding` (as {@link PlanJsonAssignment}; travel is taken from the system). Enrolment and boarders
 * are counted from the rows. For {@link evaluateLayout}, which recomputes the costs.
 * @param json - the parsed file
 * @param system - the system built from the inputs
 * @param source - the file name for errors; default `"layout.json"`
 * @returns the layout
 * @throws InputError as {@link planFromJson}
 */
export function layoutFromJson(json: unknown, system: SchoolSystem, source = "layout.json"): Layout {
  if (!isObject(json) || !Array.isArray(json.schools) || !Array.isArray(json.assignments)) {
    throw new InputError({ source, field: "(file)", value: isObject(json) ? Object.keys(json).slice(0, 6) : json }, "must be a layout: an object with schools and assignments arrays, as plan.json has them");
  }
  return schoolsAndRows(json as unknown as PlanJsonLayout, system, source, "layout");
}

/**
 * Reads a plan back from the JSON {@link planToJson} wrote (`plan.json`), against the school system made from the
 * same input files: schools and settlements are matched by id, per-level figures of the planned levels are read,
 * `null` (what plan.json writes for a value that is not finite) becomes `Infinity` for travel times, limits and
 * costs, the rules of levels that were not planned come from the national defaults, and each school's enrolment
 * and boarders are recounted from the assignment rows (plan.json rounds them to 0.01), and each row's travel
 * minutes and metres are the system's own (plan.json rounds them). The other figures are those of plan.json
 * (rounded as written: costs to whole yuan, so a check of the layout should recompute them, as {@link evaluateLayout}
 * does for a layout given without costs); nothing is solved again.
 * @param json - the parsed plan.json
 * @param system - the system built from the plan's input files
 * @param source - the file name for error messages; default `"plan.json"`
 * @returns the plan
 * @throws InputError naming the file, the field and the value: not a plan.json; a settlement or school id the
 *   inputs do not have (a plan made from other files); a school of the inputs the plan does not list; a level
 *   that was not planned; a number that is not one
 * @example
 * ```ts
 * const plan = planFromJson(JSON.parse(await readFile("out/plan.json", "utf8")), geo.system, "out/plan.json");
 * ```
 */
export function planFromJson(json: unknown, system: SchoolSystem, source = "plan.json"): Plan {
  if (!isObject(json) || typeof json.status !== "string" || !Array.isArray(json.levels) || !isObject(json.statistics)) {
    throw new InputError({ source, field: "(file)", value: isObject(json) ? Object.keys(json).slice(0, 6) : json }, "is not a plan.json written by school-layout (no status, levels and statistics)");
  }
  const raw = json as unknown as PlanJson;
  const levels = raw.levels;
  const missing = system.levels.filter((level) => !levels.includes(level));
  if (missing.length > 0 || levels.length !== system.levels.length) {
    throw new InputError({ source, field: "levels", value: levels }, `does not match the inputs' planned levels (${system.levels.join(", ")}): was the plan made from other files or levels?`);
  }
  const score = raw.schools === null || raw.assignments === null || raw.costs === null || raw.travel === null || raw.counts === null ? null : layoutWithFigures(raw as PlanJsonLayout, system, source, "plan");
  let statusQuo: StatusQuo | null = null;
  if (raw.statusQuo !== null && raw.statusQuo !== undefined) statusQuo = { ...layoutWithFigures(raw.statusQuo, system, source, "statusQuo"), violations: raw.statusQuo.violations ?? [] };
  return {
    ...(score ?? {}),
    status: raw.status,
    objectiveKind: raw.objectiveKind,
    objective: raw.objective,
    bound: raw.bound,
    gap: raw.gap,
    source: raw.source,
    rules: rulesFromJson(raw.rules, levels, source),
    costFigures: raw.costFigures,
    travelBasis: raw.travelBasis ?? "",
    statusQuo,
    reasons: raw.reasons ?? [],
    tradeoff: (raw.tradeoff ?? []).map((point) => ({ ...point, maxMeanTravelMinutes: point.maxMeanTravelMinutes ?? Infinity })),
    statistics: raw.statistics,
  };
}
