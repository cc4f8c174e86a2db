/**
 * Tiny school systems for testing planSchools: builders, fast-check arbitraries, and a brute-force reference
 * plan that enumerates every catchment assignment and every open/closed set of schools.
 *
 * The brute force is written from the documentation only (the cost formula of src/plan/rules/costs.ts, the rules of
 * src/plan/rules/options.ts and src/plan/system/system.ts); it shares no code with the solver (no score.ts, model.ts,
 * choices.ts or rules.ts). It supports whole classes and catchments (one school per settlement and level, the
 * whole unit day or boarding), the resource-room group rule, and boarding-care groups as the system documents
 * them (the care pupils board at the school their settlement attends, within the boarding travel limit).
 */
import fc from "fast-check";
import {
  CHINA_NORMS,
  createSchoolSystem,
  costOf,
  defaultPlanCosts,
  denseCostMatrix,
  LEVEL_GRADES,
  LEVELS_SERVED,
  SIZE_NORM_OF_TYPE,
  withNormOverrides,
  type CostMatrix,
  type LevelId,
  type Plan,
  type PlanCosts,
  type PlanOptions,
  type PlanningNorms,
  type SchoolInput,
  type SchoolSystem,
  type SchoolSystemInput,
  type SchoolType,
  type SettlementInput,
} from "../../src/index.ts";

/** The options the brute force understands (a subset of planSchools' options). */
export type BruteForceOptions = Pick<
  PlanOptions,
  "norms" | "threeSchools" | "minimumEnrolment" | "budgetYuanPerYear" | "maxClosures" | "maxMeanTravelMinutes" | "objective" | "costs" | "splitAbovePupils" | "boardingSchoolMinimumBeds"
>;

/** Where one settlement and level goes in the brute-force plan. */
export interface BruteForcePlacement {
  readonly settlement: string;
  readonly level: LevelId;
  readonly school: string;
  readonly boarding: boolean;
}

/** The best plan the brute force found. */
export interface BruteForcePlan {
  /** The objective: yuan per year (cost) or mean one-way minutes (travel). */
  readonly objective: number;
  /** Total annual cost, yuan per year. */
  readonly cost: number;
  /** Mean one-way minutes per pupil. */
  readonly meanMinutes: number;
  /** Open school ids. */
  readonly open: readonly string[];
  /** One placement per settlement and level with pupils. */
  readonly placements: readonly BruteForcePlacement[];
}

const EPS = 1e-9;

const wholeUp = (value: number): number => (value <= EPS ? 0 : Math.ceil(value - EPS));

/** The rules of a tiny plan, computed here from the norms (not through src/plan/rules/rules.ts). */
interface TinyRules {
  readonly classSize: (type: SchoolType, level: LevelId) => number;
  readonly dayLimit: (level: LevelId) => number;
  /** −1 where the level may not board. */
  readonly boardLimit: (level: LevelId) => number;
  readonly mayBoard: (level: LevelId) => boolean;
  readonly maxSize: (type: SchoolType) => number;
  readonly minimum: (type: SchoolType) => number;
}

function tinyRules(options: BruteForceOptions): TinyRules {
  const norms: PlanningNorms = options.norms ?? CHINA_NORMS;
  const mayBoard = (level: LevelId): boolean => LEVEL_GRADES[level][0] >= norms.boardingFromGrade.value;
  return {
    classSize: (type, level) => (type === "teaching point" ? norms.teachingPointClassSize.value : norms.classSize[level].value),
    dayLimit: (level) => norms.dayTravelLimitMinutes[level].value ?? Infinity,
    boardLimit: (level) => (mayBoard(level) ? (norms.boardingTravelLimitMinutes[level].value ?? Infinity) : -1),
    mayBoard,
    maxSize: (type) => norms.maxSchoolSize[SIZE_NORM_OF_TYPE[type]].value,
    minimum: (type) => options.minimumEnrolment?.[type] ?? 0,
  };
}

/** One allowed choice of a unit: school, day or boarding, and its effect. */
interface Choice {
  readonly j: number;
  readonly boarding: boolean;
  readonly boarders: number;
  readonly transport: number;
  readonly boarderCost: number;
  readonly pupilMinutes: number;
}

interface Unit {
  readonly i: number;
  readonly level: LevelId;
  readonly l: number;
  readonly pupils: number;
  readonly choices: readonly Choice[];
}

