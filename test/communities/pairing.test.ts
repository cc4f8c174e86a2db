import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { denseCostMatrix, pairSchools, type PairingHelper } from "../../src/index.ts";

interface Case {
  readonly capacities: number[];
  readonly minutes: number[][]; // rows helped, columns helpers
  readonly scores: number[][];
  readonly limit: number;
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({ m: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 5 }) })
  .chain(({ m, n }) =>
    fc.record({
      capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
      minutes: fc.array(fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 90 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      scores: fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      limit: fc.constantFrom(30, 60, Infinity),
    }),
  );

/** The least Σ (minutes − score) over every assignment within the limit and the capacities, or null. */
function bruteForce(c: Case): number | null {
  const n = c.minutes.length;
  const m = c.capacities.length;
  let best: number | null = null;
  const used = new Array<number>(m).fill(0);
  const visit = (i: number, total: number): void => {
    if (i === n) { best = best === null ? total : Math.min(best, total); return; }
    for (let j = 0; j < m; j++) {
      const minutes = c.minutes[i]![j]!;
      if (!(minutes <= c.limit) || minutes === Infinity || used[j]! >= c.capacities[j]!) continue;
      used[j]!++;
      visit(i + 1, total + minutes - c.scores[i]![j]!);
      used[j]!--;
    }
  };
  visit(0, 0);
  return best;
}

const helpersOf = (c: Case): PairingHelper[] => c.capacities.map((capacity, j) => ({ id: `H${j}`, capacity }));
const helpedOf = (c: Case) => c.minutes.map((_, i) => ({ id: `S${i}` }));
const options = (c: Case) => ({ travelMinutes: denseCostMatrix(c.minutes.flat(), c.minutes.length, c.capacities.length, "minutes"), maxTravelMinutes: c.limit, score: (i: number, j: number) => c.scores[i]![j]! });

describe("pairSchools", () => {
  it("agrees with brute force on tiny cases: the least travel less score, each helper within capacity and every pair within the limit", async () => {
    const cases = fc.sample(caseArbitrary, { numRuns: 150, seed: 12_2026 });
    let feasible = 0;
    let infeasible = 0;
    for (const c of cases) {
      const pairing = await pairSchools(helpersOf(c), helpedOf(c), options(c));
      const best = bruteForce(c);
      if (best === null) {
        infeasible++;
        expect(pairing.status).toBe("infeasible");
        expect(pairing.reasons.length).toBeGreaterThan(0);
        continue;
      }
      feasible++;
      expect(pairing.status).toBe("optimal");
      expect(pairing.objective).toBeCloseTo(best, 9);
      // The pairs are one per helped school, within the limit and the capacities, and add up to the objective.
      expect(pairing.pairs.map((p) => p.helped)).toEqual(helpedOf(c).map((s) => s.id));
      const load = new Map<string, number>();
      let total = 0;
      for (const [i, pair] of pairing.pairs.entries()) {
        const j = Number(pair.helper.slice(1));
        expect(pair.travelMinutes).toBe(c.minutes[i]![j]);
        expect(pair.travelMinutes).toBeLessThanOrEqual(c.limit);
        expect(pair.score).toBe(c.scores[i]![j]);
        load.set(pair.helper, (load.get(pair.helper) ?? 0) + 1);
        total += pair.travelMinutes - pair.score;
      }
      for (const [helper, count] of load) expect(count).toBeLessThanOrEqual(c.capacities[Number(helper.slice(1))]!);
      expect(total).toBeCloseTo(pairing.objective!, 9);
    }
    expect(feasible).toBeGreaterThan(30);
    expect(infeasible).toBeGreaterThan(10);
  });

  it("names why: a school no helper reaches, too few places, or a group whose reachable helpers are full (Hall's condition)", async () => {
    const cases = fc.sample(caseArbitrary, { numRuns: 300, seed: 13_2026 }).filter((c) => bruteForce(c) === null);
    const codes = new Set<string>();
    for (const c of cases) {
      const pairing = await pairSchools(helpersOf(c), helpedOf(c), options(c));
      for (const reason of pairing.reasons) {
        codes.add(reason.code);
        if (reason.code === "unreachable") {
          const i = Number(reason.helped[0]!.slice(1));
          expect(c.capacities.every((k, j) => k === 0 || !(c.minutes[i]![j]! <= c.limit && c.minutes[i]![j]! < Infinity))).toBe(true);
        } else if (reason.code === "capacity") {
          expect(c.capacities.reduce((a, b) => a + b, 0)).toBeLessThan(c.minutes.length);
        } else {
          // Every helper any school of the group reaches is listed, and they have fewer places than the group.
          const group = reason.helped.map((id) => Number(id.slice(1)));
          const reach = new Set(group.flatMap((i) => c.capacities.flatMap((_, j) => (c.minutes[i]![j]! <= c.limit && c.minutes[i]![j]! < Infinity ? [`H${j}`] : []))));
          expect(new Set(reason.helpers)).toEqual(reach);
          const places = [...reach].reduce((sum, id) => sum + c.capacities[Number(id.slice(1))]!, 0);
          expect(places).toBeLessThan(group.length);
          expect(reason.message).toMatch(/helped schools \(.*\) reach only \d+ helpers/);
        }
      }
    }
    expect(codes).toEqual(new Set(["unreachable", "capacity", "crowded"]));
  });

  it("does not change its objective when schools are renamed or reordered", async () => {
    for (const c of fc.sample(caseArbitrary, { numRuns: 60, seed: 14_2026 })) {
      const first = await pairSchools(helpersOf(c), helpedOf(c), options(c));
      const order = c.minutes.map((_, i) => i).reverse();
      const reordered: Case = { ...c, minutes: order.map((i) => c.minutes[i]!), scores: order.map((i) => c.scores[i]!) };
      const second = await pairSchools(helpersOf(c).map((h) => ({ ...h, id: `x-${h.id}` })), helpedOf(reordered).map((s) => ({ id: `y-${s.id}` })), options(reordered));
      expect(second.status).toBe(first.status);
      if (first.objective !== null) expect(second.objective).toBeCloseTo(first.objective, 9);
    }
  });

  it("refuses bad input, naming the field and the value, and never mutates it", async () => {
    const helpers = Object.freeze([Object.freeze({ id: "H", capacity: 1 })]);
    const helped = Object.freeze([Object.freeze({ id: "S" })]);
    const travelMinutes = denseCostMatrix([10], 1, 1, "minutes");
    expect((await pairSchools(helpers, helped, { travelMinutes })).pairs).toEqual([{ helper: "H", helped: "S", travelMinutes: 10, score: 0 }]);
    await expect(pairSchools([{ id: "H", capacity: 1.5 }], helped, { travelMinutes })).rejects.toThrow(`helpers 0 (id "H"), "capacity": must be a whole number ≥ 0, got 1.5`);
    await expect(pairSchools(helpers, helped, { travelMinutes, maxTravelMinute: 45 } as never)).rejects.toThrow(/"maxTravelMinute": is not an option of pairSchools/);
    await expect(pairSchools(helpers, helped, { travelMinutes, scoreMinutes: 2 })).rejects.toThrow(/"scoreMinutes": goes with score/);
    await expect(pairSchools([...helpers, { id: "H", capacity: 1 }], helped, { travelMinutes: denseCostMatrix([10, 10], 1, 2, "minutes") })).rejects.toThrow(/"id": repeats another school's id/);
    await expect(pairSchools(helpers, [...helped, { id: "T" }], { travelMinutes })).rejects.toThrow(`"travelMinutes": must have a row per helped school and a column per helper: 2 × 1, got "1 × 1"`);
    await expect(pairSchools(helpers, helped, { travelMinutes: denseCostMatrix([10], 1, 1, "metres") })).rejects.toThrow(/"travelMinutes.unit": must be minutes/);
    await expect(pairSchools(helpers, helped, { travelMinutes, maxTravelMinutes: 0 })).rejects.toThrow(/"maxTravelMinutes": must be a number of minutes > 0/);
    await expect(pairSchools(helpers, helped, { travelMinutes, score: () => Number.NaN })).rejects.toThrow(/score, "pair \(helped S, helper H\)": must be a finite number/);
  });
});
