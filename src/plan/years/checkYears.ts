/**
 * The solver-independent check of a multi-year plan: the rules across years read from the year plans' own
 * choices, and {@link checkPlan} on each year and scenario.
 * @module
 */
import { checkPlan } from "../check/checkPlan.ts";
import type { LevelId } from "../../norms/levels.ts";
import type { PlanCosts } from "../rules/costs.ts";
import type { PlanRules } from "../rules/rules.ts";
import type { PlanScore } from "../result/result.ts";
import type { SchoolSystem } from "../system/system.ts";
import type { YearViolation } from "./yearResult.ts";

/** One year and scenario to check: its system and its plan. */
export interface YearToCheck {
  /** The plan year. */
  readonly year: number;
  /** The scenario id. */
  readonly scenario: string;
  /** The system of that year and scenario (its pupils). */
  readonly system: SchoolSystem;
  /** The year's plan, with classrooms and beds added since now. */
  readonly plan: PlanScore;
}

/**
 * Checks a multi-year plan, independently of whatever produced it, from the year plans' choices (open schools,
 * classrooms and beds added, assignment rows):
 * - `scenarios`: the scenarios of a year open the same schools with the same additions;
 * - `reopened`: an existing school is not open after a plan year in which it was closed; `unbuilt`: a candidate
 *   open in one plan year is open in every later one;
 * - `removedAddition`: a school open in two consecutive plan years has at least the classrooms and beds added of
 *   the first;
 * - `buildBeforeClose` (先建后撤, 国办发〔2012〕48号): in the plan year a school closes, every settlement and
 *   level it taught the plan year before is taught that year, all of it at schools open that year;
 * - and every rule of {@link checkPlan} in each year and scenario.
 * @param years - by year then scenario (years ascending; each year the same scenarios)
 * @param rules - the rules of the plan
 * @param costFigures - the cost figures of the plan
 * @returns the violations, in year order; empty for a valid plan
 * @throws InputError for a malformed year plan, as {@link checkPlan} does
 */
export function checkPlanOverYears(years: readonly (readonly YearToCheck[])[], rules: PlanRules, costFigures: PlanCosts): YearViolation[] {
  const violations: YearViolation[] = [];
  const add = (v: YearViolation): void => { violations.push(v); };
  years.forEach((row, t) => {
    const first = row[0]!;
    for (const item of row) {
      for (const v of checkPlan(item.system, { ...item.plan, rules, costFigures }).violations) {
        add({ rule: v.rule, year: item.year, scenario: item.scenario, ...(v.school === undefined ? {} : { school: v.school }), ...(v.settlement === undefined ? {} : { settlement: v.settlement }), message: v.message });
      }
      item.plan.schools.forEach((school, j) => {
        const ref = first.plan.schools[j]!;
        if (school.open !== ref.open || school.classroomsAdded !== ref.classroomsAdded || school.bedsAdded !== ref.bedsAdded) {
          add({ rule: "scenarios", year: item.year, scenario: item.scenario, school: school.id, message: `scenario ${item.scenario} and ${first.scenario} disagree on school ${school.id} in ${item.year}` });
        }
      });
    }
    if (t === 0) return;
    const before = years[t - 1]![0]!;
    first.plan.schools.forEach((school, j) => {
      const prior = before.plan.schools[j]!;
      if (school.existing && school.open && !prior.open) add({ rule: "reopened", year: first.year, school: school.id, message: `school ${school.id} is open in ${first.year} after it was closed in ${before.year}` });
      if (!school.existing && prior.open && !school.open) add({ rule: "unbuilt", year: first.year, school: school.id, message: `school ${school.id}, built by ${before.year}, is not open in ${first.year}` });
      if (school.open && prior.open && (school.classroomsAdded < prior.classroomsAdded - 1e-9 || school.bedsAdded < prior.bedsAdded - 1e-6)) {
        add({ rule: "removedAddition", year: first.year, school: school.id, message: `school ${school.id} has ${school.classroomsAdded} classrooms and ${school.bedsAdded} beds added in ${first.year}, fewer than the ${prior.classroomsAdded} and ${prior.bedsAdded} of ${before.year}` });
      }
      if (!(prior.open && !school.open)) return;
      // Build before close: the closing school's pupils of the year before are all at open schools this year.
      for (const item of row) {
        const openNow = new Set(item.plan.schools.filter((s) => s.open).map((s) => s.index));
        const taught = new Map<string, { settlementIndex: number; level: LevelId }>();
        for (const a of before.plan.assignments) if (a.school === school.id && a.pupils > 1e-6) taught.set(`${a.settlementIndex}\u0000${a.level}`, a);
        for (const { settlementIndex, level } of taught.values()) {
          const settlement = item.system.settlements[settlementIndex]!.id;
          const pupils = item.system.settlements[settlementIndex]!.pupils[level];
          const placed = item.plan.assignments
            .filter((a) => a.settlementIndex === settlementIndex && a.level === level && openNow.has(a.schoolIndex))
            .reduce((sum, a) => sum + a.pupils, 0);
          if (placed < pupils - 1e-6 * Math.max(1, pupils)) {
            add({ rule: "buildBeforeClose", year: item.year, scenario: item.scenario, school: school.id, settlement, message: `school ${school.id} closes in ${item.year}, but only ${placed.toFixed(1)} of the ${pupils.toFixed(1)} ${level} pupils of ${settlement} it taught are at schools open that year` });
          }
        }
      }
    });
  });
  return violations;
}
