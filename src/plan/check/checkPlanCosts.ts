/**
 * The annual cost of a plan, recomputed from its choices and rows, and compared with the reported breakdown
 * (part of {@link checkPlan}).
 * @module
 */
import { costOf } from "../../costMatrix.ts";
import type { LevelId } from "../../norms/levels.ts";
import { LEVELS } from "../../norms/levels.ts";
import type { AssignmentTally } from "./checkPlanAssignments.ts";
import { systemMinutes } from "./checkPlanAssignments.ts";
import { PlanSum, agrees, formatNumber, violation, type CheckablePlan } from "./checkPlanInput.ts";
import type { PlanCostBreakdown, PlanViolation } from "../result/result.ts";
import type { SchoolSystem } from "../system/system.ts";

/** The items of {@link PlanCostBreakdown}, total last. */
export const COST_ITEMS: readonly (keyof PlanCostBreakdown)[] = ["schools", "newSchools", "closures", "classes", "classrooms", "beds", "boarders", "transport", "total"];

/** `rate × amount`, 0 when either is 0 (so an unpriced infinite amount costs nothing). */
function priced(rate: number, amount: number): number {
  return rate === 0 || amount === 0 ? 0 : rate * amount;
}

/**
 * Recomputes the annual cost breakdown of a plan (the formula of {@link PlanCosts}): per school, its own cost
 * figures replace the plan's; transport per row from the system's minutes and, when kilometres are priced, its
 * metres. A priced kilometre without distances for a level is reported as a `costs` violation (and costs 0).
 * @param system - the school system
 * @param plan - the plan (shape already checked)
 * @param tally - the tallies of the rows (boarders per school)
 * @param out - violations are appended here
 * @returns the breakdown, yuan per year
 */
export function recomputePlanCosts(system: SchoolSystem, plan: CheckablePlan, tally: AssignmentTally, out: PlanViolation[]): PlanCostBreakdown {
  const sums = Object.fromEntries(COST_ITEMS.map((item) => [item, new PlanSum()])) as Record<keyof PlanCostBreakdown, PlanSum>;
  for (const [j, school] of system.schools.entries()) {
    const planned = plan.schools[j]!;
    const figures = { ...plan.costFigures, ...school.costs };
    if (planned.open) sums.schools.add(figures.schoolPerYear);
    if (planned.open && !school.existing) sums.newSchools.add(figures.newSchoolPerYear);
    if (!planned.open && school.existing) sums.closures.add(figures.closurePerYear);
    let classes = 0;
    for (const level of LEVELS) classes += planned.classes[level];
    sums.classes.add(priced(figures.classPerYear, classes));
    sums.classrooms.add(priced(figures.classroomPerYear, planned.classroomsAdded));
    sums.beds.add(priced(figures.bedPerYear, planned.bedsAdded));
    sums.boarders.add(priced(figures.boarderPerYear, tally.boarders[j]!));
  }
  const figures = plan.costFigures;
  const missingDistances = new Set<LevelId>();
  for (const row of plan.assignments) {
    const minutes = systemMinutes(system, row);
    if (minutes === null || row.pupils === 0) continue;
    let kilometres = 0;
    if (figures.yuanPerPupilKilometre !== 0) {
      const metres = system.travelMetres[row.level];
      if (metres === undefined) missingDistances.add(row.level);
      else kilometres = costOf(metres, row.settlementIndex, row.schoolIndex) / 1000;
    }
    const trips = row.boarding ? 2 * figures.weeksPerYear : 2 * figures.schoolDaysPerYear;
    sums.transport.add(priced(row.pupils * trips, priced(minutes, figures.yuanPerPupilMinute) + priced(kilometres, figures.yuanPerPupilKilometre)));
  }
  for (const level of missingDistances) {
    out.push(
      violation(
        "costs",
        `kilometres are priced (${formatNumber(figures.yuanPerPupilKilometre)} yuan per pupil-kilometre), but the system gives no distances (travelMetres) for ${level}; they were costed at 0`,
        { level },
      ),
    );
  }
  const breakdown: Record<keyof PlanCostBreakdown, number> = {} as Record<keyof PlanCostBreakdown, number>;
  for (const item of COST_ITEMS) if (item !== "total") sums.total.add((breakdown[item] = sums[item].value));
  breakdown.total = sums.total.value;
  return Object.freeze(breakdown);
}

/**
 * Compares the reported cost breakdown with the recomputed one, item by item (relative tolerance 1e-6).
 * @param reported - the plan's `costs`
 * @param recomputed - from {@link recomputePlanCosts}
 * @param out - a `costs` violation per item that differs is appended here
 */
export function compareCosts(reported: PlanCostBreakdown, recomputed: PlanCostBreakdown, out: PlanViolation[]): void {
  for (const item of COST_ITEMS) {
    const value = reported[item];
    if (typeof value !== "number" || !agrees(value, recomputed[item])) {
      out.push(violation("costs", `the plan reports ${typeof value === "number" ? formatNumber(value) : String(value)} yuan per year for ${item}; recomputed ${formatNumber(recomputed[item])}`));
    }
  }
}
