import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSchoolsOverYears, schoolSystemFromGeoJSON, type YearDemand } from "../../../src/index.ts";
import { buildPlanModel } from "../../../src/plan/solve/model.ts";
import { preparePlan } from "../../../src/plan/solve/solvePlan.ts";
import { expectedObjective, solveScenariosAlone, tryScenarioSchedules } from "../../../src/plan/years/solveYears.ts";
import { systemForYear } from "../../../src/plan/years/yearDemand.ts";
import { yearWeights } from "../../../src/plan/years/yearOptions.ts";
import { yearPlansFromDecisions } from "../../../src/plan/years/yearPlans.ts";
import { polishDecisions } from "../../../src/plan/years/yearPolish.ts";
import { CATCHMENTS, tinyPlanCase, scaledPupils } from "../../helpers/schoolSystems.ts";


describe("the second stage of a plan solved by scenario", () => {
  it("places the pupils again with the shared schools and additions: never dearer, never below the joint optimum, and it meets the rules", async () => {
    const cases = fc.sample(tinyPlanCase(), { numRuns: 40, seed: 41_2026 }).filter((c) => c.options.budgetYuanPerYear === undefined);
    let compared = 0;
    for (const c of cases) {
      // Dear classrooms: a scenario alone avoids adding them, the shared plan may have them from the other scenario.
      const options = { ...c.options, ...CATCHMENTS, costs: { ...c.options.costs, classroomPerYear: 400_000 } };
      const years = [2025, 2030];
      const demand = years.flatMap((year, t) => [
        { year, scenario: "a", pupils: scaledPupils(c.system, (i) => (i % 2 === 0 ? 1.5 - 0.4 * t : 0.6)) },
        { year, scenario: "b", pupils: scaledPupils(c.system, (i) => (i % 2 === 0 ? 0.6 : 1.5 - 0.4 * t)) },
      ]);
      const copies = years.map((year) => ["a", "b"].map((scenario) => {
        const { context, coverage } = preparePlan(systemForYear(c.system, demand.find((d) => d.year === year && d.scenario === scenario)!), options);
        return { context, coverage, model: buildPlanModel(context, coverage, { objective: "cost", budgetYuanPerYear: null, maxMeanTravelMinutes: context.rules.maxMeanTravelMinutes }) };
      }));
      const weights = yearWeights(years, 0.08);
      const settings = { objective: "cost" as const, seconds: undefined, solve: {} };
      const contexts = copies.map((row) => row.map((copy) => copy.context));
      const score = (decisions: Parameters<typeof yearPlansFromDecisions>[1]) => expectedObjective(yearPlansFromDecisions(contexts, decisions).plans, weights, [0.5, 0.5], "cost");
      const alone = await solveScenariosAlone(copies, weights, settings);
      if (alone.end !== undefined) continue;
      const tried = await tryScenarioSchedules(copies, alone, score, settings);
      if (tried.best === null) continue;
      const polished = await polishDecisions(copies, tried.best.decisions, settings);
      const joint = await planSchoolsOverYears(c.system, { ...options, years, scenarios: [{ id: "a" }, { id: "b" }], demand, method: "joint" });
      const before = tried.best.value;
      const after = score(polished.decisions);
      const tolerance = 1e-9 * Math.max(1, before);
      expect(after).toBeLessThanOrEqual(before + tolerance);
      expect(after).toBeGreaterThanOrEqual(joint.objective! - tolerance - 1e-6);
      polished.decisions.forEach((row, t) => row.forEach((d) => expect(Array.from(d.open)).toEqual(Array.from(tried.best!.decisions[t]![0]!.open))));
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("uses the classrooms another scenario adds: by scenario equals the joint optimum where a scenario alone would send pupils past them", async () => {
    // A fresh-user test case: N1 is built with 2 classrooms for scenarios s1 and s2; scenario s3 alone would not
    // add them and sends village b's grades 4-6 4 km to P2, but in the shared plan N1's classrooms are there.
    const point = (lon: number, properties: Record<string, unknown>) => ({ type: "Feature" as const, properties, geometry: { type: "Point" as const, coordinates: [lon, 23.9] } });
    const settlements = { type: "FeatureCollection" as const, features: [
      point(114.7, { id: "a", township: "T1", primary1to3: 60, primary4to6: 55 }),
      point(114.72, { id: "b", township: "T1", primary1to3: 30, primary4to6: 28 }),
      point(114.75, { id: "c", township: "T1", primary1to3: 12, primary4to6: 10 }),
    ] };
    const schools = { type: "FeatureCollection" as const, features: [
      point(114.701, { id: "P1", type: "complete primary", tier: "township", township: "T1", classes: { primary1to3: 2, primary4to6: 2 }, classrooms: 6, beds: 40 }),
      point(114.749, { id: "P2", type: "complete primary", tier: "village", township: "T1", classes: { primary1to3: 1, primary4to6: 1 } }),
    ] };
    const candidates = { type: "FeatureCollection" as const, features: [point(114.721, { id: "N1", type: "complete primary", tier: "village", township: "T1", maxAddedClassrooms: 2 })] };
    const { system } = schoolSystemFromGeoJSON({ settlements, schools, candidates, travel: { fallback: {} } });
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const scaled = (year: number, scenario: string, fa: number, fb: number, fc: number): YearDemand => ({
      year, scenario, pupils: { a: { primary1to3: 60 * fa, primary4to6: 55 * fa }, b: { primary1to3: 30 * fb, primary4to6: 28 * fb }, c: { primary1to3: 12 * fc, primary4to6: 10 * fc } },
    });
    const ids = ["s1", "s2", "s3"];
    const demand = ids.flatMap((id) => [2025, 2030].map((year) => scaled(year, id, 0.3 + 1.5 * random(), 0.1 + 2.5 * random(), 0.1 + 3 * random())));
    const scenarios = ids.map((id) => ({ id, probability: 0.2 + random() }));
    const options = { years: [2025, 2030], scenarios, demand, threeSchools: false };
    const joint = await planSchoolsOverYears(system, { ...options, method: "joint" });
    const split = await planSchoolsOverYears(system, { ...options, method: "byScenario" });
    expect(joint.status).toBe("optimal");
    expect(split.objective!).toBeCloseTo(joint.objective!, 0);
    const regret = await planSchoolsOverYears(system, { ...options, method: "byScenario", criterion: "maxRegret" });
    const regretJoint = await planSchoolsOverYears(system, { ...options, method: "joint", criterion: "maxRegret" });
    expect(regret.objective!).toBeCloseTo(regretJoint.objective!, 0);
  });
});
