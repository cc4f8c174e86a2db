/**
 * A school plan written as one GeoJSON FeatureCollection: schools with their action and figures, settlements
 * with their school per level, and one line per assignment row.
 * @module
 */
import type { Feature, FeatureCollection, GeoJsonProperties, LineString, Point, Position } from "geojson";
import { InputError } from "../errors.ts";
import type { LevelId } from "../norms/levels.ts";
import { roundOrNull } from "../plan/result/planJson.ts";
import type { PlanObjective } from "../plan/rules/options.ts";
import type { Plan, PlannedAssignment, PlannedSchool } from "../plan/result/result.ts";
import type { SolveStatus } from "../solution.ts";
import { checkCoordinateSystem, convertGeometry, type CoordinateSystem } from "./coordinateSystem.ts";
import type { GeoSchoolSystem } from "./schoolSystemGeoJSON.ts";

/** The value of the `layer` property of each feature {@link planToGeoJSON} writes. */
export type PlanLayer = "school" | "settlement" | "assignment";

/** What the plan was, written on the collection as the foreign member `metadata` (RFC 7946 §6.1). */
export interface PlanGeoJSONMetadata {
  /** How the solve ended. */
  readonly status: SolveStatus;
  /** What was minimised. */
  readonly objectiveKind: PlanObjective;
  /** The objective (whole yuan per year, or mean minutes to 0.01); null without a plan. */
  readonly objective: number | null;
  /** The proven bound, rounded like the objective; null when none. */
  readonly bound: number | null;
  /** Relative gap, to 1e-6; null when unknown. */
  readonly gap: number | null;
  /** Where the plan came from: `solver`, `heuristic` or `none`. */
  readonly source: Plan["source"];
  /** The planned levels, youngest first (the `<level>` of the per-level properties). */
  readonly levels: readonly LevelId[];
  /** How the travel times were obtained. */
  readonly travelBasis: string;
  /** Why no plan meets the rules (status `infeasible`), with the numbers, as in plan.json; empty otherwise. */
  readonly reasons: Plan["reasons"];
  /**
   * The coordinate system of the geometry, present only when it is not WGS-84 (`gcj02` or `bd09`, as asked with
   * {@link PlanGeoJSONOptions.crs}); GeoJSON (RFC 7946) assumes WGS-84, so such output is for Chinese map services.
   */
  readonly coordinateSystem?: CoordinateSystem;
}

/** A FeatureCollection of a plan, with its {@link PlanGeoJSONMetadata} as the foreign member `metadata`. */
export interface PlanFeatureCollection extends FeatureCollection<Point | LineString> {
  /** What the plan was and how its travel times were made. */
  readonly metadata: PlanGeoJSONMetadata;
}

/** Options of {@link planToGeoJSON}. */
export interface PlanGeoJSONOptions {
  /**
   * The coordinate system of the output geometry: `wgs84` (default; what GeoJSON requires), `gcj02` or `bd09`
   * (for AMap/Gaode, Tencent or Baidu maps), converted from WGS-84 with `gcoord`.
   */
  readonly crs?: CoordinateSystem;
}

/** The parts of a {@link GeoSchoolSystem} {@link planToGeoJSON} reads: the system, coordinates and features. */
export type PlanGeoLayers = Pick<GeoSchoolSystem, "system" | "settlementCoordinates" | "schoolCoordinates" | "settlementFeatures" | "schoolFeatures">;

function checkShape(plan: Plan, geo: PlanGeoLayers): void {
  const n = geo.system.settlements.length;
  const m = geo.system.schools.length;
  const fault = (field: string, value: unknown, expected: string): never => {
    throw new InputError({ source: "plan", field, value }, `does not fit the school system (${n} settlements, ${m} schools): ${expected}`);
  };
  if (geo.settlementFeatures.length !== n || geo.settlementCoordinates.length !== 2 * n) fault("settlementFeatures.length", geo.settlementFeatures.length, `must be ${n}`);
  if (geo.schoolFeatures.length !== m || geo.schoolCoordinates.length !== 2 * m) fault("schoolFeatures.length", geo.schoolFeatures.length, `must be ${m}`);
  if (plan.schools !== undefined && plan.schools.length !== m) fault("schools.length", plan.schools.length, `must be ${m}`);
  plan.schools?.forEach((school, j) => school.id === geo.system.schools[j]!.id || fault(`schools[${j}].id`, school.id, `must be ${geo.system.schools[j]!.id}`));
  plan.assignments?.forEach((row, k) => {
    if (!(Number.isInteger(row.settlementIndex) && row.settlementIndex >= 0 && row.settlementIndex < n)) fault(`assignments[${k}].settlementIndex`, row.settlementIndex, `a settlement index in 0..${n - 1}`);
    if (!(Number.isInteger(row.schoolIndex) && row.schoolIndex >= 0 && row.schoolIndex < m)) fault(`assignments[${k}].schoolIndex`, row.schoolIndex, `a school index in 0..${m - 1}`);
  });
}

