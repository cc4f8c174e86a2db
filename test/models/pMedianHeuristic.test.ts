import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createProblem, denseCostMatrix, readORLibraryPMedian, solvePMedian, type PMedianModelSpec } from "../../src/index.ts";
import { tinyCase } from "../helpers/arbitraries.ts";
import { bruteForce } from "../helpers/bruteForce.ts";
import { benchmarkText, describeBenchmarks } from "../helpers/benchmarks.ts";
import { expectClose, expectValid, specFor } from "./support.ts";

describe('solvePMedian with solver "heuristic"', () => {
  it("finds the brute-force optimum of tiny problems, passes checkSolution, and never claims optimality", async () => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), async (tiny) => {
        const spec = specFor("p-median", tiny) as PMedianModelSpec;
        const solution = await solvePMedian(tiny.problem, { ...spec, solver: "heuristic" });
        const expected = await bruteForce(tiny.problem, spec);
        expectValid(tiny.problem, spec, solution);
        if (expected === null) {
          expect(solution.status).toBe("infeasible"); // the integer programme decided
          return;
        }
        if (solution.statistics.solver === "heuristic") {
          expect(solution.status).toBe("feasible");
          expect(solution.bound).toBeNull();
          expect(solution.gap).toBeNull();
        }
        expectClose(solution.objective, expected, 1e-9);
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it("gives the same answer for the same seed and keeps required sites open", async () => {
    const n = 30;
    const values: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values.push(Math.abs(((i * 7) % n) - ((j * 11) % n)) + ((i + j) % 3));
    const problem = createProblem({
      demand: Array.from({ length: n }, (_, i) => ({ id: `d${i}`, weight: 1 + (i % 4) })),
      sites: Array.from({ length: n }, (_, j) => ({ id: `s${j}`, required: j === 3 })),
      costs: denseCostMatrix(values, n, n, "metres"),
    });
    const first = await solvePMedian(problem, { p: 4, solver: "heuristic", seed: 9, forbidden: ["s5"] });
    const second = await solvePMedian(problem, { p: 4, solver: "heuristic", seed: 9, forbidden: ["s5"] });
    expect(second.open).toEqual(first.open);
    expect(first.open).toContain(3);
    expect(first.open).not.toContain(5);
    const exact = await solvePMedian(problem, { p: 4, forbidden: ["s5"] });
    expect(first.objective).toBeGreaterThanOrEqual(exact.objective!);
  });

  it("stops at once for an aborted signal, returning its start", async () => {
    const problem = createProblem({
      demand: [{ weight: 1 }, { weight: 2 }, { weight: 3 }],
      sites: [{}, {}, {}],
      costs: denseCostMatrix([0, 5, 9, 5, 0, 4, 9, 4, 0], 3, 3, "metres"),
    });
    const controller = new AbortController();
    controller.abort();
    const solution = await solvePMedian(problem, { p: 1, solver: "heuristic", signal: controller.signal });
    expect(solution.status).toBe("aborted");
    expect(solution.open).toHaveLength(1);
  });

  it("refuses a seed that is not whole or given to an exact backend, and bad backend options on every path", async () => {
    const problem = createProblem({ demand: [{ weight: 1 }], sites: [{}], costs: denseCostMatrix([1], 1, 1, "metres") });
    await expect(solvePMedian(problem, { p: 1, solver: "heuristic", seed: 1.5 })).rejects.toThrow(/"seed": must be a whole number, got 1.5/);
    await expect(solvePMedian(problem, { p: 1, solver: "highs", seed: 2 })).rejects.toThrow(/"seed": is read only with solver "heuristic"/);
    await expect(solvePMedian(problem, { p: 1, solver: "foo" as "highs" })).rejects.toThrow(/"solver": must be one of auto, highs, javascript-lp-solver, benders, heuristic, got "foo"/);
    for (const solver of ["heuristic", "benders"] as const) {
      await expect(solvePMedian(problem, { p: 1, solver, timeLimitSeconds: -1 })).rejects.toThrow(/"timeLimitSeconds": must be a number > 0, got -1/);
      await expect(solvePMedian(problem, { p: 1, solver, mipRelativeGap: 2 })).rejects.toThrow(/"mipRelativeGap": must be a number in \[0, 1\), got 2/);
      await expect(solvePMedian(problem, { p: 1, solver, signal: {} as AbortSignal })).rejects.toThrow(/"signal": must be an AbortSignal/);
      await expect(solvePMedian(problem, { p: 1, solver, initialSolution: null as never })).rejects.toThrow(/"initialSolution": must be \{ open: site indices \}/);
    }
  });

});

describeBenchmarks('solvePMedian with solver "heuristic" on OR-Library', () => {
  it("reaches the published optimum of pmed2 (n 100, p 10), reported as feasible", async () => {
    const { problem, p } = readORLibraryPMedian(benchmarkText("orlib/pmed/pmed2.txt"), "pmed2.txt");
    // Patience ends the search (0.1–0.2 s here); the long time limit keeps a loaded machine from cutting it short.
    const solution = await solvePMedian(problem, { p, solver: "heuristic", timeLimitSeconds: 20 });
    expect(solution.objective).toBe(4093);
    expect(solution.status).toBe("feasible");
  });
});
