import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-communities-"));
const example = join(import.meta.dirname, "../../examples/communities/schools.geojson");
const bad = join(folder, "bad.geojson");

beforeAll(async () => {
  await writeFile(bad, JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", id: "A", properties: { leadEligible: "maybe" }, geometry: { type: "Point", coordinates: [114.7, 23.8] } }] }));
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

  it("says why when no grouping meets the rules; --json prints the status, objective, bound and gap; bad input named", async () => {
    const out = join(folder, "none.geojson");
    const none = await run("communities", "--schools", example, "--min-k", "6", "--json", "--out", out);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ status: "infeasible", objective: null, bound: null, gap: null });
    expect(none.stderr).toContain("- noLead: 6 communities need 6 leads; 5 schools may lead");
    const cases: [string[], RegExp][] = [
      [["--schools", bad, "--out", out], /--schools .*bad\.geojson 0 \(id "A"\), "leadEligible": must be true or false \(1\/0, yes\/no\), got "maybe"/],
      [["--schools", example, "--k", "5", "--min-k", "5", "--out", out], /give --k \(exactly\) or --min-k \(at least\), not both/],
      [["--schools", example, "--pupils", "size", "--out", out], /"size": must be a finite number ≥ 0 \(the school's pupils\)/],
    ];
    for (const [args, message] of cases) {
      const failed = await run("communities", ...args);
      expect(failed.code, args.join(" ")).toBe(1);
      expect(failed.stderr).toMatch(message);
    }
  });
});
