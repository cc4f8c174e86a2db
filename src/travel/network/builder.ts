/**
 * Collects nodes and segments while a reader walks its input, then builds the {@link RoadNetwork}.
 * @module
 */
import Flatbush from "flatbush";
import { createRoadNetwork, type RoadNetwork } from "./roadNetwork.ts";

/** The attributes every segment of one road (feature or way) shares. */
export interface RoadAttributes {
  /** Road class name, e.g. `"primary"`. */
  readonly roadClass: string;
  /** 0 both ways, 1 forward, −1 backward. */
  readonly oneway: number;
  /** Posted limit in km/h, or NaN. */
  readonly maxSpeed: number;
  /** Index of the feature or way. */
  readonly source: number;
}

/**
 * Builds a road network from nodes (each added once per key) and segments between them.
 * @internal
 */
export class RoadNetworkBuilder {
  private readonly nodes = new Map<string | number, number>();
  private readonly coordinates: number[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly attributes: RoadAttributes[] = [];

  /**
   * The node for `key`, created at (lon, lat) on first use. GeoJSON keys nodes by their coordinates, OSM by
   * node id.
   */
  node(key: string | number, lon: number, lat: number): number {
    let node = this.nodes.get(key);
    if (node === undefined) {
      node = this.coordinates.length / 2;
      this.nodes.set(key, node);
      this.coordinates.push(lon, lat);
    }
    return node;
  }

  /** Adds a segment; a segment from a node to itself (a repeated vertex) is dropped. */
  segment(a: number, b: number, attributes: RoadAttributes): void {
    if (a === b) return;
    this.from.push(a);
    this.to.push(b);
    this.attributes.push(attributes);
  }

  /**
   * The checked network. With `nodeCrossings`, segments that cross (or touch another's interior) without a
   * shared vertex are first split at the crossing, which becomes a node.
   */
  build(nodeCrossings: boolean): RoadNetwork {
    if (nodeCrossings) this.splitCrossings();
    const classes = new Map<string, number>();
    const segmentClass = this.attributes.map((a) => {
      let k = classes.get(a.roadClass);
      if (k === undefined) classes.set(a.roadClass, (k = classes.size));
      return k;
    });
    return createRoadNetwork({
      nodeCoordinates: this.coordinates,
      segmentFrom: this.from,
      segmentTo: this.to,
      segmentClass,
      segmentOneway: this.attributes.map((a) => a.oneway),
      segmentMaxSpeed: this.attributes.map((a) => a.maxSpeed),
      segmentSource: this.attributes.map((a) => a.source),
      roadClasses: [...classes.keys()],
    });
  }

  /** Splits segments at their crossings, finding candidate pairs with a Flatbush index of segment boxes. */
  private splitCrossings(): void {
    const count = this.from.length;
    if (count < 2) return;
    const xy = this.coordinates;
    const index = new Flatbush(count);
    for (let s = 0; s < count; s++) {
      const a = this.from[s]!;
      const b = this.to[s]!;
      index.add(Math.min(xy[2 * a]!, xy[2 * b]!), Math.min(xy[2 * a + 1]!, xy[2 * b + 1]!), Math.max(xy[2 * a]!, xy[2 * b]!), Math.max(xy[2 * a + 1]!, xy[2 * b + 1]!));
    }
    index.finish();
    const cuts = new Map<number, { t: number; node: number }[]>();
    const cut = (s: number, t: number, node: number): void => {
      let list = cuts.get(s);
      if (list === undefined) cuts.set(s, (list = []));
      list.push({ t, node });
    };
    for (let i = 0; i < count; i++) {
      const a = this.from[i]!;
      const b = this.to[i]!;
      for (const j of index.search(Math.min(xy[2 * a]!, xy[2 * b]!), Math.min(xy[2 * a + 1]!, xy[2 * b + 1]!), Math.max(xy[2 * a]!, xy[2 * b]!), Math.max(xy[2 * a + 1]!, xy[2 * b + 1]!))) {
        if (j <= i) continue;
        const crossing = this.crossing(i, j);
        if (crossing === undefined) continue;
        if (crossing.t > 0 && crossing.t < 1) cut(i, crossing.t, crossing.node);
        if (crossing.u > 0 && crossing.u < 1) cut(j, crossing.u, crossing.node);
      }
    }
    for (const [s, list] of cuts) {
      list.sort((p, q) => p.t - q.t);
      const end = this.to[s]!;
      let start = this.from[s]!;
      this.to[s] = list[0]!.node;
      start = list[0]!.node;
      for (let k = 1; k <= list.length; k++) {
        const next = k < list.length ? list[k]!.node : end;
        this.segment(start, next, this.attributes[s]!);
        start = next;
      }
    }
  }

  /**
   * Where segments i and j cross: parameters t along i and u along j (0 and 1 at the ends), and the node
   * there. Undefined when they are parallel, do not meet, or meet only at a shared or coincident end.
   */
  private crossing(i: number, j: number): { t: number; u: number; node: number } | undefined {
    const xy = this.coordinates;
    const [a, b, c, d] = [this.from[i]!, this.to[i]!, this.from[j]!, this.to[j]!];
    if (a === c || a === d || b === c || b === d) return undefined;
    const px = xy[2 * a]!, py = xy[2 * a + 1]!;
    const rx = xy[2 * b]! - px, ry = xy[2 * b + 1]! - py;
    const qx = xy[2 * c]!, qy = xy[2 * c + 1]!;
    const sx = xy[2 * d]! - qx, sy = xy[2 * d + 1]! - qy;
    const denominator = rx * sy - ry * sx;
    if (denominator === 0) return undefined;
    const t = ((qx - px) * sy - (qy - py) * sx) / denominator;
    const u = ((qx - px) * ry - (qy - py) * rx) / denominator;
    if (t < 0 || t > 1 || u < 0 || u > 1) return undefined;
    const tEnd = t === 0 || t === 1;
    const uEnd = u === 0 || u === 1;
    if (tEnd && uEnd) return undefined;
    let node: number;
    if (tEnd) node = t === 0 ? a : b;
    else if (uEnd) node = u === 0 ? c : d;
    else {
      const x = px + t * rx;
      const y = py + t * ry;
      node = this.node(`${x},${y}`, x, y);
    }
    return { t, u, node };
  }
}
