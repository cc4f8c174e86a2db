/**
 * A branching valley (river) network for a synthetic mountainous county: a random tree of meandering polylines
 * grown outward from the county seat. Main valleys leave the seat in spread-out directions; every valley sends
 * side valleys off at intervals; a valley stops at the county's edge or where it would come closer than the
 * valley spacing allows to another valley, so the tree fills the county like a drainage network.
 * @module
 */
import type { CountyOutline } from "./boundary.ts";
import type { SeededRandom } from "../random.ts";

/** One valley: a polyline in the local plane (metres) from its junction with its parent outward. */
export interface Valley {
  /** Stream order from the seat: 1 for a main valley, its parent's order + 1 for a side valley. */
  readonly order: number;
  /** Index of the parent valley in {@link ValleyNetwork.valleys}, or −1 for a main valley. */
  readonly parent: number;
  /** Index in the parent's vertices of the junction (the valley's first vertex), or −1 for a main valley. */
  readonly parentVertex: number;
  /** Vertex x coordinates (metres east of the centre); vertex 0 is the junction (or the county seat). */
  readonly xs: number[];
  /** Vertex y coordinates (metres north of the centre). */
  readonly ys: number[];
  /** Arc length (metres) from vertex 0 to each vertex. */
  readonly arcs: number[];
  /** Index of the first vertex of this valley in the network's global vertex numbering. */
  firstGlobal: number;
}

/** The valley tree; parents come before their side valleys. */
export interface ValleyNetwork {
  /** All valleys, main valleys first. */
  readonly valleys: Valley[];
  /** Spacing in metres the valleys keep from one another. */
  readonly spacing: number;
}

/** Fraction of the outline radius the valleys stay within. */
export const VALLEY_EXTENT = 0.93;

/** A valley's first vertices, near its junction, are left out of the spacing test between it and its parent. */
const YOUNG = 4;

interface GrowingValley extends Valley {
  heading: number;
  readonly baseHeading: number;
  stepsSinceBranch: number;
  active: boolean;
}

/** A uniform grid of vertex owners for the spacing test. */
class VertexGrid {
  private readonly cells = new Map<number, number[]>();
  constructor(private readonly cellSize: number) {}
  private key(ix: number, iy: number): number {
    return (ix + 1_048_576) * 2_097_152 + (iy + 1_048_576);
  }
  /** Adds vertex `index` of valley `owner` (whose parent is `ownerParent`). */
  add(x: number, y: number, owner: number, ownerParent: number, index: number): void {
    const key = this.key(Math.floor(x / this.cellSize), Math.floor(y / this.cellSize));
    const cell = this.cells.get(key);
    if (cell === undefined) this.cells.set(key, [x, y, owner, ownerParent, index]);
    else cell.push(x, y, owner, ownerParent, index);
  }
  /**
   * Whether a vertex of a valley other than `own` lies within `radius` (≤ cell size) of (x, y), leaving out
   * vertices within `junctionRadius` of the junction (jx, jy) and the first {@link YOUNG} vertices of `own`'s
   * side valleys (they leave from it).
   */
  crowded(x: number, y: number, radius: number, own: number, jx: number, jy: number, junctionRadius: number): boolean {
    const radius2 = radius * radius;
    const junction2 = junctionRadius * junctionRadius;
    const cx = Math.floor(x / this.cellSize);
    const cy = Math.floor(y / this.cellSize);
    for (let ix = cx - 1; ix <= cx + 1; ix++) {
      for (let iy = cy - 1; iy <= cy + 1; iy++) {
        const cell = this.cells.get(this.key(ix, iy));
        if (cell === undefined) continue;
        for (let k = 0; k < cell.length; k += 5) {
          const owner = cell[k + 2]!;
          if (owner === own || (cell[k + 3] === own && cell[k + 4]! <= YOUNG)) continue;
          const dx = cell[k]! - x;
          const dy = cell[k + 1]! - y;
          if (dx * dx + dy * dy >= radius2) continue;
          const ex = cell[k]! - jx;
          const ey = cell[k + 1]! - jy;
          if (ex * ex + ey * ey >= junction2) return true;
        }
      }
    }
    return false;
  }
}

