import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Feature, FeatureCollection, Point, Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { TINY_CANDIDATES, TINY_SCHOOLS, TINY_SETTLEMENTS } from "../plan/planFixture.ts";
import { run } from "./runCli.ts";
import { writeTinyInputs } from "./tinyInputs.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-map-"));
const path = (name: string): string => join(folder, name);
let flags: string[] = [];
const inputs = (): string[] => flags;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A rectangle around every point of the fixture, widened by `margin` degrees. */
function boxAround(collections: readonly FeatureCollection[], margin: number, properties: Record<string, unknown>): Feature<Polygon> {
  const points = collections.flatMap((collection) => collection.features.map((feature) => (feature.geometry as Point).coordinates));
  const [x0, x1] = [Math.min(...points.map((p) => p[0]!)) - margin, Math.max(...points.map((p) => p[0]!)) + margin];
  const [y0, y1] = [Math.min(...points.map((p) => p[1]!)) - margin, Math.max(...points.map((p) => p[1]!)) + margin];
  return { type: "Feature", properties, geometry: { type: "Polygon", coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } };
}

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

const layers = [TINY_SETTLEMENTS, TINY_SCHOOLS, TINY_CANDIDATES] as unknown as FeatureCollection[];
const townshipIds = [...new Set(TINY_SETTLEMENTS.features.map((feature) => String(feature.properties?.township)))];

beforeAll(async () => {
  flags = await writeTinyInputs(folder);
  await writeFile(path("county.geojson"), JSON.stringify(boxAround(layers, 0.05, { name: "county" })));
  // Township polygons carrying a name: the same box for each, enough to check the names reach the report.
  const townships = townshipIds.map((id, index) => boxAround(layers, 0.01 * (index + 1), { township: id, name: `镇${index + 1}<b>` }));
  await writeFile(path("townships.geojson"), JSON.stringify({ type: "FeatureCollection", features: townships }));
  const result = await run("plan", ...inputs(), "--time-limit", "10", "--quiet", "--report", "--lang", "zh", "--boundary", path("county.geojson"), "--townships", path("townships.geojson"), "--out", path("plan"));
  expect(result.code, result.stderr).toBe(0);
});

describe("school-layout plan --report", () => {
  it("writes report.html with the maps inline, and the plan map as map.svg and map.png", async () => {
    const html = await readFile(path("plan/report.html"), "utf8");
    const svg = await readFile(path("plan/map.svg"), "utf8");
    const png = new Uint8Array(await readFile(path("plan/map.png")));
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(html).toContain(svg); // the plan map itself, inline
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(3); // plan, status quo beside plan, travel
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)[0]).toBe(2000);
  });

  it("draws --boundary and --townships (RFC 7946 winding), and names the townships from the polygons (escaped)", async () => {
    const svg = await readFile(path("plan/map.svg"), "utf8");
    // Fitted to the county, not to the globe: the scale bar is a few km, not hundreds.
    expect(Number(/>(\d+(?:\.\d+)?) km</.exec(svg)![1])).toBeLessThanOrEqual(20);
    expect(svg).toMatch(/<g id="boundary"><path d="M[^"]+"/);
    expect(svg.match(/<g id="townships">(.*?)<\/g>/)![1]!.match(/<path d="M/g)).toHaveLength(townshipIds.length);
    const html = await readFile(path("plan/report.html"), "utf8");
    expect(html).toContain("镇1&lt;b&gt;");
    expect(html).not.toContain("镇1<b>");
  });

  it("refuses a --boundary that is not polygons, naming the flag, the file and the feature", async () => {
    const result = await run("plan", ...inputs(), "--quiet", "--boundary", path("s.geojson"), "--out", path("bad"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--boundary ".*s\.geojson": feature 0 must be a Polygon or MultiPolygon; got Point/);
  });
});

describe("school-layout map", () => {
  it("writes each view as SVG with its layers, in the chosen language", async () => {
    for (const [view, mark] of [["plan", "学校布局规划"], ["status-quo", "现状"], ["side-by-side", "现状"], ["travel", "出行"], ["levels", "小学1–3年级"]] as const) {
      const out = path(`${view}.svg`);
      const result = await run("map", ...inputs(), "--plan", path("plan/plan.json"), "--view", view, "--lang", "zh", "--out", out);
      expect(result.code, result.stderr).toBe(0);
      const svg = await readFile(out, "utf8");
      expect(svg.startsWith("<svg "), view).toBe(true);
      expect(svg, view).toContain('<g id="schools">');
      expect(svg, view).toContain(mark);
    }
    const grid = await readFile(path("side-by-side.svg"), "utf8");
    expect(grid.match(/<g id="legend">/g)).toHaveLength(2);
  });

  it("draws one level with --level: only that level's assignment lines", async () => {
    const result = await run("map", ...inputs(), "--plan", path("plan/plan.json"), "--level", "primary4to6", "--out", path("junior.svg"));
    expect(result.code, result.stderr).toBe(0);
    const svg = await readFile(path("junior.svg"), "utf8");
    const levels = new Set([...svg.matchAll(/data-level="([^"]+)"/g)].map((match) => match[1]));
    expect([...levels]).toEqual(["primary4to6"]);
  });

  it("writes PNG at --width, decodable and not blank", async () => {
    const result = await run("map", ...inputs(), "--plan", path("plan/plan.json"), "--width", "640", "--out", path("map.png"));
    expect(result.code, result.stderr).toBe(0);
    const png = new Uint8Array(await readFile(path("map.png")));
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)[0]).toBe(640);
    const { Resvg } = await import("@resvg/resvg-js");
    expect(Resvg).toBeTypeOf("function");
  });

  it("refuses an unknown format, --width on SVG, --level with levels, naming the flag", async () => {
    const base = [...inputs(), "--plan", path("plan/plan.json")];
    const cases: [string[], RegExp][] = [
      [["--out", path("map.pdf")], /--out ".*map\.pdf": must end in \.svg or \.png/],
      [["--width", "500", "--out", path("w.svg")], /--width 500: only for a \.png map/],
      [["--view", "levels", "--level", "junior", "--out", path("l.svg")], /--level junior: not with --view levels/],
      [["--view", "nope", "--out", path("n.svg")], /--view <view>.*must be one of plan, status-quo, side-by-side, travel, levels/],
    ];
    for (const [flags, message] of cases) {
      const result = await run("map", ...base, ...flags);
      expect(result.code, flags.join(" ")).toBe(1);
      expect(result.stderr).toMatch(message);
    }
  });
});

describe("school-layout report", () => {
  it("rebuilds the report of a plan.json with its maps and the boundary", async () => {
    const result = await run("report", ...inputs(), "--plan", path("plan/plan.json"), "--boundary", path("county.geojson"), "--lang", "en", "--out", path("again.html"));
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path("again.html"), "utf8");
    expect(html).toMatch(/<g id="boundary"><path d="M/);
    expect(html).toContain("The status quo beside the plan.");
    const pdf = await run("report", ...inputs(), "--plan", path("plan/plan.json"), "--out", path("again.pdf"));
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toMatch(/--out ".*again\.pdf": must end in \.html/);
  });
});
