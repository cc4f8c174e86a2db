// Regression (issue 10, item 8): solveSetCover ignored the capacities a problem carries without a word. The
// decision, as for p-median: set covering has no capacities, so they are ignored, and the documentation says
// so (with how to check the cover against them); a problem carrying capacities is not refused, so that one
// problem can go to every model. These tests pin that documented behaviour.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createProblem, denseCostMatrix, solveCapacitatedPMedian, solveSetCover, sparseCostMatrix } from "../../src/index.ts";
import { expectValid } from "./support.ts";

const costs = denseCostMatrix([0, 4, 6, 4, 0, 3, 6, 3, 0], 3, 3, "kilometres");
const demand = [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }];
const uncapacitated = createProblem({ demand, sites: [{ id: "s1" }, { id: "s2" }, { id: "s3" }], costs });
// s2 covers everyone within 4 km but seats only 5 of the 23 pupils.
const capacitated = createProblem({
  demand,
  sites: [{ id: "s1", capacity: 10, fixedCost: 7 }, { id: "s2", capacity: 5, fixedCost: 100 }, { id: "s3", capacity: 8, fixedCost: 7 }],
  costs,
});

describe("solveSetCover and site capacities", () => {
  it("ignores capacities and fixed costs: the same cover as without them, one site per open site in the objective", async () => {
    const plain = await solveSetCover(uncapacitated, { radius: 4 });
    const withCapacities = await solveSetCover(capacitated, { radius: 4 });
    expect(withCapacities).toMatchObject({ status: "optimal", objective: 1, open: [1] });
    expect(withCapacities.open).toEqual(plain.open);
    expect([...withCapacities.assignment]).toEqual([...plain.assignment]);
    expectValid(capacitated, { model: "set-cover", radius: 4 }, withCapacities);
  });

  it("leaves the load above capacity for the caller to compare, as its documentation says", async () => {
    const solution = await solveSetCover(capacitated, { radius: 4 });
    expect(solution.load[1]).toBe(23);
    expect(solution.load[1]!).toBeGreaterThan(capacitated.sites[1]!.capacity);
  });

  it("the documented check: capacitated-p-median with p = the cover's size over pairs within the radius says whether it fits", async () => {
    const cover = await solveSetCover(capacitated, { radius: 4 });
    const withinRadius = sparseCostMatrix(
      Int32Array.of(0, 2, 5, 7),
      Int32Array.of(0, 1, 0, 1, 2, 1, 2),
      Float64Array.of(0, 4, 4, 0, 3, 3, 0),
      3,
      "kilometres",
    );
    const restricted = createProblem({ demand, sites: capacitated.sites.map(({ id, capacity }) => ({ id, capacity })), costs: withinRadius });
    const fits = await solveCapacitatedPMedian(restricted, { p: cover.open.length });
    expect(fits.status).toBe("infeasible");
    expect(fits.reasons.map((reason) => reason.code)).toContain("capacity");
  });

  it("says in its documentation that capacities are ignored and how to check them", () => {
    const source = readFileSync(new URL("../../src/models/setCover.ts", import.meta.url), "utf8");
    expect(source).toMatch(/Site capacities and fixed costs are not part of set covering and are ignored/);
    expect(source).toMatch(/The command line refuses `--capacity` for this model/);
  });
});
