/**
 * Road networks from GeoJSON LineStrings and MultiLineStrings.
 * @module
 */
import type { Feature } from "geojson";
import { InputError } from "../../errors.ts";
import { checkCoordinateSystem, toWgs84, type CoordinateSystem } from "../../io/coordinateSystem.ts";
import { checkFeatureCollection } from "../../io/features.ts";
import { checkAccessorOption, readFeatureValue, type PropertyOrAccessor } from "../../io/values.ts";
import { checkPosition } from "../coordinates.ts";
import { RoadNetworkBuilder } from "./builder.ts";
import type { RoadNetwork } from "./roadNetwork.ts";
import { DEFAULT_ROAD_CLASS, parseMaxSpeed, parseOneway, parseRoadClass, type RoadLocation } from "./roadTags.ts";

/** Options shared by every road network reader. */
export interface RoadNetworkReadOptions {
  /**
   * Whether to join lines where they cross without a shared vertex. Default `false`: crossings without one
   * (bridges, tunnels, flyovers) stay apart, as in OpenStreetMap. With `true`, segments that cross, or where one
   * ends on another's interior, are split there at a new (or that end's) node. Crossings are found in
   * longitude/latitude treated as planar, with a spatial index (Flatbush) of segment boxes.
   */
  readonly nodeCrossings?: boolean;
  /** The input's name in error messages, e.g. a file name. Default `"roads"`. */
  readonly source?: string;
}

/** Options for {@link roadNetworkFromGeoJSON}. */
export interface RoadNetworkOptions extends RoadNetworkReadOptions {
  /** Each road's class: a property name or an accessor. Default the OSM property `"highway"`. */
  readonly roadClass?: PropertyOrAccessor<unknown>;
  /**
   * The class of a road whose class is absent (undefined, null or `""`). Default `"unclassified"`
   * ({@link DEFAULT_ROAD_CLASS}): a minor public road, passable by every travel mode.
   */
  readonly defaultClass?: string;
  /**
   * Each road's posted speed limit: a property name or an accessor, read as OSM `maxspeed` (km/h; `"50 mph"`
   * converted; zone values such as `"CN:urban"` and absent values are NaN: no posted limit). Default `"maxspeed"`.
   */
  readonly maxSpeed?: PropertyOrAccessor<unknown>;
  /**
   * Each road's one-way direction: a property name or an accessor, read as OSM `oneway` (`"yes"` forward in
   * the direction the line is drawn, `"-1"` backward, `"no"` both; absent means both, except on `motorway`
   * and roundabouts). Default `"oneway"`.
   */
  readonly oneway?: PropertyOrAccessor<unknown>;
  /** The property or accessor whose value `"roundabout"` implies one-way. Default `"junction"`. */
  readonly junction?: PropertyOrAccessor<unknown>;
  /**
   * The coordinate system of the input: `wgs84` (default), `gcj02` or `bd09`. Positions are checked as given
   * and converted to WGS-84 before vertices are matched.
   */
  readonly crs?: CoordinateSystem;
}

function featureId(feature: Feature): string | undefined {
  const id = feature.id ?? (feature.properties ?? {})["id"];
  return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
}

/** The position arrays of a line feature's parts, checked for shape. */
function lineParts(feature: Feature, where: RoadLocation): { readonly field: string; readonly positions: unknown[] }[] {
  const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (geometry === null || geometry === undefined || typeof geometry !== "object") {
    throw new InputError({ ...where, field: "geometry", value: geometry }, "missing geometry: a road must be a LineString or MultiLineString");
  }
  const coordinates = geometry.coordinates;
  let parts: { field: string; positions: unknown }[];
  if (geometry.type === "LineString") parts = [{ field: "geometry.coordinates", positions: coordinates }];
  else if (geometry.type === "MultiLineString") {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      throw new InputError({ ...where, field: "geometry.coordinates", value: coordinates }, "a MultiLineString needs at least one line");
    }
    parts = coordinates.map((positions: unknown, k) => ({ field: `geometry.coordinates[${k}]`, positions }));
  } else {
    throw new InputError({ ...where, field: "geometry.type", value: geometry.type }, "a road must be a LineString or MultiLineString");
  }
  for (const { field, positions } of parts) {
    if (!Array.isArray(positions) || positions.length < 2) {
      throw new InputError({ ...where, field, value: positions }, "a line needs at least 2 positions");
    }
  }
  return parts as { field: string; positions: unknown[] }[];
}

