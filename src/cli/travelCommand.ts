/**
 * `school-layout travel`: a long-format travel-time table from demand points to sites, on a road network or by
 * the labelled straight-line fallback, in the form `solve --costs` reads: a plain CSV, with how the times were
 * made (the basis), the mode, the cutoff and the counts in a sidecar `F.meta.json` beside it.
 * @module
 */
import { basename } from "node:path";
import type { Command } from "commander";
import { COORDINATE_SYSTEMS, type CoordinateSystem } from "../io/coordinateSystem.ts";
import { readDemandPoints, readSites } from "../io/index.ts";
import {
  costMatrixFromCoordinates,
  describeCostMatrixOptions,
  nearestFacilityTimes,
  segmentMinutes,
  TRAVEL_MODES,
  type TravelMode,
} from "../travel/index.ts";
import { FALLBACK_DETOUR_FACTOR, FALLBACK_SPEEDS_KM_PER_HOUR } from "../travel/fallback.ts";
import { forEachAllowedSite, type CostMatrix } from "../costMatrix.ts";
import { checkOutputPath, readJson, writeText } from "./files.ts";
import { CliError, type CliContext } from "./io.ts";
import { VERSION } from "./main.ts";
import { parseChoice, parseNonNegativeNumber, parsePositiveNumber } from "./parsers.ts";
import { createCountProgress } from "./progress.ts";
import { readRoadNetwork } from "./roads.ts";
import { computeTravelMatrix, costTableMetaPath, writeCostTableMeta, type TravelTableMeta } from "./travelMatrix.ts";

/** The options of `travel`, as commander parses them. */
export interface TravelCommandOptions {
  readonly roads?: string;
  readonly from: string;
  readonly to: string;
  readonly id?: string;
  readonly mode: TravelMode;
  readonly cutoff?: number;
  readonly maxSnap?: number;
  readonly walkSpeed?: number;
  readonly nodeCrossings?: boolean;
  readonly crs: CoordinateSystem;
  readonly speed?: number;
  readonly detour?: number;
  readonly nearest?: boolean;
  readonly out?: string;
}


function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function number(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "" : String(Math.round(value * 1000) / 1000);
}
/** A written table: its text (a plain CSV), its columns, its data rows and how the times were made. */
interface Table {
  readonly text: string;
  readonly columns: readonly string[];
  readonly rows: number;
  readonly basis: string;
}

/** The columns of the pair table and of the `--nearest` table. */
const PAIR_COLUMNS = ["from", "to", "minutes", "metres", "from_leg_metres", "to_leg_metres"] as const;
const NEAREST_COLUMNS = ["from", "nearest", "minutes", "metres", "from_leg_metres"] as const;

/**
 * The table: a header, then one row per pair with a time. Plain CSV (no comment line, which pandas, Excel and
 * QGIS would read as data); the basis goes into the sidecar beside it.
 */
function tableOf(
  basis: string,
  fromIds: readonly string[],
  toIds: readonly string[],
  minutes: CostMatrix,
  metres: CostMatrix | undefined,
  fromLegs: Float64Array | undefined,
  toLegs: Float64Array | undefined,
): Table {
  const lines = [PAIR_COLUMNS.join(",")];
  const metresOf = new Map<number, number>();
  for (let i = 0; i < fromIds.length; i++) {
    metresOf.clear();
    if (metres) forEachAllowedSite(metres, i, (j, value) => metresOf.set(j, value));
    forEachAllowedSite(minutes, i, (j, value) => {
      lines.push(
        [csvField(fromIds[i]!), csvField(toIds[j]!), number(value), number(metresOf.get(j)), number(fromLegs?.[i]), number(toLegs?.[j])].join(","),
      );
    });
  }
  return { text: `${lines.join("\n")}\n`, columns: PAIR_COLUMNS, rows: lines.length - 1, basis };
}

/** The `--nearest` table: one row per demand point with its nearest site (empty where none is reachable). */
function nearestTableOf(
  basis: string,
  fromIds: readonly string[],
  toIds: readonly string[],
  facility: Int32Array,
  minutes: Float64Array,
  metres: Float64Array,
  legs: Float64Array,
): Table {
  const lines = [NEAREST_COLUMNS.join(",")];
  fromIds.forEach((id, i) => {
    const j = facility[i]!;
    lines.push([csvField(id), j < 0 ? "" : csvField(toIds[j]!), number(minutes[i]), number(metres[i]), number(legs[i])].join(","));
  });
  return { text: `${lines.join("\n")}\n`, columns: NEAREST_COLUMNS, rows: lines.length - 1, basis };
}

