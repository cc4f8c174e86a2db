/**
 * The shortest-path kernel: Dijkstra's algorithm (Dijkstra 1959, "A note on two problems in connexion with
 * graphs", Numerische Mathematik 1:269–271) with a binary heap (`flatqueue`, lazy deletion), several sources with
 * start times, and a cutoff. Typed arrays only; buffers are allocated once per search object and reset in time
 * proportional to the nodes the last run touched, so thousands of runs cost no garbage.
 * @module
 */
import FlatQueue from "flatqueue";
import type { ArcSet } from "./graph.ts";

/**
 * A reusable single- or multi-source search over one node set. After {@link ShortestPathSearch.run},
 * `minutes[u]` is the least time from any source to node u (`Infinity` when not reached within the cutoff),
 * `metres[u]` the length of that fastest path, and `label[u]` the label of the source it came from.
 * @internal
 */
export class ShortestPathSearch {
  /** Length nodeCount: least minutes of the last run, `Infinity` where not reached. */
  readonly minutes: Float64Array;
  /** Length nodeCount: metres along the fastest path of the last run (valid where `minutes` is finite). */
  readonly metres: Float64Array;
  /** Length nodeCount: the label of the source each reached node's fastest path starts at. */
  readonly label: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly heap: FlatQueue<number>;

  /**
   * @param nodeCount - number of nodes
   */
  constructor(nodeCount: number) {
    this.minutes = new Float64Array(nodeCount).fill(Infinity);
    this.metres = new Float64Array(nodeCount);
    this.label = new Int32Array(nodeCount).fill(-1);
    this.touched = new Int32Array(nodeCount);
    // A plain-array queue, as flatbush (snapping) uses internally: with one element kind for every FlatQueue in the
    // process its methods stay monomorphic; mixing in a typed-array queue made the searches about three times slower.
    this.heap = new FlatQueue<number>();
  }

  /** Offers node u the time `minutes` and distance `metres` from source `label`. */
  private offer(u: number, minutes: number, metres: number, label: number): void {
    const current = this.minutes[u]!;
    if (minutes >= current) return;
    if (current === Infinity) this.touched[this.touchedCount++] = u;
    this.minutes[u] = minutes;
    this.metres[u] = metres;
    this.label[u] = label;
    this.heap.push(u, minutes);
  }

  /**
   * Runs the search.
   * @param arcs - the arcs to follow
   * @param sourceCount - number of sources in the arrays below
   * @param sourceNodes - node of each source
   * @param sourceMinutes - start time of each source (a source later than the cutoff is ignored)
   * @param sourceMetres - start distance of each source
   * @param sourceLabels - label of each source, copied into `label`
   * @param cutoff - nodes later than this are not reached (inclusive: a node at exactly the cutoff is reached)
   */
  run(
    arcs: ArcSet,
    sourceCount: number,
    sourceNodes: ArrayLike<number>,
    sourceMinutes: ArrayLike<number>,
    sourceMetres: ArrayLike<number>,
    sourceLabels: ArrayLike<number>,
    cutoff: number,
  ): void {
    const { minutes, metres, touched, heap } = this;
    for (let k = 0; k < this.touchedCount; k++) minutes[touched[k]!] = Infinity;
    this.touchedCount = 0;
    heap.clear();
    for (let k = 0; k < sourceCount; k++) {
      const t = sourceMinutes[k]!;
      if (t <= cutoff) this.offer(sourceNodes[k]!, t, sourceMetres[k]!, sourceLabels[k]!);
    }
    const { offsets, heads, minutes: arcMinutes, metres: arcMetres } = arcs;
    const label = this.label;
    while (heap.length > 0) {
      const d = heap.peekValue()!;
      const u = heap.pop()!;
      if (d > minutes[u]!) continue;
      const du = metres[u]!;
      const lu = label[u]!;
      const end = offsets[u + 1]!;
      for (let k = offsets[u]!; k < end; k++) {
        const t = d + arcMinutes[k]!;
        if (t > cutoff) continue;
        const v = heads[k]!;
        const current = minutes[v]!;
        if (t >= current) continue;
        if (current === Infinity) touched[this.touchedCount++] = v;
        minutes[v] = t;
        metres[v] = du + arcMetres[k]!;
        label[v] = lu;
        heap.push(v, t);
      }
    }
  }
}
