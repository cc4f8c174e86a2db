import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costOf } from "../../../src/costMatrix.ts";
import { greatCircleMetres } from "../../../src/travel/distance.ts";
import type { RoadNetwork } from "../../../src/travel/network/roadNetwork.ts";
import type { SegmentMinutes } from "../../../src/travel/network/travelMode.ts";
import { nearestFacilityTimes, travelTimeMatrix, type Snapping } from "../../../src/travel/routing/index.ts";
import { floydWarshall, minutesOf, pointOn, smallNetwork } from "./helpers.ts";

const WALK = 60 / 5000; // minutes per metre at 5 km/h

function part(t: number, share: number): number {
  return share === 0 ? 0 : t * share;
}

/** The expected time from origin i to destination j, from Floyd–Warshall node times and the snapping. */
function expected(net: RoadNetwork, minutes: SegmentMinutes, fw: Float64Array[], o: Snapping, i: number, d: Snapping, j: number): number {
  const s = o.segment[i]!;
  const t = d.segment[j]!;
  if (s < 0 || t < 0) return Infinity;
  const f = o.fraction[i]!;
  const g = d.fraction[j]!;
  const legs = (o.legMetres[i]! + d.legMetres[j]!) * WALK;
  const leave = [
    [net.segmentTo[s]!, part(minutes.forward[s]!, 1 - f)],
    [net.segmentFrom[s]!, part(minutes.backward[s]!, f)],
  ] as const;
  const arrive = [
    [net.segmentFrom[t]!, part(minutes.forward[t]!, g)],
    [net.segmentTo[t]!, part(minutes.backward[t]!, 1 - g)],
  ] as const;
  let best = Infinity;
  for (const [u, a] of leave) for (const [v, b] of arrive) best = Math.min(best, a + fw[u]![v]! + b);
  if (s === t) best = Math.min(best, g >= f ? part(minutes.forward[s]!, g - f) : part(minutes.backward[s]!, f - g));
  return best + legs;
}

const placed = smallNetwork.chain((net) =>
  fc.record({
    net: fc.constant(net),
    origins: fc.array(fc.tuple(fc.nat(net.segmentCount - 1), fc.constantFrom(0, 0.25, 0.5, 1, 0.1)), { minLength: 1, maxLength: 5 }),
    destinations: fc.array(fc.tuple(fc.nat(net.segmentCount - 1), fc.constantFrom(0, 0.3, 0.5, 1, 0.9)), { minLength: 1, maxLength: 4 }),
  }),
);

function coordinates(net: RoadNetwork, points: readonly (readonly [number, number])[]): Float64Array {
  return Float64Array.from(points.flatMap(([s, f]) => pointOn(net, s, f)));
}

describe("travelTimeMatrix against Floyd–Warshall", () => {
  it("gives the Floyd–Warshall time plus the partial segments for every pair on random graphs with one-way segments", () => {
    fc.assert(
      fc.property(placed, ({ net, origins, destinations }) => {
        const minutes = minutesOf(net, 30);
        const fw = floydWarshall(net, minutes);
        const from = coordinates(net, origins);
        const to = coordinates(net, destinations);
        const result = travelTimeMatrix(net, minutes, from, to);
        expect(result.costs.kind).toBe("dense");
        for (let i = 0; i < origins.length; i++) {
          for (let j = 0; j < destinations.length; j++) {
            // The road time, or a straight walk at 5 km/h where the two points are within the 1000 m snapping distance.
            const apart = greatCircleMetres([from[2 * i]!, from[2 * i + 1]!], [to[2 * j]!, to[2 * j + 1]!]);
            const walk = apart <= 1000 ? apart * (60 / 5000) : Infinity;
            const want = Math.min(expected(net, minutes, fw, result.originSnapping, i, result.destinationSnapping, j), walk);
            const got = costOf(result.costs, i, j);
            if (want === Infinity) expect(got).toBe(Infinity);
            else expect(got).toBeCloseTo(want, 9);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("nearestFacilityTimes picks a facility with the least time of each matrix row", () => {
    fc.assert(
      fc.property(placed, ({ net, origins, destinations }) => {
        const minutes = minutesOf(net, 30);
        const from = coordinates(net, origins);
        const to = coordinates(net, destinations);
        const matrix = travelTimeMatrix(net, minutes, from, to);
        const nearest = nearestFacilityTimes(net, minutes, from, to);
        for (let i = 0; i < origins.length; i++) {
          let best = Infinity;
          for (let j = 0; j < destinations.length; j++) best = Math.min(best, costOf(matrix.costs, i, j));
          if (best === Infinity) {
            expect(nearest.facility[i]).toBe(-1);
            expect(nearest.minutes[i]).toBe(Infinity);
          } else {
            expect(nearest.minutes[i]).toBeCloseTo(best, 9);
            expect(costOf(matrix.costs, i, nearest.facility[i]!)).toBeCloseTo(best, 9);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a cutoff keeps exactly the pairs at or below it, inclusive, and stores no others", () => {
    fc.assert(
      fc.property(placed, fc.nat(), ({ net, origins, destinations }, pick) => {
        const minutes = minutesOf(net, 30);
        const from = coordinates(net, origins);
        const to = coordinates(net, destinations);
        const dense = travelTimeMatrix(net, minutes, from, to);
        const finite = [...dense.costs.values].filter((v) => v !== Infinity);
        const cutoff = finite.length > 0 ? finite[pick % finite.length]! : 1;
        const sparse = travelTimeMatrix(net, minutes, from, to, { cutoffMinutes: cutoff });
        expect(sparse.costs.kind).toBe("sparse");
        for (let i = 0; i < origins.length; i++) {
          for (let j = 0; j < destinations.length; j++) {
            const full = costOf(dense.costs, i, j);
            expect(costOf(sparse.costs, i, j)).toBe(full <= cutoff ? full : Infinity);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
