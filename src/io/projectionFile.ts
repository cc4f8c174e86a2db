/**
 * A county projection as JSON (projection.json) and as a table (CSV rows): one row per place, year and scenario.
 * Pure: runs unchanged in Node, Deno and browsers.
 * @module
 */
import { LEVELS } from "../norms/levels.ts";
import { MAX_AGE, type CensusUnit } from "../population/census.ts";
import type { EnrolmentRates } from "../population/enrolment.ts";
import type { Scenario } from "../population/scenarios.ts";
import type { Survival } from "../population/survival.ts";
import type { ProjectionRow } from "../population/project.ts";
import { GUANGDONG_BIRTHS } from "../population/births.ts";
import type { CountyProjection } from "../population/projectCounty.ts";
import type { PlanTable, TableColumn } from "./planTables.ts";

/** The `type` member of a projection file. */
export const PROJECTION_FILE_TYPE = "school-layout projection";

/** One row of a projection file: a {@link ProjectionRow} with counts rounded to 3 decimals (expected values). */
export type ProjectionFileRow = ProjectionRow;

/** One year of a projection file's county-wide timeline. */
export interface ProjectionFileYear {
  /** The calendar year. */
  readonly year: number;
  /** The scenario id. */
  readonly scenario: string;
  /** Births (persons); `null` for a base year without a figure. */
  readonly births: number | null;
  /** Children who left the county in the year. */
  readonly outOfCounty: number;
  /** Children who moved from rural places to township seats. */
  readonly toTownshipSeats: number;
  /** Children who moved from township seats to the county seat. */
  readonly toCountySeat: number;
}

/** A projection file's content; see {@link projectionFile}. */
export interface ProjectionFile {
  /** Always {@link PROJECTION_FILE_TYPE}. */
  readonly type: typeof PROJECTION_FILE_TYPE;
  /** Says what the numbers are: a projection under stated assumptions, not data. */
  readonly note: string;
  /** The census unit projected: code, name and city. */
  readonly unit: Pick<CensusUnit, "code" | "name" | "city">;
  /** The year of the base ages (the census). */
  readonly baseYear: number;
  /** The years reported. */
  readonly years: readonly number[];
  /** The scenarios, with their assumptions and sources. */
  readonly scenarios: readonly Scenario[];
  /** The county's births: how they were made, the ratio to the province, and the known years (persons). */
  readonly births: ProjectionFileBirths;
  /** How each census band was split into single years. */
  readonly split: readonly string[];
  /** The label of the split over settlements, or `null` for the county as one place. */
  readonly allocation: string | null;
  /** The county-seat township the settlements' kinds were read with, or `null` (none found, or no settlements). */
  readonly countySeat: string | null;
  /** The settlements as places (empty for the county as one place). */
  readonly places: readonly ProjectionFilePlace[];
  /** The survival used, with its source. */
  readonly survival: Survival;
  /** The enrolment rates used, with their sources. */
  readonly enrolmentRates: EnrolmentRates;
  /** County-wide births and migration per scenario and year. */
  readonly timeline: readonly ProjectionFileYear[];
  /** One row per scenario, year and place. */
  readonly rows: readonly ProjectionFileRow[];
}

/** The births section of a projection file. */
export interface ProjectionFileBirths {
  /** How the county's births were made. */
  readonly rule: string;
  /** The county's census age-0 count per provincial birth counted at age 0. */
  readonly share: number;
  /** Census age-0 children per birth of the series counted at age 0 (1 for the scaled provincial series). */
  readonly ageZeroRatio: number;
  /** The growth of every cohort from age 0 to age 1, from the census. */
  readonly ageOneFactor: number;
  /** Births by year (persons) before the scenarios take over. */
  readonly known: Readonly<Record<string, number>>;
  /** Where each known year's figure comes from: the provincial series' source scaled by `share`, or the county's own. */
  readonly sources: Readonly<Record<string, string>>;
}

/** A settlement of a projection file: its id, what it is for migration, and its township. */
export interface ProjectionFilePlace {
  /** The settlement id. */
  readonly id: string;
  /** `rural`, `townshipSeat` or `countySeat`. */
  readonly kind: string;
  /** Its township, or null. */
  readonly township: string | null;
}

