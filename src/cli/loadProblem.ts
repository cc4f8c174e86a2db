/**
 * Reading the problem `school-layout solve` is given: a JSON problem, or GeoJSON layers with great-circle
 * metres or a long-format cost table.
 * @module
 */
import type { CostMatrix } from "../costMatrix.ts";
import {
  problemFromGeoJSON,
  readCostTable,
  readDemandPoints,
  readProblemJson,
  readSites,
  type GeoProblem,
} from "../io/index.ts";
import type { Problem } from "../problem.ts";
import { segmentMinutes } from "../travel/index.ts";
import { readJson, readLayer, readText, type LayerTableOptions } from "./files.ts";
import { CliError, type CliStreams } from "./io.ts";
import { readRoadNetwork } from "./roads.ts";
import { computeTravelMatrix, readCostTableBasis } from "./travelMatrix.ts";
import { createCountProgress } from "./progress.ts";
import { flagOf, type SolveCommandOptions } from "./solveOptions.ts";

function costColumns(options: SolveCommandOptions): { from: string; to: string; value: string } {
  const missing = (["costFrom", "costTo", "costValue"] as const).filter((key) => options[key] === undefined);
  if (missing.length > 0) {
    throw new CliError(`--costs needs ${missing.map((key) => `${flagOf(key)} COL`).join(", ")} (the demand-side, site-side and value columns)`);
  }
  return { from: options.costFrom!, to: options.costTo!, value: options.costValue! };
}

/**
 * Reads the problem the options describe: `--problem`, or `--demand` and `--sites` (GeoJSON, CSV or .xlsx; see
 * {@link readLayer}; `longitude`/`latitude` name a table's coordinate columns) with optional `--costs`.
 * @returns the problem, and the GeoJSON layers it came from (null for `--problem`)
 * @throws CliError for missing or clashing options and unreadable files; InputError for bad content
 */
export async function loadProblem(options: SolveCommandOptions & LayerTableOptions, streams: CliStreams): Promise<{ problem: Problem; geo: GeoProblem | null }> {
  if (options.problem !== undefined) {
    const layerFlags = ["demand", "sites", "costs", "roads", "weight", "capacity", "fixedCost", "required", "forbidden", "id"] as const;
    const clash = layerFlags.find((key) => options[key] !== undefined);
    if (clash !== undefined) throw new CliError(`--problem holds the whole problem; drop ${flagOf(clash)}`);
    const problem = readProblemJson(await readJson(options.problem, "--problem"), { source: options.problem });
    return { problem, geo: null };
  }
  if (options.demand === undefined || options.sites === undefined) {
    throw new CliError("give --demand F and --sites F (GeoJSON, CSV or .xlsx), or --problem F.json");
  }
  const columns: LayerTableOptions = {
    ...(options.longitude === undefined ? {} : { longitude: options.longitude }),
    ...(options.latitude === undefined ? {} : { latitude: options.latitude }),
  };
  const demandCollection = await readLayer(options.demand, "--demand", columns);
  const siteCollection = await readLayer(options.sites, "--sites", columns);
  if (options.costs !== undefined && options.roads !== undefined) throw new CliError("give --costs or --roads, not both");
  const demandOptions = {
    source: options.demand,
    crs: options.crs,
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.weight === undefined ? {} : { weight: options.weight }),
  };
  const siteOptions = {
    source: options.sites,
    crs: options.crs,
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
    ...(options.fixedCost === undefined ? {} : { fixedCost: options.fixedCost }),
    ...(options.required === undefined ? {} : { required: options.required }),
    ...(options.forbidden === undefined ? {} : { forbidden: options.forbidden }),
  };
  let costs: CostMatrix | undefined;
  let costBasis: string | undefined;
  if (options.costs !== undefined) {
    const columns = costColumns(options);
    const demandIds = readDemandPoints(demandCollection, demandOptions).points.map((point, i) => String(point.id ?? i));
    const siteIds = readSites(siteCollection, siteOptions).sites.map((site, j) => String(site.id ?? j));
    const text = await readText(options.costs, "--costs");
    costBasis = await readCostTableBasis(options.costs, text);
    costs = readCostTable(text, {
      ...columns,
      demandIds,
      siteIds,
      unit: options.costUnit,
      source: options.costs,
      optionNames: { from: "--cost-from", to: "--cost-to", value: "--cost-value" },
      missing: options.missingPairs === "not-allowed" ? "notAllowed" : "error",
    });
  } else if (options.roads !== undefined) {
    const demandLayer = readDemandPoints(demandCollection, demandOptions);
    const siteLayer = readSites(siteCollection, siteOptions);
    const network = await readRoadNetwork(options.roads, options.crs, options.nodeCrossings ?? false);
    const progress = options.quiet || options.json ? undefined : createCountProgress(streams.stderr, "travel times on the roads (searches)");
    const matrix = await computeTravelMatrix(network, segmentMinutes(network, options.mode), demandLayer.coordinates, siteLayer.coordinates, {
      ...(options.cutoff === undefined ? {} : { cutoffMinutes: options.cutoff }),
      metres: false,
      ...(progress === undefined ? {} : { onProgress: progress.update }),
    }).finally(() => progress?.finish());
    costs = matrix.costs;
    costBasis = matrix.basis;
    const unsnapped = matrix.originSnapping.unsnapped.length + matrix.destinationSnapping.unsnapped.length;
    if (unsnapped > 0 && !options.quiet && !options.json) {
      streams.stderr.write(`solve: ${unsnapped} points are farther than ${matrix.originSnapping.maxDistanceMetres} m from any usable road; they have no travel times\n`);
    }
  }
  const geo = problemFromGeoJSON(demandCollection, siteCollection, {
    demand: demandOptions,
    sites: siteOptions,
    ...(costs === undefined ? {} : { costs }),
    ...(costBasis === undefined ? {} : { costBasis }),
  });
  return { problem: geo.problem, geo };
}
