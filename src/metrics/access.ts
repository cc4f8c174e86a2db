/**
 * Access to school per level: how far pupils travel, county-wide and per township, day pupils and boarders apart.
 * @module
 */
import { CompensatedSum } from "../compensatedSum.ts";
import type { LevelId } from "../norms/levels.ts";
import { exceeds } from "../plan/check/checkPlanInput.ts";
import type { PlannedAssignment } from "../plan/result/result.ts";
import type { PlanRules } from "../plan/rules/rules.ts";
import type { SchoolSystem } from "../plan/system/system.ts";
import { weightedQuantile } from "./distribution.ts";

/** Pupil-weighted figures of a set of one-way trips, minutes. Null where there are no pupils. */
export interface TripFigures {
  /** Pupils of these trips (reachable rows only). */
  readonly pupils: number;
  /** Pupil-weighted mean one-way minutes. */
  readonly meanMinutes: number | null;
  /** Pupil-weighted median one-way minutes: the weighted quantile at 0.5 (see {@link weightedQuantile}). */
  readonly medianMinutes: number | null;
  /** The 90th percentile: the smallest trip that at least 90 % of the pupils do not exceed (see {@link weightedQuantile}). */
  readonly p90Minutes: number | null;
  /** Longest one-way trip of a pupil (rows with pupils > 0). */
  readonly maxMinutes: number | null;
}

/** Access figures of one level in one area (the county or a township). */
export interface LevelAccess {
  /** Pupils of the level living in the area (the system's settlements). */
  readonly pupils: number;
  /** Pupils of the area's settlements on assignment rows of the level. */
  readonly assignedPupils: number;
  /** Pupils of the level without a school: max(0, pupils − assignedPupils). */
  readonly unassignedPupils: number;
  /** Assigned pupils on rows without a travel time (unreachable: Infinity minutes), left out of the trip figures. */
  readonly unreachablePupils: number;
  /** Every assigned pupil's one-way trip: a day pupil's daily trip, a boarder's weekly trip. */
  readonly all: TripFigures;
  /** Day pupils and their daily one-way trip. */
  readonly day: TripFigures;
  /** Boarders and their weekly one-way trip (home to school at the start of the week). */
  readonly boarding: TripFigures;
  /** The level's day-travel limit, minutes (rules `dayTravelLimitMinutes`); null for none. */
  readonly dayLimitMinutes: number | null;
  /** The level's boarding-travel limit, minutes (rules `boardingTravelLimitMinutes`); null for none. */
  readonly boardingLimitMinutes: number | null;
  /**
   * Share of the assigned pupils whose one-way trip to the school they attend is within the day limit (they could
   * travel daily), whether they travel daily or board; null without a day limit or without assigned pupils.
   */
  readonly withinDayLimitShare: number | null;
  /**
   * Share of the assigned pupils whose trip is within the limit of their mode: day pupils within the day limit,
   * boarders within the boarding limit (no limit: within); unreachable rows are not within; null without assigned
   * pupils.
   */
  readonly withinLimitShare: number | null;
}

/** The access figures of one township. */
export interface TownshipAccess {
  /** Township id of the settlements; null for settlements without one. */
  readonly township: string | null;
  /** Per planned level. */
  readonly levels: Readonly<Partial<Record<LevelId, LevelAccess>>>;
}

/** Access figures, county-wide and per township. */
export interface AccessFigures {
  /** County-wide, per planned level. */
  readonly county: Readonly<Partial<Record<LevelId, LevelAccess>>>;
  /** Per township, in order of the first settlement of each township in the system. */
  readonly townships: readonly TownshipAccess[];
}

class Trips {
  readonly minutes: number[] = [];
  readonly pupils: number[] = [];
  max = -Infinity;

  add(minutes: number, pupils: number): void {
    this.minutes.push(minutes);
    this.pupils.push(pupils);
    if (pupils > 0 && minutes > this.max) this.max = minutes;
  }

  figures(): TripFigures {
    const total = new CompensatedSum();
    const weighted = new CompensatedSum();
    for (let k = 0; k < this.minutes.length; k++) {
      total.add(this.pupils[k]!);
      weighted.add(this.pupils[k]! * this.minutes[k]!);
    }
    const pupils = total.value;
    if (!(pupils > 0)) return Object.freeze({ pupils, meanMinutes: null, medianMinutes: null, p90Minutes: null, maxMinutes: null });
    return Object.freeze({
      pupils,
      meanMinutes: weighted.value / pupils,
      medianMinutes: weightedQuantile(this.minutes, this.pupils, 0.5),
      p90Minutes: weightedQuantile(this.minutes, this.pupils, 0.9),
      maxMinutes: this.max === -Infinity ? null : this.max,
    });
  }
}

