/**
 * `school-layout service-areas`: per site, the area from which it is reachable on the roads within T minutes, as
 * GeoJSON polygons for maps (an approximation: a hull of the road nodes reached).
 * @module
 */
import type { Command } from "commander";
import { COORDINATE_SYSTEMS, type CoordinateSystem } from "../io/coordinateSystem.ts";
import { readSites } from "../io/index.ts";
import { segmentMinutes, serviceAreas, TRAVEL_MODES, type TravelMode } from "../travel/index.ts";
import { checkOutputPath, readJson, writeText } from "./files.ts";
import type { CliContext } from "./io.ts";
import { parseChoice, parseNonNegativeNumber, parsePositiveNumber } from "./parsers.ts";
import { readRoadNetwork } from "./roads.ts";

/** The options of `service-areas`, as commander parses them. */
export interface ServiceAreasCommandOptions {
  readonly roads: string;
  readonly sites: string;
  readonly minutes: number;
  readonly id?: string;
  readonly mode: TravelMode;
  readonly maxSnap?: number;
  readonly walkSpeed?: number;
  readonly nodeCrossings?: boolean;
  readonly crs: CoordinateSystem;
  readonly out: string;
}

async function runServiceAreas(options: ServiceAreasCommandOptions, context: CliContext): Promise<void> {
  await checkOutputPath(options.out, "--out");
  const sites = readSites(await readJson(options.sites, "--sites"), {
    ...(options.id === undefined ? {} : { id: options.id }),
    source: options.sites,
    crs: options.crs,
  });
  const network = await readRoadNetwork(options.roads, options.crs, options.nodeCrossings ?? false);
  const minutes = segmentMinutes(network, options.mode);
  const areas = serviceAreas(network, minutes, sites.coordinates, options.minutes, {
    ...(options.maxSnap === undefined ? {} : { maxSnapMetres: options.maxSnap }),
    ...(options.walkSpeed === undefined ? {} : { walkSpeedKmPerHour: options.walkSpeed }),
  });
  const features = areas.features.map((feature, j) => ({
    ...feature,
    properties: { ...feature.properties, site: String(sites.sites[j]!.id ?? j), mode: options.mode },
  }));
  const basis = `road network (${network.nodeCount} nodes, ${network.segmentCount} segments), mode ${options.mode}; polygons are hulls of the road nodes reached (an approximation for maps)`;
  await writeText(options.out, `${JSON.stringify({ ...areas, basis, features })}\n`, "--out");
  const unsnapped = areas.features.filter((feature) => feature.geometry === null).length;
  context.streams.stderr.write(
    `service-areas: ${features.length} areas within ${options.minutes} minutes by ${options.mode}` +
      `${unsnapped > 0 ? `; ${unsnapped} ${unsnapped === 1 ? "site is" : "sites are"} too far from a usable road and ${unsnapped === 1 ? "has" : "have"} none` : ""}\n`,
  );
}

/** Registers `service-areas` on the program. */
export function registerServiceAreasCommand(program: Command, context: CliContext): void {
  program
    .command("service-areas")
    .description("per site, the area from which it is reachable within T minutes on the roads (polygons for maps)")
    .requiredOption("--roads <file>", "road network: GeoJSON LineStrings, .osm XML or .osm.pbf")
    .requiredOption("--sites <file>", "sites (schools): GeoJSON")
    .requiredOption("--minutes <t>", "the travel-time threshold in minutes", parseNonNegativeNumber)
    .requiredOption("--out <file>", "GeoJSON of one (Multi)Polygon per site (properties site, facility index, minutes, mode, nodesReached, hull: concave or convex) and a basis member")
    .option("--id <prop>", "property holding the site id (default: feature id, then properties.id, then the index)")
    .option("--mode <mode>", `travel mode: ${TRAVEL_MODES.join(", ")}`, parseChoice(TRAVEL_MODES), "walk")
    .option("--max-snap <metres>", "sites farther than this from a usable road get no area (default 1000)", parseNonNegativeNumber)
    .option("--walk-speed <kmh>", "speed of the walk between the road and a site (default 5)", parsePositiveNumber)
    .option("--node-crossings", "join roads where they cross without a shared vertex")
    .option("--crs <system>", `coordinate system of the sites and GeoJSON roads: ${COORDINATE_SYSTEMS.join(", ")}`, parseChoice(COORDINATE_SYSTEMS), "wgs84")
    .action((options: ServiceAreasCommandOptions) => runServiceAreas(options, context));
}
