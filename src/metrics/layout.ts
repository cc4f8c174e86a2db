/**
 * The layout the metrics take: which schools are open with what, and where each settlement's pupils go. A plan
 * with figures, a plan's status quo, or a layout a user writes by hand all qualify.
 * @module
 */
import { InputError } from "../errors.ts";
import { LEVELS } from "../norms/levels.ts";
import type { Plan, PlanCostBreakdown, PlannedAssignment, PlannedSchool } from "../plan/result/result.ts";
import type { SchoolSystem } from "../plan/system/system.ts";

/**
 * A layout of schools and pupils: a {@link Plan} with figures (see {@link planLayout}), its `statusQuo`, or a
 * user's own. Units are pupils, minutes and yuan per year.
 */
export interface Layout {
  /** Every school of the system, in system order (see {@link PlannedSchool}): open or not, classes, seats, beds. */
  readonly schools: readonly PlannedSchool[];
  /** Where the pupils of each settlement and level go (see {@link PlannedAssignment}); the metrics' source of pupils and trips. */
  readonly assignments: readonly PlannedAssignment[];
  /** The annual cost breakdown the layout reports, where it has one (a plan or status quo does); absent for a user's own layout. */
  readonly costs?: PlanCostBreakdown;
}

/**
 * The layout of a plan.
 * @param plan - a plan from {@link planSchools}
 * @returns its schools, assignments and costs (the same arrays, not copied)
 * @throws InputError (source `plan`, field `schools`) when the plan has no layout (status `infeasible`,
 *   `unbounded`, or no plan found)
 */
export function planLayout(plan: Plan): Layout {
  if (plan.schools === undefined || plan.assignments === undefined) {
    throw new InputError({ source: "plan", field: "schools", value: plan.status }, "the plan has no layout to evaluate (no plan was found)");
  }
  return plan.costs === undefined ? { schools: plan.schools, assignments: plan.assignments } : { schools: plan.schools, assignments: plan.assignments, costs: plan.costs };
}

/**
 * Checks the parts of a layout the metrics read: the arrays, every row's settlement and school index, level and
 * pupils, every school's index.
 * @param system - the system the layout is for
 * @param layout - the layout
 * @throws InputError (source `layout`, field `schools` or `assignments`, with the index) for a missing array, a
 *   schools list not one per system school in order, an index out of range, an unknown level, pupils not finite
 *   and ≥ 0, minutes not a number
 */
export function checkLayout(system: SchoolSystem, layout: Layout): void {
  if (typeof layout !== "object" || layout === null) throw new InputError({ source: "layout", field: "layout", value: layout }, "must be an object with schools and assignments");
  if (!Array.isArray(layout.schools)) throw new InputError({ source: "layout", field: "schools", value: layout.schools }, "must be an array of planned schools");
  if (!Array.isArray(layout.assignments)) throw new InputError({ source: "layout", field: "assignments", value: layout.assignments }, "must be an array of assignment rows");
  const m = system.schools.length;
  const n = system.settlements.length;
  if (layout.schools.length !== m) throw new InputError({ source: "layout", field: "schools", value: layout.schools.length }, `must list every school of the system in order: ${m} schools`);
  layout.schools.forEach((school, j) => {
    if (typeof school !== "object" || school === null || school.index !== j || school.id !== system.schools[j]!.id) {
      throw new InputError({ source: "layout", index: j, field: "schools", value: school?.id }, `entry ${j} must be school ${j} of the system (id ${JSON.stringify(system.schools[j]!.id)})`);
    }
  });
  layout.assignments.forEach((row, k) => {
    const bad = (field: string, value: unknown, problem: string): never => {
      throw new InputError({ source: "layout", index: k, field: `assignments.${field}`, value }, problem);
    };
    if (typeof row !== "object" || row === null) bad("row", row, "must be an assignment row object");
    if (!Number.isInteger(row.settlementIndex) || row.settlementIndex < 0 || row.settlementIndex >= n) bad("settlementIndex", row.settlementIndex, `must be a whole number in 0..${n - 1}`);
    if (!Number.isInteger(row.schoolIndex) || row.schoolIndex < 0 || row.schoolIndex >= m) bad("schoolIndex", row.schoolIndex, `must be a whole number in 0..${m - 1}`);
    if (!(LEVELS as readonly unknown[]).includes(row.level)) bad("level", row.level, `must be one of ${LEVELS.join(", ")}`);
    if (typeof row.pupils !== "number" || !(row.pupils >= 0 && row.pupils < Infinity)) bad("pupils", row.pupils, "must be a finite number ≥ 0");
    if (typeof row.travelMinutes !== "number" || Number.isNaN(row.travelMinutes)) bad("travelMinutes", row.travelMinutes, "must be a number (Infinity for unreachable)");
    if (typeof row.boarding !== "boolean") bad("boarding", row.boarding, "must be true or false");
  });
}
