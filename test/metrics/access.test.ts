import { describe, expect, it } from "vitest";
import { denseCostMatrix } from "../../src/costMatrix.ts";
import { accessFigures } from "../../src/metrics/access.ts";
import { giniCoefficient, theilIndex } from "../../src/metrics/distribution.ts";
import { travelEquity } from "../../src/metrics/equity.ts";
import { evaluateLayout } from "../../src/metrics/evaluate.ts";
import { comparePlans } from "../../src/metrics/compare.ts";
import { schoolFigures } from "../../src/metrics/schoolFigures.ts";
import type { Layout } from "../../src/metrics/layout.ts";
import { LEVELS, type LevelId } from "../../src/norms/levels.ts";
import type { PlannedAssignment, PlannedSchool } from "../../src/plan/result/result.ts";
import { resolvePlanRules } from "../../src/plan/rules/rules.ts";
import { createSchoolSystem } from "../../src/plan/system/system.ts";

// Township T1: settlements s1, s2 near P1; township T2: s3 near P2. Grades 1–3 walk, grades 4–6 ride the bus.
const MINUTES = [10, 60, 40, 50, 80, 20]; // rows s1, s2, s3; columns P1, P2
const BUS = [10, 60, 40, 50, 80, 150];
const system = createSchoolSystem({
  levels: ["primary1to3", "primary4to6"],
  settlements: [
    { id: "s1", township: "T1", pupils: { primary1to3: 40, primary4to6: 30 } },
    { id: "s2", township: "T1", pupils: { primary1to3: 25, primary4to6: 10 } },
    { id: "s3", township: "T2", pupils: { primary1to3: 30, primary4to6: 20 } },
  ],
  schools: [
    { id: "P1", type: "complete primary", tier: "village", township: "T1", classes: { primary1to3: 1, primary4to6: 1 }, classrooms: 3, beds: 20 },
    { id: "P2", type: "complete primary", tier: "village", township: "T2", classes: { primary1to3: 1, primary4to6: 1 }, classrooms: 2 },
  ],
  travelMinutes: { primary1to3: denseCostMatrix(MINUTES, 3, 2, "minutes"), primary4to6: denseCostMatrix(BUS, 3, 2, "minutes") },
});
const rules = resolvePlanRules(); // grades 1–3: 30-minute day limit; grades 4–6: 120-minute boarding limit

const row = (i: number, level: LevelId, j: number, pupils: number, boarding = false): PlannedAssignment => ({
  settlementIndex: i,
  settlement: system.settlements[i]!.id,
  level,
  schoolIndex: j,
  school: system.schools[j]!.id,
  pupils,
  travelMinutes: (level === "primary1to3" ? MINUTES : BUS)[i * 2 + j]!,
  travelMetres: null,
  boarding,
});
// s2 leaves 5 pupils of grades 1–3 without a school; s2's grades 1–3 walk 40 minutes (beyond 30); s3's grades 4–6
// board 150 minutes away (beyond 120) at P2, which has no beds.
const ASSIGNMENTS: readonly PlannedAssignment[] = [
  row(0, "primary1to3", 0, 40),
  row(0, "primary4to6", 0, 30),
  row(1, "primary1to3", 0, 20),
  row(1, "primary4to6", 0, 10, true),
  row(2, "primary1to3", 1, 30),
  row(2, "primary4to6", 1, 20, true),
];

const byLevel = (values: Partial<Record<LevelId, number>>): Record<LevelId, number> =>
  Object.fromEntries(LEVELS.map((level) => [level, values[level] ?? 0])) as Record<LevelId, number>;
const school = (j: number, enrolment: Partial<Record<LevelId, number>>, classes: Partial<Record<LevelId, number>>, boarders: number): PlannedSchool => {
  const s = system.schools[j]!;
  const seats = byLevel({ primary1to3: 45 * (classes.primary1to3 ?? 0), primary4to6: 45 * (classes.primary4to6 ?? 0) });
  const pupils = (enrolment.primary1to3 ?? 0) + (enrolment.primary4to6 ?? 0);
  return {
    index: j, id: s.id, name: s.name, type: s.type, tier: s.tier, township: s.township, existing: true, action: "keep", open: true,
    enrolment: byLevel(enrolment), classes: byLevel(classes), seats, classrooms: s.classrooms, classroomsAdded: 0, boarders,
    beds: s.beds, bedsAdded: 0, utilization: pupils / (seats.primary1to3 + seats.primary4to6), small: pupils < 100,
  };
};
// P1 teaches 60 pupils of grades 1–3 in one class (over the norm of 45, a "large" class of 56+).
const SCHOOLS: readonly PlannedSchool[] = [
  school(0, { primary1to3: 60, primary4to6: 40 }, { primary1to3: 1, primary4to6: 1 }, 10),
  school(1, { primary1to3: 30, primary4to6: 20 }, { primary1to3: 1, primary4to6: 1 }, 20),
];
const LAYOUT: Layout = { schools: SCHOOLS, assignments: ASSIGNMENTS };

