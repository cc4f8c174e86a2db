import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CHINA_NORMS, withNormOverrides } from "../../src/norms/index.ts";
import { planToJson, roundOrNull } from "../../src/plan/result/planJson.ts";
import type { Plan } from "../../src/plan/result/result.ts";
import type { SchoolSystem } from "../../src/plan/system/system.ts";
import { planSummaryMarkdown } from "../../src/render/report/index.ts";
import { tinyPlan } from "./planFixture.ts";

let plan: Plan;
let system: SchoolSystem;
let infeasible: Plan;
let withCurve: Plan;

beforeAll(async () => {
  ({ plan, geo: { system } } = await tinyPlan());
  ({ plan: infeasible } = await tinyPlan({ norms: withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { primary1to3: 1 } }, "test") }));
  ({ plan: withCurve } = await tinyPlan({ tradeoffPoints: 2 }));
});

/** Every number in a JSON-like value, with its path. */
function numbers(value: unknown, path = "$"): Array<[string, number]> {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, k) => numbers(item, `${path}[${k}]`));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([key, item]) => numbers(item, `${path}.${key}`));
  return [];
}

/** A copy of `value` with the number at each path replaced. */
function replaced<T>(value: T, changes: ReadonlyMap<string, number>, path = "$"): T {
  if (typeof value === "number") return (changes.get(path) ?? value) as T;
  if (Array.isArray(value)) return value.map((item, k) => replaced(item, changes, `${path}[${k}]`)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaced(item, changes, `${path}.${key}`)])) as T;
  }
  return value;
}

describe("planToJson", () => {
  it("holds every documented field with per-level objects for the planned levels only", () => {
    const json = planToJson(plan, system);
    expect(json.status).toBe("optimal");
    expect(json.levels).toEqual(["kindergarten", "primary1to3", "primary4to6"]);
    for (const perLevel of [json.rules.dayTravelLimitMinutes, json.rules.boardingTravelLimitMinutes, json.rules.boardingAllowed, json.rules.classSize]) {
      expect(Object.keys(perLevel)).toEqual(json.levels);
    }
    for (const school of json.schools!) {
      expect(Object.keys(school.enrolment)).toEqual(json.levels);
      expect(Object.keys(school.seats)).toEqual(json.levels);
    }
    expect(Object.keys(json.travel!.meanMinutesByLevel)).toEqual(json.levels);
    expect(json.schools!.map((school) => [school.id, school.action])).toEqual([["K1", "keep"], ["P1", "keep"], ["P2", "close"], ["C1", "build"]]);
    expect(json.statusQuo!.violations.map((violation) => violation.rule)).toContain("dayTravel");
    expect(json.costFigures).toEqual(plan.costFigures);
    expect(json.tradeoff).toEqual([]);
    expect(json.reasons).toEqual([]);
  });

  it("rounds pupils and minutes to 0.01, metres and yuan to whole numbers", () => {
    const json = planToJson(plan, system);
    const hundredths = (value: number | null): boolean => value === null || Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
    for (const row of json.assignments!) {
      expect(hundredths(row.pupils)).toBe(true);
      expect(hundredths(row.travelMinutes)).toBe(true);
      expect(Number.isInteger(row.travelMetres)).toBe(true);
    }
    for (const value of Object.values(json.costs!)) expect(Number.isInteger(value)).toBe(true);
    expect(json.objective).toBe(Math.round(plan.objective!));
    expect(json.travel!.meanMinutes).toBe(Math.round(plan.travel!.meanMinutes * 100) / 100);
    expect(json.assignments![0]!.travelMinutes).toBeCloseTo(plan.assignments![0]!.travelMinutes, 2);
  });

  it("never emits Infinity or NaN (nor does the summary print them), whatever figures of the plan are not finite", () => {
    const paths = numbers(JSON.parse(JSON.stringify(plan)) as unknown).map(([path]) => path);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...paths), { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom(Infinity, -Infinity, NaN), { minLength: 12, maxLength: 12 }), (chosen, values) => {
        const broken = replaced(plan, new Map(chosen.map((path, k) => [path, values[k]!])));
        const json = planToJson(broken, system);
        for (const [path, value] of numbers(json)) expect(Number.isFinite(value), path).toBe(true);
        expect(JSON.parse(JSON.stringify(json))).toEqual(json);
        expect(planSummaryMarkdown(broken, system)).not.toMatch(/Infinity|NaN/);
      }),
      { numRuns: 200 },
    );
  });

  it("writes null for an unreachable status quo row and an unbounded transport cost", () => {
    const statusQuo = plan.statusQuo!;
    const row = { ...statusQuo.assignments[0]!, travelMinutes: Infinity, travelMetres: null };
    const broken: Plan = {
      ...plan,
      statusQuo: { ...statusQuo, assignments: [row, ...statusQuo.assignments.slice(1)], costs: { ...statusQuo.costs, transport: Infinity, total: Infinity } },
    };
    const json = planToJson(broken, system);
    expect(json.statusQuo!.assignments[0]).toMatchObject({ travelMinutes: null, travelMetres: null });
    expect(json.statusQuo!.costs).toMatchObject({ transport: null, total: null });
  });

  it("gives null layout fields and the reasons for an infeasible plan", () => {
    const json = planToJson(infeasible, system);
    expect(json.status).toBe("infeasible");
    expect([json.objective, json.schools, json.assignments, json.costs, json.travel, json.counts]).toEqual([null, null, null, null, null, null]);
    expect(json.reasons[0]).toMatchObject({ code: "unreachable", level: "primary1to3" });
    expect(json.rules.dayTravelLimitMinutes.primary1to3).toBe(1);
    expect(json.statusQuo).not.toBeNull();
  });

  it("rounds the trade-off curve and keeps each point's status", () => {
    const json = planToJson(withCurve, system);
    expect(json.tradeoff).toHaveLength(2);
    for (const point of json.tradeoff) {
      expect(Number.isInteger(point.costYuanPerYear)).toBe(true);
      expect(point.status).toBe("optimal");
    }
  });

  it("roundOrNull maps non-finite values to null and never gives −0", () => {
    expect(roundOrNull(Infinity, 2)).toBeNull();
    expect(roundOrNull(NaN, 0)).toBeNull();
    expect(roundOrNull(null, 0)).toBeNull();
    expect(Object.is(roundOrNull(-0.001, 2), 0)).toBe(true);
    expect(roundOrNull(1.23456, 2)).toBe(1.23);
  });
});
