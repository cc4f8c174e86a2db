import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { costTableMetaPath, readCostTableBasis } from "../../src/cli/travelMatrix.ts";
import { greatCircleMetres } from "../../src/index.ts";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-travel-"));
const path = (name: string): string => join(folder, name);
const point = (id: string, lon: number, lat: number) => ({
  type: "Feature",
  properties: { id, pupils: 10 },
  geometry: { type: "Point", coordinates: [lon, lat] },
});
const road = (id: string, coordinates: number[][], properties: Record<string, unknown>) => ({
  type: "Feature",
  properties: { id, ...properties },
  geometry: { type: "LineString", coordinates },
});

// A primary road east–west along latitude 23.8 and a one-way road from the village v2 to it.
const lat = 23.8;
const roads = {
  type: "FeatureCollection",
  features: [
    road("main", [[114.70, lat], [114.75, lat], [114.80, lat]], { highway: "primary" }),
    road("lane", [[114.75, 23.82], [114.75, lat]], { highway: "tertiary", oneway: "yes" }),
  ],
};
const villages = { type: "FeatureCollection", features: [point("v1", 114.70, lat), point("v2", 114.75, 23.82)] };
const schools = { type: "FeatureCollection", features: [point("s1", 114.80, lat), point("s2", 114.75, 23.82)] };

beforeAll(async () => {
  await writeFile(path("roads.geojson"), JSON.stringify(roads));
  await writeFile(path("villages.geojson"), JSON.stringify(villages));
  await writeFile(path("schools.geojson"), JSON.stringify(schools));
  await writeFile(path("empty.osm"), '<?xml version="1.0"?><osm version="0.6"></osm>');
  await writeFile(path("road-point.geojson"), JSON.stringify({ type: "FeatureCollection", features: [point("x", 114.7, lat)] }));
});

/** A plain CSV (header first, no comment line) as rows of named fields. */
function parseTable(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const [header, ...lines] = text.trim().split("\n");
  const columns = header!.split(",");
  return { columns, rows: lines.map((line) => Object.fromEntries(line.split(",").map((value, k) => [columns[k]!, value]))) };
}

/** The sidecar `travel --out F` writes beside F. */
async function readMeta(table: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(`${table}.meta.json`, "utf8")) as Record<string, unknown>;
}

const metres = (a: [number, number], b: [number, number]): number => greatCircleMetres(a, b);

