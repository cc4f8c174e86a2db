import ExcelJS from "exceljs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TINY_SETTLEMENTS } from "../plan/planFixture.ts";
import { run } from "./runCli.ts";

// Regression: a bad VALUE in a CSV or .xlsx layer (a misspelt school type, pupils that are not a number ≥ 0, a
// repeated id) was reported by the GeoJSON readers as `k.csv 1 (id "P1"), "properties.type"`: a 0-based feature
// index and a property path, and no flag. Every message must name the flag, the file, the row as a spreadsheet
// shows it (header row 1), the column as the header spells it, and the value.

const folder = await mkdtemp(join(tmpdir(), "school-layout-layer-errors-"));
const path = (name: string): string => join(folder, name);

type Row = readonly (string | number | null)[];

/** The tiny township's settlements; row 3 of the sheet (v2) takes `v2` where given. */
const settlementRows = (header: Row, v2: Row = ["v2", 114.708, 23.9, "Lower", "T1", 12, 18, 20]): Row[] => [
  header,
  ["v1", 114.7, 23.9, "Upper", "T1", 25, 40, 35],
  v2,
  ["v3", 114.74, 23.9, "Far", "T1", 5, 9, 8],
];
const SETTLEMENT_HEADER: Row = ["id", "lon", "lat", "name", "township", "kindergarten", "primary1to3", "primary4to6"];
/** The same columns, the pupils spelt as `pupils.<level>` (a header a spreadsheet tool can write). */
const SETTLEMENT_ALIAS_HEADER: Row = ["id", "lon", "lat", "name", "township", "kindergarten", "pupils.primary1to3", "pupils.primary4to6"];

/** The tiny township's schools; row 3 of the sheet (P1) takes `p1` where given. */
const schoolRows = (p1: Row = ["P1", 114.701, 23.9, "complete primary", "village", "T1", null, 1, 1]): Row[] => [
  ["id", "lon", "lat", "type", "tier", "township", "classes.kindergarten", "classes.primary1to3", "classes.primary4to6"],
  ["K1", 114.7005, 23.9, "kindergarten", "township", "T1", 1, null, null],
  p1,
  ["P2", 114.7075, 23.9, "complete primary", "village", "T1", null, 1, 1],
];

const BAD_PUPILS: Row = ["v2", 114.708, 23.9, "Lower", "T1", 12, "abc", 20];
const NEGATIVE_PUPILS: Row = ["v2", 114.708, 23.9, "Lower", "T1", 12, -3, 20];
const BAD_TYPE: Row = ["P1", 114.701, 23.9, "primry", "village", "T1", null, 1, 1];
const REPEATED_ID: Row = ["K1", 114.701, 23.9, "complete primary", "village", "T1", null, 1, 1];

function toCsv(rows: readonly Row[]): string {
  return rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell))).join(",")).join("\n") + "\n";
}

/** Writes `rows` to sheet `sheetName` of an .xlsx workbook (after a notes sheet); `gapBefore` leaves an empty sheet row before that data row. */
async function writeXlsx(file: string, sheetName: string, rows: readonly Row[], gapBefore?: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("notes").addRow(["this sheet is not the layer"]);
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row, k) => {
    if (k === gapBefore) sheet.addRow([]);
    sheet.addRow([...row]);
  });
  await workbook.xlsx.writeFile(file);
}

