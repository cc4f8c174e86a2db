import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPlanOverYears,
  createSchoolSystem,
  demandFromProjection,
  planSchools,
  planSchoolsOverYears,
  yearWeights,
  type YearDemand,
} from "../../../src/index.ts";
import { bruteForcePlan, CATCHMENTS, freeAdditions, relativelyClose, tinyPlanCase, type TinyPlanCase, scaledPupils } from "../../helpers/schoolSystems.ts";



describe("planSchoolsOverYears", () => {
  it("a one-year, one-scenario plan equals the single-year plan (status and objective)", async () => {
    const cases = fc.sample(tinyPlanCase(), { numRuns: 40, seed: 11_2026 }).filter((c) => c.options.budgetYuanPerYear === undefined);
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const options = { ...c.options, ...CATCHMENTS };
      const single = await planSchools(c.system, { ...options, statusQuo: false });
      const multi = await planSchoolsOverYears(c.system, { ...options, years: [2025], demand: [{ year: 2025, scenario: "base", pupils: scaledPupils(c.system) }] });
      expect(multi.status).toBe(single.status);
      if (single.objective === null) continue;
      expect(relativelyClose(multi.objective!, single.objective)).toBe(true);
      expect(multi.violations).toEqual([]);
      expect(multi.plans[0]!.plan.schools.map((s) => s.open)).toHaveLength(c.system.schools.length);
    }
  });

  it("agrees with brute force on tiny two-year systems: every pair of open sets a closed school never reopens and a built one stays in", async () => {
    const cases = fc.sample(tinyPlanCase({ maxEnumeration: 20_000 }), { numRuns: 40, seed: 12_2026 }).filter((c) => c.options.budgetYuanPerYear === undefined).map(freeAdditions);
    const rate = 0.1;
    // Independent of yearWeights: 2025 stands for 2025–2029, 2030 for 2030–2034.
    const w1 = [0, 1, 2, 3, 4].reduce((s, k) => s + 1.1 ** -k, 0);
    const w2 = [5, 6, 7, 8, 9].reduce((s, k) => s + 1.1 ** -k, 0);
    let compared = 0;
    for (const c of cases) {
      const options = { ...c.options, ...CATCHMENTS };
      const shrink = (i: number) => (i % 2 === 0 ? 0.4 : 1.3);
      const year1 = scaledPupils(c.system);
      const year2 = scaledPupils(c.system, shrink);
      const demand = [{ year: 2025, scenario: "base", pupils: year1 }, { year: 2030, scenario: "base", pupils: year2 }];
      const multi = await planSchoolsOverYears(c.system, { ...options, years: [2025, 2030], demand, discountRate: rate });
      const systems = demand.map((d) => createSchoolSystem({ ...c.input, settlements: c.input.settlements.map((s) => ({ ...s, pupils: d.pupils[String(s.id)]! })) }));
      const m = c.system.schools.length;
      let best = Infinity;
      for (let a = 0; a < 1 << m; a++) {
        const first = bruteForcePlan(systems[0]!, options, { openMask: a });
        if (first === null) continue;
        for (let b = 0; b < 1 << m; b++) {
          const linked = c.system.schools.every((school, j) => {
            const before = (a >> j) & 1;
            const after = (b >> j) & 1;
            return school.existing ? after <= before : after >= before;
          });
          if (!linked) continue;
          const second = bruteForcePlan(systems[1]!, options, { openMask: b });
          if (second === null) continue;
          best = Math.min(best, w1 * first.objective + w2 * second.objective);
        }
      }
      if (best === Infinity) {
        expect(multi.status).toBe("infeasible");
        continue;
      }
      expect(multi.status).toBe("optimal");
      expect(relativelyClose(multi.objective!, best)).toBe(true);
      expect(multi.violations).toEqual([]);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("never reopens a closed school, keeps built ones, shares schools across scenarios, and its year plans pass checkPlan", async () => {
    const cases = fc.sample(tinyPlanCase(), { numRuns: 25, seed: 13_2026 }).filter((c) => c.options.budgetYuanPerYear === undefined);
    for (const c of cases) {
      const options = { ...c.options, ...CATCHMENTS };
      const demand: YearDemand[] = [];
      for (const [year, f] of [[2025, 1], [2028, 0.6], [2032, 0.3]] as const) {
        demand.push({ year, scenario: "low", pupils: scaledPupils(c.system, () => f) });
        demand.push({ year, scenario: "high", pupils: scaledPupils(c.system, () => f + 0.3) });
      }
      const multi = await planSchoolsOverYears(c.system, { ...options, years: [2025, 2028, 2032], scenarios: [{ id: "low", probability: 1 }, { id: "high", probability: 3 }], demand });
      if (multi.objective === null) continue;
      expect(multi.scenarios).toEqual([{ id: "low", probability: 0.25 }, { id: "high", probability: 0.75 }]);
      expect(multi.violations).toEqual([]);
      for (const school of multi.schedule) {
        const open = school.years.map((y) => y.open);
        if (school.existing) open.forEach((o, t) => t > 0 && o && expect(open[t - 1]).toBe(true));
        else open.forEach((o, t) => t > 0 && open[t - 1] && expect(o).toBe(true));
      }
      expect(multi.plans).toHaveLength(6);
      for (const year of multi.plans) expect(year.figures.overcrowdedSchools).toEqual([]);
      // Newly small: small this plan year, open and not small the plan year before (same scenario); opened
      // small: small and not open the year before. Together they are the small schools not small before.
      for (const year of multi.plans.filter((y) => y.year > 2025)) {
        const before = multi.plans.find((y) => y.scenario === year.scenario && y.year === (year.year === 2028 ? 2025 : 2028))!;
        const openBefore = new Set(before.plan.schools.filter((s) => s.open).map((s) => s.id));
        const { newlySmall, openedSmall, smallSchools } = year.figures;
        expect(newlySmall).toEqual(smallSchools.filter((id) => openBefore.has(id) && !before.figures.smallSchools.includes(id)));
        expect(openedSmall).toEqual(smallSchools.filter((id) => !openBefore.has(id)));
        expect([...newlySmall, ...openedSmall].sort()).toEqual(smallSchools.filter((id) => !before.figures.smallSchools.includes(id)).sort());
        // Today's layout opens the same schools every year: nothing is opened, small or not.
        expect(year.statusQuo.figures.openedSmall).toEqual([]);
        expect(year.statusQuo.figures.newlySmall).toEqual(year.statusQuo.figures.smallSchools.filter((id) => !before.statusQuo.figures.smallSchools.includes(id)));
      }
    }
  });

  it("by scenario: a plan valid in every scenario, never below the joint optimum, and a bound never above it", async () => {
    const cases = fc.sample(tinyPlanCase(), { numRuns: 25, seed: 17_2026 }).filter((c) => c.options.budgetYuanPerYear === undefined);
    let compared = 0;
    for (const c of cases) {
      const options = { ...c.options, ...CATCHMENTS };
      const demand: YearDemand[] = [];
      for (const [year, f] of [[2025, 1], [2030, 0.5]] as const) {
        demand.push({ year, scenario: "low", pupils: scaledPupils(c.system, () => f) });
        demand.push({ year, scenario: "high", pupils: scaledPupils(c.system, () => f + 0.4) });
      }
      const common = { ...options, years: [2025, 2030], scenarios: [{ id: "low" }, { id: "high" }], demand };
      const joint = await planSchoolsOverYears(c.system, { ...common, method: "joint" });
      const split = await planSchoolsOverYears(c.system, { ...common, method: "byScenario" });
      expect(joint.method).toBe("joint");
      expect(split.method).toBe("byScenario");
      if (joint.status === "infeasible") {
        expect(split.objective).toBeNull();
        continue;
      }
      if (joint.objective === null || split.objective === null) continue;
      expect(split.violations).toEqual([]);
      expect(split.objective).toBeGreaterThanOrEqual(joint.objective * (1 - 1e-6) - 1e-6);
      expect(split.bound!).toBeLessThanOrEqual(joint.objective * (1 + 1e-6) + 1e-6);
      if (split.status === "optimal") expect(relativelyClose(split.objective, joint.objective)).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it("checkPlanOverYears names a school that reopens and pupils left without an open school", async () => {
    let found: { c: TinyPlanCase; plan: Awaited<ReturnType<typeof planSchools>> & { schools: NonNullable<Awaited<ReturnType<typeof planSchools>>["schools"]> } } | undefined;
    for (const c of fc.sample(tinyPlanCase({ rules: false }), { numRuns: 30, seed: 14_2026 })) {
      const plan = await planSchools(c.system, { ...c.options, ...CATCHMENTS, statusQuo: false });
      if (plan.schools !== undefined && plan.schools.some((s) => s.existing && s.open)) {
        found = { c, plan: plan as typeof plan & { schools: NonNullable<typeof plan.schools> } };
        break;
      }
    }
    expect(found).toBeDefined();
    const { c, plan } = found!;
    const closed = plan.schools.map((s) => ({ ...s, open: false, action: s.existing ? ("close" as const) : ("not built" as const) }));
    const emptied = { ...plan, schools: closed } as typeof plan & { schools: typeof closed };
    const layout = (p: typeof plan) => ({ schools: p.schools!, assignments: p.assignments!, costs: p.costs!, travel: p.travel!, counts: p.counts! });
    const violations = checkPlanOverYears(
      [[{ year: 2025, scenario: "base", system: c.system, plan: layout(emptied) }], [{ year: 2030, scenario: "base", system: c.system, plan: layout(plan) }]],
      plan.rules,
      plan.costFigures,
    );
    const reopened = plan.schools.filter((s) => s.existing && s.open).map((s) => s.id);
    expect(violations.filter((v) => v.rule === "reopened").map((v) => v.school)).toEqual(reopened);
    expect(violations.some((v) => v.rule === "closedSchool" && v.year === 2025)).toBe(true);
  });

  it("refuses a budget, a missing year's demand and an unknown option, naming them", async () => {
    const c = fc.sample(tinyPlanCase({ rules: false }), { numRuns: 1, seed: 15_2026 })[0]!;
    const pupils = scaledPupils(c.system);
    await expect(planSchoolsOverYears(c.system, { years: [2025], demand: [{ year: 2025, scenario: "base", pupils }], budgetYuanPerYear: 1 } as never)).rejects.toThrow(/"budgetYuanPerYear": is not supported by multi-year plans yet/);
    await expect(planSchoolsOverYears(c.system, { years: [2025, 2030], demand: [{ year: 2025, scenario: "base", pupils }] })).rejects.toThrow(/"demand": is missing for this year and scenario, got "2030 base"/);
    await expect(planSchoolsOverYears(c.system, { years: [2030, 2025], demand: [] })).rejects.toThrow(/"years\[1\]": plan years must be ascending/);
    await expect(planSchoolsOverYears(c.system, { years: [2025], demand: [{ year: 2025, scenario: "base", pupils: {} }] })).rejects.toThrow(/demand 2025 base 0 \(id ".*"\), "pupils": is missing/);
    await expect(planSchoolsOverYears(c.system, { years: [2025], demand: [], horizon: 3 } as never)).rejects.toThrow(/"horizon": is not an option of planSchoolsOverYears/);
  });
});

describe("yearWeights and demandFromProjection", () => {
  it("weighs each plan year by the discounted calendar years it stands for", () => {
    expect(yearWeights([2025], 0.08)).toEqual([{ year: 2025, span: 1, weight: 1 }]);
    const [a, b] = yearWeights([2025, 2027], 0);
    expect(a).toEqual({ year: 2025, span: 2, weight: 2 });
    expect(b).toEqual({ year: 2027, span: 2, weight: 2 });
    expect(yearWeights([2025, 2026], 0.5)[1]!.weight).toBeCloseTo(1 / 1.5, 12);
  });

  it("moves each settlement's base pupils by its level's projected change (hand-computed)", () => {
    const c = fc.sample(tinyPlanCase({ rules: false }), { numRuns: 1, seed: 16_2026 })[0]!;
    const level = c.system.levels[0]!;
    const enrolment = (n: number) => ({ kindergarten: n, primary1to3: n, primary4to6: n, junior: n, senior: n });
    const rows = [
      { place: "county", year: 2020, scenario: "low", ages: [], enrolment: enrolment(200) },
      { place: "county", year: 2030, scenario: "low", ages: [], enrolment: enrolment(150) },
    ];
    const [demand] = demandFromProjection(c.system, rows, { years: [2030], scenarios: ["low"] });
    const settlement = c.system.settlements[0]!;
    expect(demand!.pupils[settlement.id]![level]).toBeCloseTo(settlement.pupils[level] * 0.75, 12);
  });

  it("refuses a malformed projection row, a repeated row and demand for a settlement or level the system lacks, naming them", async () => {
    const c = fc.sample(tinyPlanCase({ rules: false }), { numRuns: 1, seed: 16_2026 })[0]!;
    const level = c.system.levels[0]!;
    const enrolment = (n: number) => ({ kindergarten: n, primary1to3: n, primary4to6: n, junior: n, senior: n });
    const row = (year: number, n: number) => ({ place: "county", year, scenario: "low", ages: [], enrolment: enrolment(n) });
    const options = { years: [2030], scenarios: ["low"] };
    const { [level]: _dropped, ...withoutLevel } = enrolment(150);
    expect(() => demandFromProjection(c.system, [row(2020, 200), { ...row(2030, 150), enrolment: withoutLevel as never }], options)).toThrow(`projection 1, "enrolment.${level}": must be a finite number ≥ 0 (every planned level), got undefined`);
    expect(() => demandFromProjection(c.system, [row(2020, 200), { ...row(2030, 150), enrolment: { ...enrolment(150), [level]: "many" } as never }], options)).toThrow(/projection 1, "enrolment\.\w+": must be a finite number ≥ 0/);
    expect(() => demandFromProjection(c.system, [row(2020, 200), row(2030, 150), row(2030, 150)], options)).toThrow(`projection 2, "place": repeats another row's place, year and scenario, got "county 2030 low"`);
    expect(() => demandFromProjection(c.system, [], options)).toThrow(/must be a non-empty array/);
    const pupils = scaledPupils(c.system);
    const planned = { ...CATCHMENTS, years: [2025] };
    await expect(planSchoolsOverYears(c.system, { ...planned, demand: [{ year: 2025, scenario: "base", pupils: { ...pupils, nowhere: { [level]: 5 } } }] })).rejects.toThrow(`demand 2025 base (id "nowhere"), "pupils": names a settlement the system does not have, got "nowhere"`);
    const other = (["kindergarten", "primary1to3", "primary4to6", "junior", "senior"] as const).find((l) => !c.system.levels.includes(l))!;
    const first = c.system.settlements[0]!.id;
    await expect(planSchoolsOverYears(c.system, { ...planned, demand: [{ year: 2025, scenario: "base", pupils: { ...pupils, [first]: { ...pupils[first], [other]: 50 } } }] })).rejects.toThrow(new RegExp(`"pupils\\.${other}": is not a level the system plans`));
  });
});
