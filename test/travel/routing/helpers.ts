// Small road networks for the routing tests: built with createRoadNetwork, minutes from lengths or given.
import fc from "fast-check";
import { createRoadNetwork, type RoadNetwork } from "../../../src/travel/network/roadNetwork.ts";
import type { SegmentMinutes } from "../../../src/travel/network/travelMode.ts";

/** A segment: from node, to node, oneway (0 both, 1 forward only, −1 backward only). */
export type TestSegment = readonly [from: number, to: number, oneway?: number];

/** A network from node positions [lon, lat] and segments. */
export function network(nodes: readonly (readonly [number, number])[], segments: readonly TestSegment[]): RoadNetwork {
  return createRoadNetwork({
    nodeCoordinates: nodes.flat(),
    segmentFrom: segments.map((s) => s[0]),
    segmentTo: segments.map((s) => s[1]),
    segmentClass: segments.map(() => 0),
    segmentOneway: segments.map((s) => s[2] ?? 0),
    segmentMaxSpeed: segments.map(() => NaN),
    segmentSource: segments.map((_, k) => k),
    roadClasses: ["residential"],
  });
}

/** Minutes per segment at `speedKmPerHour` from the segment lengths, or the given minutes; Infinity against a oneway. */
export function minutesOf(net: RoadNetwork, speedKmPerHour: number, given?: readonly number[]): SegmentMinutes {
  const forward = new Float64Array(net.segmentCount);
  const backward = new Float64Array(net.segmentCount);
  for (let s = 0; s < net.segmentCount; s++) {
    const t = given?.[s] ?? (net.segmentLength[s]! / (speedKmPerHour * 1000)) * 60;
    forward[s] = net.segmentOneway[s] === -1 ? Infinity : t;
    backward[s] = net.segmentOneway[s] === 1 ? Infinity : t;
  }
  return { mode: "car", forward, backward };
}

/** The point at fraction f along segment s, as [lon, lat]. */
export function pointOn(net: RoadNetwork, s: number, f: number): [number, number] {
  const a = net.segmentFrom[s]!;
  const b = net.segmentTo[s]!;
  const xy = net.nodeCoordinates;
  return [xy[2 * a]! + f * (xy[2 * b]! - xy[2 * a]!), xy[2 * a + 1]! + f * (xy[2 * b + 1]! - xy[2 * a + 1]!)];
}

/** All-pairs node-to-node minutes by Floyd–Warshall (Floyd 1962), for checking Dijkstra. */
export function floydWarshall(net: RoadNetwork, minutes: SegmentMinutes): Float64Array[] {
  const n = net.nodeCount;
  const d = Array.from({ length: n }, (_, u) => {
    const row = new Float64Array(n).fill(Infinity);
    row[u] = 0;
    return row;
  });
  for (let s = 0; s < net.segmentCount; s++) {
    const a = net.segmentFrom[s]!;
    const b = net.segmentTo[s]!;
    d[a]![b] = Math.min(d[a]![b]!, minutes.forward[s]!);
    d[b]![a] = Math.min(d[b]![a]!, minutes.backward[s]!);
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const t = d[i]![k]! + d[k]![j]!;
    if (t < d[i]![j]!) d[i]![j] = t;
  }
  return d;
}

/** A random small network: up to 9 nodes in a ~1 km square near 25° N, random segments (some one-way). */
export const smallNetwork = fc
  .record({
    nodes: fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })), { minLength: 2, maxLength: 9 }),
    segments: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(0, 0, 1, -1)), { minLength: 1, maxLength: 16 }),
  })
  .map(({ nodes, segments }) => {
    const unique = [...new Map(nodes.map(([x, y]) => [`${x},${y}`, [114 + x * 1e-5, 25 + y * 1e-5] as const])).values()];
    const n = unique.length;
    const segs = segments.map(([a, b, o]) => [a % n, b % n, o] as const).filter(([a, b]) => a !== b);
    return segs.length === 0 || n < 2 ? undefined : network(unique, segs);
  })
  .filter((net): net is RoadNetwork => net !== undefined);