function round3(x: number): number {
  const r = Math.round(x * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * The JSON content of a projection: its unit, years, scenarios, births and their rule, how bands were split, the
 * settlement allocation, survival and enrolment rates with their sources, the county-wide timeline, and `rows`
 * (one per place, year and scenario). Counts are rounded to 3 decimals; the projection is not mutated.
 * @param projection - from {@link projectCounty}
 * @param settlements - the settlements' places and county-seat township (from {@link settlementPlaces}), and the
 *   county's own births (`ownBirths`), to record in the file
 */
export function projectionFile(
  projection: CountyProjection,
  settlements: { readonly places?: readonly { readonly id: string; readonly kind: string; readonly township?: string }[]; readonly countySeat?: string | null; readonly ownBirths?: Readonly<Record<string, number>> } = {},
): ProjectionFile {
  const own = settlements.ownBirths ?? {};
  return {
    type: PROJECTION_FILE_TYPE,
    note: "projection, not data: school-age population under the stated scenarios and assumptions",
    unit: { code: projection.unit.code, name: projection.unit.name, city: projection.unit.city },
    baseYear: projection.baseYear,
    years: projection.years,
    scenarios: projection.scenarios.map((s) => ({ id: s.id, label: s.label, birthsGrowth: s.birthsGrowth, migration: s.migration, source: s.source })),
    births: {
      rule: projection.birthsRule,
      share: projection.birthsShare,
      ageZeroRatio: projection.ageZeroRatio,
      ageOneFactor: projection.ageOneFactor,
      known: Object.fromEntries(Object.entries(projection.births).map(([year, n]) => [year, round3(n)])),
      sources: Object.fromEntries(Object.keys(projection.births).map((year) => {
        if (own[year] !== undefined) return [year, "the county's own figure (--births)"];
        const record = GUANGDONG_BIRTHS.find((r) => String(r.year) === year);
        return [year, `Guangdong births × ${projection.birthsShare.toPrecision(4)}: ${record?.source ?? "the provincial series given"}`];
      })),
    },
    split: projection.splitRules,
    allocation: projection.allocation,
    countySeat: settlements.countySeat ?? null,
    places: (settlements.places ?? []).map((p) => ({ id: p.id, kind: p.kind, township: p.township ?? null })),
    survival: projection.survival,
    enrolmentRates: projection.enrolment,
    timeline: projection.timeline.map((t) => ({
      year: t.year,
      scenario: t.scenario,
      births: t.births === null ? null : round3(t.births),
      outOfCounty: round3(t.flows.outOfCounty),
      toTownshipSeats: round3(t.flows.toTownshipSeats),
      toCountySeat: round3(t.flows.toCountySeat),
    })),
    rows: projection.rows.map((row) => ({
      place: row.place,
      year: row.year,
      scenario: row.scenario,
      ages: row.ages.map(round3),
      enrolment: Object.fromEntries(LEVELS.map((level) => [level, round3(row.enrolment[level])])) as ProjectionRow["enrolment"],
    })),
  };
}

/**
 * The rows of a projection file as a table (name `projection`): `place`, `year`, `scenario`, `age_0` … `age_19`,
 * then one column per level id; write it with {@link tableToCsv}.
 * @param file - from {@link projectionFile}
 */
export function projectionTable(file: ProjectionFile): PlanTable {
  const columns: TableColumn[] = [
    { key: "place", header: "place" },
    { key: "year", header: "year" },
    { key: "scenario", header: "scenario" },
    ...Array.from({ length: MAX_AGE + 1 }, (_, a) => ({ key: `age_${a}`, header: `age_${a}` })),
    ...LEVELS.map((level) => ({ key: level, header: level })),
  ];
  const rows = file.rows.map((row) => ({
    place: row.place,
    year: row.year,
    scenario: row.scenario,
    ...Object.fromEntries(row.ages.map((n, a) => [`age_${a}`, n])),
    ...Object.fromEntries(LEVELS.map((level) => [level, row.enrolment[level] ?? null])),
  }));
  return { name: "projection", columns, rows };
}
