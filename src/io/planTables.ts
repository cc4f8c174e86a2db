/**
 * A plan as tables (schools, assignments, townships, costs, the status quo, and a hook for balance figures),
 * with units in the headers and headers in English or Chinese, and RFC 4180 CSV text of a table. Pure: runs
 * unchanged in Node, Deno and browsers; the workbook writer is Node-only (src/io/xlsx.node.ts).
 * @module
 */
import { InputError } from "../errors.ts";
import type { LevelId } from "../norms/levels.ts";
import type { Plan, PlannedAssignment, PlannedSchool, PlanCostBreakdown } from "../plan/result/result.ts";
import type { SchoolSystem } from "../plan/system/system.ts";
import { messagesFor, TABLE_MESSAGES, type CommonMessages, type TableHeaderKey } from "../render/messages/index.ts";

/** The language of the table headers: English or Chinese. */
export type TableLanguage = "en" | "zh";

/** A header text in both languages (for the balance columns other modules give). */
export interface LocalizedText {
  /** English. */
  readonly en: string;
  /** Chinese (simplified). */
  readonly zh: string;
}

/** One cell of a table: a number (unformatted, in the unit its header names), text, a flag, or empty (null). */
export type TableCell = string | number | boolean | null;

/** One column of a table. */
export interface TableColumn {
  /** The key of the column's value in each row, e.g. `"travelMinutes"` or `"enrolment.junior"`. */
  readonly key: string;
  /** The header shown, with its unit, e.g. `"travel (min)"`. */
  readonly header: string;
}

/** A table: a name (used as the CSV file stem and the sheet name), its columns, and its rows. */
export interface PlanTable {
  /** The table's name: `schools`, `assignments`, `townships`, `costs`, `statusQuo` or `balance`. */
  readonly name: string;
  /** The columns, in order. */
  readonly columns: readonly TableColumn[];
  /** The rows, each keyed by column key; a key a row lacks is an empty cell. */
  readonly rows: readonly Readonly<Record<string, TableCell>>[];
}

/** A column of the balance table given by the module that computes the balance figures. */
export interface BalanceColumn {
  /** The key of the value in each balance row. */
  readonly key: string;
  /** The header, with its unit: one text for both languages, or one per language. */
  readonly header: string | LocalizedText;
}

/** Options for {@link planTables}. */
export interface PlanTablesOptions {
  /** The header language. Default `"en"`. */
  readonly language?: TableLanguage;
  /**
   * Pre-computed balance rows (e.g. per township or level, from the metrics module), one object of cells per
   * row; the `balance` table is added only where given. Not mutated.
   */
  readonly balance?: readonly Readonly<Record<string, TableCell>>[];
  /** The balance table's columns; default the keys of the balance rows in order of first appearance, as headers. */
  readonly balanceColumns?: readonly BalanceColumn[];
  /**
   * Township names by township id: where given, the `schools`, `statusQuo` and `townships` tables gain a township
   * name column beside the id. Default none.
   */
  readonly townshipNames?: Readonly<Record<string, string>>;
}

/** What the rows of one table need besides the plan: the language and its words, and the township names. */
interface RowWords {
  readonly language: TableLanguage;
  readonly common: CommonMessages;
  readonly townshipNames: Readonly<Record<string, string>> | undefined;
}

/** A flag in the language: a boolean in English (true/false in CSV), 是/否 in Chinese. */
function flag(words: RowWords, value: boolean): TableCell {
  if (words.language === "en") return value;
  return value ? words.common.yes : words.common.no;
}

/** A school type, tier, action or level: the plan.json word in English, its name from the catalogue in Chinese. */
function term<K extends string>(words: RowWords, value: K, names: Readonly<Record<K, string>>): string {
  return words.language === "en" ? value : names[value];
}

/** The township name column, where names are given. */
function townshipNameColumn(words: RowWords): TableColumn[] {
  return words.townshipNames === undefined ? [] : [{ key: "townshipName", header: header(words.language, "townshipName") }];
}

function townshipNameOf(words: RowWords, township: string | null): TableCell {
  return township === null ? null : (words.townshipNames?.[township] ?? null);
}

const COST_ITEMS = Object.keys(TABLE_MESSAGES.en.costItems) as (keyof PlanCostBreakdown)[];

/** A header with a per-level part: `enrolment: junior secondary (pupils)` / `在校生：初中（人）`. */
function levelHeader(language: TableLanguage, word: TableHeaderKey, level: LevelId, unit: TableHeaderKey): string {
  const { common, tables } = messagesFor(language);
  return tables.perLevel(tables.headers[word], common.levels[level], tables.headers[unit]);
}

