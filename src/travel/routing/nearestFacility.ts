/**
 * The nearest facility of every demand point by road time: one multi-source Dijkstra search over reversed arcs.
 * @module
 */
import type { RoadNetwork } from "../network/roadNetwork.ts";
import type { SegmentMinutes } from "../network/travelMode.ts";
import { alongSegmentMinutes } from "./attach.ts";
import { forEachPointWithin, indexPoints } from "./directWalk.ts";
import { describeBasis, placePoints, setUpRouting, type RoutingOptions } from "./context.ts";
import { ShortestPathSearch } from "./search.ts";
import type { Snapping } from "./snapping.ts";

/** The result of {@link nearestFacilityTimes}; arrays indexed by origin (demand point). */
export interface NearestFacilityTimes {
  /** Length: origin count; index of the nearest facility by time, −1 when none is reachable (within the cutoff). */
  readonly facility: Int32Array;
  /** Length: origin count; minutes to that facility, off-network legs included; `Infinity` where `facility` is −1. */
  readonly minutes: Float64Array;
  /** Length: origin count; metres along that fastest path, legs included; `Infinity` where `facility` is −1. */
  readonly metres: Float64Array;
  /** Where each origin met the network. */
  readonly originSnapping: Snapping;
  /** Where each facility met the network. */
  readonly facilitySnapping: Snapping;
  /** How the times were made; see `TravelTimeMatrix.basis`. */
  readonly basis: string;
}

/**
 * For each demand point, the facility it reaches soonest and the minutes it takes, in the direction pupils travel
 * (demand point → facility). One search (Dijkstra 1959) from all facilities at once over reversed arcs labels every
 * node with its nearest facility; each demand point then takes the better of its two segment ends, or the direct way
 * along its segment to a facility on the same segment. Ties between facilities go to whichever the search met first.
 * Times are built as in {@link travelTimeMatrix}.
 * @param network - the road network
 * @param minutes - minutes per segment and direction for one travel mode
 * @param origins - demand points, flat [longitude, latitude, ...] in WGS-84 degrees
 * @param facilities - facilities (schools), flat [longitude, latitude, ...]
 * @param options - cutoff, snapping distance, walking speed; see {@link RoutingOptions}
 * @throws InputError on bad coordinates, minutes that do not fit the network, or bad options
 */
export function nearestFacilityTimes(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  origins: ArrayLike<number>,
  facilities: ArrayLike<number>,
  options: RoutingOptions = {},
): NearestFacilityTimes {
  const setup = setUpRouting(network, minutes, options);
  const from = placePoints(network, minutes, setup, origins, "leave", "origins");
  const to = placePoints(network, minutes, setup, facilities, "arrive", "facilities");
  const m = to.snapping.count;
  const sources = 2 * m;
  const sourceNodes = new Int32Array(sources);
  const sourceMinutes = new Float64Array(sources).fill(Infinity);
  const sourceMetres = new Float64Array(sources);
  const sourceLabels = new Int32Array(sources);
  const t = to.attachment;
  for (let j = 0; j < m; j++) {
    if (t.nodeA[j]! < 0) continue;
    sourceNodes[2 * j] = t.nodeB[j]!;
    sourceMinutes[2 * j] = t.minutesB[j]!;
    sourceMetres[2 * j] = t.metresB[j]!;
    sourceNodes[2 * j + 1] = t.nodeA[j]!;
    sourceMinutes[2 * j + 1] = t.minutesA[j]!;
    sourceMetres[2 * j + 1] = t.metresA[j]!;
    sourceLabels[2 * j] = sourceLabels[2 * j + 1] = j;
  }
  const search = new ShortestPathSearch(network.nodeCount);
  search.run(setup.graph.reversed, sources, sourceNodes, sourceMinutes, sourceMetres, sourceLabels, setup.cutoff);
  const n = from.snapping.count;
  const facility = new Int32Array(n).fill(-1);
  const best = new Float64Array(n).fill(Infinity);
  const metres = new Float64Array(n).fill(Infinity);
  const o = from.attachment;
  const offer = (i: number, j: number, time: number, length: number): void => {
    if (time < best[i]! && time <= setup.cutoff) {
      best[i] = time;
      facility[i] = j;
      metres[i] = length;
    }
  };
  for (let i = 0; i < n; i++) {
    for (const [node, time, length] of [
      [o.nodeA[i]!, o.minutesA[i]!, o.metresA[i]!],
      [o.nodeB[i]!, o.minutesB[i]!, o.metresB[i]!],
    ] as const) {
      if (node >= 0 && search.minutes[node] !== Infinity) offer(i, search.label[node]!, time + search.minutes[node]!, length + search.metres[node]!);
    }
  }
  // Facilities on a demand point's own segment may be reached straight along it.
  const fs = to.snapping;
  const os = from.snapping;
  for (let j = 0; j < m; j++) {
    const s = fs.segment[j]!;
    if (s < 0) continue;
    for (let k = from.bySegment.starts[s]!; k < from.bySegment.starts[s + 1]!; k++) {
      const i = from.bySegment.points[k]!;
      const direct = alongSegmentMinutes(minutes, s, os.fraction[i]!, fs.fraction[j]!);
      const legs = os.legMetres[i]! + fs.legMetres[j]!;
      offer(i, j, direct + legs * setup.walkMinutesPerMetre, legs + Math.abs(fs.fraction[j]! - os.fraction[i]!) * network.segmentLength[s]!);
    }
  }
  // Facilities within the snapping distance of a demand point may be walked to straight.
  const nearby = indexPoints(to.coordinates);
  for (let i = 0; i < n; i++) {
    forEachPointWithin(nearby, from.coordinates[2 * i]!, from.coordinates[2 * i + 1]!, setup.maxSnapMetres, (j, length) =>
      offer(i, j, length * setup.walkMinutesPerMetre, length),
    );
  }
  return {
    facility,
    minutes: best,
    metres,
    originSnapping: from.snapping,
    facilitySnapping: to.snapping,
    basis: describeBasis(network, minutes, setup),
  };
}
