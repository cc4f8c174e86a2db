import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_FILES } from "../../src/cli/generateCommand.ts";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-generate-"));

describe("school-layout generate county", () => {
  it("writes the five GeoJSON files (candidate sites included) and a README saying the data is synthetic, and prints a one-line summary", async () => {
    const out = join(folder, "a");
    const result = await run("generate", "county", "--settlements", "60", "--seed", "5", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^synthetic county \(seed 5\): 60 settlements in 4 townships, \d+ schools, \d+ candidate sites, \d+ roads \(\d+ segments\)/);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const settlements = JSON.parse(await readFile(join(out, "settlements.geojson"), "utf8"));
    expect(settlements.features).toHaveLength(60);
    expect(settlements.metadata.synthetic).toBe(true);
    expect(GENERATED_FILES.filter((file) => file.endsWith(".geojson"))).toHaveLength(5);
    for (const file of GENERATED_FILES.filter((name) => name.endsWith(".geojson"))) {
      const collection = JSON.parse(await readFile(join(out, file), "utf8"));
      expect(collection.type).toBe("FeatureCollection");
      expect(collection.metadata.seed).toBe(5);
    }
    const readme = await readFile(join(out, "README.md"), "utf8");
    expect(readme).toContain("SYNTHETIC DATA");
    expect(readme).toContain("- seed: 5");
    expect(readme).toContain("`candidates.geojson`");
    expect(readme).toContain("--candidates DIR/candidates.geojson");
  });

  // Regression (issue 10, item 8): generate county wrote no candidate sites, so the folder could not be planned as
  // it came (every village beyond walking reach of the township schools made the plan infeasible).
  it("writes candidates.geojson: synthetic candidate sites (existing: false) of the schools' schema, at the seats and villages", async () => {
    const out = join(folder, "candidates");
    expect((await run("generate", "county", "--settlements", "30", "--seed", "8", "--out", out)).code).toBe(0);
    const candidates = JSON.parse(await readFile(join(out, "candidates.geojson"), "utf8"));
    const settlements = JSON.parse(await readFile(join(out, "settlements.geojson"), "utf8"));
    const kindOf = new Map<string, string>(settlements.features.map((f: { properties: { id: string; kind: string } }) => [f.properties.id, f.properties.kind]));
    expect(candidates.type).toBe("FeatureCollection");
    expect(candidates.metadata).toMatchObject({ synthetic: true, seed: 8 });
    expect(candidates.metadata.description).toMatch(/^SYNTHETIC DATA/);
    expect(candidates.features.length).toBeGreaterThan(0);
    const ids = candidates.features.map((f: { id: string }) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { id, geometry, properties } of candidates.features) {
      expect(geometry.type).toBe("Point");
      expect(properties).toMatchObject({ id, existing: false, synthetic: true });
      expect(["kindergarten", "teaching point", "complete primary", "nine-year"]).toContain(properties.type);
      expect(["county seat", "township", "village"]).toContain(properties.tier);
      expect(Number.isInteger(properties.maxAddedClassrooms) && properties.maxAddedClassrooms >= 1).toBe(true);
      expect(properties.purpose).toEqual(expect.any(String));
      expect(kindOf.has(properties.settlement)).toBe(true);
    }
    // New central schools at every seat; village schools too.
    const seats = [...kindOf].filter(([, kind]) => kind !== "village").map(([id]) => id);
    for (const seat of seats) expect(candidates.features.some((f: { properties: { settlement: string; type: string } }) => f.properties.settlement === seat && f.properties.type === "kindergarten")).toBe(true);
    expect(candidates.features.some((f: { properties: { tier: string } }) => f.properties.tier === "village")).toBe(true);
  });

  it("writes a folder that plan plans as it comes: settlements, schools and candidates give a plan, not an error or infeasibility", async () => {
    const out = join(folder, "plannable");
    expect((await run("generate", "county", "--settlements", "12", "--seed", "4", "--out", out)).code).toBe(0);
    const planned = join(folder, "plannable-plan");
    const result = await run(
      "plan", "--settlements", join(out, "settlements.geojson"), "--schools", join(out, "schools.geojson"),
      "--candidates", join(out, "candidates.geojson"), "--time-limit", "8", "--quiet", "--out", planned,
    );
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(await readFile(join(planned, "plan.json"), "utf8"));
    expect(["optimal", "feasible", "timeLimit"]).toContain(plan.status);
    expect(plan.reasons).toEqual([]);
    expect(plan.schools.some((school: { action: string }) => school.action === "build")).toBe(true);
  }, 60_000);

  it("plans as it comes on its own roads too", async () => {
    const out = join(folder, "plannable-roads");
    expect((await run("generate", "county", "--settlements", "12", "--seed", "6", "--out", out)).code).toBe(0);
    const planned = join(folder, "plannable-roads-plan");
    const result = await run(
      "plan", "--settlements", join(out, "settlements.geojson"), "--schools", join(out, "schools.geojson"),
      "--candidates", join(out, "candidates.geojson"), "--roads", join(out, "roads.geojson"), "--time-limit", "5", "--quiet", "--out", planned,
    );
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(await readFile(join(planned, "plan.json"), "utf8"));
    expect(["optimal", "feasible", "timeLimit"]).toContain(plan.status);
    expect(plan.reasons).toEqual([]);
  }, 60_000);

  it("writes the same bytes for the same seed and honours --townships", async () => {
    const [a, b] = [join(folder, "b1"), join(folder, "b2")];
    expect((await run("generate", "county", "--settlements", "40", "--seed", "9", "--townships", "6", "--out", a)).code).toBe(0);
    expect((await run("generate", "county", "--settlements", "40", "--seed", "9", "--townships", "6", "--out", b)).code).toBe(0);
    for (const file of GENERATED_FILES) expect(await readFile(join(a, file), "utf8")).toBe(await readFile(join(b, file), "utf8"));
    const settlements = JSON.parse(await readFile(join(a, "settlements.geojson"), "utf8"));
    expect(new Set(settlements.features.map((f: { properties: { township: string } }) => f.properties.township)).size).toBe(6);
  });

  it("shows help with --help", async () => {
    const result = await run("generate", "county", "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--settlements <n>");
    expect(result.stdout).toContain("--seed <s>");
  });

  it("rejects a negative seed, a missing option and too many townships with one line and exit code 1", async () => {
    const negative = await run("generate", "county", "--settlements", "10", "--seed", "-1", "--out", join(folder, "c"));
    expect(negative.code).toBe(1);
    expect(negative.stderr.trim().split("\n")).toHaveLength(1);
    const missing = await run("generate", "county", "--settlements", "10", "--out", join(folder, "c"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--seed");
    const townships = await run("generate", "county", "--settlements", "10", "--seed", "1", "--townships", "11", "--out", join(folder, "c"));
    expect(townships.code).toBe(1);
    expect(townships.stderr).toBe('school-layout: generateCounty options, "townships": must be a whole number in 1..10, got 11\n');
  });
});
