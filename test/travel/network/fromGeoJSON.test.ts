import fc from "fast-check";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { describe, expect, it } from "vitest";
import { fromWgs84 } from "../../../src/io/coordinateSystem.ts";
import { roadNetworkFromGeoJSON } from "../../../src/travel/network/fromGeoJSON.ts";
import type { RoadNetwork } from "../../../src/travel/network/roadNetwork.ts";
import { deepFreeze, expectInputError } from "../../io/support.ts";

function road(coordinates: number[][], properties: Record<string, unknown> = {}, id?: string): Feature {
  return { type: "Feature", ...(id === undefined ? {} : { id }), geometry: { type: "LineString", coordinates }, properties };
}
function roads(...features: Feature[]): FeatureCollection {
  return { type: "FeatureCollection", features };
}
function classOf(network: RoadNetwork, s: number): string {
  return network.roadClasses[network.segmentClass[s]!]!;
}

// Two roads crossing at (113.001, 23.001) without a shared vertex: a bridge over a road.
const crossing = roads(
  road([[113, 23.001], [113.002, 23.001]], { highway: "primary" }),
  road([[113.001, 23], [113.001, 23.002]], { highway: "secondary", bridge: "yes" }),
);

describe("roadNetworkFromGeoJSON", () => {
  it("makes every vertex a node and joins lines that share a vertex", () => {
    const network = roadNetworkFromGeoJSON(
      roads(road([[113, 23], [113.001, 23], [113.002, 23]], { highway: "primary" }), road([[113.001, 23], [113.001, 23.001]], { highway: "track" })),
    );
    expect(network.nodeCount).toBe(4);
    expect(network.segmentCount).toBe(3);
    expect(network.segmentFrom[2]).toBe(1);
    expect([classOf(network, 0), classOf(network, 2)]).toEqual(["primary", "track"]);
    expect([...network.segmentSource]).toEqual([0, 0, 1]);
    expect(network.segmentLength[0]).toBeCloseTo(102.4, 0);
  });

  it("keeps a bridge apart from the road it crosses without a shared vertex", () => {
    const network = roadNetworkFromGeoJSON(crossing);
    expect(network.nodeCount).toBe(4);
    expect(network.segmentCount).toBe(2);
  });

  it("splits crossing segments at a new node with nodeCrossings", () => {
    const network = roadNetworkFromGeoJSON(crossing, { nodeCrossings: true });
    expect(network.nodeCount).toBe(5);
    expect(network.segmentCount).toBe(4);
    const middle = 4;
    expect(network.nodeCoordinates[2 * middle]).toBeCloseTo(113.001, 12);
    expect(network.nodeCoordinates[2 * middle + 1]).toBeCloseTo(23.001, 12);
    for (let s = 0; s < 4; s++) expect(network.segmentFrom[s] === middle || network.segmentTo[s] === middle).toBe(true);
    expect(network.segmentLength[0]! + network.segmentLength[2]!).toBeCloseTo(roadNetworkFromGeoJSON(crossing).segmentLength[0]!, 6);
    expect([classOf(network, 0), classOf(network, 1), classOf(network, 2), classOf(network, 3)].sort()).toEqual(["primary", "primary", "secondary", "secondary"]);
  });

  it("with nodeCrossings splits a segment where another ends on its interior, and leaves shared vertices alone", () => {
    const tee = roads(road([[113, 23], [113.002, 23]], { highway: "primary" }), road([[113.001, 23], [113.001, 23.001]]), road([[113.002, 23], [113.003, 23.001]]));
    const network = roadNetworkFromGeoJSON(tee, { nodeCrossings: true });
    expect(network.nodeCount).toBe(5);
    expect(network.segmentCount).toBe(4);
    expect(network.segmentTo[0]).toBe(network.segmentFrom[1]);
  });

  it("with nodeCrossings keeps the total length and leaves no proper crossing between segments (property)", () => {
    const position = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })).map(([x, y]) => [113 + x * 1e-5, 23 + y * 1e-5]);
    fc.assert(
      fc.property(fc.array(fc.tuple(position, position), { minLength: 1, maxLength: 15 }), (lines) => {
        const input = roads(...lines.map(([a, b]) => road([a, b])));
        const plain = roadNetworkFromGeoJSON(input);
        const noded = roadNetworkFromGeoJSON(input, { nodeCrossings: true });
        const total = (n: RoadNetwork) => n.segmentLength.reduce((sum, x) => sum + x, 0);
        expect(total(noded)).toBeCloseTo(total(plain), 3);
        const xy = noded.nodeCoordinates;
        const at = (v: number) => [xy[2 * v]!, xy[2 * v + 1]!] as const;
        const side = (p: readonly number[], q: readonly number[], r: readonly number[]) => Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!));
        for (let i = 0; i < noded.segmentCount; i++) {
          for (let j = i + 1; j < noded.segmentCount; j++) {
            const [a, b, c, d] = [noded.segmentFrom[i]!, noded.segmentTo[i]!, noded.segmentFrom[j]!, noded.segmentTo[j]!].map(at);
            const proper = side(a!, b!, c!) * side(a!, b!, d!) < 0 && side(c!, d!, a!) * side(c!, d!, b!) < 0;
            expect(proper).toBe(false);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("reads a MultiLineString as several lines of one feature", () => {
    const multi: Feature = {
      type: "Feature",
      geometry: { type: "MultiLineString", coordinates: [[[113, 23], [113.001, 23]], [[113.001, 23], [113.001, 23.001], [113.002, 23.001]]] },
      properties: { highway: "tertiary" },
    };
    const network = roadNetworkFromGeoJSON(roads(multi));
    expect(network.nodeCount).toBe(4);
    expect(network.segmentCount).toBe(3);
    expect([...network.segmentSource]).toEqual([0, 0, 0]);
  });

  it("drops zero-length segments from repeated vertices", () => {
    const network = roadNetworkFromGeoJSON(roads(road([[113, 23], [113, 23], [113.001, 23], [113.001, 23]])));
    expect(network.segmentCount).toBe(1);
    expect(network.nodeCount).toBe(2);
  });

  it("reads OSM oneway values forward, backward, both, and implied on motorways and roundabouts", () => {
    const line = [[113, 23], [113.001, 23]];
    const values: [Record<string, unknown>, number][] = [
      [{ oneway: "yes" }, 1], [{ oneway: "true" }, 1], [{ oneway: "1" }, 1], [{ oneway: true }, 1],
      [{ oneway: "-1" }, -1], [{ oneway: "reverse" }, -1], [{ oneway: -1 }, -1],
      [{ oneway: "no" }, 0], [{ oneway: "false" }, 0], [{ oneway: "0" }, 0], [{}, 0],
      [{ highway: "motorway" }, 1], [{ highway: "motorway", oneway: "no" }, 0], [{ junction: "roundabout" }, 1], [{ highway: "motorway_link" }, 0],
    ];
    const network = roadNetworkFromGeoJSON(roads(...values.map(([properties], k) => road(line.map(([x, y]) => [x!, y! + k * 0.01]), properties))));
    expect([...network.segmentOneway]).toEqual(values.map(([, expected]) => expected));
  });

  it("reads maxspeed in km/h, converts mph, and leaves zone values and absent ones NaN", () => {
    const line = (k: number) => [[113, 23 + k * 0.01], [113.001, 23 + k * 0.01]];
    const values: [unknown, number][] = [
      ["50", 50], [40, 40], ["30 mph", 48.28032], ["60 km/h", 60], ["60;40", 40], ["CN:urban", NaN], ["CN:motorway", 120], ["none", NaN], [undefined, NaN], ["10 knots", 18.52],
    ];
    const network = roadNetworkFromGeoJSON(roads(...values.map(([maxspeed], k) => road(line(k), maxspeed === undefined ? {} : { maxspeed }))));
    values.forEach(([, expected], s) => {
      if (Number.isNaN(expected)) expect(network.segmentMaxSpeed[s]).toBeNaN();
      else expect(network.segmentMaxSpeed[s]).toBeCloseTo(expected, 6);
    });
  });

  it("uses property names and accessors given by the caller, and the default class for features without one", () => {
    const network = roadNetworkFromGeoJSON(
      roads(road([[113, 23], [113.001, 23]], { kind: "track", limit: 20, dir: "F" }), road([[113, 23.01], [113.001, 23.01]], {})),
      { roadClass: "kind", maxSpeed: "limit", oneway: (feature) => (feature.properties?.["dir"] === "F" ? "yes" : undefined), defaultClass: "service" },
    );
    expect([classOf(network, 0), classOf(network, 1)]).toEqual(["track", "service"]);
    expect(network.segmentMaxSpeed[0]).toBe(20);
    expect([...network.segmentOneway]).toEqual([1, 0]);
    expect(classOf(roadNetworkFromGeoJSON(roads(road([[113, 23], [113.001, 23]]))), 0)).toBe("unclassified");
  });

  it("converts GCJ-02 input to WGS-84 before matching vertices, and does not mutate the input", () => {
    const wgs = [[113.1, 23.1], [113.101, 23.1], [113.102, 23.1]];
    const gcj = wgs.map(([x, y]) => fromWgs84([x!, y!], "gcj02"));
    const input = deepFreeze(roads(road([gcj[0]!, gcj[1]!]), road([gcj[1]!, gcj[2]!])));
    const network = roadNetworkFromGeoJSON(input, { crs: "gcj02" });
    expect(network.nodeCount).toBe(3);
    for (let v = 0; v < 3; v++) {
      expect(network.nodeCoordinates[2 * v]).toBeCloseTo(wgs[v]![0]!, 6);
      expect(network.nodeCoordinates[2 * v + 1]).toBeCloseTo(wgs[v]![1]!, 6);
    }
    expect(input.features[0]!.geometry).toEqual({ type: "LineString", coordinates: [gcj[0], gcj[1]] });
  });

  describe("throws an InputError naming the feature (index and id), the field and the value", () => {
    const bad = (geometry: unknown, properties: Record<string, unknown> = {}) =>
      roads(road([[113, 23], [113.001, 23]]), { type: "Feature", id: "r7", geometry: geometry as Geometry, properties });
    it("for a Point, a Polygon and a null geometry", () => {
      expectInputError(() => roadNetworkFromGeoJSON(bad({ type: "Point", coordinates: [113, 23] }), { source: "roads.geojson" }), "roads.geojson 1", '(id "r7")', '"geometry.type"', '"Point"', "LineString or MultiLineString");
      expectInputError(() => roadNetworkFromGeoJSON(bad({ type: "Polygon", coordinates: [[[113, 23], [113.1, 23], [113, 23.1], [113, 23]]] })), '"Polygon"');
      expectInputError(() => roadNetworkFromGeoJSON(bad(null)), "roads 1", '"geometry"', "got null");
    });
    it("for a line with fewer than 2 positions", () => {
      expectInputError(() => roadNetworkFromGeoJSON(bad({ type: "LineString", coordinates: [[113, 23]] })), '(id "r7")', "at least 2 positions");
      expectInputError(() => roadNetworkFromGeoJSON(bad({ type: "MultiLineString", coordinates: [[[113, 23], [113.1, 23]], []] })), '"geometry.coordinates[1]"', "at least 2 positions");
    });
    it("for non-numeric and out-of-range coordinates", () => {
      expectInputError(() => roadNetworkFromGeoJSON(bad({ type: "LineString", coordinates: [[113, 23], ["113", 23]] })), '"geometry.coordinates[1]"', "finite numbers");
      expectInputError(() => roadNetworkFromGeoJSON(bad({ type: "LineString", coordinates: [[113, 23], [213, 23]] })), '(id "r7")', "outside −180..180");
      expectInputError(() => roadNetworkFromGeoJSON(bad({ type: "LineString", coordinates: [[113, 23], 5] })), '"geometry.coordinates[1]"', "got 5");
    });
    it("for an unknown oneway value and an unreadable maxspeed", () => {
      const line = { type: "LineString", coordinates: [[113, 23], [113.1, 23]] };
      expectInputError(() => roadNetworkFromGeoJSON(bad(line, { oneway: "maybe" })), "roads 1", '(id "r7")', '"properties.oneway"', '"maybe"');
      expectInputError(() => roadNetworkFromGeoJSON(bad(line, { maxspeed: "fast" })), '"properties.maxspeed"', '"fast"');
      expectInputError(() => roadNetworkFromGeoJSON(bad(line, { maxspeed: 0 })), '"properties.maxspeed"', "got 0");
      expectInputError(() => roadNetworkFromGeoJSON(bad(line, { highway: 3 })), '"properties.highway"', "got 3");
    });
    it("for a collection that is not one, and a bad crs option", () => {
      expectInputError(() => roadNetworkFromGeoJSON([]), "FeatureCollection");
      expectInputError(() => roadNetworkFromGeoJSON(crossing, { crs: "mars" as never }), '"crs"', '"mars"');
    });
  });
});
