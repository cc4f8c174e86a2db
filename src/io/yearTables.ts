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
 * utilization, classrooms, empty classrooms, classroom use, mean minutes, the annual cost (yuan), small and newly
 * small schools, violations, and today's layout's classroom use and violations under that year's pupils.
 * @param plan - from {@link planSchoolsOverYears}
 */
export function yearsTable(plan: MultiYearPlan): PlanTable {
  const keys = ["pupils", "seats", "emptySeats", "utilization", "classrooms", "emptyClassrooms", "classroomUse", "meanTravelMinutes", "costYuanPerYear"] as const;
  return {
    name: "years",
    columns: [
      { key: "year", header: "year" }, { key: "scenario", header: "scenario" }, { key: "open", header: "open schools" },
      ...keys.map((key) => ({ key, header: key })),
      { key: "small", header: "small schools" }, { key: "newlySmall", header: "newly small" }, { key: "violations", header: "violations" },
      { key: "statusQuoClassroomUse", header: "status quo classroomUse" }, { key: "statusQuoViolations", header: "status quo violations" },
    ],
    rows: plan.plans.map((y) => ({
      year: y.year,
      scenario: y.scenario,
      open: y.plan.schools.filter((s) => s.open).length,
      ...Object.fromEntries(keys.map((key) => [key, Math.round(y.figures[key] * 1000) / 1000])),
      small: y.figures.smallSchools.length,
      newlySmall: y.figures.newlySmall.length,
      violations: y.violations.length,
      statusQuoClassroomUse: Math.round(y.statusQuo.figures.classroomUse * 1000) / 1000,
      statusQuoViolations: y.statusQuo.violations.length,
    })),
  };
}

