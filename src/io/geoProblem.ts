/**
 * A {@link Problem} built from two GeoJSON layers, with the layers kept for writing results back.
 * @module
 */
import type { CostMatrix } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import { createProblem, type Problem } from "../problem.ts";
import { costMatrixFromCoordinates, describeCostMatrixOptions, type CostMatrixOptions } from "../travel/matrix.ts";
import type { CoordinateSystem } from "./coordinateSystem.ts";
import { readDemandPoints, readSites, type DemandLayer, type ReadDemandOptions, type ReadSiteOptions, type SiteLayer } from "./geojson.ts";

/** A problem read from GeoJSON, with the layers it came from. */
export interface GeoProblem {
  /** The checked problem: demand points, sites and costs in feature order. */
  readonly problem: Problem;
  /** The demand layer: features, coordinates and resolved ids. */
  readonly demand: DemandLayer;
  /** The site layer: features, coordinates and resolved ids. */
  readonly sites: SiteLayer;
  /**
   * How the costs were made, in words, assumptions included (e.g. `"great-circle distance × detour factor 1.3
   * (assumed), in metres"`, or `"cost matrix given by the caller, in metres"`). Written into outputs.
   */
  readonly costBasis: string;
}

/** Options for {@link problemFromGeoJSON}. */
export interface GeoProblemOptions {
  /** How to read the demand layer; see {@link ReadDemandOptions}. */
  readonly demand?: ReadDemandOptions;
  /** How to read the site layer; see {@link ReadSiteOptions}. */
  readonly sites?: ReadSiteOptions;
  /**
   * The costs: a ready n × m matrix (e.g. from {@link readCostTable}; rows in demand feature order, columns in
   * site feature order), or options for {@link costMatrixFromCoordinates}. Default: great-circle metres for
   * lonlat layers, planar metres for projected ones.
   */
  readonly costs?: CostMatrix | CostMatrixOptions;
  /**
   * How a ready matrix in `costs` was made, e.g. the `basis` of a road-network travel-time matrix; recorded as
   * {@link GeoProblem.costBasis} and in every output. Default: "cost matrix given by the caller, in <unit>".
   * Ignored when the costs are computed here (their basis is described exactly).
   */
  readonly costBasis?: string;
  /**
   * The coordinate system of both layers' input positions (`wgs84`, `gcj02` or `bd09`; default `wgs84`),
   * converted once to WGS-84 when read. A layer's own `crs` option (`demand.crs`, `sites.crs`) takes
   * precedence. See {@link CoordinateSystem}.
   */
  readonly crs?: CoordinateSystem;
}

function isCostMatrix(value: CostMatrix | CostMatrixOptions): value is CostMatrix {
  return "kind" in value && (value.kind === "dense" || value.kind === "sparse");
}

/**
 * Reads demand points and sites from GeoJSON and builds the problem between them. Without `costs`, the cost
 * of a pair is the great-circle distance in metres (planar metres when the layers are read as `projected`).
 * The inputs are never mutated. Layers declared in GCJ-02 or BD-09 (`crs`) are converted to WGS-84 once, here;
 * the costs and the returned layers are WGS-84.
 * @param demand - a GeoJSON FeatureCollection of demand points (Points or polygons)
 * @param sites - a GeoJSON FeatureCollection of candidate sites (Points or polygons)
 * @param options - reader options per layer and the costs; see {@link GeoProblemOptions}
 * @returns the problem and both layers; see {@link GeoProblem}
 * @throws InputError from the readers (naming the layer, feature, field and value); when the layers' coordinate
 *   kinds differ; when a metric does not suit the coordinates (great circle on projected data, planar on
 *   longitude/latitude); or when a given matrix's shape does not match the layers
 * @example
 * ```ts
 * const { problem } = problemFromGeoJSON(villages, seats, {
 *   demand: { id: "code", weight: "pupils" },
 *   sites: { id: "code", capacity: "places" },
 *   costs: { unit: "minutes", speedKmPerHour: 30, detourFactor: 1.4 },
 * });
 * ```
 */
export function problemFromGeoJSON(demand: unknown, sites: unknown, options: GeoProblemOptions = {}): GeoProblem {
  const crs = options.crs;
  const demandLayer = readDemandPoints(demand, crs === undefined ? options.demand : { crs, ...options.demand });
  const siteLayer = readSites(sites, crs === undefined ? options.sites : { crs, ...options.sites });
  const kind = demandLayer.coordinateKind;
  if (siteLayer.coordinateKind !== kind) {
    throw new InputError(
      { source: "options", field: "sites.coordinates", value: siteLayer.coordinateKind },
      `must match the demand layer's coordinates ("${kind}")`,
    );
  }
  const given = options.costs ?? {};
  let costs: CostMatrix;
  let costBasis: string;
  if (isCostMatrix(given)) {
    costs = given;
    costBasis = options.costBasis ?? `cost matrix given by the caller, in ${given.unit}`;
  } else {
    const metric = given.metric ?? (kind === "projected" ? "planar" : "greatCircle");
    if ((metric === "greatCircle") !== (kind === "lonlat")) {
      throw new InputError(
        { source: "options", field: "costs.metric", value: metric },
        kind === "lonlat"
          ? 'planar distance needs projected coordinates (read the layers with coordinates: "projected")'
          : "great-circle distance needs [longitude, latitude] coordinates, but the layers are projected",
      );
    }
    const costOptions: CostMatrixOptions = { ...given, metric };
    costs = costMatrixFromCoordinates(demandLayer.coordinates, siteLayer.coordinates, costOptions);
    costBasis = describeCostMatrixOptions(costOptions);
  }
  const problem = createProblem({ demand: demandLayer.points, sites: siteLayer.sites, costs });
  return { problem, demand: demandLayer, sites: siteLayer, costBasis };
}
