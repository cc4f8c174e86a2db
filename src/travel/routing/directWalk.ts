/**
 * Direct walks between points that are near each other: a demand point and a site within the snapping distance
 * of each other may walk straight across (at the off-network walking speed) instead of going out to the road and
 * back. Without it, two points set back from the road, or one point to itself, would get both walks to the road.
 * @module
 */
import Flatbush from "flatbush";
import { greatCircleMetres } from "../distance.ts";

const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/** A spatial index of points (flat [longitude, latitude, ...]) for "within d metres" queries. @internal */
export interface PointIndex {
  readonly coordinates: ArrayLike<number>;
  readonly index: Flatbush | null;
}

/** Indexes points (flat [longitude, latitude, ...] in WGS-84 degrees). @internal */
export function indexPoints(coordinates: ArrayLike<number>): PointIndex {
  const count = coordinates.length / 2;
  if (count === 0) return { coordinates, index: null };
  const index = new Flatbush(count);
  for (let k = 0; k < count; k++) index.add(coordinates[2 * k]!, coordinates[2 * k + 1]!, coordinates[2 * k]!, coordinates[2 * k + 1]!);
  index.finish();
  return { coordinates, index };
}

/**
 * Calls `visit(k, metres)` for every indexed point within `maxMetres` (great-circle, inclusive) of (lon, lat).
 * @internal
 */
export function forEachPointWithin(
  points: PointIndex,
  lon: number,
  lat: number,
  maxMetres: number,
  visit: (k: number, metres: number) => void,
): void {
  if (points.index === null || !(maxMetres >= 0)) return;
  const dLat = maxMetres / METRES_PER_DEGREE;
  const dLon = dLat / Math.max(Math.cos((Math.min(Math.abs(lat) + dLat, 89.9) * Math.PI) / 180), 1e-6);
  for (const k of points.index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
    const metres = greatCircleMetres([lon, lat], [points.coordinates[2 * k]!, points.coordinates[2 * k + 1]!]);
    if (metres <= maxMetres) visit(k, metres);
  }
}
