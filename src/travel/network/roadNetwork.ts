/**
 * A road network as flat typed arrays: nodes (WGS-84 longitude/latitude) and the straight segments between them,
 * each with its road class, the directions it may be travelled in, its length and any posted speed limit.
 * Every vertex of an input line is a node, so a segment is one straight piece of road: snapping works on
 * segments, routing on the directed arcs they give.
 *
 * Readers (GeoJSON LineStrings, OpenStreetMap XML and PBF) build a {@link RoadNetworkInput} and hand it to
 * {@link createRoadNetwork}; travel modes turn segments into minutes; routing runs on those minutes.
 * @module
 */
import { InputError } from "../../errors.ts";
import { greatCircleMetres } from "../distance.ts";

/** The direction(s) a segment may be travelled in by vehicles: both, from → to only, or to → from only. */
export type SegmentDirection = "both" | "forward" | "backward";

/** The plain arrays a reader produces; see {@link createRoadNetwork}. */
export interface RoadNetworkInput {
  /** Length 2 × nodeCount: longitude, latitude (WGS-84 degrees) of each node. */
  readonly nodeCoordinates: ArrayLike<number>;
  /** Length segmentCount: the start node of each segment. */
  readonly segmentFrom: ArrayLike<number>;
  /** Length segmentCount: the end node of each segment. */
  readonly segmentTo: ArrayLike<number>;
  /** Length segmentCount: index into `roadClasses` of each segment's class. */
  readonly segmentClass: ArrayLike<number>;
  /** Length segmentCount: 0 both ways, 1 from → to only, −1 to → from only (for vehicles; walkers ignore it). */
  readonly segmentOneway: ArrayLike<number>;
  /** Length segmentCount: posted speed limit in km/h, or NaN where none is known. */
  readonly segmentMaxSpeed: ArrayLike<number>;
  /** Length segmentCount: the index of the input feature (GeoJSON feature, OSM way) each segment came from. */
  readonly segmentSource: ArrayLike<number>;
  /** Road class names (OSM `highway` values such as `"primary"`, `"residential"`, `"track"`), indexed by `segmentClass`. */
  readonly roadClasses: readonly string[];
}

/** A checked road network; see the module documentation. Structured-clonable. */
export interface RoadNetwork {
  /** Number of nodes. */
  readonly nodeCount: number;
  /** Number of segments. */
  readonly segmentCount: number;
  /** Length 2 × nodeCount: longitude, latitude of each node (WGS-84 degrees). */
  readonly nodeCoordinates: Float64Array;
  /** Length segmentCount: start node of each segment. */
  readonly segmentFrom: Int32Array;
  /** Length segmentCount: end node of each segment. */
  readonly segmentTo: Int32Array;
  /** Length segmentCount: great-circle length of each segment in metres. */
  readonly segmentLength: Float64Array;
  /** Length segmentCount: index into `roadClasses`. */
  readonly segmentClass: Uint16Array;
  /** Length segmentCount: 0 both ways, 1 from → to only, −1 to → from only. */
  readonly segmentOneway: Int8Array;
  /** Length segmentCount: posted speed limit in km/h, NaN where unknown. */
  readonly segmentMaxSpeed: Float64Array;
  /** Length segmentCount: index of the input feature or way each segment came from. */
  readonly segmentSource: Int32Array;
  /** Road class names, indexed by `segmentClass`. */
  readonly roadClasses: readonly string[];
}

function check(condition: boolean, field: string, value: unknown, problem: string): void {
  if (!condition) throw new InputError({ source: "roads", field, value }, problem);
}

/**
 * Checks a reader's arrays and computes the segment lengths (great-circle metres). The arrays are copied.
 * @param input - nodes and segments; see {@link RoadNetworkInput}
 * @throws InputError naming the array, the index and the value: no segment at all, inconsistent lengths, a node index out of
 *   range, a node coordinate outside longitude −180..180 / latitude −90..90, a class index outside
 *   `roadClasses`, a oneway value other than −1, 0, 1, or a negative speed limit
 */
export function createRoadNetwork(input: RoadNetworkInput): RoadNetwork {
  const nodeCount = input.nodeCoordinates.length / 2;
  check(Number.isInteger(nodeCount), "nodeCoordinates.length", input.nodeCoordinates.length, "must be even (longitude, latitude pairs)");
  const segmentCount = input.segmentFrom.length;
  check(segmentCount > 0, "segments", 0, "the input holds no road (no line with two distinct positions, no OSM way with a highway tag)");
  for (const name of ["segmentTo", "segmentClass", "segmentOneway", "segmentMaxSpeed", "segmentSource"] as const) {
    check(input[name].length === segmentCount, `${name}.length`, input[name].length, `must equal segmentFrom.length = ${segmentCount}`);
  }
  const nodeCoordinates = Float64Array.from(input.nodeCoordinates);
  for (let v = 0; v < nodeCount; v++) {
    const lon = nodeCoordinates[2 * v]!;
    const lat = nodeCoordinates[2 * v + 1]!;
    check(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, `nodeCoordinates[node ${v}]`, [lon, lat], "must be [longitude −180..180, latitude −90..90]");
  }
  const segmentFrom = Int32Array.from(input.segmentFrom);
  const segmentTo = Int32Array.from(input.segmentTo);
  const segmentClass = Uint16Array.from(input.segmentClass);
  const segmentOneway = Int8Array.from(input.segmentOneway);
  const segmentMaxSpeed = Float64Array.from(input.segmentMaxSpeed);
  const segmentSource = Int32Array.from(input.segmentSource);
  const segmentLength = new Float64Array(segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    const a = segmentFrom[s]!;
    const b = segmentTo[s]!;
    check(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount, `segment ${s} nodes`, [input.segmentFrom[s], input.segmentTo[s]], `must be node indices in 0..${nodeCount - 1}`);
    check(input.segmentClass[s]! >= 0 && input.segmentClass[s]! < input.roadClasses.length && Number.isInteger(input.segmentClass[s]), `segmentClass[${s}]`, input.segmentClass[s], `must index roadClasses (0..${input.roadClasses.length - 1})`);
    const oneway = input.segmentOneway[s];
    check(oneway === 0 || oneway === 1 || oneway === -1, `segmentOneway[${s}]`, oneway, "must be 0 (both ways), 1 (forward) or −1 (backward)");
    const speed = segmentMaxSpeed[s]!;
    check(Number.isNaN(speed) || speed > 0, `segmentMaxSpeed[${s}]`, speed, "must be a speed in km/h > 0, or NaN when unknown");
    segmentLength[s] = greatCircleMetres(
      [nodeCoordinates[2 * a]!, nodeCoordinates[2 * a + 1]!],
      [nodeCoordinates[2 * b]!, nodeCoordinates[2 * b + 1]!],
    );
  }
  return {
    nodeCount,
    segmentCount,
    nodeCoordinates,
    segmentFrom,
    segmentTo,
    segmentLength,
    segmentClass,
    segmentOneway,
    segmentMaxSpeed,
    segmentSource,
    roadClasses: [...input.roadClasses],
  };
}