function schoolFigure(system: SchoolSystem, costs: PlanCosts, j: number, key: keyof PlanSchoolCosts): number {
  return system.schools[j]!.costs[key] ?? costs[key];
}
type PlanSchoolCosts = Pick<PlanCosts, "schoolPerYear" | "newSchoolPerYear" | "closurePerYear" | "classPerYear" | "classroomPerYear" | "bedPerYear" | "boarderPerYear">;

/** Boarding-care pupils of settlement i and level (0 where the level may not board). */
function carePupils(system: SchoolSystem, rules: TinyRules, i: number, level: LevelId): number {
  if (!rules.mayBoard(level)) return 0;
  let care = 0;
  for (const group of system.groups) if (group.rule === "boardingCare") care += group.share * system.settlements[i]!.groups[group.id]![level];
  return Math.min(care, system.settlements[i]!.pupils[level]);
}

/** The units and their choices; with `housing`, choices whose boarders alone exceed the school's possible beds are left out. */
function listUnits(system: SchoolSystem, rules: TinyRules, costs: PlanCosts, options: BruteForceOptions, housing = true): Unit[] {
  const units: Unit[] = [];
  const split = options.splitAbovePupils ?? 1000;
  system.settlements.forEach((settlement, i) => {
    system.levels.forEach((level, l) => {
      const pupils = settlement.pupils[level];
      if (!(pupils > 0)) return;
      if (pupils > split) throw new Error(`bruteForcePlan: ${settlement.id} ${level} has ${pupils} pupils above splitAbovePupils; only catchments are enumerated`);
      const care = carePupils(system, rules, i, level);
      const choices: Choice[] = [];
      system.schools.forEach((school, j) => {
        if (school.forbidden || !LEVELS_SERVED[school.type].includes(level)) return;
        const minutes = costOf(system.travelMinutes[level]!, i, j);
        if (!Number.isFinite(minutes)) return;
        const metresMatrix = system.travelMetres[level];
        const km = metresMatrix === undefined ? 0 : costOf(metresMatrix, i, j) / 1000;
        const perTrip = minutes * costs.yuanPerPupilMinute + km * costs.yuanPerPupilKilometre;
        const dayTrips = 2 * costs.schoolDaysPerYear;
        const boardTrips = 2 * costs.weeksPerYear;
        const boarderPerYear = schoolFigure(system, costs, j, "boarderPerYear");
        const withinBoarding = minutes <= rules.boardLimit(level);
        // A choice whose boarders alone exceed every bed the school may have can never be made.
        const housed = (boarders: number): boolean => !housing || boarders === 0 || wholeUp(boarders) <= school.beds + school.maxAddedBeds + EPS;
        if (minutes <= rules.dayLimit(level) && (care === 0 || (withinBoarding && housed(care)))) {
          choices.push({
            j, boarding: false, boarders: care,
            transport: (pupils - care) * dayTrips * perTrip + care * boardTrips * perTrip,
            boarderCost: care * boarderPerYear,
            pupilMinutes: pupils * minutes,
          });
        }
        if (withinBoarding && housed(pupils)) {
          choices.push({ j, boarding: true, boarders: pupils, transport: pupils * boardTrips * perTrip, boarderCost: pupils * boarderPerYear, pupilMinutes: pupils * minutes });
        }
      });
      units.push({ i, level, l, pupils, choices });
    });
  });
  return units;
}

/**
 * How many leaves the brute force would visit at most: the product of the units' choice counts times 2^m.
 * @param system - a tiny system
 * @param options - the plan options
 */
export function enumerationSize(system: SchoolSystem, options: BruteForceOptions = {}): number {
  const rules = tinyRules(options);
  const costs: PlanCosts = { ...defaultPlanCosts(), ...options.costs };
  let size = 2 ** system.schools.length;
  for (const unit of listUnits(system, rules, costs, options)) size *= Math.max(1, unit.choices.length);
  return size;
}

/**
 * The settlement and level pairs with pupils that no school may take (none within the day limit, and no
 * boarding allowed or within reach), by the brute force's reading of the travel and boarding rules (beds aside).
 * @param system - a tiny system
 * @param options - the plan options
 */
export function unitsWithoutChoices(system: SchoolSystem, options: BruteForceOptions = {}): Array<{ settlement: string; level: LevelId }> {
  const units = listUnits(system, tinyRules(options), { ...defaultPlanCosts(), ...options.costs }, options, false);
  return units.filter((unit) => unit.choices.length === 0).map((unit) => ({ settlement: system.settlements[unit.i]!.id, level: unit.level }));
}

/**
 * Units (settlement × level) with more pupils than any school they may attend could ever hold (its size limit, or
 * its classrooms after every allowed addition filled with classes of the level): planSchools lets them split, so
 * the brute force, which enumerates catchments only, does not apply; generated cases leave them out.
 * @param system - a tiny system
 * @param options - the plan options
 */
