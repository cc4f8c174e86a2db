import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { costOf } from "../../src/costMatrix.ts";
import { convertCoordinates } from "../../src/io/coordinateSystem.ts";
import { schoolSystemFromGeoJSON } from "../../src/io/schoolSystemGeoJSON.ts";
import { CHINA_NORMS, LEVELS, withNormOverrides, type LevelId } from "../../src/norms/index.ts";
import { checkPlan } from "../../src/plan/check/checkPlan.ts";
import type { PlanJson, PlanJsonByLevel } from "../../src/plan/result/planJsonTypes.ts";
import type { PlanCostBreakdown, PlannedAssignment, PlannedSchool, PlanScore } from "../../src/plan/result/result.ts";
import { resolvePlanRules } from "../../src/plan/rules/rules.ts";
import type { PupilsByLevel, SchoolSystem, SpecialGroup } from "../../src/plan/system/system.ts";
import { TINY_CANDIDATES, TINY_GROUPS, TINY_SCHOOLS, TINY_SETTLEMENTS } from "../plan/planFixture.ts";
import { run } from "./runCli.ts";

const EXAMPLES = join(import.meta.dirname, "../../examples/plan-input");
const example = (name: string): string => join(EXAMPLES, name);
const folder = await mkdtemp(join(tmpdir(), "school-layout-plan-"));
const path = (name: string): string => join(folder, name);

const GROUPS: SpecialGroup[] = [
  { id: "disability", rule: "resourceRoom" },
  { id: "leftBehind", rule: "boardingCare" },
];
// The example county is infeasible under the national norms as they stand (S1's 420 kindergarten children exceed
// the 360-child kindergarten limit, and villages lie beyond a 30-minute walk): a county's own overrides.
const COUNTY_NORMS = { dayTravelLimitMinutes: { primary1to3: 120, kindergarten: null }, maxSchoolSize: { kindergarten: 3000 } };

beforeAll(async () => {
  await writeFile(path("groups.json"), JSON.stringify(GROUPS));
  await writeFile(path("norms.json"), JSON.stringify(COUNTY_NORMS));
  await writeFile(path("tiny-norms.json"), JSON.stringify({ dayTravelLimitMinutes: { kindergarten: null } }));
  await writeFile(path("bad-norms.json"), JSON.stringify({ dayTravelLimitMinutes: { primary1to3: -5 } }));
  await writeFile(path("rule-as-norm.json"), JSON.stringify({ maxClosures: 0 }));
  await writeFile(path("one-minute.json"), JSON.stringify({ dayTravelLimitMinutes: { primary1to3: 1 } }));
  await writeFile(path("groups-object.json"), JSON.stringify({ id: "disability" }));
  await writeFile(path("bad-figures.json"), JSON.stringify({ classPerYear: -1 }));
  await writeFile(path("figures.json"), JSON.stringify({ classPerYear: 150000 }));
  await writeFile(path("tiny-settlements.geojson"), JSON.stringify(TINY_SETTLEMENTS));
  await writeFile(path("tiny-schools.geojson"), JSON.stringify(TINY_SCHOOLS));
  await writeFile(path("tiny-candidates.geojson"), JSON.stringify(TINY_CANDIDATES));
  await writeFile(path("tiny-groups.json"), JSON.stringify(TINY_GROUPS));
  // Every settlement × school pair of the tiny county, 3 minutes each, but v3 → P1 at 25 minutes.
  const rows = ["# basis: test table of made-up minutes", "from,to,minutes"];
  for (const settlement of ["v1", "v2", "v3"]) {
    for (const school of ["K1", "P1", "P2", "C1"]) rows.push(`${settlement},${school},${settlement === "v3" && school === "P1" ? 25 : 3}`);
  }
  await writeFile(path("tiny-minutes.csv"), `${rows.join("\n")}\n`);
  // One residential street through every point of the tiny county (all at latitude 23.9).
  const street = { type: "Feature", properties: { highway: "residential" }, geometry: { type: "LineString", coordinates: [[114.69, 23.9], [114.72, 23.9], [114.75, 23.9]] } };
  await writeFile(path("tiny-roads.geojson"), JSON.stringify({ type: "FeatureCollection", features: [street] }));
  const shortStreet = { ...street, geometry: { type: "LineString", coordinates: [[114.69, 23.9], [114.72, 23.9]] } };
  await writeFile(path("short-roads.geojson"), JSON.stringify({ type: "FeatureCollection", features: [shortStreet] }));
});

