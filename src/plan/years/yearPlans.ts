/**
 * From the multi-year MIP's values to the plan of each year and scenario: decisions decoded per copy, the
 * classrooms and beds the plan has added by each year (kept while a school is open), each year's costs with
 * them, changes against the year before, and the figures of each year.
 * @module
 */
import type { PlanCostBreakdown, PlannedSchool, PlanScore } from "../result/result.ts";
import type { ScoringContext } from "../heuristic/score.ts";
import { scoreDecisions } from "../heuristic/score.ts";
import { decodePlanValues } from "../solve/modelValues.ts";
import type { PlanDecisions } from "../heuristic/decisions.ts";
import type { MultiYearModel } from "./yearModel.ts";
import type { YearChange, YearFigures } from "./yearResult.ts";

/** The plan of each copy, by year then scenario, with each school's change per year. */
export interface DecodedYears {
  /** By year then scenario. */
  readonly plans: readonly (readonly PlanScore[])[];
  /** By year, per school (shared by the scenarios). */
  readonly changes: readonly (readonly YearChange[])[];
}

function withAdditions(school: PlannedSchool, context: ScoringContext, classrooms: number, beds: number): PlannedSchool {
  const base = context.system.schools[school.index]!;
  const action = !school.open ? (base.existing ? "close" : "not built") : !base.existing ? "build" : classrooms > 0 || beds > 0 ? "expand" : "keep";
  return { ...school, action, classroomsAdded: classrooms, classrooms: base.classrooms + classrooms, bedsAdded: beds, beds: base.beds + beds };
}

/**
 * The year plans of a solved multi-year model: each copy's decisions decoded (see {@link yearPlansFromDecisions}).
 * @param model - the multi-year model
 * @param values - the solver's column values
 */
export function decodeYearPlans(model: MultiYearModel, values: Float64Array): DecodedYears {
  const decisions = model.copies.map((row) => row.map((copy) => {
    const slice = values.subarray(copy.columnOffset, copy.columnOffset + copy.model.linear.columnCount);
    return decodePlanValues(copy.model, copy.context, slice);
  }));
  return yearPlansFromDecisions(model.copies.map((row) => row.map((copy) => copy.context)), decisions);
}

/**
 * The year plans of decisions per year and scenario: each scored as a single-year plan, then every open school
 * given the classrooms and beds the plan has added by that year — the most any scenario of the year or any
 * earlier year needed while the school stayed open — with the year's costs raised by what those extra additions
 * cost. The scenarios of a year must open the same schools.
 * @param contexts - by year then scenario
 * @param decisions - by year then scenario
 */
