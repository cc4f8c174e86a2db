/**
 * Straight-line distances and travel time estimated from them.
 *
 * Travel time from a straight-line distance rests on two assumptions the caller states: a speed and a
 * detour factor (road distance ÷ straight-line distance). Both are stated in every output built from them
 * (see {@link describeCostMatrixOptions}); neither is measured.
 * @module
 */
import { InputError } from "../errors.ts";

/**
 * The mean Earth radius R₁ = (2a + b) / 3 of WGS-84, in metres, as recommended by the IUGG
 * (Moritz 1980, "Geodetic Reference System 1980"). Used by {@link greatCircleMetres}.
 */
export const EARTH_MEAN_RADIUS_METRES = 6_371_008.8;

const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * Haversine distance in metres on the sphere of radius {@link EARTH_MEAN_RADIUS_METRES}, from latitudes and
 * longitudes in radians with the cosines of the latitudes precomputed (the matrix builders reuse them per point).
 * No validation: the callers check their coordinates once, not per pair.
 * @internal
 */
export function haversineFromRadians(
  lambda1: number,
  phi1: number,
  cosPhi1: number,
  lambda2: number,
  phi2: number,
  cosPhi2: number,
): number {
  const sinHalfLat = Math.sin((phi2 - phi1) / 2);
  const sinHalfLon = Math.sin((lambda2 - lambda1) / 2);
  const h = sinHalfLat * sinHalfLat + cosPhi1 * cosPhi2 * sinHalfLon * sinHalfLon;
  return 2 * EARTH_MEAN_RADIUS_METRES * Math.asin(Math.sqrt(Math.min(1, h)));
}

/**
 * Degrees to radians.
 * @internal
 */
export function radians(degrees: number): number {
  return degrees * RADIANS_PER_DEGREE;
}

/**
 * The great-circle distance between two points on a sphere of the mean Earth radius
 * ({@link EARTH_MEAN_RADIUS_METRES} = 6 371 008.8 m), by the haversine formula (Sinnott 1984, "Virtues of the
 * Haversine", Sky and Telescope 68(2):159). On the WGS-84 ellipsoid the true distance differs by up to about 0.5 %.
 * @param a - the first point as [longitude, latitude] in degrees (WGS-84)
 * @param b - the second point as [longitude, latitude] in degrees
 * @returns the distance in metres, ≥ 0
 * @throws InputError when a coordinate is not a finite number
 * @example
 * ```ts
 * greatCircleMetres([0, 0], [0, 1]); // ≈ 111 195 m: one degree of latitude
 * ```
 */
export function greatCircleMetres(a: readonly [number, number], b: readonly [number, number]): number {
  checkPair("a", a);
  checkPair("b", b);
  const phi1 = radians(a[1]);
  const phi2 = radians(b[1]);
  return haversineFromRadians(radians(a[0]), phi1, Math.cos(phi1), radians(b[0]), phi2, Math.cos(phi2));
}

/**
 * The Euclidean (straight-line) distance between two points in a projected coordinate system.
 * @param a - the first point as [x, y], e.g. [easting, northing] in metres
 * @param b - the second point as [x, y] in the same system
 * @returns the distance in the coordinates' unit (metres for a metric projected CRS), ≥ 0
 * @throws InputError when a coordinate is not a finite number
 * @example
 * ```ts
 * planarMetres([0, 0], [3, 4]); // 5
 * ```
 */
export function planarMetres(a: readonly [number, number], b: readonly [number, number]): number {
  checkPair("a", a);
  checkPair("b", b);
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** Speed and detour factor for turning a straight-line distance into a travel time. */
export interface TravelSpeedOptions {
  /** Travel speed in kilometres per hour, finite and > 0 (e.g. 4 to 5 for walking pupils). */
  readonly speedKmPerHour: number;
  /**
   * Road distance ÷ straight-line distance, finite and ≥ 1. Default 1 (no detour). An assumption, not a
   * measurement: values around 1.2 to 1.5 are common on road networks, more in mountains; state it with results.
   */
  readonly detourFactor?: number;
}

/**
 * Checks a detour factor: finite and ≥ 1.
 * @internal
 */
export function checkDetourFactor(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 1) {
    throw new InputError(
      { source: "options", field: "detourFactor", value },
      "must be a finite number ≥ 1 (road distance ÷ straight-line distance)",
    );
  }
  return value;
}

/**
 * Checks a speed: finite and > 0.
 * @internal
 */
export function checkSpeed(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InputError({ source: "options", field: "speedKmPerHour", value }, "must be a finite number > 0 (kilometres per hour)");
  }
  return value;
}

/**
 * The travel time over a distance at a constant speed, after stretching the distance by a detour factor:
 * `minutes = metres × detourFactor ÷ (speedKmPerHour × 1000 / 60)`.
 * @param metres - the (straight-line) distance in metres, ≥ 0; `Infinity` gives `Infinity`
 * @param options - `speedKmPerHour` (> 0) and `detourFactor` (≥ 1, default 1); see {@link TravelSpeedOptions}
 * @returns minutes, ≥ 0
 * @throws InputError when `metres` is negative or NaN, the speed is not > 0, or the detour factor is below 1
 * @example
 * ```ts
 * travelMinutes(5000, { speedKmPerHour: 30, detourFactor: 1.3 }); // 13 minutes
 * ```
 */
export function travelMinutes(metres: number, options: TravelSpeedOptions): number {
  if (typeof metres !== "number" || !(metres >= 0)) {
    throw new InputError({ source: "travelMinutes", field: "metres", value: metres }, "must be a number ≥ 0");
  }
  return metres * minutesPerMetre(options?.speedKmPerHour, options?.detourFactor ?? 1);
}

/**
 * Minutes per straight-line metre at a speed and detour factor: `detourFactor × 60 ÷ (speedKmPerHour × 1000)`.
 * Shared by {@link travelMinutes} and the matrix builders so both give identical values.
 * @throws InputError on a bad speed or detour factor
 * @internal
 */
export function minutesPerMetre(speedKmPerHour: unknown, detourFactor: unknown): number {
  const speed = checkSpeed(speedKmPerHour);
  return (checkDetourFactor(detourFactor) * 60) / (speed * 1000);
}

function checkPair(name: string, point: readonly [number, number]): void {
  if (!Array.isArray(point) || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) {
    throw new InputError({ source: "distance", field: name, value: point }, "must be a pair of finite numbers [x, y]");
  }
}
