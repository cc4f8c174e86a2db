/**
 * Cost matrices from long-format tables (one row per demand point × site pair), as exported from network
 * analysis tools (ArcGIS OD cost matrix, pgRouting, OSRM tables).
 * @module
 */
import { parse } from "csv-parse/sync";
import { denseCostMatrix, type CostMatrix, type CostUnit } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import { restrictCostMatrix } from "../travel/nearest.ts";
import { readNumeric } from "./values.ts";

/** Options for {@link readCostTable}. */
export interface CostTableOptions {
  /** The column holding the demand point id of each pair (the "origin"). */
  readonly from: string;
  /** The column holding the site id of each pair (the "destination"). */
  readonly to: string;
  /** The column holding the cost of each pair: a finite number ≥ 0 in `unit`. */
  readonly value: string;
  /** Length n: the demand point ids, in the order of the matrix rows (e.g. `layer.points.map((p) => p.id)`). */
  readonly demandIds: readonly string[];
  /** Length m: the site ids, in the order of the matrix columns. */
  readonly siteIds: readonly string[];
  /** The unit of the values, e.g. `"metres"` or `"minutes"`. */
  readonly unit: CostUnit;
  /**
   * What a pair absent from the table means. `"error"` (default): the table must be complete, and a missing
   * pair throws. `"notAllowed"`: the pair is not allowed (unreachable), and the result is sparse when any
   * pair is missing.
   */
  readonly missing?: "error" | "notAllowed";
  /** The file name, quoted in error messages. Default `"costs"`. */
  readonly source?: string;
  /**
   * What the caller calls the `from`, `to` and `value` options, for the message when one names no column, e.g.
   * `{ value: "--cost-value" }` on the command line. Default the option names `from`, `to`, `value`.
   */
  readonly optionNames?: Readonly<Partial<Record<"from" | "to" | "value", string>>>;
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** How many missing pairs an error message lists. */
const MISSING_PAIRS_SHOWN = 5;

function indexIds(field: string, ids: readonly string[]): Map<string, number> {
  if (!Array.isArray(ids)) throw new InputError({ source: "options", field, value: ids }, "must be an array of ids");
  const map = new Map<string, number>();
  ids.forEach((id, k) => {
    if (typeof id !== "string") throw new InputError({ source: "options", field: `${field}[${k}]`, value: id }, "must be a string");
    if (map.has(id)) throw new InputError({ source: "options", field: `${field}[${k}]`, value: id }, `duplicates ${field}[${map.get(id)}]`);
    map.set(id, k);
  });
  return map;
}

/** Why an id matched nothing, when a near miss explains it. */
function unmatchedHint(value: string, ids: readonly string[], otherIds: ReadonlyMap<string, number>, kind: string, otherKind: string): string {
  if (otherIds.has(value)) return `; it is a ${otherKind} id: are the from and to columns swapped?`;
  const trimmed = value.trim();
  const asNumber = trimmed === "" ? NaN : Number(trimmed);
  if (Number.isFinite(asNumber)) {
    const twin = ids.find((id) => id.trim() !== "" && Number(id) === asNumber);
    if (twin !== undefined) return `; the ${kind} ${JSON.stringify(twin)} has the same number written differently (leading zeros or decimals lost?)`;
  }
  return "";
}

function parseRecords(text: string, source: string): CsvRecord[] {
  if (typeof text !== "string") throw new InputError({ source, field: "text", value: text }, "must be the CSV text");
  try {
    // With `info: true` each record comes as { record, info }; csv-parse's declared return type does not say so.
    return parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      comment: "#",
      comment_no_infix: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    throw new InputError({ source, field: "CSV" }, `is not valid CSV: ${(error as Error).message}`);
  }
}

/**
 * Reads a long-format cost table (CSV with a header row; one row per pair) into a cost matrix whose rows
 * follow `demandIds` and columns follow `siteIds`. Extra columns are ignored; ids and values are trimmed;
 * empty lines and lines starting with `#` (comments, such as the `# basis: …` line `school-layout travel`
 * writes; see {@link costTableBasis}) are skipped.
 * @param text - the CSV text, e.g. `"origin,school,minutes\nA,S1,12.5\n..."`
 * @param options - column names, the ids, the unit and what a missing pair means; see {@link CostTableOptions}
 * @returns an n × m matrix: dense when every pair is present, sparse with `missing: "notAllowed"` otherwise
 * @throws InputError naming the file, the line, the column and the value when: a named column is absent (the
 *   message lists the columns there are); a value is not a number or is negative; an id matches no demand
 *   point or site; a pair appears twice (naming both lines); or, with `missing: "error"`, pairs are missing
 *   (the message gives their count and the first few)
 * @example
 * ```ts
 * const costs = readCostTable(csvText, {
 *   from: "DestinationName", to: "name", value: "distance",
 *   demandIds: demand.points.map((point) => String(point.id)),
 *   siteIds: sites.sites.map((site) => String(site.id)),
 *   unit: "metres",
 * });
 * ```
 */
export function readCostTable(text: string, options: CostTableOptions): CostMatrix {
  const source = options.source ?? "costs";
  const missing = options.missing ?? "error";
  if (missing !== "error" && missing !== "notAllowed") {
    throw new InputError({ source: "options", field: "missing", value: missing }, 'must be "error" or "notAllowed"');
  }
  const demandIndex = indexIds("demandIds", options.demandIds);
  const siteIndex = indexIds("siteIds", options.siteIds);
  const n = options.demandIds.length;
  const m = options.siteIds.length;
  const records = parseRecords(text, source);
  const header = records[0]?.record ?? [];
  const column = (key: "from" | "to" | "value"): number => {
    const name = options[key];
    const position = header.indexOf(name);
    if (position < 0) {
      const there = header.length === 0 ? "the table is empty" : `the columns are ${header.map((h) => JSON.stringify(h)).join(", ")}`;
      const option = options.optionNames?.[key] ?? key;
      throw new InputError({ source: `${source} line 1`, field: option, value: name }, `names no column (the ${key} column, option ${option}); ${there}`);
    }
    return position;
  };
  const fromColumn = column("from");
  const toColumn = column("to");
  const valueColumn = column("value");

  const values = new Float64Array(n * m).fill(NaN);
  const lineOf = new Int32Array(n * m);
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r]!;
    const where = `${source} line ${info.lines}`;
    const fromId = record[fromColumn]!;
    const i = demandIndex.get(fromId);
    if (i === undefined) {
      const hint = unmatchedHint(fromId, options.demandIds, siteIndex, "demand point", "site");
      throw new InputError({ source: where, field: options.from, value: fromId }, `matches no demand point${hint}`);
    }
    const toId = record[toColumn]!;
    const j = siteIndex.get(toId);
    if (j === undefined) {
      const hint = unmatchedHint(toId, options.siteIds, demandIndex, "site", "demand point");
      throw new InputError({ source: where, field: options.to, value: toId }, `matches no site${hint}`);
    }
    const raw = record[valueColumn]!;
    const value = readNumeric(raw);
    if (typeof value !== "number" || !(value >= 0) || value === Infinity) {
      throw new InputError({ source: where, field: options.value, value: raw }, "must be a finite number ≥ 0");
    }
    const k = i * m + j;
    if (!Number.isNaN(values[k]!)) {
      throw new InputError(
        { source: where, field: `${options.from}, ${options.to}`, value: [fromId, toId] },
        `duplicates the pair on line ${lineOf[k]}`,
      );
    }
    values[k] = value;
    lineOf[k] = info.lines;
  }

  const missingCount = values.reduce((count, v) => (Number.isNaN(v) ? count + 1 : count), 0);
  if (missingCount === 0) return denseCostMatrix(values, n, m, options.unit);
  if (missing === "error") {
    const examples: string[] = [];
    for (let k = 0; k < values.length && examples.length < MISSING_PAIRS_SHOWN; k++) {
      if (Number.isNaN(values[k]!)) {
        const i = Math.floor(k / m);
        examples.push(`(${JSON.stringify(options.demandIds[i])}, ${JSON.stringify(options.siteIds[k - i * m])})`);
      }
    }
    throw new InputError(
      { source, field: `${options.from}, ${options.to}` },
      `${missingCount} of ${n * m} pairs (demand point, site) are missing, e.g. ${examples.join(", ")}${missingCount > examples.length ? ", ..." : ""}; ` +
        'give every pair, or treat absent pairs as not allowed (option missing: "notAllowed"; on the command line --missing-pairs not-allowed)',
    );
  }
  for (let k = 0; k < values.length; k++) if (Number.isNaN(values[k]!)) values[k] = Infinity;
  return restrictCostMatrix(denseCostMatrix(values, n, m, options.unit), {});
}

/**
 * The basis a cost table states in a leading comment line `# basis: …` (as `school-layout travel` writes it),
 * or undefined when it states none.
 * @param text - the CSV text
 */
export function costTableBasis(text: string): string | undefined {
  const match = /^\uFEFF?#\s*basis:\s*(.+?)\s*$/m.exec(text.slice(0, 2000));
  return match === null || text.slice(0, match.index).trim() !== "" ? undefined : match[1];
}
