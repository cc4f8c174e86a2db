import { describe, expect, it } from "vitest";
import { checkSolution, createProblem, denseCostMatrix, readORLibraryPMedian, solvePMedian } from "../../src/index.ts";
import { benchmarkText, describeBenchmarks } from "../helpers/benchmarks.ts";
import { bandedProblem, denseProblem } from "./largeProblems.ts";
import { expectClose } from "./support.ts";

/** A 60-point instance on a grid with some structure, small enough for the textbook model to prove. */
function gridProblem(n = 60) {
  const values: number[] = [];
  const x = (i: number): number => (i * 37) % 101;
  const y = (i: number): number => (i * 53) % 89;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values.push(Math.round(Math.hypot(x(i) - x(j), y(i) - y(j))));
  return createProblem({
    demand: Array.from({ length: n }, (_, i) => ({ id: `d${i}`, weight: 1 + (i % 5) })),
    sites: Array.from({ length: n }, (_, j) => ({ id: `s${j}` })),
    costs: denseCostMatrix(values, n, n, "metres"),
  });
}

describe('solvePMedian with solver "benders"', () => {
  it("agrees with the textbook integer programme for every p on a 60-point instance", async () => {
    const problem = gridProblem();
    for (const p of [1, 2, 3, 5, 8, 13]) {
      const engine = await solvePMedian(problem, { p, solver: "benders" });
      const textbook = await solvePMedian(problem, { p, solver: "highs" });
      expect(engine.status).toBe("optimal");
      expect(engine.statistics.solver).toBe("benders");
      expectClose(engine.objective, textbook.objective, 1e-9);
      expect(checkSolution(problem, { model: "p-median", p }, engine).valid).toBe(true);
    }
  });

  it("keeps its bound at or below the optimum when stopped early, and says so", async () => {
    const problem = gridProblem();
    const optimum = (await solvePMedian(problem, { p: 5, solver: "highs" })).objective!;
    for (const timeLimitSeconds of [0.001, 0.05, 0.2]) {
      const solution = await solvePMedian(problem, { p: 5, solver: "benders", timeLimitSeconds });
      expect(solution.objective).toBeGreaterThanOrEqual(optimum - 1e-9);
      if (solution.bound !== null) expect(solution.bound).toBeLessThanOrEqual(optimum + 1e-9);
      if (solution.status !== "optimal") expect(["timeLimit", "feasible"]).toContain(solution.status);
    }
  });

  it("stops before solving for an aborted signal, returning the heuristic's sites with status aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const solution = await solvePMedian(gridProblem(), { p: 4, solver: "benders", signal: controller.signal });
    expect(solution.status).toBe("aborted");
    expect(solution.open).toHaveLength(4);
  });

  it("stops at mipRelativeGap with status feasible and a bound within it", async () => {
    const solution = await solvePMedian(gridProblem(), { p: 3, solver: "benders", mipRelativeGap: 0.5 });
    expect(["optimal", "feasible"]).toContain(solution.status);
    expect(solution.gap!).toBeLessThanOrEqual(0.5);
  });

  it("is what solver auto runs from 10,000 allowed pairs up", async () => {
    const solution = await solvePMedian(gridProblem(100), { p: 4 });
    expect(solution.statistics.solver).toBe("benders");
    expect(solution.status).toBe("optimal");
    const small = await solvePMedian(gridProblem(60), { p: 4 });
    expect(small.statistics.solver).not.toBe("benders");
  });
});

describeBenchmarks('solvePMedian with solver "benders" on OR-Library', () => {
  it.each([
    ["pmed1", 5819],
    ["pmed6", 7824],
    ["pmed11", 7696],
  ])("proves the published optimum of %s", async (name, published) => {
    const { problem, p } = readORLibraryPMedian(benchmarkText(`orlib/pmed/${name}.txt`), `${name}.txt`);
    const solution = await solvePMedian(problem, { p, solver: "benders", timeLimitSeconds: 120 });
    expect(solution.status).toBe("optimal");
    expect(solution.objective).toBe(published);
    expect(solution.bound).toBe(published);
    expect(checkSolution(problem, { model: "p-median", p }, solution).valid).toBe(true);
  });
});

describe("the p-median engine on problems the textbook model refuses", () => {
  it("a dense 600 × 600 problem: the best sites found, a bound below them, checked, within the time limit asked", async () => {
    const problem = denseProblem(600, 600, 4);
    const solution = await solvePMedian(problem, { p: 5, timeLimitSeconds: 5 });
    expect(solution.statistics.solver).toBe("benders");
    expect(["optimal", "timeLimit"]).toContain(solution.status);
    expect(solution.bound).not.toBeNull();
    expect(solution.bound!).toBeLessThanOrEqual(solution.objective!);
    expect(checkSolution(problem, { model: "p-median", p: 5 }, solution).valid).toBe(true);
  }, 60_000);

  it("an AbortSignal fired by a timer during the solve stops the engine and the heuristic: status aborted, sites kept", async () => {
    const problem = denseProblem(600, 600, 4);
    for (const solver of ["benders", "heuristic"] as const) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), solver === "benders" ? 1500 : 300);
      const solution = await solvePMedian(problem, { p: 5, solver, timeLimitSeconds: 60, signal: controller.signal });
      clearTimeout(timer);
      expect(solution.status).toBe("aborted");
      expect(solution.open).toHaveLength(5);
      expect(checkSolution(problem, { model: "p-median", p: 5 }, solution).valid).toBe(true);
    }
  }, 120_000);

  it("30,000 × 3,000 sparse: a master too large for HiGHS leaves the heuristic's sites, status aborted, saying why", async () => {
    const problem = bandedProblem();
    const solution = await solvePMedian(problem, { p: 50, timeLimitSeconds: 10 });
    expect(solution.status).toBe("aborted");
    expect(solution.open).toHaveLength(50);
    expect(solution.statistics.stoppedBy).toMatch(/the cut loop's model \(33000 columns, \d+ rows, \d+ nonzeros\) would need about \d+ MiB in HiGHS, over the 1\.5 GiB limit/);
    expect(checkSolution(problem, { model: "p-median", p: 50 }, solution).valid).toBe(true);
  }, 120_000);
});
