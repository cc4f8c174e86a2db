/**
 * The assignment rows of a plan, checked one by one and tallied per settlement, school and level (part of
 * {@link checkPlan}).
 * @module
 */
import { costOf } from "../../costMatrix.ts";
import { LEVELS } from "../../norms/levels.ts";
import { PlanSum, agrees, exceeds, formatMinutes, formatNumber, LEVEL_INDEX, toleranceFor, violation, type CheckablePlan } from "./checkPlanInput.ts";
import type { PlannedAssignment, PlanViolation } from "../result/result.ts";
import { serves } from "../system/schoolTypes.ts";
import { attendableCapacities, maySplit, splitSettlements } from "../result/splitShares.ts";
import type { SchoolSystem } from "../system/system.ts";

/** What the rows add up to, recomputed from the rows alone. Flat arrays index levels by their place in LEVELS. */
export interface AssignmentTally {
  /** Length m × 5: pupils per school j and level l at `j * 5 + l` (day pupils and boarders). */
  readonly enrolment: Float64Array;
  /** Length m: boarders per school. */
  readonly boarders: Float64Array;
  /** Length n × 5: boarders per settlement i and level l at `i * 5 + l`. */
  readonly boarding: Float64Array;
  /** Mean one-way minutes (the system's) over the rows of planned levels, weighted by pupils; 0 without pupils. */
  readonly meanTravelMinutes: number;
}

/** Rows with at most this many pupils are left out of the rule checks (they move nobody). */
const NEGLIGIBLE_PUPILS = 1e-6;

/**
 * The system's one-way minutes of a row, or null for a level that is not planned (no travel times).
 * @param system - the school system
 * @param row - an assignment row (indices already checked)
 */
export function systemMinutes(system: SchoolSystem, row: PlannedAssignment): number | null {
  const matrix = system.travelMinutes[row.level];
  return system.levels.includes(row.level) && matrix !== undefined ? costOf(matrix, row.settlementIndex, row.schoolIndex) : null;
}

function checkTravel(system: SchoolSystem, plan: CheckablePlan, row: PlannedAssignment, minutes: number, out: PlanViolation[]): void {
  const where = { settlement: row.settlement, school: row.school, level: row.level, pupils: row.pupils };
  const what = `${formatNumber(row.pupils)} ${row.level} pupils of ${row.settlement} at ${row.school}`;
  if (!agrees(row.travelMinutes, minutes)) {
    out.push(violation("travelTimes", `${what}: the row gives ${formatNumber(row.travelMinutes)} one-way minutes, the system's travel times ${formatNumber(minutes)}`, where));
  }
  const metresMatrix = system.travelMetres[row.level];
  const metres = metresMatrix === undefined ? null : costOf(metresMatrix, row.settlementIndex, row.schoolIndex);
  const rowMetres = row.travelMetres;
  const metresAgree = metres === null ? rowMetres === null : rowMetres === null ? metres === Infinity : agrees(rowMetres, metres);
  if (!metresAgree) {
    out.push(violation("travelTimes", `${what}: the row gives ${rowMetres === null ? "no" : formatNumber(rowMetres)} one-way metres, the system ${metres === null ? "no distances" : formatNumber(metres)}`, where));
  }
  const rules = plan.rules;
  if (!row.boarding) {
    const limit = rules.dayTravelLimitMinutes[row.level];
    if (!Number.isFinite(minutes)) out.push(violation("dayTravel", `${what} travel daily to a school they cannot reach (no travel time)`, { ...where, value: Infinity }));
    else if (limit !== null && exceeds(minutes, limit)) {
      out.push(violation("dayTravel", `${what} travel daily ${formatMinutes(minutes, limit)} minutes one way, beyond the ${formatNumber(limit)}-minute limit`, { ...where, value: minutes, limit }));
    }
    return;
  }
  if (!rules.boardingAllowed[row.level]) {
    out.push(violation("boardingGrade", `${what} board, but ${row.level} is below the boarding grade (${rules.boardingFromGrade})`, where));
  }
  const limit = rules.boardingTravelLimitMinutes[row.level];
  if (!Number.isFinite(minutes)) out.push(violation("boardingTravel", `${what} board at a school they cannot reach (no travel time)`, { ...where, value: Infinity }));
  else if (limit !== null && exceeds(minutes, limit)) {
    out.push(violation("boardingTravel", `${what} board ${formatMinutes(minutes, limit)} minutes one way from home, beyond the ${formatNumber(limit)}-minute limit`, { ...where, value: minutes, limit }));
  }
}

