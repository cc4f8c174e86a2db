/**
 * The outline of a synthetic county: a star-shaped polygon around the centre whose radius varies smoothly with
 * the bearing (a few random harmonics), scaled to the requested area.
 * @module
 */
import type { SeededRandom } from "../random.ts";

/** Number of vertices of the boundary ring (before closing it). */
const BOUNDARY_VERTICES = 256;
/** Number of harmonics shaping the outline. */
const HARMONICS = 6;

/** A county outline in the local plane (metres around the centre). */
export interface CountyOutline {
  /** The radius in metres at bearing `angle` (radians, counter-clockwise from east) of the analytic outline. */
  radiusAt(angle: number): number;
  /** Whether a point (metres) lies within `fraction` (0..1] of the outline's radius at its bearing. */
  contains(x: number, y: number, fraction: number): boolean;
  /** The mean radius in metres. */
  readonly meanRadius: number;
  /** The ring in metres, counter-clockwise, closed (first point repeated last). */
  readonly ring: ReadonlyArray<readonly [number, number]>;
}

/**
 * Draws a county outline of `areaKm2` km² (the ring's planar area).
 * @param random - the stream to draw from
 * @param areaKm2 - the area in km²
 */
export function countyOutline(random: SeededRandom, areaKm2: number): CountyOutline {
  const amplitudes: number[] = [];
  const phases: number[] = [];
  for (let k = 1; k <= HARMONICS; k++) {
    amplitudes.push(random.uniform(0.05, 0.3) / k);
    phases.push(random.uniform(0, 2 * Math.PI));
  }
  const shape = (angle: number): number => {
    let sum = 0;
    for (let k = 1; k <= HARMONICS; k++) sum += amplitudes[k - 1]! * Math.cos(k * angle + phases[k - 1]!);
    return Math.exp(sum);
  };
  // Shoelace area of the ring at unit scale; the scale then follows from area ∝ scale².
  const unit: Array<[number, number]> = [];
  for (let i = 0; i < BOUNDARY_VERTICES; i++) {
    const angle = (2 * Math.PI * i) / BOUNDARY_VERTICES;
    const r = shape(angle);
    unit.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  let unitArea = 0;
  for (let i = 0; i < BOUNDARY_VERTICES; i++) {
    const [x1, y1] = unit[i]!;
    const [x2, y2] = unit[(i + 1) % BOUNDARY_VERTICES]!;
    unitArea += (x1 * y2 - x2 * y1) / 2;
  }
  const scale = Math.sqrt((areaKm2 * 1e6) / unitArea);
  const ring = unit.map(([x, y]) => [x * scale, y * scale] as const);
  ring.push(ring[0]!);
  const radiusAt = (angle: number): number => scale * shape(angle);
  return {
    radiusAt,
    contains: (x, y, fraction) => Math.hypot(x, y) < fraction * radiusAt(Math.atan2(y, x)),
    meanRadius: scale,
    ring,
  };
}
