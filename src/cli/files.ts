/**
 * Reading and writing the CLI's files, with errors that name the file. Node-only.
 * @module
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { InputError } from "../errors.ts";
import { parseCsvRows, tableLocation, tableRowReferences, tableToPointLayer, type TableOrigin, type TableRows } from "../io/tableLayers.ts";
import { readSheetRows } from "../io/xlsx.node.ts";
import { CliError } from "./io.ts";

/** Reads a text file; a missing or unreadable file is a {@link CliError} naming the option and the path. */
export async function readText(path: string, option: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String((error as Error).message);
    throw new CliError(`${option} "${path}": ${why}`);
  }
}

/** The UTF-8 byte-order mark some editors (Notepad, Excel) write at the start of a file. */
const BYTE_ORDER_MARK = "\uFEFF";

/** What a flag given to {@link readJson} accepts besides JSON. */
export interface JsonFlagFormats {
  /** The flag also takes tables (CSV, .xlsx), by the file's extension, as the point-layer flags do; default false. */
  readonly tables?: boolean;
}

/**
 * Reads and parses a JSON (or GeoJSON) file; a leading UTF-8 byte-order mark is dropped.
 * @param path - the file
 * @param option - the flag that gave it, for messages, e.g. `--boundary`
 * @param formats - whether the flag also takes tables (this decides the hint for a file that looks like one)
 * @returns the parsed value
 * @throws CliError naming the flag and the file for an unreadable file, or invalid JSON, saying what the file
 *   looks like instead (CSV, a workbook, XML, …) and, for a table, how to have it read as one (`tables`), or that
 *   the flag takes JSON only
 */
export async function readJson(path: string, option: string, formats: JsonFlagFormats = {}): Promise<unknown> {
  const raw = await readText(path, option);
  const text = raw.startsWith(BYTE_ORDER_MARK) ? raw.slice(1) : raw;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const looks = describeContent(text);
    const hint = looks === "JSON" ? "" : `; the file looks like ${looks}${tableHint(looks, option, formats.tables ?? false)}`;
    throw new CliError(`${option} "${path}": not valid JSON (${oneLine((error as Error).message)})${hint}`);
  }
}

/** A parser's message on one line: it may quote the file's first bytes, newlines and control characters of a binary file included. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ");
}

/** The advice for a file that failed as JSON and looks like a table: rename it, where the flag takes tables; else that the flag does not. */
function tableHint(looks: string, option: string, tables: boolean): string {
  const extension = looks.startsWith("CSV") ? ".csv" : looks.startsWith("an .xlsx") ? ".xlsx" : undefined;
  if (extension === undefined) return "";
  if (tables) return extension === ".csv" ? ": name it .csv to read it as a table with longitude/latitude columns" : ": name it .xlsx";
  return `, but ${option} takes a JSON or GeoJSON file, not a table (CSV, .xlsx)`;
}

/** What a file's text looks like, for messages: `JSON`, `CSV (first line "…")`, `an .xlsx workbook or other zip file`, `XML or HTML`, `empty`, or its first characters. */
export function describeContent(text: string): string {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (trimmed === "") return "empty";
  if (body.startsWith("PK\u0003\u0004")) return "an .xlsx workbook or other zip file";
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return "JSON";
  if (trimmed.startsWith("<")) return "XML or HTML";
  const firstLine = trimmed.split(/\r?\n/, 1)[0]!;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(firstLine)) return "a binary file";
  const shown = JSON.stringify(firstLine.length > 60 ? `${firstLine.slice(0, 57)}...` : firstLine);
  if (firstLine.includes(",") || firstLine.includes("\t") || firstLine.includes(";")) return `CSV (first line ${shown})`;
  return `text starting ${shown}`;
}

