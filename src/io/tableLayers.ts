/**
 * Point layers from tables (CSV text, or the rows of a spreadsheet sheet): a FeatureCollection of Points from a
 * longitude and a latitude column, the other columns as properties, so that the settlement, school and demand
 * readers read a table as they read GeoJSON. Pure: runs unchanged in Node, Deno and browsers (the .xlsx sheet
 * reader is Node-only, in xlsx.node.ts).
 *
 * Column names are the flat property names the layer readers know: for settlements `id`, `name`, `township`,
 * the level ids `kindergarten`, `primary1to3`, `primary4to6`, `junior`, `senior` (pupils), `group:<groupId>:<level>`
 * and `areaKm2`; for schools and candidate sites `id`, `name`, `type`, `tier`, `township`, `existing`,
 * `resourceRoom`, `required`, `forbidden`, `protected`, `classes:<level>`, `classrooms`, `beds`,
 * `maxAddedClassrooms`, `maxAddedBeds` and `cost:<name>`. A header `pupils.<level>` or `pupils_<level>` is read as
 * `<level>` and `classes.<level>` / `classes_<level>` as `classes:<level>`, for tools that cannot write a colon.
 * @module
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import { parse } from "csv-parse/sync";
import { InputError } from "../errors.ts";
import { LEVELS } from "../norms/levels.ts";
import type { TableCell } from "./planTables.ts";
import { readNumeric } from "./values.ts";

/** One data row of a {@link TableRows}. */
export interface TableRow {
  /** The 1-based row number as a spreadsheet shows it (the header is row 1 where the table starts there). */
  readonly rowNumber: number;
  /** The cells by column position; `undefined` for an empty cell. */
  readonly cells: readonly (TableCell | undefined)[];
}

/** A table read from a file: its header and its data rows with their row numbers as a spreadsheet shows them. */
export interface TableRows {
  /** The file name, for messages. */
  readonly source: string;
  /** The column names of the header row, in order. */
  readonly header: readonly string[];
  /** The data rows: the 1-based row number (the header is row 1 where the table starts there) and the cells by column position; `undefined` for an empty cell. */
  readonly rows: readonly TableRow[];
  /** The row number of the header row (1). */
  readonly firstRowNumber: number;
}

/** Options for {@link rowsToPointLayer} and {@link csvToPointLayer}. */
export interface PointLayerOptions {
  /** The file name, for messages. Default `"table"`. */
  readonly source?: string;
  /**
   * The longitude (or x) column, matched case-insensitively. Default the first of `longitude`, `lon`, `lng`,
   * `long`, `x` the header has.
   */
  readonly longitude?: string;
  /** The latitude (or y) column, matched case-insensitively. Default the first of `latitude`, `lat`, `y` the header has. */
  readonly latitude?: string;
}

/** The longitude column names tried, in order, when none is named. */
export const LONGITUDE_COLUMNS: readonly string[] = Object.freeze(["longitude", "lon", "lng", "long", "x"]);
/** The latitude column names tried, in order, when none is named. */
export const LATITUDE_COLUMNS: readonly string[] = Object.freeze(["latitude", "lat", "y"]);

const LEVEL_ALIAS = new RegExp(`^(pupils|classes)[._](${LEVELS.join("|")})$`);

/** The property name of a header: `pupils.junior` / `pupils_junior` → `junior`, `classes.junior` → `classes:junior`. */
function propertyName(header: string): string {
  const match = LEVEL_ALIAS.exec(header);
  if (match === null) return header;
  return match[1] === "pupils" ? match[2]! : `classes:${match[2]!}`;
}

function findColumn(header: readonly string[], named: string | undefined, defaults: readonly string[], axis: string, source: string, option: string): number {
  const lower = header.map((name) => name.trim().toLowerCase());
  const wanted = named === undefined ? defaults : [named];
  for (const name of wanted) {
    const at = lower.indexOf(name.trim().toLowerCase());
    if (at >= 0) return at;
  }
  const have = header.map((name) => JSON.stringify(name)).join(", ");
  throw new InputError(
    { source, field: named ?? axis, ...(named === undefined ? {} : { value: named }) },
    named === undefined
      ? `no ${axis} column: name one ${wanted.map((name) => JSON.stringify(name)).join(", ")} (any case), or give ${option}; the header has ${have}`
      : `no such ${axis} column (${option}); the header has ${have}`,
  );
}

