/**
 * The status quo as decisions: every existing school open, no candidate built, each settlement-level unit at
 * its nearest existing school serving the level (by the level's travel minutes; lowest index on ties), as day
 * pupils where within the day limit (or where boarding is not allowed), as boarders otherwise. It is scored
 * like a plan, but as built (no classroom or bed added: a school short of them is overcrowded), and checked, so
 * the rules it breaks today are listed.
 * @module
 */
import { costOf } from "../../costMatrix.ts";
import type { PlanDecisions, Placement } from "./decisions.ts";
import { LEVELS_SERVED } from "../system/schoolTypes.ts";
import type { ScoringContext } from "./score.ts";

/**
 * Decisions of the current layout; units no existing school reaches are left unplaced (checkPlan reports them).
 * @param context - system, rules, costs, units and choices
 */
export function statusQuoDecisions(context: ScoringContext): PlanDecisions {
  const { system, rules, choices } = context;
  const m = system.schools.length;
  const open = Uint8Array.from(system.schools, (school) => (school.existing ? 1 : 0));
  const placements: Placement[] = [];
  for (let u = 0; u < choices.unitCount; u++) {
    const i = choices.unitSettlement[u]!;
    const level = choices.unitLevel[u]!;
    const travel = system.travelMinutes[level]!;
    let best = -1;
    let bestMinutes = Infinity;
    for (let j = 0; j < m; j++) {
      if (open[j] !== 1 || !LEVELS_SERVED[system.schools[j]!.type].includes(level)) continue;
      const minutes = costOf(travel, i, j);
      if (minutes < bestMinutes) { bestMinutes = minutes; best = j; }
    }
    if (best < 0) continue;
    const dayLimit = rules.dayTravelLimitMinutes[level] ?? Infinity;
    const boarding = bestMinutes > dayLimit && rules.boardingAllowed[level];
    const metres = system.travelMetres[level] === undefined ? Number.NaN : costOf(system.travelMetres[level]!, i, best);
    placements.push({ unit: u, school: best, boarding, share: 1, minutes: bestMinutes, metres });
  }
  return { open, placements, minimumAddedBeds: new Float64Array(m), asBuilt: true };
}
