import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-communities-"));
const example = join(import.meta.dirname, "../../examples/communities/schools.geojson");
const bad = join(folder, "bad.geojson");
const table = join(folder, "schools.csv");
const planGeoJson = join(folder, "plan.geojson");
const planJson = join(folder, "plan.json");
const planSchools = join(folder, "places.geojson");
const neighbours = join(folder, "neighbours.csv");

/** A school of a plan.geojson as `plan` writes it: the input's properties, `layer`, `open`, enrolment and classes by level. */
const planSchool = (id: string, at: [number, number], tier: string, open: boolean, primary: number, junior: number) => ({
  type: "Feature", id: `school:${id}`, geometry: { type: "Point", coordinates: at },
  properties: { id, name: `${id}学校`, tier, township: tier === "village" ? "T2" : "T1", layer: "school", open, enrolment_primary: primary, enrolment_junior: junior, classes_primary: primary > 0 ? 2 : 0, classes_junior: junior > 0 ? 2 : 0, teachers: { CP: 60, CJ: 70, TP: 12, TJ: 16, VP: 1, VX: 0 }[id] },
});

beforeAll(async () => {
  // A table: numbers and flags arrive as text, flags in any case.
  await writeFile(table, "id,longitude,latitude,pupils,leadEligible,hubEligible\n城区一小,114.70,23.80,900,TRUE,\n镇中心小学,114.80,23.85,300,,True\n村小,114.82,23.90,40,false,0\n");
  const schoolFeatures = [
    planSchool("CP", [114.70, 23.80], "county seat", true, 900, 0),
    planSchool("CJ", [114.701, 23.801], "county seat", true, 0, 800),
    planSchool("TP", [114.80, 23.85], "township", true, 300, 0),
    planSchool("TJ", [114.801, 23.851], "township", true, 0, 250),
    planSchool("VP", [114.82, 23.90], "village", true, 40, 0),
    planSchool("VX", [114.83, 23.91], "village", false, 0, 0),
  ];
  const planFeatures = [
    ...schoolFeatures,
    { type: "Feature", id: "settlement:S1", geometry: { type: "Point", coordinates: [114.8, 23.9] }, properties: { id: "S1", layer: "settlement" } },
  ];
  await writeFile(planGeoJson, JSON.stringify({ type: "FeatureCollection", features: planFeatures }));
  await writeFile(planJson, JSON.stringify({ status: "optimal", schools: schoolFeatures.map((f) => ({ id: f.properties.id, open: f.properties.open, enrolment: { primary: f.properties.enrolment_primary, junior: f.properties.enrolment_junior }, classes: { primary: f.properties.classes_primary, junior: f.properties.classes_junior } })) }));
  await writeFile(planSchools, JSON.stringify({ type: "FeatureCollection", features: schoolFeatures.map((f) => ({ type: "Feature", id: f.properties.id, geometry: f.geometry, properties: { name: f.properties.name, tier: f.properties.tier } })) }));
  await writeFile(neighbours, "a,b\nCP,TP\nTP,VP\nCJ,TJ\n");
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
      [["--schools", example, "--map", join(folder, "map.jpg"), "--out", out], /--map ".*map\.jpg": must end in \.svg or \.png/],
      [["--plan", planGeoJson, "--lead-eligible", "tier=county", "--hub-eligible", "tier=township", "--out", out], /--lead-eligible tier=county: no school has tier = "county"/],
      [["--plan", planGeoJson, "--lead-eligible", "tier=county seat", "--out", out], /which schools may be hubs: give --hub-eligible PROP \(or PROP=VALUE\), or a hubEligible property/],
      [["--schools", example, "--match-levels", "--out", out], /--match-levels needs --levels PROP/],
      [["--schools", example, "--k", "5", "--fewest", "--out", out], /give --k \(a count given\) or --fewest \(a count to find\), not both/],
      [["--plan", planJson, "--out", out], /without --schools give the plan\.geojson/],
      [["--plan", planJson, "--schools", example, "--out", out], /6 open schools are not in --schools \(CP, CJ, TP, TJ, VP, …\)|5 open schools are not in --schools/],
      [["--plan", planGeoJson, "--lead-eligible", "tier=county seat", "--hub-eligible", "tier=township", "--neighbours", bad, "--out", out], /--neighbours ".*bad\.geojson": not a CSV table/],
      [["--plan", planGeoJson, "--lead-eligible", "tier=county seat", "--hub-eligible", "tier=township", "--neighbours", table, "--out", out], /--neighbours ".*schools\.csv" row 2: "城区一小" is not one of the schools/],
      [["--schools", example, "--names", "nme", "--out", out], /--names nme: no school has this property/],
      [["--schools", example, "--report", join(folder, "r.pdf"), "--out", out], /--report ".*r\.pdf": must end in \.html/],
      [["--schools", example, "--township", "town", "--out", out], /--township town: goes with --keep-townships-whole/],
      [["--schools", example, "--min-schools", "20", "--max-schools", "10", "--out", out], /--max-schools 10: must be at least --min-schools \(20\)/],
      [["--plan", join(import.meta.dirname, "../../package.json"), "--out", out], /--plan ".*package\.json": not a plan/],
      [["--schools", table, "--hub-eligible", "pupils", "--out", out], /--schools .*schools\.csv row 2 \(id "城区一小"\), "pupils": must be true or false .*\(--hub-eligible pupils; or give --hub-eligible pupils=VALUE/],
      [["--schools", example, "--costs", neighbours, "--out", out], /--costs ".*neighbours\.csv": needs the columns from, to and minutes \(one row per pair of schools\); the columns are "a", "b"/],
      [["--schools", example, "--out", join(folder, "c.pdf")], /--out ".*c\.pdf": must end in \.geojson/],
      [["--schools", example, "--keep-townships-whole", "--out", out], /--township township: no school has this property/],
    ];
    for (const [args, message] of cases) {
      const failed = await run("communities", ...args);
      expect(failed.code, args.join(" ")).toBe(1);
      expect(failed.stderr).toMatch(message);
    }
  });

  it("groups a plan's open schools (plan.geojson alone, or plan.json with the places), by level, leads chosen by PROP=VALUE, with a map and a report", async () => {
    const out = join(folder, "plan-communities.geojson");
    const map = join(folder, "communities.png");
    const report = join(folder, "communities.html");
    const flags = ["--lead-eligible", "tier=county seat", "--hub-eligible", "tier=township", "--match-levels", "--allow-direct"];
    const result = await run("communities", "--plan", planGeoJson, ...flags, "--out", out, "--map", map, "--report", report, "--lang", "zh");
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^communities: optimal, gap 0\.00 %, link travel [\d.]+ \(2 communities;/);
    expect(result.stdout).toContain("CP学校: 1 hub, 1 member, 3 schools, 1240 pupils");
    expect(result.stdout).toContain("CJ学校: 1 hub, 0 members, 2 schools, 1050 pupils");
    expect(result.stdout).toContain(`wrote ${out}, ${map}, ${report}`);
    const file = JSON.parse(await readFile(out, "utf8"));
    // The closed school VX is left out; the primary and junior schools form a community each.
    expect(file.communities.map((c: { lead: string; hubs: string[]; members: string[] }) => [c.lead, c.hubs, c.members])).toEqual([["CP", ["TP"], ["VP"]], ["CJ", ["TJ"], []]]);
    const png = await readFile(map);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const html = await readFile(report, "utf8");
    expect(html).toContain("<html lang=\"zh-CN\"");
    expect(html).toContain("最优：在满足规则的分组中，联系出行总量最小（已证明）。");
    expect(html).toContain("同学段联系");
    expect(html).toMatch(/<span class="swatch" style="background:#4e79a7"><\/span>CP学校/);
    // plan.json with the places in --schools: the same grouping.
    const joined = await run("communities", "--plan", planJson, "--schools", planSchools, ...flags, "--json", "--out", out);
    expect(joined.stderr).toBe("");
    expect(JSON.parse(joined.stdout).objective).toBeCloseTo(file.objective, 6);
  });

  it("forms the fewest communities, keeps townships whole and keeps communities connected on a neighbour graph", async () => {
    const out = join(folder, "rules.geojson");
    const base = ["--plan", planGeoJson, "--lead-eligible", "tier=county seat", "--hub-eligible", "tier=township", "--allow-direct"];
    const fewest = await run("communities", ...base, "--fewest", "--out", out);
    expect(fewest.stderr).toBe("");
    expect(fewest.stdout).toContain("the fewest communities that meet the rules: 1 (proven)");
    const whole = await run("communities", ...base, "--min-k", "2", "--keep-townships-whole", "--json", "--out", out);
    // Both county-seat schools are in township T1: kept whole, they cannot lead two communities.
    expect(JSON.parse(whole.stdout).status).toBe("infeasible");
    expect(whole.stderr).toContain("no grouping meets these rules together: at least 2 communities, townships kept whole");
    const graph = await run("communities", ...base, "--min-k", "2", "--neighbours", neighbours, "--out", out);
    expect(graph.stderr).toBe("");
    expect(graph.stdout).toMatch(/contiguity: \d+ cuts? added/);
    const file = JSON.parse(await readFile(out, "utf8"));
    const leadOf = Object.fromEntries(file.features.filter((f: { properties: { layer: string } }) => f.properties.layer === "school").map((f: { properties: { id: string; lead: string } }) => [f.properties.id, f.properties.lead]));
    expect(leadOf).toEqual({ CP: "CP", TP: "CP", VP: "CP", CJ: "CJ", TJ: "CJ" });
  });

  it("rotation: moves teachers within each community from the leads' surplus to the schools short of them, needs from the plan's enrolment", async () => {
    const communities = join(folder, "for-rotation.geojson");
    const formed = await run("communities", "--plan", planGeoJson, "--lead-eligible", "tier=county seat", "--hub-eligible", "tier=township", "--match-levels", "--allow-direct", "--out", communities);
    expect(formed.code).toBe(0);
    const out = join(folder, "rotation.json");
    const result = await run("rotation", "--communities", communities, "--teachers", "teachers", "--out", out);
    expect(result.stderr).toBe("");
    // Needs (19 primary, 13.5 junior pupils per teacher): CP 48 (has 60, may send 6), TP 16 (has 12), VP 3 (has 1); CJ 60 (70, 7), TJ 19 (16).
    expect(result.stdout).toMatch(/^rotation: optimal, 9 teachers moved in 3 moves, [\d.]+ teacher-minutes; short before 9, after 0/);
    const file = JSON.parse(await readFile(out, "utf8"));
    expect(file.moves.map((m: { from: string; to: string; teachers: number }) => [m.from, m.to, m.teachers]).sort()).toEqual([["CJ", "TJ", 3], ["CP", "TP", 4], ["CP", "VP", 2]].sort());
    expect(file.schools.find((s: { id: string }) => s.id === "CP")).toEqual(expect.objectContaining({ before: 60, after: 54, needed: 48, sent: 6, mayRotate: 6 }));
    const tight = await run("rotation", "--communities", communities, "--teachers", "teachers", "--share", "0.05", "--json", "--out", out);
    expect(JSON.parse(tight.stdout)).toEqual(expect.objectContaining({ status: "optimal", shortBefore: 9, shortAfter: 3, moved: 6 }));
    const cases: [string[], RegExp][] = [
      [["--communities", communities, "--teachers", "staff", "--out", out], /--teachers staff: no school has this property/],
      [["--communities", communities, "--teachers", "teachers", "--share", "2", "--out", out], /--share.*must be at most 1/],
      [["--communities", communities, "--teachers", "teachers", "--needed", "teachers", "--junior", "x", "--out", out], /give --needed .* or the pupils by level/],
      [["--communities", example, "--teachers", "pupils", "--out", out], /--community community: no school has this property/],
    ];
    for (const [args, message] of cases) {
      const failed = await run("rotation", ...args);
      expect(failed.code, args.join(" ")).toBe(1);
      expect(failed.stderr).toMatch(message);
    }
  });
});
