/**
 * Demand points and sites from GeoJSON FeatureCollections.
 * @module
 */
import type { Feature } from "geojson";
import { InputError } from "../errors.ts";
import type { DemandPointInput, SiteInput } from "../problem.ts";
import { checkCoordinateKind, type CoordinateKind } from "../travel/coordinates.ts";
import { checkCoordinateSystem, convertCoordinates, convertFeatureGeometry, type CoordinateSystem } from "./coordinateSystem.ts";
import { checkFeatureCollection, featurePosition, resolveFeatureId } from "./features.ts";
import { checkAccessorOption, readFeatureFlag, readFeatureNumber, type FeatureLocation, type PropertyOrAccessor } from "./values.ts";

/** Options shared by {@link readDemandPoints} and {@link readSites}. */
export interface ReadLayerOptions {
  /**
   * The property holding each feature's id. Default: `feature.id`, then `properties.id`, then the feature's
   * index as a string. When given, a feature without that property throws. Ids must be unique in the layer.
   */
  readonly id?: string;
  /**
   * How to read the coordinates: `lonlat` (default; GeoJSON's [longitude, latitude] in degrees, range-checked)
   * or `projected` ([x, y] in metres, only finiteness checked). See {@link CoordinateKind}.
   */
  readonly coordinates?: CoordinateKind;
  /** The layer's name in error messages, e.g. a file name. Default `"demand"` or `"sites"`. */
  readonly source?: string;
  /**
   * The geographic coordinate system of the input positions (lonlat only): `wgs84` (default), `gcj02`
   * (AMap/Gaode, Tencent) or `bd09` (Baidu). Positions are checked as given, then converted once to WGS-84 with
   * `gcoord`: the layer's `coordinates` and `features` are WGS-84 from then on. See {@link CoordinateSystem}.
   * Anything other than `wgs84` with `coordinates: "projected"` throws.
   */
  readonly crs?: CoordinateSystem;
}

/** Options for {@link readDemandPoints}. */
export interface ReadDemandOptions extends ReadLayerOptions {
  /**
   * Each demand point's weight (pupils, people): a property name or an accessor. Default: every weight 1.
   * Values must be finite and ≥ 0; numeric strings such as `"4135"` (CSV-derived data) are accepted. A
   * feature without the property throws.
   */
  readonly weight?: PropertyOrAccessor<number>;
}

/** Options for {@link readSites}. */
export interface ReadSiteOptions extends ReadLayerOptions {
  /**
   * Each site's capacity (pupils): a property name or an accessor, ≥ 0 (numeric strings accepted; an
   * accessor may return `Infinity` for an uncapacitated site). Default: every site uncapacitated (`Infinity`).
   * A feature without the property throws.
   */
  readonly capacity?: PropertyOrAccessor<number>;
  /**
   * Each site's fixed (opening or running) cost, e.g. yuan per year: a property name or an accessor, finite
   * and ≥ 0 (numeric strings accepted). Default 0. A feature without the property throws.
   */
  readonly fixedCost?: PropertyOrAccessor<number>;
  /**
   * Whether the site must be open: a boolean property name or an accessor. Accepted values: `true`/`false`,
   * `"true"`/`"false"` (any case), `1`/`0`, `"1"`/`"0"`; an absent or null property means `false`. Default: none required.
   */
  readonly required?: PropertyOrAccessor<boolean>;
  /** Whether the site must stay closed; read as `required`. Default: none forbidden. */
  readonly forbidden?: PropertyOrAccessor<boolean>;
}

/** What {@link readDemandPoints} returns. */
export interface DemandLayer {
  /** Length n: each feature's resolved id (a string) and weight, in feature order. */
  readonly points: DemandPointInput[];
  /** Length 2n: [x0, y0, x1, y1, ...], the point or centroid of each feature ([longitude, latitude] for lonlat). */
  readonly coordinates: Float64Array;
  /**
   * Length n: the input features themselves (not copied deeply, never mutated), in order; when the layer was
   * read with a `crs` other than `wgs84`, new features (same members and properties) with their geometry
   * converted to WGS-84.
   */
  readonly features: readonly Feature[];
  /** How the coordinates were read. */
  readonly coordinateKind: CoordinateKind;
  /** The coordinate system the input was declared in (`coordinates` and `features` are WGS-84 regardless). */
  readonly inputCrs: CoordinateSystem;
}

/** What {@link readSites} returns. */
export interface SiteLayer {
  /** Length m: each feature's resolved id (a string), capacity, fixed cost, required and forbidden flags. */
  readonly sites: SiteInput[];
  /** Length 2m: [x0, y0, x1, y1, ...], the point or centroid of each feature. */
  readonly coordinates: Float64Array;
  /**
   * Length m: the input features themselves (not copied deeply, never mutated), in order; converted copies
   * when read with a `crs` other than `wgs84`, as for {@link DemandLayer.features}.
   */
  readonly features: readonly Feature[];
  /** How the coordinates were read. */
  readonly coordinateKind: CoordinateKind;
  /** The coordinate system the input was declared in (`coordinates` and `features` are WGS-84 regardless). */
  readonly inputCrs: CoordinateSystem;
}

interface LayerRead {
  readonly features: readonly Feature[];
  readonly coordinates: Float64Array;
  readonly kind: CoordinateKind;
  readonly crs: CoordinateSystem;
}

