/**
 * The split-share rule: how a settlement too large for one catchment divides its pupils of a level between
 * schools. With catchments on, a settlement whose pupils p of a level exceed `splitAbovePupils`, or exceed what
 * any school it may attend could ever hold, may split; its shares are then
 *
 * - **whole classes**: the pupils come in K = ⌈p / κ⌉ equal parts of p / K ≤ κ pupils (κ the level's class-size
 *   norm, `classSize[level]`), and each school takes a whole number of parts (under `wholeClasses`), so every
 *   share fills its own classes, the last one possibly part-empty;
 * - **few**: at most k = min(K, max(⌈p / min(splitAbovePupils, c₁)⌉, n) + 1) schools, c₁ the largest capacity of
 *   the schools the settlement may attend ({@link levelCapacity}) and n the fewest of them, taken nearest first,
 *   whose capacities add up to p: as many schools as the threshold or the capacities around it force, and one
 *   more for slack;
 * - **nearest first**: the plan's objective prices every trip, and the construction heuristic fills the nearest
 *   open schools first, whole parts at a time.
 *
 * A rule of school-layout (an assumption, not a norm): a town neighbourhood is drawn into a few catchments of
 * whole classes, not spread pupil by pupil over the county. With catchments off no settlement is bound to one
 * school and this rule does not apply (shares are free fractions). `checkPlan` reports a split settlement with
 * more schools than k (`splitShares`) or a share that is not whole parts.
 * @module
 */
import { costOf } from "../../costMatrix.ts";
import type { LevelId } from "../../norms/levels.ts";
import type { PlannedAssignment } from "./result.ts";
import { classSizeAt, type PlanRules } from "../rules/rules.ts";
import { serves } from "../system/schoolTypes.ts";
import type { School, SchoolSystem } from "../system/system.ts";

/** The shares a split settlement's pupils of one level may take (see the module documentation). */
export interface SplitShareRule {
  /** K = ⌈p / κ⌉: the equal parts the pupils come in (each school takes whole parts). */
  readonly parts: number;
  /** p / K: pupils per part, at most the class size κ. */
  readonly partPupils: number;
  /** k: the most schools the pupils may go to. */
  readonly maxShares: number;
}

/**
 * The most pupils of `level` a school could ever take: its size limit, and its classrooms after every allowed
 * addition filled with classes of the level.
 * @param school - the school
 * @param level - the level
 * @param rules - the rules in force
 */
export function levelCapacity(school: School, level: LevelId, rules: PlanRules): number {
  return Math.min(rules.maxSchoolSize[school.type], (school.classrooms + school.maxAddedClassrooms) * classSizeAt(rules, school.type, level));
}

/**
 * The capacities ({@link levelCapacity}) of the schools settlement i's pupils of `level` may attend, nearest first
 * (by the level's one-way minutes; lower school index on ties): serving the level, not forbidden, within the day
 * limit, or within the boarding limit of a level that may board at a school that has or may add beds.
 * @param system - the school system
 * @param rules - the rules in force
 * @param i - settlement index
 * @param level - a planned level
 * @returns one capacity per such school, nearest first (pupils)
 */
export function attendableCapacities(system: SchoolSystem, rules: PlanRules, i: number, level: LevelId): number[] {
  const travel = system.travelMinutes[level];
  if (travel === undefined) return [];
  const dayLimit = rules.dayTravelLimitMinutes[level] ?? Infinity;
  const boardLimit = rules.boardingAllowed[level] ? (rules.boardingTravelLimitMinutes[level] ?? Infinity) : -Infinity;
  const reachable: Array<{ capacity: number; minutes: number }> = [];
  system.schools.forEach((school, j) => {
    if (!serves(school.type, level) || school.forbidden) return;
    const minutes = costOf(travel, i, j);
    if (!Number.isFinite(minutes)) return;
    const canBoard = school.beds > 0 || school.maxAddedBeds > 0;
    if (minutes <= dayLimit || (canBoard && minutes <= boardLimit)) reachable.push({ capacity: levelCapacity(school, level, rules), minutes });
  });
  // A stable sort keeps school order on ties.
  return reachable.sort((a, b) => a.minutes - b.minutes).map((school) => school.capacity);
}

/**
 * Whether settlement pupils of a level may split under catchments: more than `splitAbovePupils`, or more than
 * the largest of `capacities` (no catchment could take them).
 * @param rules - the rules in force
 * @param pupils - the settlement's pupils of the level
 * @param capacities - the capacities of the schools it may attend ({@link attendableCapacities})
 */
export function maySplit(rules: PlanRules, pupils: number, capacities: readonly number[]): boolean {
  return pupils > rules.splitAbovePupils || pupils > Math.max(0, ...capacities);
}

