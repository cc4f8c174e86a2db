import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSchools, type Plan, type SchoolSystem } from "../../src/index.ts";
import {
  bruteForcePlan,
  CATCHMENTS,
  relativelyClose as close,
  tinyPlanCase,
  tinySystem,
  type BruteForceOptions,
  TOWNSHIP_SPEC,
  type TinySystemSpec,
} from "../helpers/schoolSystems.ts";

interface HandCase {
  readonly name: string;
  readonly spec: TinySystemSpec;
  readonly options: BruteForceOptions;
}

// Hand-built tiny systems. Minutes rows are settlements, columns schools (in the order listed).
const HAND_CASES: readonly HandCase[] = [
  {
    name: "two villages share one school when the other can close",
    spec: {
      settlements: [
        { id: "v1", pupils: { primary1to3: 30, primary4to6: 28 } },
        { id: "v2", pupils: { primary1to3: 12, primary4to6: 10 } },
      ],
      schools: [
        { id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1, primary4to6: 1 }, classrooms: 3 },
        { id: "P2", type: "complete primary", tier: "village", classes: { primary1to3: 1, primary4to6: 1 } },
      ],
      minutes: [[5, 25], [20, 4]],
    },
    options: { ...CATCHMENTS },
  },
  {
    name: "far juniors board where a weekly trip is cheaper than daily ones",
    spec: {
      settlements: [
        { id: "near", pupils: { junior: 60 } },
        { id: "far", pupils: { junior: 40 } },
      ],
      schools: [{ id: "J1", type: "junior", tier: "township", classes: { junior: 2 }, classrooms: 3, beds: 30 }],
      minutes: [[10], [90]],
    },
    options: { ...CATCHMENTS, threeSchools: false },
  },
  {
    name: "a teaching point is built for grades 1–3 beyond 30 minutes",
    spec: {
      settlements: [
        { id: "seat", pupils: { primary1to3: 80, primary4to6: 70 } },
        { id: "hill", pupils: { primary1to3: 15, primary4to6: 14 } },
      ],
      schools: [
        { id: "P1", type: "complete primary", tier: "township", classes: { primary1to3: 2, primary4to6: 2 }, beds: 40 },
        { id: "TP", type: "teaching point", tier: "village", existing: false, maxAddedClassrooms: 2 },
      ],
      minutes: [[5, 50], [45, 8]],
    },
    options: { ...CATCHMENTS, threeSchools: false },
  },
  {
    name: "the township keeps its three schools and adds beds for its boarding school",
    spec: TOWNSHIP_SPEC,
    options: { ...CATCHMENTS, threeSchools: true },
  },
  {
    name: "grades 1–3 beyond 30 minutes of every school make the plan infeasible",
    spec: {
      settlements: [
        { id: "v1", pupils: { primary1to3: 30 } },
        { id: "remote", pupils: { primary1to3: 9 } },
      ],
      schools: [{ id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1 } }],
      minutes: [[5], [40]],
    },
    options: { ...CATCHMENTS, threeSchools: false },
  },
  {
    name: "a budget below the least cost is infeasible",
    spec: {
      settlements: [{ id: "v1", pupils: { primary1to3: 30 } }],
      schools: [{ id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1 } }],
      minutes: [[5]],
    },
    options: { ...CATCHMENTS, budgetYuanPerYear: 100_000 },
  },
  {
    name: "no closures keeps every existing school open",
    spec: {
      settlements: [
        { id: "v1", pupils: { kindergarten: 25 } },
        { id: "v2", pupils: { kindergarten: 5 } },
      ],
      schools: [
        { id: "K1", type: "kindergarten", tier: "village", classes: { kindergarten: 1 } },
        { id: "K2", type: "kindergarten", tier: "village", classes: { kindergarten: 1 } },
      ],
      minutes: [[4, 12], [9, 3]],
    },
    options: { ...CATCHMENTS, maxClosures: 0 },
  },
  {
    name: "a required candidate is built and a forbidden school closed",
    spec: {
      settlements: [
        { id: "v1", pupils: { primary1to3: 40, primary4to6: 35 } },
        { id: "v2", pupils: { primary1to3: 20, primary4to6: 18 } },
      ],
      schools: [
        { id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1, primary4to6: 1 }, forbidden: true },
        { id: "P2", type: "complete primary", tier: "village", classes: { primary1to3: 1, primary4to6: 1 } },
        { id: "N1", type: "nine-year", tier: "village", existing: false, required: true },
      ],
      minutes: [[3, 20, 25], [10, 6, 28]],
    },
    options: { ...CATCHMENTS },
  },
  {
    name: "a kindergarten of 360 children sends the rest to a new one",
    spec: {
      settlements: [
        { id: "a", pupils: { kindergarten: 200 } },
        { id: "b", pupils: { kindergarten: 190 } },
      ],
      schools: [
        { id: "K1", type: "kindergarten", tier: "village", classes: { kindergarten: 6 }, classrooms: 12 },
        { id: "K2", type: "kindergarten", tier: "village", existing: false },
      ],
      minutes: [[5, 15], [6, 20]],
    },
    options: { ...CATCHMENTS },
  },
  {
    name: "a protected small school stays open below the minimum enrolment",
    spec: {
      settlements: [
        { id: "v1", pupils: { primary1to3: 40 } },
        { id: "v2", pupils: { primary1to3: 6 } },
      ],
      schools: [
        { id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1 } },
        { id: "TP", type: "teaching point", tier: "village", classes: { primary1to3: 1 }, protected: true },
      ],
      minutes: [[5, 40], [50, 5]],
    },
    options: { ...CATCHMENTS, minimumEnrolment: { "teaching point": 20, "complete primary": 20 } },
  },
  {
    name: "a school with no room to add classrooms sends pupils elsewhere",
    spec: {
      settlements: [
        { id: "v1", pupils: { junior: 90 } },
        { id: "v2", pupils: { junior: 60 } },
      ],
      schools: [
        { id: "J1", type: "junior", tier: "village", classes: { junior: 2 }, maxAddedClassrooms: 0 },
        { id: "J2", type: "junior", tier: "village", existing: false },
      ],
      minutes: [[10, 40], [12, 30]],
    },
    options: { ...CATCHMENTS },
  },
  {
    name: "kilometres priced as well as minutes",
    spec: {
      settlements: [
        { id: "v1", pupils: { junior: 45 } },
        { id: "v2", pupils: { junior: 30 } },
      ],
      schools: [
        { id: "J1", type: "junior", tier: "village", classes: { junior: 1 }, beds: 10 },
        { id: "J2", type: "junior", tier: "village", classes: { junior: 1 }, beds: 40 },
      ],
      minutes: [[20, 35], [50, 25]],
      metres: [[4000, 15000], [30000, 8000]],
    },
    options: { ...CATCHMENTS, costs: { yuanPerPupilKilometre: 0.8 } },
  },
  {
    name: "a school grows by classrooms and beds when that is cheapest",
    spec: {
      settlements: [
        { id: "v1", pupils: { primary1to3: 60, primary4to6: 55 } },
        { id: "v2", pupils: { primary4to6: 20 } },
      ],
      schools: [
        { id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1, primary4to6: 1 }, maxAddedBeds: 30 },
        { id: "P2", type: "complete primary", tier: "village", existing: false },
      ],
      minutes: [[5, 12], [100, 110]],
    },
    options: { ...CATCHMENTS, costs: { newSchoolPerYear: 900_000 } },
  },
  {
    name: "a level short of seats everywhere is infeasible",
    spec: {
      settlements: [
        { id: "a", pupils: { kindergarten: 250 } },
        { id: "b", pupils: { kindergarten: 150 } },
      ],
      schools: [{ id: "K1", type: "kindergarten", tier: "village", classes: { kindergarten: 6 } }],
      minutes: [[5], [9]],
    },
    options: { ...CATCHMENTS },
  },
  {
    name: "a township without a possible central kindergarten is infeasible under three schools",
    spec: {
      settlements: [{ id: "v1", township: "T1", pupils: { primary1to3: 30, primary4to6: 30 } }],
      schools: [{ id: "P1", type: "complete primary", tier: "township", township: "T1", classes: { primary1to3: 1, primary4to6: 1 }, beds: 10 }],
      minutes: [[5]],
    },
    options: { ...CATCHMENTS, threeSchools: true },
  },
  {
    name: "least travel within a budget",
    spec: {
      settlements: [
        { id: "v1", pupils: { primary4to6: 40 } },
        { id: "v2", pupils: { primary4to6: 30 } },
        { id: "v3", pupils: { primary4to6: 20 } },
      ],
      schools: [
        { id: "P1", type: "complete primary", tier: "village", classes: { primary4to6: 2 } },
        { id: "P2", type: "complete primary", tier: "village", classes: { primary4to6: 1 } },
        { id: "P3", type: "complete primary", tier: "village", existing: false },
      ],
      minutes: [[5, 30, 40], [35, 5, 25], [60, 45, 5]],
    },
    options: { ...CATCHMENTS, objective: "travel", budgetYuanPerYear: 1_600_000 },
  },
];