export function forcedSplitUnits(system: SchoolSystem, options: BruteForceOptions = {}): Array<{ settlement: string; level: LevelId }> {
  const norms = options.norms ?? CHINA_NORMS;
  const units = listUnits(system, tinyRules(options), { ...defaultPlanCosts(), ...options.costs }, { ...options, splitAbovePupils: Infinity }, false);
  return units
    .filter((unit) => {
      if (unit.choices.length === 0) return false;
      const capacity = Math.max(
        ...unit.choices.map(({ j }) => {
          const school = system.schools[j]!;
          const classSize = school.type === "teaching point" ? norms.teachingPointClassSize.value : norms.classSize[unit.level].value;
          return Math.min(norms.maxSchoolSize[SIZE_NORM_OF_TYPE[school.type]].value, (school.classrooms + school.maxAddedClassrooms) * classSize);
        }),
      );
      return unit.pupils > capacity;
    })
    .map((unit) => ({ settlement: system.settlements[unit.i]!.id, level: unit.level }));
}

/**
 * Ids of the schools no settlement and level may attend (no allowed choice at them), by the brute force's
 * reading of the rules; conservative: a choice whose boarders alone exceed the beds the school may have does not
 * count.
 * @param system - a tiny system
 * @param options - the plan options
 */
export function schoolsWithoutChoices(system: SchoolSystem, options: BruteForceOptions = {}): string[] {
  const units = listUnits(system, tinyRules(options), { ...defaultPlanCosts(), ...options.costs }, options);
  const reached = new Set(units.flatMap((unit) => unit.choices.map((choice) => choice.j)));
  return system.schools.flatMap((school, j) => (reached.has(j) ? [] : [school.id]));
}

/**
 * The least-cost (or least mean travel) plan of a tiny system by enumeration, or null when no plan meets every
 * rule. Every catchment assignment (each settlement and level to one school, all day or all boarding, as the
 * travel and boarding rules allow) and every open/closed set of schools containing the used ones is tried; for
 * each, the fewest whole classes, the added classrooms and beds and the annual cost are computed with the
 * formula of src/plan/rules/costs.ts, and the plan is kept when it meets seats, classrooms, sizes, minimum enrolments,
 * beds, three schools, resource rooms, required and forbidden schools, closures, budget and mean travel.
 * @param system - a tiny system (keep {@link enumerationSize} below a few hundred thousand)
 * @param options - the plan options it understands
 * @param restrict - `openMask`: only plans whose open schools are exactly the bits of the mask (bit j: school j)
 * @throws Error for a unit above `splitAbovePupils` (only catchments are enumerated)
 */
