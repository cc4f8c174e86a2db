import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CHINA_NORMS,
  checkPlan,
  costOf,
  LEVEL_GRADES,
  LEVELS_SERVED,
  planSchools,
  planStatusQuo,
  SIZE_NORM_OF_TYPE,
  type LevelId,
  type Plan,
  type PlanningNorms,
  type SchoolSystem,
} from "../../src/index.ts";
import {
  bruteForcePlan,
  CATCHMENTS,
  relativelyClose as close,
  tinyPlanCase,
  tinySystem,
  unitsWithoutChoices,
  type BruteForceOptions,
  type LaidOutPlan,
} from "../helpers/schoolSystems.ts";

const normsOf = (options: BruteForceOptions): PlanningNorms => options.norms ?? CHINA_NORMS;

// Generated tiny systems solved once, shared by the properties below.
const SAMPLED = [
  ...fc.sample(tinyPlanCase(), { numRuns: 100, seed: 11_2026 }),
  ...fc.sample(tinyPlanCase({ township: true }), { numRuns: 40, seed: 13_2026 }),
];
const SOLVED: Array<{ c: { system: SchoolSystem; options: BruteForceOptions }; plan: Plan }> = [];

beforeAll(async () => {
  for (const c of SAMPLED) SOLVED.push({ c, plan: await planSchools(c.system, c.options) });
}, 120_000);

const withLayout = (): typeof SOLVED => SOLVED.filter(({ plan }) => plan.schools !== undefined);

