import { describe, expect, it } from "vitest";
import { allowedPairCount, costOf } from "../../../src/costMatrix.ts";
import { InputError } from "../../../src/errors.ts";
import { travelTimeMatrix } from "../../../src/travel/routing/index.ts";
import { handBuilt, handMinutes, NODES } from "./handBuilt.ts";
import { pointOn } from "./helpers.ts";

const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
// Origins A (node 0), B (node 2), C (node 4), D (far from every road), E (middle of 6–7).
const ORIGINS = Float64Array.of(...NODES[0], ...NODES[2], ...NODES[4], 114.5, 25.5, 114.205, 25);
// Destinations X (node 2), Y (node 0), Z (node 5).
const DESTINATIONS = Float64Array.of(...NODES[2], ...NODES[0], ...NODES[5]);

describe("travelTimeMatrix on a hand-built network", () => {
  it("gives the known times from demand point to site, Infinity where unreachable, dense without a cutoff", () => {
    const result = travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS);
    expect(result.costs.kind).toBe("dense");
    expect(result.costs.unit).toBe("minutes");
    const expected = [
      [15, 0, Infinity],
      [0, 45, Infinity],
      [Infinity, Infinity, 7],
      [Infinity, Infinity, Infinity],
      [Infinity, Infinity, Infinity],
    ];
    expected.forEach((row, i) => row.forEach((t, j) => expect(costOf(result.costs, i, j)).toBe(t)));
    expect(costOf(result.metres!, 0, 0)).toBeCloseTo(handBuilt.segmentLength[0]! + handBuilt.segmentLength[1]!, 1);
    expect(costOf(result.metres!, 0, 2)).toBe(Infinity);
    expect(result.metres!.unit).toBe("metres");
    expect(result.metres!.kind).toBe("dense");
  });

  it("runs from the demand point to the site: on the one-way street 0 → 2 takes 15 minutes and 2 → 0 takes 45", () => {
    const there = travelTimeMatrix(handBuilt, handMinutes, Float64Array.of(...NODES[0]), Float64Array.of(...NODES[2]));
    const back = travelTimeMatrix(handBuilt, handMinutes, Float64Array.of(...NODES[2]), Float64Array.of(...NODES[0]));
    expect(costOf(there.costs, 0, 0)).toBe(15);
    expect(costOf(back.costs, 0, 0)).toBe(45);
  });

  it("gives two points on one segment the direct along-segment time where the direction allows", () => {
    const both = travelTimeMatrix(handBuilt, handMinutes, Float64Array.from(pointOn(handBuilt, 0, 0.25)), Float64Array.from(pointOn(handBuilt, 0, 0.75)));
    expect(costOf(both.costs, 0, 0)).toBeCloseTo(5, 6);
    const withFlow = travelTimeMatrix(handBuilt, handMinutes, Float64Array.from(pointOn(handBuilt, 1, 0.2)), Float64Array.from(pointOn(handBuilt, 1, 0.6)));
    expect(costOf(withFlow.costs, 0, 0)).toBeCloseTo(2, 6);
    // Against the flow: 0.4 × 5 to node 2, 20 to node 3, 15 to node 1, 0.2 × 5 to the site (with a walking pace so
    // slow that walking straight across does not win).
    const against = travelTimeMatrix(handBuilt, handMinutes, Float64Array.from(pointOn(handBuilt, 1, 0.6)), Float64Array.from(pointOn(handBuilt, 1, 0.2)), {
      walkSpeedKmPerHour: 0.001,
    });
    expect(costOf(against.costs, 0, 0)).toBeCloseTo(38, 6);
  });

  it("lets points within the snapping distance of each other walk straight across: a point to itself takes 0", () => {
    const setBack = Float64Array.of(114, 25 + 800 / METRES_PER_DEGREE); // 800 m north of node 0
    const beside = Float64Array.of(114, 25 + 810 / METRES_PER_DEGREE); // 10 m further north
    const same = travelTimeMatrix(handBuilt, handMinutes, setBack, setBack);
    expect(costOf(same.costs, 0, 0)).toBe(0);
    const near = travelTimeMatrix(handBuilt, handMinutes, setBack, beside);
    expect(costOf(near.costs, 0, 0)).toBeCloseTo(10 * (60 / 5000), 3);
    expect(costOf(near.metres!, 0, 0)).toBeCloseTo(10, 1);
    // Beyond the snapping distance of each other, the trip runs through the road.
    const far = travelTimeMatrix(handBuilt, handMinutes, setBack, beside, { maxSnapMetres: 5 });
    expect(costOf(far.costs, 0, 0)).toBe(Infinity);
  });

  it("adds the off-network legs at the walking speed (default 5 km/h, or as given)", () => {
    const off = Float64Array.of(114, 25 + 100 / METRES_PER_DEGREE); // 100 m north of node 0
    const walked = travelTimeMatrix(handBuilt, handMinutes, off, Float64Array.of(...NODES[1]));
    expect(walked.originSnapping.legMetres[0]).toBeCloseTo(100, 3);
    expect(costOf(walked.costs, 0, 0)).toBeCloseTo(10 + 1.2, 4);
    expect(costOf(walked.metres!, 0, 0)).toBeCloseTo(100 + handBuilt.segmentLength[0]!, 1);
    const slower = travelTimeMatrix(handBuilt, handMinutes, off, Float64Array.of(...NODES[1]), { walkSpeedKmPerHour: 4 });
    expect(costOf(slower.costs, 0, 0)).toBeCloseTo(10 + 1.5, 4);
    expect(slower.basis).toContain("walked at 4 km/h");
  });

  it("reports unreachable pairs, names the components that hold no destination and the points not snapped", () => {
    const { unreachable, basis } = travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS);
    expect(unreachable.pairs).toBe(10);
    expect(unreachable.disconnectedPairs).toBe(10);
    expect(unreachable.originsWithNoDestination).toEqual([3, 4]);
    expect(unreachable.destinationsWithNoOrigin).toEqual([]);
    const { components } = unreachable;
    expect(components.count).toBe(3);
    expect([...components.nodeCounts]).toEqual([4, 2, 2]);
    expect([...components.originComponent]).toEqual([0, 0, 1, -1, 2]);
    expect([...components.destinationComponent]).toEqual([0, 0, 1]);
    expect(components.notes).toContain("origin 4 lies in component 2 (2 nodes), which holds no destination");
    expect(components.notes.some((note) => /^origin 3 is \d+ m from the nearest usable road, beyond the 1000 m snapping limit$/.test(note))).toBe(true);
    expect(basis).toBe("road network (8 nodes, 6 segments), mode car, points snapped within 1000 m, off-network legs walked at 5 km/h (points within 1000 m of each other may also walk straight across)");
  });

  it("with a cutoff returns a sparse matrix holding the pairs at or below it (inclusive) and counts the rest", () => {
    const result = travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS, { cutoffMinutes: 15 });
    expect(result.costs.kind).toBe("sparse");
    expect(costOf(result.costs, 0, 0)).toBe(15);
    expect(costOf(result.costs, 1, 1)).toBe(Infinity);
    expect(result.unreachable.pairs).toBe(11);
    expect(result.unreachable.destinationsWithNoOrigin).toEqual([]);
    expect(result.basis).toContain("times above 15 minutes not kept");
    expect(costOf(result.metres!, 0, 0)).toBeCloseTo(handBuilt.segmentLength[0]! + handBuilt.segmentLength[1]!, 1);
    expect(costOf(result.metres!, 1, 1)).toBe(Infinity);
    const dense = travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS, { cutoffMinutes: 14.9, format: "dense", metres: false });
    expect(dense.costs.kind).toBe("dense");
    expect(costOf(dense.costs, 0, 0)).toBe(Infinity);
    expect(dense.metres).toBeUndefined();
  });

  it("as a sparse matrix without a cutoff stores exactly the reachable pairs", () => {
    const dense = travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS);
    const sparse = travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS, { format: "sparse" });
    expect(sparse.costs.kind).toBe("sparse");
    expect(allowedPairCount(sparse.costs)).toBe(5);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 3; j++) expect(costOf(sparse.costs, i, j)).toBe(costOf(dense.costs, i, j));
    expect(allowedPairCount(sparse.metres!)).toBe(5);
  });

  it("reports progress once per site", () => {
    const calls: number[][] = [];
    travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it("throws InputError naming the point, the minutes or the option on bad input", () => {
    expect(() => travelTimeMatrix(handBuilt, handMinutes, Float64Array.of(114, 95), DESTINATIONS)).toThrow(/origins 0/);
    expect(() => travelTimeMatrix(handBuilt, { ...handMinutes, forward: new Float64Array(2) }, ORIGINS, DESTINATIONS)).toThrow(InputError);
    const negative = Float64Array.from(handMinutes.backward);
    negative[2] = -1;
    expect(() => travelTimeMatrix(handBuilt, { ...handMinutes, backward: negative }, ORIGINS, DESTINATIONS)).toThrow(/minutes 2, "backward"/);
    expect(() => travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS, { cutoffMinutes: -1 })).toThrow(/cutoffMinutes/);
    expect(() => travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS, { format: "csv" as "dense" })).toThrow(/format/);
    expect(() => travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS, { walkSpeedKmPerHour: 0 })).toThrow(/walkSpeedKmPerHour/);
  });
});