function checkBalance(system: SchoolSystem, assigned: Float64Array, out: PlanViolation[]): void {
  const L = LEVELS.length;
  for (const [i, settlement] of system.settlements.entries()) {
    for (const level of LEVELS) {
      const planned = system.levels.includes(level);
      const pupils = planned ? settlement.pupils[level] : 0;
      const rows = assigned[i * L + LEVEL_INDEX[level]]!;
      if (Math.abs(rows - pupils) <= toleranceFor(pupils)) continue;
      const where = { settlement: settlement.id, level };
      if (!planned) {
        out.push(violation("unassigned", `${settlement.id}: rows assign ${formatNumber(rows)} ${level} pupils, but ${level} is not a planned level`, { ...where, pupils: 0, value: -rows }));
      } else if (rows < pupils) {
        out.push(violation("unassigned", `${settlement.id} has ${formatNumber(pupils)} ${level} pupils; the rows assign ${formatNumber(rows)}, leaving ${formatNumber(pupils - rows)} without a school`, { ...where, pupils, value: pupils - rows }));
      } else {
        out.push(violation("unassigned", `${settlement.id} has ${formatNumber(pupils)} ${level} pupils; the rows assign ${formatNumber(rows)}, ${formatNumber(rows - pupils)} more than live there`, { ...where, pupils, value: pupils - rows }));
      }
    }
  }
}

/**
 * The split-share rule (src/plan/result/splitShares.ts): a settlement that may split under catchments sends its pupils of
 * a level to at most k schools (`splitShares`), and under `wholeClasses` each school's share is whole parts of
 * p / K pupils (`splitShares`, within 0.005 pupil per row, the rounding of plan.json, besides the tolerance).
 */
function checkSplitShares(system: SchoolSystem, plan: CheckablePlan, out: PlanViolation[]): void {
  // Rows per settlement, level and school: each may be rounded by up to 0.005 pupil in plan.json.
  const rowCount = new Map<string, number>();
  for (const row of plan.assignments) {
    if (row.pupils <= NEGLIGIBLE_PUPILS) continue;
    const key = `${row.settlement}:${row.level}:${row.school}`;
    rowCount.set(key, (rowCount.get(key) ?? 0) + 1);
  }
  for (const split of splitSettlements(system, plan.rules, plan.assignments)) {
    const what = `${split.settlement}'s ${formatNumber(split.pupils)} ${split.level} pupils`;
    const where = { settlement: split.settlement, level: split.level };
    if (split.shares.length > split.maxShares) {
      const listed = split.shares.map((share) => `${share.school} ${formatNumber(share.pupils)} at ${formatNumber(share.travelMinutes)} min`).join(", ");
      out.push(violation("splitShares", `${what} go to ${split.shares.length} schools (${listed}), more than the ${split.maxShares} a split settlement may have`, { ...where, school: split.shares[0]!.school, pupils: split.pupils, value: split.shares.length, limit: split.maxShares }));
    }
    if (!plan.rules.wholeClasses) continue;
    for (const share of split.shares) {
      const whole = Math.round(share.parts);
      const slack = toleranceFor(share.pupils) + 0.005 * (rowCount.get(`${split.settlement}:${split.level}:${share.school}`) ?? 1);
      if (whole >= 1 && Math.abs(share.pupils - whole * split.partPupils) <= slack) continue;
      out.push(
        violation(
          "splitShares",
          `${what} come in ${split.parts} parts of ${formatNumber(split.partPupils)} (one class each); ${share.school} takes ${formatNumber(share.pupils)}, ${formatNumber(share.parts)} parts, not a whole number`,
          { ...where, school: share.school, pupils: share.pupils },
        ),
      );
    }
  }
}