const exampleArgs = (out: string): string[] => [
  "plan",
  "--settlements",
  example("settlements.geojson"),
  "--schools",
  example("schools.geojson"),
  "--candidates",
  example("candidates.geojson"),
  "--groups",
  path("groups.json"),
  "--time-limit",
  "30",
  "--quiet",
  "--out",
  out,
];

// The tiny county has no village kindergarten site: its kindergarten children may walk any distance.
const tinyArgs = (out: string): string[] => [
  "plan",
  "--norms",
  path("tiny-norms.json"),
  "--settlements",
  path("tiny-settlements.geojson"),
  "--schools",
  path("tiny-schools.geojson"),
  "--candidates",
  path("tiny-candidates.geojson"),
  "--groups",
  path("tiny-groups.json"),
  "--time-limit",
  "20",
  "--out",
  out,
];

const planSummaryNeverOptimal = (summary: string): boolean => !/optimal/i.test(summary);

async function readJsonFile<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, "utf8")) as T;
}

const full = (levels: PlanJsonByLevel<number>): PupilsByLevel =>
  Object.fromEntries(LEVELS.map((level) => [level, levels[level] ?? 0])) as Record<LevelId, number>;

/**
 * The layout of a written plan.json as checkPlan takes it. plan.json rounds minutes to 0.01 and metres to whole
 * metres, so the rows' travel figures are taken from the system (after checking they round to the written ones).
 */
function layoutFromJson(json: PlanJson, system: SchoolSystem): PlanScore {
  const settlementIndex = new Map(system.settlements.map((settlement, i) => [settlement.id, i]));
  const schoolIndex = new Map(system.schools.map((school, j) => [school.id, j]));
  const schools = json.schools!.map(
    (school, j): PlannedSchool => ({ ...school, index: j, enrolment: full(school.enrolment), classes: full(school.classes), seats: full(school.seats) }),
  );
  const assignments = json.assignments!.map((row): PlannedAssignment => {
    const i = settlementIndex.get(row.settlement)!;
    const j = schoolIndex.get(row.school)!;
    const minutes = costOf(system.travelMinutes[row.level]!, i, j);
    const metres = system.travelMetres[row.level] === undefined ? null : costOf(system.travelMetres[row.level]!, i, j);
    expect(row.travelMinutes).toBeCloseTo(minutes, 2);
    if (metres !== null) expect(Math.abs(row.travelMetres! - metres)).toBeLessThanOrEqual(0.5);
    return { ...row, settlementIndex: i, schoolIndex: j, travelMinutes: minutes, travelMetres: metres };
  });
  return {
    schools,
    assignments,
    costs: json.costs as PlanCostBreakdown,
    travel: json.travel as PlanScore["travel"],
    counts: json.counts!,
  };
}

