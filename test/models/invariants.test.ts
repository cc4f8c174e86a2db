import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MODEL_NAMES,
  costOf,
  createProblem,
  denseCostMatrix,
  solve,
  type ModelName,
  type Problem,
  type Solution,
} from "../../src/index.ts";
import { tinyCase, type TinyCase } from "../helpers/arbitraries.ts";
import { expectClose, expectValid, specFor } from "./support.ts";

const RUNS = { numRuns: 25 };

/** A copy of the problem with every site's capacity (and every cost, demand order, site order) changed. */
function rebuild(
  problem: Problem,
  change: { demandOrder?: number[]; siteOrder?: number[]; costFactor?: number; capacity?: (capacity: number) => number },
): Problem {
  const demandOrder = change.demandOrder ?? problem.demand.map((_, i) => i);
  const siteOrder = change.siteOrder ?? problem.sites.map((_, j) => j);
  const values: number[] = [];
  for (const i of demandOrder) for (const j of siteOrder) values.push(costOf(problem.costs, i, j) * (change.costFactor ?? 1));
  return createProblem({
    demand: demandOrder.map((i) => problem.demand[i]!),
    sites: siteOrder.map((j) => {
      const site = problem.sites[j]!;
      return { ...site, capacity: change.capacity ? change.capacity(site.capacity) : site.capacity };
    }),
    costs: denseCostMatrix(values, demandOrder.length, siteOrder.length, "metres"),
  });
}

async function solved(model: ModelName, tiny: TinyCase): Promise<Solution> {
  const spec = specFor(model, tiny);
  const solution = await solve(tiny.problem, spec, { solver: "highs" });
  expectValid(tiny.problem, spec, solution);
  return solution;
}

const permutation = (length: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray(Array.from({ length }, (_, k) => k), { minLength: length, maxLength: length });

describe("invariants of the location models", () => {
  it.each(["p-median", "p-center", "capacitated-p-median"] as const)(
    "%s: the objective does not worsen as p grows",
    async (model) => {
      await fc.assert(
        fc.asyncProperty(tinyCase(), async (tiny) => {
          fc.pre(tiny.p < tiny.problem.sites.length);
          const smaller = await solved(model, tiny);
          const larger = await solved(model, { ...tiny, p: tiny.p + 1 });
          if (smaller.objective === null || larger.objective === null) return;
          expect(larger.objective).toBeLessThanOrEqual(smaller.objective + 1e-9 * Math.abs(smaller.objective));
        }),
        RUNS,
      );
    },
  );

  it("max-coverage: covered demand does not shrink as p grows", async () => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), async (tiny) => {
        fc.pre(tiny.p < tiny.problem.sites.length);
        const smaller = await solved("max-coverage", tiny);
        const larger = await solved("max-coverage", { ...tiny, p: tiny.p + 1 });
        if (smaller.objective === null || larger.objective === null) return;
        expect(larger.objective).toBeGreaterThanOrEqual(smaller.objective);
      }),
      RUNS,
    );
  });

  it.each(["capacitated-p-median", "fixed-charge"] as const)("%s: the objective does not worsen as capacities rise", async (model) => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), fc.integer({ min: 1, max: 10 }), async (tiny, extra) => {
        const before = await solved(model, tiny);
        const raised = { ...tiny, problem: rebuild(tiny.problem, { capacity: (capacity) => capacity + extra }) };
        const after = await solved(model, raised);
        if (before.objective === null) return;
        expect(after.objective).not.toBeNull();
        expect(after.objective!).toBeLessThanOrEqual(before.objective + 1e-7 * Math.max(1, before.objective));
      }),
      RUNS,
    );
  });

  it("max-coverage: covered demand does not shrink as the radius grows", async () => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), fc.integer({ min: 1, max: 10 }), async (tiny, extra) => {
        const before = await solved("max-coverage", tiny);
        const after = await solved("max-coverage", { ...tiny, radius: tiny.radius + extra });
        if (before.objective === null) return;
        expect(after.objective!).toBeGreaterThanOrEqual(before.objective);
      }),
      RUNS,
    );
  });

  it("set-cover: the number of sites does not grow as the radius grows", async () => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), fc.integer({ min: 1, max: 10 }), async (tiny, extra) => {
        const before = await solved("set-cover", tiny);
        const after = await solved("set-cover", { ...tiny, radius: tiny.radius + extra });
        if (before.objective === null) return;
        expect(after.objective!).toBeLessThanOrEqual(before.objective);
      }),
      RUNS,
    );
  });

  it.each(MODEL_NAMES)("%s: permuting demand points and sites does not change the objective", async (model) => {
    const cases = tinyCase().chain((tiny) =>
      fc.tuple(fc.constant(tiny), permutation(tiny.problem.demand.length), permutation(tiny.problem.sites.length)),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([tiny, demandOrder, siteOrder]) => {
        const original = await solved(model, tiny);
        const permuted = await solved(model, { ...tiny, problem: rebuild(tiny.problem, { demandOrder, siteOrder }) });
        expect(permuted.status).toBe(original.status);
        expectClose(permuted.objective, original.objective, model === "fixed-charge" ? 1e-7 : 1e-9);
      }),
      RUNS,
    );
  });

  it.each(["p-median", "p-center"] as const)("%s: scaling every cost by k scales the objective by k", async (model) => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), fc.constantFrom(0.5, 2, 3, 7.25, 1000), async (tiny, k) => {
        const original = await solved(model, tiny);
        const scaled = await solved(model, { ...tiny, problem: rebuild(tiny.problem, { costFactor: k }) });
        expectClose(scaled.objective, original.objective === null ? null : original.objective * k);
      }),
      RUNS,
    );
  });

  it.each(MODEL_NAMES)("%s: required sites are open in every solution", async (model) => {
    await fc.assert(
      fc.asyncProperty(tinyCase(), async (tiny) => {
        const solution = await solved(model, tiny);
        if (solution.objective === null) return;
        tiny.problem.sites.forEach((site, j) => {
          if (site.required || tiny.required.includes(site.id)) expect(solution.open).toContain(j);
        });
      }),
      RUNS,
    );
  });
});
