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
  type DemandLayer,
  type GeoProblem,
  type ReadDemandOptions,
  type ReadSiteOptions,
  type SiteLayer,
} from "../io/index.ts";
import type { Problem } from "../problem.ts";
import { segmentMinutes } from "../travel/index.ts";
import { explainLayerError, readJson, readLayer, readText, type LayerFile, type LayerTableOptions } from "./files.ts";
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
 * @throws CliError for missing or clashing options and unreadable files; InputError for bad content, naming the
 *   flag and the file, and the feature and the property of a GeoJSON layer or the row (1-based, as a spreadsheet
 *   shows it) and the column of a CSV/.xlsx one
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
  const demand = await readLayer(options.demand, "--demand", columns);
  const sites = await readLayer(options.sites, "--sites", columns);
  if (options.costs !== undefined && options.roads !== undefined) throw new CliError("give --costs or --roads, not both");
  try {
    const geo = await problemFromLayers(demand, sites, options, streams);
    return { problem: geo.problem, geo };
  } catch (error) {
    throw explainLayerError(error, [demand, sites], options.id);
  }
}

/** The travel costs of a solve on layers, and how they were made; undefined for the default great-circle metres. */
interface LayerCosts {
  readonly costs: CostMatrix;
  readonly basis?: string;
}

/** The demand and site reader options the flags give (`--id`, `--weight`, `--capacity`, …). */
function readerOptions(demand: LayerFile, sites: LayerFile, options: SolveCommandOptions): { demand: ReadDemandOptions; sites: ReadSiteOptions } {
  const id = options.id === undefined ? {} : { id: options.id };
  return {
    demand: { source: demand.name, crs: options.crs, ...id, ...(options.weight === undefined ? {} : { weight: options.weight }) },
    sites: {
      source: sites.name,
      crs: options.crs,
      ...id,
      ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
      ...(options.fixedCost === undefined ? {} : { fixedCost: options.fixedCost }),
      ...(options.required === undefined ? {} : { required: options.required }),
      ...(options.forbidden === undefined ? {} : { forbidden: options.forbidden }),
    },
  };
}

/** The `--costs` table, matched to the layers' ids. */
async function costsFromTable(demand: DemandLayer, sites: SiteLayer, options: SolveCommandOptions, path: string): Promise<LayerCosts> {
  const columns = costColumns(options);
  const text = await readText(path, "--costs");
  const basis = await readCostTableBasis(path, text);
  const costs = readCostTable(text, {
    ...columns,
    demandIds: demand.points.map((point, i) => String(point.id ?? i)),
    siteIds: sites.sites.map((site, j) => String(site.id ?? j)),
    unit: options.costUnit,
    source: path,
    optionNames: { from: "--cost-from", to: "--cost-to", value: "--cost-value" },
    missing: options.missingPairs === "not-allowed" ? "notAllowed" : "error",
  });
  return { costs, ...(basis === undefined ? {} : { basis }) };
}

/** Travel minutes on the `--roads` network by `--mode`, noting on stderr the points no usable road is near. */
async function costsOnRoads(demand: DemandLayer, sites: SiteLayer, options: SolveCommandOptions, path: string, streams: CliStreams): Promise<LayerCosts> {
  const network = await readRoadNetwork(path, options.crs, options.nodeCrossings ?? false);
  const progress = options.quiet || options.json ? undefined : createCountProgress(streams.stderr, "travel times on the roads (searches)");
  const matrix = await computeTravelMatrix(network, segmentMinutes(network, options.mode), demand.coordinates, sites.coordinates, {
    ...(options.cutoff === undefined ? {} : { cutoffMinutes: options.cutoff }),
    metres: false,
    ...(progress === undefined ? {} : { onProgress: progress.update }),
  }).finally(() => progress?.finish());
  const unsnapped = matrix.originSnapping.unsnapped.length + matrix.destinationSnapping.unsnapped.length;
  if (unsnapped > 0 && !options.quiet && !options.json) {
    streams.stderr.write(`solve: ${unsnapped} points are farther than ${matrix.originSnapping.maxDistanceMetres} m from any usable road; they have no travel times\n`);
  }
  return { costs: matrix.costs, basis: matrix.basis };
}

/**
 * Builds the problem from the `--demand` and `--sites` layers, with great-circle metres, the `--costs` table or
 * travel times on the `--roads` network.
 * @throws CliError for missing `--cost-*` columns and unreadable files; InputError naming the layer (its
 *   {@link LayerFile.name}), the feature and the field for bad layer content, and the file for a bad cost table
 */
async function problemFromLayers(demand: LayerFile, sites: LayerFile, options: SolveCommandOptions, streams: CliStreams): Promise<GeoProblem> {
  const readers = readerOptions(demand, sites, options);
  let given: LayerCosts | undefined;
  if (options.costs !== undefined || options.roads !== undefined) {
    const demandLayer = readDemandPoints(demand.collection, readers.demand);
    const siteLayer = readSites(sites.collection, readers.sites);
    given = options.costs !== undefined
      ? await costsFromTable(demandLayer, siteLayer, options, options.costs)
      : await costsOnRoads(demandLayer, siteLayer, options, options.roads!, streams);
  }
  return problemFromGeoJSON(demand.collection, sites.collection, {
    ...readers,
    ...(given === undefined ? {} : { costs: given.costs, ...(given.basis === undefined ? {} : { costBasis: given.basis }) }),
  });
}
