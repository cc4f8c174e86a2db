/**
 * Travel inside a settlement's own area. A settlement stands for an area (a village, a neighbourhood), not a
 * point, so its pupils do not reach a school at the settlement's point in 0 minutes: they live spread over the
 * area. This module gives the mean trip inside an area and the floor it puts under a school system's travel
 * times ({@link createSchoolSystem} applies it).
 *
 * **The rule.** The area A (km²) is taken as a disc of radius R = √(A / π) with the pupils spread uniformly over
 * it and the settlement's point at its centre. The mean straight-line distance from a uniform point of a disc
 * to its centre is
 *
 * ```
 * E[r] = ∫₀ᴿ r · (2r / R²) dr = 2R / 3
 * ```
 *
 * (a standard result of geometric probability: Larson & Odoni, *Urban Operations Research*, Prentice-Hall 1981,
 * ch. 3 "Geometrical probability"; Santaló, *Integral Geometry and Geometric Probability*, 1976). Along roads
 * that is `2R/3 × detour factor`, and the within-area trip is
 *
 * ```
 * withinAreaMetres  = 1000 · (2/3) · √(A / π) · detour
 * withinAreaMinutes = 60 · (2/3) · √(A / π) · detour / speedKmPerHour
 * ```
 *
 * with the same assumptions as the straight-line fallback (`travelMinutesByLevel` with `fallback`): detour 1.3
 * and the level's speed (walk 5 km/h for kindergarten and grades 1–3, school bus 40 km/h above). A 4 km²
 * settlement: R = 1.128 km, mean 0.752 km straight, 0.978 km on roads, 11.7 minutes on foot.
 *
 * **Where it applies.** Every travel time from a settlement with an area to any school is at least its
 * within-area trip: `minutes'(i, j) = max(minutes(i, j), withinAreaMinutes(i, level))`, and likewise metres. For
 * a school at the settlement's point this gives exactly the within-area trip; for a school elsewhere inside the
 * area it is still a lower bound of the true mean (for a disc of uniform density the centre is the point of least
 * mean distance, so the mean trip to any school is ≥ 2R/3, and ≥ its distance from the centre); for schools
 * beyond the area the computed time is nearly always larger already, and is kept. On a road network the same
 * detour and the speed of the level's mode apply inside the settlement (roads inside a village are not mapped).
 * Pairs that are not allowed (absent, or `Infinity`) stay so. The rule is a floor, so applying it twice changes
 * nothing.
 * @module
 */
import type { CostMatrix } from "../../costMatrix.ts";
import { InputError } from "../../errors.ts";
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import { FALLBACK_DETOUR_FACTOR, FALLBACK_SPEEDS_KM_PER_HOUR } from "../../travel/fallback.ts";
import type { TravelMode } from "../../travel/network/travelMode.ts";

/** Travel mode per level whose fallback speed is the default within-area speed (walk for the youngest, school bus above). */
const WITHIN_AREA_DEFAULT_MODES: Readonly<Record<LevelId, TravelMode>> = Object.freeze({
  kindergarten: "walk",
  primary1to3: "walk",
  primary4to6: "schoolBus",
  junior: "schoolBus",
  senior: "schoolBus",
});

/** The assumptions of the within-area trip as the caller gives them; see {@link createSchoolSystem}. */
export interface WithinAreaAssumptions {
  /**
   * Speed inside a settlement per level, km/h, finite and > 0. Levels not named take the fallback speed of their
   * default mode ({@link FALLBACK_SPEEDS_KM_PER_HOUR}: walk 5 km/h for kindergarten and grades 1–3, school bus
   * 40 km/h for the rest).
   */
  readonly speedKmPerHour?: Readonly<Partial<Record<LevelId, number>>>;
  /** Road distance ÷ straight-line distance inside a settlement, finite and ≥ 1. Default {@link FALLBACK_DETOUR_FACTOR} (1.3). */
  readonly detourFactor?: number;
}

/** The within-area assumptions in force, every level filled in; see {@link WithinAreaAssumptions}. */
export interface WithinAreaRule {
  /** Speed per level, km/h. */
  readonly speedKmPerHour: Readonly<Record<LevelId, number>>;
  /** Detour factor, ≥ 1. */
  readonly detourFactor: number;
}

function checkArea(areaKm2: unknown): number {
  if (typeof areaKm2 !== "number" || !Number.isFinite(areaKm2) || areaKm2 < 0) {
    throw new InputError({ source: "options", field: "areaKm2", value: areaKm2 }, "must be a finite area in km² ≥ 0");
  }
  return areaKm2;
}

function checkDetour(field: string, detour: unknown): number {
  if (typeof detour !== "number" || !Number.isFinite(detour) || detour < 1) {
    throw new InputError({ source: "options", field, value: detour }, "must be a finite detour factor ≥ 1");
  }
  return detour;
}

function checkSpeed(field: string, speed: unknown): number {
  if (typeof speed !== "number" || !Number.isFinite(speed) || speed <= 0) {
    throw new InputError({ source: "options", field, value: speed }, "must be a finite speed in km/h > 0");
  }
  return speed;
}

/**
 * The mean one-way distance along roads inside an area: `1000 · (2/3) · √(A / π) · detourFactor` metres, the
 * mean distance from a uniform point of a disc of area A to its centre (2R/3; Larson & Odoni 1981, ch. 3) times
 * the detour factor.
 * @param areaKm2 - the area, km², finite ≥ 0 (0 gives 0)
 * @param detourFactor - road ÷ straight-line distance, finite ≥ 1; default {@link FALLBACK_DETOUR_FACTOR} (1.3)
 * @returns metres
 * @throws InputError naming `areaKm2` or `detourFactor` and the value
 * @example
 * ```ts
 * withinAreaMetres(4); // 977.9: R = 1.128 km, 2R/3 = 0.752 km, × 1.3
 * ```
 */
