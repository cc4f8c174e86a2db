/**
 * Travel-time tables for the CLI: computing the matrix (on one thread for small ones, split over worker threads,
 * Node only, for large ones, where it halves the time on two cores: bench/results/travel.md), and the metadata
 * sidecar `F.meta.json` that `travel --out F` writes beside its plain CSV and `solve --costs F` reads the basis
 * from.
 * @module
 */
import { readFile } from "node:fs/promises";
import { costTableBasis } from "../io/costTable.ts";
import { travelTimeMatrix, type TravelTimeMatrix, type TravelTimeMatrixOptions } from "../travel/routing/index.ts";
import { travelTimeMatrixParallel } from "../travel/routing/parallel.node.ts";
import type { RoadNetwork, SegmentMinutes } from "../travel/index.ts";
import { readText, writeText } from "./files.ts";
import { CliError } from "./io.ts";

/** Below this many demand point × site pairs, starting worker threads costs more than it saves. */
const PARALLEL_FROM_PAIRS = 2_000_000;

/**
 * Computes a travel-time matrix, in worker threads when it is large.
 * @param network - the road network
 * @param minutes - minutes per segment for the travel mode
 * @param origins - demand points, flat [longitude, latitude, ...]
 * @param destinations - sites, flat [longitude, latitude, ...]
 * @param options - as `travelTimeMatrix`
 */
export async function computeTravelMatrix(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  origins: Float64Array,
  destinations: Float64Array,
  options: TravelTimeMatrixOptions,
): Promise<TravelTimeMatrix> {
  const pairs = (origins.length / 2) * (destinations.length / 2);
  if (pairs < PARALLEL_FROM_PAIRS) return travelTimeMatrix(network, minutes, origins, destinations, options);
  return travelTimeMatrixParallel(network, minutes, origins, destinations, options);
}

/**
 * What the sidecar `F.meta.json` beside a travel table `F` says about it. The CSV itself stays plain (a header
 * and rows, no comment line), so that pandas, Excel and QGIS read it with their defaults.
 */
export interface TravelTableMeta {
  /** The program and command that wrote the table, e.g. `"school-layout 0.1.0 travel"`. */
  readonly createdBy: string;
  /** The table's file name (without folder), e.g. `"times.csv"`. */
  readonly table: string;
  /** The table's columns, in order. */
  readonly columns: readonly string[];
  /** How the times were made, in words (the network, the mode, the speeds, or the labelled fallback). */
  readonly basis: string;
  /** The unit of the `minutes` column: always `"minutes"`. */
  readonly unit: "minutes";
  /** The travel mode (`walk`, `bicycle`, `ebike`, `schoolBus`, `car`). */
  readonly mode: string;
  /** The road network file as given to `--roads`, or null for the straight-line fallback. */
  readonly roads: string | null;
  /** Pairs above this many minutes are left out; null when there is no cutoff. */
  readonly cutoffMinutes: number | null;
  /** The demand points (origins): the file as given to `--from` and how many points it holds. */
  readonly from: { readonly file: string; readonly count: number };
  /** The sites (destinations): the file as given to `--to` and how many it holds. */
  readonly to: { readonly file: string; readonly count: number };
  /** Data rows in the table (the header not counted); a reader checks it to catch a sidecar left from another table. */
  readonly rows: number;
}

/**
 * The path of the metadata sidecar of a table: the table's path with `.meta.json` appended
 * (`times.csv` → `times.csv.meta.json`), as GDAL appends `.aux.xml`.
 * @param tablePath - the table's path
 */
export function costTableMetaPath(tablePath: string): string {
  return `${tablePath}.meta.json`;
}

/**
 * Writes the sidecar of a table.
 * @param tablePath - the table's path (the sidecar goes to {@link costTableMetaPath} of it)
 * @param meta - what to write
 * @param option - the option that named the table, for error messages
 */
export async function writeCostTableMeta(tablePath: string, meta: TravelTableMeta, option: string): Promise<void> {
  await writeText(costTableMetaPath(tablePath), `${JSON.stringify(meta, null, 2)}\n`, option);
}

/** Counts the data rows of a CSV text: records outside quotes, without empty lines, `#` comment lines and the header. */
function countDataRows(text: string): number {
  let records = 0;
  let inQuotes = false;
  let lineStart = true;
  let skipLine = false;
  let content = false;
  for (let k = text.charCodeAt(0) === 0xfeff ? 1 : 0; k < text.length; k++) {
    const c = text[k]!;
    if (lineStart) {
      lineStart = false;
      skipLine = c === "#";
      content = false;
    }
    if (c === '"' && !skipLine) inQuotes = !inQuotes;
    if (!inQuotes && (c === "\n" || c === "\r")) {
      if (!skipLine && content) records++;
      lineStart = true;
      continue;
    }
    if (c.trim() !== "") content = true;
  }
  if (!lineStart && !skipLine && content) records++;
  return Math.max(0, records - 1);
}

async function readSidecar(metaPath: string, option: string): Promise<string | undefined> {
  try {
    return await readFile(metaPath, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new CliError(`${option} sidecar "${metaPath}": cannot read (${(error as Error).message})`);
  }
}

/**
 * The basis of a cost table, for `solve --costs F` (and `plan --travel-times F`) to carry into its output:
 * from the sidecar `F.meta.json` when there is one ({@link TravelTableMeta}, as `travel --out F` writes it),
 * else from a leading `# basis: …` comment line in the table (the format of earlier versions, still read), else
 * undefined.
 * @param tablePath - the table's path
 * @param text - the table's text when the caller has read it already (it is read otherwise); with it, the
 *   sidecar's `rows` is checked against the table's data rows
 * @param option - the option that named the table, for error messages (default `"--costs"`)
 * @returns the basis, or undefined when neither the sidecar nor the table states one
 * @throws CliError naming the sidecar when it is not valid JSON, has no `basis` string, or describes a different
 *   number of rows than the table has (a sidecar left from another table)
 */
export async function readCostTableBasis(tablePath: string, text?: string, option = "--costs"): Promise<string | undefined> {
  const metaPath = costTableMetaPath(tablePath);
  const sidecar = await readSidecar(metaPath, option);
  if (sidecar === undefined) return costTableBasis(text ?? (await readText(tablePath, option)));
  let meta: unknown;
  try {
    meta = JSON.parse(sidecar);
  } catch (error) {
    throw new CliError(`${option} sidecar "${metaPath}": not valid JSON (${(error as Error).message})`);
  }
  const basis = (meta as { basis?: unknown } | null)?.basis;
  if (typeof meta !== "object" || meta === null || typeof basis !== "string" || basis.trim() === "") {
    throw new CliError(`${option} sidecar "${metaPath}": "basis" must be a non-empty string saying how the costs were made, got ${JSON.stringify(basis)}`);
  }
  const rows = (meta as { rows?: unknown }).rows;
  if (text !== undefined && typeof rows === "number") {
    const found = countDataRows(text);
    if (found !== rows) {
      throw new CliError(
        `${option} sidecar "${metaPath}": describes ${rows} rows, but "${tablePath}" has ${found}; it belongs to another version of the table (delete it, or write both again with school-layout travel --out)`,
      );
    }
  }
  return basis.trim();
}
