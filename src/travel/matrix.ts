/**
 * Cost matrices from coordinates: great-circle or planar distance, in metres, kilometres or minutes at a
 * stated speed and detour factor, dense or restricted to the k nearest sites and/or a cutoff.
 * @module
 */
import { denseCostMatrix, type CostMatrix } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import { checkCoordinateArray } from "./coordinates.ts";
import { checkDetourFactor, haversineFromRadians, minutesPerMetre, radians } from "./distance.ts";
import { checkRowSelection, SparseRowCollector } from "./nearest.ts";

/**
 * How {@link costMatrixFromCoordinates} turns coordinates into costs.
 *
 * The detour factor (and, for minutes, the speed) is an assumption standing in for a road network: it is
 * not measured, and every output built with it should say so; {@link describeCostMatrixOptions} gives the
 * sentence to print.
 */
export interface CostMatrixOptions {
  /**
   * `greatCircle` (default): haversine distance on the mean Earth radius, coordinates [longitude, latitude] in
   * degrees. `planar`: Euclidean distance, coordinates [x, y] in a projected system in metres.
   */
  readonly metric?: "greatCircle" | "planar";
  /** The unit of the costs: `metres` (default), `kilometres`, or `minutes` (needs `speedKmPerHour`). */
  readonly unit?: "metres" | "kilometres" | "minutes";
  /** Travel speed in km/h, finite and > 0; required with `unit: "minutes"` and rejected with the other units. */
  readonly speedKmPerHour?: number;
  /**
   * Road distance ÷ straight-line distance, finite and ≥ 1; default 1. It multiplies every cost, whatever
   * the unit. An assumption: state it with the results.
   */
  readonly detourFactor?: number;
  /**
   * Keep only each demand point's k cheapest sites (a whole number ≥ 1; ties to the lower site index). The
   * result is then a sparse matrix. Default: keep all.
   */
  readonly kNearest?: number;
  /**
   * Keep only pairs costing ≤ cutoff (inclusive), in the output unit. The result is then a sparse matrix.
   * Combines with `kNearest` (the k cheapest among those within the cutoff). Default: keep all.
   */
  readonly cutoff?: number;
}

/** The names {@link CostMatrixOptions} holds; any other name is rejected, as the models reject theirs. */
const COST_MATRIX_OPTION_NAMES: readonly (keyof CostMatrixOptions)[] = [
  "metric",
  "unit",
  "speedKmPerHour",
  "detourFactor",
  "kNearest",
  "cutoff",
];

interface CheckedOptions {
  readonly metric: "greatCircle" | "planar";
  readonly unit: "metres" | "kilometres" | "minutes";
  /** Cost per straight-line metre (or per coordinate unit when planar). */
  readonly scale: number;
  readonly kNearest: number | undefined;
  readonly cutoff: number | undefined;
}

/**
 * Checks {@link CostMatrixOptions} and fills in the defaults.
 * @internal
 */
export function checkCostMatrixOptions(options: CostMatrixOptions = {}): CheckedOptions {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InputError({ source: "options", field: "costMatrixFromCoordinates", value: options }, "must be an options object");
  }
  const known: readonly string[] = COST_MATRIX_OPTION_NAMES;
  for (const name of Object.keys(options)) {
    if (!known.includes(name)) {
      throw new InputError(
        { source: "options", field: name, value: (options as Record<string, unknown>)[name] },
        `is not an option of costMatrixFromCoordinates; it reads ${COST_MATRIX_OPTION_NAMES.join(", ")}`,
      );
    }
  }
  const metric = options.metric ?? "greatCircle";
  if (metric !== "greatCircle" && metric !== "planar") {
    throw new InputError({ source: "options", field: "metric", value: metric }, 'must be "greatCircle" or "planar"');
  }
  const unit = options.unit ?? "metres";
  const detour = checkDetourFactor(options.detourFactor ?? 1);
  let scale: number;
  if (unit === "minutes") {
    if (options.speedKmPerHour === undefined) {
      throw new InputError({ source: "options", field: "speedKmPerHour", value: undefined }, 'is required with unit "minutes"');
    }
    scale = minutesPerMetre(options.speedKmPerHour, detour);
  } else if (unit === "metres" || unit === "kilometres") {
    if (options.speedKmPerHour !== undefined) {
      throw new InputError(
        { source: "options", field: "speedKmPerHour", value: options.speedKmPerHour },
        `applies only with unit "minutes", not "${unit}"`,
      );
    }
    scale = unit === "metres" ? detour : detour / 1000;
  } else {
    throw new InputError({ source: "options", field: "unit", value: unit }, 'must be "metres", "kilometres" or "minutes"');
  }
  const { kNearest, cutoff } = checkRowSelection(options);
  return { metric, unit, scale, kNearest, cutoff };
}

/**
 * Says in words how a cost matrix was made, assumptions included, for reports and output files, e.g.
 * `"great-circle distance × detour factor 1.3 (assumed) at 30 km/h (assumed), in minutes; the 5 nearest sites
 * of each demand point"`.
 * @param options - the options given to {@link costMatrixFromCoordinates}
 * @throws InputError on bad options, as {@link costMatrixFromCoordinates}
 */