export function withinAreaMetres(areaKm2: number, detourFactor: number = FALLBACK_DETOUR_FACTOR): number {
  return 1000 * (2 / 3) * Math.sqrt(checkArea(areaKm2) / Math.PI) * checkDetour("detourFactor", detourFactor);
}

/**
 * The mean one-way trip inside an area, minutes: `60 · (2/3) · √(A / π) · detourFactor / speedKmPerHour`
 * (see {@link withinAreaMetres} for the distance and its source).
 * @param areaKm2 - the area, km², finite ≥ 0 (0 gives 0)
 * @param speedKmPerHour - the travel speed, km/h, finite > 0
 * @param detourFactor - road ÷ straight-line distance, finite ≥ 1; default {@link FALLBACK_DETOUR_FACTOR} (1.3)
 * @returns minutes
 * @throws InputError naming `areaKm2`, `speedKmPerHour` or `detourFactor` and the value
 * @example
 * ```ts
 * withinAreaTrip(4, 5); // 11.73 minutes on foot (0.978 km at 5 km/h)
 * withinAreaTrip(4, 40); // 1.47 minutes by school bus
 * ```
 */
export function withinAreaTrip(areaKm2: number, speedKmPerHour: number, detourFactor: number = FALLBACK_DETOUR_FACTOR): number {
  const speed = checkSpeed("speedKmPerHour", speedKmPerHour);
  return (withinAreaMetres(areaKm2, detourFactor) / 1000 / speed) * 60;
}

/**
 * Resolves the within-area assumptions, filling every level in.
 * @param raw - the caller's assumptions (default `{}`)
 * @param field - the field name for messages (default `"withinArea"`)
 * @throws InputError naming the field and the value: not an object, an unknown level, a speed not finite and
 *   > 0, a detour factor not finite and ≥ 1
 */
export function resolveWithinAreaRule(raw: WithinAreaAssumptions | undefined, field = "withinArea"): WithinAreaRule {
  if (raw === undefined) raw = {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError({ source: "system", field, value: raw }, "must be an object { speedKmPerHour?, detourFactor? }");
  }
  const given = raw.speedKmPerHour ?? {};
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new InputError({ source: "system", field: `${field}.speedKmPerHour`, value: given }, "must be an object of km/h by level id");
  }
  for (const level of Object.keys(given)) {
    if (!(LEVELS as readonly string[]).includes(level)) {
      throw new InputError({ source: "system", field: `${field}.speedKmPerHour.${level}`, value: level }, `is not a level; levels: ${LEVELS.join(", ")}`);
    }
  }
  const speeds = {} as Record<LevelId, number>;
  for (const level of LEVELS) {
    const speed = given[level] ?? FALLBACK_SPEEDS_KM_PER_HOUR[WITHIN_AREA_DEFAULT_MODES[level]];
    if (typeof speed !== "number" || !Number.isFinite(speed) || speed <= 0) {
      throw new InputError({ source: "system", field: `${field}.speedKmPerHour.${level}`, value: speed }, "must be a finite speed in km/h > 0");
    }
    speeds[level] = speed;
  }
  const detour = raw.detourFactor ?? FALLBACK_DETOUR_FACTOR;
  if (typeof detour !== "number" || !Number.isFinite(detour) || detour < 1) {
    throw new InputError({ source: "system", field: `${field}.detourFactor`, value: detour }, "must be a finite detour factor ≥ 1");
  }
  return Object.freeze({ speedKmPerHour: Object.freeze(speeds), detourFactor: detour });
}

/** A sentence for the travel basis describing the within-area rule in force. */
export function describeWithinAreaRule(rule: WithinAreaRule, levels: readonly LevelId[]): string {
  const speeds = levels.map((level) => `${level} ${rule.speedKmPerHour[level]} km/h`).join(", ");
  return `within a settlement's area A: at least (2/3)·√(A/π) × detour ${rule.detourFactor} at ${speeds} (assumed; mean distance to the centre of a disc)`;
}

/**
 * Raises every stored travel value of row i below `floor[i]` to it (the within-area floor). Returns the matrix
 * itself where nothing changes, else a copy; the input is never mutated.
 * @param matrix - the matrix (dense or sparse)
 * @param floor - per row, the least value (0 for none)
 */
export function floorRows(matrix: CostMatrix, floor: Float64Array): CostMatrix {
  const m = matrix.siteCount;
  let values: Float64Array | undefined;
  for (let i = 0; i < matrix.demandCount; i++) {
    const least = floor[i]!;
    if (!(least > 0)) continue;
    const from = matrix.kind === "dense" ? i * m : matrix.rowStarts[i]!;
    const to = matrix.kind === "dense" ? from + m : matrix.rowStarts[i + 1]!;
    for (let k = from; k < to; k++) {
      if ((values ?? matrix.values)[k]! < least) {
        values ??= Float64Array.from(matrix.values);
        values[k] = least;
      }
    }
  }
  if (values === undefined) return matrix;
  return matrix.kind === "dense"
    ? Object.freeze({ kind: "dense", demandCount: matrix.demandCount, siteCount: m, values, unit: matrix.unit })
    : Object.freeze({ kind: "sparse", demandCount: matrix.demandCount, siteCount: m, rowStarts: matrix.rowStarts, siteIndices: matrix.siteIndices, values, unit: matrix.unit });
}
