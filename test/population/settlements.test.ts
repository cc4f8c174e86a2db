import { readFileSync } from "node:fs";
import type { Feature, FeatureCollection, Point } from "geojson";
import { describe, expect, it } from "vitest";
import { guangdongCensusUnit, settlementPlaces, splitByWeights, unitWeights, type CensusUnit } from "../../src/population/index.ts";

const dongyuan = guangdongCensusUnit("441625");
const settlements = JSON.parse(readFileSync(new URL("../../data/dongyuan/settlements.geojson", import.meta.url), "utf8")) as FeatureCollection<Point>;

function feature(properties: Record<string, unknown>): Feature<Point> {
  return { type: "Feature", properties, geometry: { type: "Point", coordinates: [114, 23] } };
}

describe("settlementPlaces", () => {
  it("reads 东源县's 284 settlements: rural villages, township seats, and the county seat in 仙塘镇 (the township with a 县城 unit)", () => {
    const { places, weighting, countySeat, allocation } = settlementPlaces(settlements, dongyuan);
    expect(places).toHaveLength(284);
    expect(weighting).toBe("urbanRural");
    expect(countySeat).toBe("441625100000");
    const count = (kind: string) => places.filter((p) => p.kind === kind).length;
    expect(count("rural")).toBe(settlements.features.filter((f) => f.properties!["ur_code"] === "220").length);
    expect(count("countySeat")).toBe(settlements.features.filter((f) => f.properties!["town"] === "仙塘镇" && f.properties!["ur_code"] !== "220").length);
    expect(count("countySeat") + count("townshipSeat") + count("rural")).toBe(284);
    expect(allocation).toMatch(/^allocation, not data/);
    // The weights are unitWeights of the urban-rural codes: what data/derive-dongyuan.ts used.
    const codes = settlements.features.map((f) => String(f.properties!["ur_code"]));
    expect(places.map((p) => p.weight)).toEqual(unitWeights(codes, dongyuan.urban, dongyuan.rural).weights);
  });

  it("takes place_kind, at_seat, a named county seat and the caller's weights", () => {
    const unit: CensusUnit = { ...dongyuan, urban: 0, rural: 0 };
    const layer = [
      feature({ id: "a", town: "T1", at_seat: true, people: 10 }),
      feature({ id: "b", town: "T1", at_seat: false, people: 30 }),
      feature({ id: "c", town: "T2", place_kind: "townshipSeat", people: 0 }),
    ];
    const { places } = settlementPlaces(layer, unit, { countySeat: "T1", weighting: { property: "people" } });
    expect(places).toEqual([
      { id: "a", kind: "countySeat", township: "T1", weight: 10 },
      { id: "b", kind: "rural", township: "T1", weight: 30 },
      { id: "c", kind: "townshipSeat", township: "T2", weight: 0 },
    ]);
    expect(settlementPlaces(layer, unit).places.map((p) => p.weight)).toEqual([1, 1, 1]);
  });

  it("names the settlement, the field and the value of bad input", () => {
    expect(() => settlementPlaces([feature({ id: "a" })], dongyuan)).toThrow(/settlements 0 \(id "a"\), "place_kind": is missing/);
    expect(() => settlementPlaces([feature({ id: "a", place_kind: "city" })], dongyuan)).toThrow(/"place_kind": must be "rural", "townshipSeat" or "countySeat", got "city"/);
    expect(() => settlementPlaces([feature({ id: "a", ur_code: "9" })], dongyuan)).toThrow(/"ur_code": must be a 3-digit/);
    expect(() => settlementPlaces([feature({ at_seat: true })], dongyuan)).toThrow(/settlements 0, "id": is missing/);
    expect(() => settlementPlaces([feature({ id: "a", at_seat: true, n: -1 })], dongyuan, { weighting: { property: "n" } })).toThrow(/"n": must be a weight ≥ 0, got -1/);
    expect(() => settlementPlaces([feature({ id: "a", at_seat: true, town: "X" })], dongyuan, { countySeat: "Y" })).toThrow(/"countySeat": matches no settlement's town_code or town, got "Y"/);
    expect(() => settlementPlaces([], dongyuan)).toThrow(/at least one settlement/);
  });
});

describe("splitByWeights", () => {
  it("splits counts in proportion, keeping fractions, and refuses all-zero or negative weights", () => {
    expect(splitByWeights([3, 6], [1, 2])).toEqual([[1, 2], [2, 4]]);
    expect(() => splitByWeights([1], [0, 0])).toThrow(/must not all be 0/);
    expect(() => splitByWeights([1], [1, -1])).toThrow(/weights 1, "weight": must be a finite number ≥ 0, got -1/);
  });
});
