import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_FILES } from "../../src/cli/generateCommand.ts";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-generate-"));

describe("school-layout generate county", () => {
  it("writes the four GeoJSON files and a README saying the data is synthetic, and prints a one-line summary", async () => {
    const out = join(folder, "a");
    const result = await run("generate", "county", "--settlements", "60", "--seed", "5", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^synthetic county \(seed 5\): 60 settlements in 4 townships, \d+ schools, \d+ roads \(\d+ segments\)/);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const settlements = JSON.parse(await readFile(join(out, "settlements.geojson"), "utf8"));
    expect(settlements.features).toHaveLength(60);
    expect(settlements.metadata.synthetic).toBe(true);
    for (const file of GENERATED_FILES.slice(0, 4)) {
      const collection = JSON.parse(await readFile(join(out, file), "utf8"));
      expect(collection.type).toBe("FeatureCollection");
      expect(collection.metadata.seed).toBe(5);
    }
    const readme = await readFile(join(out, "README.md"), "utf8");
    expect(readme).toContain("SYNTHETIC DATA");
    expect(readme).toContain("- seed: 5");
  });

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
