/**
 * Checks of coordinate pairs, shared by the GeoJSON and tabular readers and the matrix builders.
 * @module
 */
import { InputError, type InputLocation } from "../errors.ts";

/**
 * How coordinates are to be read.
 * - `lonlat`: [longitude, latitude] in degrees (WGS-84, as GeoJSON requires); longitude must lie in −180..180,
 *   latitude in −90..90, and a pair that looks swapped is rejected.
 * - `projected`: [x, y] in a projected coordinate system (metres for a metric CRS); only finiteness is checked.
 */
export type CoordinateKind = "lonlat" | "projected";

/** Where a coordinate pair came from, for error messages: everything of an {@link InputLocation} but the value. */
export type PositionLocation = Omit<InputLocation, "value">;

/**
 * Checks a coordinate kind option.
 * @internal
 */
export function checkCoordinateKind(value: unknown, source = "options"): CoordinateKind {
  if (value !== "lonlat" && value !== "projected") {
    throw new InputError({ source, field: "coordinates", value }, 'must be "lonlat" or "projected"');
  }
  return value;
}

/**
 * Checks one coordinate pair and returns it.
 * @param location - where the pair came from; the message names it
 * @param x - longitude (lonlat) or x (projected)
 * @param y - latitude (lonlat) or y (projected)
 * @param kind - how to read the pair
 * @param swappedHint - what to say when a lonlat pair looks like [latitude, longitude]
 * @throws InputError when a value is not a finite number, out of range, or the pair looks swapped
 * @internal
 */
export function checkPosition(
  location: PositionLocation,
  x: unknown,
  y: unknown,
  kind: CoordinateKind,
  swappedHint = "looks like [latitude, longitude]; GeoJSON is [longitude, latitude]",
): [number, number] {
  const names = kind === "lonlat" ? ["longitude", "latitude"] : ["x", "y"];
  if (typeof x !== "number" || !Number.isFinite(x) || typeof y !== "number" || !Number.isFinite(y)) {
    const bad = typeof x !== "number" || !Number.isFinite(x) ? names[0] : names[1];
    throw new InputError({ ...location, value: [x, y] }, `must be a pair of finite numbers [${names.join(", ")}]; the ${bad} is not`);
  }
  if (kind === "lonlat") {
    if (Math.abs(y) > 90 && Math.abs(x) <= 90) throw new InputError({ ...location, value: [x, y] }, swappedHint);
    if (Math.abs(x) > 180) {
      throw new InputError({ ...location, value: [x, y] }, `longitude ${x} is outside −180..180 degrees (projected data? read it with coordinates: "projected")`);
    }
    if (Math.abs(y) > 90) {
      throw new InputError({ ...location, value: [x, y] }, `latitude ${y} is outside −90..90 degrees (projected data? read it with coordinates: "projected")`);
    }
  }
  return [x, y];
}

/**
 * Checks a flat coordinate array [x0, y0, x1, y1, ...] and returns the number of points.
 * @param name - the parameter name for messages, e.g. `"demandCoordinates"`
 * @throws InputError on an odd length or a bad pair (naming the point index)
 * @internal
 */
export function checkCoordinateArray(name: string, coordinates: ArrayLike<number>, kind: CoordinateKind): number {
  if (coordinates === null || typeof coordinates !== "object" || typeof coordinates.length !== "number" || coordinates.length % 2 !== 0) {
    throw new InputError(
      { source: "costs", field: `${name}.length`, value: coordinates?.length },
      "must be an even length: a flat array [x0, y0, x1, y1, ...]",
    );
  }
  const count = coordinates.length / 2;
  for (let k = 0; k < count; k++) {
    checkPosition(
      { source: name, index: k, field: `[${2 * k}, ${2 * k + 1}]` },
      coordinates[2 * k],
      coordinates[2 * k + 1],
      kind,
      "looks like [latitude, longitude]; coordinates are [longitude, latitude]",
    );
  }
  return count;
}
