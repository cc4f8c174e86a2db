/**
 * Chinese geodetic coordinate systems: WGS-84 (GPS, OpenStreetMap, GeoJSON), GCJ-02 (the obfuscated "Mars"
 * system required for maps published in China: AMap/Gaode, Tencent, Google China) and BD-09 (Baidu, a further
 * offset of GCJ-02). Everything inside school-layout is WGS-84; layers declared `gcj02` or `bd09` are converted
 * once when read, and outputs are converted back only when asked. Conversions use the `gcoord` package.
 *
 * GCJ-02 is defined only inside China: like gcoord, these functions return a position outside China's rough
 * bounding box (longitude 72.004..137.8347, latitude 0.8293..55.8271) unchanged by the GCJ-02 step, so a point in
 * Paris is the same in WGS-84 and GCJ-02. BD-09 applies its own offset everywhere on top of that.
 *
 * The inverse directions (GCJ-02 → WGS-84, BD-09 → GCJ-02 or WGS-84) have no closed form: gcoord's inverse is
 * accurate to about 1e-6 degrees (≈ 0.1 m); these functions refine it by fixed-point iteration against the
 * forward formula, so that a round trip returns its input to within about 1e-10 degrees.
 * @module
 */
import type { Feature, Geometry } from "geojson";
import { InputError } from "../errors.ts";
import { gcoordTransform, type GcoordSystem } from "./gcoordRuntime.ts";

/**
 * A geographic coordinate system for [longitude, latitude] in degrees:
 * - `wgs84`: WGS-84 (EPSG:4326), as GPS, OpenStreetMap and GeoJSON (RFC 7946) use;
 * - `gcj02`: GCJ-02, the offset system of maps published in China (AMap/Gaode, Tencent);
 * - `bd09`: BD-09, Baidu Maps' system (GCJ-02 with a further offset).
 */
export type CoordinateSystem = "wgs84" | "gcj02" | "bd09";

/** All coordinate systems, for validation and CLI help. */
export const COORDINATE_SYSTEMS: readonly CoordinateSystem[] = ["wgs84", "gcj02", "bd09"];

const GCOORD_NAMES: Record<CoordinateSystem, GcoordSystem> = { wgs84: "WGS84", gcj02: "GCJ02", bd09: "BD09" };

/**
 * Checks a coordinate system option.
 * @param value - the option's value
 * @param field - the option's name for messages. Default `"crs"`.
 * @returns the value, typed
 * @throws InputError naming the option and value when it is not one of {@link COORDINATE_SYSTEMS}
 * @internal
 */
export function checkCoordinateSystem(value: unknown, field = "crs"): CoordinateSystem {
  if (typeof value !== "string" || !(COORDINATE_SYSTEMS as readonly string[]).includes(value)) {
    throw new InputError({ source: "options", field, value }, `must be one of ${COORDINATE_SYSTEMS.map((c) => `"${c}"`).join(", ")}`);
  }
  return value as CoordinateSystem;
}

/**
 * Converts one [longitude, latitude] position (degrees) from `from` to `to`. Returns a new array; the input is
 * not mutated. The same system on both sides returns a copy unchanged.
 * @throws InputError when a system is not one of {@link COORDINATE_SYSTEMS}
 * @internal
 */
function convertPosition(position: readonly [number, number], from: CoordinateSystem, to: CoordinateSystem): [number, number] {
  checkCoordinateSystem(from, "from");
  checkCoordinateSystem(to, "to");
  return transformChecked(position[0], position[1], from, to);
}

/** Order of the systems: each later one is an offset of the one before, with a closed-form forward formula. */
const ORDER: Record<CoordinateSystem, number> = { wgs84: 0, gcj02: 1, bd09: 2 };

/**
 * Converts one position between checked systems. The forward directions (WGS-84 → GCJ-02 → BD-09) are gcoord's
 * closed forms; the inverse directions start from gcoord's approximate inverse and refine it by fixed-point
 * iteration against the forward formula (at most 10 steps, until the residual is below 1e-11 degrees), so a
 * round trip returns the input to within about 1e-10 degrees.
 */
function transformChecked(x: number, y: number, from: CoordinateSystem, to: CoordinateSystem): [number, number] {
  if (from === to) return [x, y];
  const estimate = gcoordTransform([x, y], GCOORD_NAMES[from], GCOORD_NAMES[to]);
  if (ORDER[from] < ORDER[to]) return estimate;
  let [u, v] = estimate;
  for (let step = 0; step < 10; step++) {
    const [fx, fy] = gcoordTransform([u, v], GCOORD_NAMES[to], GCOORD_NAMES[from]);
    const dx = x - fx;
    const dy = y - fy;
    if (Math.abs(dx) < 1e-11 && Math.abs(dy) < 1e-11) break;
    u += dx;
    v += dy;
  }
  return [u, v];
}

