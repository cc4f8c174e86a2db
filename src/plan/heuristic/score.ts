/**
 * Scores plan decisions: enrolment, the fewest classes, added classrooms and beds, actions, assignments,
 * costs and travel, all recomputed from the system (never from a solver's floats).
 * @module
 */
import { CompensatedSum } from "../../compensatedSum.ts";
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import type { AssignmentChoices } from "./choices.ts";
import type { PlanCosts } from "../rules/costs.ts";
import type { PlanDecisions } from "./decisions.ts";
import type { PlannedAssignment, PlanCostBreakdown, PlannedSchool, PlanScore, SchoolAction } from "../result/result.ts";
import { classSizeAt, type PlanRules } from "../rules/rules.ts";
import type { SchoolCostTable } from "../rules/schoolCosts.ts";
import type { PupilsByLevel, SchoolSystem } from "../system/system.ts";

/** Tolerance below which a pupil count is treated as none (shares of a solver's solution). */
export const PUPIL_TOLERANCE = 1e-6;

const zeros = (): Record<LevelId, number> => ({ kindergarten: 0, primary1to3: 0, primary4to6: 0, junior: 0, senior: 0 });

/** Everything a score needs besides the decisions. */
export interface ScoringContext {
  /** The school system. */
  readonly system: SchoolSystem;
  /** The rules in force. */
  readonly rules: PlanRules;
  /** The plan's cost figures. */
  readonly costs: PlanCosts;
  /** Per-school cost figures. */
  readonly table: SchoolCostTable;
  /** Units (settlement × level) and their choices. */
  readonly choices: AssignmentChoices;
}

/** The fewest classes that seat `pupils` (whole classes under whole-class rules). */
export function classesFor(pupils: number, classSize: number, whole: boolean): number {
  if (pupils <= PUPIL_TOLERANCE) return 0;
  // A millionth of a class of slack: a solver's shares may add a few millionths of a pupil.
  return whole ? Math.ceil(pupils / classSize - 1e-6) : pupils / classSize;
}

/**
 * Beds a school adds in a plan: its boarders beyond its existing beds (rounded up to whole beds under whole-class
 * rules), and at least `minimumAdded` (a three-schools boarding school's minimum).
 * @param boarders - boarders at the school (a solver's shares may leave fractions)
 * @param beds - the school's existing beds
 * @param minimumAdded - beds it adds whatever its boarders
 * @param whole - whole-class rules (whole beds)
 */
export function addedBeds(boarders: number, beds: number, minimumAdded: number, whole: boolean): number {
  return Math.max(0, bedsNeeded(boarders, whole) - beds, minimumAdded);
}

/**
 * The beds `boarders` need: whole beds under whole-class rules.
 * @param boarders - pupils who board
 * @param whole - whether the rules count whole classes (and so whole beds)
 */
export function bedsNeeded(boarders: number, whole: boolean): number {
  return whole ? Math.ceil(boarders - PUPIL_TOLERANCE) : boarders;
}

function assignmentRows(context: ScoringContext, decisions: PlanDecisions): PlannedAssignment[] {
  const { system, choices } = context;
  const rows = new Map<string, { row: PlannedAssignment; pupils: number }>();
  const add = (unit: number, j: number, boarding: boolean, pupils: number, minutes: number, metres: number): void => {
    if (pupils <= PUPIL_TOLERANCE) return;
    const key = `${unit}:${j}:${boarding ? 1 : 0}`;
    const existing = rows.get(key);
    if (existing !== undefined) {
      existing.pupils += pupils;
      return;
    }
    const i = choices.unitSettlement[unit]!;
    const row: PlannedAssignment = {
      settlementIndex: i,
      settlement: system.settlements[i]!.id,
      level: choices.unitLevel[unit]!,
      schoolIndex: j,
      school: system.schools[j]!.id,
      pupils: 0,
      travelMinutes: minutes,
      travelMetres: Number.isFinite(metres) ? metres : null,
      boarding,
    };
    rows.set(key, { row, pupils });
  };
  for (const placement of decisions.placements) {
    const u = placement.unit;
    const pupils = choices.unitPupils[u]! * placement.share;
    const care = choices.unitCare[u]! * placement.share;
    if (placement.boarding) add(u, placement.school, true, pupils, placement.minutes, placement.metres);
    else {
      add(u, placement.school, false, pupils - care, placement.minutes, placement.metres);
      add(u, placement.school, true, care, placement.minutes, placement.metres);
    }
  }
  const levelOrder = (level: LevelId): number => LEVELS.indexOf(level);
  return [...rows.values()]
    .map(({ row, pupils }) => ({ ...row, pupils }))
    .sort(
      (a, b) =>
        a.settlementIndex - b.settlementIndex ||
        levelOrder(a.level) - levelOrder(b.level) ||
        a.schoolIndex - b.schoolIndex ||
        Number(a.boarding) - Number(b.boarding),
    );
}

function actionOf(existing: boolean, open: boolean, expanded: boolean): SchoolAction {
  if (!existing) return open ? "build" : "not built";
  if (!open) return "close";
  return expanded ? "expand" : "keep";
}

/**
 * Scores decisions: every figure of a {@link PlanScore}. Classes are the fewest that seat each level's
 * enrolment; classrooms are added where the classes exceed the existing classrooms; beds where the boarders
 * (rounded up to whole beds under whole-class rules) exceed the existing beds, or up to `minimumAddedBeds`.
 * @param context - system, rules, costs and units
 * @param decisions - open schools and placements
 */
