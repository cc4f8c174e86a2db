/**
 * The one place that imports the `geojson` npm package (tabular rows to GeoJSON).
 *
 * `geojson` is CommonJS without types, and the name `geojson` resolves, for types, to `@types/geojson` (the
 * GeoJSON type definitions). A namespace import with one typed cast runs under Node, Deno, vitest and
 * bundlers, and type-checks under tsc and `deno check`.
 * @module
 */
import * as geojsonModule from "geojson";
import type { FeatureCollection, Point } from "geojson";

/** The part of the `geojson` package used here: `GeoJSON.parse(rows, { Point: [latitudeColumn, longitudeColumn] })`. */
export interface GeoJsonPackage {
  /**
   * Turns objects into a FeatureCollection of Points with coordinates `[Number(row[longitude]), Number(row[latitude])]`
   * and every other own property as properties. Mutates `params` (pass a fresh object each time).
   */
  parse(rows: readonly object[], params: { Point: [string, string] }): FeatureCollection<Point>;
}

const namespace = geojsonModule as unknown as { default?: GeoJsonPackage } & Partial<GeoJsonPackage>;

/**
 * The `geojson` package's `GeoJSON` object, whichever way the runtime exposes CommonJS exports.
 * @internal
 */
export const geoJsonPackage: GeoJsonPackage = (typeof namespace.default?.parse === "function" ? namespace.default : namespace) as GeoJsonPackage;
