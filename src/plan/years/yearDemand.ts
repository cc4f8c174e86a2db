/**
 * Demand per plan year and scenario: each settlement's pupils per level, given directly or moved from the base
 * year by a projection, and the school system of that year and scenario.
 * @module
 */
import { InputError } from "../../errors.ts";
import type { LevelId } from "../../norms/levels.ts";
import type { ProjectionRow } from "../../population/project.ts";
import type { PupilsByLevel, SchoolSystem, Settlement } from "../system/system.ts";

/** The pupils of one plan year under one scenario. */
export interface YearDemand {
  /** The calendar year. */
  readonly year: number;
  /** The scenario id. */
  readonly scenario: string;
  /** Pupils per level by settlement id; every settlement of the system must be present (levels absent count 0). */
  readonly pupils: Readonly<Record<string, Readonly<Partial<Record<LevelId, number>>>>>;
}

/**
 * The system of one year and scenario: the same schools and travel, the settlements' pupils replaced, and each
 * special group's pupils scaled with their settlement's level (so a group stays the same part of its level).
 * @param system - the base system (not changed)
 * @param demand - the year's pupils
 * @returns a new frozen system
 * @throws InputError naming the year, scenario, settlement and level of a missing settlement, a settlement the
 *   system does not have, pupils of a level the system does not plan, or a count that is not a finite number ≥ 0
 */
export function systemForYear(system: SchoolSystem, demand: YearDemand): SchoolSystem {
  const source = `demand ${demand.year} ${demand.scenario}`;
  if (typeof demand.pupils !== "object" || demand.pupils === null) throw new InputError({ source, field: "pupils", value: demand.pupils }, "must map each settlement id to its pupils per level");
  const ids = new Set(system.settlements.map((settlement) => settlement.id));
  for (const id of Object.keys(demand.pupils)) {
    if (!ids.has(id)) throw new InputError({ source, id, field: "pupils", value: id }, "names a settlement the system does not have");
  }
  const settlements = system.settlements.map((settlement, index): Settlement => {
    const given = demand.pupils[settlement.id];
    if (given === undefined || given === null || typeof given !== "object") {
      throw new InputError({ source, index, id: settlement.id, field: "pupils", value: given }, "is missing: give every settlement's pupils for every plan year and scenario");
    }
    const pupils = {} as Record<LevelId, number>;
    for (const [level, value] of Object.entries(given)) {
      if (!system.levels.includes(level as LevelId) && value !== 0) {
        throw new InputError({ source, index, id: settlement.id, field: `pupils.${level}`, value }, `is not a level the system plans (its levels: ${system.levels.join(", ")}): these pupils would be lost`);
      }
    }
    for (const level of Object.keys(settlement.pupils) as LevelId[]) {
      const value = given[level] ?? 0;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new InputError({ source, index, id: settlement.id, field: `pupils.${level}`, value }, "must be a finite number ≥ 0");
      }
      pupils[level] = value;
    }
    const groups: Record<string, PupilsByLevel> = {};
    for (const [group, byLevel] of Object.entries(settlement.groups)) {
      const scaled = {} as Record<LevelId, number>;
      for (const level of Object.keys(byLevel) as LevelId[]) {
        const base = settlement.pupils[level];
        scaled[level] = base > 0 ? (byLevel[level] * pupils[level]) / base : 0;
      }
      groups[group] = Object.freeze(scaled);
    }
    return Object.freeze({ ...settlement, pupils: Object.freeze(pupils), groups: Object.freeze(groups) });
  });
  return Object.freeze({ ...system, settlements: Object.freeze(settlements) });
}

/** How {@link demandFromProjection} moves the base-year pupils. */
export interface ProjectionDemandOptions {
  /** The plan years. */
  readonly years: readonly number[];
  /** The scenario ids (each must be in the projection). */
  readonly scenarios: readonly string[];
  /** The year the system's pupils stand for (default: the projection's first year, e.g. the census 2020). */
  readonly baseYear?: number;
}

