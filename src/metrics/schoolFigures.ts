/**
 * School figures of a layout: enrolment, seats, utilization per level and its spread, small schools, class and
 * school size against the norms, empty seats and beds.
 * @module
 */
import { CompensatedSum } from "../compensatedSum.ts";
import type { LevelId } from "../norms/levels.ts";
import type { PlannedAssignment, PlannedSchool, SchoolAction } from "../plan/result/result.ts";
import { classSizeAt, type PlanRules } from "../plan/rules/rules.ts";
import { LEVELS_SERVED, type SchoolTier, type SchoolType } from "../plan/system/schoolTypes.ts";
import type { SchoolSystem } from "../plan/system/system.ts";

/** Average class size from which a class is "large" (大班额, 56+) per 国发〔2016〕40号 (domain.md §2, V2). */
export const LARGE_CLASS_PUPILS = 56;

/** Average class size from which a class is "super-large" (超大班额, 66+) per 国发〔2016〕40号 (domain.md §2, V2). */
export const SUPER_LARGE_CLASS_PUPILS = 66;

/** One level taught at one school. */
export interface SchoolLevelFigures {
  /** The level. */
  readonly level: LevelId;
  /** Pupils of the level at the school (from the layout's rows). */
  readonly pupils: number;
  /** Classes of the level (the layout's `classes`). */
  readonly classes: number;
  /** Seats of the level (the layout's `seats`: classes × class size). */
  readonly seats: number;
  /** max(0, seats − pupils). */
  readonly emptySeats: number;
  /** pupils ÷ seats; null without seats. */
  readonly utilization: number | null;
  /** pupils ÷ classes, the average class; null without classes. */
  readonly pupilsPerClass: number | null;
  /** The class-size norm of the level at this school type (rules `classSize`, or `teachingPointClassSize`). */
  readonly classSizeNorm: number;
  /** The average class is above the norm. */
  readonly overClassSizeNorm: boolean;
}

/** One school of a layout. */
export interface SchoolFigure {
  /** School id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Type. */
  readonly type: SchoolType;
  /** Tier. */
  readonly tier: SchoolTier;
  /** Township id, or null. */
  readonly township: string | null;
  /** Open in the layout. */
  readonly open: boolean;
  /** The layout's action for the school. */
  readonly action: SchoolAction;
  /** Pupils of every level at the school (from the layout's rows). */
  readonly pupils: number;
  /** Seats over its levels. */
  readonly seats: number;
  /** Σ over its levels of max(0, seats − pupils). */
  readonly emptySeats: number;
  /** pupils ÷ seats; null without seats. */
  readonly utilization: number | null;
  /** Boarders (boarding rows' pupils). */
  readonly boarders: number;
  /** Beds (the layout's `beds`). */
  readonly beds: number;
  /** max(0, beds − boarders) for an open school, else 0. */
  readonly emptyBeds: number;
  /** Open with fewer pupils than rules `smallSchoolPupils` (小规模学校, < 100 by default). */
  readonly small: boolean;
  /** Most pupils allowed at a school of its type (rules `maxSchoolSize`). */
  readonly maxSchoolSize: number;
  /** More pupils than `maxSchoolSize`. */
  readonly oversize: boolean;
  /** Per level the school serves, in level order. */
  readonly levels: readonly SchoolLevelFigures[];
}

/** The schools of a layout at one level, over the open schools serving it. */
export interface LevelSchoolFigures {
  /** Open schools serving the level. */
  readonly schools: number;
  /** Pupils of the level at them. */
  readonly pupils: number;
  /** Seats of the level. */
  readonly seats: number;
  /** Σ max(0, seats − pupils) over the schools. */
  readonly emptySeats: number;
  /** Classes of the level. */
  readonly classes: number;
  /** Σ pupils ÷ Σ seats; null without seats. */
  readonly utilization: number | null;
  /** Unweighted mean of the schools' utilization (schools with seats); null when none. */
  readonly meanUtilization: number | null;
  /** Lowest school utilization; null when none. */
  readonly minUtilization: number | null;
  /** Highest school utilization; null when none. */
  readonly maxUtilization: number | null;
  /** Population standard deviation of the schools' utilization; null when none. */
  readonly utilizationStandardDeviation: number | null;
  /** Σ pupils ÷ Σ classes, the average class; null without classes. */
  readonly pupilsPerClass: number | null;
  /** Schools whose average class of the level is above the class-size norm. */
  readonly overClassSizeNormSchools: number;
  /** Schools whose average class of the level has at least {@link LARGE_CLASS_PUPILS} pupils. */
  readonly largeClassSchools: number;
  /** Schools whose average class of the level has at least {@link SUPER_LARGE_CLASS_PUPILS} pupils. */
  readonly superLargeClassSchools: number;
}

