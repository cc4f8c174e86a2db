import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costOf, denseCostMatrix } from "../../src/costMatrix.ts";
import { kNearestCostMatrix } from "../../src/travel/index.ts";
import { problemToJson, readProblemJson } from "../../src/io/index.ts";
import { createProblem } from "../../src/problem.ts";
import { deepFreeze, expectInputError } from "./support.ts";

const valid = () => ({
  demand: [
    { id: "a", weight: 10 },
    { id: "b", weight: 5 },
  ],
  sites: [{ id: "s1" }, { id: "s2", capacity: 12, fixedCost: 3000, required: true }],
  costs: { unit: "metres", rows: [[1200, 400], [null, 900]] },
});

describe("readProblemJson", () => {
  it("reads demand, sites and cost rows, with null as a pair that is not allowed", () => {
    const problem = readProblemJson(deepFreeze(valid()));
    expect(problem.demand).toEqual([
      { id: "a", weight: 10 },
      { id: "b", weight: 5 },
    ]);
    expect(problem.sites).toEqual([
      { id: "s1", capacity: Infinity, fixedCost: 0, required: false, forbidden: false },
      { id: "s2", capacity: 12, fixedCost: 3000, required: true, forbidden: false },
    ]);
    expect(problem.costs.kind).toBe("sparse");
    expect([costOf(problem.costs, 0, 0), costOf(problem.costs, 1, 0), costOf(problem.costs, 1, 1)]).toEqual([1200, Infinity, 900]);
  });

  it("gives a dense matrix when no row holds null, and numeric ids as strings", () => {
    const problem = readProblemJson({ demand: [{ id: 7, weight: 1 }], sites: [{ id: 3, capacity: null }], costs: { unit: "minutes", rows: [[4]] } });
    expect(problem.costs.kind).toBe("dense");
    expect(problem.demand[0]!.id).toBe("7");
    expect(problem.sites[0]!.capacity).toBe(Infinity);
  });

  it("throws InputError naming the path and the value of a bad entry", () => {
    const broken = (edit: (value: ReturnType<typeof valid>) => void) => {
      const value = valid();
      edit(value);
      return () => readProblemJson(value, { source: "problem.json" });
    };
    expectInputError(broken((v) => ((v.costs.rows[1] as unknown[])[1] = -3)), "problem.json", '"costs.rows[1][1]"', "got -3");
    expectInputError(broken((v) => ((v.costs.rows[0] as unknown[])[0] = "1200")), '"costs.rows[0][0]"', 'got "1200"');
    expectInputError(broken((v) => (v.costs.rows[1] = [1])), '"costs.rows[1]"', "one value per site (2)");
    expectInputError(broken((v) => v.costs.rows.pop()), '"costs.rows"', "one row per demand point (2)");
    expectInputError(broken((v) => (v.demand[1]!.weight = Number.NaN)), '"demand[1].weight"', "got NaN");
    expectInputError(broken((v) => ((v.demand[0] as Record<string, unknown>)["weight"] = undefined)), '"demand[0].weight"', "got undefined");
    expectInputError(broken((v) => (v.demand[1]!.id = "a")), '"demand[1].id"', "duplicates demand[0].id", 'got "a"');
    expectInputError(broken((v) => ((v.sites[0] as Record<string, unknown>)["capcity"] = 3)), '"sites[0].capcity"', "expected id, capacity");
    expectInputError(broken((v) => ((v.sites[1] as Record<string, unknown>)["capacity"] = "12")), '"sites[1].capacity"', 'got "12"');
    expectInputError(broken((v) => ((v.sites[1] as Record<string, unknown>)["forbidden"] = true)), '"sites[1].forbidden"', "both required and forbidden");
    expectInputError(broken((v) => ((v.sites[1] as Record<string, unknown>)["required"] = "yes")), '"sites[1].required"', 'got "yes"');
    expectInputError(broken((v) => (v.costs.unit = "feet")), '"costs.unit"', 'got "feet"');
    expectInputError(broken((v) => (v.sites = [])), '"sites"', "at least 1");
    expectInputError(() => readProblemJson("{}"), '"(document)"', "must be an object");
  });
});

describe("problemToJson", () => {
  it("round-trips through readProblemJson: same problem, sparse exactly when a pair is not allowed", () => {
    const instance = fc
      .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }) })
      .chain(({ n, m }) =>
        fc.record({
          weights: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
          costs: fc.array(fc.oneof(fc.integer({ min: 0, max: 9999 }).map((c) => c / 10), fc.constant(Infinity)), { minLength: n * m, maxLength: n * m }),
          capacities: fc.array(fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }), { minLength: m, maxLength: m }),
          asSparse: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(instance, ({ weights, costs, capacities, asSparse }) => {
        const n = weights.length;
        const m = capacities.length;
        const dense = denseCostMatrix(costs, n, m, "minutes");
        const problem = createProblem({
          demand: weights.map((weight, i) => ({ id: `d${i}`, weight })),
          sites: capacities.map((capacity, j) => ({ id: `s${j}`, ...(capacity === undefined ? {} : { capacity }), fixedCost: j, required: j === 1 })),
          costs: asSparse ? kNearestCostMatrix(dense, m) : dense,
        });
        const written = problemToJson(problem);
        const read = readProblemJson(JSON.parse(JSON.stringify(written)));
        expect(read.demand).toEqual(problem.demand);
        expect(read.sites).toEqual(problem.sites);
        expect(read.costs.kind).toBe(costs.includes(Infinity) ? "sparse" : "dense");
        expect(read.costs.unit).toBe("minutes");
        for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) expect(costOf(read.costs, i, j)).toBe(costOf(problem.costs, i, j));
        expect(problemToJson(read)).toEqual(written);
      }),
      { numRuns: 150 },
    );
  });

  it("leaves out defaults: no capacity when uncapacitated, no zero fixed cost, no false flags", () => {
    expect(problemToJson(readProblemJson(valid())).sites).toEqual([{ id: "s1" }, { id: "s2", capacity: 12, fixedCost: 3000, required: true }]);
  });
});
