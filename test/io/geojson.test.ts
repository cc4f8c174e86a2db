import type { Feature } from "geojson";
import { describe, expect, it } from "vitest";
import { readDemandPoints, readSites } from "../../src/io/index.ts";
import { collection, deepFreeze, expectInputError, feature, point } from "./support.ts";

const villages = () =>
  collection(
    point(114.7, 23.8, { id: "a", pupils: 30 }),
    point(114.9, 24.0, { id: "b", pupils: "12.5" }),
    point(115.0, 23.9, { id: "c", pupils: 0 }),
  );

describe("readDemandPoints", () => {
  it("reads ids, weights and [longitude, latitude] in feature order", () => {
    const layer = readDemandPoints(villages(), { weight: "pupils" });
    expect(layer.points).toEqual([
      { id: "a", weight: 30 },
      { id: "b", weight: 12.5 },
      { id: "c", weight: 0 },
    ]);
    expect([...layer.coordinates]).toEqual([114.7, 23.8, 114.9, 24.0, 115.0, 23.9]);
    expect(layer.coordinateKind).toBe("lonlat");
  });

  it("gives every weight 1 by default and takes an accessor (feature, index)", () => {
    expect(readDemandPoints(villages()).points.map((p) => p.weight)).toEqual([1, 1, 1]);
    const seen: number[] = [];
    const layer = readDemandPoints(villages(), {
      weight: (f: Feature, index: number) => {
        seen.push(index);
        return Number(f.properties?.["pupils"]) * 2;
      },
    });
    expect(layer.points.map((p) => p.weight)).toEqual([60, 25, 0]);
    expect(seen).toEqual([0, 1, 2]);
  });

  it("resolves ids from the named property, else feature.id, then properties.id, then the index", () => {
    const features = collection(point(1, 1, { code: "x1", id: "p0" }, "f0"), point(2, 2, { code: 7, id: "p1" }), point(3, 3, { code: "x3" }));
    expect(readDemandPoints(features, { id: "code" }).points.map((p) => p.id)).toEqual(["x1", "7", "x3"]);
    expect(readDemandPoints(features).points.map((p) => p.id)).toEqual(["f0", "p1", "2"]);
  });

  it("reads a Polygon or MultiPolygon as the centroid of its vertices", () => {
    const square = { type: "Polygon" as const, coordinates: [[[114, 23], [116, 23], [116, 25], [114, 25], [114, 23]]] };
    const two = {
      type: "MultiPolygon" as const,
      coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], [[[10, 0], [12, 0], [12, 2], [10, 2], [10, 0]]]],
    };
    const layer = readDemandPoints(collection(feature(square), feature(two)));
    expect([...layer.coordinates]).toEqual([115, 24, 6, 1]);
  });

  it("reads projected coordinates without range checks", () => {
    const layer = readDemandPoints(collection(point(500_000, 2_600_000)), { coordinates: "projected" });
    expect([...layer.coordinates]).toEqual([500_000, 2_600_000]);
    expect(layer.coordinateKind).toBe("projected");
  });

  it("never mutates the input and returns its features, not copies", () => {
    const input = villages();
    const before = JSON.stringify(input);
    const layer = readDemandPoints(deepFreeze(input), { weight: "pupils", id: "id" });
    expect(JSON.stringify(input)).toBe(before);
    expect(layer.features[2]).toBe(input.features[2]);
    expect(layer.features).not.toBe(input.features);
  });

  it("throws InputError when the input is not a FeatureCollection, naming the value", () => {
    expectInputError(() => readDemandPoints(point(1, 1)), "demand", '"type"', "single Feature", '"Feature"');
    expectInputError(() => readDemandPoints([point(1, 1)]), "demand", "got an array");
    expectInputError(() => readDemandPoints(null), "demand", "FeatureCollection", "got null");
    expectInputError(() => readDemandPoints({ type: "FeatureCollection" }), '"features"', "must be an array");
    expectInputError(() => readDemandPoints(collection(point(1, 1), { type: "Point" } as unknown as Feature)), "demand 1", "GeoJSON Feature");
  });

  it("throws InputError on an empty collection, naming the layer (or the given source)", () => {
    expectInputError(() => readDemandPoints(collection()), "demand", '"features"', "is empty");
    expectInputError(() => readSites(collection(), { source: "schools.geojson" }), "schools.geojson", "is empty");
  });

  it("throws InputError naming the feature index and id when the geometry is missing", () => {
    expectInputError(() => readDemandPoints(collection(point(1, 1, { id: "a" }), feature(null, { id: "b" }))), 'demand 1 (id "b")', '"geometry"', "missing geometry", "got null");
  });

  it("throws InputError naming the feature and the type for a wrong geometry type, with its own message for MultiPoint", () => {
    const line = feature({ type: "LineString", coordinates: [[1, 1], [2, 2]] }, { id: "road" });
    expectInputError(() => readDemandPoints(collection(line)), 'demand 0 (id "road")', '"geometry.type"', "Point, Polygon or MultiPolygon", '"LineString"');
    const many = feature({ type: "MultiPoint", coordinates: [[1, 1], [2, 2]] }, { id: "m" });
    expectInputError(() => readSites(collection(point(0, 0), many)), 'sites 1 (id "m")', "MultiPoint is not supported", "one Point feature per point", '"MultiPoint"');
  });

  it("throws InputError naming the feature and the value for missing or non-numeric coordinates", () => {
    const missing = feature({ type: "Point" } as never, { id: "a" });
    expectInputError(() => readDemandPoints(collection(missing)), 'demand 0 (id "a")', '"geometry.coordinates"', "missing coordinates", "got undefined");
    const text = feature({ type: "Point", coordinates: ["114.7", 23.8] as never }, { id: "t" });
    expectInputError(() => readDemandPoints(collection(text)), 'demand 0 (id "t")', "the longitude is not", '["114.7",23.8]');
    const hole = feature({ type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, Number.NaN], [0, 0]]] }, { id: "p" });
    expectInputError(() => readDemandPoints(collection(hole)), 'demand 0 (id "p")', '"geometry.coordinates[0][2]"', "the latitude is not");
    const empty = feature({ type: "Polygon", coordinates: [] }, { id: "e" });
    expectInputError(() => readDemandPoints(collection(empty)), '"geometry.coordinates"', "non-empty array", "got []");
  });

  it("throws InputError naming the feature and the value for a longitude or latitude out of range", () => {
    expectInputError(() => readDemandPoints(collection(point(1, 1, { id: "a" }), point(200, 23, { id: "b" }))), 'demand 1 (id "b")', "longitude 200", "[200,23]");
    expectInputError(() => readDemandPoints(collection(point(120, -95, { id: "s" }))), 'demand 0 (id "s")', "latitude -95", "[120,-95]");
  });

  it("throws InputError saying a pair looks like [latitude, longitude]", () => {
    expectInputError(
      () => readSites(collection(point(23.8, 114.7, { id: "swapped" }))),
      'sites 0 (id "swapped")',
      "looks like [latitude, longitude]; GeoJSON is [longitude, latitude]",
      "[23.8,114.7]",
    );
  });

  it("throws InputError naming the feature, the property and the value for a NaN, negative or non-numeric weight", () => {
    const withWeight = (pupils: unknown) => collection(point(1, 1, { id: "a", pupils: 1 }), point(2, 2, { id: "b", pupils }));
    expectInputError(() => readDemandPoints(withWeight(Number.NaN), { weight: "pupils" }), 'demand 1 (id "b")', '"properties.pupils"', "got NaN");
    expectInputError(() => readDemandPoints(withWeight(-3), { weight: "pupils" }), 'demand 1 (id "b")', "≥ 0", "got -3");
    expectInputError(() => readDemandPoints(withWeight("abc"), { weight: "pupils" }), 'demand 1 (id "b")', 'got "abc"');
    expectInputError(() => readDemandPoints(withWeight("12 pupils"), { weight: "pupils" }), 'got "12 pupils"');
    expectInputError(() => readDemandPoints(withWeight(true), { weight: "pupils" }), "got true");
    expectInputError(() => readDemandPoints(villages(), { weight: () => -1 }), 'demand 0 (id "a")', '"weight (accessor)"', "got -1");
  });

  it("throws InputError naming the feature and the property when the weight property is missing", () => {
    const features = collection(point(1, 1, { id: "a", pupils: 1 }), point(2, 2, { id: "b", people: 4 }));
    expectInputError(() => readDemandPoints(features, { weight: "pupils" }), 'demand 1 (id "b")', '"properties.pupils"', "missing weight", "got undefined");
  });

  it("throws InputError naming both features for a duplicate id", () => {
    const features = collection(point(1, 1, { code: "x" }), point(2, 2, { code: "y" }), point(3, 3, { code: "x" }));
    expectInputError(() => readDemandPoints(features, { id: "code" }), 'demand 2 (id "x")', "duplicates the id of demand 0", 'got "x"');
  });

  it("throws InputError naming the feature when the id property is missing or not a string or number", () => {
    expectInputError(() => readDemandPoints(collection(point(1, 1, { name: "A" })), { id: "code" }), "demand 0", '"properties.code"', "missing id");
    expectInputError(() => readDemandPoints(collection(point(1, 1, { code: { x: 1 } })), { id: "code" }), "demand 0", '"properties.code"', '{"x":1}');
    expectInputError(() => readDemandPoints(collection(point(1, 1, {}, "")), {}), "demand 0", '"id"', 'got ""');
  });
});

