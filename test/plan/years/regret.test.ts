import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSchoolSystem, planSchoolsOverYears } from "../../../src/index.ts";
import { bruteForcePlan, CATCHMENTS, freeAdditions, relativelyClose, tinyPlanCase, scaledPupils } from "../../helpers/schoolSystems.ts";


describe("planSchoolsOverYears with criterion maxRegret", () => {
  it("agrees with brute force on tiny one-year, two-scenario systems: the least worst regret, then the least expected cost", async () => {
    // Classrooms and beds free: the shared additions cost nothing, so each scenario can be brute-forced alone.
    const cases = fc.sample(tinyPlanCase({ maxEnumeration: 20_000 }), { numRuns: 40, seed: 21_2026 }).filter((c) => c.options.budgetYuanPerYear === undefined).map(freeAdditions);
    let compared = 0;
    let regretful = 0;
    for (const c of cases) {
      const options = { ...c.options, ...CATCHMENTS };
      // Scenario "a" grows the even settlements, "b" the odd ones: they want different schools.
      const a = scaledPupils(c.system, (i) => (i % 2 === 0 ? 1.6 : 0.5));
      const b = scaledPupils(c.system, (i) => (i % 2 === 0 ? 0.5 : 1.6));
      const demand = [{ year: 2025, scenario: "a", pupils: a }, { year: 2025, scenario: "b", pupils: b }];
      const systems = [a, b].map((pupils) => createSchoolSystem({ ...c.input, settlements: c.input.settlements.map((s) => ({ ...s, pupils: pupils[String(s.id)]! })) }));
      const m = c.system.schools.length;
      const costs: (readonly [number, number] | null)[] = [];
      for (let mask = 0; mask < 1 << m; mask++) {
        const [ca, cb] = systems.map((system) => bruteForcePlan(system, options, { openMask: mask })?.objective ?? null);
        costs.push(ca === null || cb === null || ca === undefined || cb === undefined ? null : [ca, cb]);
      }
      const alone = [0, 1].map((s) => {
        let best = Infinity;
        for (let mask = 0; mask < 1 << m; mask++) {
          const v = bruteForcePlan(systems[s]!, options, { openMask: mask })?.objective;
          if (v !== undefined) best = Math.min(best, v);
        }
        return best;
      });
      const plan = await planSchoolsOverYears(c.system, { ...options, years: [2025], scenarios: [{ id: "a", probability: 1 }, { id: "b", probability: 3 }], demand, criterion: "maxRegret" });
      const shared = costs.filter((x): x is readonly [number, number] => x !== null);
      if (shared.length === 0) {
        expect(plan.objective).toBeNull();
        continue;
      }
      const regretOf = ([ca, cb]: readonly [number, number]) => Math.max(ca - alone[0]!, cb - alone[1]!);
      const least = Math.min(...shared.map(regretOf));
      const scale = Math.max(1, ...alone.map(Math.abs));
      expect(plan.status).toBe("optimal");
      expect(plan.criterion).toBe("maxRegret");
      expect(Math.abs(plan.objective! - least) / scale).toBeLessThan(1e-6);
      expect(plan.violations).toEqual([]);
      // The regrets reported are the plan's values less the references, and the references are the scenarios' optima.
      expect(plan.regret!.map((r) => r.scenario)).toEqual(["a", "b"]);
      plan.regret!.forEach((r, s) => {
        expect(relativelyClose(r.reference, alone[s]!)).toBe(true);
        expect(Math.abs(r.regret - (r.value - r.reference))).toBeLessThan(1e-6 * scale);
        expect(Math.abs(r.value - plan.plans[s]!.figures.costYuanPerYear)).toBeLessThan(1e-6 * scale);
      });
      // The tie-break: the least expected cost (probabilities 1/4, 3/4) among the plans of least worst regret.
      const ties = shared.filter((x) => regretOf(x) <= least + 1e-6 * scale);
      const expected = Math.min(...ties.map(([ca, cb]) => 0.25 * ca + 0.75 * cb));
      const [pa, pb] = plan.plans.map((y) => y.figures.costYuanPerYear) as [number, number];
      expect(Math.abs(0.25 * pa + 0.75 * pb - expected) / scale).toBeLessThan(1e-5);
      compared++;
      if (least > 1e-6 * scale) regretful++;
    }
    expect(compared).toBeGreaterThan(10);
    expect(regretful).toBeGreaterThan(2);
  });

  it("by scenario: a valid plan whose worst regret is at least the least and whose bound is at most it", async () => {
    const cases = fc.sample(tinyPlanCase({ maxEnumeration: 20_000 }), { numRuns: 25, seed: 22_2026 }).filter((c) => c.options.budgetYuanPerYear === undefined);
    let compared = 0;
    for (const c of cases) {
      const options = { ...c.options, ...CATCHMENTS };
      const demand = [
        { year: 2025, scenario: "a", pupils: scaledPupils(c.system, (i) => (i % 2 === 0 ? 1.4 : 0.6)) },
        { year: 2025, scenario: "b", pupils: scaledPupils(c.system, (i) => (i % 2 === 0 ? 0.6 : 1.4)) },
      ];
      const joint = await planSchoolsOverYears(c.system, { ...options, years: [2025], scenarios: [{ id: "a" }, { id: "b" }], demand, criterion: "maxRegret", method: "joint" });
      const split = await planSchoolsOverYears(c.system, { ...options, years: [2025], scenarios: [{ id: "a" }, { id: "b" }], demand, criterion: "maxRegret", method: "byScenario" });
      if (joint.objective === null || split.objective === null) continue;
      const scale = Math.max(1, ...joint.regret!.map((r) => Math.abs(r.reference)));
      expect(split.method).toBe("byScenario");
      expect(split.violations).toEqual([]);
      expect(split.objective).toBeGreaterThanOrEqual(joint.objective - 1e-6 * scale);
      expect(split.bound!).toBeLessThanOrEqual(joint.objective + 1e-6 * scale);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it("refuses an unknown criterion", async () => {
    const c = fc.sample(tinyPlanCase(), { numRuns: 1, seed: 1 })[0]!;
    await expect(planSchoolsOverYears(c.system, { years: [2025], demand: [], criterion: "worst" as never })).rejects.toThrow(/"criterion".*must be expected or maxRegret/);
  });
});
