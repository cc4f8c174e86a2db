import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { MultiYearPlanJson } from "../../src/plan/years/yearJson.ts";
import { run } from "./runCli.ts";

const EXAMPLES = join(import.meta.dirname, "../../examples/plan-input");
const folder = await mkdtemp(join(tmpdir(), "school-layout-plan-years-"));
const inputs = (): string[] => [
  "--settlements", join(EXAMPLES, "settlements.geojson"), "--schools", join(EXAMPLES, "schools.geojson"),
  "--candidates", join(EXAMPLES, "candidates.geojson"), "--groups", join(folder, "groups.json"), "--quiet",
];

beforeAll(async () => {
  await writeFile(join(folder, "groups.json"), JSON.stringify([{ id: "disability", rule: "resourceRoom" }, { id: "leftBehind", rule: "boardingCare" }]));
});

describe("school-layout plan --years", () => {
  it("plans 2025, 2030, 2035 under two scenarios of a county's projection: plan.json with years, schedule.csv, years.csv", async () => {
    const out = join(folder, "county");
    const result = await run("plan", ...inputs(), "--years", "2025,2030,2035", "--scenarios", "low,high", "--county", "441625", "--time-limit", "120", "--report", "--lang", "zh", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^multi-year plan: (optimal|feasible)/);
    expect(result.stdout).toMatch(/2035 high: [\d,]+ pupils, \d+ schools open/);
    const plan = JSON.parse(await readFile(join(out, "plan.json"), "utf8")) as MultiYearPlanJson;
    expect(plan.type).toBe("school-layout multi-year plan");
    expect(plan.years.map((y) => `${y.year} ${y.scenario}`)).toEqual(["2025 low", "2025 high", "2030 low", "2030 high", "2035 low", "2035 high"]);
    expect(plan.violations).toEqual([]);
    expect(plan.demand).toMatch(/441625 东源县/);
    // The projected pupils fall from 2025 to 2035 and the high scenario has at least the low one's.
    const pupils = (year: number, scenario: string) => plan.years.find((y) => y.year === year && y.scenario === scenario)!.figures.pupils;
    expect(pupils(2035, "low")).toBeLessThan(pupils(2025, "low"));
    expect(pupils(2030, "high")).toBeGreaterThanOrEqual(pupils(2030, "low"));
    for (const year of plan.years) {
      for (const school of year.schools) {
        expect(Object.keys(school)).toEqual(["id", "open", "action", "enrolment", "classes", "classrooms", "beds", "utilization"]);
      }
    }
    const schedule = (await readFile(join(out, "schedule.csv"), "utf8")).split("\r\n");
    expect(schedule[0]).toBe("school,name,existing,2025,2030,2035");
    const years = (await readFile(join(out, "years.csv"), "utf8")).trimEnd().split("\r\n");
    expect(years).toHaveLength(7);
    // report.html: a section per plan year, each with its map, the projection of the county and the charts.
    expect(result.stdout).toContain(join(out, "report.html"));
    const html = await readFile(join(out, "report.html"), "utf8");
    for (const year of [2025, 2030, 2035]) {
      expect(html).toContain(`id="year-${year}"`);
      expect(html).toContain(`${year}年学校布局（低方案）`);
    }
    expect(html).toContain("分学段学生数（预测，全县合计）");
    expect(html).toContain("441625 东源县");
    expect(html.match(/<svg/g)!.length).toBe(6);
  });

  it("plans for the least worst regret with --criterion maxRegret: each scenario's regret on stdout and in plan.json", async () => {
    const out = join(folder, "regret");
    const result = await run("plan", ...inputs(), "--years", "2025,2035", "--scenarios", "low,high", "--county", "441625", "--criterion", "maxRegret", "--time-limit", "120", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^multi-year plan: (optimal|feasible)/);
    expect(result.stdout).toMatch(/largest regret: [\d,]+ yuan, bound -?[\d,]+ yuan/);
    expect(result.stdout).toMatch(/ {2}high: [\d,]+ yuan against [\d,]+ yuan for its own best plan: regret [\d,]+ yuan/);
    const plan = JSON.parse(await readFile(join(out, "plan.json"), "utf8")) as MultiYearPlanJson;
    expect(plan.criterion).toBe("maxRegret");
    expect(plan.regret!.map((r) => r.scenario)).toEqual(["low", "high"]);
    expect(plan.objective).toBeCloseTo(Math.max(...plan.regret!.map((r) => r.regret)), 6);
    expect(plan.violations).toEqual([]);
  });

  it("refuses flags that do not go with --years, and multi-year flags without it", async () => {
    const out = join(folder, "bad");
    const cases: [string[], RegExp][] = [
      [["--years", "2025", "--out", out], /--years needs exactly one of --county CODE and --projection F\.json/],
      [["--years", "2025", "--county", "441625", "--budget", "1", "--out", out], /--budget is not supported with --years yet/],
      [["--years", "2025", "--county", "441625", "--tradeoff", "3", "--out", out], /--tradeoff is not supported with --years yet/],
      [["--county", "441625", "--out", out], /--county is for multi-year plans: give --years too/],
      [["--years", "2025", "--county", "441625", "--scenarios", "worst", "--out", out], /--scenarios "worst": with --county, scenarios are low, medium, high/],
      [["--years", "2025", "--projection", join(folder, "groups.json"), "--out", out], /not a projection\.json of school-layout project/],
      [["--years", "2019", "--county", "441625", "--out", out], /--years 2019: every plan year must be on or after the base year 2020/],
      [["--years", "2025", "--county", "441625", "--base-year", "2019", "--out", out], /--base-year 2019: with --county the projection starts at the 2020 census/],
      [["--method", "joint", "--out", out], /--method is for multi-year plans: give --years too/],
      [["--scenarios", "low", "--out", out], /--scenarios is for multi-year plans: give --years too/],
      [["--criterion", "maxRegret", "--out", out], /--criterion is for multi-year plans: give --years too/],
      [["--years", "2025", "--county", "441625", "--criterion", "worst", "--out", out], /--criterion.*expected, maxRegret/],
      [["--years", "2030,2025", "--county", "441625", "--out", out], /plan years must be ascending without repeats, got 2025 after 2030/],
      [["--years", "2025", "--county", "441625", "--discount-rate", "-0.1", "--out", out], /must be a yearly rate in \[0, 1\)/],
    ];
    for (const [args, message] of cases) {
      const result = await run("plan", ...inputs(), ...args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr).toMatch(message);
    }
  });

  it("reads a projection.json of school-layout project", async () => {
    const projection = join(folder, "projection.json");
    expect((await run("project", "--county", "441625", "--years", "2020,2025,2030", "--scenario", "medium", "--out", projection)).code).toBe(0);
    const out = join(folder, "from-file");
    // A malformed row is named by its row, a scenario the file lacks by the file's scenarios.
    const file = JSON.parse(await readFile(projection, "utf8")) as { rows: { enrolment: Record<string, number> }[] };
    delete file.rows[1]!.enrolment.junior;
    const broken = join(folder, "broken.json");
    await writeFile(broken, JSON.stringify(file));
    const bad = await run("plan", ...inputs(), "--years", "2025,2030", "--projection", broken, "--out", join(folder, "broken"));
    expect(bad.stderr).toMatch(/--projection ".*broken\.json": row 2, "enrolment\.junior": must be a finite number ≥ 0 \(every planned level\), got undefined/);
    const unknown = await run("plan", ...inputs(), "--years", "2025", "--projection", projection, "--scenarios", "medium,bogus", "--out", join(folder, "bogus"));
    expect(unknown.stderr).toMatch(/--scenarios "bogus": --projection ".*projection\.json" has the scenarios medium/);
    // Without --scenarios, the file's scenarios.
    const result = await run("plan", ...inputs(), "--years", "2025,2030", "--projection", projection, "--time-limit", "60", "--out", out);
    expect(result.stderr).toBe("");
    const plan = JSON.parse(await readFile(join(out, "plan.json"), "utf8")) as MultiYearPlanJson;
    expect(plan.years.map((y) => y.scenario)).toEqual(["medium", "medium"]);
    expect(plan.demand).toMatch(/projection in .*projection\.json/);
  });
});
