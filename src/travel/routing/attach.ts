/**
 * How snapped points join the routing graph: each point enters (or leaves) the graph at both ends of its segment
 * with the partial segment time in the allowed direction plus its off-network leg at walking speed.
 * @module
 */
import type { RoadNetwork } from "../network/roadNetwork.ts";
import type { SegmentMinutes } from "../network/travelMode.ts";
import type { Snapping } from "./snapping.ts";

/**
 * For each point (index k), two ways between the point and the graph: via node `nodeA[k]` (the segment's
 * `segmentTo`) and via node `nodeB[k]` (its `segmentFrom`), with minutes (`Infinity` when that way is not
 * allowed, or the point is not snapped) and metres, the off-network leg included.
 * @internal
 */
export interface Attachment {
  readonly nodeA: Int32Array;
  readonly minutesA: Float64Array;
  readonly metresA: Float64Array;
  readonly nodeB: Int32Array;
  readonly minutesB: Float64Array;
  readonly metresB: Float64Array;
}

/**
 * `minutes × share`: 0 when the share is 0 (the point is at that end, whatever the direction), `Infinity` when the
 * direction is not allowed (never NaN from Infinity × 0).
 */
function part(minutes: number, share: number): number {
  if (share === 0) return 0;
  return minutes === Infinity ? Infinity : minutes * share;
}

/**
 * Joins snapped points to the graph. `"leave"`: from the point into the graph (demand points travelling out);
 * `"arrive"`: from the graph to the point (sites being reached).
 * @internal
 */
export function attachPoints(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  snapping: Snapping,
  walkMinutesPerMetre: number,
  role: "leave" | "arrive",
): Attachment {
  const n = snapping.count;
  const nodeA = new Int32Array(n).fill(-1);
  const nodeB = new Int32Array(n).fill(-1);
  const minutesA = new Float64Array(n).fill(Infinity);
  const minutesB = new Float64Array(n).fill(Infinity);
  const metresA = new Float64Array(n);
  const metresB = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const s = snapping.segment[k]!;
    if (s < 0) continue;
    const f = snapping.fraction[k]!;
    const leg = snapping.legMetres[k]!;
    const legMinutes = leg * walkMinutesPerMetre;
    const length = network.segmentLength[s]!;
    nodeA[k] = network.segmentTo[s]!;
    nodeB[k] = network.segmentFrom[s]!;
    // Between the point and segmentTo: leaving moves forward over (1 − f); arriving moves backward over (1 − f).
    minutesA[k] = legMinutes + part(role === "leave" ? minutes.forward[s]! : minutes.backward[s]!, 1 - f);
    // Between the point and segmentFrom: leaving moves backward over f; arriving moves forward over f.
    minutesB[k] = legMinutes + part(role === "leave" ? minutes.backward[s]! : minutes.forward[s]!, f);
    metresA[k] = leg + length * (1 - f);
    metresB[k] = leg + length * f;
  }
  return { nodeA, minutesA, metresA, nodeB, minutesB, metresB };
}

/**
 * Minutes straight along one segment from fraction `from` to fraction `to` (no legs), `Infinity` when that
 * direction is not allowed.
 * @internal
 */
export function alongSegmentMinutes(minutes: SegmentMinutes, segment: number, from: number, to: number): number {
  return to >= from ? part(minutes.forward[segment]!, to - from) : part(minutes.backward[segment]!, from - to);
}

/**
 * Groups points by segment (CSR): the points on segment s are `points[starts[s]] .. points[starts[s + 1] − 1]`,
 * ascending. Unsnapped points are left out.
 * @internal
 */
export function pointsBySegment(segmentCount: number, snapping: Snapping): { starts: Int32Array; points: Int32Array } {
  const starts = new Int32Array(segmentCount + 1);
  for (let k = 0; k < snapping.count; k++) {
    const s = snapping.segment[k]!;
    if (s >= 0) starts[s + 1]!++;
  }
  for (let s = 0; s < segmentCount; s++) starts[s + 1]! += starts[s]!;
  const points = new Int32Array(starts[segmentCount]!);
  const next = starts.slice(0, segmentCount);
  for (let k = 0; k < snapping.count; k++) {
    const s = snapping.segment[k]!;
    if (s >= 0) points[next[s]!++] = k;
  }
  return { starts, points };
}
