import type { Feature, FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { costOf, denseCostMatrix, sparseCostMatrix } from "../../src/costMatrix.ts";
import { InputError } from "../../src/errors.ts";
import { readSettlementLayer, schoolSystemFromGeoJSON } from "../../src/io/schoolSystemGeoJSON.ts";
import { checkPlan } from "../../src/plan/check/checkPlan.ts";
import { planSchools } from "../../src/plan/planSchools.ts";
import { createSchoolSystem } from "../../src/plan/system/system.ts";
import { withinAreaAssumptions } from "../../src/plan/system/travelByLevel.ts";
import { withinAreaMetres, withinAreaTrip } from "../../src/plan/system/withinArea.ts";

const point = (lon: number, lat: number, properties: Record<string, unknown>): Feature => ({
  type: "Feature",
  properties,
  geometry: { type: "Point", coordinates: [lon, lat] },
});
const square = (lon: number, lat: number, side: number, properties: Record<string, unknown>): Feature => ({
  type: "Feature",
  properties,
  geometry: {
    type: "Polygon",
    coordinates: [[[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]]],
  },
});
const collection = (features: Feature[]): FeatureCollection => ({ type: "FeatureCollection", features });

/** 4 km² as a disc: R = √(4/π) = 1.12838 km; mean distance to the centre 2R/3 = 0.75225 km; × 1.3 = 0.97793 km. */
const FOUR_KM2_METRES = 1000 * (2 / 3) * Math.sqrt(4 / Math.PI) * 1.3;

describe("withinAreaTrip and withinAreaMetres", () => {
  it("withinAreaTrip(A, v, d) is 60 · (2/3) · √(A/π) · d / v minutes: 4 km² on foot is 11.73 minutes", () => {
    expect(withinAreaMetres(4)).toBeCloseTo(FOUR_KM2_METRES, 6);
    expect(withinAreaMetres(4)).toBeCloseTo(977.93, 2);
    expect(withinAreaTrip(4, 5)).toBeCloseTo((FOUR_KM2_METRES / 5000) * 60, 9);
    expect(withinAreaTrip(4, 5)).toBeCloseTo(11.735, 3);
    expect(withinAreaTrip(4, 40, 1)).toBeCloseTo(((1000 * (2 / 3) * Math.sqrt(4 / Math.PI)) / 40000) * 60, 9);
    expect(withinAreaTrip(0, 5)).toBe(0);
  });

  it("throws naming the argument and the value for a negative area, a speed ≤ 0 or a detour below 1", () => {
    expect(() => withinAreaTrip(-1, 5)).toThrow(/areaKm2.*-1/);
    expect(() => withinAreaTrip(4, 0)).toThrow(/speedKmPerHour.*0/);
    expect(() => withinAreaMetres(4, 0.5)).toThrow(/detourFactor.*0\.5/);
    expect(() => withinAreaTrip(Number.NaN, 5)).toThrow(InputError);
  });
});

describe("createSchoolSystem with settlement areas", () => {
  const schools = [{ id: "P", type: "complete primary", tier: "village", classes: { primary1to3: 1, primary4to6: 1 } }] as const;
  const zero = () => ({
    primary1to3: denseCostMatrix([0, 0], 2, 1, "minutes"),
    primary4to6: denseCostMatrix([0, 30], 2, 1, "minutes"),
  });

  it("a settlement of 4 km² with a school at its point travels the within-area minutes; one without an area still 0", () => {
    const input = {
      settlements: [
        { id: "a", pupils: { primary1to3: 10, primary4to6: 10 }, areaKm2: 4 },
        { id: "b", pupils: { primary1to3: 10, primary4to6: 10 } },
      ],
      schools,
      travelMinutes: zero(),
      travelMetres: { primary1to3: denseCostMatrix([0, 0], 2, 1, "metres") },
      travelBasis: "given",
    };
    const system = createSchoolSystem(input as never);
    expect(system.settlements[0]!.areaKm2).toBe(4);
    expect(system.settlements[1]!.areaKm2).toBe(0);
    expect(costOf(system.travelMinutes.primary1to3!, 0, 0)).toBeCloseTo(withinAreaTrip(4, 5), 9); // walk 5 km/h
    expect(costOf(system.travelMinutes.primary4to6!, 0, 0)).toBeCloseTo(withinAreaTrip(4, 40), 9); // school bus 40 km/h
    expect(costOf(system.travelMinutes.primary1to3!, 1, 0)).toBe(0);
    expect(costOf(system.travelMinutes.primary4to6!, 1, 0)).toBe(30);
    expect(costOf(system.travelMetres.primary1to3!, 0, 0)).toBeCloseTo(FOUR_KM2_METRES, 6);
    expect(system.travelBasis).toMatch(/^given; within a settlement's area A: at least \(2\/3\)·√\(A\/π\) × detour 1\.3/);
    // The caller's matrices are not mutated.
    expect(costOf(input.travelMinutes.primary1to3, 0, 0)).toBe(0);
  });

  it("keeps longer times, unreachable pairs and the sparse structure, and is idempotent when rebuilt from a system", () => {
    const sparse = sparseCostMatrix([0, 2, 2], [0, 1], [1, 50], 2, "minutes");
    const system = createSchoolSystem({
      settlements: [{ id: "a", pupils: { primary1to3: 10 }, areaKm2: 4 }, { id: "b", pupils: { primary1to3: 1 } }],
      schools: [schools[0], { ...schools[0], id: "Q" }],
      travelMinutes: { primary1to3: sparse },
    });
    const floored = system.travelMinutes.primary1to3!;
    expect(floored.kind).toBe("sparse");
    expect(costOf(floored, 0, 0)).toBeCloseTo(withinAreaTrip(4, 5), 9);
    expect(costOf(floored, 0, 1)).toBe(50);
    expect(costOf(floored, 1, 0)).toBe(Infinity);
    const again = createSchoolSystem({ settlements: system.settlements, schools: system.schools, travelMinutes: system.travelMinutes, travelBasis: system.travelBasis });
    expect(costOf(again.travelMinutes.primary1to3!, 0, 0)).toBe(costOf(floored, 0, 0));
    expect(again.travelBasis).toBe(system.travelBasis);
  });

  it("keeps the matrices themselves where no settlement has an area", () => {
    const travelMinutes = zero();
    const system = createSchoolSystem({ settlements: [{ id: "a", pupils: { primary1to3: 1 } }, { id: "b", pupils: { primary1to3: 1 } }], schools, travelMinutes } as never);
    expect(system.travelMinutes.primary1to3).toBe(travelMinutes.primary1to3);
    expect(system.travelBasis).toBe("");
  });

  it("follows the within-area speeds and detour given", () => {
    const system = createSchoolSystem({
      settlements: [{ id: "a", pupils: { primary1to3: 1 }, areaKm2: 4 }, { id: "b", pupils: { primary1to3: 1 } }],
      schools,
      travelMinutes: zero(),
      withinArea: { speedKmPerHour: { primary1to3: 4 }, detourFactor: 1 },
    } as never);
    expect(costOf(system.travelMinutes.primary1to3!, 0, 0)).toBeCloseTo(withinAreaTrip(4, 4, 1), 9);
  });

  it("throws naming the settlement, the field and the value for an area that is not a finite number ≥ 0", () => {
    for (const bad of [-1, Infinity, "4"]) {
      expect(() =>
        createSchoolSystem({ settlements: [{ id: "a", pupils: { primary1to3: 1 }, areaKm2: bad as never }], schools, travelMinutes: { primary1to3: denseCostMatrix([0], 1, 1, "minutes") } }),
      ).toThrow(/settlements.*"a".*areaKm2/);
    }
    expect(() =>
      createSchoolSystem({ settlements: [{ id: "a", pupils: { primary1to3: 1 } }], schools, travelMinutes: { primary1to3: denseCostMatrix([0], 1, 1, "minutes") }, withinArea: { detourFactor: 0.5 } }),
    ).toThrow(/withinArea\.detourFactor.*0\.5/);
  });
});

describe("readSettlementLayer areas", () => {
  it("reads the areaKm2 property, a polygon's own area where it is absent, and the property over the polygon", () => {
    // A 0.02° square at 23.9° N: about 2.226 km × 2.035 km ≈ 4.53 km².
    const layer = readSettlementLayer(
      collection([
        point(114.7, 23.9, { id: "p", primary1to3: 3, areaKm2: "2.5" }),
        square(114.7, 23.9, 0.02, { id: "poly", primary1to3: 3 }),
        square(114.7, 23.9, 0.02, { id: "both", primary1to3: 3, areaKm2: 1 }),
        point(114.7, 23.9, { id: "none", primary1to3: 3, areaKm2: null }),
      ]),
    );
    expect(layer.settlements[0]!.areaKm2).toBe(2.5);
    expect(layer.settlements[1]!.areaKm2).toBeGreaterThan(4.4);
    expect(layer.settlements[1]!.areaKm2).toBeLessThan(4.65);
    expect(layer.settlements[2]!.areaKm2).toBe(1);
    expect(layer.settlements[3]!.areaKm2).toBeUndefined();
  });

  it("throws naming the feature, properties.areaKm2 and the value for a negative area", () => {
    expect(() => readSettlementLayer(collection([point(114.7, 23.9, { id: "p", primary1to3: 3, areaKm2: -2 })]))).toThrow(/settlements.*"p".*properties\.areaKm2.*-2/);
  });
});

describe("plans of settlements with areas", () => {
  // One village of 4 km² with its school at the village's point (0 minutes by the straight-line fallback).
  const geo = () =>
    schoolSystemFromGeoJSON({
      settlements: collection([point(114.7, 23.9, { id: "v", township: "T", primary1to3: 40, primary4to6: 40, areaKm2: 4 })]),
      schools: collection([point(114.7, 23.9, { id: "P", type: "complete primary", tier: "township", township: "T", classes: { primary1to3: 1, primary4to6: 1 } })]),
      travel: { fallback: {} },
    });

  it("the system's times are the within-area trip at the fallback's speeds, the routed times stay 0", () => {
    const { system, travel } = geo();
    expect(costOf(travel.travelMinutes.primary1to3!, 0, 0)).toBe(0);
    expect(costOf(system.travelMinutes.primary1to3!, 0, 0)).toBeCloseTo(withinAreaTrip(4, 5, 1.3), 9);
    expect(costOf(system.travelMinutes.primary4to6!, 0, 0)).toBeCloseTo(withinAreaTrip(4, 40, 1.3), 9);
    expect(system.travelBasis).toContain("within a settlement's area");
  });

  it("the plan's assignments and travel metrics count the within-area trip, and checkPlan agrees", async () => {
    const { system } = geo();
    const plan = await planSchools(system, { timeLimitSeconds: 10, threeSchools: false });
    const row = plan.assignments!.find((entry) => entry.level === "primary1to3")!;
    expect(row.travelMinutes).toBeCloseTo(withinAreaTrip(4, 5), 6);
    expect(row.travelMetres).toBeCloseTo(withinAreaMetres(4), 3);
    expect(plan.travel!.meanMinutes).toBeCloseTo((40 * withinAreaTrip(4, 5) + 40 * withinAreaTrip(4, 40)) / 80, 6);
    expect(plan.status).toBe("optimal");
    expect(checkPlan(system, plan as Parameters<typeof checkPlan>[1]).ok).toBe(true);
  });

  it("withinAreaAssumptions follows the fallback's speeds and detour, and the modes' fallback speeds on a network", () => {
    expect(withinAreaAssumptions(["primary1to3", "junior"], { fallback: { detourFactor: 1.5, speedKmPerHour: { junior: 30 } } })).toEqual({
      speedKmPerHour: { primary1to3: 5, junior: 30 },
      detourFactor: 1.5,
    });
    expect(withinAreaAssumptions(["primary1to3"], { network: {} as never, modes: { primary1to3: "bicycle" } })).toEqual({ speedKmPerHour: { primary1to3: 15 }, detourFactor: 1.3 });
  });
});
