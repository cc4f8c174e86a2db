/**
 * Cost figures per school: the plan's figures with each school's own overrides applied.
 * @module
 */
import { InputError } from "../../errors.ts";
import { defaultPlanCosts, type PlanCosts, type SchoolCostOverrides } from "./costs.ts";
import type { SchoolSystem } from "../system/system.ts";

/** Cost figures of each school, yuan per year; arrays of length m (school index j). */
export interface SchoolCostTable {
  /** Running cost of an open school. */
  readonly schoolPerYear: Float64Array;
  /** Annualised building cost of a new school (candidates). */
  readonly newSchoolPerYear: Float64Array;
  /** Closure cost (existing schools). */
  readonly closurePerYear: Float64Array;
  /** Running cost of a class. */
  readonly classPerYear: Float64Array;
  /** Annualised cost of an added classroom. */
  readonly classroomPerYear: Float64Array;
  /** Annualised cost of an added bed. */
  readonly bedPerYear: Float64Array;
  /** Running cost of a boarder. */
  readonly boarderPerYear: Float64Array;
}

const SCHOOL_ITEMS = ["schoolPerYear", "newSchoolPerYear", "closurePerYear", "classPerYear", "classroomPerYear", "bedPerYear", "boarderPerYear"] as const;

/**
 * Fills in the plan's cost figures from the defaults and checks them.
 * @param given - figures replacing the defaults where given
 * @throws InputError naming `costs.<name>` for an unknown name or a value that is not a finite number ≥ 0
 *   (`schoolDaysPerYear` and `weeksPerYear` > 0)
 */
export function resolvePlanCosts(given: Partial<PlanCosts> = {}): PlanCosts {
  if (typeof given !== "object" || given === null) throw new InputError({ source: "options", field: "costs", value: given }, "must be an object of cost figures");
  const costs: Record<string, number> = { ...defaultPlanCosts() };
  for (const [key, value] of Object.entries(given)) {
    if (!(key in costs)) throw new InputError({ source: "options", field: `costs.${key}`, value }, `is not a cost figure; known: ${Object.keys(costs).join(", ")}`);
    const positive = key === "schoolDaysPerYear" || key === "weeksPerYear";
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
      throw new InputError({ source: "options", field: `costs.${key}`, value }, `must be a finite number ${positive ? "> 0" : "≥ 0"}`);
    }
    costs[key] = value;
  }
  return Object.freeze(costs) as unknown as PlanCosts;
}

/**
 * The cost figures of every school: its own overrides, else the plan's.
 * @param system - the school system
 * @param costs - the plan's figures
 */
export function schoolCostTable(system: SchoolSystem, costs: PlanCosts): SchoolCostTable {
  const m = system.schools.length;
  const table = {} as Record<(typeof SCHOOL_ITEMS)[number], Float64Array>;
  for (const item of SCHOOL_ITEMS) {
    const values = new Float64Array(m);
    for (let j = 0; j < m; j++) values[j] = (system.schools[j]!.costs as SchoolCostOverrides)[item] ?? costs[item];
    table[item] = values;
  }
  return table;
}
