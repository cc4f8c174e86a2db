import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-cli-"));
const path = (name: string): string => join(folder, name);

const point = (id: string, lon: number, lat: number, properties: Record<string, unknown> = {}) => ({
  type: "Feature",
  properties: { id, ...properties },
  geometry: { type: "Point", coordinates: [lon, lat] },
});

// Three villages on a line of longitude and two candidate schools.
const demand = {
  type: "FeatureCollection",
  features: [
    point("v1", 114.70, 23.80, { pupils: 30 }),
    point("v2", 114.72, 23.80, { pupils: 10 }),
    point("v3", 114.80, 23.80, { pupils: 25 }),
  ],
};
const sites = {
  type: "FeatureCollection",
  features: [point("s1", 114.71, 23.80, { seats: 40, cost: 100 }), point("s2", 114.79, 23.80, { seats: 40, cost: 120 })],
};

beforeAll(async () => {
  await writeFile(path("demand.geojson"), JSON.stringify(demand));
  await writeFile(path("sites.geojson"), JSON.stringify(sites));
  await writeFile(path("broken.geojson"), "{ not json");
  await writeFile(
    path("costs.csv"),
    "village,school,minutes\nv1,s1,5\nv1,s2,40\nv2,s1,6\nv2,s2,30\nv3,s1,35\nv3,s2,4\n",
  );
  await writeFile(
    path("bad-problem.json"),
    JSON.stringify({ demand: [{ id: "a", weight: -2 }], sites: [{ id: "x" }], costs: { unit: "minutes", rows: [[1]] } }),
  );
  await writeFile(path("costs-unknown.csv"), "village,school,minutes\nv1,s1,5\nv9,s2,40\n");
  await writeFile(
    path("problem.json"),
    JSON.stringify({
      demand: [{ id: "a", weight: 2 }, { id: "b", weight: 3 }],
      sites: [{ id: "x" }, { id: "y" }],
      costs: { unit: "minutes", rows: [[1, 9], [8, 2]] },
    }),
  );
});

const layers = (): string[] => ["--demand", path("demand.geojson"), "--sites", path("sites.geojson"), "--id", "id"];

describe("school-layout solve", () => {
  it("solves a p-median on GeoJSON layers and prints the JSON report with site ids", async () => {
    const result = await run("solve", "p-median", ...layers(), "--weight", "pupils", "-p", "1", "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ model: "p-median", status: "optimal", gap: 0, open: ["s1"] });
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(["model", "status", "objective", "bound", "gap", "open", "meanCost", "maxCost", "coveredDemand", "coveredShare", "seconds"]),
    );
    expect(report.meanCost).toBeCloseTo(report.objective / 65, 6);
  });

  it("runs p-median with --solver benders (proven) and --solver heuristic (feasible, no bound), and refuses them for other models", async () => {
    const engine = JSON.parse((await run("solve", "p-median", ...layers(), "--weight", "pupils", "-p", "1", "--solver", "benders", "--json")).stdout);
    expect(engine).toMatchObject({ model: "p-median", status: "optimal", gap: 0, open: ["s1"] });
    const heuristic = JSON.parse((await run("solve", "p-median", ...layers(), "--weight", "pupils", "-p", "1", "--solver", "heuristic", "--json")).stdout);
    expect(heuristic).toMatchObject({ model: "p-median", status: "feasible", bound: null, open: ["s1"] });
    expect(heuristic.objective).toBeCloseTo(engine.objective, 6);
    const refused = await run("solve", "p-center", ...layers(), "--weight", "pupils", "-p", "1", "--solver", "benders");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("--solver benders is for p-median only; p-center takes auto, highs or javascript-lp-solver");
  });

  it("reads a long-format cost table with the named columns and unit", async () => {
    const result = await run(
      "solve", "p-median", ...layers(), "--weight", "pupils", "-p", "2", "--json",
      "--costs", path("costs.csv"), "--cost-from", "village", "--cost-to", "school", "--cost-value", "minutes", "--cost-unit", "minutes",
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.objective).toBe(30 * 5 + 10 * 6 + 25 * 4);
    expect(report.open).toEqual(["s1", "s2"]);
  });

  it("reports coverage for max-coverage with a radius", async () => {
    const result = await run(
      "solve", "max-coverage", ...layers(), "--weight", "pupils", "-p", "1", "--radius", "10", "--json",
      "--costs", path("costs.csv"), "--cost-from", "village", "--cost-to", "school", "--cost-value", "minutes",
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.open).toEqual(["s1"]);
    expect(report.coveredDemand).toBe(40);
    expect(report.coveredShare).toBeCloseTo(40 / 65, 12);
  });

  it("solves fixed-charge and capacitated models with site properties", async () => {
    const fixed = await run("solve", "fixed-charge", ...layers(), "--weight", "pupils", "--capacity", "seats", "--fixed-cost", "cost", "--single-source", "--json");
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout).status).toBe("optimal");
    const capacitated = await run("solve", "capacitated-p-median", ...layers(), "--weight", "pupils", "--capacity", "seats", "-p", "2", "--json");
    expect(capacitated.code).toBe(0);
    expect(JSON.parse(capacitated.stdout).open).toEqual(["s1", "s2"]);
  });

  it("returns infeasible with the numbers when capacity is short, exit code 0", async () => {
    const result = await run("solve", "capacitated-p-median", ...layers(), "--weight", "pupils", "--capacity", "seats", "-p", "1", "--json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe("infeasible");
    expect(report.reasons.join(" ")).toMatch(/65/);
  });

  it("writes GeoJSON with sites, demand points and assignment lines, keeping input properties", async () => {
    const out = path("out/result.geojson");
    const result = await run("solve", "p-median", ...layers(), "--weight", "pupils", "-p", "1", "--out", out, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/p-median: optimal/);
    const written = JSON.parse(await readFile(out, "utf8"));
    const layersWritten = new Set(written.features.map((feature: { properties: { layer: string } }) => feature.properties.layer));
    expect([...layersWritten].sort()).toEqual(["assignment", "demand", "site"]);
    const s1 = written.features.find((f: { properties: { layer: string; id: string } }) => f.properties.layer === "site" && f.properties.id === "s1");
    expect(s1.properties).toMatchObject({ open: true, load: 65, seats: 40, cost: 100 });
  });

  it("writes split allocations of a JSON problem by id", async () => {
    const out = path("split-solution.json");
    await writeFile(
      path("split.json"),
      JSON.stringify({
        demand: [{ id: "a", weight: 10 }, { id: "b", weight: 10 }],
        sites: [{ id: "x", capacity: 15, fixedCost: 100, required: true }, { id: "y", capacity: 30, fixedCost: 300, required: true }],
        costs: { unit: "yuan", rows: [[1, 2], [1, 2]] },
      }),
    );
    const result = await run("solve", "fixed-charge", "--problem", path("split.json"), "--json", "--out", out);
    expect(result.code).toBe(0);
    const written = JSON.parse(await readFile(out, "utf8"));
    expect(written.allocations).toHaveLength(3);
    for (const allocation of written.allocations) {
      expect(["a", "b"]).toContain(allocation.demand);
      expect(["x", "y"]).toContain(allocation.site);
    }
  });

  it("solves a JSON problem and writes a JSON solution", async () => {
    const out = path("problem-solution.json");
    const result = await run("solve", "p-median", "--problem", path("problem.json"), "-p", "2", "--json", "--out", out);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).objective).toBe(2 * 1 + 3 * 2);
    const written = JSON.parse(await readFile(out, "utf8"));
    expect(written.assignment).toEqual([{ demand: "a", site: "x" }, { demand: "b", site: "y" }]);
  });

  it("prints help for the program and for solve", async () => {
    const top = await run("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/solve/);
    const solve = await run("solve", "--help");
    expect(solve.code).toBe(0);
    expect(solve.stdout).toMatch(/--cost-from/);
  });
});

