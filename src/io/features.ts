/**
 * Checks shared by the GeoJSON readers: the collection, each feature's id and its representative point.
 * @module
 */
import { centroid } from "@turf/turf";
import type { Feature, Geometry } from "geojson";
import { InputError } from "../errors.ts";
import { checkUniqueId } from "../problem.ts";
import { checkPosition, type CoordinateKind } from "../travel/coordinates.ts";
import type { FeatureLocation } from "./values.ts";

/**
 * Checks that `collection` is a non-empty GeoJSON FeatureCollection whose features are objects.
 * @param source - the layer name for messages, e.g. `"demand"`
 * @returns its features (the input array itself, not a copy)
 * @throws InputError when it is not a FeatureCollection, has no `features` array, or is empty
 * @internal
 */
export function checkFeatureCollection(source: string, collection: unknown): readonly Feature[] {
  const type = typeof collection === "object" && collection !== null ? (collection as { type?: unknown }).type : undefined;
  if (type !== "FeatureCollection") {
    let hint = "";
    if (type === "Feature") hint = " (got a single Feature: wrap it as { type: \"FeatureCollection\", features: [feature] })";
    else if (Array.isArray(collection)) hint = " (got an array: wrap the features as { type: \"FeatureCollection\", features })";
    throw new InputError(
      { source, field: "type", value: type ?? collection },
      `must be a GeoJSON FeatureCollection${hint}`,
    );
  }
  const features = (collection as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    throw new InputError({ source, field: "features", value: features }, "must be an array of features");
  }
  if (features.length === 0) {
    throw new InputError({ source, field: "features", value: features }, "is empty: the collection must hold at least one feature");
  }
  features.forEach((feature: unknown, index) => {
    if (typeof feature !== "object" || feature === null || (feature as { type?: unknown }).type !== "Feature") {
      throw new InputError({ source, index, field: "type", value: feature }, 'must be a GeoJSON Feature (type "Feature")');
    }
  });
  return features as readonly Feature[];
}

/**
 * Resolves a feature's id and checks it is unique in its layer: the property `idProperty` when given;
 * otherwise `feature.id`, then `properties.id`, then the index as a string.
 * @param seen - ids so far, mapped to their feature index; updated
 * @throws InputError when the named property is missing, the id is not a non-empty string or finite number,
 *   or it duplicates an earlier feature's id (naming both indices)
 * @internal
 */
export function resolveFeatureId(
  source: string,
  index: number,
  feature: Feature,
  idProperty: string | undefined,
  seen: Map<string, number>,
): string {
  const properties = feature.properties ?? {};
  let raw: unknown;
  let field: string;
  if (idProperty !== undefined) {
    if (typeof idProperty !== "string" || idProperty === "") {
      throw new InputError({ source: "options", field: "id", value: idProperty }, "must be the name of a property");
    }
    raw = properties[idProperty] ?? undefined;
    field = `properties.${idProperty}`;
    if (raw === undefined) {
      throw new InputError({ source, index, field, value: raw }, `missing id: the feature has no property ${JSON.stringify(idProperty)}`);
    }
  } else if (feature.id !== undefined && feature.id !== null) {
    raw = feature.id;
    field = "id";
  } else {
    raw = properties["id"] ?? index;
    field = raw === index ? "index" : "properties.id";
  }
  if ((typeof raw !== "string" && typeof raw !== "number") || raw === "" || (typeof raw === "number" && !Number.isFinite(raw))) {
    throw new InputError({ source, index, field, value: raw }, "an id must be a non-empty string or a finite number");
  }
  return checkUniqueId(source, index, raw, seen);
}

/**
 * The point representing a feature: a Point's position, or the centroid of a Polygon's or MultiPolygon's
 * vertices (turf's `centroid`: the mean of the vertices, closing vertices excluded; not the centre of mass).
 * @param kind - `lonlat` checks ranges and swapped pairs; `projected` only finiteness
 * @returns [x, y] (longitude, latitude for lonlat)
 * @throws InputError on a missing geometry, another geometry type (MultiPoint with its own message), or
 *   missing, non-numeric, out-of-range or swapped coordinates, naming the position's path
 * @internal
 */
export function featurePosition(where: FeatureLocation, feature: Feature, kind: CoordinateKind): [number, number] {
  const geometry = feature.geometry as Geometry | null | undefined;
  if (geometry === null || geometry === undefined || typeof geometry !== "object") {
    throw new InputError({ ...where, field: "geometry", value: geometry }, "missing geometry: a Point, Polygon or MultiPolygon is needed");
  }
  switch (geometry.type) {
    case "Point":
      return checkPoint(where, "geometry.coordinates", (geometry as { coordinates?: unknown }).coordinates, kind);
    case "Polygon":
    case "MultiPolygon": {
      checkNested(where, "geometry.coordinates", (geometry as { coordinates?: unknown }).coordinates, geometry.type === "Polygon" ? 2 : 3, kind);
      const [x, y] = centroid(geometry).geometry.coordinates;
      return checkPosition({ ...where, field: "centroid" }, x, y, kind);
    }
    case "MultiPoint":
      throw new InputError(
        { ...where, field: "geometry.type", value: geometry.type },
        "MultiPoint is not supported: one feature must be one place; split it into one Point feature per point",
      );
    default:
      throw new InputError({ ...where, field: "geometry.type", value: (geometry as { type?: unknown }).type }, "must be Point, Polygon or MultiPolygon");
  }
}

function checkPoint(where: FeatureLocation, field: string, coordinates: unknown, kind: CoordinateKind): [number, number] {
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    throw new InputError({ ...where, field, value: coordinates }, "missing coordinates: a position [longitude, latitude] is needed");
  }
  return checkPosition({ ...where, field }, coordinates[0], coordinates[1], kind);
}

/** Checks nested arrays of positions `depth` levels deep (2 for a Polygon's rings, 3 for a MultiPolygon). */
function checkNested(where: FeatureLocation, field: string, value: unknown, depth: number, kind: CoordinateKind): void {
  if (depth === 0) {
    checkPoint(where, field, value, kind);
    return;
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw new InputError({ ...where, field, value }, "missing coordinates: must be a non-empty array");
  }
  value.forEach((child: unknown, k) => checkNested(where, `${field}[${k}]`, child, depth - 1, kind));
}
