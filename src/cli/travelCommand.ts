/**
 * `school-layout travel`: a long-format travel-time table from demand points to sites, on a road network or by
 * the labelled straight-line fallback, in the form `solve --costs` reads.
 * @module
 */
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
import { parseChoice, parseNonNegativeNumber, parsePositiveNumber } from "./parsers.ts";
import { readRoadNetwork } from "./roads.ts";
import { computeTravelMatrix } from "./travelMatrix.ts";

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

/** The table: a `# basis:` comment line, a header, then one row per pair with a time. */
function tableOf(
  basis: string,
  fromIds: readonly string[],
  toIds: readonly string[],
  minutes: CostMatrix,
  metres: CostMatrix | undefined,
  fromLegs: Float64Array | undefined,
  toLegs: Float64Array | undefined,
): { text: string; pairs: number } {
  const lines = [`# basis: ${basis}`, "from,to,minutes,metres,from_leg_metres,to_leg_metres"];
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
  return { text: `${lines.join("\n")}\n`, pairs: lines.length - 2 };
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
): string {
  const lines = [`# basis: ${basis}`, "from,nearest,minutes,metres,from_leg_metres"];
  fromIds.forEach((id, i) => {
    const j = facility[i]!;
    lines.push([csvField(id), j < 0 ? "" : csvField(toIds[j]!), number(minutes[i]), number(metres[i]), number(legs[i])].join(","));
  });
  return `${lines.join("\n")}\n`;
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
  let table: { text: string; pairs: number };
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
      if (options.out === undefined) streams.stdout.write(text);
      else await writeText(options.out, text, "--out");
      return;
    }
    const matrix = await computeTravelMatrix(network, segmentMinutes(network, options.mode), from.coordinates, to.coordinates, {
      ...(options.cutoff === undefined ? {} : { cutoffMinutes: options.cutoff }),
      ...(options.maxSnap === undefined ? {} : { maxSnapMetres: options.maxSnap }),
      ...(options.walkSpeed === undefined ? {} : { walkSpeedKmPerHour: options.walkSpeed }),
      format: "sparse",
    });
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
  streams.stderr.write(`travel: ${table.pairs} of ${total} pairs have a time${options.cutoff === undefined ? "" : ` within ${options.cutoff} minutes`}\n`);
  if (options.out === undefined) streams.stdout.write(table.text);
  else await writeText(options.out, table.text, "--out");
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
    .option("--out <file>", "write the CSV here (default: standard output)")
    .action((options: TravelCommandOptions) => runTravel(options, context));
}
