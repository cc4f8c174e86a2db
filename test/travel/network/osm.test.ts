import { describe, expect, it } from "vitest";
import { roadNetworkFromGeoJSON } from "../../../src/travel/network/fromGeoJSON.ts";
import { roadNetworkFromOsmPbf, roadNetworkFromOsmXml } from "../../../src/travel/network/osm.ts";
import { expectInputError } from "../../io/support.ts";
import { geoJsonOf, osmPbf, osmXml, type Extract } from "./osmExtract.ts";

// A crossroads of a primary road (ways 10, 11, sharing node 2) and a one-way residential street (way 12) through
// node 2, a footway (way 13) without highway-less noise, and a building way (no highway tag) that is ignored.
const extract: Extract = {
  nodes: [
    { id: 1, lon: 113.1, lat: 23.1 },
    { id: 2, lon: 113.101, lat: 23.1 },
    { id: 3, lon: 113.102, lat: 23.1 },
    { id: 4, lon: 113.101, lat: 23.101 },
    { id: 5, lon: 113.101, lat: 23.099 },
    { id: 6, lon: 113.1005, lat: 23.1005 },
  ],
  ways: [
    { id: 10, refs: [1, 2], tags: { highway: "primary", maxspeed: "60" } },
    { id: 11, refs: [2, 3], tags: { highway: "primary", maxspeed: "30 mph" } },
    { id: 12, refs: [4, 2, 5], tags: { highway: "residential", oneway: "-1", name: "Xinhua & Co <Road>" } },
    { id: 13, refs: [6, 4], tags: { highway: "footway" } },
    { id: 14, refs: [1, 6, 2], tags: { building: "yes" } },
  ],
};

function sameNetwork(a: ReturnType<typeof roadNetworkFromGeoJSON>, b: ReturnType<typeof roadNetworkFromGeoJSON>): void {
  expect(a.nodeCount).toBe(b.nodeCount);
  expect([...a.nodeCoordinates]).toEqual([...b.nodeCoordinates]);
  expect([...a.segmentFrom]).toEqual([...b.segmentFrom]);
  expect([...a.segmentTo]).toEqual([...b.segmentTo]);
  expect([...a.segmentOneway]).toEqual([...b.segmentOneway]);
  expect([...a.segmentMaxSpeed]).toEqual([...b.segmentMaxSpeed]);
  expect([...a.segmentLength]).toEqual([...b.segmentLength]);
  expect(Array.from(a.segmentClass, (k) => a.roadClasses[k])).toEqual(Array.from(b.segmentClass, (k) => b.roadClasses[k]));
}

