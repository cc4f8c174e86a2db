import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costOf, denseCostMatrix } from "../../src/costMatrix.ts";
import { InputError } from "../../src/errors.ts";
import { LEVELS, type LevelId } from "../../src/norms/levels.ts";
import { checkPlan } from "../../src/plan/check/checkPlan.ts";
import { defaultPlanCosts, type PlanCosts } from "../../src/plan/rules/costs.ts";
import type { PlanCostBreakdown, PlannedAssignment, PlannedSchool, SchoolAction } from "../../src/plan/result/result.ts";
import { classSizeAt, resolvePlanRules, type PlanRules } from "../../src/plan/rules/rules.ts";
import { LEVELS_SERVED } from "../../src/plan/system/schoolTypes.ts";
import { createSchoolSystem, type SchoolInput, type SchoolSystem, type SettlementInput, type SpecialGroup } from "../../src/plan/system/system.ts";

type CheckablePlan = Parameters<typeof checkPlan>[1];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// The hand-written plans have small boarding schools: any school with a bed counts as the township boarding school.
const RULES = resolvePlanRules({ boardingSchoolMinimumBeds: 1 });
const COSTS = defaultPlanCosts();
const rulesWith = (changes: Partial<PlanRules>): PlanRules => ({ ...RULES, ...changes });

// Two settlements of township T1; schools K1 (township kindergarten), P1 (township central primary with beds and
// a resource room), P2 (village primary), candidates C1 (teaching point) and K2 (village kindergarten).
const SETTLEMENTS: readonly SettlementInput[] = [
  { id: "v1", township: "T1", pupils: { kindergarten: 20, primary1to3: 40, primary4to6: 30 } },
  { id: "v2", township: "T1", pupils: { kindergarten: 10, primary1to3: 20, primary4to6: 25 } },
];
const SCHOOLS: readonly SchoolInput[] = [
  { id: "K1", type: "kindergarten", tier: "township", township: "T1", classes: { kindergarten: 1 } },
  { id: "P1", type: "complete primary", tier: "township", township: "T1", classes: { primary1to3: 1, primary4to6: 1 }, classrooms: 4, beds: 40, resourceRoom: true },
  { id: "P2", type: "complete primary", tier: "village", township: "T1", classes: { primary1to3: 1, primary4to6: 1 } },
  { id: "C1", type: "teaching point", tier: "village", township: "T1", existing: false, maxAddedClassrooms: 2 },
  { id: "K2", type: "kindergarten", tier: "village", township: "T1", existing: false },
];
// Rows v1, v2; columns K1, P1, P2, C1, K2. Walking (kindergarten, grades 1–3) and school bus (grades 4–6).
const WALK = [5, 10, 25, 8, 12, 20, 25, 10, Infinity, 6];
const BUS = [5, 10, 25, 8, 12, 20, 25, 10, 40, 6];
const METRES = [500, 1000, 2500, 800, 1200, 2000, 2500, 1000, 4000, 600];

interface SystemOptions {
  readonly schools?: Readonly<Record<string, Partial<SchoolInput>>>;
  readonly settlements?: Readonly<Record<string, Partial<SettlementInput>>>;
  readonly groups?: readonly SpecialGroup[];
  readonly metres?: boolean;
  /** Settlement order as indices into SETTLEMENTS. */
  readonly order?: readonly number[];
}

function makeSystem(options: SystemOptions = {}): SchoolSystem {
  const order = options.order ?? SETTLEMENTS.map((_, i) => i);
  const rows = (values: readonly number[]): number[] => order.flatMap((i) => values.slice(i * SCHOOLS.length, (i + 1) * SCHOOLS.length));
  const matrix = (values: readonly number[], unit: "minutes" | "metres") => denseCostMatrix(rows(values), order.length, SCHOOLS.length, unit);
  return createSchoolSystem({
    settlements: order.map((i) => ({ ...SETTLEMENTS[i]!, ...options.settlements?.[String(SETTLEMENTS[i]!.id)] })),
    schools: SCHOOLS.map((school) => ({ ...school, ...options.schools?.[String(school.id)] })),
    travelMinutes: { kindergarten: matrix(WALK, "minutes"), primary1to3: matrix(WALK, "minutes"), primary4to6: matrix(BUS, "minutes") },
    ...(options.metres ? { travelMetres: { kindergarten: matrix(METRES, "metres"), primary1to3: matrix(METRES, "metres"), primary4to6: matrix(METRES, "metres") } } : {}),
    ...(options.groups ? { groups: options.groups } : {}),
  });
}

