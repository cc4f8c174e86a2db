import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-pair-"));
const point = (id: string, lon: number, properties: Record<string, unknown>) => ({ type: "Feature", id, properties, geometry: { type: "Point", coordinates: [lon, 23.8] } });
const layer = (features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });
const helpers = join(folder, "helpers.geojson");
const helped = join(folder, "helped.geojson");
const noCapacity = join(folder, "no-capacity.geojson");
const costs = join(folder, "costs.csv");
const helpersTable = join(folder, "helpers.csv");
const selfHelped = join(folder, "self.geojson");

beforeAll(async () => {
  // Two county-seat high schools and three township schools, 0.1° (about 10 km) apart in a row.
  await writeFile(helpers, layer([point("县一中", 114.7, { capacity: 2, quality: 90 }), point("县二中", 115.0, { capacity: 1, quality: 80 })]));
  await writeFile(helped, layer([point("甲", 114.8, { quality: 60 }), point("乙", 114.9, { quality: 70 }), point("丙", 115.1, { quality: 65 })]));
  await writeFile(noCapacity, layer([point("县一中", 114.7, { quality: 90 })]));
  await writeFile(helpersTable, "id,longitude,latitude,capacity,quality\n县一中,114.7,23.8,2,90\n县二中,115.0,23.8,1,80\n");
  await writeFile(selfHelped, layer([point("县一中", 114.8, { quality: 60 })]));
  await writeFile(costs, "helped,helper,minutes\n甲,县一中,10\n乙,县一中,25\n乙,县二中,15\n丙,县二中,12\n");
});

describe("school-layout pair", () => {
  it("pairs each supported school with one helper on the straight-line fallback by car, writing the pairs and their travel", async () => {
    const out = join(folder, "pairing.json");
    const result = await run("pair", "--helpers", helpers, "--helped", helped, "--max-minutes", "60", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^pairing: optimal, objective [\d.]+ \(3 pairs/);
    expect(result.stdout).toContain("car: no road network");
    const file = JSON.parse(await readFile(out, "utf8"));
    expect(file.type).toBe("school-layout pairing");
    expect(file.status).toBe("optimal");
    // 县二中 takes one school: the nearest to it, 丙; 甲 and 乙 go to 县一中.
    expect(file.pairs.map((p: { helped: string; helper: string }) => `${p.helped}←${p.helper}`)).toEqual(["甲←县一中", "乙←县一中", "丙←县二中"]);
    for (const pair of file.pairs) expect(pair.travelMinutes).toBeGreaterThan(0);
  });

  it("weighs the quality gap with --score and reads a --costs table; --json prints the status, objective, bound and gap", async () => {
    const out = join(folder, "costs.json");
    const result = await run("pair", "--helpers", helpers, "--helped", helped, "--costs", costs, "--score", "quality", "--score-minutes", "0.5", "--json", "--out", out);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(["status", "objective", "bound", "gap"]);
    expect(printed.status).toBe("optimal");
    const file = JSON.parse(await readFile(out, "utf8"));
    // 甲 (10 min, gap 30) and 乙 (25 min, gap 20) to 县一中, 丙 to 县二中 (12 min, gap 15): Σ minutes − 0.5 Σ gap.
    expect(file.pairs.map((p: { helper: string }) => p.helper)).toEqual(["县一中", "县一中", "县二中"]);
    expect(printed.objective).toBeCloseTo(10 + 25 + 12 - 0.5 * (30 + 20 + 15), 9);
    expect(file.travelBasis).toContain("costs.csv");
  });

  it("reads the helpers from a CSV table, its quality scores as text", async () => {
    const out = join(folder, "table.json");
    const result = await run("pair", "--helpers", helpersTable, "--helped", helped, "--score", "quality", "--json", "--out", out);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).status).toBe("optimal");
  });

  it("says why when no pairing meets the rules, and names bad input", async () => {
    const out = join(folder, "none.json");
    const result = await run("pair", "--helpers", helpers, "--helped", helped, "--max-minutes", "5", "--out", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^pairing: infeasible/);
    expect(result.stderr).toMatch(/- unreachable: 甲: no helper with capacity within 5 min; the nearest, 县一中, is [\d.]+ min away/);
    expect(JSON.parse(await readFile(out, "utf8")).reasons.length).toBe(3);
    const bad: [string[], RegExp][] = [
      [["--helpers", noCapacity, "--helped", helped, "--out", out], /--helpers .*no-capacity\.geojson 0 \(id "县一中"\), "properties\.capacity": missing capacity/],
      [["--helpers", helpers, "--helped", helped, "--score", "rank", "--out", out], /--helpers .*helpers\.geojson 0 \(id "县一中"\), "rank": must be a finite number/],
      [["--helpers", helpers, "--helped", helped, "--costs", costs, "--roads", costs, "--out", out], /give --costs or --roads, not both/],
      [["--helpers", helpers, "--helped", helped, "--max-minutes", "-3", "--out", out], /--max-minutes/],
      [["--helpers", helpers, "--helped", selfHelped, "--out", out], /--helpers and --helped both hold 县一中: a school cannot support itself/],
    ];
    for (const [args, message] of bad) {
      const failed = await run("pair", ...args);
      expect(failed.code, args.join(" ")).toBe(1);
      expect(failed.stderr).toMatch(message);
      expect(failed.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