/**
 * Checks every assignment row (level served, school open, travel times as the system's, day and boarding limits,
 * boarding grade), that each settlement's pupils of each planned level are assigned exactly (and none of other
 * levels), catchments and the split shares; tallies enrolment, boarders and travel.
 * @param system - the school system
 * @param plan - the plan (shape already checked)
 * @param out - violations are appended here
 * @returns the tallies the school, group and cost checks build on
 */
export function checkAssignmentRows(system: SchoolSystem, plan: CheckablePlan, out: PlanViolation[]): AssignmentTally {
  const L = LEVELS.length;
  const n = system.settlements.length;
  const m = system.schools.length;
  const enrolment = new Float64Array(m * L);
  const boarders = new Float64Array(m);
  const boarding = new Float64Array(n * L);
  const assigned = new Float64Array(n * L);
  const firstSchool = new Int32Array(n * L).fill(-1);
  const splits = new Map<number, number[]>();
  const pupilSum = new PlanSum();
  const minuteSum = new PlanSum();
  for (const row of plan.assignments) {
    const i = row.settlementIndex;
    const j = row.schoolIndex;
    const key = i * L + LEVEL_INDEX[row.level];
    assigned[key] += row.pupils;
    enrolment[j * L + LEVEL_INDEX[row.level]] += row.pupils;
    if (row.boarding) {
      boarders[j] += row.pupils;
      boarding[key] += row.pupils;
    }
    if (row.pupils <= NEGLIGIBLE_PUPILS) continue;
    const school = system.schools[j]!;
    const where = { settlement: row.settlement, school: row.school, level: row.level, pupils: row.pupils };
    if (!serves(school.type, row.level)) {
      out.push(violation("levelNotServed", `${formatNumber(row.pupils)} ${row.level} pupils of ${row.settlement} are assigned to ${row.school}, a ${school.type}, which does not serve ${row.level}`, where));
    }
    if (!plan.schools[j]!.open) {
      out.push(violation("closedSchool", `${formatNumber(row.pupils)} ${row.level} pupils of ${row.settlement} are assigned to ${row.school}, which is not open in the plan`, where));
    }
    const minutes = systemMinutes(system, row);
    if (minutes === null) continue;
    checkTravel(system, plan, row, minutes, out);
    pupilSum.add(row.pupils);
    minuteSum.add(row.pupils * minutes);
    if (firstSchool[key] === -1) firstSchool[key] = j;
    else if (firstSchool[key] !== j) {
      const list = splits.get(key) ?? [firstSchool[key]!];
      if (!list.includes(j)) list.push(j);
      splits.set(key, list);
    }
  }
  checkBalance(system, assigned, out);
  if (plan.rules.catchments) {
    for (const [key, schools] of splits) {
      const i = Math.floor(key / L);
      const settlement = system.settlements[i]!;
      const level = LEVELS[key % L]!;
      const pupils = settlement.pupils[level];
      // Above the threshold, or more pupils than any school the settlement may attend could ever hold (size limit;
      // classrooms after every allowed addition): the split-share rule applies instead (checkSplitShares).
      if (maySplit(plan.rules, pupils, attendableCapacities(system, plan.rules, i, level))) continue;
      const ids = schools.map((j) => system.schools[j]!.id);
      const split = Number.isFinite(plan.rules.splitAbovePupils) ? ` (a settlement may split only above ${formatNumber(plan.rules.splitAbovePupils)} pupils of a level)` : "";
      out.push(
        violation(
          "catchment",
          `${settlement.id}'s ${formatNumber(pupils)} ${level} pupils are split between ${ids.join(", ")}, but catchments send them to one school${split}`,
          { settlement: settlement.id, school: ids[0]!, level, pupils, value: ids.length, limit: 1 },
        ),
      );
    }
    checkSplitShares(system, plan, out);
  }
  const totalPupils = pupilSum.value;
  return { enrolment, boarders, boarding, meanTravelMinutes: totalPupils > 0 ? minuteSum.value / totalPupils : 0 };
}
