/**
 * Shared pieces of {@link checkPlan}: the argument check (a malformed plan is misuse and throws), the tolerances
 * and the wording of violations.
 * @module
 */
import { CompensatedSum } from "../../compensatedSum.ts";
import { InputError } from "../../errors.ts";
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import type { PlanCosts } from "../rules/costs.ts";
import type { PlanScore, PlanViolation, PlanViolationRule, SchoolAction } from "../result/result.ts";
import type { PlanRules } from "../rules/rules.ts";
import type { SchoolSystem } from "../system/system.ts";

/** The plan {@link checkPlan} takes: a layout's figures with the rules and cost figures it was made under. */
export type CheckablePlan = PlanScore & { readonly rules: PlanRules; readonly costFigures: PlanCosts };

/** Relative tolerance of every comparison of pupils, counts, minutes and costs: 1e-6 × max(1, |values|). */
export const PLAN_CHECK_TOLERANCE = 1e-6;

/** Position of each level in {@link LEVELS}, for flat per-level arrays. */
export const LEVEL_INDEX: Readonly<Record<LevelId, number>> = Object.freeze(
  Object.fromEntries(LEVELS.map((level, l) => [level, l])) as Record<LevelId, number>,
);

/**
 * The tolerance for comparing values of the given sizes: {@link PLAN_CHECK_TOLERANCE} × max(1, |value|) over the
 * finite values.
 * @param values - the values compared
 */
export function toleranceFor(...values: number[]): number {
  let largest = 1;
  for (const value of values) if (Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
  return PLAN_CHECK_TOLERANCE * largest;
}

/**
 * Whether two numbers agree within {@link toleranceFor} (equal infinities agree; NaN agrees with nothing).
 * @param a - one value
 * @param b - the other
 */
export function agrees(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= toleranceFor(a, b);
}

/**
 * Whether `value` is beyond `limit` by more than the tolerance of the limit (NaN always is).
 * @param value - the value checked
 * @param limit - its upper limit
 */
export function exceeds(value: number, limit: number): boolean {
  return !(value <= limit + toleranceFor(limit));
}

/**
 * Whether `value` is a whole number within the tolerance.
 * @param value - a count
 */
export function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= toleranceFor(value);
}

/**
 * A number for a message: up to 10 significant digits, `Infinity` for unreachable.
 * @param value - any number
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** Where a violation is and its figures: every field optional (see {@link PlanViolation}). */
export type ViolationDetails = Partial<Pick<PlanViolation, "settlement" | "school" | "level" | "township" | "missing" | "pupils" | "value" | "limit">>;

const DETAIL_KEYS = ["settlement", "school", "level", "township", "missing", "pupils", "value", "limit"] as const;

/**
 * Makes a violation, leaving out the fields that are not given.
 * @param rule - the rule code (see {@link PlanViolationRule})
 * @param message - one sentence with the numbers
 * @param details - the settlement, school, level and township involved, and the figures, where any
 */
export function violation(rule: PlanViolationRule, message: string, details: ViolationDetails = {}): PlanViolation {
  const result: Record<string, unknown> = { rule, message };
  for (const key of DETAIL_KEYS) if (details[key] !== undefined) result[key] = details[key];
  return Object.freeze(result) as unknown as PlanViolation;
}

/**
 * Minutes for a message: to 0.1 minute (`95.04042211` → `95`, `30.06` → `30.1`), or finer where 0.1 would make
 * them look equal to the limit they break (`30.004` beside a limit of 30 → `30.004`); `Infinity` for unreachable.
 * @param minutes - one-way minutes
 * @param limit - the limit they are compared with, if any
 */
export function formatMinutes(minutes: number, limit?: number): string {
  if (!Number.isFinite(minutes)) return String(minutes);
  for (const decimals of [1, 2, 3]) {
    const shown = Number(minutes.toFixed(decimals));
    if (limit === undefined || shown !== limit) return String(shown);
  }
  return formatNumber(minutes);
}

/**
 * A compensated sum that also takes infinite values: finite values are summed with compensation, infinite ones
 * apart, so that an unreachable trip makes the total Infinity rather than NaN.
 */
export class PlanSum {
  private readonly finite = new CompensatedSum();
  private infinite = 0;

  /**
   * Adds a value.
   * @param value - any number
   * @returns this sum
   */
  add(value: number): this {
    if (Number.isFinite(value)) this.finite.add(value);
    else this.infinite += value;
    return this;
  }

  /** The total so far (0 when none). */
  get value(): number {
    return this.infinite === 0 ? this.finite.value : this.infinite;
  }
}

const ACTIONS: readonly SchoolAction[] = ["keep", "expand", "close", "build", "not built"];