/**
 * Each settlement's pupils per plan year and scenario, moved from the system's pupils (the base year) by a
 * projection: pupils(level, year, scenario) = base pupils(level) × projected(level, year, scenario) ÷
 * projected(level, base year, scenario), the projection taken from the row of the settlement's own id where the
 * projection has one (a settlement projection) and otherwise from the sum of all its rows (a county projection).
 * A level the projection gives 0 in the base year keeps its base pupils.
 * @param system - the base system (pupils of the base year)
 * @param rows - projection rows ({@link ProjectionRow}), e.g. `projectCounty(…).rows` or a projection file's `rows`;
 *   they must cover the base year and every plan year and scenario
 * @param options - years, scenarios, base year
 * @returns one {@link YearDemand} per year and scenario, years outer
 * @throws InputError naming the row and field of a malformed row (place, year, scenario, an enrolment of a planned
 *   level that is missing or not a finite number ≥ 0), a row repeating another's place, year and scenario, and
 *   the year and scenario the projection lacks
 */
export function demandFromProjection(system: SchoolSystem, rows: readonly ProjectionRow[], options: ProjectionDemandOptions): YearDemand[] {
  if (!Array.isArray(rows) || rows.length === 0) throw new InputError({ source: "projection", field: "rows", value: rows }, "must be a non-empty array of projection rows");
  checkProjectionRows(rows, system.levels);
  const baseYear = options.baseYear ?? Math.min(...rows.map((r) => r.year));
  const key = (place: string, year: number, scenario: string): string => `${place}\u0000${year}\u0000${scenario}`;
  const byPlace = new Map<string, ProjectionRow>();
  const totals = new Map<string, Record<string, number>>();
  for (const [index, row] of rows.entries()) {
    const k = key(row.place, row.year, row.scenario);
    if (byPlace.has(k)) throw new InputError({ source: "projection", index, field: "place", value: `${row.place} ${row.year} ${row.scenario}` }, "repeats another row's place, year and scenario");
    byPlace.set(k, row);
    const total = totals.get(key("", row.year, row.scenario)) ?? {};
    for (const [level, n] of Object.entries(row.enrolment as Readonly<Record<string, unknown>>)) if (typeof n === "number") total[level] = (total[level] ?? 0) + n;
    totals.set(key("", row.year, row.scenario), total);
  }
  const enrolmentOf = (place: string, year: number, scenario: string): Readonly<Record<string, number>> => {
    const own = byPlace.get(key(place, year, scenario));
    if (own !== undefined) return own.enrolment;
    const total = totals.get(key("", year, scenario));
    if (total === undefined) throw new InputError({ source: "projection", field: "rows", value: `${year} ${scenario}` }, "has no rows for this year and scenario");
    return total;
  };
  const demand: YearDemand[] = [];
  for (const year of options.years) {
    for (const scenario of options.scenarios) {
      const pupils: Record<string, Partial<Record<LevelId, number>>> = {};
      for (const settlement of system.settlements) {
        const now = enrolmentOf(settlement.id, year, scenario);
        const base = enrolmentOf(settlement.id, baseYear, scenario);
        const moved: Partial<Record<LevelId, number>> = {};
        for (const level of Object.keys(settlement.pupils) as LevelId[]) {
          const b = base[level] ?? 0;
          moved[level] = b > 0 ? (settlement.pupils[level] * (now[level] ?? 0)) / b : settlement.pupils[level];
        }
        pupils[settlement.id] = moved;
      }
      demand.push({ year, scenario, pupils });
    }
  }
  return demand;
}

/** Checks each row's place, year, scenario and its enrolment of every planned level. */
function checkProjectionRows(rows: readonly ProjectionRow[], levels: readonly LevelId[]): void {
  rows.forEach((row, index) => {
    const where = { source: "projection", index } as const;
    if (typeof row !== "object" || row === null) throw new InputError({ ...where, field: "row", value: row }, "must be an object with place, year, scenario and enrolment");
    if (typeof row.place !== "string" || row.place === "") throw new InputError({ ...where, field: "place", value: row.place }, "must be a non-empty string");
    if (!Number.isInteger(row.year)) throw new InputError({ ...where, field: "year", value: row.year }, "must be a whole year");
    if (typeof row.scenario !== "string" || row.scenario === "") throw new InputError({ ...where, field: "scenario", value: row.scenario }, "must be a non-empty string");
    if (typeof row.enrolment !== "object" || row.enrolment === null) throw new InputError({ ...where, field: "enrolment", value: row.enrolment }, "must be an object of pupils per level");
    for (const level of levels) {
      const n = (row.enrolment as Partial<Record<LevelId, unknown>>)[level];
      if (typeof n !== "number" || !Number.isFinite(n) || n < 0) throw new InputError({ ...where, field: `enrolment.${level}`, value: n }, "must be a finite number ≥ 0 (every planned level)");
    }
  });
}
