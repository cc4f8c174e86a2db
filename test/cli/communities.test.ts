import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-communities-"));
const example = join(import.meta.dirname, "../../examples/communities/schools.geojson");
const bad = join(folder, "bad.geojson");
const table = join(folder, "schools.csv");

beforeAll(async () => {
  // A table: numbers and flags arrive as text, flags in any case.
  await writeFile(table, "id,longitude,latitude,pupils,leadEligible,hubEligible\n城区一小,114.70,23.80,900,TRUE,\n镇中心小学,114.80,23.85,300,,True\n村小,114.82,23.90,40,false,0\n");
  await writeFile(bad, JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", id: "A", properties: { leadEligible: "maybe", hubEligible: false }, geometry: { type: "Point", coordinates: [114.7, 23.8] } }] }));
});

describe("school-layout communities", () => {
  it("forms the example's five communities around the county-seat schools, balanced in size, as GeoJSON", async () => {
    const out = join(folder, "communities.geojson");
    const result = await run("communities", "--schools", example, "--pupils", "pupils", "--k", "5", "--max-lead-hub-minutes", "90", "--max-hub-member-minutes", "30", "--allow-direct", "--min-schools", "10", "--max-schools", "20", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^communities: optimal, gap 0\.00 %, link travel [\d.]+ \(5 communities; travel: car: no road network/);
    const file = JSON.parse(await readFile(out, "utf8"));
    expect(file.status).toBe("optimal");
    expect(file.communities).toHaveLength(5);
    for (const community of file.communities) {
      expect(community.schools).toBeGreaterThanOrEqual(10);
      expect(community.schools).toBeLessThanOrEqual(20);
    }
    const schools = file.features.filter((f: { properties: { layer: string } }) => f.properties.layer === "school");
    expect(schools).toHaveLength(78);
    for (const school of schools) expect(["lead", "hub", "member"]).toContain(school.properties.role);
  });

  it("reads a CSV table of schools: numbers as text, true/false in any case", async () => {
    const out = join(folder, "table.geojson");
    const result = await run("communities", "--schools", table, "--pupils", "pupils", "--json", "--out", out);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).status).toBe("optimal");
    const file = JSON.parse(await readFile(out, "utf8"));
    expect(file.communities).toEqual([expect.objectContaining({ lead: "城区一小", hubs: ["镇中心小学"], members: ["村小"], pupils: 1240 })]);
  });

  it("says why when no grouping meets the rules; --json prints the status, objective, bound and gap; bad input named", async () => {
    const out = join(folder, "none.geojson");
    const none = await run("communities", "--schools", example, "--min-k", "6", "--json", "--out", out);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ status: "infeasible", objective: null, bound: null, gap: null });
    expect(none.stderr).toContain("- noLead: 6 communities need 6 leads; 5 schools may lead");
    const cases: [string[], RegExp][] = [
      [["--schools", bad, "--out", out], /--schools .*bad\.geojson 0 \(id "A"\), "properties\.leadEligible": must be true or false .*got "maybe"/],
      [["--schools", example, "--lead-eligible", "leadEligble", "--out", out], /--lead-eligible leadEligble: no school has this property/],
      [["--schools", example, "--min-pupils", "1000", "--out", out], /--min-pupils and --max-pupils need --pupils PROP/],
      [["--schools", example, "--k", "5", "--min-k", "5", "--out", out], /give --k \(exactly\) or --min-k \(at least\), not both/],
      [["--schools", example, "--pupils", "size", "--out", out], /--pupils size: no school has this property/],
    ];
    for (const [args, message] of cases) {
      const failed = await run("communities", ...args);
      expect(failed.code, args.join(" ")).toBe(1);
      expect(failed.stderr).toMatch(message);
    }
  });
});