function misuse(field: string, index: number | undefined, id: string | undefined, value: unknown, problem: string): never {
  throw new InputError(
    { source: "plan", ...(index === undefined ? {} : { index }), ...(id === undefined ? {} : { id }), field, value },
    problem,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function checkByLevel(field: string, j: number, id: string, name: string, raw: unknown, nonNegative: boolean): void {
  if (!isObject(raw)) misuse(field, j, id, raw, `${name} must be an object of numbers by level`);
  for (const level of LEVELS) {
    const value = raw[level];
    if (typeof value !== "number" || Number.isNaN(value) || (nonNegative && !(value >= 0 && value < Infinity))) {
      misuse(field, j, id, value, `${name}.${level} must be a ${nonNegative ? "finite number ≥ 0" : "number"}`);
    }
  }
}

function checkCount(field: string, j: number, id: string, name: string, value: unknown, nonNegative: boolean): void {
  if (typeof value !== "number" || Number.isNaN(value) || (nonNegative && !(value >= 0 && value < Infinity))) {
    misuse(field, j, id, value, `${name} must be a ${nonNegative ? "finite number ≥ 0" : "number"}`);
  }
}

function checkSchools(system: SchoolSystem, schools: unknown): void {
  if (!Array.isArray(schools)) misuse("schools", undefined, undefined, schools, "must be an array of planned schools (a plan without a layout cannot be checked)");
  if (schools.length !== system.schools.length) {
    misuse("schools", undefined, undefined, schools.length, `must list every school of the system in order: ${system.schools.length} schools`);
  }
  for (const [j, school] of schools.entries()) {
    const expected = system.schools[j]!.id;
    if (!isObject(school)) misuse("schools", j, expected, school, "must be a planned school object");
    if (school.index !== j || school.id !== expected) {
      misuse("schools", j, expected, `${String(school.index)} ${String(school.id)}`, `entry ${j} must be school ${j} of the system (id ${JSON.stringify(expected)}), in system order`);
    }
    if (typeof school.open !== "boolean") misuse("schools", j, expected, school.open, "open must be true or false");
    if (!ACTIONS.includes(school.action as SchoolAction)) misuse("schools", j, expected, school.action, `action must be one of ${ACTIONS.join(", ")}`);
    checkByLevel("schools", j, expected, "enrolment", school.enrolment, false);
    checkByLevel("schools", j, expected, "classes", school.classes, true);
    checkByLevel("schools", j, expected, "seats", school.seats, false);
    checkCount("schools", j, expected, "classroomsAdded", school.classroomsAdded, true);
    checkCount("schools", j, expected, "bedsAdded", school.bedsAdded, true);
    for (const name of ["classrooms", "beds", "boarders"] as const) checkCount("schools", j, expected, name, school[name], false);
  }
}

function checkAssignments(system: SchoolSystem, assignments: unknown): void {
  if (!Array.isArray(assignments)) misuse("assignments", undefined, undefined, assignments, "must be an array of assignment rows (a plan without a layout cannot be checked)");
  const n = system.settlements.length;
  const m = system.schools.length;
  for (const [k, row] of assignments.entries()) {
    if (!isObject(row)) misuse("assignments", k, undefined, row, "must be an assignment row object");
    const i = row.settlementIndex;
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= n) misuse("assignments", k, undefined, i, `settlementIndex must be a whole number in 0..${n - 1}`);
    const settlement = system.settlements[i]!.id;
    if (row.settlement !== settlement) misuse("assignments", k, settlement, row.settlement, `settlement must be the id of settlement ${i}, ${JSON.stringify(settlement)}`);
    const j = row.schoolIndex;
    if (typeof j !== "number" || !Number.isInteger(j) || j < 0 || j >= m) misuse("assignments", k, settlement, j, `schoolIndex must be a whole number in 0..${m - 1}`);
    const school = system.schools[j]!.id;
    if (row.school !== school) misuse("assignments", k, settlement, row.school, `school must be the id of school ${j}, ${JSON.stringify(school)}`);
    if (!(LEVELS as readonly unknown[]).includes(row.level)) misuse("assignments", k, settlement, row.level, `level must be one of ${LEVELS.join(", ")}`);
    const pupils = row.pupils;
    if (typeof pupils !== "number" || !(pupils >= 0 && pupils < Infinity)) misuse("assignments", k, settlement, pupils, "pupils must be a finite number ≥ 0");
    if (typeof row.travelMinutes !== "number") misuse("assignments", k, settlement, row.travelMinutes, "travelMinutes must be a number");
    if (row.travelMetres !== null && typeof row.travelMetres !== "number") misuse("assignments", k, settlement, row.travelMetres, "travelMetres must be a number or null");
    if (typeof row.boarding !== "boolean") misuse("assignments", k, settlement, row.boarding, "boarding must be true or false");
  }
}

/**
 * Checks that a plan is well formed for the system: the shapes, indices and ids, not the rules.
 * @param system - the school system the plan is for
 * @param plan - the plan
 * @throws InputError (source `plan`) naming the field (`schools`, `assignments`, `costs`, `rules` or
 *   `costFigures`), the entry index and id and the value: no schools or assignments array (a plan without a
 *   layout), a schools list not of the system's length or order, a row whose settlement or school index is out of
 *   range or whose id is not the system's at that index, an unknown level, a non-numeric or negative count
 */
export function checkPlanShape(system: SchoolSystem, plan: CheckablePlan): void {
  if (!isObject(plan)) misuse("plan", undefined, undefined, plan, "must be a plan object");
  checkSchools(system, plan.schools);
  checkAssignments(system, plan.assignments);
  if (!isObject(plan.costs)) misuse("costs", undefined, undefined, plan.costs, "must be the plan's cost breakdown");
  if (!isObject(plan.rules)) misuse("rules", undefined, undefined, plan.rules, "must be the rules the plan was made under");
  if (!isObject(plan.costFigures)) misuse("costFigures", undefined, undefined, plan.costFigures, "must be the cost figures the plan was made under");
}