describe("planSchools' plans follow the rules on generated tiny systems", () => {
  it("the shared cases include plans and infeasible results", () => {
    expect(withLayout().length).toBeGreaterThanOrEqual(15);
    expect(SOLVED.filter(({ plan }) => plan.status === "infeasible").length).toBeGreaterThanOrEqual(5);
  });

  it("no pupil below the allowed grade boards", () => {
    for (const { c, plan } of withLayout()) {
      const fromGrade = normsOf(c.options).boardingFromGrade.value;
      for (const row of plan.assignments!) if (row.boarding) expect(LEVEL_GRADES[row.level][0], `${row.settlement} ${row.level}`).toBeGreaterThanOrEqual(fromGrade);
    }
  });

  it("every day pupil is within the day limit of the level", () => {
    for (const { c, plan } of withLayout()) {
      const norms = normsOf(c.options);
      for (const row of plan.assignments!) {
        const limit = norms.dayTravelLimitMinutes[row.level].value ?? Infinity;
        if (!row.boarding) expect(row.travelMinutes, `${row.settlement} ${row.level} → ${row.school}`).toBeLessThanOrEqual(limit);
      }
    }
  });

  it("an infeasible result names every settlement whose pupils no allowed school reaches", () => {
    let named = 0;
    for (const { c, plan } of SOLVED) {
      const out = unitsWithoutChoices(c.system, c.options);
      if (out.length === 0) continue;
      expect(plan.status).toBe("infeasible");
      for (const unit of out) {
        const reason = plan.reasons.find((r) => r.code === "unreachable" && r.level === unit.level && (r.settlements ?? []).includes(unit.settlement));
        expect(reason, `${unit.settlement} ${unit.level}`).toBeDefined();
        named++;
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it("seats, classrooms, beds and school sizes hold at every school, with enrolment and boarders those of the rows", () => {
    for (const { c, plan } of withLayout()) {
      const norms = normsOf(c.options);
      for (const [j, school] of plan.schools!.entries()) {
        const input = c.system.schools[j]!;
        const rows = plan.assignments!.filter((row) => row.schoolIndex === j);
        if (!school.open) expect(rows).toEqual([]);
        let total = 0;
        let classes = 0;
        for (const level of c.system.levels) {
          const enrolled = rows.filter((row) => row.level === level).reduce((sum, row) => sum + row.pupils, 0);
          const size = input.type === "teaching point" ? norms.teachingPointClassSize.value : norms.classSize[level].value;
          expect(school.enrolment[level]).toBeCloseTo(enrolled, 6);
          expect(school.seats[level]).toBeCloseTo(school.classes[level] * size, 6);
          expect(enrolled).toBeLessThanOrEqual(school.classes[level] * size + 1e-6);
          expect(Number.isInteger(school.classes[level])).toBe(true);
          total += enrolled;
          classes += school.classes[level];
        }
        const boarders = rows.filter((row) => row.boarding).reduce((sum, row) => sum + row.pupils, 0);
        expect(school.boarders).toBeCloseTo(boarders, 6);
        expect(total).toBeLessThanOrEqual(norms.maxSchoolSize[SIZE_NORM_OF_TYPE[input.type]].value + 1e-6);
        expect(classes).toBeLessThanOrEqual(input.classrooms + school.classroomsAdded);
        expect(school.classroomsAdded).toBeLessThanOrEqual(input.maxAddedClassrooms);
        expect(boarders).toBeLessThanOrEqual(input.beds + school.bedsAdded + 1e-6);
        expect(school.bedsAdded).toBeLessThanOrEqual(input.maxAddedBeds);
      }
    }
  });

  it("switched-on township three schools are open", () => {
    let checked = 0;
    for (const { c, plan } of withLayout()) {
      if (c.options.threeSchools === false) continue;
      const norms = normsOf(c.options);
      const mayBoard = (level: LevelId): boolean => LEVEL_GRADES[level][0] >= norms.boardingFromGrade.value;
      const townships = new Set(c.system.schools.filter((s) => s.tier === "township" && s.township !== null).map((s) => s.township!));
      for (const township of townships) {
        const open = plan.schools!.filter((s) => s.open && s.township === township);
        expect(open.some((s) => s.tier === "township" && s.type === "kindergarten"), township).toBe(true);
        expect(open.some((s) => s.tier === "township" && (s.type === "complete primary" || s.type === "nine-year")), township).toBe(true);
        expect(open.some((s) => LEVELS_SERVED[s.type].some(mayBoard) && s.beds > 0), township).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("checkPlan passes on every returned plan with a layout", () => {
    for (const { c, plan } of withLayout()) {
      const check = checkPlan(c.system, plan as LaidOutPlan);
      expect(check.violations).toEqual([]);
      expect(check.ok).toBe(true);
      expect(close(check.costs.total, plan.costs!.total)).toBe(true);
    }
  });

  it("the status quo is present and its violations are what checkPlan says", () => {
    for (const { c, plan } of SOLVED) {
      expect(plan.statusQuo).not.toBeNull();
      const quo = plan.statusQuo!;
      const check = checkPlan(c.system, { ...quo, rules: plan.rules, costFigures: plan.costFigures });
      expect(quo.violations).toEqual(check.violations);
      expect(planStatusQuo(c.system, c.options)).toEqual(quo);
      for (const [j, school] of quo.schools.entries()) expect(school.open).toBe(c.system.schools[j]!.existing);
      // Each settlement and level at its nearest existing school serving the level.
      for (const row of quo.assignments) {
        const nearest = Math.min(
          ...c.system.schools.flatMap((school, j) =>
            school.existing && LEVELS_SERVED[school.type].includes(row.level) ? [costOf(c.system.travelMinutes[row.level]!, row.settlementIndex, j)] : [],
          ),
        );
        expect(row.travelMinutes, `${row.settlement} ${row.level}`).toBe(nearest);
      }
    }
  });

  it("the status quo is as built: nothing added, so a school short of classrooms or beds is overcrowded, not expanded", () => {
    let overcrowded = 0;
    for (const { c, plan } of SOLVED) {
      const quo = plan.statusQuo!;
      for (const [j, school] of quo.schools.entries()) {
        expect(school.classroomsAdded, school.id).toBe(0);
        expect(school.bedsAdded, school.id).toBe(0);
        expect(school.classrooms, school.id).toBe(c.system.schools[j]!.classrooms);
        const classes = Object.values(school.classes).reduce((sum, n) => sum + n, 0);
        if (school.open && classes > school.classrooms) {
          overcrowded++;
          expect(quo.violations.some((v) => v.rule === "classrooms" && v.school === school.id), school.id).toBe(true);
        }
      }
      expect(quo.violations.filter((v) => v.rule === "addedClassrooms" || v.rule === "addedBeds")).toEqual([]);
    }
    expect(overcrowded).toBeGreaterThan(0);
  });

  it("required schools are open and forbidden ones closed", () => {
    let checked = 0;
    for (const { c, plan } of withLayout()) {
      for (const [j, school] of c.system.schools.entries()) {
        if (school.required) { expect(plan.schools![j]!.open, school.id).toBe(true); checked++; }
        if (school.forbidden) { expect(plan.schools![j]!.open, school.id).toBe(false); checked++; }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

});

describe("planSchools with split settlements, fractional classes and time limits", () => {
  it("a settlement above splitAbovePupils splits between schools, never costing more than catchments, and checkPlan passes", async () => {
    const system = tinySystem({
      settlements: [
        { id: "seat", pupils: { primary1to3: 1300, primary4to6: 1200 } },
        { id: "v1", pupils: { primary1to3: 40, primary4to6: 45 } },
      ],
      schools: [
        { id: "P1", type: "complete primary", tier: "county seat", classes: { primary1to3: 24, primary4to6: 24 } },
        { id: "P2", type: "complete primary", tier: "county seat", classes: { primary1to3: 6, primary4to6: 6 } },
        { id: "P3", type: "complete primary", tier: "village", classes: { primary1to3: 1, primary4to6: 1 } },
      ],
      minutes: [[8, 12, 40], [35, 28, 6]],
    });
    const catchments = await planSchools(system, { ...CATCHMENTS, threeSchools: false });
    expect(close(catchments.objective!, bruteForcePlan(system, { ...CATCHMENTS, threeSchools: false })!.objective)).toBe(true);
    const split = await planSchools(system, { splitAbovePupils: 1000, threeSchools: false });
    expect(split.status).toBe("optimal");
    expect(split.objective!).toBeLessThanOrEqual(catchments.objective! * (1 + 1e-9));
    // The seat splits in whole parts of p / ⌈p / 45⌉ pupils (the split-share rule), at most k = 3 schools a level.
    const seatSchools = (level: LevelId): Set<string> => new Set(split.assignments!.filter((row) => row.settlement === "seat" && row.level === level).map((row) => row.school));
    expect(Math.max(seatSchools("primary1to3").size, seatSchools("primary4to6").size)).toBeGreaterThanOrEqual(2);
    for (const row of split.assignments!.filter((r) => r.settlement === "seat")) {
      const pupils = row.level === "primary1to3" ? 1300 : 1200;
      const parts = row.pupils / (pupils / Math.ceil(pupils / 45));
      expect(Math.abs(parts - Math.round(parts)), `${row.level} at ${row.school}: ${row.pupils}`).toBeLessThan(1e-6);
    }
    expect(checkPlan(system, split as LaidOutPlan).violations).toEqual([]);
  });

  it("fractional classes (wholeClasses: false) never cost more than whole ones, and checkPlan passes, on generated tiny systems", async () => {
    await fc.assert(
      fc.asyncProperty(tinyPlanCase(), async (c) => {
        const whole = bruteForcePlan(c.system, c.options);
        fc.pre(whole !== null);
        const plan = await planSchools(c.system, { ...c.options, wholeClasses: false, statusQuo: false });
        expect(plan.status).toBe("optimal");
        expect(plan.objective!).toBeLessThanOrEqual(whole!.objective * (1 + 1e-6));
        expect(checkPlan(c.system, plan as LaidOutPlan).violations).toEqual([]);
      }),
      { numRuns: 40, seed: 9_2026 },
    );
  });

  it("plans cut short by a time limit (the solver's incumbent or the construction heuristic) pass checkPlan", async () => {
    let laidOut = 0;
    for (const { c } of SOLVED.slice(0, 40)) {
      const plan = await planSchools(c.system, { ...c.options, timeLimitSeconds: 0.001, statusQuo: false });
      if (plan.schools === undefined) continue;
      laidOut++;
      expect(["optimal", "feasible", "timeLimit"]).toContain(plan.status);
      expect(checkPlan(c.system, plan as LaidOutPlan).violations).toEqual([]);
    }
    expect(laidOut).toBeGreaterThan(0);
  });
});
