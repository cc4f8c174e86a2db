import fc from "fast-check";
import type { Feature, FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { costOf } from "../../src/costMatrix.ts";
import { toWgs84 } from "../../src/io/coordinateSystem.ts";
import { readSchoolLayer, readSettlementLayer, schoolSystemFromGeoJSON } from "../../src/io/schoolSystemGeoJSON.ts";
import { roadNetworkFromGeoJSON } from "../../src/travel/network/fromGeoJSON.ts";
import { LEVELS } from "../../src/norms/levels.ts";
import { generateCounty } from "../../src/synthetic/index.ts";
import { collection, deepFreeze, expectInputError, feature, point } from "./support.ts";

const FALLBACK = { fallback: {} } as const;

function settlements(...features: Feature[]): FeatureCollection {
  return collection(...features);
}

const village = (id: string, x: number, properties: Record<string, unknown> = {}): Feature =>
  point(114.7 + x, 23.9, { id, township: "T1", primary1to3: 40, primary4to6: 38, junior: 30, ...properties });

const primary = (id: string, x: number, properties: Record<string, unknown> = {}): Feature =>
  point(114.7 + x, 23.9, { id, type: "complete primary", tier: "township", township: "T1", ...properties });

const junior = (id: string, x: number, properties: Record<string, unknown> = {}): Feature =>
  point(114.7 + x, 23.9, { id, type: "junior", tier: "county seat", ...properties });

describe("readSettlementLayer", () => {
  it("reads pupils per level from properties named by the level ids, with name, township and WGS-84 coordinates", () => {
    const layer = readSettlementLayer(
      settlements(point(114.7, 23.9, { id: "S1", name: "Chengzhen", township: "T1", kindergarten: 42, primary1to3: 50, junior: 0, population: 900 }), village("S2", 0.01)),
    );
    expect(layer.settlements[0]).toEqual({ id: "S1", name: "Chengzhen", township: "T1", pupils: { kindergarten: 42, primary1to3: 50, junior: 0 } });
    expect(layer.settlements[1]!.pupils).toEqual({ primary1to3: 40, primary4to6: 38, junior: 30 });
    expect([...layer.coordinates]).toEqual([114.7, 23.9, 114.7 + 0.01, 23.9]);
    expect(layer.features).toHaveLength(2);
  });

  it("reads the nested pupils and groups objects exactly as the flat level and group:<groupId>:<level> properties", () => {
    const flat = readSettlementLayer(
      settlements(point(114.7, 23.9, { id: "S1", township: "T1", primary4to6: 38, junior: 30, "group:disability:primary4to6": 2, "group:leftBehind:junior": 9, "group:leftBehind:primary4to6": 4 })),
    );
    const nested = readSettlementLayer(
      settlements(point(114.7, 23.9, { id: "S1", township: "T1", pupils: { primary4to6: 38, junior: 30 }, groups: { disability: { primary4to6: 2 }, leftBehind: { junior: 9, primary4to6: 4 } } })),
    );
    expect(flat.settlements).toEqual(nested.settlements);
    expect(flat.settlements[0]!.groups).toEqual({ disability: { primary4to6: 2 }, leftBehind: { junior: 9, primary4to6: 4 } });
  });

  it("reads any counts the same flat, nested, or as numeric strings (property)", () => {
    const counts = fc.dictionary(fc.constantFrom(...LEVELS), fc.oneof(fc.nat({ max: 5000 }), fc.double({ min: 0, max: 5000, noNaN: true })), { minKeys: 1 });
    fc.assert(
      fc.property(counts, (pupils) => {
        const asText = Object.fromEntries(Object.entries(pupils).map(([level, n]) => [level, String(n)]));
        const flat = readSettlementLayer(settlements(point(114.7, 23.9, { id: "S", ...pupils })));
        const nested = readSettlementLayer(settlements(point(114.7, 23.9, { id: "S", pupils })));
        const strings = readSettlementLayer(settlements(point(114.7, 23.9, { id: "S", ...asText })));
        expect(nested.settlements).toEqual(flat.settlements);
        expect(strings.settlements).toEqual(flat.settlements);
        expect(flat.settlements[0]!.pupils).toEqual(pupils);
      }),
      { numRuns: 100 },
    );
  });

  it("accepts numeric strings, a feature id and a polygon's centroid and area", () => {
    const square = { type: "Polygon" as const, coordinates: [[[114.7, 23.9], [114.72, 23.9], [114.72, 23.92], [114.7, 23.92], [114.7, 23.9]]] };
    const layer = readSettlementLayer(settlements({ type: "Feature", id: 7, geometry: square, properties: { junior: " 12 ", "group:g:junior": "3" } }));
    expect(layer.settlements[0]).toEqual({ id: "7", pupils: { junior: 12 }, groups: { g: { junior: 3 } }, areaKm2: expect.closeTo(4.5213, 3) });
    expect(layer.coordinates[0]).toBeCloseTo(114.71, 9);
    expect(layer.coordinates[1]).toBeCloseTo(23.91, 9);
  });

  it("converts positions declared in GCJ-02 to WGS-84 once", () => {
    const layer = readSettlementLayer(settlements(village("S1", 0)), { crs: "gcj02" });
    const [x, y] = toWgs84([114.7, 23.9], "gcj02");
    expect(layer.coordinates[0]).toBeCloseTo(x, 9);
    expect(layer.coordinates[1]).toBeCloseTo(y, 9);
  });

  it("throws naming the settlement when it has no level count at all (probably the wrong file)", () => {
    const error = expectInputError(
      () => readSettlementLayer(settlements(village("S1", 0), point(114.7, 23.9, { id: "K1", type: "kindergarten", tier: "township" }))),
      'settlements 1 (id "K1")',
      '"properties"',
      "has no pupils",
      "is this the settlements file?",
      '["id","type","tier"]',
    );
    expect(error.location).toMatchObject({ source: "settlements", index: 1, id: "K1", field: "properties" });
  });

  it("throws naming the layer, feature, field and value when pupils are given both flat and nested", () => {
    expectInputError(
      () => readSettlementLayer(settlements(village("S1", 0, { pupils: { junior: 30 } }))),
      'settlements 0 (id "S1")',
      '"properties.pupils"',
      "not both",
      "primary1to3, primary4to6, junior",
      'got {"junior":30}',
    );
    expectInputError(() => readSettlementLayer(settlements(village("S1", 0, { groups: { g: { junior: 1 } }, "group:g:junior": 1 }))), '"properties.groups"', "group:g:junior");
  });

  it("throws naming an unknown level in a nested object or a flat group property", () => {
    expectInputError(
      () => readSettlementLayer(settlements(point(114.7, 23.9, { id: "S1", pupils: { primary: 40 } }))),
      'settlements 0 (id "S1")',
      '"properties.pupils.primary"',
      'unknown level "primary"',
      "kindergarten, primary1to3, primary4to6, junior, senior",
      "got 40",
    );
    expectInputError(() => readSettlementLayer(settlements(village("S1", 0, { "group:g:grade7": 2 }))), '"properties.group:g:grade7"', 'unknown level "grade7"', "got 2");
    expectInputError(() => readSettlementLayer(settlements(village("S1", 0, { "group::junior": 2 }))), '"properties.group::junior"', "group:<groupId>:<level>");
  });

  it("throws naming a negative or non-numeric count", () => {
    expectInputError(() => readSettlementLayer(settlements(village("S1", 0), village("S2", 0.01, { junior: -3 }))), 'settlements 1 (id "S2")', '"properties.junior"', "≥ 0", "got -3");
    expectInputError(() => readSettlementLayer(settlements(village("S1", 0, { junior: "thirty" }))), '"properties.junior"', 'got "thirty"');
    expectInputError(() => readSettlementLayer(settlements(village("S1", 0, { township: ["T1"] }))), '"properties.township"', 'got ["T1"]');
  });

  it("throws naming the geometry of a feature that is neither a Point nor a polygon", () => {
    expectInputError(
      () => readSettlementLayer(settlements(village("S1", 0), feature({ type: "LineString", coordinates: [[114.7, 23.9], [114.8, 23.9]] }, { id: "S2", junior: 3 }))),
      'settlements 1 (id "S2")',
      '"geometry.type"',
      "Point, Polygon or MultiPolygon",
      'got "LineString"',
    );
  });
});

describe("readSchoolLayer", () => {
  it("reads every school property, nested, and converts flags from booleans, strings and 1/0", () => {
    const layer = readSchoolLayer(
      collection(
        primary("P1", 0, {
          name: "Central Primary",
          classes: { primary1to3: 6, primary4to6: "5" },
          classrooms: 12,
          beds: "40",
          maxAddedClassrooms: 6,
          maxAddedBeds: 100,
          resourceRoom: "TRUE",
          required: 1,
          forbidden: "0",
          protected: false,
          costs: { schoolPerYear: 250000, classPerYear: "180000" },
        }),
      ),
    );
    expect(layer.schools[0]).toEqual({
      id: "P1",
      name: "Central Primary",
      type: "complete primary",
      tier: "township",
      township: "T1",
      existing: true,
      classes: { primary1to3: 6, primary4to6: 5 },
      classrooms: 12,
      beds: 40,
      maxAddedClassrooms: 6,
      maxAddedBeds: 100,
      resourceRoom: true,
      required: true,
      forbidden: false,
      protected: false,
      costs: { schoolPerYear: 250000, classPerYear: 180000 },
    });
  });

  it("reads flat classes:<level> and cost:<name> properties exactly as the nested objects", () => {
    const flat = readSchoolLayer(collection(primary("P1", 0, { "classes:primary1to3": 6, "classes:primary4to6": 5, "cost:schoolPerYear": 250000 })));
    const nested = readSchoolLayer(collection(primary("P1", 0, { classes: { primary1to3: 6, primary4to6: 5 }, costs: { schoolPerYear: 250000 } })));
    expect(flat.schools).toEqual(nested.schools);
  });

  it("marks features of a candidates file as not existing, names the layer candidates, and lets a feature's existing property win", () => {
    const layer = readSchoolLayer(collection(primary("C1", 0), primary("C2", 0.01, { existing: "true" })), { existing: false });
    expect(layer.schools.map((school) => school.existing)).toEqual([false, true]);
    expectInputError(() => readSchoolLayer(collection(primary("C1", 0, { type: undefined })), { existing: false }), 'candidates 0 (id "C1")');
  });

  it("throws naming the school, the field and the list of types when the type is missing", () => {
    const error = expectInputError(
      () => readSchoolLayer(collection(primary("P1", 0), point(114.7, 23.9, { id: "X", tier: "village" }))),
      'schools 1 (id "X")',
      '"properties.type"',
      "missing type",
      '"kindergarten", "teaching point", "complete primary", "nine-year", "junior", "complete secondary", "senior"',
    );
    expect(error.location).toMatchObject({ source: "schools", index: 1, id: "X", field: "properties.type", value: undefined });
  });

  it("accepts the type strings exactly as listed and rejects camelCase or hyphenated variants, naming the value", () => {
    for (const type of ["completePrimary", "complete-primary", "nine_year", "Junior"]) {
      expectInputError(() => readSchoolLayer(collection(primary("P1", 0, { type }))), 'schools 0 (id "P1")', '"properties.type"', "must be one of", `got "${type}"`);
    }
    expectInputError(() => readSchoolLayer(collection(primary("P1", 0, { tier: "county" }))), '"properties.tier"', '"county seat", "township", "village"', 'got "county"');
  });

  it("throws naming an unknown level, a fractional class count, an unknown cost or a bad flag", () => {
    expectInputError(() => readSchoolLayer(collection(primary("P1", 0, { "classes:grade1": 2 }))), '"properties.classes:grade1"', 'unknown level "grade1"', "got 2");
    expectInputError(() => readSchoolLayer(collection(primary("P1", 0, { classes: { primary1to3: 1.5 } }))), '"properties.classes.primary1to3"', "whole number", "got 1.5");
    expectInputError(() => readSchoolLayer(collection(primary("P1", 0, { beds: -1 }))), 'schools 0 (id "P1")', '"properties.beds"', "got -1");
    expectInputError(() => readSchoolLayer(collection(primary("P1", 0, { "cost:busPerYear": 5 }))), '"properties.cost:busPerYear"', 'unknown school cost "busPerYear"', "schoolPerYear");
    expectInputError(() => readSchoolLayer(collection(primary("P1", 0, { costs: { schoolPerYear: 1 }, "cost:classPerYear": 2 }))), '"properties.costs"', "not both");
    expectInputError(() => readSchoolLayer(collection(primary("P1", 0, { protected: "yes" }))), '"properties.protected"', 'got "yes"');
  });
});

describe("schoolSystemFromGeoJSON", () => {
  const villages = settlements(village("S1", 0), village("S2", 0.02), village("S3", 0.04, { kindergarten: 12 }));
  const schools = collection(primary("P1", 0.005, { classes: { primary1to3: 2, primary4to6: 2 } }), junior("J1", 0.03, { beds: 100 }), point(114.7, 23.9, { id: "K1", type: "kindergarten", tier: "township" }));
  const candidates = collection(primary("C1", 0.04, { maxAddedClassrooms: 6 }));

  it("joins schools then candidates, computes travel per level and builds a checked system", () => {
    const result = schoolSystemFromGeoJSON({ settlements: villages, schools, candidates, travel: FALLBACK });
    const { system } = result;
    expect(system.levels).toEqual(["kindergarten", "primary1to3", "primary4to6", "junior"]);
    expect(system.schools.map((school) => [school.id, school.existing])).toEqual([["P1", true], ["J1", true], ["K1", true], ["C1", false]]);
    expect(result.schoolCoordinates).toHaveLength(8);
    expect(result.schoolCoordinates[6]).toBeCloseTo(114.74, 9);
    expect(result.schoolFeatures).toHaveLength(4);
    expect(system.travelMinutes.primary1to3!.siteCount).toBe(4);
    expect(system.travelBasis).toContain("no road network");
    expect(system.travelMetres.junior!.unit).toBe("metres");
  });

  it("never mutates its input layers", () => {
    const frozen = deepFreeze({
      settlements: settlements(village("S1", 0, { "group:g:junior": 2 }), village("S2", 0.02)),
      schools: collection(primary("P1", 0.005, { "classes:primary1to3": 1, costs: { classPerYear: 1 } }), junior("J1", 0.03)),
      candidates: collection(primary("C1", 0.04)),
      groups: [{ id: "g", rule: "boardingCare" as const }],
      travel: { fallback: { speedKmPerHour: { junior: 30 } } },
    });
    const copy = structuredClone(frozen);
    expect(() => schoolSystemFromGeoJSON(frozen)).not.toThrow();
    expect(() => schoolSystemFromGeoJSON({ ...frozen, crs: "bd09" })).not.toThrow();
    expect(frozen).toEqual(copy);
  });

  it("names the flat group:<id>:<level> property a settlement has when its group is not declared (regression: named properties.groups.<id>)", () => {
    const flat = settlements(village("S1", 0, { "group:disability:primary4to6": 3 }));
    const error = expectInputError(
      () => schoolSystemFromGeoJSON({ settlements: flat, schools, travel: FALLBACK }),
      'settlements 0 (id "S1")',
      '"properties.group:disability:primary4to6"',
      "not a declared special group",
    );
    expect(error.location.field).toBe("properties.group:disability:primary4to6");
    const nested = settlements(village("S1", 0, { groups: { disability: { primary4to6: 3 } } }));
    expectInputError(() => schoolSystemFromGeoJSON({ settlements: nested, schools, travel: FALLBACK }), '"properties.groups.disability"', "not a declared special group");
  });

  it("throws naming both layers when a candidate reuses a school's id", () => {
    const error = expectInputError(
      () => schoolSystemFromGeoJSON({ settlements: villages, schools, candidates: collection(primary("C1", 0.04), primary("J1", 0.05)), travel: FALLBACK }),
      'candidates 1 (id "J1")',
      '"id"',
      "duplicates the id of schools 1",
      'got "J1"',
      "unique across schools and candidates",
    );
    expect(error.location).toMatchObject({ source: "candidates", index: 1, id: "J1" });
  });

  it("throws naming the candidates layer and the candidate's own index when a candidate has beds", () => {
    const error = expectInputError(
      () => schoolSystemFromGeoJSON({ settlements: villages, schools, candidates: collection(primary("C1", 0.04), primary("C2", 0.05, { beds: 20 })), travel: FALLBACK }),
      'candidates 1 (id "C2")',
      '"properties.beds"',
      "candidate site",
      "maxAddedBeds",
      "got 20",
    );
    expect(error.location).toMatchObject({ source: "candidates", index: 1, id: "C2", field: "properties.beds", value: 20 });
  });

  it("names the file layers it was given, for errors the system check finds", () => {
    expectInputError(
      () =>
        schoolSystemFromGeoJSON({
          settlements: villages,
          schools: collection(primary("P1", 0, { classes: { junior: 2 } })),
          travel: FALLBACK,
          sources: { schools: "schools.geojson" },
        }),
      'schools.geojson 0 (id "P1")',
      '"properties.classes.junior"',
      "does not serve junior",
      "got 2",
    );
    expectInputError(
      () => schoolSystemFromGeoJSON({ settlements: settlements(village("S1", 0), village("S2", 0, { "group:g:junior": 99 })), schools, groups: [{ id: "g", rule: "boardingCare" }], travel: FALLBACK }),
      'settlements 1 (id "S2")',
      '"properties.group:g:junior"', // the flat property the feature has
      "must not exceed",
      "got 99",
    );
    expectInputError(() => schoolSystemFromGeoJSON({ settlements: villages, schools, travel: {} as never }), '"network"', "fallback");
  });

  it("reads a synthetic county with its road network: walking for grades 1–3, school bus for juniors", () => {
    const county = generateCounty({ settlements: 40, seed: 3 });
    const network = roadNetworkFromGeoJSON(county.roads);
    const { system, travel } = schoolSystemFromGeoJSON({ settlements: county.settlements, schools: county.schools, travel: { network, cutoffMinutes: 120 } });
    expect(system.settlements).toHaveLength(40);
    expect(system.schools.length).toBe(county.schools.features.length);
    expect(travel.modes).toMatchObject({ primary1to3: "walk", junior: "schoolBus" });
    expect(system.travelMinutes.primary4to6).toBe(system.travelMinutes.junior);
    const seat = county.schools.features.findIndex((school) => school.properties.settlement === "S0001");
    expect(costOf(system.travelMinutes.junior!, 0, seat)).toBeLessThan(costOf(system.travelMinutes.primary1to3!, 0, seat) + 1e-9);
    expect(system.travelBasis).toMatch(/primary1to3 by walk: road network .*mode walk.* \| primary4to6, junior, senior by schoolBus: road network .*mode schoolBus/);
  });
});

describe("readSettlementLayer and misspelt level ids", () => {
  it("throws naming a property that is a level id written another way, rather than dropping its pupils", () => {
    const layer = (properties: Record<string, unknown>): FeatureCollection => ({
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { id: "S1", primary1to3: 10, ...properties }, geometry: { type: "Point", coordinates: [114.7, 23.9] } }],
    });
    expect(() => readSettlementLayer(layer({ "primary4-6": 12 }))).toThrow(/"primary4-6": is not a level id; did you mean "primary4to6"\?, got 12/);
    expect(() => readSettlementLayer(layer({ Junior: 3 }))).toThrow(/did you mean "junior"/);
    expect(readSettlementLayer(layer({ juniors_note: "x" })).settlements[0]!.pupils).toEqual({ primary1to3: 10 });
  });
});
