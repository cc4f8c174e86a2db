import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHINA_NORMS,
  createSchoolSystem,
  InputError,
  planSchools,
  withNormOverrides,
  type PlanOptions,
} from "../../src/index.ts";
import {
  bruteForcePlan,
  CATCHMENTS,
  deepFreeze,
  relativelyClose as close,
  tinyPlanCase,
  tinySystem,
  tinySystemInput,
  TOWNSHIP_SPEC,
  type TinySystemSpec,
} from "../helpers/schoolSystems.ts";
import { constructPlan } from "../../src/plan/heuristic/construct.ts";
import { improvePlan } from "../../src/plan/heuristic/localSearch.ts";
import { scoreDecisions } from "../../src/plan/heuristic/score.ts";
import { preparePlan } from "../../src/plan/solve/solvePlan.ts";

// Feasible generated tiny systems (by the brute force), for the budget and trade-off properties.
const FEASIBLE = fc
  .sample(tinyPlanCase(), { numRuns: 120, seed: 12_2026 })
  .filter((c) => bruteForcePlan(c.system, c.options) !== null)
  .slice(0, 12);

describe("planSchools' options", () => {
  // Grades 4–6 of "far" are 90 minutes by bus from the only primary school with beds: boarding is cheaper.
  const boardingSpec: TinySystemSpec = {
    settlements: [
      { id: "near", pupils: { primary1to3: 40, primary4to6: 40 } },
      { id: "far", pupils: { primary4to6: 30 } },
    ],
    schools: [{ id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1, primary4to6: 2 }, classrooms: 3, beds: 30 }],
    minutes: { primary1to3: [[5], [90]], primary4to6: [[5], [90]] },
  };
  it("an overridden boarding grade (withNormOverrides(CHINA_NORMS, { boardingFromGrade: 7 })) stops primary4to6 boarding", async () => {
    const system = tinySystem(boardingSpec);
    const national = await planSchools(system, { ...CATCHMENTS });
    expect(national.assignments!.some((row) => row.level === "primary4to6" && row.boarding)).toBe(true);
    const norms = withNormOverrides(CHINA_NORMS, { boardingFromGrade: 7 });
    const county = await planSchools(system, { ...CATCHMENTS, norms });
    expect(county.status).toBe("optimal");
    expect(county.rules.boardingFromGrade).toBe(7);
    expect(county.assignments!.filter((row) => row.level === "primary4to6" && row.boarding)).toEqual([]);
    expect(close(county.objective!, bruteForcePlan(system, { ...CATCHMENTS, norms })!.objective)).toBe(true);
  });

  it("a larger budget never worsens travel (objective travel, budget B then 2B)", async () => {
    expect(FEASIBLE.length).toBeGreaterThan(5);
    for (const c of FEASIBLE) {
      const plan = await planSchools(c.system, { ...c.options, statusQuo: false });
      const budget = plan.costs!.total * 1.02;
      const tight = await planSchools(c.system, { ...c.options, objective: "travel", budgetYuanPerYear: budget, statusQuo: false });
      const loose = await planSchools(c.system, { ...c.options, objective: "travel", budgetYuanPerYear: 2 * budget, statusQuo: false });
      expect(tight.status).toBe("optimal");
      expect(loose.status).toBe("optimal");
      expect(loose.travel!.meanMinutes).toBeLessThanOrEqual(tight.travel!.meanMinutes + 1e-6);
      expect(tight.travel!.meanMinutes).toBeLessThanOrEqual(plan.travel!.meanMinutes + 1e-6);
    }
  });

  it("the trade-off curve (tradeoffPoints: 3) runs from least travel to least cost, cost non-increasing, each point the least cost within its mean-travel limit", async () => {
    const cases = [
      ...FEASIBLE.slice(0, 6),
      { system: tinySystem(boardingSpec), options: { ...CATCHMENTS } },
    ];
    for (const [k, c] of cases.entries()) {
      const objective = k % 2 === 0 ? "cost" : "travel";
      const plan = await planSchools(c.system, { ...c.options, objective, tradeoffPoints: 3, statusQuo: false });
      expect(plan.tradeoff).toHaveLength(3);
      const leastTravel = bruteForcePlan(c.system, { ...c.options, objective: "travel" })!;
      const leastCost = bruteForcePlan(c.system, c.options)!;
      const points = plan.tradeoff;
      expect(close(points[0]!.meanTravelMinutes!, leastTravel.objective)).toBe(true);
      expect(close(points[2]!.costYuanPerYear!, leastCost.objective)).toBe(true);
      for (const [k, point] of points.entries()) {
        expect(point.costYuanPerYear).not.toBeNull();
        expect(point.meanTravelMinutes!).toBeLessThanOrEqual(point.maxMeanTravelMinutes + 1e-6);
        // Each point is the least cost within its ε.
        const within = bruteForcePlan(c.system, { ...c.options, maxMeanTravelMinutes: point.maxMeanTravelMinutes * (1 + 1e-9) + 1e-9 })!;
        expect(close(point.costYuanPerYear!, within.objective), `point ${k}: ${point.costYuanPerYear} vs ${within.objective}`).toBe(true);
        if (k > 0) {
          expect(point.maxMeanTravelMinutes).toBeGreaterThanOrEqual(points[k - 1]!.maxMeanTravelMinutes);
          expect(point.costYuanPerYear!).toBeLessThanOrEqual(points[k - 1]!.costYuanPerYear! * (1 + 1e-6));
        }
      }
    }
  });

  it("progress reports come in the plan's units (yuan per year), seconds since the call, from the heuristic and the solver, never past the final figures", async () => {
    const reports: Array<{ elapsedSeconds: number; objective: number | null; bound: number | null }> = [];
    const system = tinySystem(TOWNSHIP_SPEC);
    const plan = await planSchools(system, { timeLimitSeconds: 20, statusQuo: false, onProgress: (p) => reports.push(p) });
    expect(plan.objective).not.toBeNull();
    const objectives = reports.flatMap((r) => (r.objective === null ? [] : [r.objective]));
    const bounds = reports.flatMap((r) => (r.bound === null ? [] : [r.bound]));
    expect(objectives.length).toBeGreaterThan(0);
    expect(bounds.length).toBeGreaterThan(0);
    // Yuan per year, not the solver's scaled units: every reported plan costs at least the final one and at most 10 × it.
    for (const value of objectives) {
      expect(value).toBeGreaterThanOrEqual(plan.objective! * (1 - 1e-9));
      expect(value).toBeLessThanOrEqual(plan.objective! * 10);
    }
    for (const value of bounds) expect(value).toBeLessThanOrEqual(plan.objective! * (1 + 1e-9));
    for (let k = 1; k < reports.length; k++) expect(reports[k]!.elapsedSeconds).toBeGreaterThanOrEqual(reports[k - 1]!.elapsedSeconds);
  });

  it("a time limit beyond what a timer holds (1e9 s) is no limit at all, not an instant stop", async () => {
    const plan = await planSchools(tinySystem(TOWNSHIP_SPEC), { timeLimitSeconds: 1e9, statusQuo: false });
    expect(plan.status).toBe("optimal");
  });

  it("source is heuristic exactly when the plan returned is the heuristic's (the solver found none better), solver when it is better", async () => {
    let both = { heuristic: 0, solver: 0 };
    for (const c of FEASIBLE) {
      const prepared = preparePlan(c.system, c.options);
      const objective = c.options.objective ?? "cost";
      const constructed = constructPlan(prepared.context, prepared.coverage, objective);
      if (constructed === null) continue;
      const heuristic = await improvePlan(prepared.context, prepared.coverage, constructed, { objective, limits: { budgetYuanPerYear: prepared.context.rules.budgetYuanPerYear, maxMeanTravelMinutes: prepared.context.rules.maxMeanTravelMinutes } });
      const score = scoreDecisions(prepared.context, heuristic);
      const value = objective === "cost" ? score.costs.total : score.travel.meanMinutes;
      const plan = await planSchools(c.system, { ...c.options, statusQuo: false });
      if (plan.objective === null) continue;
      if (plan.source === "heuristic") expect(plan.objective).toBeCloseTo(value, 6);
      else expect(plan.objective).toBeLessThan(value - 1e-6 * Math.max(1, value));
      both = { ...both, [plan.source]: both[plan.source as "heuristic" | "solver"] + 1 };
    }
    expect(both.heuristic + both.solver).toBeGreaterThan(5);
  });

  it("planSchools throws InputError naming an unknown option", async () => {
    const system = tinySystem(boardingSpec);
    await expect(planSchools(system, { budgetYuan: 5 } as unknown as PlanOptions)).rejects.toThrow(InputError);
    await expect(planSchools(system, { budgetYuan: 5 } as unknown as PlanOptions)).rejects.toThrow(/budgetYuan/);
    await expect(planSchools(system, { threeSchool: false } as unknown as PlanOptions)).rejects.toThrow(InputError);
  });

  it("planSchools throws InputError naming a bad option value", async () => {
    const system = tinySystem(boardingSpec);
    await expect(planSchools(system, { objective: "fastest" } as unknown as PlanOptions)).rejects.toThrow(/objective/);
    await expect(planSchools(system, { tradeoffPoints: 1 })).rejects.toThrow(InputError);
    await expect(planSchools(system, { budgetYuanPerYear: -1 })).rejects.toThrow(/budgetYuanPerYear/);
    await expect(planSchools(system, { minimumEnrolment: { school: 5 } as unknown as PlanOptions["minimumEnrolment"] })).rejects.toThrow(InputError);
  });

  it("planSchools throws InputError when kilometres are priced without travel metres", async () => {
    const system = tinySystem(boardingSpec);
    await expect(planSchools(system, { costs: { yuanPerPupilKilometre: 1 } })).rejects.toThrow(InputError);
  });

  it("planSchools never mutates its inputs (deep-frozen system input and options)", async () => {
    const input = deepFreeze(tinySystemInput(TOWNSHIP_SPEC));
    const before = JSON.stringify(input);
    const system = createSchoolSystem(input);
    const options = deepFreeze({ ...CATCHMENTS, threeSchools: true, costs: { yuanPerPupilMinute: 0.5 }, tradeoffPoints: 2, minimumEnrolment: { kindergarten: 5 } });
    const plan = await planSchools(system, options);
    expect(plan.status).toBe("optimal");
    expect(JSON.stringify(input)).toBe(before);
    const again = await planSchools(system, options);
    expect(again.objective).toBe(plan.objective);
  });
});
