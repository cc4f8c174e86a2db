/**
 * Reasons a plan cannot meet the rules that show before solving, with the numbers: pupils no allowed school
 * reaches, levels short of seats even with every school open and grown to its limits, coverage rules no school
 * can meet.
 * @module
 */
import { costOf } from "../../costMatrix.ts";
import type { LevelId } from "../../norms/levels.ts";
import { levelCapacity } from "../heuristic/choices.ts";
import { uncoverableRules, type CoverageRule } from "../rules/coverageRules.ts";
import type { PlanInfeasibilityReason } from "../result/result.ts";
import { LEVELS_SERVED } from "../system/schoolTypes.ts";
import type { ScoringContext } from "../heuristic/score.ts";

const formatPupils = (value: number): string => (Math.round(value * 10) / 10).toLocaleString("en-US");

function unreachableReasons(context: ScoringContext): PlanInfeasibilityReason[] {
  const { system, rules, choices } = context;
  const byLevel = new Map<LevelId, number[]>();
  for (let u = 0; u < choices.unitCount; u++) {
    if (choices.choiceStart[u + 1]! > choices.choiceStart[u]!) continue;
    const list = byLevel.get(choices.unitLevel[u]!) ?? [];
    list.push(u);
    byLevel.set(choices.unitLevel[u]!, list);
  }
  const reasons: PlanInfeasibilityReason[] = [];
  for (const [level, units] of byLevel) {
    const dayLimit = rules.dayTravelLimitMinutes[level];
    const boardLimit = rules.boardingTravelLimitMinutes[level];
    const limits = [
      dayLimit === null ? "no day limit" : `day limit ${dayLimit} min`,
      rules.boardingAllowed[level] ? (boardLimit === null ? "boarding without limit" : `boarding limit ${boardLimit} min`) : `no boarding below grade ${rules.boardingFromGrade}`,
    ].join(", ");
    const details = units.slice(0, 5).map((u) => {
      const i = choices.unitSettlement[u]!;
      let nearest = Infinity;
      let nearestId = "";
      system.schools.forEach((school, j) => {
        if (school.forbidden || !LEVELS_SERVED[school.type].includes(level)) return;
        const minutes = costOf(system.travelMinutes[level]!, i, j);
        if (minutes < nearest) { nearest = minutes; nearestId = school.id; }
      });
      const where = Number.isFinite(nearest) ? `nearest ${nearestId} at ${nearest.toFixed(1)} min` : "no school reachable";
      return `${system.settlements[i]!.id} (${formatPupils(choices.unitPupils[u]!)} pupils; ${where})`;
    });
    const pupils = units.reduce((sum, u) => sum + choices.unitPupils[u]!, 0);
    reasons.push({
      code: "unreachable",
      level,
      settlements: units.map((u) => system.settlements[choices.unitSettlement[u]!]!.id),
      message:
        `${units.length} settlement(s) with ${formatPupils(pupils)} ${level} pupils have no allowed school (${limits}): ` +
        details.join("; ") + (units.length > 5 ? `; and ${units.length - 5} more` : "") +
        ` — add candidate sites of a type serving ${level} within reach of them, or set a longer day-travel limit for ${level} (norm overrides)`,
    });
  }
  return reasons;
}

function seatReasons(context: ScoringContext): PlanInfeasibilityReason[] {
  const { system, rules, choices } = context;
  const reasons: PlanInfeasibilityReason[] = [];
  for (const level of system.levels) {
    let pupils = 0;
    for (let u = 0; u < choices.unitCount; u++) if (choices.unitLevel[u] === level) pupils += choices.unitPupils[u]!;
    let seats = 0;
    system.schools.forEach((school) => {
      if (school.forbidden || !LEVELS_SERVED[school.type].includes(level)) return;
      seats += levelCapacity(school, level, rules);
    });
    if (pupils > seats + 1e-6) {
      reasons.push({
        code: "seats",
        level,
        message: `${level}: ${formatPupils(pupils)} pupils but at most ${formatPupils(seats)} seats with every allowed school open and grown to its classroom and size limits — add candidate sites serving ${level}, or allow more added classrooms (maxAddedClassrooms)`,
      });
    }
  }
  return reasons;
}

/**
 * The reasons visible before solving; empty when none is.
 * @param context - system, rules, costs, units and choices
 * @param coverage - the coverage rules
 */
export function presolveReasons(context: ScoringContext, coverage: readonly CoverageRule[]): PlanInfeasibilityReason[] {
  return [...unreachableReasons(context), ...seatReasons(context), ...uncoverableRules(coverage)];
}
