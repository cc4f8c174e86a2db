import { describe, expect, it } from "vitest";
import { costOf } from "../../src/costMatrix.ts";
import { DEFAULT_LEVEL_MODES, travelMinutesByLevel } from "../../src/plan/system/travelByLevel.ts";
import { FALLBACK_DETOUR_FACTOR, FALLBACK_SPEEDS_KM_PER_HOUR } from "../../src/travel/fallback.ts";
import { greatCircleMetres } from "../../src/travel/distance.ts";
import { roadNetworkFromGeoJSON } from "../../src/travel/network/fromGeoJSON.ts";
import { collection, deepFreeze, expectInputError } from "./support.ts";

// One tertiary road of about 2 km, east–west; a settlement at its west end and a school at its east end.
const road = collection({
  type: "Feature",
  geometry: { type: "LineString", coordinates: [[114.7, 23.9], [114.72, 23.9]] },
  properties: { highway: "tertiary" },
});
const network = roadNetworkFromGeoJSON(road);
const SETTLEMENTS = Float64Array.of(114.7, 23.9);
const SCHOOLS = Float64Array.of(114.72, 23.9);

describe("travelMinutesByLevel on a road network", () => {
  it("gives walking minutes to primary1to3 and school-bus minutes to junior, each level's mode named in the basis", () => {
    const result = travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["junior", "primary1to3"], { network });
    const metres = network.segmentLength[0]!;
    expect(costOf(result.travelMinutes.primary1to3!, 0, 0)).toBeCloseTo(metres / (5000 / 60), 6); // walk: 5 km/h
    expect(costOf(result.travelMinutes.junior!, 0, 0)).toBeCloseTo(metres / (40000 / 60), 6); // school bus on tertiary: 40 km/h
    expect(costOf(result.travelMetres.junior!, 0, 0)).toBeCloseTo(metres, 1);
    expect(result.modes).toEqual({ primary1to3: "walk", junior: "schoolBus" });
    expect(result.parts.map((part) => [part.levels, part.mode])).toEqual([[["primary1to3"], "walk"], [["junior"], "schoolBus"]]);
    expect(result.basis).toMatch(/^primary1to3 by walk: road network \(2 nodes, 1 segments\), mode walk.* \| junior by schoolBus: road network .*mode schoolBus/);
  });

  it("computes one matrix per distinct mode and shares it between the levels of that mode", () => {
    const result = travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["kindergarten", "primary1to3", "primary4to6", "junior"], { network });
    expect(result.parts).toHaveLength(2);
    expect(result.travelMinutes.kindergarten).toBe(result.travelMinutes.primary1to3);
    expect(result.travelMinutes.primary4to6).toBe(result.travelMinutes.junior);
    expect(result.travelMinutes.primary1to3).not.toBe(result.travelMinutes.junior);
  });

  it("follows the modes the caller declares, keeps the cutoff and reports progress over every search", () => {
    const progress: number[][] = [];
    const result = travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["primary1to3", "junior"], {
      network,
      modes: { primary1to3: "bicycle" },
      cutoffMinutes: 10,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.modes.primary1to3).toBe("bicycle");
    expect(result.travelMinutes.primary1to3!.kind).toBe("sparse");
    expect(result.basis).toContain("times above 10 minutes not kept");
    expect(progress).toEqual([[1, 2], [2, 2]]);
  });

  it("throws naming the option and value for an unknown level or mode, or both or neither of network and fallback", () => {
    expectInputError(() => travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["grade7" as never], { network }), '"levels"', 'got "grade7"');
    expectInputError(() => travelMinutesByLevel(SETTLEMENTS, SCHOOLS, [], { network }), '"levels"', "non-empty");
    expectInputError(() => travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["junior"], { network, modes: { junior: "bus" as never } }), '"modes.junior"', 'got "bus"', "schoolBus");
    expectInputError(() => travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["junior"], { network, modes: { grade7: "walk" } as never }), '"modes.grade7"');
    expectInputError(() => travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["junior"], { network, fallback: {} } as never), '"fallback"', "not both");
    expectInputError(() => travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["junior"], {} as never), '"network"', "fallback");
  });
});

describe("travelMinutesByLevel without a road network (the labelled fallback)", () => {
  it("labels its basis as having no road network, with each level's mode, speed and the detour factor", () => {
    const result = travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["primary1to3", "junior"], { fallback: {} });
    expect(result.basis).toBe(
      "primary1to3 by walk: no road network: great-circle distance × detour factor 1.3 (assumed) at 5 km/h (assumed), in minutes | " +
        "junior by schoolBus: no road network: great-circle distance × detour factor 1.3 (assumed) at 40 km/h (assumed), in minutes",
    );
    expect(result.parts.every((part) => part.unreachable === undefined)).toBe(true);
  });

  it("gives great-circle metres × detour factor, and minutes at the default speed of each level's mode", () => {
    const result = travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["kindergarten", "primary4to6"], { fallback: {} });
    const metres = greatCircleMetres([114.7, 23.9], [114.72, 23.9]) * FALLBACK_DETOUR_FACTOR;
    expect(costOf(result.travelMetres.kindergarten!, 0, 0)).toBeCloseTo(metres, 6);
    expect(result.travelMetres.kindergarten).toBe(result.travelMetres.primary4to6);
    const walk = FALLBACK_SPEEDS_KM_PER_HOUR[DEFAULT_LEVEL_MODES.kindergarten];
    const bus = FALLBACK_SPEEDS_KM_PER_HOUR[DEFAULT_LEVEL_MODES.primary4to6];
    expect(costOf(result.travelMinutes.kindergarten!, 0, 0)).toBeCloseTo(metres / ((walk * 1000) / 60), 6);
    expect(costOf(result.travelMinutes.primary4to6!, 0, 0)).toBeCloseTo(metres / ((bus * 1000) / 60), 6);
  });

  it("uses the caller's speeds per level and detour factor, splitting levels of one mode at different speeds", () => {
    const options = deepFreeze({ fallback: { speedKmPerHour: { senior: 60 }, detourFactor: 1.5 }, cutoffMinutes: 30 });
    const result = travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["junior", "senior"], options);
    expect(result.parts.map((part) => part.levels)).toEqual([["junior"], ["senior"]]);
    expect(result.basis).toContain("senior by schoolBus: no road network: great-circle distance × detour factor 1.5 (assumed) at 60 km/h (assumed)");
    expect(result.basis).toContain("pairs costing more than 30 minutes not allowed");
    expect(result.travelMinutes.senior!.kind).toBe("sparse");
  });

  it("throws naming the level of a speed that is not finite and > 0, and a detour factor below 1", () => {
    expectInputError(() => travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["junior"], { fallback: { speedKmPerHour: { junior: 0 } } }), '"fallback.speedKmPerHour.junior"', "got 0");
    expectInputError(() => travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["junior"], { fallback: { detourFactor: 0.9 } }), '"detourFactor"', "got 0.9");
    expectInputError(() => travelMinutesByLevel(SETTLEMENTS, SCHOOLS, ["junior"], { fallback: null as never }), '"fallback"');
  });
});