/** One assignment row: settlement id, level, school id, pupils, boarding (default false). */
type Row = readonly [settlement: string, level: LevelId, school: string, pupils: number, boarding?: boolean];

/** A school's choices; classes default to the fewest that seat its rows, additions to what those need. */
interface Choice {
  readonly open: boolean;
  readonly classes?: Readonly<Partial<Record<LevelId, number>>>;
  readonly classroomsAdded?: number;
  readonly bedsAdded?: number;
}

const BASE_CHOICES: Readonly<Record<string, Choice>> = { K1: { open: true }, P1: { open: true }, P2: { open: true }, C1: { open: false }, K2: { open: false } };
const BASE_ROWS: readonly Row[] = [
  ["v1", "kindergarten", "K1", 20],
  ["v1", "primary1to3", "P1", 40],
  ["v1", "primary4to6", "P1", 30, true],
  ["v2", "kindergarten", "K1", 10],
  ["v2", "primary1to3", "P2", 20],
  ["v2", "primary4to6", "P2", 25],
];

const byLevel = (pick: (level: LevelId) => number): Record<LevelId, number> =>
  Object.fromEntries(LEVELS.map((level) => [level, pick(level)])) as Record<LevelId, number>;

/** The cost breakdown of a layout, computed here by the formula of costs.ts (an oracle apart from checkPlan). */
function costsOf(system: SchoolSystem, schools: readonly PlannedSchool[], rows: readonly PlannedAssignment[], figures: PlanCosts): PlanCostBreakdown {
  const c = { schools: 0, newSchools: 0, closures: 0, classes: 0, classrooms: 0, beds: 0, boarders: 0, transport: 0, total: 0 };
  for (const [j, school] of schools.entries()) {
    const f = { ...figures, ...system.schools[j]!.costs };
    if (school.open) c.schools += f.schoolPerYear;
    if (school.open && !school.existing) c.newSchools += f.newSchoolPerYear;
    if (!school.open && school.existing) c.closures += f.closurePerYear;
    c.classes += LEVELS.reduce((sum, level) => sum + school.classes[level], 0) * f.classPerYear;
    c.classrooms += school.classroomsAdded * f.classroomPerYear;
    c.beds += school.bedsAdded * f.bedPerYear;
    c.boarders += school.boarders * f.boarderPerYear;
  }
  for (const row of rows) {
    const trips = row.boarding ? 2 * figures.weeksPerYear : 2 * figures.schoolDaysPerYear;
    const km = figures.yuanPerPupilKilometre === 0 ? 0 : ((row.travelMetres ?? 0) / 1000) * figures.yuanPerPupilKilometre;
    c.transport += row.pupils * trips * (row.travelMinutes * figures.yuanPerPupilMinute + km);
  }
  c.total = c.schools + c.newSchools + c.closures + c.classes + c.classrooms + c.beds + c.boarders + c.transport;
  return c;
}