export function scoreDecisions(context: ScoringContext, decisions: PlanDecisions): PlanScore {
  const { system, rules, costs, table } = context;
  const assignments = assignmentRows(context, decisions);
  const m = system.schools.length;
  const enrolment = Array.from({ length: m }, zeros);
  const boarders = new Float64Array(m);
  const transport = new CompensatedSum();
  const pupilMinutes = new CompensatedSum();
  let pupils = 0;
  let boarderTotal = 0;
  const levelMinutes = new Map<LevelId, { minutes: number; pupils: number; maxDay: number }>();
  for (const row of assignments) {
    enrolment[row.schoolIndex]![row.level] += row.pupils;
    if (row.boarding) boarders[row.schoolIndex]! += row.pupils;
    const trips = row.boarding ? 2 * costs.weeksPerYear : 2 * costs.schoolDaysPerYear;
    const km = row.travelMetres === null ? 0 : row.travelMetres / 1000;
    transport.add(row.pupils * trips * (row.travelMinutes * costs.yuanPerPupilMinute + km * costs.yuanPerPupilKilometre));
    pupilMinutes.add(row.pupils * row.travelMinutes);
    pupils += row.pupils;
    if (row.boarding) boarderTotal += row.pupils;
    const level = levelMinutes.get(row.level) ?? { minutes: 0, pupils: 0, maxDay: 0 };
    level.minutes += row.pupils * row.travelMinutes;
    level.pupils += row.pupils;
    if (!row.boarding) level.maxDay = Math.max(level.maxDay, row.travelMinutes);
    levelMinutes.set(row.level, level);
  }
  const items = { schools: 0, newSchools: 0, closures: 0, classes: 0, classrooms: 0, beds: 0, boarders: 0 };
  const counts = { open: 0, kept: 0, expanded: 0, closed: 0, built: 0, small: 0 };
  const schools: PlannedSchool[] = system.schools.map((school, j) => {
    const open = decisions.open[j] === 1;
    const classes = zeros();
    const seats = zeros();
    let classTotal = 0;
    let seatTotal = 0;
    let enrolled = 0;
    for (const level of system.levels) {
      const size = classSizeAt(rules, school.type, level);
      classes[level] = open ? classesFor(enrolment[j]![level], size, rules.wholeClasses) : 0;
      seats[level] = classes[level] * size;
      classTotal += classes[level];
      seatTotal += seats[level];
      enrolled += enrolment[j]![level];
    }
    const expands = open && decisions.asBuilt !== true;
    const classroomsAdded = expands ? Math.max(0, classTotal - school.classrooms) : 0;
    const bedsAdded = expands ? addedBeds(boarders[j]!, school.beds, decisions.minimumAddedBeds[j]!, rules.wholeClasses) : 0;
    const action = actionOf(school.existing, open, classroomsAdded > 0 || bedsAdded > 0);
    if (open) {
      items.schools += table.schoolPerYear[j]!;
      if (!school.existing) items.newSchools += table.newSchoolPerYear[j]!;
      items.classes += classTotal * table.classPerYear[j]!;
      items.classrooms += classroomsAdded * table.classroomPerYear[j]!;
      items.beds += bedsAdded * table.bedPerYear[j]!;
      items.boarders += boarders[j]! * table.boarderPerYear[j]!;
      counts.open++;
      if (school.existing) counts.kept++;
      else counts.built++;
      if (action === "expand") counts.expanded++;
      if (enrolled < rules.smallSchoolPupils) counts.small++;
    } else if (school.existing) {
      items.closures += table.closurePerYear[j]!;
      counts.closed++;
    }
    return Object.freeze({
      index: j,
      id: school.id,
      name: school.name,
      type: school.type,
      tier: school.tier,
      township: school.township,
      existing: school.existing,
      action,
      open,
      enrolment: Object.freeze(enrolment[j]!) as PupilsByLevel,
      classes: Object.freeze(classes) as PupilsByLevel,
      seats: Object.freeze(seats) as PupilsByLevel,
      classrooms: open ? school.classrooms + classroomsAdded : school.classrooms,
      classroomsAdded,
      boarders: boarders[j]!,
      beds: open ? school.beds + bedsAdded : school.beds,
      bedsAdded,
      utilization: open && seatTotal > 0 ? enrolled / seatTotal : 0,
      small: open && enrolled < rules.smallSchoolPupils,
    });
  });
  const transportTotal = transport.value;
  const total = items.schools + items.newSchools + items.closures + items.classes + items.classrooms + items.beds + items.boarders + transportTotal;
  const costsBreakdown: PlanCostBreakdown = Object.freeze({ ...items, transport: transportTotal, total });
  const meanMinutesByLevel: Partial<Record<LevelId, number>> = {};
  const maxDayMinutesByLevel: Partial<Record<LevelId, number>> = {};
  for (const [level, figures] of levelMinutes) {
    meanMinutesByLevel[level] = figures.pupils > 0 ? figures.minutes / figures.pupils : 0;
    maxDayMinutesByLevel[level] = figures.maxDay;
  }
  return Object.freeze({
    schools: Object.freeze(schools),
    assignments: Object.freeze(assignments.map((row) => Object.freeze(row))),
    costs: costsBreakdown,
    travel: Object.freeze({
      meanMinutes: pupils > 0 ? pupilMinutes.value / pupils : 0,
      meanMinutesByLevel: Object.freeze(meanMinutesByLevel),
      maxDayMinutesByLevel: Object.freeze(maxDayMinutesByLevel),
      dayPupils: pupils - boarderTotal,
      boarders: boarderTotal,
    }),
    counts: Object.freeze(counts),
  });
}