/** Walks a layer: checks the collection, resolves ids and positions, and calls `visit` per feature. */
function readLayer(
  collection: unknown,
  options: ReadLayerOptions,
  defaultSource: string,
  visit: (feature: Feature, where: FeatureLocation & { readonly id: string }) => void,
): LayerRead {
  const source = options.source ?? defaultSource;
  const kind = checkCoordinateKind(options.coordinates ?? "lonlat");
  const crs = checkCoordinateSystem(options.crs ?? "wgs84");
  if (crs !== "wgs84" && kind !== "lonlat") {
    throw new InputError({ source: "options", field: "crs", value: crs }, 'applies to [longitude, latitude] layers only, not to coordinates: "projected"');
  }
  const features = checkFeatureCollection(source, collection);
  const coordinates = new Float64Array(2 * features.length);
  const seen = new Map<string, number>();
  features.forEach((feature, index) => {
    const id = resolveFeatureId(source, index, feature, options.id, seen);
    const where = { source, index, id };
    const [x, y] = featurePosition(where, feature, kind);
    coordinates[2 * index] = x;
    coordinates[2 * index + 1] = y;
    visit(feature, where);
  });
  if (crs === "wgs84") return { features: features.slice(), coordinates, kind, crs };
  return { features: features.map((feature) => convertFeatureGeometry(feature, crs, "wgs84")), coordinates: convertCoordinates(coordinates, crs, "wgs84"), kind, crs };
}

/**
 * Reads demand points from a GeoJSON FeatureCollection of Points, Polygons or MultiPolygons (a polygon stands
 * for the centroid of its vertices). The input is never mutated. Positions declared in GCJ-02 or BD-09
 * (`crs`) are converted to WGS-84 here, once.
 * @param collection - a parsed GeoJSON FeatureCollection (any value is checked)
 * @param options - id property, weight property or accessor, coordinate kind; see {@link ReadDemandOptions}
 * @returns the points (ids and weights), their coordinates and the input features; see {@link DemandLayer}
 * @throws InputError naming the layer, the feature (index and id), the field and the value when the input is
 *   not a FeatureCollection or is empty; a geometry is missing, of another type (MultiPoint included) or has
 *   missing, non-numeric, out-of-range or swapped coordinates; a weight is missing, non-numeric, NaN or
 *   negative; or an id is missing or duplicated; and naming the option for an unknown `crs`, or a `crs` other
 *   than `wgs84` on a projected layer
 * @example
 * ```ts
 * const layer = readDemandPoints(villages, { id: "code", weight: "pupils" });
 * layer.points[0]; // { id: "441625100201", weight: 132 }
 * ```
 */
export function readDemandPoints(collection: unknown, options: ReadDemandOptions = {}): DemandLayer {
  const points: DemandPointInput[] = [];
  const weight = options.weight;
  checkAccessorOption("weight", weight);
  const read = readLayer(collection, options, "demand", (feature, where) => {
    points.push({ id: where.id, weight: weight === undefined ? 1 : readFeatureNumber(feature, where, weight, "weight") });
  });
  return { points, coordinates: read.coordinates, features: read.features, coordinateKind: read.kind, inputCrs: read.crs };
}

/**
 * Reads candidate (or existing) sites from a GeoJSON FeatureCollection of Points, Polygons or MultiPolygons.
 * The input is never mutated. Positions declared in GCJ-02 or BD-09 (`crs`) are converted to WGS-84 here, once.
 * @param collection - a parsed GeoJSON FeatureCollection (any value is checked)
 * @param options - id, capacity, fixed cost, required, forbidden, coordinate kind; see {@link ReadSiteOptions}
 * @returns the sites, their coordinates and the input features; see {@link SiteLayer}
 * @throws InputError naming the layer, the feature (index and id), the field and the value, for the
 *   collection and geometry faults listed at {@link readDemandPoints}, a missing, non-numeric, NaN or negative
 *   capacity or fixed cost, a flag that is not a boolean, or a missing or duplicate id
 * @example
 * ```ts
 * const layer = readSites(schools, { id: "name", capacity: "places", required: "existing" });
 * ```
 */
export function readSites(collection: unknown, options: ReadSiteOptions = {}): SiteLayer {
  const sites: SiteInput[] = [];
  const { capacity, fixedCost, required, forbidden } = options;
  for (const name of ["capacity", "fixedCost", "required", "forbidden"] as const) checkAccessorOption(name, options[name]);
  const read = readLayer(collection, options, "sites", (feature, where) => {
    sites.push({
      id: where.id,
      capacity: capacity === undefined ? Infinity : readFeatureNumber(feature, where, capacity, "capacity", true),
      fixedCost: fixedCost === undefined ? 0 : readFeatureNumber(feature, where, fixedCost, "fixedCost"),
      required: required === undefined ? false : readFeatureFlag(feature, where, required, "required"),
      forbidden: forbidden === undefined ? false : readFeatureFlag(feature, where, forbidden, "forbidden"),
    });
  });
  for (const name of ["required", "forbidden"] as const) checkFlagPropertyExists(read.features, options[name], name, options.source);
  return { sites, coordinates: read.coordinates, features: read.features, coordinateKind: read.kind, inputCrs: read.crs };
}

/**
 * A flag property absent from every feature reads as false everywhere, which hides a misspelt name: that is an
 * error. (Absent on some features only is fine: those read as false.)
 */
function checkFlagPropertyExists(
  features: readonly Feature[],
  accessor: PropertyOrAccessor<boolean> | undefined,
  name: string,
  source: string | undefined,
): void {
  if (typeof accessor !== "string") return;
  if (features.some((feature) => feature.properties != null && accessor in feature.properties)) return;
  throw new InputError(
    { source: source ?? "sites", field: name, value: accessor },
    "no feature has this property (a flag absent everywhere would silently be false everywhere); check its spelling",
  );
}
