/**
 * Points along a valley and along the road that follows it. The road keeps to the valley's vertices and bends
 * between them (a half sine of a per-segment amplitude, like a road hugging the valley side), so a point at a
 * valley vertex is the vertex itself, bit for bit: side valleys and their roads meet their parent there.
 * @module
 */
import type { Valley } from "./valleys.ts";

/** A point on a valley road, with the unit normal of the valley there (pointing left of the valley's direction). */
export interface RoadPoint {
  /** x in metres. */
  readonly x: number;
  /** y in metres. */
  readonly y: number;
  /** Unit normal, x component. */
  readonly nx: number;
  /** Unit normal, y component. */
  readonly ny: number;
}

/** The index of the segment of `valley` holding arc `arc` (0 ≤ index < vertices − 1), by binary search. */
function segmentAt(valley: Valley, arc: number): number {
  let low = 0;
  let high = valley.arcs.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (valley.arcs[middle]! <= arc) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The point of the road along `valley` at arc length `arc` (metres from the valley's junction, clamped to the
 * valley's length).
 * @param valley - the valley (at least one vertex)
 * @param wiggles - per segment of the valley, the road's sideways amplitude in metres
 * @param arc - arc length along the valley in metres
 */
export function roadPointAt(valley: Valley, wiggles: readonly number[], arc: number): RoadPoint {
  const last = valley.xs.length - 1;
  if (last === 0) return { x: valley.xs[0]!, y: valley.ys[0]!, nx: 0, ny: 1 };
  const i = segmentAt(valley, Math.min(Math.max(arc, 0), valley.arcs[last]!));
  const x0 = valley.xs[i]!;
  const y0 = valley.ys[i]!;
  const dx = valley.xs[i + 1]! - x0;
  const dy = valley.ys[i + 1]! - y0;
  const length = Math.hypot(dx, dy);
  const nx = -dy / length;
  const ny = dx / length;
  const t = (Math.min(Math.max(arc, 0), valley.arcs[last]!) - valley.arcs[i]!) / (valley.arcs[i + 1]! - valley.arcs[i]!);
  if (t <= 0) return { x: x0, y: y0, nx, ny };
  if (t >= 1) return { x: valley.xs[i + 1]!, y: valley.ys[i + 1]!, nx, ny };
  const side = wiggles[i]! * Math.sin(Math.PI * t);
  return { x: x0 + t * dx + side * nx, y: y0 + t * dy + side * ny, nx, ny };
}

/**
 * Arc lengths at which a road along `valley` from 0 to `end` has a vertex: every valley vertex, every arc in
 * `stops` (settlement junctions), and enough points between so that consecutive ones are at most `spacing`
 * metres apart along the valley. Sorted, without repeats.
 */
export function roadArcs(valley: Valley, end: number, stops: readonly number[], spacing: number): number[] {
  const anchors = [...valley.arcs.filter((arc) => arc <= end), ...stops.filter((arc) => arc <= end), end].sort((a, b) => a - b);
  const arcs: number[] = [];
  for (const arc of anchors) {
    const previous = arcs.length === 0 ? undefined : arcs[arcs.length - 1]!;
    if (previous === arc) continue;
    if (previous !== undefined) {
      const pieces = Math.ceil((arc - previous) / spacing);
      for (let k = 1; k < pieces; k++) arcs.push(previous + ((arc - previous) * k) / pieces);
    }
    arcs.push(arc);
  }
  return arcs;
}
