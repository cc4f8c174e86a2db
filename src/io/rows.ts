/**
 * Tabular rows (e.g. parsed CSV) to GeoJSON points, through the `geojson` package.
 * @module
 */
import type { FeatureCollection, Point } from "geojson";
import { InputError } from "../errors.ts";
import { checkPosition } from "../travel/coordinates.ts";
import { geoJsonPackage } from "./geojsonPackage.ts";
import { readNumeric } from "./values.ts";

/** Options for {@link rowsToGeoJSON}. */
export interface RowsToGeoJSONOptions {
  /** The column holding each row's longitude in degrees (WGS-84), −180..180; a number or numeric string. */
  readonly longitude: string;
  /** The column holding each row's latitude in degrees (WGS-84), −90..90; a number or numeric string. */
  readonly latitude: string;
  /** The table's name in error messages, e.g. a file name. Default `"rows"`. */
  readonly source?: string;
}

/**
 * Turns table rows (objects, e.g. from `csv-parse` with `columns: true`) into a FeatureCollection of Points,
 * one per row in order, using the `geojson` package (`GeoJSON.parse`). Each feature's properties are the
 * row's other columns, values unchanged (CSV values stay strings; the readers accept numeric strings); the
 * longitude and latitude columns become the geometry and are not repeated as properties. The rows are not
 * mutated.
 * @param rows - the table, one object per row
 * @param options - the longitude and latitude column names; see {@link RowsToGeoJSONOptions}
 * @returns a FeatureCollection of Points with [longitude, latitude] coordinates (empty for no rows)
 * @throws InputError naming the table, the row index, the columns and the values when a row is not an
 *   object, lacks a coordinate column (listing the columns it has), or holds a non-numeric, out-of-range or
 *   swapped coordinate
 * @example
 * ```ts
 * const rows = parse(csvText, { columns: true });
 * const points = rowsToGeoJSON(rows, { longitude: "long", latitude: "lat" });
 * ```
 */
export function rowsToGeoJSON(rows: readonly Record<string, unknown>[], options: RowsToGeoJSONOptions): FeatureCollection<Point> {
  const source = options.source ?? "rows";
  const { longitude, latitude } = options;
  for (const [field, column] of [["longitude", longitude], ["latitude", latitude]] as const) {
    if (typeof column !== "string" || column === "") {
      throw new InputError({ source: "options", field, value: column }, "must be a column name");
    }
  }
  if (!Array.isArray(rows)) throw new InputError({ source, field: "rows", value: rows }, "must be an array of row objects");
  const prepared = rows.map((row: unknown, index) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      throw new InputError({ source, index, field: "row", value: row }, "must be an object of column values");
    }
    const record = row as Record<string, unknown>;
    for (const column of [longitude, latitude]) {
      if (record[column] === undefined) {
        const columns = Object.keys(record).map((key) => JSON.stringify(key)).join(", ");
        throw new InputError({ source, index, field: column, value: undefined }, `no such column; the row's columns are ${columns}`);
      }
    }
    const [x, y] = checkPosition(
      { source, index, field: `${longitude}, ${latitude}` },
      readNumeric(record[longitude]),
      readNumeric(record[latitude]),
      "lonlat",
      `looks swapped: column ${JSON.stringify(longitude)} holds a latitude and ${JSON.stringify(latitude)} a longitude`,
    );
    return { ...record, [longitude]: x, [latitude]: y };
  });
  return geoJsonPackage.parse(prepared, { Point: [latitude, longitude] });
}