export function bruteForcePlan(system: SchoolSystem, options: BruteForceOptions = {}, restrict: { readonly openMask?: number } = {}): BruteForcePlan | null {
  const rules = tinyRules(options);
  const costs: PlanCosts = { ...defaultPlanCosts(), ...options.costs };
  const units = listUnits(system, rules, costs, options);
  const { schools, levels } = system;
  const m = schools.length;
  const L = levels.length;
  const figure = (j: number, key: keyof PlanSchoolCosts): number => schoolFigure(system, costs, j, key);
  const totalPupils = units.reduce((sum, unit) => sum + unit.pupils, 0);
  const enrol = new Float64Array(m * L);
  const boarders = new Float64Array(m);
  const used = new Int32Array(m);
  const picked: number[] = [];
  let transport = 0;
  let boarderCost = 0;
  let pupilMinutes = 0;
  let best: BruteForcePlan | null = null;

  // Per school: classes of the enrolment, classrooms and beds added, and whether it can be open with it.
  const classesAt = (j: number): number => {
    let classes = 0;
    levels.forEach((level, l) => { classes += wholeUp(enrol[j * L + l]! / rules.classSize(schools[j]!.type, level)); });
    return classes;
  };
  const enrolledAt = (j: number): number => {
    let total = 0;
    for (let l = 0; l < L; l++) total += enrol[j * L + l]!;
    return total;
  };
  const overLimits = (j: number): boolean => {
    const school = schools[j]!;
    return (
      enrolledAt(j) > rules.maxSize(school.type) + EPS ||
      classesAt(j) - school.classrooms > school.maxAddedClassrooms ||
      wholeUp(boarders[j]!) - school.beds > school.maxAddedBeds + EPS
    );
  };

  const townships = [...new Set(schools.filter((s) => s.tier === "township" && s.township !== null).map((s) => s.township!))];
  const boardingType = (type: SchoolType): boolean => LEVELS_SERVED[type].some((level) => rules.mayBoard(level));
  const roomRules: Array<{ schools: number[] }> = [];
  for (const group of system.groups) {
    if (group.rule !== "resourceRoom") continue;
    system.settlements.forEach((settlement, i) => {
      const pupils = Object.values(settlement.groups[group.id]!).reduce((a, b) => a + b, 0);
      if (!(pupils > 0)) return;
      roomRules.push({ schools: schools.flatMap((s, j) => (s.resourceRoom && costOf(system.travelMinutes[group.level]!, i, j) <= group.travelLimitMinutes ? [j] : [])) });
    });
  }

  const leaf = (): void => {
    const classes = Array.from({ length: m }, (_, j) => classesAt(j));
    const bedsAdded = Array.from({ length: m }, (_, j) => Math.max(0, wholeUp(boarders[j]!) - schools[j]!.beds));
    for (let mask = 0; mask < 1 << m; mask++) {
      if (restrict.openMask !== undefined && mask !== restrict.openMask) continue;
      const open = (j: number): boolean => (mask & (1 << j)) !== 0;
      let ok = true;
      let cost = transport + boarderCost;
      let closures = 0;
      for (let j = 0; j < m && ok; j++) {
        const school = schools[j]!;
        if (!open(j)) {
          if (used[j]! > 0 || school.required) ok = false;
          if (school.existing) { cost += figure(j, "closurePerYear"); closures++; }
          continue;
        }
        if (school.forbidden) { ok = false; break; }
        const enrolled = enrolledAt(j);
        const minimum = rules.minimum(school.type);
        if (!school.protected && !school.required && enrolled < minimum - EPS) ok = false;
        cost += figure(j, "schoolPerYear") + (school.existing ? 0 : figure(j, "newSchoolPerYear"));
        cost += classes[j]! * figure(j, "classPerYear");
        cost += Math.max(0, classes[j]! - school.classrooms) * figure(j, "classroomPerYear");
        cost += bedsAdded[j]! * figure(j, "bedPerYear");
      }
      if (!ok) continue;
      if (options.maxClosures !== undefined && closures > options.maxClosures) continue;
      if (!roomRules.every((rule) => rule.schools.some(open))) continue;
      if (options.threeSchools ?? true) {
        for (const township of townships) {
          const here = schools.flatMap((s, j) => (s.township === township && open(j) ? [j] : []));
          const central = here.filter((j) => schools[j]!.tier === "township");
          if (!central.some((j) => schools[j]!.type === "kindergarten")) ok = false;
          if (!central.some((j) => schools[j]!.type === "complete primary" || schools[j]!.type === "nine-year")) ok = false;
          const boardingSchools = here.filter((j) => boardingType(schools[j]!.type));
          const minimumBeds = options.boardingSchoolMinimumBeds ?? 50;
          if (!boardingSchools.some((j) => schools[j]!.beds + bedsAdded[j]! >= minimumBeds)) {
            // Add beds up to the minimum at the cheapest school of the township that may add them.
            const extra = Math.min(
              ...boardingSchools
                .filter((j) => schools[j]!.beds + schools[j]!.maxAddedBeds >= minimumBeds)
                .map((j) => (minimumBeds - schools[j]!.beds - bedsAdded[j]!) * figure(j, "bedPerYear")),
            );
            if (extra === Infinity) ok = false;
            else cost += extra;
          }
        }
      }
      if (!ok) continue;
      if (options.budgetYuanPerYear !== undefined && cost > options.budgetYuanPerYear * (1 + 1e-9)) continue;
      const meanMinutes = totalPupils > 0 ? pupilMinutes / totalPupils : 0;
      if (options.maxMeanTravelMinutes !== undefined && meanMinutes > options.maxMeanTravelMinutes * (1 + 1e-9) + 1e-9) continue;
      const objective = (options.objective ?? "cost") === "cost" ? cost : meanMinutes;
      if (best !== null && objective >= best.objective) continue;
      best = {
        objective,
        cost,
        meanMinutes,
        open: schools.flatMap((s, j) => (open(j) ? [s.id] : [])),
        placements: units.map((unit, u) => {
          const choice = unit.choices[picked[u]!]!;
          return { settlement: system.settlements[unit.i]!.id, level: unit.level, school: schools[choice.j]!.id, boarding: choice.boarding };
        }),
      };
    }
  };

  const visit = (u: number): void => {
    if (u === units.length) { leaf(); return; }
    const unit = units[u]!;
    unit.choices.forEach((choice, k) => {
      const at = choice.j * L + unit.l;
      enrol[at]! += unit.pupils;
      boarders[choice.j]! += choice.boarders;
      used[choice.j]!++;
      transport += choice.transport;
      boarderCost += choice.boarderCost;
      pupilMinutes += choice.pupilMinutes;
      picked[u] = k;
      if (!overLimits(choice.j)) visit(u + 1);
      enrol[at]! -= unit.pupils;
      boarders[choice.j]! -= choice.boarders;
      used[choice.j]!--;
      transport -= choice.transport;
      boarderCost -= choice.boarderCost;
      pupilMinutes -= choice.pupilMinutes;
    });
  };
  visit(0);
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Builders

/** A dense minutes matrix from rows (one per settlement, one value per school; Infinity for unreachable). */
export function minutesMatrix(rows: readonly (readonly number[])[]): CostMatrix {
  return denseCostMatrix(rows.flat(), rows.length, rows[0]!.length, "minutes");
}

/** A tiny system: settlements, schools, and minutes rows used for every planned level unless given per level. */
export interface TinySystemSpec {
  readonly settlements: readonly SettlementInput[];
  readonly schools: readonly SchoolInput[];
  /** Rows per settlement, values per school: one matrix for every level, or one per level. */
  readonly minutes: readonly (readonly number[])[] | Readonly<Partial<Record<LevelId, readonly (readonly number[])[]>>>;
  /** One-way metres, rows per settlement, values per school, for every planned level; default none. */
  readonly metres?: readonly (readonly number[])[];
  readonly levels?: readonly LevelId[];
  readonly groups?: SchoolSystemInput["groups"];
}

/** The system input of a {@link TinySystemSpec} (plain data, for freezing or changing before building). */
export function tinySystemInput(spec: TinySystemSpec): SchoolSystemInput {
  const levels: LevelId[] = [...new Set(spec.settlements.flatMap((s) => Object.entries(s.pupils).flatMap(([level, count]) => ((count ?? 0) > 0 ? [level as LevelId] : []))))];
  const planned = spec.levels ?? levels;
  const travelMinutes: Partial<Record<LevelId, CostMatrix>> = {};
  for (const level of planned) {
    const rows = Array.isArray(spec.minutes) ? (spec.minutes as readonly (readonly number[])[]) : (spec.minutes as Partial<Record<LevelId, readonly (readonly number[])[]>>)[level];
    if (rows === undefined) throw new Error(`tinySystemInput: no minutes for ${level}`);
    travelMinutes[level] = minutesMatrix(rows);
  }
  const travelMetres: Partial<Record<LevelId, CostMatrix>> = {};
  if (spec.metres !== undefined) for (const level of planned) travelMetres[level] = denseCostMatrix(spec.metres.flat(), spec.metres.length, spec.metres[0]!.length, "metres");
  return {
    ...(spec.levels === undefined ? {} : { levels: spec.levels }),
    settlements: spec.settlements,
    schools: spec.schools,
    travelMinutes,
    ...(spec.metres === undefined ? {} : { travelMetres }),
    ...(spec.groups === undefined ? {} : { groups: spec.groups }),
  };
}

/** Builds a tiny system through createSchoolSystem. */
export function tinySystem(spec: TinySystemSpec): SchoolSystem {
  return createSchoolSystem(tinySystemInput(spec));
}

/** Freezes a value and everything reachable from it (typed arrays are left as they are: they cannot be frozen). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

/** A random tiny system with the options to plan it under. */
export interface TinyPlanCase {
  readonly input: SchoolSystemInput;
  readonly system: SchoolSystem;
  readonly options: BruteForceOptions;
}

/**
 * A tiny case with classrooms and beds free, so that the additions a multi-year plan shares between years and
 * scenarios (its envelope) cost nothing and each year and scenario can be brute-forced alone.
 */
export function freeAdditions(c: TinyPlanCase): TinyPlanCase {
  const schools = c.input.schools.map((s) => ({ ...s, ...(s.costs === undefined ? {} : { costs: { ...s.costs, classroomPerYear: 0, bedPerYear: 0 } }) }));
  const input = { ...c.input, schools };
  return { input, system: createSchoolSystem(input), options: { ...c.options, costs: { ...c.options.costs, classroomPerYear: 0, bedPerYear: 0 } } };
}

/** Each settlement's pupils of a system, scaled per settlement index and level and rounded (the pupils of a plan year). */
export function scaledPupils(system: SchoolSystem, factor: (settlement: number, level: LevelId) => number = () => 1): Record<string, Partial<Record<LevelId, number>>> {
  return Object.fromEntries(system.settlements.map((s, i) => [s.id, Object.fromEntries(Object.entries(s.pupils).map(([level, n]) => [level, Math.round(n * factor(i, level as LevelId))]))]));
}

/** What {@link tinyPlanCase} may vary. */
export interface TinyPlanCaseOptions {
  /** Largest brute-force enumeration ({@link enumerationSize}); default 100,000. */
  readonly maxEnumeration?: number;
  /** Let schools be required, forbidden or protected, and options set closure limits and minimum enrolments (default true). */
  readonly rules?: boolean;
  /**
   * A township system under the "three schools" rule: levels kindergarten and grades 1–6, school 0 a township
   * kindergarten and school 1 a township complete primary in township T1 (default false).
   */
  readonly township?: boolean;
}

const PLANNABLE: readonly LevelId[] = ["kindergarten", "primary1to3", "primary4to6", "junior"];
const TYPES_BY_LEVEL: Readonly<Record<LevelId, readonly SchoolType[]>> = {
  kindergarten: ["kindergarten"],
  primary1to3: ["teaching point", "complete primary", "nine-year"],
  primary4to6: ["complete primary", "nine-year"],
  junior: ["nine-year", "junior"],
  senior: ["senior", "complete secondary"],
};

const minutesValue = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 2, max: 35 }) },
  { weight: 3, arbitrary: fc.integer({ min: 36, max: 150 }) },
  { weight: 1, arbitrary: fc.constant(Infinity) },
);

