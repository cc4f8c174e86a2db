/**
 * Where the settlements of a synthetic county lie: the county seat at the root of the valley tree, township seats
 * at well-spread valley vertices (junctions and main valleys preferred), villages in clusters along the valleys
 * (main valleys denser), most beside the valley road and some up short side valleys; and which township each
 * belongs to (the nearest township seat along the valleys).
 * @module
 */
import FlatQueue from "flatqueue";
import type { CountyOutline } from "./boundary.ts";
import type { SettlementKind } from "./population.ts";
import type { SeededRandom } from "../random.ts";
import { roadPointAt } from "./valleyPath.ts";
import type { ValleyNetwork } from "./valleys.ts";

/** A placed settlement in the local plane. */
export interface PlacedSettlement {
  /** Its kind. */
  readonly kind: SettlementKind;
  /** The valley whose road it joins. */
  readonly valley: number;
  /** Arc length (metres) along that valley of the junction with its road. */
  readonly arc: number;
  /** Sideways distance (metres, signed along the valley's normal) from the road to the settlement; 0 on the road. */
  readonly offset: number;
  /** Whether it lies up a side valley (reached by a track) rather than beside the valley road. */
  readonly upSideValley: boolean;
  /** The settlement position, x in metres. */
  readonly x: number;
  /** The settlement position, y in metres. */
  readonly y: number;
  /** Index of its township (0 = the county seat's own town). */
  township: number;
}

/** Weight per metre of valley for village clusters, by stream order (main valleys first). */
const ORDER_WEIGHTS = [3, 2, 1.3, 1];

