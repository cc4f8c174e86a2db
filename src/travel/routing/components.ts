/**
 * Connected components of a road network for one travel mode, to name the points that no route can join.
 * @module
 */
import type { RoadNetwork } from "../network/roadNetwork.ts";
import type { SegmentMinutes } from "../network/travelMode.ts";

/**
 * Weakly connected components over the segments the mode may use in at least one direction, numbered by size:
 * component 0 has the most nodes. Nodes on no usable segment are components of their own.
 * @internal
 */
export function networkComponents(network: RoadNetwork, minutes: SegmentMinutes): { component: Int32Array; nodeCounts: Int32Array } {
  const n = network.nodeCount;
  const parent = new Int32Array(n);
  for (let u = 0; u < n; u++) parent[u] = u;
  const find = (u: number): number => {
    while (parent[u] !== u) {
      parent[u] = parent[parent[u]!]!;
      u = parent[u]!;
    }
    return u;
  };
  for (let s = 0; s < network.segmentCount; s++) {
    if (minutes.forward[s] === Infinity && minutes.backward[s] === Infinity) continue;
    const a = find(network.segmentFrom[s]!);
    const b = find(network.segmentTo[s]!);
    if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
  }
  const rootSize = new Int32Array(n);
  for (let u = 0; u < n; u++) rootSize[find(u)]!++;
  const roots: number[] = [];
  for (let u = 0; u < n; u++) if (parent[u] === u) roots.push(u);
  roots.sort((x, y) => rootSize[y]! - rootSize[x]! || x - y);
  const numberOfRoot = new Int32Array(n);
  const nodeCounts = new Int32Array(roots.length);
  roots.forEach((root, c) => {
    numberOfRoot[root] = c;
    nodeCounts[c] = rootSize[root]!;
  });
  const component = new Int32Array(n);
  for (let u = 0; u < n; u++) component[u] = numberOfRoot[find(u)]!;
  return { component, nodeCounts };
}
