/**
 * Projection scenarios: births beyond the last known year and migration shares, low / medium / high or the
 * caller's own.
 * @module
 */
import { InputError } from "../errors.ts";

/**
 * A share per year: one number for every year, or shares keyed by year where each holds from its year until the
 * next given year (0 before the first).
 */
export type YearShares = number | Readonly<Record<string, number>>;

/** Yearly migration shares of children (ages 0–19 move with their families); each in [0, 1). */
export interface MigrationShares {
  /** The share of a rural place's children who move to their township's seat each year. */
  readonly ruralToTownshipSeat: YearShares;
  /** The share of a township seat's children who move to the county seat each year. */
  readonly townshipSeatToCountySeat: YearShares;
  /** The share of every place's children who leave the county each year. */
  readonly outOfCounty: YearShares;
}

/** One projection scenario. */
export interface Scenario {
  /** Short id used in outputs, e.g. `"medium"`. */
  readonly id: string;
  /** What it assumes, in words. */
  readonly label: string;
  /** The yearly growth of births after the last known year, e.g. −0.02 for 2 % fewer a year. */
  readonly birthsGrowth: number;
  /** The yearly migration shares. */
  readonly migration: MigrationShares;
  /** Where the numbers come from: the built-in scenarios are assumptions of school-layout. */
  readonly source: string;
}

const ASSUMPTION =
  "school-layout assumption, not a forecast: births after the last known year (2024) change by a fixed rate a year " +
  "from the mean of the last two known years; migration shares in line with Guangdong's urbanization rising about 0.5 " +
  "points a year (74.63 % in 2021, 75.91 % in 2024, provincial statistical bulletins)";

/** The three built-in scenarios: low (fewer pupils in the county), medium and high. All are labelled assumptions. */
export const SCENARIOS: Readonly<Record<"low" | "medium" | "high", Scenario>> = Object.freeze({
  low: Object.freeze({
    id: "low",
    label: "births −4 %/yr after 2024; rural → township seat 2.0 %/yr, township seat → county seat 1.5 %/yr, out of the county 1.0 %/yr",
    birthsGrowth: -0.04,
    migration: Object.freeze({ ruralToTownshipSeat: 0.02, townshipSeatToCountySeat: 0.015, outOfCounty: 0.01 }),
    source: ASSUMPTION,
  }),
  medium: Object.freeze({
    id: "medium",
    label: "births −2 %/yr after 2024; rural → township seat 1.5 %/yr, township seat → county seat 1.0 %/yr, out of the county 0.5 %/yr",
    birthsGrowth: -0.02,
    migration: Object.freeze({ ruralToTownshipSeat: 0.015, townshipSeatToCountySeat: 0.01, outOfCounty: 0.005 }),
    source: ASSUMPTION,
  }),
  high: Object.freeze({
    id: "high",
    label: "births flat after 2024; rural → township seat 1.0 %/yr, township seat → county seat 0.5 %/yr, no one leaves the county",
    birthsGrowth: 0,
    migration: Object.freeze({ ruralToTownshipSeat: 0.01, townshipSeatToCountySeat: 0.005, outOfCounty: 0 }),
    source: ASSUMPTION,
  }),
});

/** The ids of the built-in scenarios. */
export const SCENARIO_IDS = ["low", "medium", "high"] as const;

/**
 * The share in force in `year`.
 * @param shares - one number, or shares keyed by year (each holds until the next; 0 before the first)
 * @param year - the year
 */
export function shareInYear(shares: YearShares, year: number): number {
  if (typeof shares === "number") return shares;
  let share = 0;
  let from = -Infinity;
  for (const [key, value] of Object.entries(shares)) {
    const y = Number(key);
    if (y <= year && y > from) {
      from = y;
      share = value;
    }
  }
  return share;
}

function checkShares(value: unknown, source: string, field: string): YearShares {
  const one = (v: unknown, name: string): number => {
    if (typeof v !== "number" || !(v >= 0 && v < 1)) throw new InputError({ source, field: name, value: v }, "must be a share in [0, 1) a year");
    return v;
  };
  if (typeof value === "number") return one(value, field);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError({ source, field, value }, "must be a share a year, or shares keyed by year (e.g. {\"2025\": 0.02, \"2030\": 0.01})");
  }
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!/^\d{4}$/.test(key)) throw new InputError({ source, field: `${field}.${key}`, value: key }, "must be keyed by 4-digit years");
    out[key] = one(v, `${field}.${key}`);
  }
  return out;
}

const MIGRATION_KEYS = ["ruralToTownshipSeat", "townshipSeatToCountySeat", "outOfCounty"] as const;
const SCENARIO_KEYS = ["id", "label", "birthsGrowth", "migration", "source"];

