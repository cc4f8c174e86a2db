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
 *
 * {@link tableToPointLayer} also records each feature's row and each property's column, so that an error the
 * layer readers raise about a feature and a property can be restated as the row and the column of the file
 * ({@link tableLocation}, {@link tableRowReferences}).
 * @module
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import { parse } from "csv-parse/sync";
import { InputError, type InputLocation } from "../errors.ts";
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
 * Where the features of a point layer read from a table came from, so that a message about a feature and a
 * property can name the row and the column instead (see {@link tableLocation}).
 */
export interface TableOrigin {
  /** The table's name in messages: the `source` the layer was read with. */
  readonly source: string;
  /** For each feature, in order: its 1-based row number as a spreadsheet shows it (the header is row 1 where the table starts there). */
  readonly rowNumbers: readonly number[];
  /** Property name → the header of the column it came from, as the file spells it (e.g. `junior` → `"pupils.junior"`). */
  readonly columns: Readonly<Record<string, string>>;
  /** The header of the longitude column. */
  readonly longitude: string;
  /** The header of the latitude column. */
  readonly latitude: string;
}

/** A point layer read from a table, with where each feature and property came from. */
export interface TablePointLayer {
  /** The points, one per non-blank data row; see {@link rowsToPointLayer}. */
  readonly layer: FeatureCollection<Point>;
  /** The row of each feature and the column of each property. */
  readonly origin: TableOrigin;
}

function isBlank(cell: TableCell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** Checks the header (no empty or repeated column) and maps each property name to its header. */
function headerColumns(header: readonly string[], headerRow: string): Map<string, string> {
  const columns = new Map<string, string>();
  for (const [position, name] of header.entries()) {
    if (name.trim() === "") throw new InputError({ source: headerRow, field: `column ${position + 1}` }, "the header cell is empty: name every column");
    const key = propertyName(name.trim());
    if (columns.has(key)) throw new InputError({ source: headerRow, field: name, value: name }, "appears twice in the header");
    columns.set(key, name.trim());
  }
  return columns;
}

/** One data row as a Point feature: the coordinates from columns `x` and `y`, the other non-empty cells as properties. */
function rowFeature(header: readonly string[], cells: readonly (TableCell | undefined)[], x: number, y: number, where: string): Feature<Point> {
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
    const cell = cells[position];
    if (position === x || position === y || isBlank(cell)) continue;
    properties[propertyName(name.trim())] = typeof cell === "string" ? cell.trim() : cell;
  }
  return { type: "Feature", properties, geometry: { type: "Point", coordinates } };
}

/**
 * Turns a table into a FeatureCollection of Points as {@link rowsToPointLayer} does, and records where each
 * feature and property came from: the row number of each feature and the header of each property's column, for
 * {@link tableLocation} to restate a layer reader's error about a feature in rows and columns.
 * @param table - the header and rows, e.g. from {@link parseCsvRows} or the Node-only sheet reader
 * @param options - the coordinate columns and the table's name in messages (default the table's `source`)
 * @returns the points, and their origin (`origin.source` is the name the layer should be read with)
 * @throws InputError as {@link rowsToPointLayer} does
 */
export function tableToPointLayer(table: TableRows, options: PointLayerOptions = {}): TablePointLayer {
  const source = options.source ?? table.source ?? "table";
  const header = table.header;
  const all = headerColumns(header, `${source} row ${table.firstRowNumber}`);
  const x = findColumn(header, options.longitude, LONGITUDE_COLUMNS, "longitude", source, "--longitude");
  const y = findColumn(header, options.latitude, LATITUDE_COLUMNS, "latitude", source, "--latitude");
  const longitude = header[x]!.trim();
  const latitude = header[y]!.trim();
  const columns = Object.fromEntries([...all].filter(([, name]) => name !== longitude && name !== latitude));
  const features: Feature<Point>[] = [];
  const rowNumbers: number[] = [];
  for (const { rowNumber, cells } of table.rows) {
    if (cells.every(isBlank)) continue;
    features.push(rowFeature(header, cells, x, y, `${source} row ${rowNumber}`));
    rowNumbers.push(rowNumber);
  }
  return {
    layer: { type: "FeatureCollection", features },
    origin: { source, rowNumbers, columns, longitude, latitude },
  };
}