/** Builds a consistent plan (figures, actions, costs) from per-school choices and rows. */
function makePlan(system: SchoolSystem, choices: Readonly<Record<string, Choice>>, rows: readonly Row[], rules: PlanRules = RULES, figures: PlanCosts = COSTS): CheckablePlan {
  const index = (list: readonly { id: string }[], id: string): number => list.findIndex((item) => item.id === id);
  const assignments: PlannedAssignment[] = rows.map(([settlement, level, school, pupils, boarding = false]) => {
    const i = index(system.settlements, settlement);
    const j = index(system.schools, school);
    const metres = system.travelMetres[level];
    return { settlementIndex: i, settlement, level, schoolIndex: j, school, pupils, travelMinutes: system.travelMinutes[level] ? costOf(system.travelMinutes[level], i, j) : 0, travelMetres: metres ? costOf(metres, i, j) : null, boarding };
  });
  const schools = system.schools.map((school, j): PlannedSchool => {
    const choice = choices[school.id] ?? { open: false };
    const mine = assignments.filter((row) => row.schoolIndex === j);
    const enrolment = byLevel((level) => mine.filter((row) => row.level === level).reduce((sum, row) => sum + row.pupils, 0));
    const boarders = mine.filter((row) => row.boarding).reduce((sum, row) => sum + row.pupils, 0);
    const served = (level: LevelId): boolean => LEVELS_SERVED[school.type].includes(level);
    const classes = byLevel((level) => choice.classes?.[level] ?? (choice.open && served(level) ? Math.ceil(enrolment[level] / classSizeAt(rules, school.type, level)) : 0));
    const classSum = LEVELS.reduce((sum, level) => sum + classes[level], 0);
    const classroomsAdded = choice.classroomsAdded ?? Math.max(0, classSum - school.classrooms);
    const bedsAdded = choice.bedsAdded ?? Math.max(0, Math.ceil(boarders - school.beds));
    const action: SchoolAction = !school.existing ? (choice.open ? "build" : "not built") : !choice.open ? "close" : classroomsAdded > 0 || bedsAdded > 0 ? "expand" : "keep";
    const seats = byLevel((level) => classes[level] * classSizeAt(rules, school.type, level));
    const total = LEVELS.reduce((sum, level) => sum + enrolment[level], 0);
    const seatSum = LEVELS.reduce((sum, level) => sum + seats[level], 0);
    return {
      index: j, id: school.id, name: school.name, type: school.type, tier: school.tier, township: school.township, existing: school.existing,
      action, open: choice.open, enrolment, classes, seats, classrooms: school.classrooms + classroomsAdded, classroomsAdded,
      boarders, beds: school.beds + bedsAdded, bedsAdded, utilization: seatSum > 0 ? total / seatSum : 0, small: choice.open && total < rules.smallSchoolPupils,
    };
  });
  const pupils = assignments.reduce((sum, row) => sum + row.pupils, 0);
  const boarders = assignments.filter((row) => row.boarding).reduce((sum, row) => sum + row.pupils, 0);
  return {
    schools,
    assignments,
    costs: costsOf(system, schools, assignments, figures),
    travel: { meanMinutes: assignments.reduce((sum, row) => sum + row.pupils * row.travelMinutes, 0) / pupils, meanMinutesByLevel: {}, maxDayMinutesByLevel: {}, dayPupils: pupils - boarders, boarders },
    counts: {
      open: schools.filter((s) => s.open).length,
      kept: schools.filter((s) => s.action === "keep" || s.action === "expand").length,
      expanded: schools.filter((s) => s.action === "expand").length,
      closed: schools.filter((s) => s.action === "close").length,
      built: schools.filter((s) => s.action === "build").length,
      small: schools.filter((s) => s.small).length,
    },
    rules,
    costFigures: figures,
  };
}

/** Replaces some rows (matched by settlement and level) and adds others. */
function withRows(replace: readonly Row[]): Row[] {
  const key = (row: Row): string => `${row[0]} ${row[1]}`;
  const replaced = new Set(replace.map(key));
  return [...BASE_ROWS.filter((row) => !replaced.has(key(row))), ...replace];
}

const SYSTEM_OF = new WeakMap<CheckablePlan, SchoolSystem>();
/** The distinct rule codes checkPlan reports for a plan made by {@link planOn}. */
const rulesOf = (plan: CheckablePlan): string[] => [...new Set(checkPlan(SYSTEM_OF.get(plan)!, plan).violations.map((v) => v.rule))].sort();

/** Builds a plan on a system and remembers the system for {@link rulesOf}. */
function planOn(system: SchoolSystem, choices: Readonly<Record<string, Choice>>, rows: readonly Row[], rules?: PlanRules, figures?: PlanCosts): CheckablePlan {
  const plan = makePlan(system, choices, rows, rules, figures);
  SYSTEM_OF.set(plan, system);
  return plan;
}

const BASE_SYSTEM = makeSystem();
const basePlan = (choices: Readonly<Record<string, Choice>> = {}, rows: readonly Row[] = BASE_ROWS, rules?: PlanRules, figures?: PlanCosts): CheckablePlan =>
  planOn(BASE_SYSTEM, { ...BASE_CHOICES, ...choices }, rows, rules, figures);

function onlyViolation(system: SchoolSystem, plan: CheckablePlan, rule: string) {
  const check = checkPlan(system, plan);
  expect(check.violations.map((v) => v.rule)).toEqual(check.violations.map(() => rule));
  expect(check.violations.length).toBeGreaterThan(0);
  expect(check.ok).toBe(false);
  return check.violations;
}

