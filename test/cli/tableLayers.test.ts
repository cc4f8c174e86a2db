import ExcelJS from "exceljs";
import type { FeatureCollection } from "geojson";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TINY_CANDIDATES, TINY_GROUPS, TINY_SCHOOLS, TINY_SETTLEMENTS } from "../plan/planFixture.ts";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-tables-"));
const path = (name: string): string => join(folder, name);

/** A layer as flat rows: lon/lat columns, nested `classes` as `classes.<level>` columns. */
function flatRows(layer: FeatureCollection): Array<Record<string, string | number | boolean>> {
  return layer.features.map((feature) => {
    const [lon, lat] = (feature.geometry as { coordinates: number[] }).coordinates;
    const row: Record<string, string | number | boolean> = { lon: lon!, lat: lat! };
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      if (typeof value === "object" && value !== null) for (const [level, count] of Object.entries(value)) row[`${key}.${level}`] = count as number;
      else row[key] = value as string | number | boolean;
    }
    return row;
  });
}

function toCsv(rows: Array<Record<string, unknown>>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [columns.join(","), ...rows.map((row) => columns.map((c) => (row[c] === undefined ? "" : String(row[c]))).join(","))].join("\n") + "\n";
}

async function toXlsx(rows: Array<Record<string, unknown>>, sheetName: string, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("notes").addRow(["this sheet is not the layer"]);
  const sheet = workbook.addWorksheet(sheetName);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  sheet.addRow(columns);
  for (const row of rows) sheet.addRow(columns.map((c) => row[c] ?? null));
  await workbook.xlsx.writeFile(file);
}

beforeAll(async () => {
  await writeFile(path("tiny-norms.json"), JSON.stringify({ dayTravelLimitMinutes: { kindergarten: null } }));
  await writeFile(path("groups.json"), JSON.stringify(TINY_GROUPS));
  await writeFile(path("settlements.geojson"), JSON.stringify(TINY_SETTLEMENTS));
  await writeFile(path("schools.geojson"), JSON.stringify(TINY_SCHOOLS));
  await writeFile(path("candidates.geojson"), JSON.stringify(TINY_CANDIDATES));
  await writeFile(path("settlements.csv"), toCsv(flatRows(TINY_SETTLEMENTS)));
  await toXlsx(flatRows(TINY_SCHOOLS), "Schools", path("schools.xlsx"));
  await writeFile(path("candidates.csv"), toCsv(flatRows(TINY_CANDIDATES)));
  await writeFile(path("bom-settlements.geojson"), `\uFEFF${JSON.stringify(TINY_SETTLEMENTS)}`);
  // solve layers
  await writeFile(path("demand.csv"), "id,longitude,latitude,pupils\nv1,114.70,23.80,30\nv2,114.72,23.80,10\nv3,114.80,23.80,25\n");
  await writeFile(path("sites.csv"), "id,lon,lat\ns1,114.71,23.80\ns2,114.79,23.80\n");
  await writeFile(path("demand-csv.json"), "id,longitude,latitude,pupils\nv1,114.70,23.80,30\n");
  await writeFile(path("demand.txt"), "hello world\n");
  await writeFile(path("null-weight.geojson"), JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "v1", pupils: null }, geometry: { type: "Point", coordinates: [114.7, 23.8] } }] }));
  await writeFile(path("costs.csv"), "village,school,minutes\nv1,s1,5\nv1,s2,40\nv2,s1,6\nv2,s2,30\nv3,s1,35\nv3,s2,4\n");
  await writeFile(path("bad-demand.csv"), "id,lon,lat,pupils\nv1,114.7,23.8,30\nv2,oops,23.8,10\n");
});

const planArgs = (settlements: string, schools: string, candidates: string, out: string): string[] => [
  "plan", "--norms", path("tiny-norms.json"), "--settlements", settlements, "--schools", schools, "--candidates", candidates,
  "--groups", path("groups.json"), "--time-limit", "20", "--quiet", "--out", out,
];

