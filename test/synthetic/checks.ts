import type { Position } from "geojson";
import { greatCircleMetres } from "../../src/travel/distance.ts";
import type { SyntheticCounty } from "../../src/synthetic/index.ts";

/** Whether [lon, lat] lies strictly inside a ring (even–odd ray casting in longitude/latitude). */
export function insideRing(point: Position, ring: readonly Position[]): boolean {
  const [x, y] = point as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const key = (p: Position): string => `${p[0]},${p[1]}`;

/** Number of connected components of the roads, joining lines only at exactly shared vertices (union-find). */
export function roadComponents(county: SyntheticCounty): number {
  const index = new Map<string, number>();
  const parent: number[] = [];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  const node = (p: Position): number => {
    let id = index.get(key(p));
    if (id === undefined) {
      id = parent.length;
      parent.push(id);
      index.set(key(p), id);
    }
    return id;
  };
  for (const road of county.roads.features) {
    const coordinates = road.geometry.coordinates;
    for (let k = 1; k < coordinates.length; k++) {
      const a = find(node(coordinates[k - 1]!));
      const b = find(node(coordinates[k]!));
      if (a !== b) parent[a] = b;
    }
  }
  const roots = new Set<number>();
  for (let a = 0; a < parent.length; a++) roots.add(find(a));
  return roots.size;
}

/** Metres from each settlement to the nearest road vertex (0 where it is one). */
export function settlementRoadDistances(county: SyntheticCounty): number[] {
  const vertices = new Set<string>();
  const all: Position[] = [];
  for (const road of county.roads.features) {
    for (const p of road.geometry.coordinates) {
      if (!vertices.has(key(p))) all.push(p);
      vertices.add(key(p));
    }
  }
  return county.settlements.features.map(({ geometry: { coordinates } }) => {
    if (vertices.has(key(coordinates))) return 0;
    let best = Infinity;
    for (const p of all) best = Math.min(best, greatCircleMetres(coordinates as [number, number], p as [number, number]));
    return best;
  });
}

/** Every coordinate of every feature of the county (points, line vertices). */
export function allPoints(county: SyntheticCounty): Position[] {
  return [
    ...county.settlements.features.map((f) => f.geometry.coordinates),
    ...county.schools.features.map((f) => f.geometry.coordinates),
    ...county.roads.features.flatMap((f) => f.geometry.coordinates),
  ];
}

/** Number of road segments (consecutive vertex pairs). */
export function segmentCount(county: SyntheticCounty): number {
  return county.roads.features.reduce((sum, road) => sum + road.geometry.coordinates.length - 1, 0);
}