/**
 * Turns a table into a FeatureCollection of Points, one per data row in order: the longitude and latitude
 * columns (see {@link PointLayerOptions}) become `[longitude, latitude]` (numbers; numeric text accepted), every
 * other non-empty cell a property named by its header (text stays text, so `"12"` is read by the layer readers
 * as they read numeric strings; see the module notes for the flat names of per-level figures). Empty cells are
 * absent properties; rows with every cell empty are skipped. The table is not mutated. Coordinates are checked
 * to be numbers here; their range (and the coordinate system) is checked by the layer reader. To name rows and
 * columns in the layer readers' messages too, use {@link tableToPointLayer}.
 * @param table - the header and rows, e.g. from {@link parseCsvRows} or the Node-only sheet reader
 * @param options - the coordinate columns and the file name
 * @returns the points
 * @throws InputError naming the file, the row (1-based, as a spreadsheet shows it) and the column: a missing
 *   coordinate column (listing the header), an empty or duplicate header, an empty or non-numeric coordinate, a
 *   cell beyond the header
 */
export function rowsToPointLayer(table: TableRows, options: PointLayerOptions = {}): FeatureCollection<Point> {
  return tableToPointLayer(table, options).layer;
}

/** The flat property a reader's nested field path stands for: `pupils.junior` → `junior`, `classes.junior` → `classes:junior`, `costs.x` → `cost:x`, `groups.g.junior` → `group:g:junior`. */
function flatProperty(name: string): string {
  const match = /^(pupils|classes|costs|groups)\.(.+)$/.exec(name);
  if (match === null) return name;
  const [, nest, rest] = match;
  if (nest === "pupils") return rest!;
  if (nest === "classes") return `classes:${rest!}`;
  if (nest === "costs") return `cost:${rest!}`;
  return `group:${rest!.replace(".", ":")}`;
}

/** The header of the column of property `name`, where the table has one. */
function headerOf(origin: TableOrigin, name: string): string | undefined {
  return Object.hasOwn(origin.columns, name) ? origin.columns[name] : undefined;
}

/** The header of the column a reader's field (`properties.<name>`, a nested path, `id`, `geometry.coordinates`) came from; other fields unchanged. */
function columnOf(field: string, origin: TableOrigin, idColumn: string): string {
  if (field === "id") return headerOf(origin, idColumn) ?? field;
  if (field.startsWith("geometry.coordinates")) return `${origin.longitude}, ${origin.latitude}`;
  if (field === "properties") return "columns";
  const name = field.startsWith("properties.") ? field.slice("properties.".length) : field;
  return headerOf(origin, name) ?? headerOf(origin, flatProperty(name)) ?? name;
}

/**
 * Restates where a layer reader found a bad value, in the terms of the table the layer was read from (see
 * {@link tableToPointLayer}): the feature index becomes the row as a spreadsheet shows it (`source` becomes
 * `"<name> row <n>"`), and the field (`properties.type`, `properties.classes.junior`, `id`,
 * `geometry.coordinates`, or a comma-separated list of such) becomes the header of its column as the file spells
 * it (`type`, `classes.junior`, `id`, `lon, lat`). The id and the value are kept. A location without a feature
 * index keeps no row; a field that names no column of the table is kept (without `properties.`).
 * @param location - where the reader found the value; its `source` should be `origin.source`
 * @param origin - the rows and columns of the layer's features
 * @param name - what to call the table in the message, e.g. `--schools schools.csv`; default `origin.source`
 * @param idColumn - the property the features' ids were read from; default `id`
 * @returns the location in rows and columns (a new object; the input is not mutated)
 */
export function tableLocation(location: InputLocation, origin: TableOrigin, name = origin.source, idColumn = "id"): InputLocation {
  const { source: _source, index, field, ...rest } = location;
  const row = index === undefined ? undefined : origin.rowNumbers[index];
  const columns = field.split(", ").map((part) => columnOf(part, origin, idColumn));
  return { ...rest, source: row === undefined ? name : `${name} row ${row}`, field: [...new Set(columns)].join(", ") };
}

/**
 * Restates, in a message's text, the references to features of a table-read layer (`"<origin.source> <index>"`,
 * as the readers write them, e.g. "duplicates the id of schools.csv 0") as rows: `"<name> row <n>"`, or
 * `"row <n>"` where no name is given (for a reference within the table the message is about).
 * @param text - the message text
 * @param origin - the rows of the layer's features
 * @param name - what to call the table, e.g. `--schools schools.csv`; none for the table the message is about
 * @returns the text with each such reference restated (unchanged where there is none)
 */
export function tableRowReferences(text: string, origin: TableOrigin, name?: string): string {
  const escaped = origin.source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`${escaped} (\\d+)\\b`, "g"), (whole, index: string) => {
    const row = origin.rowNumbers[Number(index)];
    if (row === undefined) return whole;
    return name === undefined ? `row ${row}` : `${name} row ${row}`;
  });
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
