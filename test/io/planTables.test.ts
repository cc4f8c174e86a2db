import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { balanceTable, planTables, tableToCsv, type PlanTable } from "../../src/io/planTables.ts";
import { planWorkbookBuffer } from "../../src/io/xlsx.node.ts";
import type { Plan } from "../../src/plan/result/result.ts";
import type { SchoolSystem } from "../../src/plan/system/system.ts";
import { tinyPlan } from "../plan/planFixture.ts";

let plan: Plan;
let system: SchoolSystem;

beforeAll(async () => {
  const made = await tinyPlan({ statusQuo: true });
  plan = made.plan;
  system = made.geo.system;
}, 60_000);

const byName = (tables: readonly PlanTable[], name: string): PlanTable => tables.find((table) => table.name === name)!;

describe("planTables", () => {
  it("gives schools, assignments, townships, costs and statusQuo tables in order, one school row per system school", () => {
    const tables = planTables(plan, system);
    expect(tables.map((table) => table.name)).toEqual(["schools", "assignments", "townships", "costs", "statusQuo"]);
    const schools = byName(tables, "schools");
    expect(schools.rows.map((row) => row.id)).toEqual(system.schools.map((school) => school.id));
    expect(schools.rows.length).toBe(plan.schools!.length);
    const p1 = plan.schools!.find((school) => school.id === "P1")!;
    const row = schools.rows.find((r) => r.id === "P1")!;
    expect(row["enrolment.primary1to3"]).toBe(p1.enrolment.primary1to3);
    expect(row["seats.primary4to6"]).toBe(p1.seats.primary4to6);
    expect(row.action).toBe(p1.action);
    expect(row.utilization).toBe(p1.utilization);
    expect(byName(tables, "assignments").rows.length).toBe(plan.assignments!.length);
  });

  it("puts units in the headers, in English or Chinese", () => {
    const en = planTables(plan, system, { language: "en" });
    const zh = planTables(plan, system, { language: "zh" });
    const headers = (tables: PlanTable[], name: string) => byName(tables, name).columns.map((column) => column.header);
    expect(headers(en, "assignments")).toContain("travel (min)");
    expect(headers(en, "assignments")).toContain("travel (m)");
    expect(headers(en, "costs")).toContain("plan (yuan/yr)");
    expect(headers(en, "schools")).toContain("enrolment: primary grades 1–3 (pupils)");
    expect(headers(zh, "assignments")).toContain("单程时间（分钟）");
    expect(headers(zh, "costs")).toContain("规划方案（元/年）");
    // Same keys in both languages: only the headers change.
    expect(byName(zh, "schools").columns.map((c) => c.key)).toEqual(byName(en, "schools").columns.map((c) => c.key));
  });

  it("writes the words of the cells in Chinese in a Chinese table (types, tiers, actions, levels, flags), names beside ids", () => {
    const en = planTables(plan, system, { language: "en" });
    const zh = planTables(plan, system, { language: "zh", townshipNames: { T1: "一号镇" } });
    const p1 = plan.schools!.find((school) => school.id === "P1")!;
    const enRow = byName(en, "schools").rows.find((r) => r.id === "P1")!;
    const zhRow = byName(zh, "schools").rows.find((r) => r.id === "P1")!;
    expect(enRow).toMatchObject({ type: p1.type, action: p1.action, open: p1.open, existing: true });
    expect(enRow).not.toHaveProperty("townshipName");
    expect(zhRow).toMatchObject({ type: "完全小学", township: "T1", townshipName: "一号镇", existing: "是" });
    expect(zhRow.open).toBe(p1.open ? "是" : "否");
    const zhCells = byName(zh, "schools").rows.flatMap((row) => [row.type, row.tier, row.action, row.existing, row.open, row.small]);
    expect(zhCells.filter((cell) => typeof cell === "boolean" || /[a-z]/i.test(String(cell)))).toEqual([]);
    const assignment = byName(zh, "assignments").rows[0]!;
    const first = plan.assignments![0]!;
    expect(assignment).toMatchObject({ settlement: first.settlement, settlementName: system.settlements[first.settlementIndex]!.name, school: first.school, schoolName: system.schools[first.schoolIndex]!.name });
    expect(String(assignment.level)).toMatch(/^[^a-z]+$/i);
    expect(byName(zh, "townships").rows[0]).toMatchObject({ township: "T1", townshipName: "一号镇" });
  });

  it("sums the townships' pupils from the settlements and weighs the mean trip by pupils", () => {
    const townships = byName(planTables(plan, system), "townships");
    expect(townships.rows.map((row) => row.township)).toEqual(["T1"]);
    const t1 = townships.rows[0]!;
    expect(t1.settlements).toBe(3);
    expect(t1["pupils.primary1to3"]).toBe(40 + 18 + 9);
    const assigned = plan.assignments!.reduce((sum, a) => sum + a.pupils, 0);
    const minutes = plan.assignments!.reduce((sum, a) => sum + a.pupils * a.travelMinutes, 0);
    expect(t1.meanTrip).toBeCloseTo(minutes / assigned, 9);
    expect(t1.schoolsOpen).toBe(plan.counts!.open);
    expect(t1.schoolsBuilt).toBe(plan.counts!.built);
  });

  it("costs: plan, status quo and difference per item, the total last", () => {
    const costs = byName(planTables(plan, system), "costs");
    expect(costs.rows.length).toBe(9);
    const total = costs.rows.at(-1)!;
    expect(total.item).toBe("total");
    expect(total.plan).toBe(plan.costs!.total);
    expect(total.statusQuo).toBe(plan.statusQuo!.costs.total);
    expect(total.difference).toBe(plan.costs!.total - plan.statusQuo!.costs.total);
  });

  it("adds a balance table from pre-computed rows, with columns given or taken from the rows", () => {
    const rows: Record<string, string | number>[] = [{ township: "T1", gini: 0.25 }, { township: "T2", gini: 0.3, note: "x" }];
    const tables = planTables(plan, system, { balance: rows });
    const balance = byName(tables, "balance");
    expect(balance.columns).toEqual([{ key: "township", header: "township" }, { key: "gini", header: "gini" }, { key: "note", header: "note" }]);
    expect(balance.rows).toEqual(rows);
    const zh = balanceTable(rows, "zh", [{ key: "gini", header: { en: "Gini (share)", zh: "基尼系数" } }]);
    expect(zh.columns).toEqual([{ key: "gini", header: "基尼系数" }]);
    expect(() => balanceTable([{ a: { nested: 1 } } as never])).toThrow(/balance 0, "a": must be a string, number, boolean or null/);
  });

  it("a plan without figures gives empty tables; a bad language is an InputError", () => {
    const empty = { ...plan, schools: undefined, assignments: undefined, costs: undefined, statusQuo: null } as Plan;
    const tables = planTables(empty, system);
    expect(byName(tables, "schools").rows).toEqual([]);
    expect(byName(tables, "costs").rows.every((row) => row.plan === null)).toBe(true);
    expect(() => planTables(plan, system, { language: "fr" as never })).toThrow(InputError);
  });

  it("does not mutate the plan and is deterministic", () => {
    const before = JSON.stringify(plan);
    const a = planTables(plan, system, { language: "zh" });
    const b = planTables(plan, system, { language: "zh" });
    expect(JSON.stringify(plan)).toBe(before);
    expect(a).toEqual(b);
  });
});