/** Places the seat at valley 0's root and `townships − 1` township seats at spread-out valley vertices. */
function placeSeats(random: SeededRandom, network: ValleyNetwork, outline: CountyOutline, townships: number): Array<[number, number]> {
  const seats: Array<[number, number]> = [[0, 0]];
  const downstream = downstreamVertices(network);
  const cv: number[] = [];
  const ci: number[] = [];
  const cx: number[] = [];
  const cy: number[] = [];
  const cw: number[] = [];
  network.valleys.forEach((valley, v) => {
    for (let i = 1; i < valley.xs.length; i++) {
      const x = valley.xs[i]!;
      const y = valley.ys[i]!;
      let weight = valley.order === 1 ? 1 : valley.order === 2 ? 0.85 : 0.6;
      if (!outline.contains(x, y, 0.8)) weight *= 0.6;
      // Seats stand where valleys gather (many vertices beyond), not at valley heads.
      weight *= Math.min(1, 0.3 + downstream[v]![i]! / 20) * random.uniform(0.9, 1);
      cv.push(v);
      ci.push(i);
      cx.push(x);
      cy.push(y);
      cw.push(weight * weight);
    }
  });
  const count = cv.length;
  const root = network.valleys[0]!;
  // Squared distance from each candidate to the nearest seat chosen so far (weighted farthest-point sampling).
  const nearest = new Float64Array(count);
  const update = (sx: number, sy: number, first: boolean): void => {
    for (let c = 0; c < count; c++) {
      const d2 = (cx[c]! - sx) ** 2 + (cy[c]! - sy) ** 2;
      if (first || d2 < nearest[c]!) nearest[c] = d2;
    }
  };
  update(root.xs[0]!, root.ys[0]!, true);
  while (seats.length < townships) {
    let best = -1;
    let bestScore = 0;
    for (let c = 0; c < count; c++) {
      const score = nearest[c]! * cw[c]!;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (best < 0) break;
    seats.push([cv[best]!, network.valleys[cv[best]!]!.arcs[ci[best]!]!]);
    update(cx[best]!, cy[best]!, false);
  }
  // Too few valley vertices for the townships asked for (a tiny county): extra seats at random valley points.
  while (seats.length < townships) {
    const v = random.integer(0, network.valleys.length - 1);
    const valley = network.valleys[v]!;
    seats.push([v, random.uniform(0, valley.arcs[valley.arcs.length - 1]!)]);
  }
  return seats;
}

/** Per valley and vertex: the number of valley vertices beyond it (farther from the county seat). */
function downstreamVertices(network: ValleyNetwork): number[][] {
  const { valleys } = network;
  const beyond = valleys.map((valley) => valley.xs.map(() => 0));
  for (let v = valleys.length - 1; v >= 0; v--) {
    const valley = valleys[v]!;
    const counts = beyond[v]!;
    for (let i = valley.xs.length - 2; i >= 0; i--) counts[i] = counts[i]! + counts[i + 1]! + 1;
    if (valley.parent >= 0) {
      const parentCounts = beyond[valley.parent]!;
      parentCounts[valley.parentVertex] = parentCounts[valley.parentVertex]! + counts[0]!;
    }
  }
  return beyond;
}

/** Picks an index with chance proportional to `cumulative[k] − cumulative[k − 1]`. */
function pickWeighted(random: SeededRandom, cumulative: readonly number[]): number {
  const target = random.next() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Places one village near arc `arc` of valley `v`, keeping it inside the county. */
function placeVillage(random: SeededRandom, network: ValleyNetwork, wiggles: readonly number[][], outline: CountyOutline, v: number, arc: number): PlacedSettlement {
  const valley = network.valleys[v]!;
  const point = roadPointAt(valley, wiggles[v]!, arc);
  const upSideValley = random.next() < 0.15;
  let offset = random.sign() * (upSideValley ? random.uniform(400, Math.max(500, Math.min(1500, 0.4 * network.spacing))) : random.uniform(30, 250));
  for (let attempt = 0; attempt < 12 && !outline.contains(point.x + offset * point.nx, point.y + offset * point.ny, 0.97); attempt++) {
    offset = attempt % 2 === 0 ? -offset : offset / 2;
  }
  if (!outline.contains(point.x + offset * point.nx, point.y + offset * point.ny, 0.97)) offset = 0;
  return { kind: "village", valley: v, arc, offset, upSideValley: upSideValley && offset !== 0, x: point.x + offset * point.nx, y: point.y + offset * point.ny, township: 0 };
}

/** The township of every valley vertex: the nearest seat along the valley tree (multi-source Dijkstra). */
function townshipOfVertices(network: ValleyNetwork, seats: ReadonlyArray<readonly [number, number]>): Int32Array {
  const { valleys } = network;
  const total = valleys.reduce((sum, valley) => sum + valley.xs.length, 0);
  const globalOf = (v: number, i: number): number => {
    const valley = valleys[v]!;
    if (i > 0) return valley.firstGlobal + i;
    return valley.parent < 0 ? 0 : globalOf(valley.parent, valley.parentVertex);
  };
  const adjacency: number[][] = Array.from({ length: total }, () => []);
  valleys.forEach((valley, v) => {
    for (let i = 0; i + 1 < valley.xs.length; i++) {
      const a = globalOf(v, i);
      const b = globalOf(v, i + 1);
      const w = valley.arcs[i + 1]! - valley.arcs[i]!;
      adjacency[a]!.push(b, w);
      adjacency[b]!.push(a, w);
    }
  });
  const distance = new Float64Array(total).fill(Infinity);
  const label = new Int32Array(total).fill(-1);
  const queue = new FlatQueue<number>();
  seats.forEach(([v, arc], t) => {
    const valley = valleys[v]!;
    const g = globalOf(v, nearestVertexSorted(valley.arcs, arc));
    if (distance[g] === 0) return;
    distance[g] = 0;
    label[g] = t;
    queue.push(g, 0);
  });
  while (queue.length > 0) {
    const d = queue.peekValue()!;
    const g = queue.pop()!;
    if (d > distance[g]!) continue;
    const edges = adjacency[g]!;
    for (let k = 0; k < edges.length; k += 2) {
      const h = edges[k]!;
      const nd = d + edges[k + 1]!;
      if (nd < distance[h]!) {
        distance[h] = nd;
        label[h] = label[g]!;
        queue.push(h, nd);
      }
    }
  }
  const vertexTownship = new Int32Array(total);
  valleys.forEach((valley, v) => {
    for (let i = 0; i < valley.xs.length; i++) vertexTownship[valley.firstGlobal + i] = Math.max(0, label[globalOf(v, i)]!);
  });
  return vertexTownship;
}

/**
 * Places the county seat, `townships − 1` township seats and `settlements − townships` villages.
 * @param random - the stream to draw from
 * @param network - the valley tree (valley 0 starts at the county seat)
 * @param wiggles - per valley and segment, the road's sideways amplitude (metres)
 * @param outline - the county outline
 * @param settlements - total number of settlements (≥ townships)
 * @param townships - number of townships (≥ 1)
 * @returns the settlements: county seat first, then township seats in township order, then villages sorted by
 *   township, valley and arc
 */
export function placeSettlements(
  random: SeededRandom,
  network: ValleyNetwork,
  wiggles: readonly number[][],
  outline: CountyOutline,
  settlements: number,
  townships: number,
): PlacedSettlement[] {
  const { valleys } = network;
  const seats = placeSeats(random, network, outline, townships);
  const placed: PlacedSettlement[] = seats.map(([v, arc], t) => {
    const point = roadPointAt(valleys[v]!, wiggles[v]!, arc);
    return { kind: t === 0 ? "county seat" : "township seat", valley: v, arc, offset: 0, upSideValley: false, x: point.x, y: point.y, township: t };
  });
  const cumulative: number[] = [];
  const segments: Array<[number, number]> = [];
  let sum = 0;
  valleys.forEach((valley, v) => {
    const weight = ORDER_WEIGHTS[Math.min(valley.order, ORDER_WEIGHTS.length) - 1]!;
    for (let i = 0; i + 1 < valley.xs.length; i++) {
      sum += (valley.arcs[i + 1]! - valley.arcs[i]!) * weight;
      cumulative.push(sum);
      segments.push([v, i]);
    }
  });
  const villages = settlements - townships;
  const clusters: Array<[number, number]> = [];
  if (segments.length > 0) {
    for (let c = 0; c < Math.max(1, Math.round(villages / 3)); c++) {
      const [v, i] = segments[pickWeighted(random, cumulative)]!;
      const arcs = valleys[v]!.arcs;
      clusters.push([v, random.uniform(arcs[i]!, arcs[i + 1]!)]);
    }
  }
  const villageList: PlacedSettlement[] = [];
  for (let k = 0; k < villages; k++) {
    const [v, centre] = clusters.length > 0 ? clusters[random.integer(0, clusters.length - 1)]! : [0, 0];
    const length = valleys[v]!.arcs[valleys[v]!.arcs.length - 1]!;
    const arc = Math.min(length, Math.max(0, centre + 0.3 * network.spacing * random.normal()));
    villageList.push(placeVillage(random, network, wiggles, outline, v, arc));
  }
  const vertexTownship = townshipOfVertices(network, seats);
  for (const village of villageList) {
    const valley = valleys[village.valley]!;
    village.township = vertexTownship[valley.firstGlobal + nearestVertexSorted(valley.arcs, village.arc)]!;
  }
  villageList.sort((a, b) => a.township - b.township || a.valley - b.valley || a.arc - b.arc || a.offset - b.offset);
  return [...placed, ...villageList];
}

/** The index of the vertex nearest arc `arc` in sorted `arcs`. */
function nearestVertexSorted(arcs: readonly number[], arc: number): number {
  let low = 0;
  let high = arcs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (arcs[middle]! <= arc) low = middle;
    else high = middle - 1;
  }
  return low + 1 < arcs.length && arcs[low + 1]! - arc < arc - arcs[low]! ? low + 1 : low;
}