function position(coordinates: ArrayLike<number>, k: number): Position {
  return [coordinates[2 * k]!, coordinates[2 * k + 1]!];
}

/**
 * A new feature: the input's members (but a `bbox`, which would not fit the point) and properties kept, a Point at
 * `at` (converted to `crs`), the layer's prefixed id, and `added`.
 */
function planFeature(feature: Feature, layer: PlanLayer, id: string, at: Position, added: Record<string, unknown>, crs: CoordinateSystem): Feature<Point> {
  const members: Partial<Feature> = { ...feature };
  delete members.bbox;
  return {
    ...members,
    type: "Feature",
    id: `${layer}:${id}`,
    geometry: convertGeometry<Point>({ type: "Point", coordinates: at }, "wgs84", crs),
    properties: { ...(feature.properties as GeoJsonProperties), id, ...added, layer },
  };
}

function schoolProperties(existing: boolean, school: PlannedSchool | undefined, levels: readonly LevelId[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    existing,
    action: school?.action ?? null,
    open: school?.open ?? null,
  };
  for (const level of levels) {
    properties[`enrolment_${level}`] = school === undefined ? null : roundOrNull(school.enrolment[level], 2);
    properties[`classes_${level}`] = school === undefined ? null : roundOrNull(school.classes[level], 2);
    properties[`seats_${level}`] = school === undefined ? null : roundOrNull(school.seats[level], 2);
  }
  properties["classrooms"] = school === undefined ? null : roundOrNull(school.classrooms, 2);
  properties["classroomsAdded"] = school === undefined ? null : roundOrNull(school.classroomsAdded, 2);
  properties["boarders"] = school === undefined ? null : roundOrNull(school.boarders, 2);
  properties["beds"] = school === undefined ? null : roundOrNull(school.beds, 2);
  properties["bedsAdded"] = school === undefined ? null : roundOrNull(school.bedsAdded, 2);
  properties["utilization"] = school === undefined ? null : roundOrNull(school.utilization, 4);
  properties["small"] = school?.small ?? null;
  return properties;
}

/** Per level, the row carrying the most pupils of each settlement (ties: the first). */
function mainRows(assignments: readonly PlannedAssignment[]): Map<string, PlannedAssignment> {
  const main = new Map<string, PlannedAssignment>();
  for (const row of assignments) {
    const key = `${row.settlementIndex} ${row.level}`;
    const current = main.get(key);
    if (current === undefined || row.pupils > current.pupils) main.set(key, row);
  }
  return main;
}

function settlementProperties(i: number, main: ReadonlyMap<string, PlannedAssignment> | null, levels: readonly LevelId[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const level of levels) {
    const row = main?.get(`${i} ${level}`);
    properties[`school_${level}`] = row?.school ?? null;
    properties[`minutes_${level}`] = row === undefined ? null : roundOrNull(row.travelMinutes, 2);
    properties[`boarding_${level}`] = row?.boarding ?? null;
  }
  return properties;
}

function assignmentFeature(row: PlannedAssignment, geo: PlanGeoLayers, crs: CoordinateSystem): Feature<LineString> {
  const id = `assignment:${row.settlement}:${row.level}:${row.school}${row.boarding ? ":boarding" : ""}`;
  return {
    type: "Feature",
    id,
    geometry: convertGeometry<LineString>(
      { type: "LineString", coordinates: [position(geo.settlementCoordinates, row.settlementIndex), position(geo.schoolCoordinates, row.schoolIndex)] },
      "wgs84",
      crs,
    ),
    properties: {
      layer: "assignment",
      settlement: row.settlement,
      level: row.level,
      school: row.school,
      pupils: roundOrNull(row.pupils, 2),
      travelMinutes: roundOrNull(row.travelMinutes, 2),
      travelMetres: roundOrNull(row.travelMetres, 0),
      boarding: row.boarding,
    },
  };
}