/** A plain header in the language. */
function header(language: TableLanguage, key: TableHeaderKey): string {
  return TABLE_MESSAGES[language].headers[key];
}

function schoolColumns(words: RowWords, levels: readonly LevelId[]): TableColumn[] {
  const { language } = words;
  const plain = (key: TableHeaderKey): TableColumn => ({ key, header: header(language, key) });
  return [
    ...(["id", "name", "type", "tier", "township"] as const).map(plain),
    ...townshipNameColumn(words),
    ...(["existing", "action", "open"] as const).map(plain),
    ...levels.map((level) => ({ key: `enrolment.${level}`, header: levelHeader(language, "enrolment", level, "pupilsUnit") })),
    ...levels.map((level) => ({ key: `classes.${level}`, header: levelHeader(language, "classes", level, "classesUnit") })),
    ...levels.map((level) => ({ key: `seats.${level}`, header: levelHeader(language, "seats", level, "pupilsUnit") })),
    ...(["classrooms", "classroomsAdded", "beds", "bedsAdded", "boarders", "utilization", "small"] as const).map(plain),
  ];
}

function schoolRow(school: PlannedSchool, levels: readonly LevelId[], words: RowWords): Record<string, TableCell> {
  const row: Record<string, TableCell> = {
    id: school.id,
    name: school.name,
    type: term(words, school.type, words.common.schoolTypes),
    tier: term(words, school.tier, words.common.tiers),
    township: school.township,
    ...(words.townshipNames === undefined ? {} : { townshipName: townshipNameOf(words, school.township) }),
    existing: flag(words, school.existing),
    action: term(words, school.action, words.common.actions),
    open: flag(words, school.open),
  };
  for (const level of levels) row[`enrolment.${level}`] = school.enrolment[level];
  for (const level of levels) row[`classes.${level}`] = school.classes[level];
  for (const level of levels) row[`seats.${level}`] = school.seats[level];
  Object.assign(row, {
    classrooms: school.classrooms,
    classroomsAdded: school.classroomsAdded,
    beds: school.beds,
    bedsAdded: school.bedsAdded,
    boarders: school.boarders,
    utilization: school.utilization,
    small: flag(words, school.small),
  });
  return row;
}

function schoolsTable(name: string, schools: readonly PlannedSchool[], system: SchoolSystem, words: RowWords): PlanTable {
  return { name, columns: schoolColumns(words, system.levels), rows: schools.map((school) => schoolRow(school, system.levels, words)) };
}

function assignmentsTable(assignments: readonly PlannedAssignment[], system: SchoolSystem, words: RowWords): PlanTable {
  const keys = ["settlement", "settlementName", "level", "school", "schoolName", "pupils", "travelMinutes", "travelMetres", "boarding"] as const;
  return {
    name: "assignments",
    columns: keys.map((key) => ({ key, header: header(words.language, key) })),
    rows: assignments.map((a) => ({
      settlement: a.settlement,
      settlementName: system.settlements[a.settlementIndex]?.name ?? null,
      level: term(words, a.level, words.common.levels),
      school: a.school,
      schoolName: system.schools[a.schoolIndex]?.name ?? null,
      pupils: a.pupils,
      travelMinutes: a.travelMinutes,
      travelMetres: a.travelMetres,
      boarding: flag(words, a.boarding),
    })),
  };
}

