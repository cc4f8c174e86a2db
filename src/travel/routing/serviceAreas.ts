/**
 * Service areas: per facility, the area from which it can be reached within a travel time, as polygons for maps.
 * @module
 */
import { booleanPointInPolygon, concave, convex, featureCollection, point } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { InputError } from "../../errors.ts";
import type { RoadNetwork } from "../network/roadNetwork.ts";
import type { SegmentMinutes } from "../network/travelMode.ts";
import { placePoints, setUpRouting, type RoutingOptions } from "./context.ts";
import { ShortestPathSearch } from "./search.ts";

/** Options of {@link serviceAreas}: the shared {@link RoutingOptions} (its cutoff is ignored) and the hull. */
export interface ServiceAreaOptions extends Omit<RoutingOptions, "cutoffMinutes"> {
  /**
   * Longest edge of the concave hull in metres (turf `concave`, `maxEdge`), finite and > 0; default 2000 m. A
   * smaller value follows the roads more closely; when the concave hull fails or would leave out a reached point,
   * the convex hull is drawn instead.
   */
  readonly maxEdgeMetres?: number;
  /** Half-width in metres of the small diamond drawn around a facility that reaches fewer than three points; default 25 m. */
  readonly minimumRadiusMetres?: number;
}

/** Properties of each service-area feature. */
export interface ServiceAreaProperties {
  /** Index of the facility in the input. */
  readonly facility: number;
  /** The threshold in minutes. */
  readonly minutes: number;
  /** Nodes of the network that reach the facility within the threshold. */
  readonly nodesReached: number;
  /** How the polygon was drawn: `"concave"` or `"convex"` hull, or `"none"` (geometry null: the facility was not snapped). */
  readonly hull: "concave" | "convex" | "none";
}

const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

function checkPositive(field: string, value: unknown, fallback: number, unit: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InputError({ source: "options", field, value }, `must be a finite number > 0 (${unit})`);
  }
  return value;
}

/**
 * Whether every ring of a polygon is closed with at least 4 positions: turf's concave hull can return a
 * degenerate ring on some point sets (found by the property test), which is then not used.
 */
function closedRings(geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.every((rings) =>
    rings.every((ring) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      return ring.length >= 4 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
    }),
  );
}

