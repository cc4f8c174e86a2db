import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSchoolsOverYears } from "../../../src/index.ts";
import { buildPlanModel } from "../../../src/plan/solve/model.ts";
import { preparePlan } from "../../../src/plan/solve/solvePlan.ts";
import { systemForYear } from "../../../src/plan/years/yearDemand.ts";
import { buildMultiYearModel } from "../../../src/plan/years/yearModel.ts";
import { yearWeights } from "../../../src/plan/years/yearOptions.ts";
import { yearPlansFromDecisions } from "../../../src/plan/years/yearPlans.ts";
import { multiYearStartValues, sequentialDecisions } from "../../../src/plan/years/yearStart.ts";
import { expectedObjective } from "../../../src/plan/years/solveYears.ts";
import { CATCHMENTS, tinyPlanCase, scaledPupils } from "../../helpers/schoolSystems.ts";


describe("the multi-year warm start", () => {
  it("plans the years one after another: closed schools stay closed, built ones stay, and the start is a solution of the MIP never below its optimum", async () => {
    const cases = fc.sample(tinyPlanCase(), { numRuns: 40, seed: 31_2026 }).filter((c) => c.options.budgetYuanPerYear === undefined);
    let started = 0;
    for (const c of cases) {
      const options = { ...c.options, ...CATCHMENTS };
      const years = [2025, 2030, 2035];
      const demand = years.map((year, t) => ({ year, scenario: "base", pupils: scaledPupils(c.system, (i) => (i % 2 === 0 ? 1 - 0.3 * t : 1 + 0.2 * t)) }));
      const copies = demand.map((d) => {
        const { context, coverage } = preparePlan(systemForYear(c.system, d), options);
        return { context, coverage, model: buildPlanModel(context, coverage, { objective: "cost", budgetYuanPerYear: null, maxMeanTravelMinutes: context.rules.maxMeanTravelMinutes }) };
      });
      const decisions = await sequentialDecisions(copies, "cost", 1);
      if (decisions === null) continue;
      c.system.schools.forEach((school, j) => {
        const open = decisions.map((d) => d.open[j]);
        for (let t = 1; t < open.length; t++) {
          if (school.existing && open[t] === 1) expect(open[t - 1]).toBe(1);
          if (!school.existing && open[t - 1] === 1) expect(open[t]).toBe(1);
        }
      });
      const weights = yearWeights(years, 0.08);
      const model = buildMultiYearModel(copies.map((copy) => [copy]), weights, [1], "cost");
      const values = multiYearStartValues(model, decisions.map((d) => [d]));
      if (values === null) continue;
      started++;
      const value = expectedObjective(yearPlansFromDecisions(copies.map((copy) => [copy.context]), decisions.map((d) => [d])).plans, weights, [1], "cost");
      const optimum = await planSchoolsOverYears(c.system, { ...options, years, demand });
      expect(optimum.status).toBe("optimal");
      expect(value).toBeGreaterThanOrEqual(optimum.objective! * (1 - 1e-9) - 1e-6);
    }
    expect(started).toBeGreaterThan(10);
  });
});
