/**
 * Rules over several schools (part of {@link checkPlan}): the township "three schools" and the care of special
 * groups (resource rooms within reach, boarding places for left-behind children).
 * @module
 */
import { costOf } from "../../costMatrix.ts";
import { LEVELS } from "../../norms/levels.ts";
import type { AssignmentTally } from "./checkPlanAssignments.ts";
import { formatMinutes, formatNumber, LEVEL_INDEX, toleranceFor, violation, type CheckablePlan } from "./checkPlanInput.ts";
import type { PlanViolation, ThreeSchoolsPart } from "../result/result.ts";
import { LEVELS_SERVED, type SchoolType } from "../system/schoolTypes.ts";
import type { SchoolSystem } from "../system/system.ts";

const CENTRAL_PRIMARY: readonly SchoolType[] = ["complete primary", "nine-year"];

/**
 * Checks the township "three schools" rule (when `rules.threeSchools`): every township with at least one school
 * (existing or candidate) of tier `township` has, open in the plan, a township kindergarten, a township central
 * primary (complete primary or nine-year school of tier township) and a boarding school (a school of the
 * township, any tier, serving a level that may board, with at least the rules' minimum beds after the plan). One violation per missing kind.
 * @param system - the school system
 * @param plan - the plan (shape already checked)
 * @param out - violations are appended here
 */
export function checkThreeSchools(system: SchoolSystem, plan: CheckablePlan, out: PlanViolation[]): void {
  if (!plan.rules.threeSchools) return;
  const townships = new Set<string>();
  for (const school of system.schools) if (school.tier === "township" && school.township !== null) townships.add(school.township);
  const boardingLevel = (type: SchoolType): boolean => LEVELS_SERVED[type].some((level) => plan.rules.boardingAllowed[level]);
  for (const township of townships) {
    const open = system.schools.flatMap((school, j) => (school.township === township && plan.schools[j]!.open ? [{ school, planned: plan.schools[j]! }] : []));
    const central = open.filter(({ school }) => school.tier === "township");
    const missing: Array<[ThreeSchoolsPart, string]> = [];
    if (!central.some(({ school }) => school.type === "kindergarten")) missing.push(["kindergarten", "an open township kindergarten (tier township)"]);
    if (!central.some(({ school }) => CENTRAL_PRIMARY.includes(school.type))) {
      missing.push(["centralPrimary", "an open central primary (a complete primary or nine-year school of tier township)"]);
    }
    const minimum = plan.rules.boardingSchoolMinimumBeds;
    if (!open.some(({ school, planned }) => boardingLevel(school.type) && school.beds + planned.bedsAdded >= minimum)) {
      missing.push(["boardingSchool", `an open boarding school (a school of the township serving a level that may board, with at least ${minimum} beds)`]);
    }
    for (const [part, what] of missing) out.push(violation("threeSchools", `township ${township} lacks ${what}`, { township, missing: part, ...(part === "boardingSchool" ? { limit: minimum } : {}) }));
  }
}

/**
 * Checks the special groups: for a `resourceRoom` group, every settlement with pupils of the group (any level)
 * has an open school with a resource room within the group's travel limit (by the travel times of the group's
 * level); for a `boardingCare` group, each settlement's boarders of each planned level that may board are at
 * least `share` × the group's pupils of that level.
 * @param system - the school system
 * @param plan - the plan (shape already checked)
 * @param tally - the tallies of the rows
 * @param out - violations are appended here
 */
export function checkSpecialGroups(system: SchoolSystem, plan: CheckablePlan, tally: AssignmentTally, out: PlanViolation[]): void {
  const L = LEVELS.length;
  for (const group of system.groups) {
    if (group.rule === "resourceRoom") {
      const matrix = system.travelMinutes[group.level]!;
      const rooms = system.schools.flatMap((school, j) => (school.resourceRoom && plan.schools[j]!.open ? [j] : []));
      for (const [i, settlement] of system.settlements.entries()) {
        const counts = settlement.groups[group.id];
        const pupils = counts === undefined ? 0 : LEVELS.reduce((sum, level) => sum + counts[level], 0);
        if (!(pupils > 0)) continue;
        let nearest = Infinity;
        let nearestId = "";
        for (const j of rooms) {
          const minutes = costOf(matrix, i, j);
          if (minutes < nearest) [nearest, nearestId] = [minutes, system.schools[j]!.id];
        }
        if (!(nearest <= group.travelLimitMinutes + toleranceFor(group.travelLimitMinutes))) {
          const found = rooms.length === 0 ? "no school with a resource room is open" : Number.isFinite(nearest) ? `the nearest open one, ${nearestId}, is ${formatMinutes(nearest, group.travelLimitMinutes)} minutes away` : "no open one can be reached";
          out.push(
            violation(
              "resourceRoom",
              `${settlement.id} has ${formatNumber(pupils)} pupils of group ${group.id}, but no open school with a resource room is within ${formatNumber(group.travelLimitMinutes)} minutes (${group.level} travel times): ${found}`,
              { settlement: settlement.id, level: group.level, pupils, value: nearest, limit: group.travelLimitMinutes },
            ),
          );
        }
      }
      continue;
    }
    for (const [i, settlement] of system.settlements.entries()) {
      for (const level of system.levels) {
        if (!plan.rules.boardingAllowed[level]) continue;
        const pupils = settlement.groups[group.id]?.[level] ?? 0;
        const need = group.share * pupils;
        const boarders = tally.boarding[i * L + LEVEL_INDEX[level]]!;
        if (need > 0 && boarders < need - toleranceFor(need)) {
          out.push(
            violation(
              "boardingCare",
              `${settlement.id} has ${formatNumber(pupils)} ${level} pupils of group ${group.id}; ${formatNumber(need)} (share ${formatNumber(group.share)}) need boarding places, ${formatNumber(boarders)} board`,
              { settlement: settlement.id, level, pupils, value: boarders, limit: need },
            ),
          );
        }
      }
    }
  }
}
