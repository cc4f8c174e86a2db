/**
 * Equity of access: how unequally travel time falls on pupils (Gini and Theil T of one-way minutes).
 * @module
 */
import type { LevelId } from "../norms/levels.ts";
import type { PlannedAssignment } from "../plan/result/result.ts";
import type { SchoolSystem } from "../plan/system/system.ts";
import { giniCoefficient, theilIndex } from "./distribution.ts";

/** Inequality of one-way travel minutes across pupils. Null where there are no pupils. */
export interface TravelInequality {
  /** Pupils counted (reachable rows). */
  readonly pupils: number;
  /** Pupil-weighted Gini coefficient of one-way minutes (see {@link giniCoefficient}); 0 when all trips are equal. */
  readonly gini: number | null;
  /** Pupil-weighted Theil T index of one-way minutes (see {@link theilIndex}); 0 when all trips are equal. */
  readonly theil: number | null;
}

/** Equity of access of a layout. */
export interface TravelEquity {
  /** Per planned level. */
  readonly levels: Readonly<Partial<Record<LevelId, TravelInequality>>>;
  /** Over the pupils of every planned level together. */
  readonly all: TravelInequality;
}

function inequality(minutes: readonly number[], pupils: readonly number[]): TravelInequality {
  let total = 0;
  for (const p of pupils) total += p;
  return Object.freeze({ pupils: total, gini: giniCoefficient(minutes, pupils), theil: theilIndex(minutes, pupils) });
}

/**
 * The equity of access of a layout: per planned level and over all, the pupil-weighted Gini coefficient and Theil
 * T index of the one-way minutes of every assigned pupil (a day pupil's daily trip, a boarder's weekly trip), so
 * each pupil counts once. Rows without a travel time (unreachable) and rows of levels not planned are left out.
 * Sources: Cowell, F. A. (2011), *Measuring Inequality*, 3rd ed., Oxford University Press (§2.3 Gini, §3.3
 * generalised entropy / Theil); Theil, H. (1967), *Economics and Information Theory*.
 * @param system - the school system (its planned levels)
 * @param assignments - the layout's rows (not mutated)
 * @returns plain data (null indices where there are no pupils)
 * @example
 * ```ts
 * travelEquity(system, plan.assignments).levels.primary1to3?.gini; // 0 when every pupil travels as long
 * ```
 */
export function travelEquity(system: SchoolSystem, assignments: readonly PlannedAssignment[]): TravelEquity {
  const byLevel = new Map<LevelId, { minutes: number[]; pupils: number[] }>(system.levels.map((level) => [level, { minutes: [], pupils: [] }]));
  const allMinutes: number[] = [];
  const allPupils: number[] = [];
  for (const row of assignments) {
    const entry = byLevel.get(row.level);
    if (entry === undefined || !Number.isFinite(row.travelMinutes)) continue;
    entry.minutes.push(Math.max(0, row.travelMinutes));
    entry.pupils.push(row.pupils);
    allMinutes.push(Math.max(0, row.travelMinutes));
    allPupils.push(row.pupils);
  }
  const levels: Partial<Record<LevelId, TravelInequality>> = {};
  for (const [level, entry] of byLevel) levels[level] = inequality(entry.minutes, entry.pupils);
  return Object.freeze({ levels: Object.freeze(levels), all: inequality(allMinutes, allPupils) });
}