/** Column and sheet choices for reading a point layer from a table (CSV or .xlsx). */
export interface LayerTableOptions {
  /** The longitude (x) column of CSV/.xlsx layers (case-insensitive); default `longitude`, `lon`, `lng`, `long` or `x`. */
  readonly longitude?: string;
  /** The latitude (y) column of CSV/.xlsx layers (case-insensitive); default `latitude`, `lat` or `y`. */
  readonly latitude?: string;
}

/** The formats a point layer may come in, for messages. */
const LAYER_FORMATS = "GeoJSON (.geojson, .json), CSV (.csv) or an .xlsx workbook, with longitude/latitude columns for tables";

/**
 * Splits `book.xlsx#Sheet name` into the file and the sheet; other paths have no sheet. A file whose own name
 * holds `#` is read as is where it exists.
 */
async function splitSheet(path: string): Promise<{ file: string; sheet?: string }> {
  const at = path.lastIndexOf("#");
  if (at < 0 || !path.slice(0, at).toLowerCase().endsWith(".xlsx")) return { file: path };
  try {
    await stat(path);
    return { file: path };
  } catch {
    return { file: path.slice(0, at), sheet: path.slice(at + 1) };
  }
}

async function readBytes(path: string, option: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String((error as Error).message);
    throw new CliError(`${option} "${path}": ${why}`);
  }
}

/**
 * A point layer as the CLI read it: the value for the layer readers, the name to read it under, and, for a
 * table, where each feature and property came from.
 */
export interface LayerFile {
  /** The parsed GeoJSON, or the FeatureCollection of Points made from a table; the layer readers check it. */
  readonly collection: unknown;
  /**
   * The layer's name in messages, `<flag> <path>` (e.g. `--schools schools.xlsx#Schools`): give it to the layer
   * readers as their `source`, so that their errors name the flag and {@link explainLayerError} finds the layer.
   */
  readonly name: string;
  /** For a layer read from a table: the row of each feature and the column of each property. */
  readonly origin?: TableOrigin;
}

/**
 * Reads a point layer given to `--settlements`, `--schools`, `--candidates`, `--demand` or `--sites`, by the
 * file's extension: `.geojson`/`.json` as GeoJSON (a byte-order mark dropped); `.csv` as a table (RFC 4180,
 * UTF-8, a byte-order mark dropped); `.xlsx` as a table on its first sheet, or the sheet named after `#`
 * (`schools.xlsx#Schools`). A table's rows become Points from its longitude/latitude columns (see
 * {@link LayerTableOptions}), its other columns properties (text as text; empty cells absent). Another extension
 * is read by its content (JSON, CSV, or a workbook), and anything else says what was expected and what the file
 * looks like.
 * @param path - the file as the flag gave it (with `#Sheet` for a sheet of a workbook)
 * @param option - the flag, e.g. `--schools`
 * @param columns - the coordinate columns of a table
 * @returns the layer, named `<flag> <path>`, with the origin of a table's features; see {@link LayerFile}
 * @throws CliError for an unreadable file or one of no known format (naming the flag and the path);
 *   InputError naming the flag, the file, the row (1-based, as a spreadsheet shows it) and the column for a bad
 *   table (a missing coordinate column, a bad header, a non-numeric coordinate)
 */
export async function readLayer(path: string, option: string, columns: LayerTableOptions = {}): Promise<LayerFile> {
  const name = `${option} ${path}`;
  const { file, sheet } = await splitSheet(path);
  const extension = extname(file).toLowerCase();
  const fromTable = (table: TableRows): LayerFile => {
    const { layer, origin } = tableToPointLayer(table, { ...columns, source: name });
    return { collection: layer, name, origin };
  };
  const fromJson = async (): Promise<LayerFile> => ({ collection: await readJson(file, option, { tables: true }), name });
  if (extension === ".geojson" || extension === ".json") return fromJson();
  if (extension === ".xlsx") {
    const bytes = await readBytes(file, option);
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      const looks = describeContent(new TextDecoder().decode(bytes.subarray(0, 4096)));
      throw new CliError(`${option} "${file}": expected an .xlsx workbook; the file looks like ${looks}`);
    }
    return fromTable(await readSheetRows(bytes, `${option} ${file}`, sheet));
  }
  if (sheet !== undefined) throw new CliError(`${option} "${path}": a sheet (#${sheet}) is only for .xlsx workbooks`);
  if (extension === ".csv") return fromTable(parseCsvRows(await readText(file, option), name));
  const bytes = await readBytes(file, option);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return fromTable(await readSheetRows(bytes, `${option} ${file}`));
  const text = new TextDecoder().decode(bytes);
  const looks = describeContent(text);
  if (looks === "JSON") return fromJson();
  if (looks.startsWith("CSV")) return fromTable(parseCsvRows(text, name));
  throw new CliError(`${option} "${file}": expected ${LAYER_FORMATS}; the file looks like ${looks}`);
}

