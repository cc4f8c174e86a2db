import { describe, expect, it } from "vitest";
import { createRoadNetwork, type RoadNetwork } from "../../../src/travel/network/roadNetwork.ts";
import { DEFAULT_SPEEDS_KM_PER_HOUR, segmentMinutes } from "../../../src/travel/network/speeds.ts";
import { TRAVEL_MODES } from "../../../src/travel/network/travelMode.ts";
import { expectInputError } from "../../io/support.ts";

/** One segment per entry, each ~1 km along a meridian (lengths read back from the network). */
function network(segments: { roadClass: string; oneway?: number; maxSpeed?: number }[]): RoadNetwork {
  const classes = [...new Set(segments.map((s) => s.roadClass))];
  return createRoadNetwork({
    nodeCoordinates: segments.flatMap((_, k) => [113 + k * 0.1, 23, 113 + k * 0.1, 23.009]),
    segmentFrom: segments.map((_, k) => 2 * k),
    segmentTo: segments.map((_, k) => 2 * k + 1),
    segmentClass: segments.map((s) => classes.indexOf(s.roadClass)),
    segmentOneway: segments.map((s) => s.oneway ?? 0),
    segmentMaxSpeed: segments.map((s) => s.maxSpeed ?? NaN),
    segmentSource: segments.map((_, k) => k),
    roadClasses: classes,
  });
}

/** The speed in km/h that `minutes` over segment s means. */
function kmPerHour(net: RoadNetwork, s: number, minutes: number): number {
  return net.segmentLength[s]! / 1000 / (minutes / 60);
}

describe("segmentMinutes", () => {
  it("computes minutes as metres ÷ (km/h × 1000 / 60): walking 5 km/h on a residential street", () => {
    const net = network([{ roadClass: "residential" }]);
    const minutes = segmentMinutes(net, "walk");
    expect(minutes.mode).toBe("walk");
    expect(minutes.forward[0]).toBeCloseTo(net.segmentLength[0]! / ((5 * 1000) / 60), 12);
    expect(minutes.backward[0]).toBe(minutes.forward[0]);
  });

  it("lets walkers ignore one-way restrictions while vehicles keep to them", () => {
    const net = network([{ roadClass: "residential", oneway: 1 }, { roadClass: "residential", oneway: -1 }]);
    const walk = segmentMinutes(net, "walk");
    expect([walk.forward[0], walk.backward[0], walk.forward[1], walk.backward[1]].every(Number.isFinite)).toBe(true);
    for (const mode of ["bicycle", "ebike", "schoolBus", "car"] as const) {
      const ride = segmentMinutes(net, mode);
      expect(Number.isFinite(ride.forward[0])).toBe(true);
      expect(ride.backward[0]).toBe(Infinity);
      expect(ride.forward[1]).toBe(Infinity);
      expect(Number.isFinite(ride.backward[1])).toBe(true);
    }
  });

  it("caps the school bus at 60 km/h on a primary road and 20 on a track, even with faster overrides or posted limits", () => {
    const net = network([{ roadClass: "primary", maxSpeed: 80 }, { roadClass: "track" }, { roadClass: "motorway" }]);
    const bus = segmentMinutes(net, "schoolBus", { speedsKmPerHour: { primary: 100, track: 40, motorway: 120 } });
    expect(kmPerHour(net, 0, bus.forward[0]!)).toBeCloseTo(60, 9);
    expect(kmPerHour(net, 1, bus.forward[1]!)).toBeCloseTo(20, 9);
    expect(kmPerHour(net, 2, bus.forward[2]!)).toBeCloseTo(80, 9);
    expect(bus.backward[2]).toBe(bus.forward[2]);
  });

  it("caps the class speed with a posted maxspeed", () => {
    const net = network([{ roadClass: "primary", maxSpeed: 40 }, { roadClass: "primary", maxSpeed: 120 }]);
    const car = segmentMinutes(net, "car");
    expect(kmPerHour(net, 0, car.forward[0]!)).toBeCloseTo(40, 9);
    expect(kmPerHour(net, 1, car.forward[1]!)).toBeCloseTo(DEFAULT_SPEEDS_KM_PER_HOUR.car.classes["primary"]!.kmPerHour, 9);
  });

  it("returns Infinity where a mode is barred: walkers and bicycles on motorways, buses and cars on footways", () => {
    const net = network([{ roadClass: "motorway" }, { roadClass: "trunk" }, { roadClass: "footway" }, { roadClass: "steps" }]);
    expect([...segmentMinutes(net, "walk").forward]).toEqual([Infinity, Infinity, expect.any(Number), expect.any(Number)]);
    expect(segmentMinutes(net, "bicycle").forward[0]).toBe(Infinity);
    expect(segmentMinutes(net, "ebike").forward[3]).toBe(Infinity);
    expect(segmentMinutes(net, "schoolBus").forward[2]).toBe(Infinity);
    expect(segmentMinutes(net, "car").backward[3]).toBe(Infinity);
  });

  it("uses per-class overrides (0 bars the class) and the mode's speed for classes absent from the table", () => {
    const net = network([{ roadClass: "residential" }, { roadClass: "farm_road" }]);
    const bike = segmentMinutes(net, "bicycle", { speedsKmPerHour: { residential: 0, farm_road: 12 } });
    expect(bike.forward[0]).toBe(Infinity);
    expect(kmPerHour(net, 1, bike.forward[1]!)).toBeCloseTo(12, 9);
    const ebike = segmentMinutes(net, "ebike");
    expect(kmPerHour(net, 1, ebike.forward[1]!)).toBeCloseTo(20, 9);
  });

  it("documents a source or 'assumption' for every default speed, keeps e-bikes under 25 km/h and buses within the law", () => {
    for (const mode of TRAVEL_MODES) {
      const table = DEFAULT_SPEEDS_KM_PER_HOUR[mode];
      for (const entry of [...Object.values(table.classes), table.otherClasses]) {
        expect(entry.source.length).toBeGreaterThan(0);
        expect(entry.kmPerHour).toBeGreaterThanOrEqual(0);
        if (mode === "ebike") expect(entry.kmPerHour).toBeLessThanOrEqual(25);
        if (mode === "schoolBus") expect(entry.kmPerHour).toBeLessThanOrEqual(80);
      }
    }
    expect(DEFAULT_SPEEDS_KM_PER_HOUR.schoolBus.legalMaximum?.source).toContain("art. 35");
  });

  it("throws naming the option for an unknown mode or a bad override", () => {
    const net = network([{ roadClass: "primary" }]);
    expectInputError(() => segmentMinutes(net, "horse" as never), '"mode"', '"horse"');
    expectInputError(() => segmentMinutes(net, "car", { speedsKmPerHour: { primary: -5 } }), '"speedsKmPerHour.primary"', "got -5");
    expectInputError(() => segmentMinutes(net, "car", { speedsKmPerHour: { primary: NaN } }), '"speedsKmPerHour.primary"', "NaN");
  });
});
