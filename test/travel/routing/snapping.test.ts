import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.ts";
import type { RoadNetwork } from "../../../src/travel/network/roadNetwork.ts";
import { snapToNetwork } from "../../../src/travel/routing/index.ts";
import { network, smallNetwork } from "./helpers.ts";

const R = 6_371_008.8;
const RAD = Math.PI / 180;

/** Distance from (lon, lat) to segment s in the local equirectangular projection around the point (brute force). */
function distanceToSegment(net: RoadNetwork, s: number, lon: number, lat: number): number {
  const sx = R * RAD * Math.cos(lat * RAD);
  const sy = R * RAD;
  const xy = net.nodeCoordinates;
  const a = net.segmentFrom[s]!;
  const b = net.segmentTo[s]!;
  const ax = (xy[2 * a]! - lon) * sx;
  const ay = (xy[2 * a + 1]! - lat) * sy;
  const bx = (xy[2 * b]! - lon) * sx;
  const by = (xy[2 * b + 1]! - lat) * sy;
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / l2)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}

const points = fc.array(fc.tuple(fc.integer({ min: -500, max: 1500 }), fc.integer({ min: -500, max: 1500 })), { minLength: 1, maxLength: 8 });

describe("snapToNetwork", () => {
  it("puts each snapped point on its segment, at its fraction, with no other segment closer (brute force)", () => {
    fc.assert(
      fc.property(smallNetwork, points, (net, raw) => {
        const coordinates = Float64Array.from(raw.flatMap(([x, y]) => [114 + x * 1e-5, 25 + y * 1e-5]));
        const snapping = snapToNetwork(net, coordinates, { maxDistanceMetres: 5000 });
        expect(snapping.unsnapped).toEqual([]);
        for (let k = 0; k < raw.length; k++) {
          const lon = coordinates[2 * k]!;
          const lat = coordinates[2 * k + 1]!;
          const s = snapping.segment[k]!;
          const f = snapping.fraction[k]!;
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(1);
          const a = net.segmentFrom[s]!;
          const b = net.segmentTo[s]!;
          const xy = net.nodeCoordinates;
          expect(snapping.position[2 * k]).toBeCloseTo(xy[2 * a]! + f * (xy[2 * b]! - xy[2 * a]!), 12);
          expect(snapping.position[2 * k + 1]).toBeCloseTo(xy[2 * a + 1]! + f * (xy[2 * b + 1]! - xy[2 * a + 1]!), 12);
          // The snapped position lies on the segment: its distance to the segment is zero.
          expect(distanceToSegment(net, s, snapping.position[2 * k]!, snapping.position[2 * k + 1]!)).toBeLessThan(1e-6);
          expect(snapping.legMetres[k]).toBeCloseTo(distanceToSegment(net, s, lon, lat), 6);
          for (let other = 0; other < net.segmentCount; other++) {
            expect(distanceToSegment(net, other, lon, lat)).toBeGreaterThanOrEqual(snapping.legMetres[k]! - 1e-6);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reports points farther than maxDistanceMetres with segment −1 and their distance, and snaps no others", () => {
    fc.assert(
      fc.property(smallNetwork, points, fc.integer({ min: 1, max: 400 }), (net, raw, limit) => {
        const coordinates = Float64Array.from(raw.flatMap(([x, y]) => [114 + x * 1e-5, 25 + y * 1e-5]));
        const snapping = snapToNetwork(net, coordinates, { maxDistanceMetres: limit });
        expect(snapping.maxDistanceMetres).toBe(limit);
        for (let k = 0; k < raw.length; k++) {
          let nearest = Infinity;
          for (let s = 0; s < net.segmentCount; s++) nearest = Math.min(nearest, distanceToSegment(net, s, coordinates[2 * k]!, coordinates[2 * k + 1]!));
          expect(snapping.legMetres[k]).toBeCloseTo(nearest, 6);
          const far = snapping.unsnapped.includes(k);
          expect(far).toBe(snapping.legMetres[k]! > limit);
          expect(snapping.segment[k]! < 0).toBe(far);
          if (far) expect(snapping.fraction[k]).toBeNaN();
        }
      }),
      { numRuns: 100 },
    );
  });

  it("snaps only to usable segments and reports Infinity when none is usable", () => {
    const net = network([[114, 25], [114.01, 25], [114, 25.001], [114.01, 25.001]], [[0, 1], [2, 3]]);
    const point = Float64Array.of(114.005, 25.0001);
    expect(snapToNetwork(net, point).segment[0]).toBe(0);
    expect(snapToNetwork(net, point, { usable: (s) => s === 1 }).segment[0]).toBe(1);
    const none = snapToNetwork(net, point, { usable: () => false });
    expect(none.segment[0]).toBe(-1);
    expect(none.legMetres[0]).toBe(Infinity);
    expect(none.unsnapped).toEqual([0]);
  });

  it("snaps to the nearest point inside a segment, not to the nearest node", () => {
    // A 1.1 km segment; the point is 50 m off its middle, ~550 m from either node.
    const net = network([[114, 25], [114.0109, 25]], [[0, 1]]);
    const snapping = snapToNetwork(net, Float64Array.of(114.00545, 25 + 50 / (R * RAD)));
    expect(snapping.fraction[0]).toBeCloseTo(0.5, 6);
    expect(snapping.legMetres[0]).toBeCloseTo(50, 3);
  });

  it("throws InputError naming the point for a latitude out of range, and for a bad maxDistanceMetres", () => {
    const net = network([[114, 25], [114.01, 25]], [[0, 1]]);
    expect(() => snapToNetwork(net, Float64Array.of(114, 25, 114, 95))).toThrow(InputError);
    expect(() => snapToNetwork(net, Float64Array.of(114, 25), { maxDistanceMetres: -1 })).toThrow(/maxDistanceMetres/);
  });
});