describe("readSites", () => {
  it("readSites throws on a flag property that no feature has (a misspelt name), but reads it as false where only some lack it", () => {
    const sites = collection(point(1, 1, { id: "a", existing: true }), point(2, 2, { id: "b" }));
    expectInputError(() => readSites(sites, { required: "exisitng", source: "schools.geojson" }), "schools.geojson", '"required"', "spelling", '"exisitng"');
    expect(readSites(sites, { required: "existing" }).sites.map((site) => site.required)).toEqual([true, false]);
  });

  const schools = () =>
    collection(
      point(114.7, 23.8, { name: "A", places: 600, cost: "120000", existing: true, closed: "false" }),
      point(114.8, 23.9, { name: "B", places: "450", cost: 0, existing: "TRUE", closed: 0 }),
      point(114.9, 24.0, { name: "C", places: 0, cost: 90000, existing: 0, closed: "1" }),
      point(115.0, 24.1, { name: "D", places: 300, cost: 5, existing: null }),
    );

  it("reads capacity, fixed cost and the required / forbidden flags by property", () => {
    const layer = readSites(schools(), { id: "name", capacity: "places", fixedCost: "cost", required: "existing", forbidden: "closed" });
    expect(layer.sites).toEqual([
      { id: "A", capacity: 600, fixedCost: 120000, required: true, forbidden: false },
      { id: "B", capacity: 450, fixedCost: 0, required: true, forbidden: false },
      { id: "C", capacity: 0, fixedCost: 90000, required: false, forbidden: true },
      { id: "D", capacity: 300, fixedCost: 5, required: false, forbidden: false },
    ]);
  });

  it("defaults to uncapacitated, no fixed cost, nothing required or forbidden", () => {
    expect(readSites(schools(), { id: "name" }).sites[0]).toEqual({ id: "A", capacity: Infinity, fixedCost: 0, required: false, forbidden: false });
  });

  it("takes accessors for every per-site value", () => {
    const layer = readSites(schools(), {
      capacity: (_f: Feature, j: number) => 100 * (j + 1),
      fixedCost: () => 7,
      required: (_f: Feature, j: number) => j === 3,
      forbidden: (_f: Feature, j: number) => j === 0,
    });
    expect(layer.sites.map((s) => [s.capacity, s.fixedCost, s.required, s.forbidden])).toEqual([
      [100, 7, false, true],
      [200, 7, false, false],
      [300, 7, false, false],
      [400, 7, true, false],
    ]);
  });

  it("throws InputError naming the site and the value for a negative, NaN or non-numeric capacity or fixed cost", () => {
    const with1 = (properties: Record<string, unknown>) => collection(point(1, 1, { name: "A", places: 1, cost: 1 }), point(2, 2, { name: "B", ...properties }));
    expectInputError(() => readSites(with1({ places: -5 }), { id: "name", capacity: "places" }), 'sites 1 (id "B")', '"properties.places"', "got -5");
    expectInputError(() => readSites(with1({ places: "many" }), { id: "name", capacity: "places" }), 'sites 1 (id "B")', 'got "many"');
    expectInputError(() => readSites(with1({ places: Number.NaN }), { id: "name", capacity: "places" }), "got NaN");
    expectInputError(() => readSites(with1({ places: 1 }), { id: "name", capacity: "places", fixedCost: "cost" }), 'sites 1 (id "B")', "missing fixedCost");
    expectInputError(() => readSites(with1({ places: 1, cost: -1 }), { id: "name", fixedCost: "cost" }), '"properties.cost"', "got -1");
    expectInputError(() => readSites(with1({}), { id: "name", capacity: "places" }), 'sites 1 (id "B")', "missing capacity");
  });

  it("throws InputError naming the site and the value for a flag that is not a boolean", () => {
    const features = collection(point(1, 1, { name: "A", existing: "yes" }));
    expectInputError(() => readSites(features, { id: "name", required: "existing" }), 'sites 0 (id "A")', '"properties.existing"', '"true", "false", 1, 0', 'got "yes"');
    expectInputError(() => readSites(collection(point(1, 1, { existing: 2 })), { forbidden: "existing" }), "got 2");
  });

  it("throws InputError naming the option when a property option is neither a name nor a function", () => {
    expectInputError(() => readSites(schools(), { capacity: 600 as never }), "options", '"capacity"', "got 600");
    expectInputError(() => readDemandPoints(villages(), { weight: "" }), "options", '"weight"', 'got ""');
  });

  it("throws InputError on a bad coordinates option", () => {
    expectInputError(() => readSites(schools(), { coordinates: "utm" as never }), '"coordinates"', '"utm"');
  });
});