export function yearPlansFromDecisions(contexts: readonly (readonly ScoringContext[])[], decisions: readonly (readonly PlanDecisions[])[]): DecodedYears {
  const scored = contexts.map((row, t) => row.map((context, s) => scoreDecisions(context, decisions[t]![s]!)));
  const m = scored[0]![0]!.schools.length;
  let classrooms = new Float64Array(m);
  let beds = new Float64Array(m);
  let wasOpen = Uint8Array.from(contexts[0]![0]!.system.schools, (s) => (s.existing ? 1 : 0));
  const plans: PlanScore[][] = [];
  const changes: YearChange[][] = [];
  scored.forEach((row, t) => {
    const open = Uint8Array.from(row[0]!.schools, (s) => (s.open ? 1 : 0));
    const nextClassrooms = new Float64Array(m);
    const nextBeds = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      if (open[j] === 0) continue;
      nextClassrooms[j] = Math.max(classrooms[j]!, ...row.map((score) => score.schools[j]!.classroomsAdded));
      nextBeds[j] = Math.max(beds[j]!, ...row.map((score) => score.schools[j]!.bedsAdded));
    }
    const context = contexts[t]![0]!;
    changes.push(Array.from({ length: m }, (_, j): YearChange => {
      const existing = context.system.schools[j]!.existing;
      if (open[j] === 0) return existing ? (wasOpen[j] === 1 ? "close" : "closed") : "not built";
      if (wasOpen[j] === 0) return "build";
      return nextClassrooms[j]! > classrooms[j]! || nextBeds[j]! > beds[j]! ? "expand" : "keep";
    }));
    plans.push(row.map((score, s) => {
      const copyContext = contexts[t]![s]!;
      const { table } = copyContext;
      let extraClassrooms = 0;
      let extraBeds = 0;
      const schools = score.schools.map((school, j) => {
        extraClassrooms += (nextClassrooms[j]! - school.classroomsAdded) * table.classroomPerYear[j]!;
        extraBeds += (nextBeds[j]! - school.bedsAdded) * table.bedPerYear[j]!;
        return withAdditions(school, copyContext, nextClassrooms[j]!, nextBeds[j]!);
      });
      const costs: PlanCostBreakdown = {
        ...score.costs,
        classrooms: score.costs.classrooms + extraClassrooms,
        beds: score.costs.beds + extraBeds,
        total: score.costs.total + extraClassrooms + extraBeds,
      };
      const counts = { ...score.counts, expanded: schools.filter((school) => school.action === "expand").length };
      return { ...score, schools, costs, counts };
    }));
    classrooms = nextClassrooms;
    beds = nextBeds;
    wasOpen = open;
  });
  return { plans, changes };
}

/** The open and the small schools of the plan year before (ids). */
export interface YearBefore {
  /** Open the year before. */
  readonly open: ReadonlySet<string>;
  /** Small the year before. */
  readonly small: ReadonlySet<string>;
}

/** The open and small schools of a layout, as the year before of the next. */
export function yearBefore(plan: PlanScore, smallSchoolPupils: number): YearBefore {
  const figures = yearFigures(plan, smallSchoolPupils, { open: new Set(), small: new Set() });
  return { open: new Set(plan.schools.filter((s) => s.open).map((s) => s.id)), small: new Set(figures.smallSchools) };
}

/**
 * The figures of a year's layout (a plan or the status quo).
 * @param plan - the layout
 * @param smallSchoolPupils - the small-school line
 * @param before - ids of the schools open the plan year before, and of those that were small (for the first plan
 *   year: today)
 */
export function yearFigures(plan: PlanScore, smallSchoolPupils: number, before: YearBefore): YearFigures {
  let pupils = 0;
  for (const row of plan.assignments) pupils += row.pupils;
  let seats = 0;
  let enrolled = 0;
  let classrooms = 0;
  let classes = 0;
  let emptyClassrooms = 0;
  const small: string[] = [];
  const overcrowded: string[] = [];
  for (const school of plan.schools) {
    if (!school.open) continue;
    let total = 0;
    let taught = 0;
    for (const [level, n] of Object.entries(school.enrolment)) {
      seats += school.seats[level as keyof typeof school.seats];
      taught += school.classes[level as keyof typeof school.classes];
      total += n;
    }
    enrolled += total;
    classes += taught;
    classrooms += school.classrooms;
    emptyClassrooms += Math.max(0, school.classrooms - taught);
    if (taught > school.classrooms + 1e-9 || school.boarders > school.beds + 1e-6) overcrowded.push(school.id);
    if (total < smallSchoolPupils) small.push(school.id);
  }
  return {
    pupils,
    seats,
    emptySeats: Math.max(0, seats - enrolled),
    utilization: seats > 0 ? enrolled / seats : 0,
    classrooms,
    emptyClassrooms,
    classroomUse: classrooms > 0 ? classes / classrooms : 0,
    overcrowdedSchools: overcrowded,
    smallSchools: small,
    newlySmall: small.filter((id) => before.open.has(id) && !before.small.has(id)),
    openedSmall: small.filter((id) => !before.open.has(id)),
    meanTravelMinutes: plan.travel.meanMinutes,
    costYuanPerYear: plan.costs.total,
  };
}