function handSystem(c: HandCase): SchoolSystem {
  return tinySystem(c.spec);
}

describe("planSchools agrees with the brute force on tiny systems", () => {
  it.each(HAND_CASES.map((c) => [c.name, c] as const))("planSchools' objective equals the brute force's least cost: %s", async (_name, c) => {
    const system = handSystem(c);
    const expected = bruteForcePlan(system, c.options);
    const plan = await planSchools(system, c.options);
    if (expected === null) {
      expect(plan.status).toBe("infeasible");
      expect(plan.reasons.length).toBeGreaterThan(0);
    } else {
      expect(plan.status).toBe("optimal");
      expect(close(plan.objective!, expected.objective)).toBe(true);
    }
  });

  it("planSchools' reasons give the settlement out of reach, the level short of seats and the township without a central kindergarten", async () => {
    const reasonsOf = async (name: string): Promise<Plan["reasons"]> => {
      const c = HAND_CASES.find((hand) => hand.name === name)!;
      const plan = await planSchools(handSystem(c), c.options);
      expect(plan.status).toBe("infeasible");
      return plan.reasons;
    };
    const unreachable = await reasonsOf("grades 1–3 beyond 30 minutes of every school make the plan infeasible");
    expect(unreachable).toContainEqual(expect.objectContaining({ code: "unreachable", level: "primary1to3", settlements: ["remote"] }));
    // Each reason says what to do about it.
    expect(unreachable.find((r) => r.code === "unreachable")!.message).toMatch(/add candidate sites of a type serving primary1to3 within reach/);
    const seats = await reasonsOf("a level short of seats everywhere is infeasible");
    expect(seats).toContainEqual(expect.objectContaining({ code: "seats", level: "kindergarten" }));
    expect(seats.find((r) => r.code === "seats")!.message).toMatch(/400/);
    expect(seats.find((r) => r.code === "seats")!.message).toMatch(/add candidate sites serving kindergarten/);
    const township = await reasonsOf("a township without a possible central kindergarten is infeasible under three schools");
    expect(township).toContainEqual(expect.objectContaining({ code: "threeSchools" }));
    expect(township.find((r) => r.code === "threeSchools")!.message).toMatch(/T1/);
    const budget = await reasonsOf("a budget below the least cost is infeasible");
    expect(budget).toContainEqual(expect.objectContaining({ code: "conflict", schools: ["P1"], settlements: ["v1"] }));
    const conflict = budget.find((r) => r.code === "conflict")!;
    expect(conflict.rules).toContain("the plan costs at most 100,000 yuan a year (the budget)");
    expect(conflict.rules).toContain("the 30 primary1to3 pupils of settlement v1 attend a school they may reach");
    // The least cost it gives is a proven bound: above the budget, and at most the cost of the best plan without the budget.
    const leastCost = Number(/costs at least ([\d,]+) yuan a year/.exec(conflict.message)![1]!.replaceAll(",", ""));
    const c = HAND_CASES.find((hand) => hand.name === "a budget below the least cost is infeasible")!;
    const { budgetYuanPerYear: _budget, ...withoutBudget } = c.options;
    const unlimited = await planSchools(handSystem(c), { ...withoutBudget, statusQuo: false });
    expect(leastCost).toBeGreaterThan(100_000);
    expect(leastCost).toBeLessThanOrEqual(unlimited.objective! + 1);
  });

  it("planSchools gives the least mean travel any plan can have when a mean-travel limit is in the conflict", async () => {
    const system = tinySystem({
      settlements: [{ id: "v1", pupils: { primary1to3: 30 } }, { id: "v2", pupils: { primary1to3: 30 } }],
      schools: [
        { id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1 } },
        { id: "P2", type: "complete primary", tier: "village", classes: { primary1to3: 1 } },
      ],
      minutes: [[5, 12], [12, 5]],
    });
    const plan = await planSchools(system, { ...CATCHMENTS, threeSchools: false, maxMeanTravelMinutes: 1 });
    expect(plan.status).toBe("infeasible");
    expect(plan.reasons[0]!.rules).toContain("mean one-way travel is at most 1 min");
    // Every pupil has a school 5 minutes away, and none closer.
    expect(plan.reasons[0]!.message).toMatch(/mean one-way travel is at least 5\.00 min/);
  });

  it("planSchools says the conflict lies in whole numbers when only catchments break it: three settlements of 30 and two one-class schools", async () => {
    const system = tinySystem({
      settlements: [
        { id: "a", pupils: { primary1to3: 30 } },
        { id: "b", pupils: { primary1to3: 30 } },
        { id: "c", pupils: { primary1to3: 30 } },
      ],
      schools: [
        { id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1 }, classrooms: 1, maxAddedClassrooms: 0 },
        { id: "P2", type: "complete primary", tier: "village", classes: { primary1to3: 1 }, classrooms: 1, maxAddedClassrooms: 0 },
      ],
      minutes: [[5, 5], [5, 5], [5, 5]],
    });
    const plan = await planSchools(system, { ...CATCHMENTS, threeSchools: false });
    expect(plan.status).toBe("infeasible");
    expect(plan.reasons).toEqual([expect.objectContaining({ code: "solver" })]);
    expect(plan.reasons[0]!.message).toMatch(/LP relaxation .* meets them all, so the conflict lies in whole numbers/);
  });

  it("planSchools names the rules that conflict, with their numbers: a minimum enrolment no school can keep when none may close", async () => {
    const system = tinySystem({
      settlements: [{ id: "v1", pupils: { primary1to3: 30 } }],
      schools: [{ id: "P1", type: "complete primary", tier: "village", classes: { primary1to3: 1 } }],
      minutes: [[5]],
    });
    for (const timeLimitSeconds of [undefined, 10]) {
      const plan = await planSchools(system, { ...CATCHMENTS, threeSchools: false, maxClosures: 0, minimumEnrolment: { "complete primary": 100 }, ...(timeLimitSeconds === undefined ? {} : { timeLimitSeconds }) });
      expect(plan.status).toBe("infeasible");
      expect(plan.reasons).toEqual([
        expect.objectContaining({
          code: "conflict",
          schools: ["P1"],
          rules: ["school P1 stays open only with at least 100 pupils (it is not protected)", "no existing school closes"],
        }),
      ]);
    }
  });

  it("planSchools' objective equals the brute force's, and status is infeasible exactly when it finds no plan, on generated tiny systems", async () => {
    await fc.assert(
      fc.asyncProperty(tinyPlanCase(), async (c) => {
        const expected = bruteForcePlan(c.system, c.options);
        const plan = await planSchools(c.system, { ...c.options, statusQuo: false });
        if (expected === null) {
          expect(plan.status).toBe("infeasible");
        } else {
          expect(plan.status).toBe("optimal");
          expect(plan.objective).not.toBeNull();
          expect(close(plan.objective!, expected.objective), `${plan.objective} vs ${expected.objective}`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 4_2026 },
    );
  });

  it("planSchools' objective equals the brute force's on generated township systems under the three-schools rule", async () => {
    await fc.assert(
      fc.asyncProperty(tinyPlanCase({ township: true }), async (c) => {
        const expected = bruteForcePlan(c.system, c.options);
        const plan = await planSchools(c.system, { ...c.options, statusQuo: false });
        if (expected === null) {
          expect(plan.status).toBe("infeasible");
        } else {
          expect(plan.status).toBe("optimal");
          expect(close(plan.objective!, expected.objective), `${plan.objective} vs ${expected.objective}`).toBe(true);
        }
      }),
      { numRuns: 100, seed: 6_2026 },
    );
  });

  it("planSchools' least mean travel within a budget equals the brute force's on generated tiny systems", async () => {
    await fc.assert(
      fc.asyncProperty(tinyPlanCase(), fc.constantFrom(1, 1.1, 1.5), async (c, factor) => {
        const cheapest = bruteForcePlan(c.system, c.options);
        fc.pre(cheapest !== null);
        const options: BruteForceOptions = { ...c.options, objective: "travel", budgetYuanPerYear: cheapest!.cost * factor };
        const expected = bruteForcePlan(c.system, options);
        const plan = await planSchools(c.system, { ...options, statusQuo: false });
        expect(expected).not.toBeNull();
        expect(plan.status).toBe("optimal");
        expect(close(plan.objective!, expected!.objective), `${plan.objective} vs ${expected!.objective}`).toBe(true);
        expect(plan.costs!.total).toBeLessThanOrEqual(options.budgetYuanPerYear! * (1 + 1e-6));
      }),
      { numRuns: 80, seed: 7_2026 },
    );
  });

  it("planSchools' least cost within a mean-travel limit equals the brute force's on generated tiny systems", async () => {
    await fc.assert(
      fc.asyncProperty(tinyPlanCase(), fc.constantFrom(0, 0.5, 1), async (c, position) => {
        const cheapest = bruteForcePlan(c.system, c.options);
        fc.pre(cheapest !== null);
        const nearest = bruteForcePlan(c.system, { ...c.options, objective: "travel" })!;
        const limit = nearest.objective + (cheapest!.meanMinutes - nearest.objective) * position;
        const options: BruteForceOptions = { ...c.options, maxMeanTravelMinutes: limit * (1 + 1e-9) + 1e-9 };
        const expected = bruteForcePlan(c.system, options);
        const plan = await planSchools(c.system, { ...options, statusQuo: false });
        expect(expected).not.toBeNull();
        expect(plan.status).toBe("optimal");
        expect(close(plan.objective!, expected!.objective), `${plan.objective} vs ${expected!.objective}`).toBe(true);
        expect(plan.travel!.meanMinutes).toBeLessThanOrEqual(options.maxMeanTravelMinutes! + 1e-6);
      }),
      { numRuns: 60, seed: 8_2026 },
    );
  });
});