/** Township systems keep most pairs near, so that the three schools can serve them. */
const townshipMinutes = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 2, max: 28 }) }, { weight: 1, arbitrary: fc.integer({ min: 29, max: 100 }) });

const schoolDraw = fc.record({
  typePick: fc.nat(),
  tier: fc.constantFrom<"village" | "township">("village", "village", "village", "township"),
  existing: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  classes: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
  spareClassrooms: fc.integer({ min: 0, max: 2 }),
  beds: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 80 })),
  maxAddedClassrooms: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined, freq: 2 }),
  maxAddedBeds: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })), { nil: undefined }),
  role: fc.oneof(
    { weight: 8, arbitrary: fc.constant<"none" | "required" | "forbidden" | "protected">("none") },
    { weight: 1, arbitrary: fc.constantFrom<"required" | "forbidden" | "protected">("required", "forbidden", "protected") },
  ),
  township: fc.constantFrom<string | null>("T1", "T1", "T2", null),
  schoolPerYear: fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: undefined }),
  closurePerYear: fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: undefined }),
  otherCosts: fc.option(
    fc.record(
      {
        newSchoolPerYear: fc.integer({ min: 0, max: 900_000 }),
        classPerYear: fc.integer({ min: 50_000, max: 300_000 }),
        classroomPerYear: fc.integer({ min: 0, max: 100_000 }),
        bedPerYear: fc.integer({ min: 0, max: 10_000 }),
        boarderPerYear: fc.integer({ min: 0, max: 8_000 }),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined, freq: 3 },
  ),
});