describe("school-layout plan reads CSV and .xlsx layers", () => {
  it("gives the same plan from CSV settlements, an .xlsx sheet of schools and CSV candidates as from GeoJSON", async () => {
    const fromGeo = await run(...planArgs(path("settlements.geojson"), path("schools.geojson"), path("candidates.geojson"), path("geo")));
    expect(fromGeo.stderr).toBe("");
    const fromTables = await run(...planArgs(path("settlements.csv"), `${path("schools.xlsx")}#Schools`, path("candidates.csv"), path("tables")));
    expect(fromTables.stderr).toBe("");
    expect(fromTables.code).toBe(fromGeo.code);
    const a = JSON.parse(await readFile(path("geo/plan.json"), "utf8"));
    const b = JSON.parse(await readFile(path("tables/plan.json"), "utf8"));
    expect(a.schools.length).toBe(4);
    expect(a.assignments.length).toBeGreaterThan(0);
    expect(b.schools).toEqual(a.schools);
    expect(b.assignments).toEqual(a.assignments);
  }, 120_000);

  it("reads a GeoJSON file that starts with a UTF-8 byte-order mark (regression: it was not valid JSON)", async () => {
    const result = await run(...planArgs(path("bom-settlements.geojson"), path("schools.geojson"), path("candidates.geojson"), path("bom")));
    expect(result.stderr).not.toContain("not valid JSON");
    expect(result.code).toBe(0);
  }, 120_000);

  it("names the sheet a workbook lacks, listing the sheets it has", async () => {
    const result = await run(...planArgs(path("settlements.csv"), `${path("schools.xlsx")}#Nope`, path("candidates.csv"), path("nope")));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`schools.xlsx, "sheet": no such sheet; the workbook has "notes", "Schools", got "Nope"`);
  });
});

describe("school-layout solve reads CSV layers", () => {
  it("solves on a CSV --demand and --sites (regression: a CSV given as --demand said only \"not valid JSON\")", async () => {
    const result = await run("solve", "p-median", "--demand", path("demand.csv"), "--sites", path("sites.csv"), "--id", "id", "--weight", "pupils", "-p", "1", "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toBeTypeOf("object");
  });

  it("names the row as a spreadsheet shows it and the column of a bad coordinate", async () => {
    const result = await run("solve", "p-median", "--demand", path("bad-demand.csv"), "--sites", path("sites.csv"), "-p", "1");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`bad-demand.csv row 3, "lon": must be a number`);
  });

  it("says a .json file holding CSV looks like CSV, and a file of no known format what was expected", async () => {
    const json = await run("solve", "p-median", "--demand", path("demand-csv.json"), "--sites", path("sites.csv"), "-p", "1");
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/--demand ".*demand-csv\.json": not valid JSON \(.*\); the file looks like CSV \(first line "id,longitude,latitude,pupils"\): name it \.csv/);
    const text = await run("solve", "p-median", "--demand", path("demand.txt"), "--sites", path("sites.csv"), "-p", "1");
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`demand.txt": expected GeoJSON (.geojson, .json), CSV (.csv) or an .xlsx workbook, with longitude/latitude columns for tables; the file looks like text starting "hello world"`);
  });

  it("says a null weight is null (regression: it was reported as no property)", async () => {
    const result = await run("solve", "p-median", "--demand", path("null-weight.geojson"), "--sites", path("sites.csv"), "--weight", "pupils", "-p", "1");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the property "pupils" is null`);
    expect(result.stderr).not.toContain("has no property");
  });

  it("names --cost-value when it names no column (regression: the flag was not named)", async () => {
    const result = await run("solve", "p-median", "--demand", path("demand.csv"), "--sites", path("sites.csv"), "--id", "id", "--costs", path("costs.csv"), "--cost-from", "village", "--cost-to", "school", "--cost-value", "minute", "-p", "1");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`costs.csv line 1, "--cost-value": names no column (the value column, option --cost-value); the columns are "village", "school", "minutes", got "minute"`);
  });
});