/** The school figures of a layout. */
export interface SchoolFigures {
  /** Open schools. */
  readonly openSchools: number;
  /** Pupils at open schools (every level). */
  readonly pupils: number;
  /** Seats at open schools. */
  readonly seats: number;
  /** Empty seats at open schools. */
  readonly emptySeats: number;
  /** Σ pupils ÷ Σ seats; null without seats. */
  readonly utilization: number | null;
  /** Boarders. */
  readonly boarders: number;
  /** Beds at open schools. */
  readonly beds: number;
  /** Empty beds at open schools. */
  readonly emptyBeds: number;
  /** Open small schools. */
  readonly smallSchools: number;
  /** Ids of the open small schools, in system order. */
  readonly smallSchoolIds: readonly string[];
  /** Ids of the schools beyond their size limit, in system order. */
  readonly oversizeSchoolIds: readonly string[];
  /** Per planned level. */
  readonly levels: Readonly<Partial<Record<LevelId, LevelSchoolFigures>>>;
  /** Every school of the system, in system order. */
  readonly schools: readonly SchoolFigure[];
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function spread(values: readonly number[]): { mean: number | null; min: number | null; max: number | null; deviation: number | null } {
  if (values.length === 0) return { mean: null, min: null, max: null, deviation: null };
  const sum = new CompensatedSum();
  for (const value of values) sum.add(value);
  const mean = sum.value / values.length;
  const squares = new CompensatedSum();
  for (const value of values) squares.add((value - mean) ** 2);
  return { mean, min: Math.min(...values), max: Math.max(...values), deviation: Math.sqrt(squares.value / values.length) };
}

/**
 * The school figures of a layout. Pupils and boarders per school and level come from the layout's assignment rows
 * (checkPlan flags a school whose reported enrolment differs); classes, seats and beds from its schools. A school
 * is small when open with fewer than rules `smallSchoolPupils` pupils (国办发〔2018〕27号), oversize beyond rules
 * `maxSchoolSize` of its type (教督〔2017〕6号 and the norms), a class over the norm when the average class of a
 * level is above rules `classSize` (GB 50099-2011 §3.0.1; teaching points `teachingPointClassSize`), large from 56
 * and super-large from 66 pupils (国发〔2016〕40号). Utilization spread is over the open schools serving a level
 * that have seats of it.
 * @param system - the school system
 * @param schools - the layout's schools, one per system school in order (not mutated)
 * @param assignments - the layout's rows (not mutated; indices assumed valid, see {@link checkLayout})
 * @param rules - the rules in force
 * @returns plain data
 * @example
 * ```ts
 * const figures = schoolFigures(system, plan.schools, plan.assignments, plan.rules);
 * figures.levels.primary4to6?.utilizationStandardDeviation;
 * figures.smallSchoolIds; // ["P7", "T2"]
 * ```
 */
export function schoolFigures(system: SchoolSystem, schools: readonly PlannedSchool[], assignments: readonly PlannedAssignment[], rules: PlanRules): SchoolFigures {
  const m = system.schools.length;
  const pupilsAt = Array.from({ length: m }, () => new Map<LevelId, CompensatedSum>());
  const boardersAt = Array.from({ length: m }, () => new CompensatedSum());
  for (const row of assignments) {
    const sums = pupilsAt[row.schoolIndex]!;
    if (!sums.has(row.level)) sums.set(row.level, new CompensatedSum());
    sums.get(row.level)!.add(row.pupils);
    if (row.boarding) boardersAt[row.schoolIndex]!.add(row.pupils);
  }
  const rows: SchoolFigure[] = schools.map((school, j) => {
    const levels = LEVELS_SERVED[school.type].filter((level) => system.levels.includes(level) || school.classes[level] > 0 || pupilsAt[j]!.has(level));
    const perLevel = levels.map((level): SchoolLevelFigures => {
      const pupils = pupilsAt[j]!.get(level)?.value ?? 0;
      const classes = school.classes[level];
      const seats = school.seats[level];
      const pupilsPerClass = ratio(pupils, classes);
      const norm = classSizeAt(rules, school.type, level);
      return Object.freeze({
        level,
        pupils,
        classes,
        seats,
        emptySeats: Math.max(0, seats - pupils),
        utilization: ratio(pupils, seats),
        pupilsPerClass,
        classSizeNorm: norm,
        overClassSizeNorm: pupilsPerClass !== null && pupilsPerClass > norm * (1 + 1e-9),
      });
    });
    const pupils = [...pupilsAt[j]!.values()].reduce((sum, value) => sum.add(value.value), new CompensatedSum()).value;
    const seats = perLevel.reduce((sum, level) => sum.add(level.seats), new CompensatedSum()).value;
    const emptySeats = perLevel.reduce((sum, level) => sum.add(level.emptySeats), new CompensatedSum()).value;
    const boarders = boardersAt[j]!.value;
    const maxSchoolSize = rules.maxSchoolSize[school.type];
    return Object.freeze({
      id: school.id,
      name: school.name,
      type: school.type,
      tier: school.tier,
      township: school.township,
      open: school.open,
      action: school.action,
      pupils,
      seats,
      emptySeats,
      utilization: ratio(pupils, seats),
      boarders,
      beds: school.beds,
      emptyBeds: school.open ? Math.max(0, school.beds - boarders) : 0,
      small: school.open && pupils < rules.smallSchoolPupils,
      maxSchoolSize,
      oversize: pupils > maxSchoolSize * (1 + 1e-9),
      levels: Object.freeze(perLevel),
    });
  });
  const open = rows.filter((row) => row.open);
  const levels: Partial<Record<LevelId, LevelSchoolFigures>> = {};
  for (const level of system.levels) {
    const at = open.flatMap((row) => row.levels.filter((entry) => entry.level === level));
    const sum = (pick: (entry: SchoolLevelFigures) => number): number => at.reduce((total, entry) => total.add(pick(entry)), new CompensatedSum()).value;
    const utilizations = at.flatMap((entry) => (entry.utilization === null ? [] : [entry.utilization]));
    const { mean, min, max, deviation } = spread(utilizations);
    const pupils = sum((entry) => entry.pupils);
    const classes = sum((entry) => entry.classes);
    const seats = sum((entry) => entry.seats);
    levels[level] = Object.freeze({
      schools: at.length,
      pupils,
      seats,
      emptySeats: sum((entry) => entry.emptySeats),
      classes,
      utilization: ratio(pupils, seats),
      meanUtilization: mean,
      minUtilization: min,
      maxUtilization: max,
      utilizationStandardDeviation: deviation,
      pupilsPerClass: ratio(pupils, classes),
      overClassSizeNormSchools: at.filter((entry) => entry.overClassSizeNorm).length,
      largeClassSchools: at.filter((entry) => entry.pupilsPerClass !== null && entry.pupilsPerClass >= LARGE_CLASS_PUPILS).length,
      superLargeClassSchools: at.filter((entry) => entry.pupilsPerClass !== null && entry.pupilsPerClass >= SUPER_LARGE_CLASS_PUPILS).length,
    });
  }
  const total = (pick: (row: SchoolFigure) => number): number => open.reduce((sum, row) => sum.add(pick(row)), new CompensatedSum()).value;
  const pupils = total((row) => row.pupils);
  const seats = total((row) => row.seats);
  const small = open.filter((row) => row.small).map((row) => row.id);
  return Object.freeze({
    openSchools: open.length,
    pupils,
    seats,
    emptySeats: total((row) => row.emptySeats),
    utilization: ratio(pupils, seats),
    boarders: rows.reduce((sum, row) => sum.add(row.boarders), new CompensatedSum()).value,
    beds: total((row) => row.beds),
    emptyBeds: total((row) => row.emptyBeds),
    smallSchools: small.length,
    smallSchoolIds: Object.freeze(small),
    oversizeSchoolIds: Object.freeze(rows.filter((row) => row.oversize).map((row) => row.id)),
    levels: Object.freeze(levels),
    schools: Object.freeze(rows),
  });
}