/**
 * Writes a school plan as one GeoJSON FeatureCollection, each feature with a `layer` property (see
 * {@link PlanLayer}), in this order:
 * - `school`: one Point per school and candidate site (system order; a polygon input stands for its centroid),
 *   every input property kept, plus `id` (the plain id), `existing` (false for a candidate site), `action` (keep, expand, close, build, not built),
 *   `open`, per planned level `enrolment_<level>`, `classes_<level>`, `seats_<level>`, and `classrooms`,
 *   `classroomsAdded`, `boarders`, `beds` (after the plan), `bedsAdded`, `utilization`, `small`;
 * - `settlement`: one Point per settlement, every input property kept, plus `id` and per planned level
 *   `school_<level>` (the school of the largest share), `minutes_<level>` (one-way minutes to it) and
 *   `boarding_<level>`;
 * - `assignment`: one LineString from settlement to school per assignment row, with `settlement`, `level`,
 *   `school`, `pupils`, `travelMinutes`, `travelMetres` and `boarding`.
 *
 * Without a plan (status `infeasible`, or none found in time) the plan's properties are null, there are no
 * assignment lines, and the metadata carries the reasons. Feature ids are prefixed with the layer (`"school:P1"`, `"settlement:S1"`,
 * `"assignment:S1:junior:J1"`, with `":boarding"` for boarding rows) so they stay unique; an input property named
 * like an added one is replaced. Rounding and nulls as in {@link planToJson}: pupils and minutes to 0.01, metres
 * whole, utilization to 0.0001, null for a figure that is not finite. The collection carries a
 * {@link PlanGeoJSONMetadata} as the foreign member `metadata`. Geometry is WGS-84 unless `options.crs` asks for
 * GCJ-02 or BD-09. The inputs are never mutated.
 * @param plan - a plan from {@link planSchools} of `geo.system`
 * @param geo - the system with its coordinates and features, from {@link schoolSystemFromGeoJSON}
 * @param options - the output coordinate system; see {@link PlanGeoJSONOptions}
 * @returns the collection; see {@link PlanFeatureCollection}
 * @throws InputError (source `plan`) when the plan or the features do not fit the system (another system's plan),
 *   or `options.crs` is not a known coordinate system
 * @example
 * ```ts
 * const geo = schoolSystemFromGeoJSON({ settlements, schools, travel: { fallback: {} } });
 * const collection = planToGeoJSON(await planSchools(geo.system), geo, { crs: "gcj02" });
 * ```
 */
export function planToGeoJSON(plan: Plan, geo: PlanGeoLayers, options: PlanGeoJSONOptions = {}): PlanFeatureCollection {
  const crs = checkCoordinateSystem(options.crs ?? "wgs84");
  checkShape(plan, geo);
  const { system } = geo;
  const levels = system.levels;
  const schools = geo.schoolFeatures.map((feature, j) =>
    planFeature(feature, "school", system.schools[j]!.id, position(geo.schoolCoordinates, j), schoolProperties(system.schools[j]!.existing, plan.schools?.[j], levels), crs),
  );
  const main = plan.assignments === undefined ? null : mainRows(plan.assignments);
  const settlements = geo.settlementFeatures.map((feature, i) =>
    planFeature(feature, "settlement", system.settlements[i]!.id, position(geo.settlementCoordinates, i), settlementProperties(i, main, levels), crs),
  );
  const lines = (plan.assignments ?? []).map((row) => assignmentFeature(row, geo, crs));
  const decimals = plan.objectiveKind === "cost" ? 0 : 2;
  return {
    type: "FeatureCollection",
    features: [...schools, ...settlements, ...lines],
    metadata: {
      status: plan.status,
      objectiveKind: plan.objectiveKind,
      objective: roundOrNull(plan.objective, decimals),
      bound: roundOrNull(plan.bound, decimals),
      gap: roundOrNull(plan.gap, 6),
      source: plan.source,
      levels: [...levels],
      travelBasis: plan.travelBasis,
      reasons: plan.reasons.map((reason) => ({ ...reason })),
      ...(crs === "wgs84" ? {} : { coordinateSystem: crs }),
    },
  };
}