/**
 * Reads a road network from a GeoJSON FeatureCollection of LineStrings and MultiLineStrings with OSM-style
 * properties (`highway`, `maxspeed`, `oneway`, `junction`), or properties the caller names. Every vertex
 * becomes a node; vertices with exactly equal coordinates (after conversion to WGS-84) are the same node, so
 * lines connect where they share a vertex, as OSM ways do. Crossings without a shared vertex stay apart unless
 * `nodeCrossings`. Consecutive equal vertices (zero-length segments) are dropped. The input is never mutated.
 * `segmentSource` holds each segment's feature index.
 * @param collection - a parsed GeoJSON FeatureCollection (any value is checked)
 * @param options - property names or accessors, default class, coordinate system, crossings; see {@link RoadNetworkOptions}
 * @returns the network (WGS-84 node coordinates, great-circle segment lengths in metres)
 * @throws InputError naming the source, the feature (index and id), the field and the value when the input is
 *   not a non-empty FeatureCollection; a geometry is null, not a LineString/MultiLineString (a Point, a
 *   Polygon), or a line has fewer than 2 positions; a coordinate is non-numeric or out of range; a class is
 *   not a string; a oneway value is unknown; a maxspeed cannot be read; or an option is malformed
 * @example
 * ```ts
 * const network = roadNetworkFromGeoJSON(JSON.parse(text), { crs: "gcj02", source: "roads.geojson" });
 * ```
 */
export function roadNetworkFromGeoJSON(collection: unknown, options: RoadNetworkOptions = {}): RoadNetwork {
  const source = options.source ?? "roads";
  const crs = checkCoordinateSystem(options.crs ?? "wgs84");
  const roadClass = options.roadClass ?? "highway";
  const maxSpeed = options.maxSpeed ?? "maxspeed";
  const oneway = options.oneway ?? "oneway";
  const junction = options.junction ?? "junction";
  for (const [name, value] of Object.entries({ roadClass, maxSpeed, oneway, junction })) checkAccessorOption(name, value);
  const defaultClass = parseRoadClass(options.defaultClass, DEFAULT_ROAD_CLASS, { source: "options" }, "defaultClass");
  const features = checkFeatureCollection(source, collection);
  const builder = new RoadNetworkBuilder();
  features.forEach((feature, index) => {
    const id = featureId(feature);
    const where: RoadLocation = id === undefined ? { source, index } : { source, index, id };
    const parts = lineParts(feature, where);
    const read = (accessor: PropertyOrAccessor<unknown>, name: string) => readFeatureValue(feature, index, accessor, name);
    const cls = read(roadClass, "roadClass");
    const className = parseRoadClass(cls.value, defaultClass, where, cls.field);
    const direction = read(oneway, "oneway");
    const speed = read(maxSpeed, "maxSpeed");
    const attributes = {
      roadClass: className,
      oneway: parseOneway(direction.value, className, read(junction, "junction").value, where, direction.field),
      maxSpeed: parseMaxSpeed(speed.value, where, speed.field),
      source: index,
    };
    for (const { field, positions } of parts) {
      let previous = -1;
      positions.forEach((position, k) => {
        const path = `${field}[${k}]`;
        if (!Array.isArray(position)) throw new InputError({ ...where, field: path, value: position }, "a position must be [longitude, latitude]");
        const checked = checkPosition({ ...where, field: path }, position[0], position[1], "lonlat");
        const [lon, lat] = crs === "wgs84" ? checked : toWgs84(checked, crs);
        const node = builder.node(`${lon},${lat}`, lon, lat);
        if (previous >= 0) builder.segment(previous, node, attributes);
        previous = node;
      });
    }
  });
  return builder.build(options.nodeCrossings === true);
}