describe("school-layout plan on the example county", () => {
  const out = path("example");
  let json: PlanJson;
  let stdout = "";

  beforeAll(async () => {
    const result = await run(...exampleArgs(out), "--norms", path("norms.json"));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    stdout = result.stdout;
    json = await readJsonFile<PlanJson>(join(out, "plan.json"));
  });

  it("writes plan.geojson, plan.json and summary.md and prints status, cost, travel and actions", () => {
    for (const name of ["plan.geojson", "plan.json", "summary.md"]) expect(existsSync(join(out, name))).toBe(true);
    expect(stdout).toMatch(/^plan: optimal/);
    expect(stdout).toMatch(/annual cost: [\d,]+ yuan \(status quo [\d,]+\)/);
    expect(stdout).toMatch(/mean travel: [\d.]+ min/);
    expect(stdout).toMatch(/schools: \d+ open, \d+ closed, \d+ expanded, \d+ built/);
  });

  it("plan.json has every documented field, per-level objects for the planned levels only", () => {
    for (const key of ["status", "objective", "objectiveKind", "bound", "gap", "source", "levels", "rules", "costFigures", "travelBasis", "schools", "assignments", "costs", "travel", "counts", "statusQuo", "reasons", "tradeoff", "statistics"]) {
      expect(json).toHaveProperty(key);
    }
    expect(json.status).toBe("optimal");
    expect(json.levels).toEqual(["kindergarten", "primary1to3", "primary4to6", "junior"]);
    expect(Object.keys(json.rules.dayTravelLimitMinutes)).toEqual(json.levels);
    expect(json.rules.dayTravelLimitMinutes.primary1to3).toBe(120);
    expect(json.rules.boardingFromGrade).toBe(4);
    for (const key of ["boardingTravelLimitMinutes", "boardingAllowed", "classSize", "teachingPointClassSize", "maxSchoolSize", "minimumEnrolment", "threeSchools", "catchments", "splitAbovePupils", "wholeClasses", "budgetYuanPerYear", "maxClosures", "maxMeanTravelMinutes"]) {
      expect(json.rules).toHaveProperty(key);
    }
    const school = json.schools![0]!;
    for (const key of ["id", "name", "type", "tier", "township", "existing", "action", "enrolment", "classes", "seats", "classrooms", "classroomsAdded", "boarders", "beds", "bedsAdded", "utilization", "small"]) {
      expect(school).toHaveProperty(key);
    }
    expect(Object.keys(school.enrolment)).toEqual(json.levels);
    const row = json.assignments![0]!;
    for (const key of ["settlement", "level", "school", "pupils", "travelMinutes", "travelMetres", "boarding"]) expect(row).toHaveProperty(key);
    expect(json.statusQuo).not.toBeNull();
    for (const key of ["schools", "assignments", "costs", "travel", "counts", "violations"]) expect(json.statusQuo).toHaveProperty(key);
    expect(json.travelBasis).toMatch(/^kindergarten, primary1to3 by walk: no road network/);
  });

  it("the written plan passes checkPlan against the same system built through the library", async () => {
    const read = async (name: string): Promise<unknown> => readJsonFile(example(name));
    const { system } = schoolSystemFromGeoJSON({
      settlements: await read("settlements.geojson"),
      schools: await read("schools.geojson"),
      candidates: await read("candidates.geojson"),
      groups: GROUPS,
      travel: { fallback: {} },
    });
    const rules = resolvePlanRules({ norms: withNormOverrides(CHINA_NORMS, COUNTY_NORMS) });
    const check = checkPlan(system, { ...layoutFromJson(json, system), rules, costFigures: json.costFigures });
    expect(check.violations).toEqual([]);
    expect(check.costs.total).toBeCloseTo(json.costs!.total!, -1);
  });

  it("plan.geojson holds the school, settlement and assignment layers with the plan's metadata", async () => {
    const collection = await readJsonFile<{ features: { properties: Record<string, unknown> }[]; metadata: Record<string, unknown> }>(join(out, "plan.geojson"));
    const layers = collection.features.map((feature) => feature.properties["layer"]);
    expect(layers.filter((layer) => layer === "school")).toHaveLength(json.schools!.length);
    expect(layers.filter((layer) => layer === "settlement")).toHaveLength(8);
    expect(layers.filter((layer) => layer === "assignment")).toHaveLength(json.assignments!.length);
    expect(collection.metadata).toMatchObject({ status: "optimal", objective: json.objective, gap: json.gap, travelBasis: json.travelBasis });
  });

  it("summary.md states the status, the cost table against the status quo and the travel basis", async () => {
    const summary = await readFile(join(out, "summary.md"), "utf8");
    expect(summary).toMatch(/^# School plan\n/);
    expect(summary).toContain("**Optimal: the solver proved");
    expect(summary).toContain("| item | plan | status quo | change |");
    expect(summary).toContain("Travel times: kindergarten, primary grades 1–3 by walk: no road network");
  });
});

describe("school-layout plan with rules no plan can meet", () => {
  it("writes the three files with the reasons, prints them on stderr, and exits 0", async () => {
    const out = path("infeasible");
    const result = await run(...exampleArgs(out), "--norms", path("one-minute.json"));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/plan: no plan meets the rules:\n- unreachable: /);
    expect(result.stdout).toMatch(/^plan: infeasible/);
    const json = await readJsonFile<PlanJson>(join(out, "plan.json"));
    expect(json.status).toBe("infeasible");
    expect(json.schools).toBeNull();
    expect(json.reasons.length).toBeGreaterThan(0);
    expect(json.reasons[0]!.code).toBe("unreachable");
    expect(json.rules.dayTravelLimitMinutes.primary1to3).toBe(1);
    const summary = await readFile(join(out, "summary.md"), "utf8");
    expect(summary).toContain("**No plan meets the rules. The reasons below give the numbers.**");
    expect(summary).toContain("## Why no plan meets the rules");
    const collection = await readJsonFile<{ features: { properties: Record<string, unknown> }[] }>(join(out, "plan.geojson"));
    expect(collection.features.some((feature) => feature.properties["layer"] === "assignment")).toBe(false);
  });
});

