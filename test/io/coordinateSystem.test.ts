import fc from "fast-check";
import type { Point, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import {
  COORDINATE_SYSTEMS,
  convertCoordinates,
  convertGeometry,
  fromWgs84,
  problemFromGeoJSON,
  readDemandPoints,
  readSites,
  solutionFeatureCollection,
  solutionToGeoJSON,
  toWgs84,
} from "../../src/io/index.ts";
import type { Solution } from "../../src/solution.ts";
import { collection, deepFreeze, expectInputError, feature, point } from "./support.ts";

// The published reference point (gcoord's README and test suite; the test vector).
const WGS = [116.404, 39.915] as const;
const GCJ = [116.41024449916938, 39.91640428150164] as const;

describe("coordinate systems", () => {
  it("fromWgs84 converts the reference point to its published GCJ-02 position", () => {
    const [x, y] = fromWgs84(WGS, "gcj02");
    expect(x).toBeCloseTo(GCJ[0], 12);
    expect(y).toBeCloseTo(GCJ[1], 12);
  });

  it("toWgs84 inverts GCJ-02 and BD-09 to within 1e-6 degrees", () => {
    const back = toWgs84(GCJ, "gcj02");
    expect(Math.abs(back[0] - WGS[0])).toBeLessThan(1e-6);
    expect(Math.abs(back[1] - WGS[1])).toBeLessThan(1e-6);
    const bd = fromWgs84(WGS, "bd09");
    expect(bd[0]).not.toBeCloseTo(GCJ[0], 4);
    const fromBd = toWgs84(bd, "bd09");
    expect(Math.abs(fromBd[0] - WGS[0])).toBeLessThan(1e-6);
    expect(Math.abs(fromBd[1] - WGS[1])).toBeLessThan(1e-6);
  });

  it("round trips GCJ-02 and BD-09 → WGS-84 → back within 1e-9 degrees anywhere in Guangdong (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 109.6, max: 117.3, noNaN: true }),
        fc.double({ min: 20.2, max: 25.5, noNaN: true }),
        fc.constantFrom("gcj02" as const, "bd09" as const),
        (lon, lat, crs) => {
          const again = fromWgs84(toWgs84([lon, lat], crs), crs);
          expect(Math.abs(again[0] - lon)).toBeLessThan(1e-9);
          expect(Math.abs(again[1] - lat)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("leaves points outside China unchanged by GCJ-02 (gcoord's behaviour), but BD-09 still offsets them", () => {
    expect(fromWgs84([2.35, 48.85], "gcj02")).toEqual([2.35, 48.85]);
    expect(toWgs84([2.35, 48.85], "gcj02")).toEqual([2.35, 48.85]);
    expect(fromWgs84([2.35, 48.85], "bd09")[0]).not.toBe(2.35);
  });

  it("convertCoordinates converts a flat array into a new one, leaving the input alone", () => {
    const flat = Float64Array.of(WGS[0], WGS[1], 2.35, 48.85);
    const out = convertCoordinates(flat, "wgs84", "gcj02");
    expect(out).not.toBe(flat);
    expect([...flat]).toEqual([WGS[0], WGS[1], 2.35, 48.85]);
    expect(out[0]).toBeCloseTo(GCJ[0], 12);
    expect(out[1]).toBeCloseTo(GCJ[1], 12);
    expect([...convertCoordinates(flat, "gcj02", "gcj02")]).toEqual([...flat]);
    expectInputError(() => convertCoordinates([1, 2, 3], "wgs84", "gcj02"), '"length"', "got 3");
    expectInputError(() => convertCoordinates(flat, "wgs84", "epsg3857" as never), '"to"', '"epsg3857"');
  });

  it("convertGeometry converts every position, keeps altitudes and does not mutate the input", () => {
    const polygon = deepFreeze<Polygon>({ type: "Polygon", coordinates: [[[116.404, 39.915, 12], [116.5, 39.915, 3], [116.404, 40, 0], [116.404, 39.915, 12]]] });
    const out = convertGeometry(polygon, "wgs84", "gcj02");
    expect(out.coordinates[0]![0]![0]).toBeCloseTo(GCJ[0], 12);
    expect(out.coordinates[0]![0]![2]).toBe(12);
    expect(polygon.coordinates[0]![0]![0]).toBe(116.404);
    expect(convertGeometry(null, "wgs84", "bd09")).toBeNull();
    expect(COORDINATE_SYSTEMS).toEqual(["wgs84", "gcj02", "bd09"]);
  });
});

describe("the crs option of the readers", () => {
  const gcjLayer = () => deepFreeze(collection(point(GCJ[0], GCJ[1], { id: "a" }), feature({ type: "Polygon", coordinates: [[[116.41, 39.91], [116.42, 39.91], [116.42, 39.92], [116.41, 39.91]]] }, { id: "b" })));

  it("readDemandPoints converts GCJ-02 input to WGS-84 once, in coordinates and features, without mutating the input", () => {
    const input = gcjLayer();
    const layer = readDemandPoints(input, { crs: "gcj02" });
    expect(layer.inputCrs).toBe("gcj02");
    expect(Math.abs(layer.coordinates[0]! - WGS[0])).toBeLessThan(1e-6);
    expect(Math.abs(layer.coordinates[1]! - WGS[1])).toBeLessThan(1e-6);
    expect(((layer.features[0]!.geometry as Point).coordinates[0]! - WGS[0])).toBeLessThan(1e-6);
    expect(layer.features[0]).not.toBe(input.features[0]);
    expect(layer.features[0]!.properties).toBe(input.features[0]!.properties);
    expect((input.features[0]!.geometry as Point).coordinates).toEqual([...GCJ]);
  });

  it("readSites converts BD-09 input, and wgs84 (the default) keeps the input features themselves", () => {
    const bd = fromWgs84(WGS, "bd09");
    const sites = readSites(deepFreeze(collection(point(bd[0], bd[1], { id: "s" }))), { crs: "bd09" });
    expect(Math.abs(sites.coordinates[0]! - WGS[0])).toBeLessThan(1e-6);
    const input = gcjLayer();
    const plain = readSites(input);
    expect(plain.inputCrs).toBe("wgs84");
    expect(plain.features[0]).toBe(input.features[0]);
    expect(plain.coordinates[0]).toBe(GCJ[0]);
  });

  it("throws naming the option for an unknown crs, or a crs on a projected layer", () => {
    expectInputError(() => readDemandPoints(gcjLayer(), { crs: "wgs-84" as never }), '"crs"', '"wgs-84"', '"wgs84", "gcj02", "bd09"');
    expectInputError(() => readSites(gcjLayer(), { crs: "gcj02", coordinates: "projected" }), '"crs"', "projected");
  });

  it("problemFromGeoJSON applies its crs to both layers, a layer's own crs taking precedence", () => {
    const bd = fromWgs84(WGS, "bd09");
    const geo = problemFromGeoJSON(collection(point(GCJ[0], GCJ[1], { id: "v" })), collection(point(bd[0], bd[1], { id: "s" })), {
      crs: "gcj02",
      sites: { crs: "bd09" },
    });
    expect(geo.demand.inputCrs).toBe("gcj02");
    expect(geo.sites.inputCrs).toBe("bd09");
    expect(geo.problem.costs.kind).toBe("dense");
    expect(Math.abs(geo.demand.coordinates[0]! - geo.sites.coordinates[0]!)).toBeLessThan(1e-6);
  });
});

describe("the crs option of the writers", () => {
  const solution: Solution = {
    model: "p-median",
    status: "optimal",
    objective: 0,
    bound: 0,
    gap: 0,
    open: [0],
    assignment: Int32Array.of(0),
    load: Float64Array.of(1),
    reasons: [],
    statistics: { solver: "enumeration", seconds: 0, variables: 0, constraints: 0 },
  };
  const geo = () => problemFromGeoJSON(deepFreeze(collection(point(WGS[0], WGS[1], { id: "v" }))), deepFreeze(collection(point(116.5, 40, { id: "s" }))));

  it("solutionToGeoJSON writes WGS-84 by default and GCJ-02 when asked, lines included", () => {
    const plain = solutionToGeoJSON(geo(), solution);
    expect((plain.demand.features[0]!.geometry as Point).coordinates).toEqual([...WGS]);
    expect(plain.demand.solution.coordinateSystem).toBeUndefined();
    const gcj = solutionToGeoJSON(geo(), solution, { crs: "gcj02" });
    const [x, y] = (gcj.demand.features[0]!.geometry as Point).coordinates;
    expect(x).toBeCloseTo(GCJ[0], 12);
    expect(y).toBeCloseTo(GCJ[1], 12);
    expect(gcj.assignments.features[0]!.geometry.coordinates[0]![0]).toBeCloseTo(GCJ[0], 12);
    expect(gcj.sites.solution.coordinateSystem).toBe("gcj02");
  });

  it("writes GCJ-02 input back as GCJ-02 when asked, within 1e-6 degrees of the input", () => {
    const input = deepFreeze(collection(point(GCJ[0], GCJ[1], { id: "v" })));
    const read = problemFromGeoJSON(input, collection(point(116.5, 40, { id: "s" })), { crs: "gcj02" });
    const all = solutionFeatureCollection(read, solution, { crs: "gcj02" });
    const demand = all.features.find((f) => f.properties?.["layer"] === "demand")!;
    const [x, y] = (demand.geometry as Point).coordinates;
    expect(Math.abs(x! - GCJ[0])).toBeLessThan(1e-6);
    expect(Math.abs(y! - GCJ[1])).toBeLessThan(1e-6);
    expectInputError(() => solutionFeatureCollection(read, solution, { crs: "mars" as never }), '"crs"', '"mars"');
  });
});
