/**
 * A multi-year plan as tables: each school's change per plan year (`schedule`) and the figures of each year and
 * scenario (`years`). Pure: runs unchanged in Node, Deno and browsers.
 * @module
 */
import type { MultiYearPlan } from "../plan/years/yearResult.ts";
import type { PlanTable } from "./planTables.ts";

/**
 * The `schedule` table: one row per school (`school`, `name`, `existing`) with its change in each plan year
 * (keep, expand, close, closed, build, not built).
 * @param plan - from {@link planSchoolsOverYears}
 */
export function scheduleTable(plan: MultiYearPlan): PlanTable {
  const years = plan.years.map((y) => y.year);
  return {
    name: "schedule",
    columns: [{ key: "id", header: "school" }, { key: "name", header: "name" }, { key: "existing", header: "existing" }, ...years.map((year) => ({ key: String(year), header: String(year) }))],
    rows: plan.schedule.map((s) => ({ id: s.id, name: s.name, existing: s.existing, ...Object.fromEntries(s.years.map((y) => [String(y.year), y.change])) })),
  };
}

/**
 * The `years` table: one row per plan year and scenario with the open schools, pupils, seats, empty seats,
 * utilization, classrooms, empty classrooms, classroom use, mean minutes, the annual cost (yuan), small schools,
 * those newly small (fallen below the line) and opened small, violations, and today's layout's classroom use and
 * violations under that year's pupils. Headers are the keys (camelCase, as in plan.json).
 * @param plan - from {@link planSchoolsOverYears}
 */
export function yearsTable(plan: MultiYearPlan): PlanTable {
  const keys = ["pupils", "seats", "emptySeats", "utilization", "classrooms", "emptyClassrooms", "classroomUse", "meanTravelMinutes", "costYuanPerYear"] as const;
  return {
    name: "years",
    columns: [
      ...["year", "scenario", "openSchools", ...keys, "smallSchools", "newlySmall", "openedSmall", "violations", "statusQuoClassroomUse", "statusQuoViolations"].map((key) => ({ key, header: key })),
    ],
    rows: plan.plans.map((y) => ({
      year: y.year,
      scenario: y.scenario,
      openSchools: y.plan.schools.filter((s) => s.open).length,
      ...Object.fromEntries(keys.map((key) => [key, Math.round(y.figures[key] * 1000) / 1000])),
      smallSchools: y.figures.smallSchools.length,
      newlySmall: y.figures.newlySmall.length,
      openedSmall: y.figures.openedSmall.length,
      violations: y.violations.length,
      statusQuoClassroomUse: Math.round(y.statusQuo.figures.classroomUse * 1000) / 1000,
      statusQuoViolations: y.statusQuo.violations.length,
    })),
  };
}