export function describeCostMatrixOptions(options: CostMatrixOptions = {}): string {
  const checked = checkCostMatrixOptions(options);
  const detour = options.detourFactor ?? 1;
  let text = checked.metric === "greatCircle" ? "great-circle distance" : "planar (projected) distance";
  text += detour === 1 ? " (no detour factor)" : ` × detour factor ${detour} (assumed)`;
  if (checked.unit === "minutes") text += ` at ${options.speedKmPerHour} km/h (assumed)`;
  text += `, in ${checked.unit}`;
  if (checked.kNearest !== undefined) text += `; the ${checked.kNearest} nearest sites of each demand point`;
  if (checked.cutoff !== undefined) text += `; pairs costing more than ${checked.cutoff} ${checked.unit} not allowed`;
  return text;
}

/** Point coordinates prepared for repeated distance evaluation. */
interface PreparedPoints {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** cos(latitude), great circle only. */
  readonly cosY: Float64Array;
}

function prepare(coordinates: ArrayLike<number>, count: number, metric: CheckedOptions["metric"]): PreparedPoints {
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const cosY = new Float64Array(metric === "greatCircle" ? count : 0);
  for (let k = 0; k < count; k++) {
    if (metric === "greatCircle") {
      x[k] = radians(coordinates[2 * k]!);
      y[k] = radians(coordinates[2 * k + 1]!);
      cosY[k] = Math.cos(y[k]!);
    } else {
      x[k] = coordinates[2 * k]!;
      y[k] = coordinates[2 * k + 1]!;
    }
  }
  return { x, y, cosY };
}

/** Fills `out[j]` with the cost from demand point i to every site j. */
function fillRow(demand: PreparedPoints, i: number, sites: PreparedPoints, options: CheckedOptions, out: Float64Array): void {
  const { scale } = options;
  const xi = demand.x[i]!;
  const yi = demand.y[i]!;
  if (options.metric === "greatCircle") {
    const cosI = demand.cosY[i]!;
    for (let j = 0; j < out.length; j++) {
      out[j] = haversineFromRadians(xi, yi, cosI, sites.x[j]!, sites.y[j]!, sites.cosY[j]!) * scale;
    }
  } else {
    for (let j = 0; j < out.length; j++) {
      const dx = sites.x[j]! - xi;
      const dy = sites.y[j]! - yi;
      out[j] = Math.sqrt(dx * dx + dy * dy) * scale;
    }
  }
}

/**
 * Builds the cost matrix between demand points and sites from their coordinates:
 * `cost(i, j) = distance(i, j) × detourFactor`, converted to the requested unit (÷ 1000 for kilometres,
 * ÷ (speedKmPerHour × 1000 / 60) for minutes).
 *
 * Without `kNearest` and `cutoff` the result is dense (every pair). With either, it is sparse and holds only
 * the kept pairs: the cutoff keeps pairs costing ≤ cutoff (inclusive); kNearest then keeps each demand
 * point's k cheapest of those (ties to the lower site index). A demand point may end with no allowed site
 * when a cutoff is given.
 *
 * The detour factor and the speed are assumptions, not measurements; state them with every result
 * ({@link describeCostMatrixOptions} words them).
 * @param demandCoordinates - flat [x0, y0, x1, y1, ...] of length 2n: [longitude, latitude] in degrees for
 *   `greatCircle`, projected [x, y] in metres for `planar`
 * @param siteCoordinates - flat, length 2m, in the same system
 * @param options - metric, unit, speed, detour factor, kNearest, cutoff; see {@link CostMatrixOptions}
 * @returns an n × m {@link CostMatrix} in `options.unit` (dense or sparse as above)
 * @throws InputError on an odd-length or non-finite coordinate array, a longitude/latitude out of range or
 *   swapped (great circle), or bad options (an unknown option name included, e.g. `speedKmh` or `detour`:
 *   misspelt options are errors, never ignored)
 * @example
 * ```ts
 * const costs = costMatrixFromCoordinates(
 *   Float64Array.of(114.70, 23.79, 114.95, 24.05),
 *   Float64Array.of(114.74, 23.80),
 *   { unit: "minutes", speedKmPerHour: 30, detourFactor: 1.4 },
 * );
 * ```
 */
export function costMatrixFromCoordinates(
  demandCoordinates: ArrayLike<number>,
  siteCoordinates: ArrayLike<number>,
  options: CostMatrixOptions = {},
): CostMatrix {
  const checked = checkCostMatrixOptions(options);
  const kind = checked.metric === "greatCircle" ? "lonlat" : "projected";
  const n = checkCoordinateArray("demandCoordinates", demandCoordinates, kind);
  const m = checkCoordinateArray("siteCoordinates", siteCoordinates, kind);
  const demand = prepare(demandCoordinates, n, checked.metric);
  const sites = prepare(siteCoordinates, m, checked.metric);
  if (checked.kNearest === undefined && checked.cutoff === undefined) {
    const values = new Float64Array(n * m);
    for (let i = 0; i < n; i++) fillRow(demand, i, sites, checked, values.subarray(i * m, (i + 1) * m));
    return denseCostMatrix(values, n, m, checked.unit);
  }
  const row = new Float64Array(m);
  const siteOrder = Int32Array.from({ length: m }, (_, j) => j);
  const collector = new SparseRowCollector(checked);
  for (let i = 0; i < n; i++) {
    fillRow(demand, i, sites, checked, row);
    collector.addRow(siteOrder, row, m);
  }
  return collector.build(m, checked.unit);
}