/**
 * Writes the table to `--out` with its sidecar `--out.meta.json` (basis, mode, cutoff, counts, the program that
 * wrote it), or to standard output plain (the basis is on standard error then).
 */
async function writeTable(table: Table, options: TravelCommandOptions, fromCount: number, toCount: number, context: CliContext): Promise<void> {
  if (options.out === undefined) {
    context.streams.stdout.write(table.text);
    return;
  }
  await writeText(options.out, table.text, "--out");
  const meta: TravelTableMeta = {
    createdBy: `school-layout ${VERSION} travel`,
    table: basename(options.out),
    columns: table.columns,
    basis: table.basis,
    unit: "minutes",
    mode: options.mode,
    roads: options.roads ?? null,
    cutoffMinutes: options.cutoff ?? null,
    from: { file: options.from, count: fromCount },
    to: { file: options.to, count: toCount },
    rows: table.rows,
  };
  await writeCostTableMeta(options.out, meta, "--out");
  context.streams.stderr.write(`travel: wrote ${options.out} and its basis in ${costTableMetaPath(options.out)}\n`);
}

async function runTravel(options: TravelCommandOptions, context: CliContext): Promise<void> {
  const { streams } = context;
  if (options.out !== undefined) await checkOutputPath(options.out, "--out");
  if (options.nearest && options.roads === undefined) throw new CliError("--nearest needs --roads");
  if (options.roads !== undefined && (options.speed !== undefined || options.detour !== undefined)) {
    throw new CliError("--speed and --detour are for the straight-line fallback; with --roads, speeds come from the road classes and --mode");
  }
  const idOption = options.id === undefined ? {} : { id: options.id };
  const from = readDemandPoints(await readJson(options.from, "--from"), { ...idOption, source: options.from, crs: options.crs });
  const to = readSites(await readJson(options.to, "--to"), { ...idOption, source: options.to, crs: options.crs });
  const fromIds = from.points.map((point, i) => String(point.id ?? i));
  const toIds = to.sites.map((site, j) => String(site.id ?? j));
  let table: Table;
  if (options.roads === undefined) {
    const costOptions = {
      metric: "greatCircle" as const,
      unit: "minutes" as const,
      speedKmPerHour: options.speed ?? FALLBACK_SPEEDS_KM_PER_HOUR[options.mode],
      detourFactor: options.detour ?? FALLBACK_DETOUR_FACTOR,
      ...(options.cutoff === undefined ? {} : { cutoff: options.cutoff }),
    };
    const minutes = costMatrixFromCoordinates(from.coordinates, to.coordinates, costOptions);
    const metres = costMatrixFromCoordinates(from.coordinates, to.coordinates, {
      metric: "greatCircle",
      unit: "metres",
      detourFactor: costOptions.detourFactor,
    });
    const basis = `no road network: ${describeCostMatrixOptions(costOptions)}`;
    table = tableOf(basis, fromIds, toIds, minutes, metres, undefined, undefined);
    streams.stderr.write(`travel: ${basis}\n`);
  } else {
    const network = await readRoadNetwork(options.roads, options.crs, options.nodeCrossings ?? false);
    if (options.nearest) {
      const nearest = nearestFacilityTimes(network, segmentMinutes(network, options.mode), from.coordinates, to.coordinates, {
        ...(options.cutoff === undefined ? {} : { cutoffMinutes: options.cutoff }),
        ...(options.maxSnap === undefined ? {} : { maxSnapMetres: options.maxSnap }),
        ...(options.walkSpeed === undefined ? {} : { walkSpeedKmPerHour: options.walkSpeed }),
      });
      const text = nearestTableOf(nearest.basis, fromIds, toIds, nearest.facility, nearest.minutes, nearest.metres, nearest.originSnapping.legMetres);
      const unreached = fromIds.filter((_, i) => nearest.facility[i]! < 0);
      const within = options.cutoff === undefined ? "" : ` within ${options.cutoff} minutes`;
      streams.stderr.write(`travel: ${nearest.basis}\ntravel: ${fromIds.length - unreached.length} of ${fromIds.length} demand points reach a site${within}\n`);
      if (unreached.length > 0) {
        streams.stderr.write(`travel: no site${within} for ${unreached.slice(0, 10).join(", ")}${unreached.length > 10 ? ", ..." : ""}\n`);
      }
      await writeTable(text, options, fromIds.length, toIds.length, context);
      return;
    }
    const progress = createCountProgress(streams.stderr, "travel: searches");
    const matrix = await computeTravelMatrix(network, segmentMinutes(network, options.mode), from.coordinates, to.coordinates, {
      ...(options.cutoff === undefined ? {} : { cutoffMinutes: options.cutoff }),
      ...(options.maxSnap === undefined ? {} : { maxSnapMetres: options.maxSnap }),
      ...(options.walkSpeed === undefined ? {} : { walkSpeedKmPerHour: options.walkSpeed }),
      format: "sparse",
      onProgress: progress.update,
    }).finally(progress.finish);
    table = tableOf(matrix.basis, fromIds, toIds, matrix.costs, matrix.metres, matrix.originSnapping.legMetres, matrix.destinationSnapping.legMetres);
    streams.stderr.write(`travel: ${matrix.basis}\n`);
    const unsnapped = [
      ...matrix.originSnapping.unsnapped.map((i) => `from ${fromIds[i]} (${Math.round(matrix.originSnapping.legMetres[i]!)} m)`),
      ...matrix.destinationSnapping.unsnapped.map((j) => `to ${toIds[j]} (${Math.round(matrix.destinationSnapping.legMetres[j]!)} m)`),
    ];
    if (unsnapped.length > 0) {
      streams.stderr.write(`travel: ${unsnapped.length} points are farther than ${matrix.originSnapping.maxDistanceMetres} m from any usable road and have no times: ${unsnapped.slice(0, 10).join(", ")}${unsnapped.length > 10 ? ", ..." : ""}\n`);
    }
  }
  const total = fromIds.length * toIds.length;
  streams.stderr.write(`travel: ${table.rows} of ${total} pairs have a time${options.cutoff === undefined ? "" : ` within ${options.cutoff} minutes`}\n`);
  await writeTable(table, options, fromIds.length, toIds.length, context);
}