describe("school-layout travel", () => {
  it("writes from, to, minutes and metres along the roads for the school bus, with the basis in F.meta.json", async () => {
    const out = path("bus.csv");
    const result = await run("travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--mode", "schoolBus", "--out", out);
    expect(result.code, result.stderr).toBe(0);
    const { rows } = parseTable(await readFile(out, "utf8"));
    expect((await readMeta(out)).basis).toMatch(/road network .*schoolBus/);
    const v1s1 = rows.find((row) => row.from === "v1" && row.to === "s1")!;
    const length = metres([114.7, lat], [114.8, lat]);
    expect(Number(v1s1.metres)).toBeCloseTo(length, 0);
    // A school bus on a primary road: 60 km/h, the legal limit outside expressways.
    expect(Number(v1s1.minutes)).toBeCloseTo(length / 1000, 1);
    // v2 reaches s1 down the one-way lane; nothing reaches s2 up it by bus.
    expect(rows.some((row) => row.from === "v2" && row.to === "s1")).toBe(true);
    expect(rows.some((row) => row.from === "v1" && row.to === "s2")).toBe(false);
    expect(result.stderr).toMatch(/3 of 4 pairs have a time/);
  });

  it("lets walkers use the one-way lane both ways, at 5 km/h", async () => {
    const result = await run("travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--mode", "walk");
    expect(result.code, result.stderr).toBe(0);
    const { rows } = parseTable(result.stdout);
    const v1s2 = rows.find((row) => row.from === "v1" && row.to === "s2")!;
    const length = metres([114.7, lat], [114.75, lat]) + metres([114.75, lat], [114.75, 23.82]);
    expect(Number(v1s2.minutes)).toBeCloseTo(length / (5000 / 60), 1);
  });

  it("drops pairs above the cutoff", async () => {
    const result = await run("travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--mode", "schoolBus", "--cutoff", "5");
    expect(result.code, result.stderr).toBe(0);
    for (const row of parseTable(result.stdout).rows) expect(Number(row.minutes)).toBeLessThanOrEqual(5);
  });

  it("labels the straight-line fallback without --roads", async () => {
    const result = await run("travel", "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--speed", "30", "--detour", "1.4");
    expect(result.code, result.stderr).toBe(0);
    const { rows } = parseTable(result.stdout);
    // On standard output the CSV is plain and the basis goes to standard error.
    expect(result.stdout.startsWith("from,to,minutes,")).toBe(true);
    expect(result.stderr).toMatch(/no road network: great-circle distance × detour factor 1\.4/);
    const v1s1 = rows.find((row) => row.from === "v1" && row.to === "s1")!;
    expect(Number(v1s1.minutes)).toBeCloseTo((metres([114.7, lat], [114.8, lat]) * 1.4) / (30000 / 60), 2);
  });

  it("feeds solve --costs; readCostTableBasis gives the basis from the sidecar for solve to record", async () => {
    const table = path("walk.csv");
    expect((await run("travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--out", table)).code).toBe(0);
    const out = path("solved.geojson");
    const result = await run(
      "solve", "p-median", "--demand", path("villages.geojson"), "--sites", path("schools.geojson"), "--id", "id", "--weight", "pupils", "-p", "1",
      "--costs", table, "--cost-from", "from", "--cost-to", "to", "--cost-value", "minutes", "--cost-unit", "minutes", "--out", out, "--quiet",
    );
    expect(result.code, result.stderr).toBe(0);
    const written = JSON.parse(await readFile(out, "utf8"));
    expect(written.solution.costUnit).toBe("minutes");
    expect(written.solution.costBasis).toMatch(/road network .*walk/);
    expect(await readCostTableBasis(table, await readFile(table, "utf8"))).toMatch(/road network .*walk/);
    expect(await readCostTableBasis(table)).toMatch(/road network .*walk/);
  });

  // Regression (issue 10, item 8): the table's leading "# basis:" line broke readers that do not skip comments
  // (pandas, Excel, QGIS by default), which took it for the header.
  it("writes a plain CSV whose first line is the header, and the basis, mode, cutoff and counts in F.meta.json", async () => {
    const table = path("plain.csv");
    const result = await run("travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--mode", "schoolBus", "--cutoff", "30", "--out", table);
    expect(result.code, result.stderr).toBe(0);
    const text = await readFile(table, "utf8");
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("from,to,minutes,metres,from_leg_metres,to_leg_metres");
    expect(lines.some((line) => line.startsWith("#"))).toBe(false);
    // Every line has the header's six fields, as a reader with default settings expects.
    for (const line of lines) expect(line.split(",")).toHaveLength(6);
    expect(costTableMetaPath(table)).toBe(`${table}.meta.json`);
    const meta = await readMeta(table);
    expect(meta).toMatchObject({
      table: "plain.csv",
      columns: ["from", "to", "minutes", "metres", "from_leg_metres", "to_leg_metres"],
      unit: "minutes",
      mode: "schoolBus",
      roads: path("roads.geojson"),
      cutoffMinutes: 30,
      from: { file: path("villages.geojson"), count: 2 },
      to: { file: path("schools.geojson"), count: 2 },
      rows: lines.length - 1,
    });
    expect(meta.createdBy).toMatch(/^school-layout \d+\.\d+\.\d+ travel$/);
    expect(meta.basis).toMatch(/road network .*schoolBus/);
    expect(result.stderr).toContain(`${table}.meta.json`);
  });

  it("writes a sidecar for --nearest and for the straight-line fallback too", async () => {
    const nearest = path("nearest.csv");
    expect((await run("travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--nearest", "--out", nearest)).code).toBe(0);
    expect((await readFile(nearest, "utf8")).split("\n")[0]).toBe("from,nearest,minutes,metres,from_leg_metres");
    expect(await readMeta(nearest)).toMatchObject({ columns: ["from", "nearest", "minutes", "metres", "from_leg_metres"], rows: 2, mode: "walk" });
    const fallback = path("fallback.csv");
    expect((await run("travel", "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--mode", "bicycle", "--out", fallback)).code).toBe(0);
    const meta = await readMeta(fallback);
    expect(meta).toMatchObject({ roads: null, cutoffMinutes: null, mode: "bicycle", rows: 4 });
    expect(meta.basis).toMatch(/^no road network: great-circle distance × detour factor 1\.3 \(assumed\) at 15 km\/h/);
  });

  it("readCostTableBasis still reads a table of the earlier format, with a leading # basis: line and no sidecar", async () => {
    const legacy = path("legacy.csv");
    await writeFile(legacy, "# basis: road network (made up), mode walk\nfrom,to,minutes\nv1,s1,3\nv1,s2,4\nv2,s1,5\nv2,s2,0\n");
    expect(await readCostTableBasis(legacy)).toBe("road network (made up), mode walk");
    expect(await readCostTableBasis(legacy, await readFile(legacy, "utf8"))).toBe("road network (made up), mode walk");
    // and solve still carries such a basis into its output
    const out = path("legacy-solved.geojson");
    const result = await run(
      "solve", "p-median", "--demand", path("villages.geojson"), "--sites", path("schools.geojson"), "--id", "id", "--weight", "pupils", "-p", "1",
      "--costs", legacy, "--cost-from", "from", "--cost-to", "to", "--cost-value", "minutes", "--cost-unit", "minutes", "--out", out, "--quiet",
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8")).solution.costBasis).toBe("road network (made up), mode walk");
    const plain = path("no-basis.csv");
    await writeFile(plain, "from,to,minutes\nv1,s1,3\n");
    expect(await readCostTableBasis(plain)).toBeUndefined();
  });

  it("readCostTableBasis refuses a sidecar that is not JSON, has no basis, or counts other rows than the table", async () => {
    const table = path("checked.csv");
    const text = 'from,to,minutes\n"v,1",s1,3\n\nv2,s1,5\n';
    await writeFile(table, text);
    await writeFile(`${table}.meta.json`, "{ not json");
    await expect(readCostTableBasis(table, text)).rejects.toThrow(/--costs sidecar ".*checked\.csv\.meta\.json": not valid JSON/);
    await writeFile(`${table}.meta.json`, JSON.stringify({ rows: 2 }));
    await expect(readCostTableBasis(table, text)).rejects.toThrow(/"basis" must be a non-empty string/);
    await writeFile(`${table}.meta.json`, JSON.stringify({ basis: "road network (x)", rows: 3 }));
    await expect(readCostTableBasis(table, text, "--travel-times")).rejects.toThrow(/--travel-times sidecar .*describes 3 rows, but .* has 2; it belongs to another version/);
    await writeFile(`${table}.meta.json`, JSON.stringify({ basis: "road network (x)", rows: 2 }));
    expect(await readCostTableBasis(table, text)).toBe("road network (x)");
  });

  it("solve --roads routes directly and gives the same objective as the table", async () => {
    const direct = await run("solve", "p-median", "--demand", path("villages.geojson"), "--sites", path("schools.geojson"), "--id", "id", "--weight", "pupils", "-p", "1", "--roads", path("roads.geojson"), "--mode", "walk", "--json");
    expect(direct.code, direct.stderr).toBe(0);
    const table = path("walk2.csv");
    await run("travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--out", table);
    const viaTable = await run(
      "solve", "p-median", "--demand", path("villages.geojson"), "--sites", path("schools.geojson"), "--id", "id", "--weight", "pupils", "-p", "1",
      "--costs", table, "--cost-from", "from", "--cost-to", "to", "--cost-value", "minutes", "--cost-unit", "minutes", "--json",
    );
    // The table rounds to the millisecond of a minute; the objective sums 2 pupils × 10 such times.
    expect(JSON.parse(viaTable.stdout).objective).toBeCloseTo(JSON.parse(direct.stdout).objective, 1);
  });

  it("--nearest writes each demand point's nearest site and minutes", async () => {
    const result = await run("travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--id", "id", "--mode", "schoolBus", "--nearest");
    expect(result.code, result.stderr).toBe(0);
    const { rows } = parseTable(result.stdout);
    expect(rows.map((row) => [row.from, row.nearest])).toEqual([["v1", "s1"], ["v2", "s2"]]);
    expect(Number(rows[1]!.minutes)).toBe(0);
    expect(result.stderr).toMatch(/2 of 2 demand points reach a site/);
  });

  it("service-areas writes one polygon per school containing it, with its id, minutes and mode", async () => {
    const out = path("areas.geojson");
    const result = await run("service-areas", "--roads", path("roads.geojson"), "--sites", path("schools.geojson"), "--id", "id", "--minutes", "6", "--mode", "schoolBus", "--out", out);
    expect(result.code, result.stderr).toBe(0);
    const areas = JSON.parse(await readFile(out, "utf8"));
    expect(areas.features.map((feature: { properties: { site: string } }) => feature.properties.site)).toEqual(["s1", "s2"]);
    for (const feature of areas.features) {
      expect(["Polygon", "MultiPolygon"]).toContain(feature.geometry.type);
      expect(feature.properties).toMatchObject({ minutes: 6, mode: "schoolBus" });
    }
    // Within 6 minutes at 60 km/h (6 km), v1's end of the road (10.2 km from s1) is outside s1's area.
    const ring: number[][] = areas.features[0].geometry.type === "Polygon" ? areas.features[0].geometry.coordinates[0] : areas.features[0].geometry.coordinates[0][0];
    expect(Math.min(...ring.map((position) => position[0]!))).toBeGreaterThan(114.70);
  });

  it("rejects --speed with --roads, and a bad mode, with one line and exit code 1", async () => {
    for (const argv of [
      ["travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--speed", "30"],
      ["travel", "--roads", path("roads.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--mode", "horse"],
      ["travel", "--roads", path("villages.geojson"), "--from", path("villages.geojson"), "--to", path("schools.geojson")],
      ["travel", "--from", path("villages.geojson"), "--to", path("schools.geojson"), "--nearest"],
      ["travel", "--roads", path("empty.osm"), "--from", path("villages.geojson"), "--to", path("schools.geojson")],
      ["service-areas", "--roads", path("roads.geojson"), "--sites", path("schools.geojson"), "--minutes", "-1", "--out", path("x.geojson")],
    ]) {
      const result = await run(...argv);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
