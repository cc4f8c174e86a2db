import { describe, expect, it } from "vitest";
import { travelTimeMatrixParallel } from "../../../src/travel/routing/parallel.node.ts";
import { travelTimeMatrix } from "../../../src/travel/routing/index.ts";
import { handBuilt, handMinutes, NODES } from "./handBuilt.ts";
import { pointOn } from "./helpers.ts";

const ORIGINS = Float64Array.of(...NODES.flat(), ...pointOn(handBuilt, 1, 0.6), 114.5, 25.5);
const DESTINATIONS = Float64Array.of(...NODES[2], ...NODES[0], ...NODES[5], ...pointOn(handBuilt, 1, 0.2), ...NODES[3]);

describe("travelTimeMatrixParallel (Node-only)", () => {
  it("gives the same matrix, metres and reports as travelTimeMatrix, with sites split over two workers", async () => {
    for (const options of [{}, { cutoffMinutes: 20 }]) {
      const single = travelTimeMatrix(handBuilt, handMinutes, ORIGINS, DESTINATIONS, options);
      const done: number[] = [];
      const parallel = await travelTimeMatrixParallel(handBuilt, handMinutes, ORIGINS, DESTINATIONS, {
        ...options,
        threads: 2,
        sitesPerTask: 2,
        onProgress: (count) => done.push(count),
      });
      expect(parallel.costs).toEqual(single.costs);
      expect(parallel.metres).toEqual(single.metres);
      expect(parallel.unreachable).toEqual(single.unreachable);
      expect(parallel.basis).toBe(single.basis);
      expect(done.at(-1)).toBe(5);
    }
  });

  it("throws InputError for a bad thread count", async () => {
    await expect(travelTimeMatrixParallel(handBuilt, handMinutes, ORIGINS, DESTINATIONS, { threads: 0 })).rejects.toThrow(/threads/);
  });
});
