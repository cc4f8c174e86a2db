/**
 * Solutions written back as GeoJSON: the input features with the results added as properties, and one line
 * per assignment.
 * @module
 */
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, LineString } from "geojson";
import { costOf } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import type { ModelName, Solution, SolveStatus } from "../solution.ts";
import { checkCoordinateSystem, convertGeometry, type CoordinateSystem } from "./coordinateSystem.ts";
import type { GeoProblem } from "./geoProblem.ts";

/** What the solution was, written on each output collection as the foreign member `solution` (RFC 7946 §6.1). */
export interface SolutionGeoJSONHeader {
  /** The model solved. */
  readonly model: ModelName;
  /** How the solve ended. */
  readonly status: SolveStatus;
  /** The objective value, or null when no solution was found. */
  readonly objective: number | null;
  /** The best proven bound on the optimum, or null. */
  readonly bound: number | null;
  /** The relative gap between objective and bound (a fraction; 0 when proven optimal), or null. */
  readonly gap: number | null;
  /** Ids of the open sites, in site order. */
  readonly open: readonly string[];
  /** The unit of every `cost` written. */
  readonly costUnit: string;
  /** How the costs were made, assumptions (detour factor, speed) included; see {@link GeoProblem.costBasis}. */
  readonly costBasis: string;
  /**
   * The coordinate system of the geometry, present only when it is not WGS-84 (`gcj02` or `bd09`, as asked
   * with {@link SolutionGeoJSONOptions.crs}). GeoJSON (RFC 7946) assumes WGS-84; such output is for Chinese map
   * services only.
   */
  readonly coordinateSystem?: CoordinateSystem;
}

/** Options for {@link solutionToGeoJSON} and {@link solutionFeatureCollection}. */
export interface SolutionGeoJSONOptions {
  /**
   * The coordinate system of the output geometry: `wgs84` (default; what GeoJSON requires), `gcj02` or `bd09`
   * (for AMap/Gaode, Tencent or Baidu maps). Every geometry is converted from WGS-84 with `gcoord`.
   */
  readonly crs?: CoordinateSystem;
}

/** A FeatureCollection carrying a {@link SolutionGeoJSONHeader} as the foreign member `solution`. */
export interface SolutionCollection<G extends Geometry = Geometry> extends FeatureCollection<G> {
  /** What the solution was and how its costs were made. */
  readonly solution: SolutionGeoJSONHeader;
}

/** The three layers {@link solutionToGeoJSON} writes. */
export interface SolutionGeoJSON {
  /**
   * One feature per site, in input order: the input feature (every property kept) with `open` (boolean),
   * `load` (demand weight served) and `utilization` (load ÷ capacity; null when uncapacitated, or when the
   * capacity is 0 and the load is not).
   */
  readonly sites: SolutionCollection;
  /**
   * One feature per demand point, in input order: the input feature with `site` (the assigned site's id, or
   * null when unassigned; the largest share when split) and `cost` (of that pair, or null).
   */
  readonly demand: SolutionCollection;
  /**
   * One LineString from demand point to site per assignment, or per allocation when the solution splits
   * demand, with `demand` and `site` (ids), `cost` (of the pair) and `amount` (demand weight carried).
   * Polygons are represented by their centroids.
   */
  readonly assignments: SolutionCollection<LineString>;
}

function checkShape(geoProblem: GeoProblem, solution: Solution): void {
  const n = geoProblem.problem.demand.length;
  const m = geoProblem.problem.sites.length;
  const fault = (field: string, value: unknown, expected: string): never => {
    throw new InputError({ source: "solution", field, value }, `does not fit the problem (${n} demand points, ${m} sites): ${expected}`);
  };
  if (solution.assignment?.length !== n) fault("assignment.length", solution.assignment?.length, `must be ${n}`);
  if (solution.load?.length !== m) fault("load.length", solution.load?.length, `must be ${m}`);
  const inRange = (j: number, count: number): boolean => Number.isInteger(j) && j >= 0 && j < count;
  solution.open.forEach((j, k) => inRange(j, m) || fault(`open[${k}]`, j, `a site index in 0..${m - 1}`));
  solution.assignment.forEach((j, i) => j === -1 || inRange(j, m) || fault(`assignment[${i}]`, j, `a site index in 0..${m - 1} or −1`));
  solution.allocations?.forEach((a, k) => {
    if (!inRange(a.demand, n)) fault(`allocations[${k}].demand`, a.demand, `a demand point index in 0..${n - 1}`);
    if (!inRange(a.site, m)) fault(`allocations[${k}].site`, a.site, `a site index in 0..${m - 1}`);
  });
}