beforeAll(async () => {
  await writeFile(path("norms.json"), JSON.stringify({ dayTravelLimitMinutes: { kindergarten: null } }));
  await writeFile(path("settlements.csv"), toCsv(settlementRows(SETTLEMENT_HEADER)));
  await writeFile(path("bad-pupils.csv"), toCsv(settlementRows(SETTLEMENT_HEADER, BAD_PUPILS)));
  await writeFile(path("negative-pupils.csv"), toCsv(settlementRows(SETTLEMENT_HEADER, NEGATIVE_PUPILS)));
  await writeFile(path("schools.csv"), toCsv(schoolRows()));
  await writeFile(path("bad-type.csv"), toCsv(schoolRows(BAD_TYPE)));
  await writeFile(path("repeated-id.csv"), toCsv(schoolRows(REPEATED_ID)));
  await writeFile(path("candidates.csv"), toCsv([["id", "lon", "lat", "type", "tier", "township"], ["C1", 114.7405, 23.9, "teaching point", "village", "T1"], ["P2", 114.741, 23.9, "teaching point", "village", "T1"]]));
  await writeXlsx(path("settlements.xlsx"), "Villages", settlementRows(SETTLEMENT_ALIAS_HEADER));
  await writeXlsx(path("bad-pupils.xlsx"), "Villages", settlementRows(SETTLEMENT_ALIAS_HEADER, BAD_PUPILS));
  await writeXlsx(path("negative-pupils.xlsx"), "Villages", settlementRows(SETTLEMENT_ALIAS_HEADER, NEGATIVE_PUPILS));
  await writeXlsx(path("schools.xlsx"), "Schools", schoolRows());
  await writeXlsx(path("bad-type.xlsx"), "Schools", schoolRows(BAD_TYPE));
  await writeXlsx(path("repeated-id.xlsx"), "Schools", schoolRows(REPEATED_ID));
  await writeXlsx(path("gap.xlsx"), "Schools", schoolRows(BAD_TYPE), 2);
  const bad = structuredClone(TINY_SETTLEMENTS);
  bad.features[1]!.properties!["primary1to3"] = "abc";
  await writeFile(path("bad-pupils.geojson"), JSON.stringify(bad));
  await writeFile(path("demand-bad.csv"), "id,longitude,latitude,pupils\nv1,114.70,23.80,30\nv2,114.72,23.80,abc\n");
  await writeFile(path("demand.csv"), "id,longitude,latitude,pupils\nv1,114.70,23.80,30\nv2,114.72,23.80,10\n");
  await writeXlsx(path("sites.xlsx"), "Sites", [["code", "lon", "lat"], ["s1", 114.71, 23.8], ["s1", 114.79, 23.8]]);
});

const planInputs = (settlements: string, schools: string): string[] => ["--settlements", settlements, "--schools", schools, "--norms", path("norms.json")];
const plan = (settlements: string, schools: string, ...more: string[]): string[] => ["plan", ...planInputs(settlements, schools), ...more, "--quiet", "--out", path("out")];

/** Runs the CLI and returns its one-line message, checking that it failed with exit code 1. */
async function failure(argv: readonly string[]): Promise<string> {
  const result = await run(...argv);
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  return result.stderr;
}

describe("a bad value in a CSV or .xlsx layer: the message names the flag, the file, the row, the column and the value", () => {
  const formats = [
    { format: "CSV", file: (name: string): string => path(`${name}.csv`), pupilsColumn: "primary1to3" },
    { format: ".xlsx", file: (name: string): string => `${path(`${name}.xlsx`)}#${name.includes("pupils") || name === "settlements" ? "Villages" : "Schools"}`, pupilsColumn: "pupils.primary1to3" },
  ] as const;
  for (const { format, file, pupilsColumn } of formats) {
    it(`${format}: a misspelt school type in row 3`, async () => {
      const message = await failure(plan(file("settlements"), file("bad-type")));
      expect(message).toContain(`school-layout: --schools ${file("bad-type")} row 3 (id "P1"), "type": must be one of "kindergarten", `);
      expect(message).toMatch(/, got "primry"\n$/);
      expect(message).not.toContain("properties.");
    });

    it(`${format}: pupils that are not a number, or negative, in row 3`, async () => {
      const text = await failure(plan(file("bad-pupils"), file("schools")));
      expect(text).toBe(`school-layout: --settlements ${file("bad-pupils")} row 3 (id "v2"), "${pupilsColumn}": must be a finite number ≥ 0, got "abc"\n`);
      const negative = await failure(plan(file("negative-pupils"), file("schools")));
      expect(negative).toBe(`school-layout: --settlements ${file("negative-pupils")} row 3 (id "v2"), "${pupilsColumn}": must be a finite number ≥ 0, got -3\n`);
    });

    it(`${format}: an id repeated in row 3 names both rows`, async () => {
      const message = await failure(plan(file("settlements"), file("repeated-id")));
      expect(message).toBe(`school-layout: --schools ${file("repeated-id")} row 3 (id "K1"), "id": duplicates the id of row 2, got "K1"\n`);
    });
  }

  it(".xlsx: the row is the sheet's own row number, empty rows counted", async () => {
    const message = await failure(plan(path("settlements.csv"), `${path("gap.xlsx")}#Schools`));
    expect(message).toContain(`--schools ${path("gap.xlsx")}#Schools row 4 (id "P1"), "type": must be one of`);
  });

  it("a candidate repeating a school's id names the candidates' row and the schools' row", async () => {
    const message = await failure(plan(path("settlements.csv"), path("schools.csv"), "--candidates", path("candidates.csv")));
    expect(message).toContain(`--candidates ${path("candidates.csv")} row 3 (id "P2"), "id": duplicates the id of --schools ${path("schools.csv")} row 4: ids must be unique across`);
    expect(message).toMatch(/got "P2"\n$/);
  });

  for (const command of ["evaluate", "report", "map"] as const) {
    it(`${command} reads the layers as plan does, with the same message`, async () => {
      const out = command === "map" ? path("map.svg") : path("report.html");
      const argv = [command, ...planInputs(path("settlements.csv"), path("bad-type.csv")), "--plan", path("none.json"), ...(command === "evaluate" ? [] : ["--out", out])];
      const message = await failure(argv);
      expect(message).toContain(`--schools ${path("bad-type.csv")} row 3 (id "P1"), "type": must be one of`);
      expect(message).toMatch(/got "primry"\n$/);
    });
  }

  it("solve: a bad --demand weight and a repeated --sites id (with --id) name the row and the column", async () => {
    const weight = await failure(["solve", "p-median", "--demand", path("demand-bad.csv"), "--sites", `${path("sites.xlsx")}#Sites`, "--weight", "pupils", "-p", "1"]);
    expect(weight).toBe(`school-layout: --demand ${path("demand-bad.csv")} row 3 (id "v2"), "pupils": must be a finite number ≥ 0, got "abc"\n`);
    await writeFile(path("demand-code.csv"), "code,longitude,latitude,pupils\nv1,114.70,23.80,30\n");
    const id = await failure(["solve", "p-median", "--demand", path("demand-code.csv"), "--sites", `${path("sites.xlsx")}#Sites`, "--id", "code", "--weight", "pupils", "-p", "1"]);
    expect(id).toBe(`school-layout: --sites ${path("sites.xlsx")}#Sites row 3 (id "s1"), "code": duplicates the id of row 2, got "s1"\n`);
  });
});