/**
 * Turns a table into a FeatureCollection of Points, one per data row in order: the longitude and latitude
 * columns (see {@link PointLayerOptions}) become `[longitude, latitude]` (numbers; numeric text accepted), every
 * other non-empty cell a property named by its header (text stays text, so `"12"` is read by the layer readers
 * as they read numeric strings; see the module notes for the flat names of per-level figures). Empty cells are
 * absent properties; rows with every cell empty are skipped. The table is not mutated. Coordinates are checked
 * to be numbers here; their range (and the coordinate system) is checked by the layer reader.
 * @param table - the header and rows, e.g. from {@link parseCsvRows} or the Node-only sheet reader
 * @param options - the coordinate columns and the file name
 * @returns the points
 * @throws InputError naming the file, the row (1-based, as a spreadsheet shows it) and the column: a missing
 *   coordinate column (listing the header), an empty or duplicate header, an empty or non-numeric coordinate, a
 *   cell beyond the header
 */
export function rowsToPointLayer(table: TableRows, options: PointLayerOptions = {}): FeatureCollection<Point> {
  const source = options.source ?? table.source ?? "table";
  const header = table.header;
  const headerRow = `${source} row ${table.firstRowNumber}`;
  const seen = new Set<string>();
  for (const [position, name] of header.entries()) {
    if (name.trim() === "") throw new InputError({ source: headerRow, field: `column ${position + 1}` }, "the header cell is empty: name every column");
    const key = propertyName(name.trim());
    if (seen.has(key)) throw new InputError({ source: headerRow, field: name, value: name }, "appears twice in the header");
    seen.add(key);
  }
  const x = findColumn(header, options.longitude, LONGITUDE_COLUMNS, "longitude", source, "--longitude");
  const y = findColumn(header, options.latitude, LATITUDE_COLUMNS, "latitude", source, "--latitude");
  const features: Feature<Point>[] = [];
  for (const { rowNumber, cells } of table.rows) {
    if (cells.every((cell) => cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === ""))) continue;
    const where = `${source} row ${rowNumber}`;
    if (cells.length > header.length && cells.slice(header.length).some((cell) => cell !== undefined && cell !== null && cell !== "")) {
      throw new InputError({ source: where, field: `column ${header.length + 1}`, value: cells[header.length] }, `is beyond the header's ${header.length} columns`);
    }
    const coordinate = (at: number): number => {
      const raw = cells[at];
      const value = readNumeric(raw);
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new InputError({ source: where, field: header[at]!, value: raw ?? "" }, raw === undefined || raw === "" ? "is empty: every row needs a coordinate" : "must be a number (degrees, or the unit of --crs)");
      }
      return value;
    };
    const coordinates: [number, number] = [coordinate(x), coordinate(y)];
    const properties: Record<string, unknown> = {};
    for (const [position, name] of header.entries()) {
      if (position === x || position === y) continue;
      const cell = cells[position];
      if (cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "")) continue;
      properties[propertyName(name.trim())] = typeof cell === "string" ? cell.trim() : cell;
    }
    features.push({ type: "Feature", properties, geometry: { type: "Point", coordinates } });
  }
  return { type: "FeatureCollection", features };
}

/**
 * Parses CSV text (RFC 4180; a UTF-8 byte-order mark is dropped; `,` separated; the first line the header) into
 * a table for {@link rowsToPointLayer}. Every cell stays text.
 * @param text - the CSV text
 * @param source - the file name, for messages
 * @returns the header and rows, row numbers 1-based with the header as row 1
 * @throws InputError naming the file and the line for malformed CSV (an unclosed quote, a row longer than the
 *   header), and for a file with no header
 */
export function parseCsvRows(text: string, source = "table"): TableRows {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count_less: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError({ source: line === undefined ? source : `${source} line ${line}`, field: "csv" }, `is not valid CSV (${(error as Error).message})`);
  }
  const [header, ...rows] = records;
  if (header === undefined || header.every((cell) => cell.trim() === "")) throw new InputError({ source, field: "header" }, "the file is empty: the first line must name the columns");
  return {
    source,
    header: header.map((name) => name.trim()),
    rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells: cells.map((cell) => (cell === "" ? undefined : cell)) })),
    firstRowNumber: 1,
  };
}

/**
 * A point layer from CSV text: {@link parseCsvRows} then {@link rowsToPointLayer}.
 * @param text - the CSV text
 * @param options - the coordinate columns and the file name
 * @returns the points
 * @throws InputError as {@link parseCsvRows} and {@link rowsToPointLayer} do
 */
export function csvToPointLayer(text: string, options: PointLayerOptions = {}): FeatureCollection<Point> {
  return rowsToPointLayer(parseCsvRows(text, options.source ?? "table"), options);
}
