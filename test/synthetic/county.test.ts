import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { AGE_SHARES, generateCounty, SYNTHETIC_LEVELS, type CountyOptions, type SyntheticCounty } from "../../src/synthetic/index.ts";
import { allPoints, insideRing, roadComponents, segmentCount, settlementRoadDistances } from "./checks.ts";

const county300 = generateCounty({ settlements: 300, seed: 42 });

/** Checks the invariants every generated county keeps. */
function expectValidCounty(county: SyntheticCounty, settlements: number, townships: number): void {
  const features = county.settlements.features;
  expect(features).toHaveLength(settlements);
  expect(new Set(features.map((f) => f.properties.id)).size).toBe(settlements);
  expect(new Set(features.map((f) => f.properties.township)).size).toBe(townships);
  expect(features.filter((f) => f.properties.kind === "county seat")).toHaveLength(1);
  expect(features.filter((f) => f.properties.kind === "township seat")).toHaveLength(townships - 1);
  const ring = county.boundary.features[0]!.geometry.coordinates[0]!;
  for (const p of allPoints(county)) {
    expect(p[0]).toBeGreaterThanOrEqual(-180);
    expect(p[0]).toBeLessThanOrEqual(180);
    expect(p[1]).toBeGreaterThanOrEqual(-90);
    expect(p[1]).toBeLessThanOrEqual(90);
    expect(insideRing(p, ring)).toBe(true);
  }
  if (settlements >= 2) expect(roadComponents(county)).toBe(1);
  expect(Math.max(...settlementRoadDistances(county).map((d) => (settlements >= 2 ? d : 0)))).toBeLessThan(300);
}

describe("generateCounty", () => {
  it("gives the same bytes for the same options and different ones for another seed", () => {
    const again = generateCounty({ settlements: 300, seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(county300));
    const other = generateCounty({ settlements: 300, seed: 43 });
    expect(JSON.stringify(other.settlements)).not.toBe(JSON.stringify(county300.settlements));
    expect(JSON.stringify(other.roads)).not.toBe(JSON.stringify(county300.roads));
  });

  it("makes exactly the settlements and townships asked for, inside the boundary, on one connected road network", () => {
    expectValidCounty(county300, 300, 20);
    expectValidCounty(generateCounty({ settlements: 50, seed: 7, townships: 5 }), 50, 5);
    expectValidCounty(generateCounty({ settlements: 3, seed: 1 }), 3, 3);
    expectValidCounty(generateCounty({ settlements: 2, seed: 1, townships: 1 }), 2, 1);
    expectValidCounty(generateCounty({ settlements: 1, seed: 1 }), 1, 1);
  });

  it("keeps its invariants for any seed, size and area down to 1 km² (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 2, max: 120 }), fc.integer({ min: 1, max: 12 }), (seed, settlements, t) => {
        const townships = Math.min(t, settlements);
        const areaKm2 = [1, 10, 500 + (seed % 3000)][seed % 3]!;
        expectValidCounty(generateCounty({ settlements, seed, townships, areaKm2 }), settlements, townships);
      }),
      { numRuns: 30 },
    );
  });

  it("labels every feature and every collection synthetic, with the seed and parameters", () => {
    for (const collection of [county300.boundary, county300.settlements, county300.schools, county300.roads]) {
      expect(collection.metadata.synthetic).toBe(true);
      expect(collection.metadata.seed).toBe(42);
      expect(collection.metadata.parameters).toEqual({ settlements: 300, seed: 42, townships: 20, areaKm2: 3900, center: [114.7, 24], population: 360_000, roadDetail: 250 });
      expect(collection.metadata.description).toMatch(/^SYNTHETIC DATA/);
      expect(collection.features.length).toBeGreaterThan(0);
      for (const feature of collection.features) expect(feature.properties.synthetic).toBe(true);
    }
  });

  it("gives whole, non-negative pupils per level near the census age shares, and populations summing to the total", () => {
    const features = county300.settlements.features;
    const population = features.reduce((sum, f) => sum + f.properties.population, 0);
    expect(population).toBe(360_000);
    for (const level of SYNTHETIC_LEVELS) {
      let total = 0;
      for (const { properties } of features) {
        expect(Number.isInteger(properties[level]) && properties[level] >= 0).toBe(true);
        total += properties[level];
      }
      expect(total / population).toBeGreaterThan(AGE_SHARES[level] * 0.85);
      expect(total / population).toBeLessThan(AGE_SHARES[level] * 1.15);
    }
  });

  it("makes populations heavy-tailed: the county seat largest, township seats above the median village", () => {
    const features = county300.settlements.features.map((f) => f.properties);
    const seat = features.find((p) => p.kind === "county seat")!;
    expect(Math.max(...features.map((p) => p.population))).toBe(seat.population);
    const villages = features.filter((p) => p.kind === "village").map((p) => p.population).sort((a, b) => a - b);
    const median = villages[villages.length >> 1]!;
    const seats = features.filter((p) => p.kind === "township seat").map((p) => p.population).sort((a, b) => a - b);
    expect(seats[seats.length >> 1]!).toBeGreaterThan(median);
  });

  it("puts schools at the county seat and every township seat, with valid types, tiers, classes and beds", () => {
    const seats = new Map(county300.settlements.features.filter((f) => f.properties.kind !== "village").map((f) => [f.properties.id, f.properties]));
    const byTownship = new Map<string, string[]>();
    for (const { properties: school } of county300.schools.features) {
      const seat = seats.get(school.settlement);
      expect(seat).toBeDefined();
      expect(school.tier).toBe(seat!.kind === "county seat" ? "county seat" : "township");
      expect(["kindergarten", "complete primary", "nine-year", "junior", "complete secondary"]).toContain(school.type);
      for (const classes of Object.values(school.classes)) expect(Number.isInteger(classes) && classes >= 1).toBe(true);
      expect(Number.isInteger(school.beds) && school.beds >= 0).toBe(true);
      byTownship.set(school.township, [...(byTownship.get(school.township) ?? []), school.type]);
    }
    expect(new Set(county300.schools.features.map((f) => f.properties.id)).size).toBe(county300.schools.features.length);
    expect(byTownship.size).toBe(20);
    for (const types of byTownship.values()) {
      expect(types).toContain("kindergarten");
      expect(types.some((t) => t === "complete primary" || t === "nine-year")).toBe(true);
    }
  });

  it("writes OSM-style roads: known highway classes, posted speeds as numbers in text, no one-way, no zero-length segments", () => {
    const classes = new Set<string>();
    for (const { properties, geometry } of county300.roads.features) {
      classes.add(properties.highway);
      expect(["primary", "secondary", "tertiary", "unclassified", "track"]).toContain(properties.highway);
      if (properties.maxspeed !== undefined) expect(properties.maxspeed).toMatch(/^\d+$/);
      expect("oneway" in properties).toBe(false);
      for (let k = 1; k < geometry.coordinates.length; k++) expect(geometry.coordinates[k]).not.toEqual(geometry.coordinates[k - 1]);
    }
    expect([...classes].sort()).toEqual(["primary", "secondary", "tertiary", "track", "unclassified"]);
  });

  it("reaches about 100,000 road segments at 30,000 settlements, and more with finer road detail", () => {
    const large = generateCounty({ settlements: 30_000, seed: 1 });
    expect(large.settlements.features).toHaveLength(30_000);
    expect(segmentCount(large)).toBeGreaterThan(80_000);
    expect(segmentCount(generateCounty({ settlements: 300, seed: 42, roadDetail: 50 }))).toBeGreaterThan(2 * segmentCount(county300));
  });

  it("does not change its options object", () => {
    const options: CountyOptions = Object.freeze({ settlements: 10, seed: 3, center: Object.freeze([113.5, 24.5] as [number, number]) });
    const county = generateCounty(options);
    expect(options).toEqual({ settlements: 10, seed: 3, center: [113.5, 24.5] });
    expect(county.metadata.parameters.center).toEqual([113.5, 24.5]);
  });
});

