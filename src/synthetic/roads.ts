/**
 * The road network of a synthetic county: a road along every valley that has settlements (up to its last
 * settlement or side-valley junction), through every settlement junction as a vertex; an access road from each
 * village to its junction vertex; classes by role. Lines share vertices exactly where they meet (as OSM ways do),
 * and every road leads back to the county seat, so the network is one connected component.
 * @module
 */
import type { Feature, LineString } from "geojson";
import type { PlacedSettlement } from "./placement.ts";
import type { LocalPlane } from "./plane.ts";
import type { SeededRandom } from "../random.ts";
import type { RoadProperties } from "./types.ts";
import { roadArcs, roadPointAt, type RoadPoint } from "./valleyPath.ts";
import type { ValleyNetwork } from "./valleys.ts";

type Highway = RoadProperties["highway"];

/** Posted speed limits (km/h) by class; classes not listed have none posted. */
const MAX_SPEED: Partial<Record<Highway, string>> = { primary: "60", secondary: "50", tertiary: "40" };

/** Collects road features with sequential ids, dropping repeated vertices that rounding merged. */
class RoadWriter {
  readonly features: Array<Feature<LineString, RoadProperties>> = [];

  constructor(private readonly plane: LocalPlane) {}

  add(points: ReadonlyArray<readonly [number, number]>, highway: Highway): void {
    const coordinates: Array<[number, number]> = [];
    for (const [x, y] of points) {
      const position = this.plane.toLonLat(x, y);
      const last = coordinates[coordinates.length - 1];
      if (last === undefined || last[0] !== position[0] || last[1] !== position[1]) coordinates.push(position);
    }
    if (coordinates.length < 2) return;
    const id = `R${String(this.features.length + 1).padStart(6, "0")}`;
    const maxspeed = MAX_SPEED[highway];
    const properties: RoadProperties = maxspeed === undefined ? { id, highway, synthetic: true } : { id, highway, maxspeed, synthetic: true };
    this.features.push({ type: "Feature", id, properties, geometry: { type: "LineString", coordinates } });
  }
}

/** The vertices of an access road from `start` (on the valley road) to the settlement, bent sideways by `bend` metres. */
function accessPoints(start: RoadPoint, settlement: PlacedSettlement, pieces: number, bend: number): Array<readonly [number, number]> {
  const points: Array<readonly [number, number]> = [];
  for (let k = 0; k < pieces; k++) {
    const t = k / pieces;
    const across = settlement.offset * t;
    const along = bend * Math.sin(Math.PI * t);
    points.push([start.x + across * start.nx + along * start.ny, start.y + across * start.ny - along * start.nx]);
  }
  points.push([settlement.x, settlement.y]);
  return points;
}

/**
 * Builds the roads.
 * @param random - the stream to draw from (side-valley tracks)
 * @param network - the valley tree
 * @param wiggles - per valley and segment, the road's sideways amplitude (metres)
 * @param settlements - the placed settlements (county seat first, then township seats)
 * @param spacing - the largest spacing of road vertices (metres)
 * @param plane - the map to WGS-84
 * @param inside - whether a point (metres) lies inside the county; a track that would bend outside runs straight
 * @returns LineString features in a fixed order: valley roads by valley, then access roads by settlement
 */
export function buildRoads(
  random: SeededRandom,
  network: ValleyNetwork,
  wiggles: readonly number[][],
  settlements: readonly PlacedSettlement[],
  spacing: number,
  plane: LocalPlane,
  inside: (x: number, y: number) => boolean,
): Array<Feature<LineString, RoadProperties>> {
  const { valleys } = network;
  const count = valleys.length;
  const stops: number[][] = Array.from({ length: count }, () => []);
  const end = new Float64Array(count).fill(-1);
  const trunkEnd = new Float64Array(count).fill(-1);
  for (const settlement of settlements) {
    stops[settlement.valley]!.push(settlement.arc);
    end[settlement.valley] = Math.max(end[settlement.valley]!, settlement.arc);
    if (settlement.kind !== "village") trunkEnd[settlement.valley] = Math.max(trunkEnd[settlement.valley]!, settlement.arc);
  }
  // Side valleys come after their parents: walking backwards carries each road's need down to its parent.
  for (let v = count - 1; v >= 0; v--) {
    const valley = valleys[v]!;
    if (valley.parent < 0) continue;
    const junction = valleys[valley.parent]!.arcs[valley.parentVertex]!;
    if (end[v]! >= 0) end[valley.parent] = Math.max(end[valley.parent]!, junction);
    if (trunkEnd[v]! >= 0) trunkEnd[valley.parent] = Math.max(trunkEnd[valley.parent]!, junction);
  }
  const writer = new RoadWriter(plane);
  valleys.forEach((valley, v) => {
    if (end[v]! <= 0) return;
    const arcs = roadArcs(valley, end[v]!, stops[v]!, spacing);
    const classOf = (to: number): Highway => {
      const trunk = to <= trunkEnd[v]!;
      if (valley.order === 1) return trunk ? "primary" : "secondary";
      if (trunk) return "secondary";
      return valley.order === 2 ? "tertiary" : "unclassified";
    };
    let run: Array<readonly [number, number]> = [];
    let runClass: Highway | undefined;
    for (let k = 0; k < arcs.length; k++) {
      const point = roadPointAt(valley, wiggles[v]!, arcs[k]!);
      if (k > 0) {
        const highway = classOf(arcs[k]!);
        if (runClass !== undefined && highway !== runClass) {
          writer.add(run, runClass);
          run = [run[run.length - 1]!];
        }
        runClass = highway;
      }
      run.push([point.x, point.y]);
    }
    if (runClass !== undefined) writer.add(run, runClass);
  });
  for (const settlement of settlements) {
    if (settlement.offset === 0) continue;
    const start = roadPointAt(valleys[settlement.valley]!, wiggles[settlement.valley]!, settlement.arc);
    const length = Math.abs(settlement.offset);
    const pieces = Math.max(1, Math.ceil(length / spacing));
    // A track up a side valley bends (a half sine across it); an access road beside the valley runs straight.
    const bent = accessPoints(start, settlement, pieces, settlement.upSideValley ? random.uniform(-0.2, 0.2) * length : 0);
    const points = bent.every(([x, y]) => inside(x, y)) ? bent : accessPoints(start, settlement, pieces, 0);
    writer.add(points, settlement.upSideValley ? "track" : "unclassified");
  }
  return writer.features;
}