/**
 * Checks a scenario: `id` a short id, `birthsGrowth` a yearly rate in (−1, 1), each migration share in [0, 1) (one
 * number, or shares keyed by 4-digit years).
 * @param scenario - the scenario
 * @param source - the option or file to name in errors
 * @returns the same scenario
 * @throws InputError naming the field and the value
 */
export function checkScenario(scenario: Scenario, source: string): Scenario {
  if (typeof scenario !== "object" || scenario === null) throw new InputError({ source, field: "scenario", value: scenario }, "must be an object");
  if (typeof scenario.id !== "string" || !/^[\w.-]{1,40}$/.test(scenario.id)) throw new InputError({ source, field: "id", value: scenario.id }, "must be a short id (letters, digits, _ . -)");
  const growth = scenario.birthsGrowth;
  if (typeof growth !== "number" || !(growth > -1 && growth < 1)) {
    throw new InputError({ source, field: "birthsGrowth", value: growth }, "must be one yearly rate in (−1, 1), e.g. −0.02 (births by year go in --births)");
  }
  const migration = scenario.migration as unknown;
  if (typeof migration !== "object" || migration === null || Array.isArray(migration)) throw new InputError({ source, field: "migration", value: migration }, "must be an object");
  for (const key of MIGRATION_KEYS) checkShares((migration as Record<string, unknown>)[key], source, `migration.${key}`);
  return scenario;
}

function describeShares(shares: YearShares): string {
  if (typeof shares === "number") return `${(shares * 100).toFixed(1)} %/yr`;
  return Object.entries(shares).map(([year, share]) => `${(share * 100).toFixed(1)} %/yr from ${year}`).join(", ") || "0";
}

/**
 * Reads and checks a scenario from a plain record (e.g. a parsed JSON file): `id` (text), `birthsGrowth` (one
 * yearly rate in (−1, 1)), `migration` with `ruralToTownshipSeat`, `townshipSeatToCountySeat`, `outOfCounty`
 * (each a share a year, or shares keyed by year: each holds from its year until the next given, 0 before the
 * first), optional `label` and `source`. A missing `migration` or share is 0 and says so in the label; any other
 * key is an error (a misspelt key would otherwise be ignored).
 * @param record - the record
 * @param source - the file or option name to quote in errors
 * @returns the scenario; `source` defaults to "user-defined scenario (<source>)"
 * @throws InputError naming the field and value of anything missing, unknown or malformed
 */
export function scenarioFromRecord(record: unknown, source: string): Scenario {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    throw new InputError({ source, field: "(file)", value: record }, "must be a JSON object with id, birthsGrowth and migration");
  }
  const r = record as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!SCENARIO_KEYS.includes(key)) throw new InputError({ source, field: key, value: r[key] }, `is not a scenario field (${SCENARIO_KEYS.join(", ")})`);
  }
  if (typeof r["id"] === "string" && (SCENARIO_IDS as readonly string[]).includes(r["id"])) {
    throw new InputError({ source, field: "id", value: r["id"] }, `is a built-in scenario's id (${SCENARIO_IDS.join(", ")}): name your own scenario differently`);
  }
  if (r["migration"] === undefined) throw new InputError({ source, field: "migration" }, "is missing: give the yearly shares ruralToTownshipSeat, townshipSeatToCountySeat, outOfCounty ({} for no migration)");
  const migration = r["migration"];
  if (typeof migration !== "object" || migration === null || Array.isArray(migration)) throw new InputError({ source, field: "migration", value: migration }, "must be an object");
  const m = migration as Record<string, unknown>;
  for (const key of Object.keys(m)) {
    if (!(MIGRATION_KEYS as readonly string[]).includes(key)) throw new InputError({ source, field: `migration.${key}`, value: m[key] }, `is not a migration share (${MIGRATION_KEYS.join(", ")})`);
  }
  const shares = Object.fromEntries(MIGRATION_KEYS.map((key) => [key, checkShares(m[key] ?? 0, source, `migration.${key}`)])) as unknown as MigrationShares;
  const growth = r["birthsGrowth"];
  const scenario: Scenario = {
    id: r["id"] as string,
    label: "",
    birthsGrowth: growth as number,
    migration: shares,
    source: typeof r["source"] === "string" ? r["source"] : `user-defined scenario (${source})`,
  };
  checkScenario(scenario, source);
  const label = typeof r["label"] === "string" ? r["label"] : `user-defined: births ${((growth as number) * 100).toFixed(1)} %/yr after the last known year; ` +
    `rural → township seat ${describeShares(shares.ruralToTownshipSeat)}, township seat → county seat ${describeShares(shares.townshipSeatToCountySeat)}, ` +
    `out of the county ${describeShares(shares.outOfCounty)}`;
  return { ...scenario, label };
}