describe("roadNetworkFromOsmXml", () => {
  it("reads highway ways into segments between consecutive nodes, joined at shared node ids, ignoring other ways", () => {
    const network = roadNetworkFromOsmXml(osmXml(extract));
    expect(network.nodeCount).toBe(6);
    expect(network.segmentCount).toBe(5);
    expect(network.wayIds).toEqual(["10", "11", "12", "13"]);
    expect([...network.segmentSource]).toEqual([0, 1, 2, 2, 3]);
    expect([...network.segmentOneway]).toEqual([0, 0, -1, -1, 0]);
    expect(network.segmentMaxSpeed[0]).toBe(60);
    expect(network.segmentMaxSpeed[1]).toBeCloseTo(48.28032, 5);
    // node 2 is shared by ways 10, 11 and 12
    expect(network.segmentTo[0]).toBe(network.segmentFrom[1]);
    expect(network.segmentTo[2]).toBe(network.segmentTo[0]);
  });

  it("gives the same network as the equivalent GeoJSON", () => {
    const withoutBuilding = { ...extract, ways: extract.ways.slice(0, 4) };
    sameNetwork(roadNetworkFromOsmXml(osmXml(extract)), roadNetworkFromGeoJSON(geoJsonOf(withoutBuilding)));
  });

  it("throws naming the way and the node id when a way refers to a missing node", () => {
    const broken = { ...extract, ways: [{ id: 77, refs: [1, 99], tags: { highway: "track" } }] };
    expectInputError(() => roadNetworkFromOsmXml(osmXml(broken), { source: "county.osm" }), "county.osm way 0", '(id "77")', '"nd ref"', '"99"', "missing");
  });

  it("throws naming the way for an unknown oneway and an unreadable maxspeed", () => {
    const oneway = { ...extract, ways: [{ id: 5, refs: [1, 2], tags: { highway: "primary", oneway: "sometimes" } }] };
    expectInputError(() => roadNetworkFromOsmXml(osmXml(oneway)), '(id "5")', '"tags.oneway"', '"sometimes"');
    const speed = { ...extract, ways: [{ id: 6, refs: [1, 2], tags: { highway: "primary", maxspeed: "fast" } }] };
    expectInputError(() => roadNetworkFromOsmXml(osmXml(speed)), '(id "6")', '"tags.maxspeed"', '"fast"');
  });

  it("throws naming the node for a node with out-of-range coordinates", () => {
    const bad = { nodes: [{ id: 1, lon: 200, lat: 23 }, { id: 2, lon: 113, lat: 23 }], ways: [{ id: 3, refs: [1, 2], tags: { highway: "track" } }] };
    expectInputError(() => roadNetworkFromOsmXml(osmXml(bad)), "roads node", '(id "1")', "200");
  });

  it("throws on text that is not OSM XML", () => {
    expectInputError(() => roadNetworkFromOsmXml("<osm><node id='1'></osm>"), "roads", "not well-formed XML");
    expectInputError(() => roadNetworkFromOsmXml("<gpx></gpx>"), "must be <osm>");
  });
});

describe("roadNetworkFromOsmPbf", () => {
  it("reads a PBF with raw blobs into the same network as the XML", () => {
    sameNetwork(roadNetworkFromOsmPbf(osmPbf(extract)), roadNetworkFromOsmXml(osmXml(extract)));
  });

  it("reads a PBF with zlib-compressed blobs into the same network as the XML", () => {
    const network = roadNetworkFromOsmPbf(osmPbf(extract, { zlib: true }));
    sameNetwork(network, roadNetworkFromOsmXml(osmXml(extract)));
    expect(network.wayIds).toEqual(["10", "11", "12", "13"]);
  });

  it("reads DenseNodes (as Geofabrik and osmium write them) into the same network as the XML", () => {
    sameNetwork(roadNetworkFromOsmPbf(osmPbf(extract, { dense: true, zlib: true })), roadNetworkFromOsmXml(osmXml(extract)));
  });

  it("throws naming the source when the bytes are not an OSM PBF file", () => {
    expectInputError(() => roadNetworkFromOsmPbf(new Uint8Array([0, 0, 0, 9, 1, 2, 3]), { source: "bad.osm.pbf" }), "bad.osm.pbf", "cannot be decoded");
  });

  it("throws an InputError, not a ReferenceError, where no Buffer global exists (browsers without a polyfill)", () => {
    const bytes = osmPbf(extract);
    const saved = globalThis.Buffer;
    Reflect.deleteProperty(globalThis, "Buffer");
    try {
      expectInputError(() => roadNetworkFromOsmPbf(bytes, { source: "x.osm.pbf" }), "x.osm.pbf", "needs Node's Buffer");
    } finally {
      globalThis.Buffer = saved;
    }
    expect(roadNetworkFromOsmPbf(bytes).segmentCount).toBe(5);
  });

  it("throws naming the way and node id when a way refers to a missing node", () => {
    const broken = { nodes: extract.nodes, ways: [{ id: 40, refs: [1, 123], tags: { highway: "service" } }] };
    expectInputError(() => roadNetworkFromOsmPbf(osmPbf(broken)), '(id "40")', '"123"');
  });
});
