import { booleanPointInPolygon, point } from "@turf/turf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nearestFacilityTimes, serviceAreas, snapToNetwork } from "../../../src/travel/routing/index.ts";
import { handBuilt, handMinutes, NODES } from "./handBuilt.ts";
import { floydWarshall, minutesOf, pointOn, smallNetwork } from "./helpers.ts";

function inside(area: { geometry: unknown }, lon: number, lat: number): boolean {
  return booleanPointInPolygon(point([lon, lat]), area.geometry as Parameters<typeof booleanPointInPolygon>[1]);
}

/** The property of a service area: it holds the facility and every node reaching it within the threshold (Floyd–Warshall). */
function checkServiceArea(net: Parameters<typeof minutesOf>[0], s: number, f: number, threshold: number): void {
  const minutes = minutesOf(net, 30);
  const facility = Float64Array.from(pointOn(net, s, f));
  const areas = serviceAreas(net, minutes, facility, threshold);
  expect(areas.features).toHaveLength(1);
  const area = areas.features[0]!;
  expect(area.properties.facility).toBe(0);
  expect(area.properties.minutes).toBe(threshold);
  expect(inside(area, facility[0]!, facility[1]!)).toBe(true);
  // Node times to the facility by Floyd–Warshall, through the segment it was snapped to.
  const fw = floydWarshall(net, minutes);
  const snapped = snapToNetwork(net, facility);
  const nearest = snapped.segment[0]!;
  const fraction = snapped.fraction[0]!;
  const a = net.segmentFrom[nearest]!;
  const b = net.segmentTo[nearest]!;
  const viaA = fraction === 0 ? 0 : minutes.forward[nearest]! * fraction;
  const viaB = fraction === 1 ? 0 : minutes.backward[nearest]! * (1 - fraction);
  let reached = 0;
  for (let v = 0; v < net.nodeCount; v++) {
    const t = Math.min(fw[v]![a]! + viaA, fw[v]![b]! + viaB);
    if (t > threshold * (1 - 1e-12)) continue;
    reached++;
    expect(inside(area, net.nodeCoordinates[2 * v]!, net.nodeCoordinates[2 * v + 1]!)).toBe(true);
  }
  expect(area.properties.nodesReached).toBeGreaterThanOrEqual(reached);
}

describe("serviceAreas", () => {
  it("contains the facility and every node that reaches it within the threshold (random graphs, one-way segments)", () => {
    fc.assert(
      fc.property(
        smallNetwork.chain((net) => fc.tuple(fc.constant(net), fc.nat(net.segmentCount - 1), fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 3, noNaN: true }))),
        ([net, s, f, threshold]) => checkServiceArea(net, s, f, threshold),
      ),
      { numRuns: 60 },
    );
  });

  it("falls back to the convex hull where turf's concave hull returns a ring that is not closed (regression)", () => {
    const net = {
      nodeCount: 8,
      segmentCount: 10,
      nodeCoordinates: Float64Array.from([114.00675, 25.00969, 114.00591, 25.00637, 114.00733, 25.0082, 114.00715, 25.00704, 114.00982, 25.00166, 114.00396, 25.00542, 114.00717, 25.00082, 114.00436, 25.00982]),
      segmentFrom: Int32Array.from([1, 7, 5, 0, 5, 4, 7, 4, 0, 3]),
      segmentTo: Int32Array.from([6, 3, 1, 5, 2, 1, 4, 3, 6, 4]),
      segmentLength: Float64Array.from([630.0599027255794, 417.85291493823223, 223.0992945109738, 551.8001956073688, 459.22158863103266, 655.3988377697616, 1061.1435436354411, 655.9531487945278, 987.2080672594846, 655.9531487945278]),
      segmentClass: Uint16Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      segmentOneway: Int8Array.from([0, 1, 0, 0, -1, 1, -1, 0, 0, -1]),
      segmentMaxSpeed: new Float64Array(10).fill(Number.NaN),
      segmentSource: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      roadClasses: ["residential"],
    } as unknown as Parameters<typeof checkServiceArea>[0];
    checkServiceArea(net, 1, 0.5, 2.5401401751151784);
  });

  it("measures to the facility: on the hand-built network node 0 reaches node 2 in 15 minutes, but not the reverse", () => {
    const toTwo = serviceAreas(handBuilt, handMinutes, Float64Array.of(...NODES[2]), 16).features[0]!;
    expect(inside(toTwo, ...NODES[0])).toBe(true);
    expect(toTwo.properties.nodesReached).toBe(3);
    const toZero = serviceAreas(handBuilt, handMinutes, Float64Array.of(...NODES[0]), 16).features[0]!;
    expect(inside(toZero, ...NODES[2])).toBe(false);
    expect(toZero.properties.nodesReached).toBe(2);
  });

  it("draws a small polygon around a facility that reaches no node, and geometry null for a facility not snapped", () => {
    const areas = serviceAreas(handBuilt, handMinutes, Float64Array.of(...NODES[0], 114.5, 25.5), 0);
    expect(areas.features[0]!.geometry?.type).toBe("Polygon");
    expect(inside(areas.features[0]!, ...NODES[0])).toBe(true);
    expect(areas.features[1]!.geometry).toBeNull();
    expect(areas.features[1]!.properties.hull).toBe("none");
  });

  it("throws InputError for a negative threshold or a bad maxEdgeMetres", () => {
    expect(() => serviceAreas(handBuilt, handMinutes, Float64Array.of(...NODES[0]), -1)).toThrow(/thresholdMinutes/);
    expect(() => serviceAreas(handBuilt, handMinutes, Float64Array.of(...NODES[0]), 5, { maxEdgeMetres: 0 })).toThrow(/maxEdgeMetres/);
  });
});

describe("nearestFacilityTimes", () => {
  it("gives each demand point its nearest facility by time in the direction of travel, −1 when none is reachable", () => {
    const origins = Float64Array.of(...NODES[0], ...NODES[2], ...NODES[6], 114.5, 25.5);
    const facilities = Float64Array.of(...NODES[3], ...NODES[2]);
    const result = nearestFacilityTimes(handBuilt, handMinutes, origins, facilities);
    expect([...result.facility]).toEqual([1, 1, -1, -1]);
    expect([...result.minutes]).toEqual([15, 0, Infinity, Infinity]);
    expect(result.originSnapping.unsnapped).toEqual([3]);
    expect(result.basis).toContain("mode car");
    // With a 14-minute cutoff node 0 reaches neither facility (15 and 25 minutes); node 2 still has its own.
    const cut = nearestFacilityTimes(handBuilt, handMinutes, origins, facilities, { cutoffMinutes: 14 });
    expect([...cut.facility]).toEqual([-1, 1, -1, -1]);
  });
});