/** Per township: its settlements, pupils per level, schools open/closed/built, and the mean trip of its pupils. */
function townshipsTable(plan: Plan, system: SchoolSystem, words: RowWords): PlanTable {
  const { language } = words;
  const levels = system.levels;
  const columns: TableColumn[] = [
    { key: "township", header: header(language, "township") },
    ...townshipNameColumn(words),
    { key: "settlements", header: header(language, "settlements") },
    ...levels.map((level) => ({ key: `pupils.${level}`, header: levelHeader(language, "pupils", level, "pupilsUnit") })),
    ...(["schoolsOpen", "schoolsClosed", "schoolsBuilt", "meanTrip"] as const).map((key) => ({ key, header: header(language, key) })),
  ];
  interface Tally {
    settlements: number;
    pupils: Record<string, number>;
    open: number;
    closed: number;
    built: number;
    pupilMinutes: number;
    assigned: number;
  }
  const tallies = new Map<string | null, Tally>();
  const tally = (township: string | null): Tally => {
    let entry = tallies.get(township);
    if (entry === undefined) {
      entry = { settlements: 0, pupils: Object.fromEntries(levels.map((level) => [level, 0])), open: 0, closed: 0, built: 0, pupilMinutes: 0, assigned: 0 };
      tallies.set(township, entry);
    }
    return entry;
  };
  for (const settlement of system.settlements) {
    const entry = tally(settlement.township);
    entry.settlements += 1;
    for (const level of levels) entry.pupils[level]! += settlement.pupils[level];
  }
  for (const school of plan.schools ?? []) {
    const entry = tally(school.township);
    if (school.open) entry.open += 1;
    if (school.action === "close") entry.closed += 1;
    if (school.action === "build") entry.built += 1;
  }
  for (const assignment of plan.assignments ?? []) {
    const settlement = system.settlements[assignment.settlementIndex];
    if (settlement === undefined) {
      throw new InputError({ source: "plan", field: "assignments.settlementIndex", value: assignment.settlementIndex }, `is not a settlement of the system (it has ${system.settlements.length})`);
    }
    const entry = tally(settlement.township);
    entry.pupilMinutes += assignment.pupils * assignment.travelMinutes;
    entry.assigned += assignment.pupils;
  }
  // Townships by id (text order, deterministic), the settlements without a township last.
  const order = [...tallies.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const rows = order.map((township) => {
    const entry = tallies.get(township)!;
    const row: Record<string, TableCell> = { township, ...(words.townshipNames === undefined ? {} : { townshipName: townshipNameOf(words, township) }), settlements: entry.settlements };
    for (const level of levels) row[`pupils.${level}`] = entry.pupils[level]!;
    row.schoolsOpen = entry.open;
    row.schoolsClosed = entry.closed;
    row.schoolsBuilt = entry.built;
    row.meanTrip = entry.assigned > 0 ? entry.pupilMinutes / entry.assigned : null;
    return row;
  });
  return { name: "townships", columns, rows };
}

function costsTable(plan: Plan, language: TableLanguage): PlanTable {
  const statusQuo = plan.statusQuo?.costs;
  const columns: TableColumn[] = [
    { key: "item", header: header(language, "item") },
    { key: "plan", header: header(language, "planCost") },
    ...(statusQuo === undefined
      ? []
      : [
          { key: "statusQuo", header: header(language, "statusQuoCost") },
          { key: "difference", header: header(language, "difference") },
        ]),
  ];
  const rows = COST_ITEMS.map((item) => {
    const planned = plan.costs?.[item] ?? null;
    const row: Record<string, TableCell> = { item: TABLE_MESSAGES[language].costItems[item], plan: planned };
    if (statusQuo !== undefined) {
      row.statusQuo = statusQuo[item];
      row.difference = planned === null ? null : planned - statusQuo[item];
    }
    return row;
  });
  return { name: "costs", columns, rows };
}

function isCell(value: unknown): value is TableCell {
  return value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && !Number.isNaN(value));
}

/**
 * The `balance` table from rows another module computes (e.g. balance figures per township or level).
 * @param rows - one object of cells per row; not mutated
 * @param language - the header language, for columns given in both languages
 * @param columns - the columns; default the row keys in order of first appearance, each its own header
 * @returns the table named `balance`
 * @throws InputError naming `balance`, the row (0-based), the key and the value when a row is not an object or a
 *   cell is not a string, number, boolean or null; or naming `balanceColumns` for a column without a key
 */
export function balanceTable(
  rows: readonly Readonly<Record<string, TableCell>>[],
  language: TableLanguage = "en",
  columns?: readonly BalanceColumn[],
): PlanTable {
  if (!Array.isArray(rows)) throw new InputError({ source: "options", field: "balance", value: rows }, "must be an array of row objects");
  const keys: string[] = [];
  const copied = rows.map((row: unknown, index) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) throw new InputError({ source: "balance", index, field: "row", value: row }, "must be an object of cells");
    const copy: Record<string, TableCell> = {};
    for (const [key, value] of Object.entries(row)) {
      if (!isCell(value)) throw new InputError({ source: "balance", index, field: key, value }, "must be a string, number, boolean or null");
      if (!keys.includes(key)) keys.push(key);
      copy[key] = value;
    }
    return copy;
  });
  const resolved: TableColumn[] = (columns ?? keys.map((key) => ({ key, header: key }))).map((column, index) => {
    if (typeof column?.key !== "string" || column.key === "") throw new InputError({ source: "balanceColumns", index, field: "key", value: column?.key }, "must be a non-empty string");
    const header = typeof column.header === "string" ? column.header : column.header?.[language];
    if (typeof header !== "string") throw new InputError({ source: "balanceColumns", index, field: "header", value: column.header }, "must be a string or { en, zh }");
    return { key: column.key, header };
  });
  return { name: "balance", columns: resolved, rows: copied };
}

