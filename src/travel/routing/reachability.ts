/**
 * Reports on the pairs a travel-time matrix holds no time for, and on the points no route can join.
 * @module
 */
import type { CostMatrix } from "../../costMatrix.ts";
import type { RoadNetwork } from "../network/roadNetwork.ts";
import type { SegmentMinutes } from "../network/travelMode.ts";
import { networkComponents } from "./components.ts";
import type { Snapping } from "./snapping.ts";

/**
 * The connected components of the network (over the segments the mode may use in some direction, ignoring
 * one-way restrictions), numbered by size: component 0 has the most nodes.
 */
export interface ComponentReport {
  /** Number of components, nodes on no usable segment counted as their own. */
  readonly count: number;
  /** Length `count`: nodes in each component. */
  readonly nodeCounts: Int32Array;
  /** Length: origin count; the component of each origin's snapped segment, −1 when the origin was not snapped. */
  readonly originComponent: Int32Array;
  /** Length: destination count; the component of each destination, −1 when not snapped. */
  readonly destinationComponent: Int32Array;
  /**
   * Sentences naming the points no route can join, grouped by component, e.g. `"origins 12, 13 (2 in all) lie in
   * component 3 (57 nodes), which holds no destination"`, and the points not snapped, e.g. `"origin 5 is 1234 m
   * from the nearest usable road, beyond the 1000 m snapping limit"`. Empty when every point can be joined.
   */
  readonly notes: readonly string[];
}

/** What a travel-time matrix could not give a time for. */
export interface Reachability {
  /**
   * Number of origin × destination pairs without a time: not connected at all, against one-way roads, or slower
   * than the cutoff.
   */
  readonly pairs: number;
  /** Of those, the pairs that no route can ever join: different components, or a point not snapped. */
  readonly disconnectedPairs: number;
  /** Origins (ascending) with no destination within reach (and the cutoff). */
  readonly originsWithNoDestination: readonly number[];
  /** Destinations (ascending) that no origin reaches (within the cutoff). */
  readonly destinationsWithNoOrigin: readonly number[];
  /** The components of the network and the points in them; see {@link ComponentReport}. */
  readonly components: ComponentReport;
}

const LISTED = 10;

function listPoints(kind: string, points: readonly number[]): string {
  const shown = points.slice(0, LISTED).join(", ");
  if (points.length === 1) return `${kind} ${shown} lies`;
  return `${kind}s ${shown}${points.length > LISTED ? ", …" : ""} (${points.length} in all) lie`;
}

function componentsOf(snapping: Snapping, network: RoadNetwork, component: Int32Array): Int32Array {
  const out = new Int32Array(snapping.count).fill(-1);
  for (let k = 0; k < snapping.count; k++) {
    const s = snapping.segment[k]!;
    if (s >= 0) out[k] = component[network.segmentFrom[s]!]!;
  }
  return out;
}

function unsnappedNotes(kind: string, snapping: Snapping): string[] {
  return snapping.unsnapped.map((k) => {
    const leg = snapping.legMetres[k]!;
    const distance = leg === Infinity ? "has no usable road at any distance" : `is ${Math.round(leg)} m from the nearest usable road`;
    return `${kind} ${k} ${distance}, beyond the ${snapping.maxDistanceMetres} m snapping limit`;
  });
}

/**
 * Builds the {@link Reachability} report of a travel-time matrix.
 * @internal
 */
export function reportReachability(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  origins: Snapping,
  destinations: Snapping,
  costs: CostMatrix,
): Reachability {
  const { component, nodeCounts } = networkComponents(network, minutes);
  const originComponent = componentsOf(origins, network, component);
  const destinationComponent = componentsOf(destinations, network, component);
  const originsPer = new Map<number, number[]>();
  const destinationsPer = new Map<number, number[]>();
  originComponent.forEach((c, i) => c >= 0 && (originsPer.get(c) ?? originsPer.set(c, []).get(c)!).push(i));
  destinationComponent.forEach((c, j) => c >= 0 && (destinationsPer.get(c) ?? destinationsPer.set(c, []).get(c)!).push(j));
  const notes: string[] = [];
  let connectedPairs = 0;
  for (const [c, list] of originsPer) {
    const there = destinationsPer.get(c)?.length ?? 0;
    connectedPairs += list.length * there;
    if (there === 0) notes.push(`${listPoints("origin", list)} in component ${c} (${nodeCounts[c]} nodes), which holds no destination`);
  }
  for (const [c, list] of destinationsPer) {
    if (!originsPer.has(c)) notes.push(`${listPoints("destination", list)} in component ${c} (${nodeCounts[c]} nodes), which holds no origin`);
  }
  notes.push(...unsnappedNotes("origin", origins), ...unsnappedNotes("destination", destinations));
  const n = costs.demandCount;
  const m = costs.siteCount;
  const originsWithNoDestination: number[] = [];
  const reached = new Uint8Array(m);
  let stored = 0;
  for (let i = 0; i < n; i++) {
    let count = 0;
    if (costs.kind === "sparse") {
      for (let k = costs.rowStarts[i]!; k < costs.rowStarts[i + 1]!; k++) reached[costs.siteIndices[k]!] = 1;
      count = costs.rowStarts[i + 1]! - costs.rowStarts[i]!;
    } else {
      for (let j = 0; j < m; j++) {
        if (costs.values[i * m + j] === Infinity) continue;
        reached[j] = 1;
        count++;
      }
    }
    if (count === 0) originsWithNoDestination.push(i);
    stored += count;
  }
  const destinationsWithNoOrigin: number[] = [];
  for (let j = 0; j < m; j++) if (reached[j] === 0) destinationsWithNoOrigin.push(j);
  return {
    pairs: n * m - stored,
    disconnectedPairs: n * m - connectedPairs,
    originsWithNoDestination,
    destinationsWithNoOrigin,
    components: { count: nodeCounts.length, nodeCounts, originComponent, destinationComponent, notes },
  };
}