describe("checkPlan on valid plans", () => {
  it("checkPlan accepts a consistent plan with no violations and recomputes its costs and mean travel by hand", () => {
    const check = checkPlan(BASE_SYSTEM, basePlan());
    expect(check.violations).toEqual([]);
    expect(check.ok).toBe(true);
    // 3 open × 300,000; 5 classes × 200,000; 30 boarders × 3,000; transport 137,940 (0.3 yuan per minute, 380 / 76 trips).
    expect(check.costs).toMatchObject({ schools: 900_000, newSchools: 0, closures: 0, classes: 1_000_000, classrooms: 0, beds: 0, boarders: 90_000 });
    expect(check.costs.transport).toBeCloseTo(137_940, 6);
    expect(check.costs.total).toBeCloseTo(2_127_940, 6);
    // (20×5 + 40×10 + 30×10 + 10×20 + 20×10 + 25×10) / 145 = 10 minutes.
    expect(check.meanTravelMinutes).toBeCloseTo(10, 12);
  });

  it("checkPlan accepts day and boarding rows of one settlement and level at the same school under catchments", () => {
    const rows = withRows([["v1", "primary4to6", "P1", 15], ["v1", "primary4to6", "P1", 15, true]]);
    expect(rulesOf(basePlan({}, rows))).toEqual([]);
  });

  it("checkPlan does not change the system or the plan", () => {
    const plan = basePlan();
    const before = JSON.stringify(plan);
    checkPlan(BASE_SYSTEM, plan);
    expect(JSON.stringify(plan)).toBe(before);
  });

  it("checkPlan prices kilometres from the system's metres and applies a school's own cost figures", () => {
    const system = makeSystem({ metres: true, schools: { P2: { costs: { schoolPerYear: 100_000 } } } });
    const figures = { ...COSTS, yuanPerPupilKilometre: 1 };
    const check = checkPlan(system, planOn(system, BASE_CHOICES, BASE_ROWS, RULES, figures));
    expect(check.violations).toEqual([]);
    expect(check.costs.schools).toBe(700_000);
    // Kilometres: 380 × (20×0.5 + 40×1 + 10×2 + 20×1 + 25×1) + 76 × 30×1 = 43,700 + 2,280 on top of 137,940.
    expect(check.costs.transport).toBeCloseTo(137_940 + 43_700 + 2_280, 6);
  });
});

