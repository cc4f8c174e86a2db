import { describe, expect, it } from "vitest";
import { costOf } from "../../src/costMatrix.ts";
import { readORLibraryCapacitatedPMedian, readORLibraryFacilityLocation, readORLibraryPMedian } from "../../src/io/index.ts";
import { solveCapacitatedPMedian, solveFixedCharge, solvePMedian } from "../../src/models/index.ts";
import { expectInputError } from "./support.ts";

/** Five nodes on a path 1–2–3–4 with a spur 3–5; edge 1 2 is listed twice (the last cost, 4, holds). */
const PMED = ` 5 5 2
 1 2 9
 2 3 2
 3 4 3
 3 5 1
 1 2 4
`;

describe("readORLibraryPMedian", () => {
  it("keeps the last cost of a duplicated edge and costs every pair by its shortest path", () => {
    const { problem, p } = readORLibraryPMedian(PMED, "sample.txt");
    expect(p).toBe(2);
    expect(problem.demand.map((d) => d.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(problem.demand.every((d) => d.weight === 1)).toBe(true);
    expect(costOf(problem.costs, 0, 1)).toBe(4); // the last listing (the next test tells it from the minimum)
    expect(costOf(problem.costs, 0, 3)).toBe(9); // 4 + 2 + 3
    expect(costOf(problem.costs, 3, 4)).toBe(4); // 3 + 1
    expect(costOf(problem.costs, 4, 0)).toBe(7); // symmetric: 1 + 2 + 4
    expect(costOf(problem.costs, 2, 2)).toBe(0);
  });

  it("lets a later, longer listing replace a shorter one (Beasley's rule, not the minimum)", () => {
    const { problem } = readORLibraryPMedian(" 2 2 1\n 1 2 3\n 2 1 8\n");
    expect(costOf(problem.costs, 0, 1)).toBe(8);
    expect(costOf(problem.costs, 1, 0)).toBe(8);
  });

  it("marks nodes no path joins as not allowed", () => {
    const { problem } = readORLibraryPMedian(" 3 1 1\n 1 2 5\n");
    expect(costOf(problem.costs, 0, 2)).toBe(Infinity);
  });

  it("solves to the brute-force optimum", async () => {
    const { problem, p } = readORLibraryPMedian(PMED);
    const solution = await solvePMedian(problem, { p });
    // Open 2 and 3 (or 1 and 3…): brute force over the 10 pairs.
    let best = Infinity;
    for (let a = 0; a < 5; a++) {
      for (let b = a + 1; b < 5; b++) {
        let total = 0;
        for (let i = 0; i < 5; i++) total += Math.min(costOf(problem.costs, i, a), costOf(problem.costs, i, b));
        best = Math.min(best, total);
      }
    }
    expect(solution.objective).toBe(best);
  });

  it("names the file, the line, the field and the value of bad input", () => {
    expectInputError(() => readORLibraryPMedian(" 5 1 2\n 1 7 3\n", "bad.txt"), "bad.txt line 2", "second node of edge 1", "from 1 to 5", '"7"');
    expectInputError(() => readORLibraryPMedian(" 5 1 6\n", "bad.txt"), "bad.txt line 1", '"p"', "from 1 to 5");
    expectInputError(() => readORLibraryPMedian(" 5 2 2\n 1 2 3\n", "bad.txt"), "bad.txt (end of file after line 2)", "first node of edge 2", "ends early");
    expectInputError(() => readORLibraryPMedian(" 5 1 2\n 1 2 -3\n", "bad.txt"), "cost of edge 1", "≥ 0", '"-3"');
    expectInputError(() => readORLibraryPMedian(" 5 1 2\n 1 2 x\n", "bad.txt"), "cost of edge 1", "a number", '"x"');
    expectInputError(() => readORLibraryPMedian(" 5 1 2\n 1 2 3 4\n", "bad.txt"), "bad.txt line 2", "end of file", "after its 1 edge", '"4"');
    expectInputError(() => readORLibraryPMedian(" 2.5 1 2\n"), "node count", "whole number ≥ 1");
    expectInputError(() => readORLibraryPMedian(" 5 1 2\n 1 2 0x10\n"), "cost of edge 1", "a number", '"0x10"');
    expectInputError(() => readORLibraryPMedian("", "empty.txt"), "empty.txt (end of file: the file is empty)", "node count");
    expectInputError(() => readORLibraryPMedian(" 60000 0 1\n", "big.txt"), "big.txt line 1", "node count", "3.60e+9 pairs", "60000");
  });
});

/** Three points, p = 2, capacity 5, demands 3, 2, 4; the first line's optimum (9) is only a label here. */
const PMEDCAP = ` 7 9
 3 2 5
 1 0 0 3
 2 3 4 2
 3 10 0 4
`;

describe("readORLibraryCapacitatedPMedian", () => {
  it("reads the optimum, p, the capacity and floored distances per unit of demand", () => {
    const read = readORLibraryCapacitatedPMedian(PMEDCAP, "cap.txt");
    expect(read).toMatchObject({ instance: 7, published: 9, p: 2 });
    expect(read.problem.sites.every((s) => s.capacity === 5)).toBe(true);
    expect(read.problem.demand.map((d) => d.weight)).toEqual([3, 2, 4]);
    // distance 1–2 is 5 exactly, 2–3 is √65 = 8.06… floored to 8; costs are per unit of the point's demand.
    expect(costOf(read.problem.costs, 0, 1) * 3).toBeCloseTo(5, 12);
    expect(costOf(read.problem.costs, 1, 2) * 2).toBeCloseTo(8, 12);
    expect(costOf(read.problem.costs, 2, 1) * 4).toBeCloseTo(8, 12);
  });

  it("scores a solution by the plain sum of floored distances", async () => {
    const { problem, p, published } = readORLibraryCapacitatedPMedian(PMEDCAP);
    const solution = await solveCapacitatedPMedian(problem, { p });
    // Capacity 5: points 1 (3) and 3 (4) cannot share a median. Open 1 and 3 with point 2 (2) at 1: distance 5;
    // or open 2 and 3 with point 1 at 2 (3 + 2 = 5 fits): 5. The reader passes the file's optimum on unchecked.
    expect(published).toBe(9);
    expect(solution.objective).toBeCloseTo(5, 9);
  });

  it("names the field of bad input", () => {
    expectInputError(() => readORLibraryCapacitatedPMedian(" 1 9\n 2 1 5\n 2 0 0 3\n 1 1 1 1\n", "c.txt"), "c.txt", "id of point 1", "must be 1");
    expectInputError(() => readORLibraryCapacitatedPMedian(" 1 9\n 1 1 5\n 1 0 0 0\n", "c.txt"), "demand of point 1", "> 0");
    expectInputError(() => readORLibraryCapacitatedPMedian(" 1 9\n 2 3 5\n", "c.txt"), '"p"', "from 1 to 2");
  });
});

/** Two facilities, three customers; costs are whole-demand costs; the second capacity reads "capacity". */
const CAP = ` 2 3
 10 100.
 capacity 50.
 4
 8 20
 6 12 3
 5 10 20
`;

describe("readORLibraryFacilityLocation", () => {
  it("turns whole-demand costs into costs per unit of demand", () => {
    const { problem } = readORLibraryFacilityLocation(CAP, { source: "cap.txt", capacity: 7 });
    expect(problem.sites.map((s) => [s.capacity, s.fixedCost])).toEqual([
      [7, 100],
      [7, 50],
    ]);
    expect(problem.demand.map((d) => d.weight)).toEqual([4, 6, 5]);
    expect(costOf(problem.costs, 0, 1) * 4).toBeCloseTo(20, 12);
    expect(costOf(problem.costs, 1, 0) * 6).toBeCloseTo(12, 12);
    expect(costOf(problem.costs, 2, 1) * 5).toBeCloseTo(20, 12);
  });

  it("keeps the file's capacities where they are numbers and no capacity is given", () => {
    const { problem } = readORLibraryFacilityLocation(CAP.replace("capacity", "40"));
    expect(problem.sites.map((s) => s.capacity)).toEqual([10, 40]);
  });

  it("solves split demand to the hand-computed optimum", async () => {
    const { problem } = readORLibraryFacilityLocation(CAP.replace("capacity", "40"));
    const solution = await solveFixedCharge(problem, {});
    // Only facility 2 (fixed 50, capacity 40 ≥ 15): 50 + 20 + 3 + 20 = 93; both: 150 + 8 + 3 + 10 = 171; only
    // facility 1 cannot hold 15 > 10.
    expect(solution.objective).toBeCloseTo(93, 9);
  });

  it("asks for the capacity where the file has the word, and names bad values", () => {
    expectInputError(() => readORLibraryFacilityLocation(CAP, { source: "capa.txt" }), "capa.txt line 3", "capacity of facility 2", "options.capacity");
    expectInputError(() => readORLibraryFacilityLocation(CAP, { capacity: -1 }), "options", '"capacity"', "> 0", "-1");
    expectInputError(() => readORLibraryFacilityLocation(CAP.replace("5 10 20", "5 10"), { capacity: 7 }), "end of file", "cost of customer 3 at facility 2");
    expectInputError(() => readORLibraryFacilityLocation(" 1 100000000000\n 10 100\n", "huge.txt"), "huge.txt line 1", "customer count × facility count", "pairs");
    expectInputError(() => readORLibraryFacilityLocation(CAP, "named.txt"), "named.txt line 3", "capacity of facility 2");
  });
});
