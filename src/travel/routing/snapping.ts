/**
 * Snapping points (demand points, sites, facilities) to the nearest point on the nearest road segment.
 * @module
 */
import Flatbush from "flatbush";
import { InputError } from "../../errors.ts";
import { checkCoordinateArray } from "../coordinates.ts";
import { EARTH_MEAN_RADIUS_METRES } from "../distance.ts";
import type { RoadNetwork } from "../network/roadNetwork.ts";

/** The default of {@link SnapOptions.maxDistanceMetres}: 1000 m. */
export const DEFAULT_MAX_SNAP_METRES = 1000;

/** Options of {@link snapToNetwork}. */
export interface SnapOptions {
  /**
   * Points farther than this from every usable segment are not snapped but reported (segment −1), in metres,
   * finite and > 0. Default {@link DEFAULT_MAX_SNAP_METRES} (1000 m): farther than a short walk, a point is
   * more likely misplaced or off the mapped roads than served by them.
   */
  readonly maxDistanceMetres?: number;
  /**
   * Which segments a point may be snapped to, e.g. only those the travel mode may use in some direction.
   * Default: every segment.
   */
  readonly usable?: (segment: number) => boolean;
}

/** Where each point met the network; every array is indexed by point (0 ≤ k < count). */
export interface Snapping {
  /** Number of points. */
  readonly count: number;
  /** Length count: the segment each point was snapped to, or −1 when it is farther than the maximum. */
  readonly segment: Int32Array;
  /**
   * Length count: position of the snapped point along its segment, 0 at `segmentFrom` to 1 at `segmentTo`
   * (NaN when not snapped).
   */
  readonly fraction: Float64Array;
  /** Length 2 × count: longitude, latitude (WGS-84 degrees) of the snapped point (NaN when not snapped). */
  readonly position: Float64Array;
  /**
   * Length count: the off-network leg in metres, the distance from the point to the nearest usable segment. For a
   * point that was not snapped it is still that distance (beyond the maximum), or `Infinity` when no segment is usable.
   */
  readonly legMetres: Float64Array;
  /** Indices of the points that were not snapped (farther than `maxDistanceMetres`), ascending. */
  readonly unsnapped: readonly number[];
  /** The maximum snapping distance used, in metres. */
  readonly maxDistanceMetres: number;
}

const RADIANS = Math.PI / 180;

/** A segment index over a network, built once per network and reused for every point. */
interface SegmentIndex {
  readonly index: Flatbush | undefined;
}

const indexCache = new WeakMap<RoadNetwork, SegmentIndex>();

function segmentIndex(network: RoadNetwork): SegmentIndex {
  let cached = indexCache.get(network);
  if (cached !== undefined) return cached;
  const { segmentCount, segmentFrom, segmentTo, nodeCoordinates: xy } = network;
  let index: Flatbush | undefined;
  if (segmentCount > 0) {
    index = new Flatbush(segmentCount);
    for (let s = 0; s < segmentCount; s++) {
      const a = segmentFrom[s]!;
      const b = segmentTo[s]!;
      const ax = xy[2 * a]!;
      const ay = xy[2 * a + 1]!;
      const bx = xy[2 * b]!;
      const by = xy[2 * b + 1]!;
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    index.finish();
  }
  cached = { index };
  indexCache.set(network, cached);
  return cached;
}

/**
 * Checks a maximum snapping distance.
 * @internal
 */
export function checkMaxSnapMetres(value: unknown, field: string): number {
  if (value === undefined) return DEFAULT_MAX_SNAP_METRES;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InputError({ source: "options", field, value }, "must be a finite distance in metres > 0");
  }
  return value;
}

/**
 * Snaps each point to the nearest point of the nearest usable segment of a road network.
 *
 * Candidates come from an R-tree over segment bounding boxes (`flatbush`, nearest-box order). Distances are
 * measured in a local equirectangular projection centred on the point (x = R·Δλ·cos φ₀, y = R·Δφ, R the mean
 * Earth radius): within a few kilometres it differs from the great-circle distance by far less than a metre, and it
 * makes the point-to-segment distance exact for the straight segment between the projected ends. Longitudes are
 * not wrapped across ±180°. Ties go to the segment found first.
 * @param network - the road network
 * @param coordinates - flat [longitude0, latitude0, longitude1, latitude1, ...] in WGS-84 degrees, length 2 × count
 * @param options - maximum distance and usable segments; see {@link SnapOptions}
 * @returns one entry per point; see {@link Snapping}
 * @throws InputError on an odd-length array, a coordinate out of range, or a bad `maxDistanceMetres`
 */