describe("accessFigures", () => {
  const access = accessFigures(system, ASSIGNMENTS, rules);

  it("accessFigures gives the pupil-weighted mean, median, 90th percentile and longest trip of a level", () => {
    const lower = access.county.primary1to3!;
    expect(lower).toMatchObject({ pupils: 95, assignedPupils: 90, unassignedPupils: 5, unreachablePupils: 0, dayLimitMinutes: 30 });
    // 40 pupils at 10 min, 30 at 20, 20 at 40: mean 1800 / 90 = 20; 44 % ≤ 10, 78 % ≤ 20
    expect(lower.all).toEqual({ pupils: 90, meanMinutes: 20, medianMinutes: 20, p90Minutes: 40, maxMinutes: 40 });
    expect(lower.day).toEqual(lower.all);
    expect(lower.boarding).toEqual({ pupils: 0, meanMinutes: null, medianMinutes: null, p90Minutes: null, maxMinutes: null });
    expect(lower.withinDayLimitShare).toBeCloseTo(70 / 90, 12);
    expect(lower.withinLimitShare).toBeCloseTo(70 / 90, 12);
  });

  it("accessFigures reports boarders and their weekly trip apart from day pupils", () => {
    const upper = access.county.primary4to6!;
    expect(upper.day).toEqual({ pupils: 30, meanMinutes: 10, medianMinutes: 10, p90Minutes: 10, maxMinutes: 10 });
    expect(upper.boarding.pupils).toBe(30);
    expect(upper.boarding.meanMinutes).toBeCloseTo((10 * 40 + 20 * 150) / 30, 12);
    expect(upper.boarding.medianMinutes).toBe(150);
    expect(upper.boarding.maxMinutes).toBe(150);
    expect(upper.dayLimitMinutes).toBeNull();
    expect(upper.withinDayLimitShare).toBeNull();
    // day pupils (no day limit) and the 10 boarders within 120 minutes are within; the 20 at 150 are not
    expect(upper.withinLimitShare).toBeCloseTo(40 / 60, 12);
  });

  it("accessFigures gives the same figures per township", () => {
    expect(access.townships.map((entry) => entry.township)).toEqual(["T1", "T2"]);
    const [t1, t2] = access.townships;
    expect(t1!.levels.primary1to3).toMatchObject({ pupils: 65, assignedPupils: 60, unassignedPupils: 5 });
    expect(t1!.levels.primary1to3!.all.meanMinutes).toBeCloseTo(20, 12);
    expect(t2!.levels.primary4to6!.boarding).toEqual({ pupils: 20, meanMinutes: 150, medianMinutes: 150, p90Minutes: 150, maxMinutes: 150 });
  });

  it("accessFigures counts unreachable rows apart and leaves them out of the trip figures", () => {
    const rows = [...ASSIGNMENTS.slice(0, 1), { ...ASSIGNMENTS[2]!, travelMinutes: Infinity }];
    const lower = accessFigures(system, rows, rules).county.primary1to3!;
    expect(lower.unreachablePupils).toBe(20);
    expect(lower.all.maxMinutes).toBe(10);
    expect(lower.withinLimitShare).toBeCloseTo(40 / 60, 12);
  });
});

describe("travelEquity", () => {
  it("travelEquity gives the pupil-weighted Gini and Theil of one-way minutes per level and over all", () => {
    const equity = travelEquity(system, ASSIGNMENTS);
    expect(equity.levels.primary1to3!.gini).toBeCloseTo(giniCoefficient([10, 40, 20], [40, 20, 30])!, 12);
    expect(equity.levels.primary1to3!.theil).toBeCloseTo(theilIndex([10, 40, 20], [40, 20, 30])!, 12);
    expect(equity.all.pupils).toBe(150);
    expect(equity.all.gini).toBeCloseTo(giniCoefficient([10, 10, 40, 40, 20, 150], [40, 30, 20, 10, 30, 20])!, 12);
  });

  it("travelEquity of equal trips is 0", () => {
    const equal = ASSIGNMENTS.map((entry) => ({ ...entry, travelMinutes: 15 }));
    expect(travelEquity(system, equal).all).toEqual({ pupils: 150, gini: 0, theil: 0 });
  });
});

