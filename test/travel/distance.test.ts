import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EARTH_MEAN_RADIUS_METRES, greatCircleMetres, planarMetres, travelMinutes } from "../../src/travel/index.ts";
import { expectInputError } from "../io/support.ts";

const oneDegree = (EARTH_MEAN_RADIUS_METRES * Math.PI) / 180;

describe("greatCircleMetres", () => {
  it("gives one degree of latitude as 111 195 m on the mean radius 6 371 008.8 m", () => {
    expect(oneDegree).toBeCloseTo(111_195.08, 2);
    expect(greatCircleMetres([0, 0], [0, 1])).toBeCloseTo(oneDegree, 6);
    expect(greatCircleMetres([114.7, 23.5], [114.7, 24.5])).toBeCloseTo(oneDegree, 6);
  });

  it("gives one degree of longitude on the equator as one degree of arc and cos(latitude) of it at 60°", () => {
    expect(greatCircleMetres([0, 0], [1, 0])).toBeCloseTo(oneDegree, 6);
    // On a parallel the great circle is slightly shorter than the parallel arc: within 0.01 %.
    expect(greatCircleMetres([0, 60], [1, 60]) / (oneDegree * 0.5)).toBeCloseTo(1, 4);
  });

  it("gives a quarter meridian as πR/2 and antipodes as πR", () => {
    expect(greatCircleMetres([10, 0], [10, 90])).toBeCloseTo((Math.PI * EARTH_MEAN_RADIUS_METRES) / 2, 4);
    expect(greatCircleMetres([0, 0], [180, 0])).toBeCloseTo(Math.PI * EARTH_MEAN_RADIUS_METRES, 4);
  });

  it("is zero from a point to itself, symmetric and obeys the triangle inequality", () => {
    const position = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
    fc.assert(
      fc.property(position, position, position, (a, b, c) => {
        expect(greatCircleMetres(a, a)).toBe(0);
        expect(greatCircleMetres(a, b)).toBeCloseTo(greatCircleMetres(b, a), 6);
        // The haversine loses about 1e-8 of precision near antipodes: allow a metre of slack there.
        expect(greatCircleMetres(a, c)).toBeLessThanOrEqual(greatCircleMetres(a, b) + greatCircleMetres(b, c) + 1);
      }),
    );
  });

  it("throws InputError quoting a non-finite coordinate", () => {
    expectInputError(() => greatCircleMetres([Number.NaN, 0], [0, 0]), '"a"', "finite", "null");
    expectInputError(() => greatCircleMetres([0, 0], ["1", 2] as unknown as [number, number]), '"b"', '["1",2]');
  });
});

describe("planarMetres", () => {
  it("is the Euclidean distance in the coordinates' unit", () => {
    expect(planarMetres([0, 0], [3, 4])).toBe(5);
    expect(planarMetres([500_000, 2_600_000], [500_300, 2_600_400])).toBe(500);
  });

  it("throws InputError on a non-finite coordinate", () => {
    expectInputError(() => planarMetres([0, Infinity], [0, 0]), '"a"');
  });
});

describe("travelMinutes", () => {
  it("divides the distance times the detour factor by the speed", () => {
    expect(travelMinutes(1000, { speedKmPerHour: 60 })).toBeCloseTo(1, 12);
    expect(travelMinutes(5000, { speedKmPerHour: 30, detourFactor: 1.3 })).toBeCloseTo(13, 12);
    expect(travelMinutes(0, { speedKmPerHour: 5 })).toBe(0);
    expect(travelMinutes(Infinity, { speedKmPerHour: 5 })).toBe(Infinity);
  });

  it("throws InputError naming speedKmPerHour when the speed is not > 0", () => {
    for (const speed of [0, -4, Number.NaN, Infinity, undefined]) {
      expectInputError(() => travelMinutes(100, { speedKmPerHour: speed as number }), '"speedKmPerHour"', String(speed));
    }
  });

  it("throws InputError naming detourFactor when it is below 1 or not finite", () => {
    for (const detour of [0.9, 0, Number.NaN, Infinity]) {
      expectInputError(() => travelMinutes(100, { speedKmPerHour: 5, detourFactor: detour }), '"detourFactor"', "≥ 1");
    }
  });

  it("throws InputError naming metres when the distance is negative or NaN", () => {
    expectInputError(() => travelMinutes(-1, { speedKmPerHour: 5 }), '"metres"', "got -1");
    expectInputError(() => travelMinutes(Number.NaN, { speedKmPerHour: 5 }), '"metres"', "NaN");
  });
});
