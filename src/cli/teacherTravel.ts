/**
 * Teachers' travel between schools for `pair` and `communities`: on `--roads` by `--mode` (car by default), from a
 * `--costs` table, or the labelled great-circle fallback at the mode's assumed speed. Node only.
 * @module
 */
import type { Command } from "commander";
import type { CostMatrix } from "../costMatrix.ts";
import { readCostTable } from "../io/costTable.ts";
import { COORDINATE_SYSTEMS, type CoordinateSystem } from "../io/coordinateSystem.ts";
import { FALLBACK_DETOUR_FACTOR, FALLBACK_SPEEDS_KM_PER_HOUR } from "../travel/fallback.ts";
import { segmentMinutes, TRAVEL_MODES, type TravelMode } from "../travel/index.ts";
import { costMatrixFromCoordinates, describeCostMatrixOptions } from "../travel/matrix.ts";
import { InputError } from "../errors.ts";
import { readText } from "./files.ts";
import { CliError, type CliStreams } from "./io.ts";
import { parseChoice } from "./parsers.ts";
import { readRoadNetwork } from "./roads.ts";
import { computeTravelMatrix } from "./travelMatrix.ts";

/** The travel flags both commands share. */
export interface TeacherTravelFlags {
  /** `--roads`: a road network. */
  readonly roads?: string;
  /** `--costs`: a CSV of minutes. */
  readonly costs?: string;
  /** `--mode`: on the roads or for the fallback. */
  readonly mode: TravelMode;
  /** `--crs` of the road network. */
  readonly crs: CoordinateSystem;
}

/** Schools on one side of the matrix: their ids and [longitude, latitude, …]. */
export interface TravelEnds {
  readonly ids: readonly string[];
  readonly coordinates: Float64Array;
}

/**
 * The minutes rows × columns, and how they were made.
 * @param flags - `--roads`, `--costs`, `--mode`, `--crs`
 * @param rows - the matrix's rows
 * @param columns - its columns
 * @param table - the `--costs` columns naming the row's and the column's school (the value column is `minutes`)
 */
export async function teacherTravelMinutes(flags: TeacherTravelFlags, rows: TravelEnds, columns: TravelEnds, table: { readonly from: string; readonly to: string }): Promise<{ matrix: CostMatrix; basis: string }> {
  if (flags.costs !== undefined) {
    const text = await readText(flags.costs, "--costs");
    try {
      const matrix = readCostTable(text, {
        from: table.from, to: table.to, value: "minutes", demandIds: [...rows.ids], siteIds: [...columns.ids], unit: "minutes", source: flags.costs, missing: "notAllowed",
      });
      return { matrix, basis: `minutes from the table ${flags.costs}` };
    } catch (error) {
      throw inSchoolWords(error, flags.costs, table);
    }
  }
  if (flags.roads !== undefined) {
    const network = await readRoadNetwork(flags.roads, flags.crs, false);
    const result = await computeTravelMatrix(network, segmentMinutes(network, flags.mode), rows.coordinates, columns.coordinates, { metres: false });
    return { matrix: result.costs, basis: result.basis };
  }
  const fallback = { unit: "minutes" as const, speedKmPerHour: FALLBACK_SPEEDS_KM_PER_HOUR[flags.mode], detourFactor: FALLBACK_DETOUR_FACTOR };
  return { matrix: costMatrixFromCoordinates(rows.coordinates, columns.coordinates, fallback), basis: `${flags.mode}: no road network: ${describeCostMatrixOptions(fallback)}` };
}

/** A cost-table error in the words of schools and of the flag (the table reader speaks of demand points and sites). */
function inSchoolWords(error: unknown, path: string, table: { readonly from: string; readonly to: string }): unknown {
  if (!(error instanceof InputError)) return error;
  if (/names no column/.test(error.problem)) return new CliError(`--costs "${path}": needs the columns ${table.from}, ${table.to} and minutes (one row per pair of schools); ${error.problem.replace(/^names no column \([^)]*\); /, "")}`);
  return new CliError(`--costs ${new InputError(error.location, error.problem.replace(/\bdemand points?\b/g, "school").replace(/\bsites?\b/g, "school")).message}`);
}

/**
 * Adds the teachers' travel flags (`--roads`, `--costs`, `--mode`, `--crs`) and `--json` to a command.
 * @param command - the command
 * @param columns - the `--costs` table's columns naming the two schools, e.g. `helped, helper`
 */
export function addTeacherTravelFlags(command: Command, columns: string): Command {
  return command
    .option("--roads <file>", "teachers' travel on this road network (GeoJSON LineStrings, .osm or .osm.pbf)")
    .option("--costs <file>", `teachers' travel from a CSV table with columns ${columns}, minutes (a missing pair: none)`)
    .option("--mode <mode>", `travel mode on the roads or for the straight-line fallback: ${TRAVEL_MODES.join(", ")}`, parseChoice(TRAVEL_MODES), "car")
    .option("--crs <system>", `coordinate system of the inputs: ${COORDINATE_SYSTEMS.join(", ")}`, parseChoice(COORDINATE_SYSTEMS), "wgs84")
    .option("--json", "print only the status, objective, bound and gap as JSON");
}

/** What `--json` prints of a solve. */
export interface SolveSummary {
  readonly status: string;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
}

/**
 * Writes the reasons of an infeasible answer on stderr (after `prefix`), and with `json` the status, objective,
 * bound and gap on stdout.
 * @returns whether the JSON was printed (then nothing else should be)
 */
export function reportSolve(streams: CliStreams, prefix: string, result: SolveSummary, json: boolean): boolean {
  if (result.reasons.length > 0) streams.stderr.write(`${prefix}\n${result.reasons.map((r) => `- ${r.code}: ${r.message}\n`).join("")}`);
  if (json) streams.stdout.write(`${JSON.stringify({ status: result.status, objective: result.objective, bound: result.bound, gap: result.gap })}\n`);
  return json;
}