/**
 * Random tiny systems (2–4 settlements, 2–4 schools in up to two townships, 1–3 levels, dense minutes per level
 * with some unreachable pairs, whole-number pupils, some schools with their own cost figures) with options (norms
 * overridden in boarding grade and travel limits, three schools, closures, minimum enrolments, cost figures),
 * kept to a brute-force enumeration of at most `maxEnumeration` leaves.
 * @param caseOptions - sizes and features
 */
export function tinyPlanCase(caseOptions: TinyPlanCaseOptions = {}): fc.Arbitrary<TinyPlanCase> {
  const maxEnumeration = caseOptions.maxEnumeration ?? 100_000;
  const withRules = caseOptions.rules ?? true;
  const township = caseOptions.township ?? false;
  return fc
    .record({
      n: fc.integer({ min: 2, max: 4 }),
      m: fc.integer({ min: 2, max: 4 }),
      levels: township ? fc.constant<LevelId[]>(["kindergarten", "primary1to3", "primary4to6"]) : fc.subarray([...PLANNABLE], { minLength: 1, maxLength: 3 }),
    })
    .chain(({ n, m, levels }) =>
      fc.record({
        n: fc.constant(n),
        m: fc.constant(m),
        levels: fc.constant(levels),
        pupils: fc.array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 120 }) }, { weight: 1, arbitrary: fc.constant(0) }), {
          minLength: n * levels.length,
          maxLength: n * levels.length,
        }),
        schools: fc.array(schoolDraw, { minLength: m, maxLength: m }),
        minutes: fc.array(fc.array(township ? townshipMinutes : minutesValue, { minLength: n * m, maxLength: n * m }), { minLength: levels.length, maxLength: levels.length }),
        norms: fc.constantFrom<"china" | "boardFrom7" | "boardFrom1" | "boardWithin60" | "day60" | "day20">("china", "china", "boardFrom7", "boardFrom1", "boardWithin60", "day60", "day20"),
        threeSchools: fc.constantFrom(true, false, false),
        maxClosures: withRules ? fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }) : fc.constant(undefined),
        minimumEnrolment: withRules && !township ? fc.option(fc.integer({ min: 10, max: 120 }), { nil: undefined }) : fc.constant(undefined),
        yuanPerPupilMinute: fc.constantFrom(0.3, 0, 2),
        classPerYear: fc.constantFrom(200_000, 20_000),
        bedPerYear: fc.constantFrom(2_000, 20_000),
      }),
    )
    .map((drawn) => {
      const { n, m, levels } = drawn;
      const schools: SchoolInput[] = drawn.schools.map((d, j) => {
        // Each school serves one of the planned levels (the j-th, round robin, so every level has a school).
        const level = levels[j % levels.length]!;
        const types = TYPES_BY_LEVEL[level];
        const fixed = township && j < 2;
        const type: SchoolType = fixed ? (j === 0 ? "kindergarten" : "complete primary") : types[d.typePick % types.length]!;
        const classes = d.existing ? Object.fromEntries(LEVELS_SERVED[type].map((served, k) => [served, d.classes[k]!])) : {};
        const classSum = Object.values(classes).reduce((a, b) => a + b, 0);
        const role = withRules && !fixed ? d.role : "none";
        const costs = {
          ...(d.schoolPerYear === undefined ? {} : { schoolPerYear: d.schoolPerYear }),
          ...(d.closurePerYear === undefined ? {} : { closurePerYear: d.closurePerYear }),
          ...d.otherCosts,
        };
        return {
          id: `S${j}`,
          type,
          tier: fixed ? "township" : d.tier,
          township: fixed ? "T1" : d.township,
          existing: d.existing,
          ...(d.existing ? { classes, classrooms: classSum + d.spareClassrooms, beds: d.beds } : {}),
          ...(d.maxAddedClassrooms === undefined ? {} : { maxAddedClassrooms: d.maxAddedClassrooms }),
          ...(d.maxAddedBeds === undefined || (fixed && j === 1) ? {} : { maxAddedBeds: d.maxAddedBeds }),
          required: role === "required",
          forbidden: role === "forbidden",
          protected: role === "protected",
          costs,
        };
      });
      // Plan only the levels some school serves (with two schools, a third level may have none).
      const planned = levels.filter((level) => schools.some((school) => LEVELS_SERVED[school.type].includes(level)));
      const travelMinutes: Partial<Record<LevelId, CostMatrix>> = {};
      for (const level of planned) travelMinutes[level] = denseCostMatrix(drawn.minutes[levels.indexOf(level)]!, n, m, "minutes");
      const pupilsOf = (i: number): Partial<Record<LevelId, number>> =>
        Object.fromEntries(planned.map((level) => [level, drawn.pupils[i * levels.length + levels.indexOf(level)]!]));
      const input: SchoolSystemInput = {
        levels: planned,
        settlements: Array.from({ length: n }, (_, i) => ({ id: `v${i}`, township: "T1", pupils: pupilsOf(i) })),
        schools,
        travelMinutes,
      };
      const norms =
        drawn.norms === "boardFrom7" ? withNormOverrides(CHINA_NORMS, { boardingFromGrade: 7 })
        : drawn.norms === "boardFrom1" ? withNormOverrides(CHINA_NORMS, { boardingFromGrade: 1 })
        : drawn.norms === "boardWithin60" ? withNormOverrides(CHINA_NORMS, { boardingTravelLimitMinutes: { primary4to6: 60, junior: 60 }, dayTravelLimitMinutes: { junior: 45 } })
        : drawn.norms === "day60" ? withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { primary4to6: 60, junior: 60, kindergarten: 30 } })
        : drawn.norms === "day20" ? withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { primary1to3: 20, primary4to6: 20, junior: 20, kindergarten: 20 } })
        : CHINA_NORMS;
      const options: BruteForceOptions = {
        norms,
        threeSchools: township || drawn.threeSchools,
        splitAbovePupils: Infinity,
        costs: { yuanPerPupilMinute: drawn.yuanPerPupilMinute, classPerYear: drawn.classPerYear, bedPerYear: drawn.bedPerYear },
        ...(drawn.maxClosures === undefined ? {} : { maxClosures: drawn.maxClosures }),
        ...(drawn.minimumEnrolment === undefined ? {} : { minimumEnrolment: { "complete primary": drawn.minimumEnrolment, kindergarten: drawn.minimumEnrolment / 2 } }),
      };
      return { input, options };
    })
    .filter(({ input }) => input.settlements.some((s) => Object.values(s.pupils).some((p) => (p ?? 0) > 0)))
    .map(({ input, options }) => ({ input, system: createSchoolSystem(input), options }))
    .filter(({ system, options }) => enumerationSize(system, options) <= maxEnumeration)
    .filter(({ system, options }) => forcedSplitUnits(system, options).length === 0);
}