describe("tableToCsv", () => {
  const table: PlanTable = {
    name: "t",
    columns: [{ key: "a", header: "a, with comma" }, { key: "b", header: "b" }, { key: "c", header: "c" }],
    rows: [{ a: 'say "hi"', b: 0.1 + 0.2, c: true }, { a: "two\nlines", b: null }],
  };

  it("quotes per RFC 4180, ends records with CRLF, leaves numbers unformatted and empties empty", () => {
    expect(tableToCsv(table)).toBe('"a, with comma",b,c\r\n"say ""hi""",0.30000000000000004,true\r\n"two\nlines",,\r\n');
  });

  it("has no byte-order mark or comment lines, and parses back to the same cells", () => {
    const csv = tableToCsv(byName(planTables(plan, system, { language: "zh" }), "schools"));
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.startsWith("#")).toBe(false);
    const records = parse(csv) as string[][];
    expect(records.length).toBe(plan.schools!.length + 1);
    expect(records[0]![0]).toBe("编号");
  });
});

describe("planWorkbookBuffer", () => {
  it("writes one sheet per table whose cells equal the CSV table cell by cell, header bold and frozen", async () => {
    const tables = planTables(plan, system, { language: "zh", balance: [{ township: "T1", gini: 0.25 }] });
    const bytes = await planWorkbookBuffer(tables);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(tables.map((table) => table.name));
    for (const table of tables) {
      const sheet = workbook.getWorksheet(table.name)!;
      const csv = parse(tableToCsv(table)) as string[][];
      expect(sheet.rowCount).toBe(csv.length);
      csv.forEach((record, r) => {
        record.forEach((text, c) => {
          const value = sheet.getRow(r + 1).getCell(c + 1).value;
          expect(value === null || value === undefined ? "" : String(value), `${table.name} R${r + 1}C${c + 1}`).toBe(text);
        });
      });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
  });

  it("refuses two tables with one sheet name", async () => {
    const t: PlanTable = { name: "x", columns: [], rows: [] };
    await expect(planWorkbookBuffer([t, t])).rejects.toThrow(/tables 1, "name"/);
  });
});