/**
 * The split-share rule for p pupils of a level (see the module documentation).
 * @param pupils - p, the settlement's pupils of the level (> 0)
 * @param classSize - κ, the level's class-size norm
 * @param splitAbovePupils - the split threshold (Infinity for never)
 * @param capacities - the capacities of the schools the settlement may attend, nearest first, pupils
 * @returns K, p / K and k
 */
export function splitShareRule(pupils: number, classSize: number, splitAbovePupils: number, capacities: readonly number[]): SplitShareRule {
  const parts = Math.max(1, Math.ceil(pupils / classSize - 1e-9));
  const largest = Math.max(0, ...capacities);
  const cap = Math.min(splitAbovePupils, largest);
  const byThreshold = cap > 0 ? Math.ceil(pupils / cap - 1e-9) : capacities.length;
  let fewest = 0;
  let held = 0;
  while (fewest < capacities.length && held < pupils - 1e-9) held += capacities[fewest++]!;
  return { parts, partPupils: pupils / parts, maxShares: Math.max(1, Math.min(parts, Math.max(byThreshold, fewest) + 1)) };
}

/**
 * The rule for settlement i's pupils of `level` when they may split under catchments, or null when they go to
 * one school (catchments off, or a settlement small enough for one catchment).
 * @param system - the school system
 * @param rules - the rules in force
 * @param i - settlement index
 * @param level - a planned level
 */
export function splitShareRuleOf(system: SchoolSystem, rules: PlanRules, i: number, level: LevelId): SplitShareRule | null {
  const pupils = system.settlements[i]!.pupils[level];
  if (!rules.catchments || !(pupils > 0)) return null;
  const capacities = attendableCapacities(system, rules, i, level);
  if (!maySplit(rules, pupils, capacities)) return null;
  return splitShareRule(pupils, rules.classSize[level], rules.splitAbovePupils, capacities);
}

/** One school's share of a split settlement's pupils of a level. */
export interface SplitShare {
  /** School id. */
  readonly school: string;
  /** Pupils of the share (its day and boarding rows together). */
  readonly pupils: number;
  /** The share in parts of `partPupils` (whole under the rule; as the rows give it otherwise). */
  readonly parts: number;
  /** One-way minutes to the school. */
  readonly travelMinutes: number;
  /** Pupils of the share who board. */
  readonly boarders: number;
}

/** A settlement whose pupils of a level may split, and how the plan splits them. */
export interface SplitSettlement {
  /** Settlement id. */
  readonly settlement: string;
  /** The level. */
  readonly level: LevelId;
  /** The settlement's pupils of the level. */
  readonly pupils: number;
  /** K: the parts the pupils come in. */
  readonly parts: number;
  /** Pupils per part (p / K). */
  readonly partPupils: number;
  /** k: the most schools allowed. */
  readonly maxShares: number;
  /** The schools the plan sends them to, nearest first (rows of at most 1e-6 pupils left out). */
  readonly shares: readonly SplitShare[];
}

/**
 * The split settlements of a layout (catchments on), each with its rule and its shares by school, nearest first.
 * @param system - the school system
 * @param rules - the rules the layout was made under
 * @param assignments - the layout's assignment rows (indices valid for `system`)
 * @returns one entry per settlement and planned level that may split and has rows, in settlement then level order
 */
export function splitSettlements(system: SchoolSystem, rules: PlanRules, assignments: readonly PlannedAssignment[]): SplitSettlement[] {
  const rows = new Map<string, PlannedAssignment[]>();
  for (const row of assignments) {
    if (!(row.pupils > 1e-6)) continue;
    const key = `${row.settlementIndex}:${row.level}`;
    const list = rows.get(key);
    if (list === undefined) rows.set(key, [row]);
    else list.push(row);
  }
  const result: SplitSettlement[] = [];
  system.settlements.forEach((settlement, i) => {
    for (const level of system.levels) {
      const mine = rows.get(`${i}:${level}`);
      if (mine === undefined) continue;
      const rule = splitShareRuleOf(system, rules, i, level);
      if (rule === null) continue;
      const bySchool = new Map<number, { school: string; pupils: number; travelMinutes: number; boarders: number }>();
      for (const row of mine) {
        const share = bySchool.get(row.schoolIndex) ?? { school: row.school, pupils: 0, travelMinutes: row.travelMinutes, boarders: 0 };
        share.pupils += row.pupils;
        if (row.boarding) share.boarders += row.pupils;
        bySchool.set(row.schoolIndex, share);
      }
      const shares = [...bySchool.entries()]
        .sort(([a, x], [b, y]) => x.travelMinutes - y.travelMinutes || a - b)
        .map(([, share]) => ({ ...share, parts: share.pupils / rule.partPupils }));
      result.push({ settlement: settlement.id, level, pupils: settlement.pupils[level], ...rule, shares });
    }
  });
  return result;
}