/**
 * Restates an error of the layer readers about a layer read from a table in the table's terms: the feature
 * becomes the row as a spreadsheet shows it, the property the column as its header spells it (see
 * {@link tableLocation}), and references to features of table-read layers in the text become rows (see
 * {@link tableRowReferences}), e.g.
 * `--schools k.csv 1 (id "P1"), "properties.type": …` → `--schools k.csv row 3 (id "P1"), "type": …`. Errors
 * about a GeoJSON layer already name the flag and the file (the readers were given {@link LayerFile.name}) and keep
 * the feature index and the property path.
 * @param error - anything thrown while the layers were read
 * @param layers - the layers as {@link readLayer} read them (undefined entries are skipped)
 * @param idColumn - the property the features' ids were read from (`solve --id`); default `id`
 * @returns a new InputError where the error concerns a table-read layer; otherwise `error` itself
 */
export function explainLayerError<E>(error: E, layers: readonly (LayerFile | undefined)[], idColumn = "id"): E | InputError {
  if (!(error instanceof InputError)) return error;
  const tables = layers.filter((layer): layer is LayerFile & { origin: TableOrigin } => layer?.origin !== undefined);
  const own = tables.find((layer) => layer.name === error.location.source);
  const problem = tables.reduce((text, layer) => tableRowReferences(text, layer.origin, layer === own ? undefined : layer.name), error.problem);
  if (own === undefined && problem === error.problem) return error;
  const location = own === undefined ? error.location : tableLocation(error.location, own.origin, own.name, idColumn);
  return new InputError(location, problem);
}

/**
 * Creates a folder and its missing parents one level at a time. (Node's recursive `mkdir` can spin forever on
 * special file systems such as /proc, where a parent reports "no such file" however often it is made.)
 */
async function ensureFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    try {
      if (!(await stat(current)).isDirectory()) throw new Error(`"${current}" is a file, not a folder`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT") throw error;
      missing.push(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const level of missing.reverse()) await mkdir(level);
}

/**
 * Writes text to a file, creating its folder.
 * @throws CliError naming the option and the path when the file cannot be written
 */
export async function writeText(path: string, text: string, option: string): Promise<void> {
  await writeBytes(path, text, option);
}

/**
 * Writes bytes (or text) to a file, creating its folder.
 * @throws CliError naming the option and the path when the file cannot be written
 */
export async function writeBytes(path: string, data: Uint8Array | string, option: string): Promise<void> {
  try {
    await ensureFolder(dirname(path));
    await writeFile(path, data);
  } catch (error) {
    throw new CliError(`${option} "${path}": cannot write (${(error as Error).message})`);
  }
}

/**
 * Checks, before any work, that a file can be written at `path`: not a directory, and not under an existing file.
 * @throws CliError naming the option and the path
 */
export async function checkOutputPath(path: string, option: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) throw new CliError(`${option} "${path}": is a directory; give a file name`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "ENOTDIR") throw new CliError(`${option} "${path}": a part of the path is a file, not a folder`);
    if (code !== "ENOENT") throw new CliError(`${option} "${path}": ${(error as Error).message}`);
  }
}