describe("checkPlan reports each broken rule", () => {
  it("checkPlan reports unassigned pupils naming the settlement, the level and the shortfall", () => {
    const [v] = onlyViolation(BASE_SYSTEM, basePlan({}, withRows([["v1", "primary1to3", "P1", 35]])), "unassigned");
    expect(v).toMatchObject({ settlement: "v1", level: "primary1to3" });
    expect(v!.message).toContain("5 without a school");
  });

  it("checkPlan reports more pupils assigned than live in a settlement, and pupils of an unplanned level", () => {
    expect(onlyViolation(BASE_SYSTEM, basePlan({}, withRows([["v2", "primary4to6", "P2", 26]])), "unassigned")[0]).toMatchObject({ settlement: "v2", level: "primary4to6" });
    const junior = basePlan({}, [...BASE_ROWS, ["v1", "junior", "P1", 3]]);
    expect(checkPlan(BASE_SYSTEM, junior).violations.find((v) => v.rule === "unassigned")).toMatchObject({ settlement: "v1", level: "junior" });
  });

  it("checkPlan reports pupils and classes at a school that does not serve their level", () => {
    const plan = basePlan({ P1: { open: true, classes: { kindergarten: 1, primary1to3: 1, primary4to6: 1 } } }, withRows([["v1", "kindergarten", "P1", 20]]));
    const violations = onlyViolation(BASE_SYSTEM, plan, "levelNotServed");
    expect(violations.map((v) => [v.school, v.level])).toEqual([["P1", "kindergarten"], ["P1", "kindergarten"]]);
  });

  it("checkPlan reports pupils and classes at a closed school", () => {
    const plan = basePlan({ P2: { open: false, classes: { primary1to3: 1, primary4to6: 1 } } });
    const violations = onlyViolation(BASE_SYSTEM, plan, "closedSchool");
    expect(violations.map((v) => v.school)).toEqual(["P2", "P2", "P2"]);
    expect(violations[0]).toMatchObject({ settlement: "v2", level: "primary1to3" });
  });

  it("checkPlan reports added classrooms or beds at a candidate that is not built", () => {
    expect(onlyViolation(BASE_SYSTEM, basePlan({ C1: { open: false, classroomsAdded: 1 } }), "closedSchool")[0]).toMatchObject({ school: "C1" });
  });

  it("checkPlan reports a row whose travel minutes are not the system's", () => {
    const plan = basePlan();
    const rows = plan.assignments.map((row, k) => (k === 1 ? { ...row, travelMinutes: 9 } : row));
    const [v] = onlyViolation(BASE_SYSTEM, { ...plan, assignments: rows }, "travelTimes");
    expect(v).toMatchObject({ settlement: "v1", school: "P1", level: "primary1to3" });
    expect(v!.message).toContain("9");
  });

  it("checkPlan reports a day pupil beyond the day limit, and one at a school out of reach", () => {
    const rules = rulesWith({ dayTravelLimitMinutes: { ...RULES.dayTravelLimitMinutes, primary1to3: 20 } });
    const far = basePlan({}, withRows([["v2", "primary1to3", "P1", 20]]), rules);
    expect(onlyViolation(BASE_SYSTEM, far, "dayTravel")[0]).toMatchObject({ settlement: "v2", school: "P1", level: "primary1to3" });
    const unreachable = basePlan({ C1: { open: true } }, withRows([["v2", "primary1to3", "C1", 20]]));
    const [v] = onlyViolation(BASE_SYSTEM, unreachable, "dayTravel");
    expect(v).toMatchObject({ settlement: "v2", school: "C1" });
    expect(v!.message).toContain("cannot reach");
    expect(checkPlan(BASE_SYSTEM, unreachable).meanTravelMinutes).toBe(Infinity);
  });

  it("checkPlan reports a boarder below the boarding grade", () => {
    const plan = basePlan({}, withRows([["v1", "primary1to3", "P1", 40, true]]));
    expect(onlyViolation(BASE_SYSTEM, plan, "boardingGrade")[0]).toMatchObject({ settlement: "v1", school: "P1", level: "primary1to3" });
  });

  it("checkPlan reports a boarder beyond the boarding travel limit", () => {
    const rules = rulesWith({ boardingTravelLimitMinutes: { ...RULES.boardingTravelLimitMinutes, primary4to6: 5 } });
    expect(onlyViolation(BASE_SYSTEM, basePlan({}, BASE_ROWS, rules), "boardingTravel")[0]).toMatchObject({ settlement: "v1", school: "P1", level: "primary4to6" });
  });

  it("checkPlan reports a settlement split between schools below the split threshold; above it the split-share rule applies", () => {
    const rows = withRows([["v1", "primary1to3", "P1", 20], ["v1", "primary1to3", "P2", 20]]);
    const [v] = onlyViolation(BASE_SYSTEM, basePlan({}, rows), "catchment");
    expect(v).toMatchObject({ settlement: "v1", level: "primary1to3" });
    expect(v!.message).toContain("P1, P2");
    // Above the threshold 40 pupils are one part (⌈40 / 45⌉ = 1): one school, k = 1, so halves break the split-share rule.
    const [shares] = onlyViolation(BASE_SYSTEM, basePlan({}, rows, rulesWith({ splitAbovePupils: 30 })), "splitShares");
    expect(shares).toMatchObject({ settlement: "v1", level: "primary1to3" });
    expect(shares!.message).toContain("more than the 1");
    expect(rulesOf(basePlan({}, rows, rulesWith({ catchments: false })))).toEqual([]);
  });

  it("checkPlan reports a reported enrolment or boarder count that its rows do not give", () => {
    const plan = basePlan();
    const schools = plan.schools.map((s) => (s.id === "P1" ? { ...s, enrolment: { ...s.enrolment, primary1to3: 39 }, boarders: 31 } : s));
    const violations = onlyViolation(BASE_SYSTEM, { ...plan, schools }, "enrolment");
    expect(violations.map((v) => v.school)).toEqual(["P1", "P1"]);
  });

  it("checkPlan reports enrolment beyond the seats of its classes and fractional classes under whole classes", () => {
    expect(onlyViolation(BASE_SYSTEM, basePlan({ P2: { open: true, classes: { primary1to3: 0, primary4to6: 1 } } }), "seats")[0]).toMatchObject({ school: "P2", level: "primary1to3" });
    const fractional = basePlan({ P2: { open: true, classes: { primary1to3: 0.5, primary4to6: 1 } } });
    expect(onlyViolation(BASE_SYSTEM, fractional, "seats")[0]!.message).toContain("not a whole number");
    expect(rulesOf(basePlan({ P2: { open: true, classes: { primary1to3: 0.5, primary4to6: 1 } } }, BASE_ROWS, rulesWith({ wholeClasses: false })))).toEqual([]);
  });

  it("checkPlan reports more classes than classrooms", () => {
    const plan = basePlan({ P2: { open: true, classes: { primary1to3: 2, primary4to6: 1 }, classroomsAdded: 0 } });
    expect(onlyViolation(BASE_SYSTEM, plan, "classrooms")[0]).toMatchObject({ school: "P2" });
  });

  it("checkPlan reports more classrooms added than the school may add", () => {
    expect(onlyViolation(BASE_SYSTEM, basePlan({ C1: { open: true, classroomsAdded: 3 } }), "addedClassrooms")[0]).toMatchObject({ school: "C1" });
  });

  it("checkPlan reports a school beyond the size limit of its type", () => {
    const rules = rulesWith({ maxSchoolSize: { ...RULES.maxSchoolSize, kindergarten: 25 } });
    expect(onlyViolation(BASE_SYSTEM, basePlan({}, BASE_ROWS, rules), "schoolSize")[0]).toMatchObject({ school: "K1" });
  });

  it("checkPlan reports an open school below the minimum enrolment unless it is protected or required", () => {
    const rules = rulesWith({ minimumEnrolment: { ...RULES.minimumEnrolment, "complete primary": 50 } });
    expect(onlyViolation(BASE_SYSTEM, basePlan({}, BASE_ROWS, rules), "minimumEnrolment")[0]).toMatchObject({ school: "P2" });
    for (const flag of ["protected", "required"] as const) {
      const system = makeSystem({ schools: { P2: { [flag]: true } } });
      expect(checkPlan(system, planOn(system, BASE_CHOICES, BASE_ROWS, rules)).violations).toEqual([]);
    }
  });

  it("checkPlan reports more boarders than beds, and more beds added than allowed", () => {
    const rows = withRows([["v2", "primary4to6", "P1", 25, true]]);
    expect(onlyViolation(BASE_SYSTEM, basePlan({ P1: { open: true, bedsAdded: 0 } }, rows), "beds")[0]).toMatchObject({ school: "P1" });
    const system = makeSystem({ schools: { P1: { maxAddedBeds: 10 } } });
    expect(onlyViolation(system, planOn(system, BASE_CHOICES, rows), "addedBeds")[0]).toMatchObject({ school: "P1" });
  });

  it("checkPlan reports an action its choices do not imply", () => {
    const plan = basePlan();
    const schools = plan.schools.map((s) => (s.id === "P2" ? { ...s, action: "expand" as const } : s));
    const [v] = onlyViolation(BASE_SYSTEM, { ...plan, schools }, "action");
    expect(v).toMatchObject({ school: "P2" });
    expect(v!.message).toContain('"keep"');
    const tiny = basePlan({ P2: { open: true, bedsAdded: 1e-9 } });
    expect(checkPlan(BASE_SYSTEM, { ...tiny, schools: tiny.schools.map((s) => (s.id === "P2" ? { ...s, action: "keep" as const } : s)) }).violations).toEqual([]);
  });

  const closeP2Rows = withRows([["v2", "primary1to3", "P1", 20], ["v2", "primary4to6", "P1", 25]]);

  it("checkPlan reports a required school that is closed and a forbidden one that is open", () => {
    const required = makeSystem({ schools: { P2: { required: true } } });
    expect(onlyViolation(required, planOn(required, { ...BASE_CHOICES, P2: { open: false } }, closeP2Rows), "required")[0]).toMatchObject({ school: "P2" });
    const forbidden = makeSystem({ schools: { P2: { forbidden: true } } });
    expect(onlyViolation(forbidden, planOn(forbidden, BASE_CHOICES, BASE_ROWS), "forbidden")[0]).toMatchObject({ school: "P2" });
  });

  it("checkPlan reports more closures than allowed", () => {
    const choices = { P2: { open: false } };
    expect(rulesOf(basePlan(choices, closeP2Rows, rulesWith({ maxClosures: 1 })))).toEqual([]);
    expect(onlyViolation(BASE_SYSTEM, basePlan(choices, closeP2Rows, rulesWith({ maxClosures: 0 })), "closures")[0]!.message).toContain("1 existing");
  });

  it("checkPlan reports a township without an open township kindergarten, unless the rule is off", () => {
    const rows = withRows([["v1", "kindergarten", "K2", 20], ["v2", "kindergarten", "K2", 10]]);
    const choices = { K1: { open: false }, K2: { open: true } };
    const [v] = onlyViolation(BASE_SYSTEM, basePlan(choices, rows), "threeSchools");
    expect(v!.message).toMatch(/T1.*kindergarten/);
    expect(rulesOf(basePlan(choices, rows, rulesWith({ threeSchools: false })))).toEqual([]);
  });

  it("checkPlan reports a township without an open boarding school", () => {
    const system = makeSystem({ schools: { P1: { beds: 0, maxAddedBeds: 0 } } });
    const [v] = onlyViolation(system, planOn(system, BASE_CHOICES, withRows([["v1", "primary4to6", "P1", 30]])), "threeSchools");
    expect(v!.message).toContain("boarding school");
  });

  it("checkPlan reports a settlement with pupils of a resource-room group and no resource room within reach", () => {
    const groups = (limit: number): SpecialGroup[] => [{ id: "disability", rule: "resourceRoom", travelLimitMinutes: limit, level: "primary4to6" }];
    const settlements = { v2: { groups: { disability: { primary4to6: 2 } } } };
    const near = makeSystem({ groups: groups(30), settlements });
    expect(checkPlan(near, planOn(near, BASE_CHOICES, BASE_ROWS)).violations).toEqual([]);
    const far = makeSystem({ groups: groups(15), settlements });
    const [v] = onlyViolation(far, planOn(far, BASE_CHOICES, BASE_ROWS), "resourceRoom");
    expect(v).toMatchObject({ settlement: "v2", level: "primary4to6" });
    expect(v!.message).toContain("P1, is 25 minutes");
  });

  it("checkPlan reports boarding-care pupils without boarding places", () => {
    const system = makeSystem({ groups: [{ id: "leftBehind", rule: "boardingCare" }], settlements: { v2: { groups: { leftBehind: { primary4to6: 5, primary1to3: 4 } } } } });
    const [v] = onlyViolation(system, planOn(system, BASE_CHOICES, BASE_ROWS), "boardingCare");
    expect(v).toMatchObject({ settlement: "v2", level: "primary4to6" });
    const cared = withRows([["v2", "primary4to6", "P2", 20], ["v2", "primary4to6", "P2", 5, true]]);
    expect(checkPlan(system, planOn(system, BASE_CHOICES, cared)).violations).toEqual([]);
  });

  it("checkPlan reports a plan beyond the budget and beyond the mean travel limit", () => {
    expect(onlyViolation(BASE_SYSTEM, basePlan({}, BASE_ROWS, rulesWith({ budgetYuanPerYear: 2_000_000 })), "budget")[0]!.message).toContain("2127940");
    expect(rulesOf(basePlan({}, BASE_ROWS, rulesWith({ budgetYuanPerYear: 2_127_940 })))).toEqual([]);
    expect(onlyViolation(BASE_SYSTEM, basePlan({}, BASE_ROWS, rulesWith({ maxMeanTravelMinutes: 9 })), "meanTravel")[0]!.message).toContain("10 minutes");
    expect(rulesOf(basePlan({}, BASE_ROWS, rulesWith({ maxMeanTravelMinutes: 10 })))).toEqual([]);
  });

  it("checkPlan reports a reported cost item that is not the recomputed one, naming the item and both numbers", () => {
    const plan = basePlan();
    const [v] = onlyViolation(BASE_SYSTEM, { ...plan, costs: { ...plan.costs, boarders: 1 } }, "costs");
    expect(v!.message).toMatch(/1 yuan per year for boarders; recomputed 90000/);
  });

  it("checkPlan reports priced kilometres when the system gives no distances", () => {
    const [v] = onlyViolation(BASE_SYSTEM, basePlan({}, BASE_ROWS, RULES, { ...COSTS, yuanPerPupilKilometre: 1 }), "costs");
    expect(v!.message).toContain("no distances");
  });
});