/**
 * Random tiny systems as {@link tinyPlanCase}, with two special groups: `disabled` (rule resourceRoom, limit
 * 15–60 minutes by the first planned level's travel times; some schools have a resource room) and `leftBehind`
 * (rule boardingCare, share ½ or 1); each settlement has 0 up to all of its pupils of each level in each group.
 * @param caseOptions - sizes and features
 */
export function tinyGroupCase(caseOptions: TinyPlanCaseOptions = {}): fc.Arbitrary<TinyPlanCase> {
  const maxEnumeration = caseOptions.maxEnumeration ?? 100_000;
  return tinyPlanCase(caseOptions)
    .chain((c) =>
      fc.record({
        c: fc.constant(c),
        rooms: fc.array(fc.boolean(), { minLength: c.input.schools.length, maxLength: c.input.schools.length }),
        limit: fc.integer({ min: 15, max: 60 }),
        share: fc.constantFrom(0.5, 1),
        shares: fc.array(fc.tuple(fc.constantFrom(0, 0, 0.1, 0.5), fc.constantFrom(0, 0, 0.2, 1)), { minLength: c.input.settlements.length, maxLength: c.input.settlements.length }),
      }),
    )
    .map(({ c, rooms, limit, share, shares }) => {
      const levels = c.system.levels;
      const input: SchoolSystemInput = {
        ...c.input,
        schools: c.input.schools.map((school, j) => ({ ...school, resourceRoom: rooms[j]! })),
        settlements: c.input.settlements.map((settlement, i) => {
          const part = (fraction: number): Partial<Record<LevelId, number>> =>
            Object.fromEntries(levels.map((level) => [level, Math.floor((settlement.pupils[level] ?? 0) * fraction)]));
          return { ...settlement, groups: { disabled: part(shares[i]![0]), leftBehind: part(shares[i]![1]) } };
        }),
        groups: [
          { id: "disabled", rule: "resourceRoom", travelLimitMinutes: limit, level: levels[0]! },
          { id: "leftBehind", rule: "boardingCare", share },
        ],
      };
      return { input, system: createSchoolSystem(input), options: c.options };
    })
    .filter(({ system, options }) => enumerationSize(system, options) <= maxEnumeration)
    .filter(({ system, options }) => forcedSplitUnits(system, options).length === 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Shared by the planSchools tests

/** Options that make every settlement and level a catchment (never split). */
export const CATCHMENTS = Object.freeze({ splitAbovePupils: Infinity });

/** A plan with its layout (status not infeasible), as checkPlan takes it. */
export type LaidOutPlan = Plan & Required<Pick<Plan, "schools" | "assignments" | "costs" | "travel" | "counts">>;

/** Whether two objectives agree within a relative 1e-6. */
export function relativelyClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A township with its central kindergarten and primary (no beds yet, may add 50) and a village primary. */
export const TOWNSHIP_SPEC: TinySystemSpec = {
  settlements: [
    { id: "v1", township: "T1", pupils: { kindergarten: 20, primary1to3: 30, primary4to6: 30 } },
    { id: "v2", township: "T1", pupils: { kindergarten: 10, primary1to3: 10, primary4to6: 12 } },
  ],
  schools: [
    { id: "K1", type: "kindergarten", tier: "township", township: "T1", classes: { kindergarten: 1 } },
    { id: "P1", type: "complete primary", tier: "township", township: "T1", classes: { primary1to3: 1, primary4to6: 1 }, maxAddedBeds: 50 },
    { id: "P2", type: "complete primary", tier: "village", township: "T1", classes: { primary1to3: 1, primary4to6: 1 } },
  ],
  minutes: [[15, 18, 3], [20, 22, 6]],
};
