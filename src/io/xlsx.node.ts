/**
 * Spreadsheets through exceljs (Node streams): the plan workbook, one sheet per plan table, and reading the rows
 * of a sheet as text cells for the point-layer reader. Node-only (not exported from the package's browser-safe
 * entry; the CLI imports it directly).
 * @module
 */
import ExcelJS from "exceljs";
import { InputError } from "../errors.ts";
import type { PlanTable, TableCell } from "./planTables.ts";
import type { TableRows } from "./tableLayers.ts";

/** Excel's limit on a sheet name's length. */
const SHEET_NAME_LIMIT = 31;

/** The number format of a numeric column: whole numbers plain, fractions with up to 3 decimals, shares as percent. */
function numberFormat(table: PlanTable, key: string): string | undefined {
  const values = table.rows.map((row) => row[key]).filter((cell): cell is number => typeof cell === "number");
  if (values.length === 0) return undefined;
  if (key === "utilization") return "0.0%";
  if (values.every((value) => Number.isInteger(value))) return "0";
  return "0.0##";
}

/**
 * A workbook of the tables as bytes (.xlsx): one sheet per table in order, named by the table (cut to 31
 * characters), a bold header row frozen at the top, column widths fitted to the longest text (10–60
 * characters), numbers stored unrounded with a display format (whole numbers `0`, fractions `0.0##`,
 * `utilization` as a percent), flags as Excel booleans, empty cells empty. Read back cell by cell, each sheet
 * holds the same values as {@link tableToCsv} of its table.
 * @param tables - the tables, e.g. from {@link planTables}; not mutated
 * @returns the .xlsx file's bytes
 * @throws InputError naming the table when two tables have the same sheet name or a name is empty
 */
export async function planWorkbookBuffer(tables: readonly PlanTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "school-layout";
  // A fixed date keeps the bytes' content deterministic apart from the zip's own timestamps.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const names = new Set<string>();
  for (const [index, table] of tables.entries()) {
    const name = String(table.name).slice(0, SHEET_NAME_LIMIT);
    if (name === "" || names.has(name)) throw new InputError({ source: "tables", index, field: "name", value: table.name }, "must be a non-empty sheet name, unique in the workbook");
    names.add(name);
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => {
      const longest = Math.max(column.header.length, ...table.rows.map((row) => String(row[column.key] ?? "").length));
      const format = numberFormat(table, column.key);
      return { header: column.header, key: column.key, width: Math.min(60, Math.max(10, longest + 2)), ...(format === undefined ? {} : { style: { numFmt: format } }) };
    });
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(Object.fromEntries(table.columns.map((column) => [column.key, row[column.key] ?? null])));
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Writes {@link planWorkbookBuffer} of the tables to a file.
 * @param tables - the tables; not mutated
 * @param path - the .xlsx file to write (its folder must exist)
 */
export async function writePlanWorkbook(tables: readonly PlanTable[], path: string): Promise<void> {
  const { writeFile } = await import("node:fs/promises");
  await writeFile(path, await planWorkbookBuffer(tables));
}

/** A cell value of exceljs as a table cell: rich text and hyperlinks as their text, formulas as their result, dates as ISO text. */
function cellValue(value: ExcelJS.CellValue): TableCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

/**
 * Reads one sheet of an .xlsx file as a header row and data rows (as a spreadsheet shows them: row numbers
 * 1-based; the first non-empty row is the header), for {@link rowsToPointLayer}. Numbers stay numbers, flags booleans; empty
 * cells are absent.
 * @param bytes - the .xlsx file's bytes
 * @param source - the file name, for messages
 * @param sheetName - the sheet to read; default the first
 * @returns the header and rows
 * @throws InputError naming the file when it is not an .xlsx workbook, has no sheets, or lacks the named sheet
 *   (listing the sheets it has)
 */
export async function readSheetRows(bytes: Uint8Array, source: string, sheetName?: string): Promise<TableRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError({ source, field: "file" }, `is not an .xlsx workbook (${(error as Error).message})`);
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new InputError({ source, field: "sheet" }, "the workbook has no sheets");
  const sheet = sheetName === undefined ? sheets[0]! : workbook.getWorksheet(sheetName);
  if (sheet === undefined) {
    throw new InputError({ source, field: "sheet", value: sheetName }, `no such sheet; the workbook has ${sheets.map((s) => JSON.stringify(s.name)).join(", ")}`);
  }
  const header: string[] = [];
  let headerRow = 0;
  const rows: Array<{ readonly rowNumber: number; readonly cells: readonly (TableCell | undefined)[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (TableCell | undefined)[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellValue(row.getCell(column).value));
    if (headerRow === 0) {
      headerRow = rowNumber;
      header.push(...cells.map((cell) => (cell === undefined || cell === null ? "" : String(cell))));
    } else rows.push({ rowNumber, cells });
  });
  return { source, header, rows, firstRowNumber: headerRow === 0 ? 1 : headerRow };
}
