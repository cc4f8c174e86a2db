/**
 * Directed arcs of a road network for routing, in compressed sparse row (CSR) form, built once from a network and
 * the minutes of one travel mode: forward arcs (travel as it goes) and reversed arcs (every arc turned round, for
 * searches that run backwards from a destination).
 * @module
 */
import { InputError } from "../../errors.ts";
import type { RoadNetwork } from "../network/roadNetwork.ts";
import type { SegmentMinutes } from "../network/travelMode.ts";

/**
 * One direction's arcs in CSR form: the arcs leaving node `u` are the positions `k` from `offsets[u]` to
 * `offsets[u + 1] - 1`, each to node `heads[k]`, taking `minutes[k]` and covering `metres[k]`.
 */
export interface ArcSet {
  /** Length nodeCount + 1, starting at 0. */
  readonly offsets: Int32Array;
  /** Length arcCount: the node each arc leads to. */
  readonly heads: Int32Array;
  /** Length arcCount: minutes along each arc, finite and ≥ 0. */
  readonly minutes: Float64Array;
  /** Length arcCount: metres along each arc (the segment length). */
  readonly metres: Float64Array;
}

/** The arcs of a network for one travel mode; see the module documentation. */
export interface RoutingGraph {
  /** Number of nodes of the network. */
  readonly nodeCount: number;
  /** Arcs as they may be travelled. */
  readonly forward: ArcSet;
  /** The same arcs turned round: an arc v → u here stands for travel u → v. */
  readonly reversed: ArcSet;
}

/**
 * Checks that the minutes fit the network: both arrays of length segmentCount, each value ≥ 0 or `Infinity`.
 * @throws InputError naming the array, the segment and the value
 * @internal
 */
export function checkSegmentMinutes(network: RoadNetwork, minutes: SegmentMinutes): void {
  for (const name of ["forward", "backward"] as const) {
    const values = minutes?.[name];
    if (!(values instanceof Float64Array) || values.length !== network.segmentCount) {
      throw new InputError(
        { source: "minutes", field: `${name}.length`, value: values?.length },
        `must be a Float64Array of length segmentCount = ${network.segmentCount}`,
      );
    }
    for (let s = 0; s < values.length; s++) {
      if (!(values[s]! >= 0)) {
        throw new InputError({ source: "minutes", index: s, field: name, value: values[s] }, "must be minutes ≥ 0, or Infinity where not allowed");
      }
    }
  }
}

function buildArcSet(network: RoadNetwork, minutes: SegmentMinutes, turnRound: boolean): ArcSet {
  const { nodeCount, segmentCount, segmentFrom, segmentTo, segmentLength } = network;
  const offsets = new Int32Array(nodeCount + 1);
  const each = (visit: (tail: number, head: number, time: number, s: number) => void): void => {
    for (let s = 0; s < segmentCount; s++) {
      const a = segmentFrom[s]!;
      const b = segmentTo[s]!;
      const f = minutes.forward[s]!;
      const g = minutes.backward[s]!;
      if (f !== Infinity) visit(turnRound ? b : a, turnRound ? a : b, f, s);
      if (g !== Infinity) visit(turnRound ? a : b, turnRound ? b : a, g, s);
    }
  };
  each((tail) => {
    offsets[tail + 1]!++;
  });
  for (let u = 0; u < nodeCount; u++) offsets[u + 1]! += offsets[u]!;
  const arcCount = offsets[nodeCount]!;
  const heads = new Int32Array(arcCount);
  const times = new Float64Array(arcCount);
  const metres = new Float64Array(arcCount);
  const next = offsets.slice(0, nodeCount);
  each((tail, head, time, s) => {
    const k = next[tail]!++;
    heads[k] = head;
    times[k] = time;
    metres[k] = segmentLength[s]!;
  });
  return { offsets, heads, minutes: times, metres };
}

/**
 * Builds the forward and reversed arcs of a network for one mode. A segment gives an arc in each direction whose
 * minutes are finite; segments with `Infinity` both ways give none.
 * @param network - the road network
 * @param minutes - minutes per segment and direction (`Infinity` where not allowed), e.g. from `segmentMinutes`
 * @throws InputError when the minutes do not fit the network (length, negative or NaN values)
 */
export function buildRoutingGraph(network: RoadNetwork, minutes: SegmentMinutes): RoutingGraph {
  checkSegmentMinutes(network, minutes);
  return {
    nodeCount: network.nodeCount,
    forward: buildArcSet(network, minutes, false),
    reversed: buildArcSet(network, minutes, true),
  };
}