describe("a bad value in a GeoJSON layer keeps the feature index and the property path, and names the flag", () => {
  it("plan --settlements", async () => {
    const message = await failure(plan(path("bad-pupils.geojson"), path("schools.csv")));
    expect(message).toBe(`school-layout: --settlements ${path("bad-pupils.geojson")} 1 (id "v2"), "properties.primary1to3": must be a finite number ≥ 0, got "abc"\n`);
  });

  it("solve --demand", async () => {
    const message = await failure(["solve", "p-median", "--demand", path("bad-pupils.geojson"), "--sites", path("demand.csv"), "--weight", "primary1to3", "-p", "1"]);
    expect(message).toBe(`school-layout: --demand ${path("bad-pupils.geojson")} 1 (id "v2"), "properties.primary1to3": must be a finite number ≥ 0, got "abc"\n`);
  });
});

describe("a table given to a flag that takes only JSON (regression: the hint said to name a .csv file .csv)", () => {
  it("--boundary with a .csv file says the flag takes JSON or GeoJSON, not a table", async () => {
    const message = await failure(plan(path("settlements.csv"), path("schools.csv"), "--boundary", path("settlements.csv")));
    expect(message).toMatch(/^school-layout: --boundary ".*settlements\.csv": not valid JSON \(.*\); the file looks like CSV \(first line "id,lon,lat,/);
    expect(message).toContain(", but --boundary takes a JSON or GeoJSON file, not a table (CSV, .xlsx)");
    expect(message).not.toContain("name it .csv");
  });

  it("--groups with an .xlsx workbook says the same, not to name it .xlsx", async () => {
    const message = await failure(plan(path("settlements.csv"), path("schools.csv"), "--groups", path("schools.xlsx")));
    expect(message).toContain(`--groups "${path("schools.xlsx")}": not valid JSON`);
    expect(message).toContain("the file looks like an .xlsx workbook or other zip file, but --groups takes a JSON or GeoJSON file, not a table (CSV, .xlsx)");
    expect(message).not.toContain("name it .xlsx");
  });

  it("a layer flag given CSV in a .json file still says to name it .csv", async () => {
    await writeFile(path("settlements-csv.json"), toCsv(settlementRows(SETTLEMENT_HEADER)));
    const message = await failure(plan(path("settlements-csv.json"), path("schools.csv")));
    expect(message).toContain(": name it .csv to read it as a table with longitude/latitude columns");
  });
});
