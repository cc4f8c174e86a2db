/**
 * The assignment choices of a plan: for each settlement and level with pupils (a "unit"), the schools it may
 * attend and whether as day pupils or boarders, with the travel and the annual cost of each choice. Choices
 * that break a travel or boarding rule are never made, and a boarding choice is dropped where the day choice at
 * the same school is allowed and costs no more (it would only use beds and money for the same trip).
 * @module
 */
import { costOf } from "../../costMatrix.ts";
import type { LevelId } from "../../norms/levels.ts";
import type { PlanCosts } from "../rules/costs.ts";
import { LEVELS_SERVED } from "../system/schoolTypes.ts";
import type { PlanRules } from "../rules/rules.ts";
import type { SchoolCostTable } from "../rules/schoolCosts.ts";
import { attendableCapacities, maySplit, splitShareRule } from "../result/splitShares.ts";
import type { SchoolSystem } from "../system/system.ts";

/** Settlement-level units and their choices, as flat arrays (CSR: unit u's choices are `choiceStart[u]..choiceStart[u+1]−1`). */
export interface AssignmentChoices {
  /** Number of units. */
  readonly unitCount: number;
  /** Per unit: settlement index i. */
  readonly unitSettlement: Int32Array;
  /** Per unit: level. */
  readonly unitLevel: readonly LevelId[];
  /** Per unit: pupils. */
  readonly unitPupils: Float64Array;
  /** Per unit: boarding-care pupils who board wherever the unit goes (0 where the level may not board). */
  readonly unitCare: Float64Array;
  /**
   * Per unit: 1 where the unit may split between schools: no catchments, more pupils than the split threshold, or
   * more than any school it could attend could ever hold ({@link levelCapacity}: a catchment could never take them;
   * src/plan/result/splitShares.ts).
   */
  readonly unitSplits: Uint8Array;
  /**
   * Per unit: k, the most schools a unit that splits under catchments may go to ({@link splitShareRule}); 0 for
   * a catchment unit and for every unit with catchments off (no limit).
   */
  readonly unitMaxShares: Int32Array;
  /**
   * Per unit: K = ⌈p / κ⌉, the equal parts a unit that splits under catchments comes in (each school takes whole
   * parts under `wholeClasses`); 0 where {@link unitMaxShares} is 0.
   */
  readonly unitParts: Int32Array;
  /** Length unitCount + 1. */
  readonly choiceStart: Int32Array;
  /** Per choice: its unit index u. */
  readonly choiceUnit: Int32Array;
  /** Per choice: school index j. */
  readonly school: Int32Array;
  /** Per choice: 1 for boarding, 0 for day. */
  readonly boarding: Uint8Array;
  /** Per choice: one-way minutes. */
  readonly minutes: Float64Array;
  /** Per choice: one-way metres, NaN where no distances are given. */
  readonly metres: Float64Array;
  /** Per choice: pupils of the unit who board under it (all for boarding, the care pupils for day). */
  readonly boarders: Float64Array;
  /** Per choice: annual cost of sending the whole unit there, yuan per year (transport and boarders). */
  readonly cost: Float64Array;
}

/** Annual transport and boarding cost of one pupil on one choice, yuan per year. */
function perPupilCost(costs: PlanCosts, boarderPerYear: number, boarding: boolean, minutes: number, metres: number): number {
  const trips = boarding ? 2 * costs.weeksPerYear : 2 * costs.schoolDaysPerYear;
  const km = Number.isFinite(metres) ? metres / 1000 : 0;
  return trips * (minutes * costs.yuanPerPupilMinute + km * costs.yuanPerPupilKilometre) + (boarding ? boarderPerYear : 0);
}

/** The most pupils of a level a school could ever take (kept here for its importers). */
export { levelCapacity } from "../result/splitShares.ts";

/** The unit of each choice, from the units' choice ranges. */
function unitsOf(choiceStart: readonly number[], choiceCount: number): Int32Array {
  const unitOf = new Int32Array(choiceCount);
  for (let u = 0; u + 1 < choiceStart.length; u++) unitOf.fill(u, choiceStart[u]!, choiceStart[u + 1]!);
  return unitOf;
}

/** Total boarding-care pupils of settlement `i` at `level`. */
function carePupils(system: SchoolSystem, i: number, level: LevelId): number {
  let care = 0;
  for (const group of system.groups) {
    if (group.rule === "boardingCare") care += group.share * system.settlements[i]!.groups[group.id]![level];
  }
  return Math.min(care, system.settlements[i]!.pupils[level]);
}

