/**
 * OR-Library's uncapacitated p-median files (`pmed1.txt` … `pmed40.txt`, Beasley 1990).
 * @module
 */
import FlatQueue from "flatqueue";
import { denseCostMatrix } from "../../costMatrix.ts";
import { createProblem, type Problem } from "../../problem.ts";
import { NumberTokens } from "./tokens.ts";

/** An OR-Library p-median instance: every node a demand point of weight 1 and a candidate site. */
export interface ORLibraryPMedian {
  /** n demand points and n sites with ids `"1"` … `"n"` (the file's node numbers); costs unitless. */
  readonly problem: Problem;
  /** The number of medians to open. */
  readonly p: number;
}

/**
 * Shortest-path costs between every pair of nodes of an undirected graph (Dijkstra 1959 from each node, with a
 * binary heap), row-major n × n; `Infinity` where no path joins two nodes.
 */
function allPairsShortestPaths(n: number, adjacency: readonly Map<number, number>[]): Float64Array {
  const starts = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) starts[v + 1] = starts[v]! + adjacency[v]!.size;
  const heads = new Int32Array(starts[n]!);
  const lengths = new Float64Array(starts[n]!);
  for (let v = 0; v < n; v++) {
    let k = starts[v]!;
    for (const [w, cost] of adjacency[v]!) {
      heads[k] = w;
      lengths[k++] = cost;
    }
  }
  const costs = new Float64Array(n * n).fill(Infinity);
  const queue = new FlatQueue<number>();
  for (let source = 0; source < n; source++) {
    const row = source * n;
    costs[row + source] = 0;
    queue.clear();
    queue.push(source, 0);
    while (queue.length > 0) {
      const distance = queue.peekValue()!;
      const v = queue.pop()!;
      if (distance > costs[row + v]!) continue; // a stale entry (lazy deletion)
      for (let k = starts[v]!; k < starts[v + 1]!; k++) {
        const w = heads[k]!;
        const through = distance + lengths[k]!;
        if (through < costs[row + w]!) {
          costs[row + w] = through;
          queue.push(w, through);
        }
      }
    }
  }
  return costs;
}

/**
 * Reads an OR-Library p-median file (Beasley 1990, "A note on solving large p-median problems", EJOR 21:270–273;
 * files `pmed1` … `pmed40`). Format: `n edges p`, then one line `i j cost` per undirected edge (nodes 1-based).
 * The cost between two nodes is the shortest path over these edges; every node is a demand point of weight 1 and
 * a candidate site. **An edge listed twice keeps its last cost**, as Beasley's own code does (taking the minimum
 * gives 5718 instead of the published 5819 on pmed1).
 * @param text - the file's text
 * @param source - the file's name for errors; default `"p-median file"`
 * @returns the problem (ids `"1"` … `"n"`, unitless costs, `Infinity` between nodes no path joins) and p
 * @throws InputError naming the file, the line, the field and the value: a count that is not a whole number ≥ 1,
 *   a node outside 1 … n, a negative or non-numeric cost (plain decimals only), p > n, more than 10⁸ node pairs, a
 *   file that ends early or runs on
 * @example
 * ```ts
 * const { problem, p } = readORLibraryPMedian(await readFile("pmed1.txt", "utf8"), "pmed1.txt");
 * const solution = await solvePMedian(problem, { p }); // objective 5819
 * ```
 */
export function readORLibraryPMedian(text: string, source = "p-median file"): ORLibraryPMedian {
  const tokens = new NumberTokens(text, source);
  const n = tokens.number("node count", "count");
  const edges = tokens.number("edge count", "whole");
  const p = tokens.number("p", "index", n);
  tokens.checkPairs(n, n, "node count");
  const adjacency = Array.from({ length: n }, () => new Map<number, number>());
  for (let e = 1; e <= edges; e++) {
    const i = tokens.number(`first node of edge ${e}`, "index", n) - 1;
    const j = tokens.number(`second node of edge ${e}`, "index", n) - 1;
    const cost = tokens.number(`cost of edge ${e}`, "nonNegative");
    if (i === j) continue; // a loop never shortens a path
    adjacency[i]!.set(j, cost); // the last listing wins
    adjacency[j]!.set(i, cost);
  }
  tokens.end(`its ${edges} ${edges === 1 ? "edge" : "edges"}`);
  const problem = createProblem({
    demand: Array.from({ length: n }, (_, i) => ({ id: String(i + 1), weight: 1 })),
    sites: Array.from({ length: n }, (_, j) => ({ id: String(j + 1) })),
    costs: denseCostMatrix(allPairsShortestPaths(n, adjacency), n, n, "unitless"),
  });
  return { problem, p };
}