function hullOf(points: number[], maxEdgeMetres: number, radius: number): { geometry: Polygon | MultiPolygon; hull: "concave" | "convex" } {
  const seen = new Set<string>();
  const features: Feature<Point>[] = [];
  for (let k = 0; k < points.length; k += 2) {
    const key = `${points[k]},${points[k + 1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    features.push(point([points[k]!, points[k + 1]!]));
  }
  if (features.length >= 4) {
    const area = concave(featureCollection(features), { maxEdge: maxEdgeMetres / 1000, units: "kilometers" });
    if (area !== null && closedRings(area.geometry) && features.every((p) => booleanPointInPolygon(p, area))) return { geometry: area.geometry, hull: "concave" };
  }
  let area = features.length >= 3 ? convex(featureCollection(features)) : null;
  if (area === null || features.some((p) => !booleanPointInPolygon(p, area!))) {
    // Too few points, or all on one line: widen each into a small diamond.
    const widened: Feature<Point>[] = [];
    for (const p of features) {
      const [x, y] = p.geometry.coordinates as [number, number];
      const dy = radius / METRES_PER_DEGREE;
      const dx = dy / Math.max(Math.cos((y * Math.PI) / 180), 1e-6);
      widened.push(point([x - dx, y]), point([x + dx, y]), point([x, y - dy]), point([x, y + dy]));
    }
    area = convex(featureCollection(widened));
  }
  return { geometry: area!.geometry, hull: "convex" };
}

/**
 * The service area of each facility: the places from which the facility can be reached within `thresholdMinutes`,
 * in the direction pupils travel (to the facility; on one-way roads this differs from the area reachable from it).
 *
 * One search per facility (Dijkstra 1959) over reversed arcs, stopping at the threshold, finds the nodes that reach
 * the facility in time; on every segment leading into that set the point where the time runs out is added, and the
 * facility itself. The polygon is a hull of these points (turf `concave` with `maxEdgeMetres`, else `convex`): an
 * approximation for maps, not a catchment. It may include land between roads from which the walk to the road would
 * take longer; off-network legs of the places inside are not counted (the facility's own leg is).
 * @param network - the road network
 * @param minutes - minutes per segment and direction for one travel mode
 * @param facilities - facilities (schools), flat [longitude, latitude, ...] in WGS-84 degrees
 * @param thresholdMinutes - the travel time limit in minutes, finite and ≥ 0
 * @param options - snapping distance, walking speed, hull edge; see {@link ServiceAreaOptions}
 * @returns one feature per facility, in input order, with {@link ServiceAreaProperties}; geometry null for a facility
 *   that was not snapped (farther than `maxSnapMetres` from a usable road)
 * @throws InputError on bad coordinates, a bad threshold, minutes that do not fit the network, or bad options
 */
export function serviceAreas(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  facilities: ArrayLike<number>,
  thresholdMinutes: number,
  options: ServiceAreaOptions = {},
): FeatureCollection<Polygon | MultiPolygon | null, ServiceAreaProperties> {
  if (typeof thresholdMinutes !== "number" || !Number.isFinite(thresholdMinutes) || thresholdMinutes < 0) {
    throw new InputError({ source: "options", field: "thresholdMinutes", value: thresholdMinutes }, "must be a finite number ≥ 0 (minutes)");
  }
  const maxEdgeMetres = checkPositive("maxEdgeMetres", options.maxEdgeMetres, 2000, "metres");
  const radius = checkPositive("minimumRadiusMetres", options.minimumRadiusMetres, 25, "metres");
  const setup = setUpRouting(network, minutes, { ...options, cutoffMinutes: thresholdMinutes });
  const placed = placePoints(network, minutes, setup, facilities, "arrive", "facilities");
  const { snapping, attachment: at } = placed;
  const { reversed } = setup.graph;
  const xy = network.nodeCoordinates;
  const search = new ShortestPathSearch(network.nodeCount);
  const features: Feature<Polygon | MultiPolygon | null, ServiceAreaProperties>[] = [];
  for (let j = 0; j < snapping.count; j++) {
    const s = snapping.segment[j]!;
    if (s < 0) {
      features.push({ type: "Feature", geometry: null, properties: { facility: j, minutes: thresholdMinutes, nodesReached: 0, hull: "none" } });
      continue;
    }
    search.run(reversed, 2, [at.nodeB[j]!, at.nodeA[j]!], [at.minutesB[j]!, at.minutesA[j]!], [at.metresB[j]!, at.metresA[j]!], [0, 0], thresholdMinutes);
    const points: number[] = [facilities[2 * j]!, facilities[2 * j + 1]!, snapping.position[2 * j]!, snapping.position[2 * j + 1]!];
    // Along the facility's own segment, as far as the time allows on each side.
    const spare = thresholdMinutes - snapping.legMetres[j]! * setup.walkMinutesPerMetre;
    const f = snapping.fraction[j]!;
    const a = network.segmentFrom[s]!;
    const b = network.segmentTo[s]!;
    const along = (x: number): void => {
      points.push(xy[2 * a]! + x * (xy[2 * b]! - xy[2 * a]!), xy[2 * a + 1]! + x * (xy[2 * b + 1]! - xy[2 * a + 1]!));
    };
    if (spare >= 0) {
      if (minutes.forward[s]! > 0) along(Math.max(0, f - spare / minutes.forward[s]!));
      if (minutes.backward[s]! > 0) along(Math.min(1, f + spare / minutes.backward[s]!));
    }
    let nodesReached = 0;
    for (let v = 0; v < network.nodeCount; v++) {
      const d = search.minutes[v]!;
      if (d === Infinity) continue;
      nodesReached++;
      points.push(xy[2 * v]!, xy[2 * v + 1]!);
      for (let k = reversed.offsets[v]!; k < reversed.offsets[v + 1]!; k++) {
        const w = reversed.minutes[k]!;
        if (d + w <= thresholdMinutes) continue;
        const u = reversed.heads[k]!;
        const x = (thresholdMinutes - d) / w;
        points.push(xy[2 * v]! + x * (xy[2 * u]! - xy[2 * v]!), xy[2 * v + 1]! + x * (xy[2 * u + 1]! - xy[2 * v + 1]!));
      }
    }
    const { geometry, hull } = hullOf(points, maxEdgeMetres, radius);
    features.push({ type: "Feature", geometry, properties: { facility: j, minutes: thresholdMinutes, nodesReached, hull } });
  }
  return { type: "FeatureCollection", features };
}