export function snapToNetwork(network: RoadNetwork, coordinates: ArrayLike<number>, options: SnapOptions = {}): Snapping {
  const count = checkCoordinateArray("coordinates", coordinates, "lonlat");
  const maxDistanceMetres = checkMaxSnapMetres(options.maxDistanceMetres, "maxDistanceMetres");
  const usable = options.usable;
  const segmentOut = new Int32Array(count).fill(-1);
  const fraction = new Float64Array(count).fill(NaN);
  const position = new Float64Array(2 * count).fill(NaN);
  const legMetres = new Float64Array(count).fill(Infinity);
  const unsnapped: number[] = [];
  const { index } = segmentIndex(network);
  const { segmentFrom, segmentTo, nodeCoordinates: xy } = network;
  const filter = usable === undefined ? undefined : (s: number) => usable(s);
  for (let k = 0; k < count; k++) {
    const lon = coordinates[2 * k]!;
    const lat = coordinates[2 * k + 1]!;
    const cosLat = Math.cos(lat * RADIANS);
    const scaleX = EARTH_MEAN_RADIUS_METRES * RADIANS * cosLat;
    const scaleY = EARTH_MEAN_RADIUS_METRES * RADIANS;
    // A box at degree distance d holds no point closer than d × scaleLower metres.
    const scaleLower = Math.max(scaleX, 1e-9);
    let best = Infinity;
    let bestSegment = -1;
    let bestT = NaN;
    let wanted = 8;
    while (index !== undefined) {
      const found = index.neighbors(lon, lat, wanted, Infinity, filter);
      let lastBoxDegrees = 0;
      for (const s of found) {
        const a = segmentFrom[s]!;
        const b = segmentTo[s]!;
        const ax = (xy[2 * a]! - lon) * scaleX;
        const ay = (xy[2 * a + 1]! - lat) * scaleY;
        const dx = (xy[2 * b]! - lon) * scaleX - ax;
        const dy = (xy[2 * b + 1]! - lat) * scaleY - ay;
        const lengthSquared = dx * dx + dy * dy;
        let t = lengthSquared > 0 ? -(ax * dx + ay * dy) / lengthSquared : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const px = ax + t * dx;
        const py = ay + t * dy;
        const distance = Math.sqrt(px * px + py * py);
        if (distance < best) {
          best = distance;
          bestSegment = s;
          bestT = t;
        }
        const minX = Math.min(xy[2 * a]!, xy[2 * b]!);
        const maxX = Math.max(xy[2 * a]!, xy[2 * b]!);
        const minY = Math.min(xy[2 * a + 1]!, xy[2 * b + 1]!);
        const maxY = Math.max(xy[2 * a + 1]!, xy[2 * b + 1]!);
        const bx = Math.max(minX - lon, lon - maxX, 0);
        const by = Math.max(minY - lat, lat - maxY, 0);
        lastBoxDegrees = Math.sqrt(bx * bx + by * by);
      }
      // Done when fewer boxes exist than asked for, or every box not yet seen is provably farther than the best.
      if (found.length < wanted || lastBoxDegrees * scaleLower >= best) break;
      wanted *= 4;
    }
    legMetres[k] = best;
    if (bestSegment >= 0 && best <= maxDistanceMetres) {
      const a = segmentFrom[bestSegment]!;
      const b = segmentTo[bestSegment]!;
      segmentOut[k] = bestSegment;
      fraction[k] = bestT;
      position[2 * k] = xy[2 * a]! + bestT * (xy[2 * b]! - xy[2 * a]!);
      position[2 * k + 1] = xy[2 * a + 1]! + bestT * (xy[2 * b + 1]! - xy[2 * a + 1]!);
    } else {
      unsnapped.push(k);
    }
  }
  return { count, segment: segmentOut, fraction, position, legMetres, unsnapped, maxDistanceMetres };
}