/**
 * Converts a position to WGS-84.
 * @param position - [longitude, latitude] in degrees, in `from`
 * @param from - its coordinate system
 * @returns a new [longitude, latitude] in WGS-84 degrees (unchanged values when `from` is `wgs84`, or for
 *   GCJ-02 outside China; see the module documentation)
 * @throws InputError when `from` is not one of {@link COORDINATE_SYSTEMS}
 * @example
 * ```ts
 * toWgs84([116.41024449916938, 39.91640428150164], "gcj02"); // ≈ [116.404, 39.915]
 * ```
 */
export function toWgs84(position: readonly [number, number], from: CoordinateSystem): [number, number] {
  return convertPosition(position, from, "wgs84");
}

/**
 * Converts a WGS-84 position to another coordinate system.
 * @param position - [longitude, latitude] in WGS-84 degrees
 * @param to - the target coordinate system
 * @returns a new [longitude, latitude] in `to`
 * @throws InputError when `to` is not one of {@link COORDINATE_SYSTEMS}
 * @example
 * ```ts
 * fromWgs84([116.404, 39.915], "gcj02"); // [116.41024449916938, 39.91640428150164]
 * ```
 */
export function fromWgs84(position: readonly [number, number], to: CoordinateSystem): [number, number] {
  return convertPosition(position, "wgs84", to);
}

/**
 * Converts a flat coordinate array between coordinate systems.
 * @param flat - length 2n: [lon0, lat0, lon1, lat1, ...] in degrees, in `from`; not mutated
 * @param from - the input's coordinate system
 * @param to - the output's coordinate system
 * @returns a new Float64Array of length 2n in `to` (a copy when `from === to`)
 * @throws InputError when the length is odd or a system is not one of {@link COORDINATE_SYSTEMS}
 */
export function convertCoordinates(flat: ArrayLike<number>, from: CoordinateSystem, to: CoordinateSystem): Float64Array {
  checkCoordinateSystem(from, "from");
  checkCoordinateSystem(to, "to");
  if (flat.length % 2 !== 0) {
    throw new InputError({ source: "coordinates", field: "length", value: flat.length }, "must be even: a flat array [lon0, lat0, lon1, lat1, ...]");
  }
  const out = Float64Array.from(flat);
  if (from === to) return out;
  for (let k = 0; k < out.length; k += 2) {
    const [x, y] = transformChecked(out[k]!, out[k + 1]!, from, to);
    out[k] = x;
    out[k + 1] = y;
  }
  return out;
}

/** Maps every position of nested coordinate arrays, keeping extra members (altitude) of each position. */
function mapPositions(value: unknown, convert: (position: [number, number]) => [number, number]): unknown {
  if (!Array.isArray(value)) return value;
  if (typeof value[0] === "number" && typeof value[1] === "number") {
    const [x, y] = convert([value[0], value[1]]);
    return [x, y, ...value.slice(2)];
  }
  return value.map((child: unknown) => mapPositions(child, convert));
}

/**
 * Converts every position of a GeoJSON geometry (GeometryCollections included) between coordinate systems.
 * The input is never mutated: the result is a new geometry (a deep copy of the coordinates; other members are
 * copied shallowly). `null` stays `null`; positions that are not pairs of numbers are copied unchanged (the
 * readers check them).
 * @param geometry - a GeoJSON geometry, or null
 * @param from - its coordinate system
 * @param to - the target coordinate system
 * @returns a new geometry in `to` (a copy when `from === to`)
 * @throws InputError when a system is not one of {@link COORDINATE_SYSTEMS}
 */
export function convertGeometry<G extends Geometry | null>(geometry: G, from: CoordinateSystem, to: CoordinateSystem): G {
  checkCoordinateSystem(from, "from");
  checkCoordinateSystem(to, "to");
  if (geometry === null || typeof geometry !== "object") return geometry;
  const convert = (position: [number, number]): [number, number] => convertPosition(position, from, to);
  if (geometry.type === "GeometryCollection") {
    return { ...geometry, geometries: geometry.geometries.map((child) => convertGeometry(child, from, to)) } as G;
  }
  return { ...geometry, coordinates: mapPositions((geometry as { coordinates?: unknown }).coordinates, convert) } as G;
}

/**
 * A new feature with every member and property of `feature` (properties shared, not copied) and its geometry
 * converted by {@link convertGeometry}. The input is never mutated.
 * @internal
 */
export function convertFeatureGeometry<F extends Feature>(feature: F, from: CoordinateSystem, to: CoordinateSystem): F {
  return { ...feature, geometry: convertGeometry(feature.geometry as Geometry | null, from, to) };
}