describe("checkPlan on malformed plans", () => {
  const plan = basePlan();
  const errorOf = (bad: unknown): InputError => {
    let thrown: unknown;
    try {
      checkPlan(BASE_SYSTEM, bad as CheckablePlan);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    return thrown as InputError;
  };
  const fieldOf = (bad: unknown): string => errorOf(bad).location.field;

  it("checkPlan throws InputError naming schools or assignments when a plan has no layout", () => {
    const { schools: _s, ...noSchools } = plan;
    const { assignments: _a, ...noRows } = plan;
    expect(fieldOf(noSchools)).toBe("schools");
    expect(fieldOf(noRows)).toBe("assignments");
  });

  it("checkPlan throws InputError when the schools are not the system's, in order", () => {
    expect(fieldOf({ ...plan, schools: plan.schools.slice(1) })).toBe("schools");
    expect(fieldOf({ ...plan, schools: [...plan.schools].reverse() })).toBe("schools");
  });

  it("checkPlan throws InputError naming the row for an unknown id or an index out of range", () => {
    const bad = (change: Partial<Mutable<PlannedAssignment>>) => ({ ...plan, assignments: plan.assignments.map((row, k) => (k === 2 ? { ...row, ...change } : row)) });
    for (const change of [{ school: "P9" }, { schoolIndex: 7 }, { settlement: "v9" }, { settlementIndex: -1 }, { level: "college" as LevelId }, { pupils: -1 }]) {
      expect(fieldOf(bad(change))).toBe("assignments");
    }
    const error = errorOf(bad({ school: "P9" }));
    expect(error.location.index).toBe(2);
    expect(error.message).toContain("P9");
  });
});

describe("checkPlan properties", () => {
  it("a valid plan stays valid, at the same cost, when the settlements are listed in another order", () => {
    const reference = checkPlan(BASE_SYSTEM, basePlan()).costs.total;
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1], { minLength: 2, maxLength: 2 }), fc.shuffledSubarray(BASE_ROWS.map((_, k) => k), { minLength: BASE_ROWS.length, maxLength: BASE_ROWS.length }), (order, rowOrder) => {
        const system = makeSystem({ order });
        const check = checkPlan(system, planOn(system, BASE_CHOICES, rowOrder.map((k) => BASE_ROWS[k]!)));
        expect(check.violations).toEqual([]);
        expect(check.costs.total).toBeCloseTo(reference, 6);
      }),
      { numRuns: 30, seed: 20261129 },
    );
  });

  it("moving any share of a settlement's grade 1–3 day pupils to a school beyond the day limit is always reported", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.constantFrom("P1", "P2", "C1"), fc.integer({ min: 1, max: 20 }), (limit, school, moved) => {
        const rules = rulesWith({ dayTravelLimitMinutes: { ...RULES.dayTravelLimitMinutes, primary1to3: limit }, catchments: false });
        const rows = withRows([["v2", "primary1to3", "P2", 20 - moved], ["v2", "primary1to3", school, moved]]);
        const plan = basePlan({ C1: { open: school === "C1" } }, rows, rules);
        const walk = (settlement: string, id: string): number => WALK[(settlement === "v1" ? 0 : 1) * SCHOOLS.length + SCHOOLS.findIndex((x) => x.id === id)]!;
        const beyond = rows.filter(([settlement, level, id, pupils]) => level === "primary1to3" && pupils > 0 && walk(settlement, id) > limit).map(([settlement, , id]) => `${settlement} ${id}`);
        const day = checkPlan(BASE_SYSTEM, plan).violations.filter((v) => v.rule === "dayTravel");
        expect(day.map((v) => `${v.settlement} ${v.school}`).sort()).toEqual(beyond.sort());
      }),
      { numRuns: 100, seed: 20261130 },
    );
  });

  it("changing any reported cost item beyond the tolerance is reported naming that item", () => {
    const plan = basePlan();
    const items = Object.keys(plan.costs) as (keyof PlanCostBreakdown)[];
    fc.assert(
      fc.property(fc.constantFrom(...items), fc.double({ min: 1e-4, max: 0.5, noNaN: true }), fc.boolean(), (item, share, up) => {
        const value = plan.costs[item] + (up ? 1 : -1) * Math.max(1, plan.costs[item]) * share;
        const violations = checkPlan(BASE_SYSTEM, { ...plan, costs: { ...plan.costs, [item]: value } }).violations;
        expect(violations).toHaveLength(1);
        expect(violations[0]!.message).toContain(`for ${item};`);
      }),
      { numRuns: 60, seed: 20261131 },
    );
  });
});
