/**
 * OR-Library's capacitated p-median files (`pmedcap01.txt` … `pmedcap20.txt`, Osman & Christofides 1994).
 * @module
 */
import { denseCostMatrix } from "../../costMatrix.ts";
import { createProblem, type Problem } from "../../problem.ts";
import { NumberTokens } from "./tokens.ts";

/** An OR-Library capacitated p-median instance: every point a demand point and a candidate site. */
export interface ORLibraryCapacitatedPMedian {
  /**
   * n demand points (weight: the point's demand) and n sites (capacity: the instance's), ids `"1"` … `"n"`. The
   * cost of pair (i, j) is the floored distance divided by i's demand, so that the objective Σ w_i c_ij is the
   * sum of floored distances the instances are scored by (up to rounding in the last digits).
   */
  readonly problem: Problem;
  /** The number of medians to open. */
  readonly p: number;
  /** The optimum the file's first line gives (Osman & Christofides' instances, proven since). */
  readonly published: number;
  /** The file's instance number (its first line). */
  readonly instance: number;
}

/**
 * Reads an OR-Library capacitated p-median file (Osman, I. H. & Christofides, N. (1994), "Capacitated
 * clustering problems by hybrid simulated annealing and tabu search", International Transactions in Operational
 * Research 1(3):317–336). Format: `instance optimum`, then `n p capacity`, then `id x y demand` per point. Every
 * point is a demand point and a candidate site with the same capacity; each point is served by one median
 * (single source, as {@link solveCapacitatedPMedian} assigns); distances are Euclidean, **rounded down to integers**, and the
 * objective is their plain sum (not weighted by demand).
 * @param text - the file's text
 * @param source - the file's name for errors; default `"capacitated p-median file"`
 * @returns the problem (unitless costs per unit of demand), p, the published optimum and the instance number
 * @throws InputError naming the file, the line, the field and the value: a bad count, p > n, more than 10⁸ point
 *   pairs, a point id out of order, a negative coordinate (the instances have none), a negative or zero demand, a
 *   file that ends early or runs on
 * @example
 * ```ts
 * const { problem, p } = readORLibraryCapacitatedPMedian(await readFile("pmedcap01.txt", "utf8"), "pmedcap01.txt");
 * const solution = await solveCapacitatedPMedian(problem, { p }); // objective 713
 * ```
 */
export function readORLibraryCapacitatedPMedian(text: string, source = "capacitated p-median file"): ORLibraryCapacitatedPMedian {
  const tokens = new NumberTokens(text, source);
  const instance = tokens.number("instance number", "whole");
  const published = tokens.number("optimum", "nonNegative");
  const n = tokens.number("point count", "count");
  const p = tokens.number("p", "index", n);
  const capacity = tokens.number("capacity", "nonNegative");
  tokens.checkPairs(n, n, "point count");
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const demand = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = tokens.number(`id of point ${i + 1}`, "index", n);
    if (id !== i + 1) throw tokens.error(`id of point ${i + 1}`, id, `must be ${i + 1}: the points are listed in order`);
    x[i] = tokens.number(`x of point ${id}`, "nonNegative");
    y[i] = tokens.number(`y of point ${id}`, "nonNegative");
    demand[i] = tokens.number(`demand of point ${id}`, "nonNegative");
    if (demand[i] === 0) throw tokens.error(`demand of point ${id}`, 0, "must be > 0: a point's cost is its distance divided by its demand");
  }
  tokens.end(`its ${n} ${n === 1 ? "point" : "points"}`);
  const costs = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) costs[i * n + j] = Math.floor(Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!)) / demand[i]!;
  }
  const problem = createProblem({
    demand: Array.from(demand, (weight, i) => ({ id: String(i + 1), weight })),
    sites: Array.from({ length: n }, (_, j) => ({ id: String(j + 1), capacity })),
    costs: denseCostMatrix(costs, n, n, "unitless"),
  });
  return { problem, p, published, instance };
}