/**
 * Lists the units and their allowed choices.
 * @param system - the school system
 * @param rules - the rules in force
 * @param costs - the plan's cost figures
 * @param table - per-school cost figures
 */
export function assignmentChoices(system: SchoolSystem, rules: PlanRules, costs: PlanCosts, table: SchoolCostTable): AssignmentChoices {
  const unitSettlement: number[] = [];
  const unitLevel: LevelId[] = [];
  const unitPupils: number[] = [];
  const unitCare: number[] = [];
  const unitSplits: number[] = [];
  const unitMaxShares: number[] = [];
  const unitParts: number[] = [];
  const choiceStart: number[] = [0];
  const school: number[] = [];
  const boarding: number[] = [];
  const minutes: number[] = [];
  const metres: number[] = [];
  const boarders: number[] = [];
  const cost: number[] = [];
  const servers = new Map<LevelId, number[]>();
  for (const level of system.levels) {
    servers.set(
      level,
      system.schools.flatMap((s, j) => (LEVELS_SERVED[s.type].includes(level) && !s.forbidden ? [j] : [])),
    );
  }
  for (let i = 0; i < system.settlements.length; i++) {
    for (const level of system.levels) {
      const pupils = system.settlements[i]!.pupils[level];
      if (!(pupils > 0)) continue;
      const care = rules.boardingAllowed[level] ? carePupils(system, i, level) : 0;
      const dayLimit = rules.dayTravelLimitMinutes[level] ?? Infinity;
      const boardLimit = rules.boardingAllowed[level] ? (rules.boardingTravelLimitMinutes[level] ?? Infinity) : -1;
      const travel = system.travelMinutes[level]!;
      const distance = system.travelMetres[level];
      for (const j of servers.get(level)!) {
        const t = costOf(travel, i, j);
        if (!Number.isFinite(t)) continue;
        const d = distance === undefined ? Number.NaN : costOf(distance, i, j);
        const s = system.schools[j]!;
        const canBoard = s.beds > 0 || s.maxAddedBeds > 0;
        let dayCost = Infinity;
        // Day pupils within the day limit; their boarding-care pupils board, so the school must house boarders within the boarding limit.
        if (t <= dayLimit && (care === 0 || (canBoard && t <= boardLimit))) {
          dayCost =
            (pupils - care) * perPupilCost(costs, table.boarderPerYear[j]!, false, t, d) + care * perPupilCost(costs, table.boarderPerYear[j]!, true, t, d);
          school.push(j); boarding.push(0); minutes.push(t); metres.push(d); boarders.push(care); cost.push(dayCost);
        }
        if (t <= boardLimit && canBoard) {
          const boardCost = pupils * perPupilCost(costs, table.boarderPerYear[j]!, true, t, d);
          if (boardCost < dayCost) {
            school.push(j); boarding.push(1); minutes.push(t); metres.push(d); boarders.push(pupils); cost.push(boardCost);
          }
        }
      }
      unitSettlement.push(i);
      unitLevel.push(level);
      unitPupils.push(pupils);
      unitCare.push(care);
      const capacities = attendableCapacities(system, rules, i, level);
      const splitsBySize = rules.catchments && maySplit(rules, pupils, capacities);
      const shareRule = splitsBySize ? splitShareRule(pupils, rules.classSize[level], rules.splitAbovePupils, capacities) : null;
      unitSplits.push(!rules.catchments || splitsBySize ? 1 : 0);
      unitMaxShares.push(shareRule?.maxShares ?? 0);
      unitParts.push(shareRule?.parts ?? 0);
      choiceStart.push(school.length);
    }
  }
  return {
    unitCount: unitSettlement.length,
    unitSettlement: Int32Array.from(unitSettlement),
    unitLevel,
    unitPupils: Float64Array.from(unitPupils),
    unitCare: Float64Array.from(unitCare),
    unitSplits: Uint8Array.from(unitSplits),
    unitMaxShares: Int32Array.from(unitMaxShares),
    unitParts: Int32Array.from(unitParts),
    choiceStart: Int32Array.from(choiceStart),
    choiceUnit: unitsOf(choiceStart, school.length),
    school: Int32Array.from(school),
    boarding: Uint8Array.from(boarding),
    minutes: Float64Array.from(minutes),
    metres: Float64Array.from(metres),
    boarders: Float64Array.from(boarders),
    cost: Float64Array.from(cost),
  };
}
