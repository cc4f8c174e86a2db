/** Large seeded problems for the size checks and the engine's scale tests. */
import { createProblem, denseCostMatrix, sparseCostMatrix, type Problem } from "../../src/index.ts";
import { seededRandom } from "../solvers/models.ts";

/**
 * A dense n × m problem with random whole costs 0–1000, one pair in ten not allowed, every fifth point of weight 0.
 * @param capacity - every site's capacity (default uncapacitated)
 */
export function denseProblem(n: number, m: number, seed: number, capacity?: number): Problem {
  const random = seededRandom(seed);
  const values = Float64Array.from({ length: n * m }, () => (random() < 0.1 ? Infinity : Math.round(random() * 1000)));
  return createProblem({
    demand: Array.from({ length: n }, (_, i) => ({ id: `d${i}`, weight: i % 5 === 0 ? 0 : 1 + (i % 7) })),
    sites: Array.from({ length: m }, (_, j) => ({ id: `s${j}`, ...(capacity === undefined ? {} : { capacity }) })),
    costs: denseCostMatrix(values, n, m, "metres"),
  });
}

/** 30,000 demand points × 3,000 sites, each point allowed a run of 100 consecutive sites, random costs 0–5000. */
export function bandedProblem(): Problem {
  const n = 30_000;
  const m = 3_000;
  const k = 100;
  const random = seededRandom(3);
  const starts = Int32Array.from({ length: n + 1 }, (_, i) => i * k);
  const sites = new Int32Array(n * k);
  for (let i = 0; i < n; i++) {
    const first = Math.floor(random() * (m - k));
    for (let t = 0; t < k; t++) sites[i * k + t] = first + t;
  }
  const values = Float64Array.from({ length: n * k }, () => Math.round(random() * 5000));
  return createProblem({
    demand: Array.from({ length: n }, (_, i) => ({ id: `d${i}`, weight: 1 })),
    sites: Array.from({ length: m }, (_, j) => ({ id: `s${j}` })),
    costs: sparseCostMatrix(starts, sites, values, m, "metres"),
  });
}