describe("generateCounty option checks", () => {
  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ["settlements 0", { settlements: 0, seed: 1 }, /"settlements": must be a whole number in 1\.\.200000, got 0/],
    ["settlements 2.5", { settlements: 2.5, seed: 1 }, /"settlements".*got 2\.5/],
    ["settlements as text", { settlements: "30", seed: 1 }, /"settlements".*got "30"/],
    ["a missing seed", { settlements: 30 }, /"seed".*got undefined/],
    ["a negative seed", { settlements: 30, seed: -1 }, /"seed": must be a whole number in 0\.\.4294967295, got -1/],
    ["a fractional seed", { settlements: 30, seed: 0.5 }, /"seed".*got 0\.5/],
    ["townships 0", { settlements: 30, seed: 1, townships: 0 }, /"townships".*got 0/],
    ["more townships than settlements", { settlements: 30, seed: 1, townships: 31 }, /"townships": must be a whole number in 1\.\.30, got 31/],
    ["an area of 0", { settlements: 30, seed: 1, areaKm2: 0 }, /"areaKm2".*got 0/],
    ["a centre off the globe", { settlements: 30, seed: 1, center: [200, 24] }, /"center".*got \[200,24\]/],
    ["a population below the settlements", { settlements: 30, seed: 1, population: 29 }, /"population".*got 29/],
    ["a road detail of NaN", { settlements: 30, seed: 1, roadDetail: Number.NaN }, /"roadDetail".*got NaN/],
    ["an unknown option", { settlements: 30, seed: 1, villages: 3 }, /"villages": is not an option/],
  ];
  for (const [what, options, message] of bad) {
    it(`throws an InputError naming the option and value for ${what}`, () => {
      const call = (): unknown => generateCounty(options as unknown as CountyOptions);
      expect(call).toThrow(InputError);
      expect(call).toThrow(message);
    });
  }
});