describe("school-layout solve on bad input: exit code 1 and one line", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown model", ["solve", "k-means", ...layers()], /k-means/],
    ["a missing -p", ["solve", "p-median", ...layers()], /needs -p/],
    ["a non-integer -p", ["solve", "p-median", ...layers(), "-p", "2.5"], /-p.*'2\.5'.*whole number/],
    ["a negative radius", ["solve", "set-cover", ...layers(), "--radius", "-3"], /-3/],
    ["a p larger than the sites", ["solve", "p-median", ...layers(), "-p", "5"], /p.*5|5.*site/i],
    ["a missing file", ["solve", "p-median", "--demand", path("nope.geojson"), "--sites", path("sites.geojson"), "-p", "1"], /nope\.geojson.*no such file/],
    ["invalid JSON", ["solve", "p-median", "--demand", path("broken.geojson"), "--sites", path("sites.geojson"), "-p", "1"], /broken\.geojson.*not valid JSON/],
    ["a missing weight property", ["solve", "p-median", ...layers(), "--weight", "children", "-p", "1"], /children/],
    ["cost ids matching no feature", ["solve", "p-median", ...layers(), "-p", "1", "--costs", path("costs-unknown.csv"), "--cost-from", "village", "--cost-to", "school", "--cost-value", "minutes"], /v9/],
    ["--costs without its columns", ["solve", "p-median", ...layers(), "-p", "1", "--costs", path("costs.csv")], /--cost-from/],
    ["an unknown solver", ["solve", "p-median", ...layers(), "-p", "1", "--solver", "gurobi"], /gurobi/],
    ["neither layers nor a problem", ["solve", "p-median", "-p", "1"], /--demand/],
    ["an unknown flag", ["solve", "p-median", ...layers(), "-p", "1", "--colour", "red"], /--colour/],
    ["--out naming a folder, before solving", ["solve", "p-median", ...layers(), "-p", "1", "--out", folder], /--out ".*": is a directory/],
    ["a misspelt flag property", ["solve", "p-median", ...layers(), "-p", "1", "--required", "reqq"], /"required".*spelling.*"reqq"/],
    ["capacities for a model that ignores them", ["solve", "p-median", ...layers(), "-p", "1", "--capacity", "seats"], /p-median ignores capacities/],
    ["fixed costs for a model that ignores them", ["solve", "p-center", ...layers(), "-p", "1", "--fixed-cost", "cost"], /p-center ignores fixed costs/],
    ["capacitated-p-median without capacities", ["solve", "capacitated-p-median", ...layers(), "-p", "1"], /needs --capacity/],
    ["fixed-charge without fixed costs", ["solve", "fixed-charge", ...layers(), "--capacity", "seats"], /needs --fixed-cost/],
    ["a bad value in a --problem file, naming the file", ["solve", "p-median", "--problem", path("bad-problem.json"), "-p", "1"], /bad-problem\.json.*weight.*-2/],
  ];
  for (const [what, argv, message] of cases) {
    it(`rejects ${what}`, async () => {
      const result = await run(...argv);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^school-layout: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe("the school-layout binary", () => {
  it("exits with code 1 and no stack trace on bad input", async () => {
    const bin = new URL("../../bin/school-layout.js", import.meta.url).pathname;
    expect(existsSync(bin)).toBe(true);
    const failure = await promisify(execFile)(process.execPath, [bin, "solve", "p-median", "--problem", path("missing.json"), "-p", "1"]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^school-layout: --problem ".*missing\.json": no such file\n$/);
  });
});