describe("schoolFigures", () => {
  const figures = schoolFigures(system, SCHOOLS, ASSIGNMENTS, rules);

  it("schoolFigures gives utilization per level and its spread over the open schools", () => {
    const lower = figures.levels.primary1to3!;
    expect(lower).toMatchObject({ schools: 2, pupils: 90, seats: 90, classes: 2, pupilsPerClass: 45, utilization: 1 });
    expect(lower.minUtilization).toBeCloseTo(30 / 45, 12);
    expect(lower.maxUtilization).toBeCloseTo(60 / 45, 12);
    expect(lower.meanUtilization).toBeCloseTo(1, 12);
    expect(lower.utilizationStandardDeviation).toBeCloseTo(1 / 3, 12);
    expect(figures.levels.primary4to6!.emptySeats).toBe(5 + 25);
  });

  it("schoolFigures flags classes over the norm, large classes, small schools and empty seats and beds", () => {
    expect(figures.levels.primary1to3).toMatchObject({ overClassSizeNormSchools: 1, largeClassSchools: 1, superLargeClassSchools: 0 });
    const [p1, p2] = figures.schools;
    expect(p1!.levels[0]).toMatchObject({ level: "primary1to3", pupils: 60, classes: 1, pupilsPerClass: 60, classSizeNorm: 45, overClassSizeNorm: true, emptySeats: 0 });
    expect(p1).toMatchObject({ pupils: 100, seats: 90, emptySeats: 5, boarders: 10, beds: 20, emptyBeds: 10, small: false, oversize: false, maxSchoolSize: 2000 });
    expect(p2).toMatchObject({ pupils: 50, small: true, emptySeats: 40, boarders: 20, beds: 0, emptyBeds: 0 });
    expect(figures).toMatchObject({ openSchools: 2, pupils: 150, seats: 180, emptySeats: 45, boarders: 30, smallSchools: 1, smallSchoolIds: ["P2"], oversizeSchoolIds: [] });
  });
});

describe("evaluateLayout on a user's own layout", () => {
  const evaluation = evaluateLayout(system, LAYOUT, { rules });

  it("evaluateLayout lists every rule the layout breaks, with school, settlement and numbers", () => {
    const rules = evaluation.violations.map((entry) => entry.rule);
    expect(rules).toEqual(expect.arrayContaining(["unassigned", "dayTravel", "boardingTravel", "beds", "seats"]));
    expect(rules).not.toContain("costs");
    const day = evaluation.violations.find((entry) => entry.rule === "dayTravel")!;
    expect(day).toMatchObject({ settlement: "s2", school: "P1", level: "primary1to3" });
    expect(day.message).toContain("40");
    expect(evaluation.violationCounts.dayTravel).toBe(1);
    expect(evaluation.costs.total).toBeGreaterThan(0);
  });

  it("evaluateLayout is plain JSON data and does not mutate the layout", () => {
    expect(JSON.parse(JSON.stringify(evaluation))).toEqual(evaluation);
    expect(LAYOUT.assignments).toEqual(ASSIGNMENTS);
    expect(evaluation.balance).toBeNull();
  });

  it("comparePlans of a layout with itself has every change 0", () => {
    const rows = comparePlans(evaluation, evaluateLayout(system, LAYOUT, { rules }));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.find((entry) => entry.figure === "access.county.primary1to3.all.meanMinutes")).toEqual({ figure: "access.county.primary1to3.all.meanMinutes", a: 20, b: 20, change: 0 });
    for (const entry of rows) {
      expect(entry.b).toEqual(entry.a);
      if (typeof entry.a === "number") expect(entry.change).toBe(0);
    }
  });

  it("evaluateLayout throws without rules and on a malformed layout", () => {
    expect(() => evaluateLayout(system, LAYOUT, {} as never)).toThrow(RangeError);
    expect(() => evaluateLayout(system, { schools: SCHOOLS.slice(0, 1), assignments: ASSIGNMENTS }, { rules })).toThrow(/every school/);
    expect(() => evaluateLayout(system, { schools: SCHOOLS, assignments: [{ ...ASSIGNMENTS[0]!, pupils: -1 }] }, { rules })).toThrow(/pupils/);
  });
});