/** Registers `travel` on the program. */
export function registerTravelCommand(program: Command, context: CliContext): void {
  program
    .command("travel")
    .description("travel times from demand points to sites, as a long-format CSV that `solve --costs` reads")
    .option("--roads <file>", "road network: GeoJSON LineStrings (OSM-style highway, maxspeed, oneway), .osm XML or .osm.pbf")
    .requiredOption("--from <file>", "demand points (origins): GeoJSON")
    .requiredOption("--to <file>", "sites (destinations): GeoJSON")
    .option("--id <prop>", "property holding the id in both layers (default: feature id, then properties.id, then the index)")
    .option("--mode <mode>", `travel mode: ${TRAVEL_MODES.join(", ")}`, parseChoice(TRAVEL_MODES), "walk")
    .option("--cutoff <minutes>", "leave out pairs above this many minutes", parseNonNegativeNumber)
    .option("--max-snap <metres>", "points farther than this from a usable road are reported, not snapped (default 1000)", parseNonNegativeNumber)
    .option("--walk-speed <kmh>", "speed of the walk between a point and the road (default 5)", parsePositiveNumber)
    .option("--node-crossings", "join roads where they cross without a shared vertex (default: bridges stay apart)")
    .option("--crs <system>", `coordinate system of the input layers and GeoJSON roads: ${COORDINATE_SYSTEMS.join(", ")}`, parseChoice(COORDINATE_SYSTEMS), "wgs84")
    .option("--speed <kmh>", "without --roads: speed of the straight-line fallback (default by mode)", parsePositiveNumber)
    .option("--detour <factor>", `without --roads: detour factor of the straight-line fallback (default ${FALLBACK_DETOUR_FACTOR})`, parsePositiveNumber)
    .option("--nearest", "with --roads: one row per demand point with its nearest site (from,nearest,minutes,metres,from_leg_metres)")
    .option("--out <file>", "write the CSV here, plain, with its basis (how the times were made), mode, cutoff and counts in <file>.meta.json beside it (default: the CSV to standard output, the basis to standard error)")
    .action((options: TravelCommandOptions) => runTravel(options, context));
}