/**
 * A plan as tables, in this order: `schools` (one row per school of the system: id, name, type, tier, township
 * (and its name where `options.townshipNames` gives one), existing, action, open, enrolment/classes/seats per planned level, classrooms and classrooms added, beds and
 * beds added, boarders, utilization as a share 0–1, small), `assignments` (settlement id and name, level, school
 * id and name, pupils,
 * one-way travel minutes and metres — empty where the system has no distances — and boarding), `townships`
 * (per township id, in text order, settlements without a township last with an empty township cell: the
 * settlements, pupils per level, schools open, closed and built, the mean one-way minutes of its pupils — empty
 * where none is assigned), `costs` (per item of {@link PlanCostBreakdown}, yuan per year: the plan, and where the
 * plan has a status quo the status quo and plan − status quo), then `statusQuo` (the status-quo schools, same
 * columns as `schools`) where the plan has one, and `balance` where `options.balance` is given.
 *
 * Cells are raw values: numbers unrounded in the unit the header names, ids as in plan.json. In English, flags
 * are booleans and types, tiers, actions (`keep`, `expand`, `close`, `build`, `not built`) and levels the words
 * of plan.json; in Chinese they are written in Chinese (是/否, 村级完全小学, 保留, 小学1–3年级, …) as the report
 * writes them, so a Chinese table reads without the English codes. A plan
 * without figures (e.g. `infeasible`) gives `schools`, `assignments` with no rows and `costs` with empty plan
 * cells. Neither the plan nor the system is mutated; the output depends only on them and the options.
 * @param plan - the plan, from {@link planSchools}
 * @param system - the school system the plan was made for (the settlements give the townships' figures)
 * @param options - the language, the township names and the balance rows; see {@link PlanTablesOptions}
 * @returns the tables
 * @throws InputError for a bad language (naming `options.language`), balance rows (see {@link balanceTable}), or
 *   an assignment naming a settlement the system does not have
 */
export function planTables(plan: Plan, system: SchoolSystem, options: PlanTablesOptions = {}): PlanTable[] {
  const language = options.language ?? "en";
  if (language !== "en" && language !== "zh") throw new InputError({ source: "options", field: "language", value: language }, 'must be "en" or "zh"');
  const words: RowWords = { language, common: messagesFor(language).common, townshipNames: options.townshipNames };
  const tables: PlanTable[] = [
    schoolsTable("schools", plan.schools ?? [], system, words),
    assignmentsTable(plan.assignments ?? [], system, words),
    townshipsTable(plan, system, words),
    costsTable(plan, language),
  ];
  if (plan.statusQuo !== null && plan.statusQuo !== undefined) tables.push(schoolsTable("statusQuo", plan.statusQuo.schools, system, words));
  if (options.balance !== undefined) tables.push(balanceTable(options.balance, language, options.balanceColumns));
  return tables;
}

/** One CSV field: quoted (with `"` doubled) where it holds a comma, a quote, CR or LF. */
function csvField(cell: TableCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  const text = typeof cell === "number" ? String(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as CSV text (RFC 4180): the header row then one record per row, fields separated by commas, records
 * ended by CRLF, a field quoted with `"` (and inner quotes doubled) where it holds a comma, a quote, CR or LF. No
 * comment lines and no byte-order mark: write the text as UTF-8. Numbers are unformatted (`String(n)`, full
 * precision, `.` as the decimal point), flags `true`/`false`, empty cells (null or absent) empty. Excel opens a
 * UTF-8 CSV without a byte-order mark in the system's legacy code page, so Chinese text shows garbled there:
 * import it with Data › From Text/CSV (UTF-8), or use the workbook (plan.xlsx) instead.
 * @param table - the table; not mutated
 * @returns the CSV text
 */
export function tableToCsv(table: PlanTable): string {
  const lines = [table.columns.map((column) => csvField(column.header)).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((column) => csvField(row[column.key])).join(","));
  return lines.map((line) => `${line}\r\n`).join("");
}