/** A new feature: the input's members, its geometry copied (converted to `crs`), its properties plus `added`, and an id. */
function withProperties(feature: Feature, id: string, added: Record<string, unknown>, crs: CoordinateSystem): Feature {
  return {
    ...feature,
    id: feature.id ?? id,
    geometry: crs === "wgs84" ? structuredClone(feature.geometry) : convertGeometry(feature.geometry, "wgs84", crs),
    properties: { ...(feature.properties ?? {}), ...added },
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function collection<G extends Geometry>(features: Feature<G>[], summary: SolutionGeoJSONHeader): SolutionCollection<G> {
  return { type: "FeatureCollection", features, solution: summary };
}

/**
 * Writes a solution as three GeoJSON layers: sites, demand points and assignment lines. The input features
 * are never mutated: every output feature is a new object with every input member and property kept (an
 * input property named like an added one is replaced), and `id` set to the resolved id where the input
 * feature had none. Ids written in `site`, `demand` properties are the resolved ids. Each collection carries
 * a {@link SolutionGeoJSONHeader} (model, status, objective, cost unit and how the costs were made) as the
 * foreign member `solution`. Geometry is WGS-84 (whatever the layers were read in) unless `options.crs` asks
 * for GCJ-02 or BD-09.
 * @param geoProblem - the problem as read by {@link problemFromGeoJSON}
 * @param solution - a solution of `geoProblem.problem`
 * @param options - the output coordinate system; see {@link SolutionGeoJSONOptions}
 * @returns the three layers; see {@link SolutionGeoJSON}
 * @throws InputError when the solution's arrays do not fit the problem (another problem's solution), or
 *   `options.crs` is not a known coordinate system
 * @example
 * ```ts
 * const { sites, demand, assignments } = solutionToGeoJSON(geo, await solvePMedian(geo.problem, { p: 3 }));
 * ```
 */
export function solutionToGeoJSON(geoProblem: GeoProblem, solution: Solution, options: SolutionGeoJSONOptions = {}): SolutionGeoJSON {
  const crs = checkCoordinateSystem(options.crs ?? "wgs84");
  checkShape(geoProblem, solution);
  const { problem } = geoProblem;
  const summary: SolutionGeoJSONHeader = {
    model: solution.model,
    status: solution.status,
    objective: solution.objective,
    bound: solution.bound,
    gap: solution.gap,
    open: solution.open.map((j) => problem.sites[j]!.id),
    costUnit: problem.costs.unit,
    costBasis: geoProblem.costBasis,
    ...(crs === "wgs84" ? {} : { coordinateSystem: crs }),
  };
  const open = new Set(solution.open);
  const sites = geoProblem.sites.features.map((feature, j) => {
    const site = problem.sites[j]!;
    const load = solution.load[j]!;
    const utilization = site.capacity === Infinity ? null : finiteOrNull(load === 0 ? 0 : load / site.capacity);
    return withProperties(feature, site.id, { open: open.has(j), load, utilization }, crs);
  });
  const demand = geoProblem.demand.features.map((feature, i) => {
    const j = solution.assignment[i]!;
    const assigned = j >= 0;
    return withProperties(feature, problem.demand[i]!.id, {
      site: assigned ? problem.sites[j]!.id : null,
      cost: assigned ? finiteOrNull(costOf(problem.costs, i, j)) : null,
    }, crs);
  });
  const shares =
    solution.allocations ??
    Array.from(solution.assignment, (site, i) => ({ demand: i, site, amount: problem.demand[i]!.weight })).filter((a) => a.site >= 0);
  const from = geoProblem.demand.coordinates;
  const to = geoProblem.sites.coordinates;
  const assignments = shares.map(({ demand: i, site: j, amount }): Feature<LineString> => ({
    type: "Feature",
    geometry: convertGeometry<LineString>(
      {
        type: "LineString",
        coordinates: [
          [from[2 * i]!, from[2 * i + 1]!],
          [to[2 * j]!, to[2 * j + 1]!],
        ],
      },
      "wgs84",
      crs,
    ),
    properties: { demand: problem.demand[i]!.id, site: problem.sites[j]!.id, cost: finiteOrNull(costOf(problem.costs, i, j)), amount },
  }));
  return { sites: collection(sites, summary), demand: collection(demand, summary), assignments: collection(assignments, summary) };
}

/** The value of the `layer` property {@link solutionFeatureCollection} adds to each feature. */
export type SolutionLayer = "site" | "demand" | "assignment";

/**
 * Writes a solution as one GeoJSON FeatureCollection (for a single output file): the sites, then the demand
 * points, then the assignment lines of {@link solutionToGeoJSON}, each feature with a `layer` property
 * (`"site"`, `"demand"` or `"assignment"`; see {@link SolutionLayer}), and the {@link SolutionGeoJSONHeader} as the
 * foreign member `solution`. Feature ids are prefixed with the layer (`"site:s1"`, `"demand:v1"`) so that they
 * stay unique across layers; the `id` property keeps the plain id. Geometry is WGS-84 unless `options.crs`
 * asks otherwise.
 * @param geoProblem - the problem as read by {@link problemFromGeoJSON}
 * @param solution - a solution of `geoProblem.problem`
 * @param options - the output coordinate system; see {@link SolutionGeoJSONOptions}
 * @throws InputError when the solution does not fit the problem, or `options.crs` is unknown
 */
export function solutionFeatureCollection(geoProblem: GeoProblem, solution: Solution, options: SolutionGeoJSONOptions = {}): SolutionCollection {
  const layers = solutionToGeoJSON(geoProblem, solution, options);
  // Feature ids are made unique across the layers ("site:s1", "demand:v1"), as map tools key features on them;
  // the `id` property keeps the plain id.
  const tag = (layer: SolutionLayer) => (feature: Feature): Feature => ({
    ...feature,
    ...(feature.id === undefined ? {} : { id: `${layer}:${feature.id}` }),
    properties: { ...(feature.properties as GeoJsonProperties), layer },
  });
  return collection(
    [...layers.sites.features.map(tag("site")), ...layers.demand.features.map(tag("demand")), ...layers.assignments.features.map(tag("assignment"))],
    layers.sites.solution,
  );
}
