/**
 * Travel-time matrices on a road network: minutes (and metres) from every demand point to every site along the
 * fastest road paths, by one reverse Dijkstra search per site.
 * @module
 */
import type { CostMatrix } from "../../costMatrix.ts";
import { InputError } from "../../errors.ts";
import type { RoadNetwork } from "../network/roadNetwork.ts";
import type { SegmentMinutes } from "../network/travelMode.ts";
import { alongSegmentMinutes } from "./attach.ts";
import { forEachPointWithin, indexPoints } from "./directWalk.ts";
import { describeBasis, placePoints, setUpRouting, type PlacedPoints, type RoutingOptions, type RoutingSetup } from "./context.ts";
import { ShortestPathSearch } from "./search.ts";
import type { Snapping } from "./snapping.ts";
import { BlockScratch, PairAccumulator, type ColumnBlock } from "./pairs.ts";
import { reportReachability, type Reachability } from "./reachability.ts";

/** Options of {@link travelTimeMatrix}: the shared {@link RoutingOptions} and the output form. */
export interface TravelTimeMatrixOptions extends RoutingOptions {
  /**
   * `"dense"`: every pair, `Infinity` where not reachable within the cutoff. `"sparse"`: only the pairs with a time.
   * Default: sparse with a cutoff, dense without.
   */
  readonly format?: "dense" | "sparse";
  /** Also give the metres along each fastest path (`metres`). Default true; false saves about 40 % of the memory. */
  readonly metres?: boolean;
  /** Called after each site's search with (sites done, site count), for progress bars. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The result of {@link travelTimeMatrix}. */
export interface TravelTimeMatrix {
  /**
   * Minutes from each demand point (row, an origin) to each site (column, a destination), off-network legs
   * included, unit `"minutes"`. Unreachable pairs (or pairs above the cutoff) are `Infinity` in a dense matrix and
   * absent from a sparse one, never a large finite number.
   */
  readonly costs: CostMatrix;
  /**
   * Metres along the same fastest paths (off-network legs included): the same form and pairs as `costs` (a sparse
   * one shares its `rowStarts` and `siteIndices`), unit `"metres"`, rounded to single precision (about 1 cm in
   * 100 km). Absent when `options.metres` is false. Among equally fast paths, the one found first.
   */
  readonly metres?: CostMatrix;
  /** Where each origin met the network. */
  readonly originSnapping: Snapping;
  /** Where each destination met the network. */
  readonly destinationSnapping: Snapping;
  /** The pairs without a time and the points no route can join; see {@link Reachability}. */
  readonly unreachable: Reachability;
  /** How the times were made, for every output that shows them, e.g. `"road network (…), mode schoolBus, …"`. */
  readonly basis: string;
}

/**
 * Computes the pairs of sites `first .. last − 1` within the cutoff with {@link travelTimeColumns}, collecting
 * them in `scratch` and returning exact-size copies.
 * @internal
 */
export function computeColumnBlock(
  setup: RoutingSetup,
  minutes: SegmentMinutes,
  origins: PlacedPoints,
  destinations: PlacedPoints,
  first: number,
  last: number,
  keepMetres: boolean,
  scratch: BlockScratch,
  onColumn?: (j: number) => void,
): ColumnBlock {
  const columnStarts = new Int32Array(last - first + 1);
  scratch.length = 0;
  travelTimeColumns(setup, minutes, origins, destinations, first, last, (i, _j, t, d) => scratch.push(i, t, d), (j) => {
    columnStarts[j - first + 1] = scratch.length;
    onColumn?.(j);
  });
  const length = scratch.length;
  return {
    first,
    last,
    columnStarts,
    origins: scratch.origins.slice(0, length),
    minutes: scratch.minutes.slice(0, length),
    metres: scratch.metres.slice(0, keepMetres ? length : 0),
  };
}

/** Sites per block: small enough to keep the scratch arrays small, large enough to amortise the copies. @internal */
export const SITES_PER_BLOCK = 64;

/**
 * The kernel: for sites `first .. last − 1`, one search over the reversed arcs from the site, then every
 * demand point's time read from it (and the direct time for demand points on the site's own segment).
 * Calls `emit(i, j, minutes, metres)` for each pair within the cutoff, in ascending j, then ascending i.
 * @internal
 */
export function travelTimeColumns(
  setup: RoutingSetup,
  minutes: SegmentMinutes,
  origins: PlacedPoints,
  destinations: PlacedPoints,
  first: number,
  last: number,
  emit: (i: number, j: number, minutes: number, metres: number) => void,
  onColumn?: (j: number) => void,
): void {
  const { graph, cutoff } = setup;
  const n = origins.snapping.count;
  const search = new ShortestPathSearch(graph.nodeCount);
  const { nodeA, minutesA, metresA, nodeB, minutesB, metresB } = origins.attachment;
  const target = destinations.attachment;
  const sourceNodes = new Int32Array(2);
  const sourceMinutes = new Float64Array(2);
  const sourceMetres = new Float64Array(2);
  const sourceLabels = new Int32Array(2);
  const columnMinutes = new Float64Array(n);
  const columnMetres = new Float64Array(n);
  const oSnap = origins.snapping;
  const dSnap = destinations.snapping;
  const nearby = indexPoints(origins.coordinates);
  for (let j = first; j < last; j++) {
    const s = dSnap.segment[j]!;
    if (s < 0) columnMinutes.fill(Infinity);
    else {
      sourceNodes[0] = target.nodeB[j]!;
      sourceMinutes[0] = target.minutesB[j]!;
      sourceMetres[0] = target.metresB[j]!;
      sourceNodes[1] = target.nodeA[j]!;
      sourceMinutes[1] = target.minutesA[j]!;
      sourceMetres[1] = target.metresA[j]!;
      search.run(graph.reversed, 2, sourceNodes, sourceMinutes, sourceMetres, sourceLabels, cutoff);
      const dist = search.minutes;
      const along = search.metres;
      for (let i = 0; i < n; i++) {
        const a = nodeA[i]!;
        if (a < 0) {
          columnMinutes[i] = Infinity;
          continue;
        }
        const viaA = minutesA[i]! + dist[a]!;
        const b = nodeB[i]!;
        const viaB = minutesB[i]! + dist[b]!;
        if (viaA <= viaB) {
          columnMinutes[i] = viaA;
          columnMetres[i] = metresA[i]! + along[a]!;
        } else {
          columnMinutes[i] = viaB;
          columnMetres[i] = metresB[i]! + along[b]!;
        }
      }
      // Demand points on the site's own segment may go straight along it.
      const { starts, points } = origins.bySegment;
      const fj = dSnap.fraction[j]!;
      for (let k = starts[s]!; k < starts[s + 1]!; k++) {
        const i = points[k]!;
        const fi = oSnap.fraction[i]!;
        const direct = alongSegmentMinutes(minutes, s, fi, fj);
        if (direct === Infinity) continue;
        const legs = (oSnap.legMetres[i]! + dSnap.legMetres[j]!) * setup.walkMinutesPerMetre;
        if (direct + legs < columnMinutes[i]!) {
          columnMinutes[i] = direct + legs;
          columnMetres[i] = oSnap.legMetres[i]! + dSnap.legMetres[j]! + Math.abs(fj - fi) * setup.network.segmentLength[s]!;
        }
      }
    }
    // Demand points within the snapping distance of the site may walk straight to it.
    const lon = destinations.coordinates[2 * j]!;
    const lat = destinations.coordinates[2 * j + 1]!;
    forEachPointWithin(nearby, lon, lat, setup.maxSnapMetres, (i, metres) => {
      const walk = metres * setup.walkMinutesPerMetre;
      if (walk < columnMinutes[i]!) {
        columnMinutes[i] = walk;
        columnMetres[i] = metres;
      }
    });
    for (let i = 0; i < n; i++) {
      const t = columnMinutes[i]!;
      if (t <= cutoff && t !== Infinity) emit(i, j, t, columnMetres[i]!);
    }
    onColumn?.(j);
  }
}

/**
 * Travel times on a road network from every demand point (origin, row) to every site (destination, column).
 *
 * Times run from the demand point to the site, the direction pupils travel to school; on one-way roads they
 * differ from the way back. A time is the off-network leg from the demand point to its snapped position (walked),
 * the partial segment from there to a segment end in an allowed direction, the fastest road path (Dijkstra 1959
 * with a binary heap, searched backwards from each site over reversed arcs, stopping at the cutoff), the partial
 * segment to the site's snapped position and the site's off-network leg (walked). A demand point on the site's
 * own segment may also go straight along it where the direction is allowed, and a demand point within the snapping
 * distance (`maxSnapMetres`) of the site may walk straight to it (so a point to itself takes 0). Points are snapped only to segments
 * the mode may use in some direction.
 *
 * Cost: one search per site, each touching at most the nodes within the cutoff, plus a pass over the demand
 * points; memory O(nodes + arcs + stored pairs). With many sites, `travelTimeMatrixParallel`
 * (Node-only, src/travel/routing/parallel.node.ts) splits the sites over worker threads.
 * @param network - the road network (e.g. from `roadNetworkFromGeoJSON`)
 * @param minutes - minutes per segment and direction for one travel mode (e.g. from `segmentMinutes`)
 * @param origins - demand points, flat [longitude, latitude, ...] in WGS-84 degrees, length 2 × demand count
 * @param destinations - sites, flat [longitude, latitude, ...], length 2 × site count
 * @param options - cutoff, snapping distance, walking speed, format, metres, progress; see {@link TravelTimeMatrixOptions}
 * @returns the matrix, the snapping of both point sets, the unreachable pairs and points, and the basis sentence
 * @throws InputError on bad coordinates (naming `origins` or `destinations` and the point), minutes that do not fit
 *   the network, or bad options
 */
export function travelTimeMatrix(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  origins: ArrayLike<number>,
  destinations: ArrayLike<number>,
  options: TravelTimeMatrixOptions = {},
): TravelTimeMatrix {
  const prepared = prepareTravelTimes(network, minutes, origins, destinations, options);
  const { setup } = prepared;
  const placedOrigins = prepared.origins;
  const placedDestinations = prepared.destinations;
  const m = placedDestinations.snapping.count;
  const onProgress = options.onProgress;
  const accumulator = new PairAccumulator(placedOrigins.snapping.count, m, prepared.keepMetres);
  const scratch = new BlockScratch();
  for (let first = 0; first < m; first += SITES_PER_BLOCK) {
    const last = Math.min(m, first + SITES_PER_BLOCK);
    accumulator.add(
      computeColumnBlock(setup, minutes, placedOrigins, placedDestinations, first, last, prepared.keepMetres, scratch,
        onProgress === undefined ? undefined : (j) => onProgress(j + 1, m)),
    );
  }
  return finishTravelTimeMatrix(prepared, accumulator);
}

/** Everything {@link travelTimeMatrix} checks and prepares before the searches. @internal */
export interface PreparedTravelTimes {
  readonly network: RoadNetwork;
  readonly minutes: SegmentMinutes;
  readonly setup: RoutingSetup;
  readonly origins: PlacedPoints;
  readonly destinations: PlacedPoints;
  readonly format: "dense" | "sparse";
  readonly keepMetres: boolean;
}

/**
 * Checks the input and options of {@link travelTimeMatrix} and snaps the points.
 * @internal
 */
export function prepareTravelTimes(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  origins: ArrayLike<number>,
  destinations: ArrayLike<number>,
  options: TravelTimeMatrixOptions,
): PreparedTravelTimes {
  const setup = setUpRouting(network, minutes, options);
  const format = checkFormat(options.format, setup.cutoff);
  if (options.metres !== undefined && typeof options.metres !== "boolean") {
    throw new InputError({ source: "options", field: "metres", value: options.metres }, "must be true or false");
  }
  return {
    network,
    minutes,
    setup,
    origins: placePoints(network, minutes, setup, origins, "leave", "origins"),
    destinations: placePoints(network, minutes, setup, destinations, "arrive", "destinations"),
    format,
    keepMetres: options.metres ?? true,
  };
}

/**
 * Assembles the result from the accumulated pairs.
 * @internal
 */
export function finishTravelTimeMatrix(prepared: PreparedTravelTimes, accumulator: PairAccumulator): TravelTimeMatrix {
  const { network, minutes, setup, format } = prepared;
  const placedOrigins = prepared.origins;
  const placedDestinations = prepared.destinations;
  const result = accumulator.finish(format);
  const unreachable = reportReachability(network, minutes, placedOrigins.snapping, placedDestinations.snapping, result.costs);
  return {
    ...result,
    originSnapping: placedOrigins.snapping,
    destinationSnapping: placedDestinations.snapping,
    unreachable,
    basis: describeBasis(network, minutes, setup),
  };
}

function checkFormat(format: unknown, cutoff: number): "dense" | "sparse" {
  if (format === undefined) return cutoff === Infinity ? "dense" : "sparse";
  if (format !== "dense" && format !== "sparse") {
    throw new InputError({ source: "options", field: "format", value: format }, 'must be "dense" or "sparse"');
  }
  return format;
}
