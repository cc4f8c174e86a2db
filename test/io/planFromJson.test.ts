import { beforeAll, describe, expect, it } from "vitest";
import { planFromJson } from "../../src/io/planFromJson.ts";
import { evaluateLayout } from "../../src/metrics/evaluate.ts";
import { planLayout } from "../../src/metrics/layout.ts";
import { planToJson } from "../../src/plan/result/planJson.ts";
import type { Plan } from "../../src/plan/result/result.ts";
import type { SchoolSystem } from "../../src/plan/system/system.ts";
import { tinyPlan } from "../plan/planFixture.ts";

let plan: Plan;
let system: SchoolSystem;

beforeAll(async () => {
  ({ plan, geo: { system } } = await tinyPlan({ timeLimitSeconds: 5 }));
});

describe("planFromJson", () => {
  it("reads plan.json back: the same status, actions, rows, costs and rules as the plan it was written from", () => {
    const json = JSON.parse(JSON.stringify(planToJson(plan, system)));
    const read = planFromJson(json, system);
    expect(read.status).toBe(plan.status);
    expect(read.schools!.map((school) => [school.id, school.action, school.open])).toEqual(plan.schools!.map((school) => [school.id, school.action, school.open]));
    expect(read.assignments!.length).toBe(plan.assignments!.length);
    read.assignments!.forEach((row, k) => {
      expect(row.settlementIndex).toBe(plan.assignments![k]!.settlementIndex);
      expect(row.schoolIndex).toBe(plan.assignments![k]!.schoolIndex);
      expect(row.pupils).toBeCloseTo(plan.assignments![k]!.pupils, 2);
    });
    expect(read.costs!.total).toBe(Math.round(plan.costs!.total));
    expect(read.rules).toEqual(plan.rules);
    expect(read.statusQuo!.violations).toEqual(plan.statusQuo!.violations);
  });

  it("gives a layout the metrics evaluate like the plan itself", () => {
    const read = planFromJson(JSON.parse(JSON.stringify(planToJson(plan, system))), system);
    const options = { rules: plan.rules, costFigures: plan.costFigures };
    const a = evaluateLayout(system, planLayout(plan), options);
    // plan.json rounds the costs to whole yuan: evaluate the layout (schools and rows) and let the metrics recompute them.
    const b = evaluateLayout(system, { schools: read.schools!, assignments: read.assignments! }, options);
    expect(b.violations).toEqual([]);
    expect(b.access.county.primary1to3!.all.meanMinutes).toBeCloseTo(a.access.county.primary1to3!.all.meanMinutes!, 1);
  });

  it("refuses a file that is not a plan.json, and a plan made from other inputs, naming the file and the field", () => {
    expect(() => planFromJson({ type: "FeatureCollection" }, system, "x.json")).toThrow(/x\.json.*not a plan\.json/);
    const json = JSON.parse(JSON.stringify(planToJson(plan, system)));
    json.assignments[0].settlement = "nowhere";
    expect(() => planFromJson(json, system, "p.json")).toThrow(/p\.json.*plan\.assignments\[0\]\.settlement.*not a settlement of the inputs.*"nowhere"/);
  });
});