function wrapAngle(angle: number): number {
  return Math.atan2(Math.sin(angle), Math.cos(angle));
}

/**
 * Grows the valley tree from the county seat.
 * @param random - the stream to draw from
 * @param outline - the county outline (valleys stay within {@link VALLEY_EXTENT} of it)
 * @param seat - the county seat (metres), inside the outline
 * @param spacing - the spacing valleys keep from one another (metres)
 * @param mainValleys - number of main valleys leaving the seat (2..6)
 */
export function growValleys(
  random: SeededRandom,
  outline: CountyOutline,
  seat: readonly [number, number],
  spacing: number,
  mainValleys: number,
): ValleyNetwork {
  const step = spacing / 4;
  const clearance = 0.55 * spacing;
  const grid = new VertexGrid(clearance);
  const valleys: GrowingValley[] = [];
  const start = random.uniform(0, 2 * Math.PI);
  for (let k = 0; k < mainValleys; k++) {
    const heading = start + (2 * Math.PI * k) / mainValleys + random.uniform(-0.3, 0.3);
    valleys.push({ order: 1, parent: -1, parentVertex: -1, xs: [seat[0]], ys: [seat[1]], arcs: [0], firstGlobal: 0, heading, baseHeading: heading, stepsSinceBranch: 0, active: true });
  }
  grid.add(seat[0], seat[1], -1, -1, 0);
  const vertexBudget = 40 + (8 * Math.PI * outline.meanRadius * outline.meanRadius) / (clearance * step);
  let vertices = 1;
  let anyActive = true;
  while (anyActive && vertices < vertexBudget) {
    anyActive = false;
    const count = valleys.length;
    for (let v = 0; v < count; v++) {
      const valley = valleys[v]!;
      if (!valley.active) continue;
      const last = valley.xs.length - 1;
      const x0 = valley.xs[last]!;
      const y0 = valley.ys[last]!;
      valley.heading += 0.22 * random.normal() + 0.25 * wrapAngle(valley.baseHeading - valley.heading);
      const junctionRadius = valley.xs.length <= YOUNG ? 2 * clearance : 0;
      let placed = false;
      for (const turn of [0, 0.5, -0.5, 1, -1]) {
        const heading = valley.heading + turn;
        const x = x0 + step * Math.cos(heading);
        const y = y0 + step * Math.sin(heading);
        if (!outline.contains(x, y, VALLEY_EXTENT)) continue;
        if (grid.crowded(x, y, clearance, v, valley.xs[0]!, valley.ys[0]!, junctionRadius)) continue;
        valley.heading = heading;
        valley.xs.push(x);
        valley.ys.push(y);
        valley.arcs.push(valley.arcs[last]! + step);
        grid.add(x, y, v, valley.parent, valley.xs.length - 1);
        vertices++;
        placed = true;
        break;
      }
      if (!placed) {
        valley.active = false;
        continue;
      }
      anyActive = true;
      valley.stepsSinceBranch++;
      if (valley.stepsSinceBranch >= 2 && random.next() < 0.45) {
        valley.stepsSinceBranch = 0;
        const heading = valley.heading + random.sign() * random.uniform(0.8, 1.4);
        const junction = valley.xs.length - 1;
        valleys.push({
          order: valley.order + 1,
          parent: v,
          parentVertex: junction,
          xs: [valley.xs[junction]!],
          ys: [valley.ys[junction]!],
          arcs: [0],
          firstGlobal: 0,
          heading,
          baseHeading: heading,
          stepsSinceBranch: 0,
          active: true,
        });
        anyActive = true;
      }
    }
  }
  let global = 0;
  for (const valley of valleys) {
    valley.firstGlobal = global;
    global += valley.xs.length;
  }
  return { valleys, spacing };
}