describe("school-layout plan interrupted", () => {
  it("stops on Ctrl-C (SIGINT) with status aborted, still writes the files, and exits with code 130", async () => {
    const out = path("interrupted");
    const running = run(...exampleArgs(out), "--norms", path("norms.json"));
    let done = false;
    void running.finally(() => (done = true));
    // process.emit calls the listeners only (no real signal): keep "pressing Ctrl-C" until the command listens.
    while (!done) {
      process.emit("SIGINT");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const result = await running;
    expect(result.code).toBe(130);
    expect(result.stdout).toMatch(/^plan: aborted/);
    const json = await readJsonFile<PlanJson>(join(out, "plan.json"));
    expect(json.status).toBe("aborted");
    expect(planSummaryNeverOptimal(await readFile(join(out, "summary.md"), "utf8"))).toBe(true);
  });
});

describe("school-layout plan on a tiny county", () => {
  it("prints the straight-line basis on stderr when no road network is given", async () => {
    const result = await run(...tinyArgs(path("tiny")));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("plan: no road network given; travel times by the straight-line fallback: kindergarten, primary1to3 by walk");
  });

  it("reads a travel-time table with --costs for every level and names it as the basis", async () => {
    const out = path("tiny-table");
    const result = await run(...tinyArgs(out), "--costs", path("tiny-minutes.csv"), "--quiet");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = await readJsonFile<PlanJson>(join(out, "plan.json"));
    expect(json.travelBasis).toBe("test table of made-up minutes");
    for (const row of json.assignments!) expect(row.travelMinutes).toBe(row.settlement === "v3" && row.school === "P1" ? 25 : 3);
    expect(json.assignments!.every((row) => row.travelMetres === null)).toBe(true);
  });

  it("routes on a road network with --roads and --modes, naming each level's mode in the basis", async () => {
    const out = path("tiny-roads");
    const result = await run(...tinyArgs(out), "--roads", path("tiny-roads.geojson"), "--modes", "primary4to6=bicycle", "--quiet");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = await readJsonFile<PlanJson>(join(out, "plan.json"));
    expect(json.travelBasis).toMatch(/^kindergarten, primary1to3 by walk: road network/);
    expect(json.travelBasis).toContain("primary4to6 by bicycle: road network");
    expect(json.status).toBe("optimal");
  });

  it("passes --max-closures and --budget to the plan's rules", async () => {
    const out = path("tiny-limits");
    const kept = await run(...tinyArgs(out), "--max-closures", "0", "--quiet");
    expect(kept.code).toBe(0);
    const json = await readJsonFile<PlanJson>(join(out, "plan.json"));
    expect(json.rules.maxClosures).toBe(0);
    expect(json.counts!.closed).toBe(0);
    const poor = await run(...tinyArgs(path("tiny-budget")), "--budget", "1000", "--quiet");
    expect(poor.code).toBe(0);
    expect(poor.stdout).toMatch(/^plan: infeasible/);
    const broke = await readJsonFile<PlanJson>(join(path("tiny-budget"), "plan.json"));
    expect(broke.rules.budgetYuanPerYear).toBe(1000);
    expect(broke.reasons.length).toBeGreaterThan(0);
  });

  it("notes the settlements no road reaches, and writes the plan's reasons", async () => {
    const out = path("short-roads");
    const args = tinyArgs(out);
    args.splice(args.indexOf("--candidates"), 2);
    const result = await run(...args, "--roads", path("short-roads.geojson"));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("plan: by walk on the road network (kindergarten, primary1to3), 1 settlement(s) reach no school: v3\n");
    const json = await readJsonFile<PlanJson>(join(out, "plan.json"));
    expect(json.status).toBe("infeasible");
    expect(json.reasons.some((reason) => reason.code === "unreachable" && reason.settlements?.includes("v3"))).toBe(true);
  });

  it("applies --speed, --cost-figures, --objective travel and writes GCJ-02 geometry with --out-crs", async () => {
    const out = path("tiny-options");
    const result = await run(
      ...tinyArgs(out),
      "--speed",
      "kindergarten=10,primary1to3=10",
      "--cost-figures",
      path("figures.json"),
      "--objective",
      "travel",
      "--out-crs",
      "gcj02",
      "--title",
      "Tiny county",
      "--quiet",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = await readJsonFile<PlanJson>(join(out, "plan.json"));
    expect(json.objectiveKind).toBe("travel");
    expect(json.costFigures.classPerYear).toBe(150000);
    expect(json.travelBasis).toContain("at 10 km/h (assumed)");
    const collection = await readJsonFile<{ features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[]; metadata: Record<string, unknown> }>(join(out, "plan.geojson"));
    expect(collection.metadata["coordinateSystem"]).toBe("gcj02");
    const v1 = collection.features.find((feature) => feature.properties["layer"] === "settlement" && feature.properties["id"] === "v1")!;
    const back = convertCoordinates(v1.geometry.coordinates, "gcj02", "wgs84");
    expect(back[0]).toBeCloseTo(114.7, 6);
    expect(v1.geometry.coordinates[0]).not.toBeCloseTo(114.7, 4);
    expect(await readFile(join(out, "summary.md"), "utf8")).toMatch(/^# Tiny county\n/);
  });
});

describe("school-layout plan on bad input", () => {
  const tinyWithout = (flag: string): string[] => {
    const args = tinyArgs(path("never"));
    const at = args.indexOf(flag);
    args.splice(at, 2);
    return args;
  };

  it("rejects a missing --out with one line and exit 1", async () => {
    const result = await run(...tinyWithout("--out"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^school-layout: required option '--out <dir>' not specified/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("rejects an unknown objective naming the choices", async () => {
    const result = await run(...tinyArgs(path("never")), "--objective", "happiness");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^school-layout: .*--objective.*happiness.*must be one of cost, travel/);
  });

  it("rejects a norms file with a bad value, naming the file and the norm", async () => {
    const result = await run(...tinyArgs(path("never")), "--norms", path("bad-norms.json"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`school-layout: ${path("bad-norms.json")}, "dayTravelLimitMinutes.primary1to3": must be a finite number > 0`);
    expect(existsSync(path("never"))).toBe(false);
  });

  it("rejects a plan rule given as a norm, naming the flag that sets it", async () => {
    const result = await run(...tinyArgs(path("never")), "--norms", path("rule-as-norm.json"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`school-layout: ${path("rule-as-norm.json")}, "maxClosures": is a plan rule, not a norm: set it with --max-closures`);
    expect(existsSync(path("never"))).toBe(false);
  });

  it("gives the reader's error for a special group the settlements use but no --groups declares, with a hint", async () => {
    const result = await run(...tinyWithout("--groups"));
    expect(result.code).toBe(1);
    // The flat property the file has (regression: the message named "properties.groups.disability", which it has not).
    expect(result.stderr).toMatch(/^school-layout: .*tiny-settlements\.geojson 0 \(id "v1"\), "properties\.group:disability:primary4to6": is not a declared special group; declared: none/);
    expect(result.stderr).toContain("(declare the special groups with --groups F.json)");
  });

  it("names the flat group property of examples/plan-input's settlements when run without --groups", async () => {
    const result = await run("plan", "--settlements", example("settlements.geojson"), "--schools", example("schools.geojson"), "--candidates", example("candidates.geojson"), "--out", path("no-groups"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/settlements\.geojson 0 \(id "S1"\), "properties\.group:disability:primary4to6": is not a declared special group/);
    expect(result.stderr).not.toContain("properties.groups.");
    expect(result.stderr).toContain("--groups F.json");
  });

  it("rejects a groups file that is not an array, naming the file", async () => {
    const result = await run(...tinyWithout("--groups"), "--groups", path("groups-object.json"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`school-layout: --groups "${path("groups-object.json")}": must be a JSON array of special groups`);
  });

  it("rejects bad cost figures naming the file and the figure", async () => {
    const result = await run(...tinyArgs(path("never")), "--cost-figures", path("bad-figures.json"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`school-layout: --cost-figures "${path("bad-figures.json")}": options, "costs.classPerYear": must be a finite number ≥ 0`);
  });

  it("rejects a missing input file naming the option and the path", async () => {
    const result = await run(...tinyWithout("--schools"), "--schools", path("nowhere.geojson"));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`school-layout: --schools "${path("nowhere.geojson")}": no such file\n`);
  });

  it("rejects --roads with --costs, and fallback options with --costs", async () => {
    const both = await run(...tinyArgs(path("never")), "--costs", path("tiny-minutes.csv"), "--roads", path("roads.geojson"));
    expect(both.code).toBe(1);
    expect(both.stderr).toBe("school-layout: give --roads or --costs, not both\n");
    const speed = await run(...tinyArgs(path("never")), "--costs", path("tiny-minutes.csv"), "--speed", "4");
    expect(speed.code).toBe(1);
    expect(speed.stderr).toBe("school-layout: --costs gives the travel times of every level: drop --speed\n");
  });

  it("rejects a bad --modes or --speed list naming the level or mode", async () => {
    const mode = await run(...tinyArgs(path("never")), "--modes", "primary1to3=horse");
    expect(mode.code).toBe(1);
    expect(mode.stderr).toMatch(/^school-layout: .*--modes.*mode "horse" of primary1to3 must be one of/);
    const level = await run(...tinyArgs(path("never")), "--speed", "grade9=4");
    expect(level.code).toBe(1);
    expect(level.stderr).toMatch(/^school-layout: .*--speed.*"grade9" is not a level/);
  });

  it("rejects a trade-off of fewer than 2 points", async () => {
    const result = await run(...tinyArgs(path("never")), "--tradeoff", "1");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^school-layout: .*--tradeoff.*must be a whole number ≥ 2/);
  });
});

describe("school-layout plan --report --lang zh", () => {
  it("writes summary.md and report.html in Chinese, the tables as CSV and plan.xlsx, and lists them on stdout", async () => {
    const out = path("report-zh");
    const result = await run(...exampleArgs(out), "--report", "--lang", "zh", "--title", "示例县学校布局规划");
    expect(result.code, result.stderr).toBe(0);
    for (const name of ["plan.json", "plan.geojson", "summary.md", "report.html", "schools.csv", "assignments.csv", "townships.csv", "costs.csv", "statusQuo.csv", "plan.xlsx"]) {
      expect(existsSync(join(out, name)), name).toBe(true);
      expect(result.stdout).toContain(join(out, name));
    }
    const summary = await readFile(join(out, "summary.md"), "utf8");
    expect(summary).toMatch(/^# 示例县学校布局规划\n/);
    expect(summary).toContain("## 规划概要");
    const html = await readFile(join(out, "report.html"), "utf8");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<title>示例县学校布局规划</title>");
    const json = JSON.parse(await readFile(join(out, "plan.json"), "utf8")) as PlanJson;
    expect(html).toContain(`<td>年度成本（元/年）</td><td class="num">${json.costs!.total!.toLocaleString("en-US")}</td>`);
    const schools = await readFile(join(out, "schools.csv"), "utf8");
    expect(schools.split("\r\n")[0]).toMatch(/学校/);
  });

  it("refuses a language it does not have, naming the flag", async () => {
    const result = await run(...exampleArgs(path("report-fr")), "--lang", "fr");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--lang/);
  });
});