class LevelTally {
  resident = new CompensatedSum();
  assigned = new CompensatedSum();
  unreachable = new CompensatedSum();
  withinDay = new CompensatedSum();
  withinRules = new CompensatedSum();
  readonly all = new Trips();
  readonly day = new Trips();
  readonly boarding = new Trips();

  constructor(readonly dayLimit: number | null, readonly boardingLimit: number | null) {}

  add(row: PlannedAssignment): void {
    this.assigned.add(row.pupils);
    const minutes = row.travelMinutes;
    if (!Number.isFinite(minutes)) {
      this.unreachable.add(row.pupils);
      return;
    }
    this.all.add(minutes, row.pupils);
    (row.boarding ? this.boarding : this.day).add(minutes, row.pupils);
    if (this.dayLimit === null || !exceeds(minutes, this.dayLimit)) this.withinDay.add(row.pupils);
    const limit = row.boarding ? this.boardingLimit : this.dayLimit;
    if (limit === null || !exceeds(minutes, limit)) this.withinRules.add(row.pupils);
  }

  figures(): LevelAccess {
    const pupils = this.resident.value;
    const assignedPupils = this.assigned.value;
    const share = (part: number): number | null => (assignedPupils > 0 ? part / assignedPupils : null);
    return Object.freeze({
      pupils,
      assignedPupils,
      unassignedPupils: Math.max(0, pupils - assignedPupils),
      unreachablePupils: this.unreachable.value,
      all: this.all.figures(),
      day: this.day.figures(),
      boarding: this.boarding.figures(),
      dayLimitMinutes: this.dayLimit,
      boardingLimitMinutes: this.boardingLimit,
      withinDayLimitShare: this.dayLimit === null ? null : share(this.withinDay.value),
      withinLimitShare: share(this.withinRules.value),
    });
  }
}

function tallies(system: SchoolSystem, rules: PlanRules): Map<LevelId, LevelTally> {
  return new Map(system.levels.map((level) => [level, new LevelTally(rules.dayTravelLimitMinutes[level], rules.boardingTravelLimitMinutes[level])]));
}

function freezeLevels(map: Map<LevelId, LevelTally>): Readonly<Partial<Record<LevelId, LevelAccess>>> {
  const result: Partial<Record<LevelId, LevelAccess>> = {};
  for (const [level, tally] of map) result[level] = tally.figures();
  return Object.freeze(result);
}

/**
 * The access figures of a layout, per planned level, county-wide and per township (a settlement's township):
 * pupils, those without a school, and for all pupils, day pupils and boarders apart the pupil-weighted mean,
 * median, 90th percentile and longest one-way trip (a boarder's trip is weekly), and the shares within the
 * level's limits (rules `dayTravelLimitMinutes`, `boardingTravelLimitMinutes`; within = not beyond the limit by
 * more than checkPlan's tolerance, 1e-6 × max(1, limit)). Minutes are the rows' `travelMinutes`; rows of levels
 * not planned are left out; rows without a travel time (Infinity) are counted as unreachable and left out of the
 * trip figures.
 * @param system - the school system
 * @param assignments - the layout's rows (not mutated; indices assumed valid, see {@link checkLayout})
 * @param rules - the rules in force (travel limits)
 * @returns plain data, JSON-serialisable (null where a figure has no pupils)
 * @example
 * ```ts
 * const access = accessFigures(system, plan.statusQuo.assignments, plan.rules);
 * access.county.primary1to3?.day.p90Minutes;     // 90 % of day pupils of grades 1–3 travel at most this
 * access.county.junior?.boarding.pupils;          // junior boarders
 * access.townships[0].levels.primary1to3?.withinDayLimitShare;
 * ```
 */
export function accessFigures(system: SchoolSystem, assignments: readonly PlannedAssignment[], rules: PlanRules): AccessFigures {
  const county = tallies(system, rules);
  const townshipOrder: (string | null)[] = [];
  const townships = new Map<string | null, Map<LevelId, LevelTally>>();
  for (const settlement of system.settlements) {
    if (!townships.has(settlement.township)) {
      townships.set(settlement.township, tallies(system, rules));
      townshipOrder.push(settlement.township);
    }
    const local = townships.get(settlement.township)!;
    for (const level of system.levels) {
      county.get(level)!.resident.add(settlement.pupils[level]);
      local.get(level)!.resident.add(settlement.pupils[level]);
    }
  }
  for (const row of assignments) {
    const tally = county.get(row.level);
    if (tally === undefined) continue;
    tally.add(row);
    townships.get(system.settlements[row.settlementIndex]!.township)!.get(row.level)!.add(row);
  }
  return Object.freeze({
    county: freezeLevels(county),
    townships: Object.freeze(townshipOrder.map((township) => Object.freeze({ township, levels: freezeLevels(townships.get(township)!) }))),
  });
}
