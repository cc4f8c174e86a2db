/**
 * Assignment models (p-median, capacitated p-median, fixed charge) too large for HiGHS are refused before they
 * are built: the sizes are counted from the cost matrix, and nothing of the model is allocated.
 */
import { describe, expect, it } from "vitest";
import {
  createProblem,
  denseCostMatrix,
  solveCapacitatedPMedian,
  solveMaxCoverage,
  solvePMedian,
  solveSetCover,
  SolverError,
} from "../../src/index.ts";
import { assignmentModelSize, buildAssignmentModel } from "../../src/models/assignmentModel.ts";
import { resolveSiteRules } from "../../src/models/siteRules.ts";
import { bandedProblem, denseProblem } from "./largeProblems.ts";

describe("assignmentModelSize", () => {
  it("counts exactly the columns, rows and nonzeros of the p-median model it does not build", () => {
    const problem = denseProblem(40, 15, 1);
    const rules = resolveSiteRules(problem, { forbidden: ["s3"], required: ["s5"] });
    const parts = { model: "p-median", p: 4, capacitated: false, singleSource: false, fixedCosts: false } as const;
    const size = assignmentModelSize(problem, rules, parts);
    const built = buildAssignmentModel(problem, rules, parts).linear;
    expect(size).toMatchObject({ columns: built.columnCount, rows: built.rowCount, nonzeros: built.coefficients.length, integer: true });
    expect(size.pairs).toBe(built.columnCount - 14); // every column but the 14 open-able sites is a pair
  });

  it("bounds the capacitated model's sizes from above (every site counted with a capacity row)", () => {
    const problem = denseProblem(30, 10, 2, 25);
    const rules = resolveSiteRules(problem, {});
    const parts = { model: "capacitated-p-median", p: 6, capacitated: true, singleSource: true, fixedCosts: false } as const;
    const size = assignmentModelSize(problem, rules, parts);
    const built = buildAssignmentModel(problem, rules, parts).linear;
    expect(size.columns).toBe(built.columnCount);
    expect(size.rows).toBeGreaterThanOrEqual(built.rowCount);
    expect(size.nonzeros).toBeGreaterThanOrEqual(built.coefficients.length);
    expect(size.rows).toBeLessThanOrEqual(built.rowCount + 11);
  });
});

describe("an assignment model too large for HiGHS is refused before it is built", () => {
  it("30,000 demand points × 3,000 sites, 100 allowed sites each: the textbook model is a SolverError within seconds, naming the sizes", async () => {
    const problem = bandedProblem();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const refusal = solvePMedian(problem, { p: 50, solver: "highs" });
    await expect(refusal).rejects.toThrow(SolverError);
    await expect(refusal).rejects.toThrow(
      "p-median on 30000 demand points × 3000 sites (3000000 allowed pairs), refused before building: the model (3003000 columns, 3030001 rows, 9003000 nonzeros, a MIP)",
    );
    expect(performance.now() - started).toBeLessThan(5000);
    // Building would have taken gigabytes of JavaScript arrays; counting takes none.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 ** 2);
  }, 60_000);

  it("a dense 600 × 600 problem (the size of OR-Library pmed26, every node a site) is refused by the textbook model in well under a second of solving", async () => {
    const problem = denseProblem(600, 600, 4);
    const started = performance.now();
    await expect(solvePMedian(problem, { p: 5, solver: "highs" })).rejects.toThrow(/p-median on 600 demand points × 600 sites \(\d+ allowed pairs\), refused before building: .* above the limit of 1\.5 GiB/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("the capacitated p-median is refused the same way, naming its model", async () => {
    const problem = denseProblem(600, 600, 5, 1000);
    await expect(solveCapacitatedPMedian(problem, { p: 5 })).rejects.toThrow(/^capacitated-p-median on 600 demand points × 600 sites/);
  });
});

describe("a covering model too large for HiGHS is refused before its linear model is built", () => {
  it("set cover and max coverage on 1,500 points × 1,000 sites, each point covered by its own ~900 sites: a SolverError naming the groups", async () => {
    const problem = denseProblem(1500, 1000, 6);
    await expect(solveSetCover(problem, { radius: 1000 })).rejects.toThrow(
      /^set-cover on 1500 demand points × 1000 sites \(\d+ groups of points with the same covering sites, \d+ group–site pairs\), refused before building: .* above the limit of 1\.5 GiB/,
    );
    await expect(solveMaxCoverage(problem, { p: 3, radius: 1000 })).rejects.toThrow(/^max-coverage on 1500 demand points × 1000 sites/);
  });

  it("is not refused when the points share their covering sites: 2,000 points all covered by the same 1,000 sites form one row", async () => {
    const problem = createProblem({
      demand: Array.from({ length: 2000 }, (_, i) => ({ id: `d${i}`, weight: 1 })),
      sites: Array.from({ length: 1000 }, (_, j) => ({ id: `s${j}` })),
      costs: denseCostMatrix(new Float64Array(2000 * 1000).fill(5), 2000, 1000, "metres"),
    });
    const solution = await solveSetCover(problem, { radius: 10 });
    expect(solution.status).toBe("optimal");
    expect(solution.open).toHaveLength(1);
  });
});
