import { beforeAll, describe, expect, it } from "vitest";
import { comparePlans } from "../../src/metrics/compare.ts";
import { evaluateLayout, type LayoutEvaluation } from "../../src/metrics/evaluate.ts";
import { planLayout } from "../../src/metrics/layout.ts";
import { checkPlan } from "../../src/plan/check/checkPlan.ts";
import type { Plan } from "../../src/plan/result/result.ts";
import type { SchoolSystem } from "../../src/plan/system/system.ts";
import { tinyPlan } from "../plan/planFixture.ts";

// Resource totals for the two existing primaries; the candidate C1 has none (its indicators are unknown).
const TOTALS = {
  P1: { qualifiedTeachers: 5, backboneTeachers: 1, peArtTeachers: 1, teachingFloorM2: 500, sportsGroundM2: 800, equipmentYuan: 250_000, multimediaClassrooms: 3 },
  P2: { qualifiedTeachers: 2, backboneTeachers: 1, peArtTeachers: 1, teachingFloorM2: 300, sportsGroundM2: 500, equipmentYuan: 120_000, multimediaClassrooms: 1 },
};

let system: SchoolSystem;
let plan: Plan;
let before: LayoutEvaluation;
let after: LayoutEvaluation;

beforeAll(async () => {
  const tiny = await tinyPlan({ timeLimitSeconds: 5 });
  system = tiny.geo.system;
  plan = tiny.plan;
  const options = { rules: plan.rules, costFigures: plan.costFigures, balanceTotals: TOTALS };
  before = evaluateLayout(system, plan.statusQuo!, options);
  after = evaluateLayout(system, planLayout(plan), options);
});

describe("evaluateLayout of a plan's status quo", () => {
  it("evaluateLayout lists the same violations as checkPlan and the plan's status quo", () => {
    const statusQuo = plan.statusQuo!;
    const check = checkPlan(system, { ...statusQuo, rules: plan.rules, costFigures: plan.costFigures });
    expect(before.violations).toEqual(check.violations);
    expect(before.violations).toEqual(statusQuo.violations);
    expect(before.violations.length).toBeGreaterThan(0); // grades 1–3 of v3 walk beyond 30 minutes today
    expect(before.violationCounts.dayTravel).toBeGreaterThan(0);
  });

  it("evaluateLayout of the status quo without its costs (a user's own layout) finds the same violations", () => {
    const statusQuo = plan.statusQuo!;
    const own = evaluateLayout(system, { schools: statusQuo.schools, assignments: statusQuo.assignments }, { rules: plan.rules, costFigures: plan.costFigures });
    expect(own.violations).toEqual(statusQuo.violations);
    expect(own.costs).toEqual(statusQuo.costs);
  });

  it("evaluateLayout's access and school figures agree with the status quo's own travel and counts", () => {
    const statusQuo = plan.statusQuo!;
    for (const level of system.levels) {
      expect(before.access.county[level]!.all.meanMinutes).toBeCloseTo(statusQuo.travel.meanMinutesByLevel[level]!, 9);
      const maxDay = statusQuo.travel.maxDayMinutesByLevel[level];
      if (maxDay !== undefined) expect(before.access.county[level]!.day.maxMinutes).toBeCloseTo(maxDay, 9);
    }
    const boarders = system.levels.reduce((sum, level) => sum + before.access.county[level]!.boarding.pupils, 0);
    expect(boarders).toBeCloseTo(statusQuo.travel.boarders, 9);
    expect(before.schools.openSchools).toBe(statusQuo.counts.open);
    expect(before.schools.smallSchools).toBe(statusQuo.counts.small);
    expect(before.schools.schools.map((school) => school.small)).toEqual(statusQuo.schools.map((school) => school.small));
  });
});

describe("evaluateLayout of a plan", () => {
  it("evaluateLayout of a valid plan lists no violations", () => {
    expect(checkPlan(system, plan as Parameters<typeof checkPlan>[1]).ok).toBe(true);
    expect(after.violations).toEqual([]);
    expect(after.access.county.primary1to3!.withinDayLimitShare).toBe(1);
  });

  it("evaluateLayout gives the balance figures of the open primaries, totals staying with their school", () => {
    const ids = before.balance!.primary.schools.map((school) => school.id);
    expect(ids).toEqual(["P1", "P2"]);
    const p1 = before.balance!.primary.schools[0]!;
    const pupils = before.schools.schools.find((school) => school.id === "P1")!.pupils;
    expect(p1.pupils).toBeCloseTo(pupils, 9);
    expect(p1.values.qualifiedTeachers).toBeCloseTo((100 * 5) / pupils, 9);
    const open = new Set(planLayout(plan).schools.filter((school) => school.open).map((school) => school.id));
    for (const school of after.balance!.primary.schools) expect(open.has(school.id)).toBe(true);
  });

  it("evaluateLayout's figures are JSON-serialisable (no Infinity, NaN or Map)", () => {
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
    expect(JSON.parse(JSON.stringify(before))).toEqual(before);
  });
});

describe("comparePlans", () => {
  it("comparePlans of an evaluation with itself has every numeric change 0", () => {
    const rows = comparePlans(after, after);
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(row.b).toEqual(row.a);
      if (typeof row.a === "number") expect(row.change).toBe(0);
      else expect(row.change).toBeNull();
    }
  });

  it("comparePlans shows what the plan changes against the status quo, keyed by stable paths", () => {
    const rows = comparePlans(before, after);
    const figures = rows.map((row) => row.figure);
    expect(new Set(figures).size).toBe(figures.length);
    const mean = rows.find((row) => row.figure === "access.county.primary1to3.all.meanMinutes")!;
    expect(mean.a).toBe(before.access.county.primary1to3!.all.meanMinutes);
    expect(mean.b).toBe(after.access.county.primary1to3!.all.meanMinutes);
    expect(mean.change).toBeCloseTo((mean.b as number) - (mean.a as number), 12);
    const dayTravel = rows.find((row) => row.figure === "violationCounts.dayTravel")!;
    expect(dayTravel.a).toBe(before.violationCounts.dayTravel);
    expect(dayTravel.b).toBeNull();
    expect(figures).toContain("schools.schools.P1.utilization");
    expect(figures).toContain("balance.primary.indicators.qualifiedTeachers.coefficientOfVariation");
    expect(figures).toContain("costs.total");
  });
});
