import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { FigureChange } from "../../src/metrics/compare.ts";
import type { LayoutEvaluation } from "../../src/metrics/evaluate.ts";
import type { PlanJson } from "../../src/plan/result/planJsonTypes.ts";
import { run } from "./runCli.ts";
import { writeTinyInputs } from "./tinyInputs.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-evaluate-"));
const path = (name: string): string => join(folder, name);
let flags: string[] = [];
const inputs = (): string[] => flags;
let plan: PlanJson;

beforeAll(async () => {
  flags = await writeTinyInputs(folder);
  const result = await run("plan", ...inputs(), "--time-limit", "10", "--quiet", "--out", path("plan"));
  expect(result.code, result.stderr).toBe(0);
  plan = JSON.parse(await readFile(path("plan/plan.json"), "utf8"));
});

describe("school-layout evaluate", () => {
  it("prints the plan's figures as JSON: no violations, and its mean trips as plan.json has them", async () => {
    const result = await run("evaluate", ...inputs(), "--plan", path("plan/plan.json"));
    expect(result.code, result.stderr).toBe(0);
    const evaluation = JSON.parse(result.stdout) as LayoutEvaluation;
    expect(evaluation.violations).toEqual([]);
    for (const level of plan.levels) expect(evaluation.access.county[level]!.all.meanMinutes).toBeCloseTo(plan.travel!.meanMinutesByLevel[level]!, 1);
  });

  it("finds the status quo's violations, as plan.json lists them, and writes Markdown in Chinese", async () => {
    const result = await run("evaluate", ...inputs(), "--plan", path("plan/plan.json"), "--layout", "status-quo", "--out", path("sq.json"), "--markdown", path("sq.md"), "--lang", "zh");
    expect(result.code, result.stderr).toBe(0);
    const evaluation = JSON.parse(await readFile(path("sq.json"), "utf8")) as LayoutEvaluation;
    expect(evaluation.violations.map((violation) => violation.rule).sort()).toEqual(plan.statusQuo!.violations.map((violation) => violation.rule).sort());
    expect(await readFile(path("sq.md"), "utf8")).toContain("## 可达性：各学段单程时间");
  });

  it("refuses a file that is neither a plan.json nor a layout, naming the file", async () => {
    const result = await run("evaluate", ...inputs(), "--plan", path("s.geojson"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/s\.geojson.*must be a layout/);
  });
});

describe("school-layout compare", () => {
  it("gives every figure of the status quo and the plan with the change", async () => {
    const result = await run("compare", ...inputs(), "--a", path("plan/plan.json"), "--layout-a", "status-quo", "--b", path("plan/plan.json"), "--markdown", path("cmp.md"));
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as FigureChange[];
    const mean = rows.find((row) => row.figure === "access.county.primary1to3.all.meanMinutes")!;
    expect(mean.b).toBeCloseTo(plan.travel!.meanMinutesByLevel.primary1to3!, 1);
    expect(mean.change).toBeCloseTo((mean.b as number) - (mean.a as number), 9);
    expect(await readFile(path("cmp.md"), "utf8")).toContain("| access.county.primary1to3.all.meanMinutes |");
  });
});

describe("school-layout report", () => {
  it("writes the report of a plan.json from its inputs, with plan.json's cost", async () => {
    const result = await run("report", ...inputs(), "--plan", path("plan/plan.json"), "--out", path("report.html"));
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path("report.html"), "utf8");
    expect(html).toContain(`<td>annual cost (yuan/yr)</td><td class="num">${plan.costs!.total!.toLocaleString("en-US")}</td>`);
  });

  it("refuses a plan made from other inputs, naming the id", async () => {
    const other = { ...plan, assignments: plan.assignments!.map((row, k) => (k === 0 ? { ...row, school: "elsewhere" } : row)) };
    await writeFile(path("other.json"), JSON.stringify(other));
    const result = await run("report", ...inputs(), "--plan", path("other.json"), "--out", path("other.html"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/"elsewhere".*|elsewhere.*other inputs|not a school or candidate of the inputs/);
  });
});
