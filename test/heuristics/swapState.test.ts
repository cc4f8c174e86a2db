import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSiteLists, SwapState } from "../../src/heuristics/index.ts";
import { tinyCase } from "../helpers/arbitraries.ts";

/** The objective of `open` computed from scratch: Σ over served points of the cheapest open list entry. */
function objectiveOf(state: SwapState, open: ReadonlySet<number>): number {
  const { starts, sites, costs, served } = state.lists;
  let total = 0;
  for (const u of served) {
    let best = Infinity;
    for (let k = starts[u]!; k < starts[u + 1]!; k++) if (open.has(sites[k]!)) best = Math.min(best, costs[k]!);
    total += best;
  }
  return total;
}

describe("SwapState", () => {
  it("prices every swap exactly and keeps its tables right after a chain of swaps", () => {
    fc.assert(
      fc.property(tinyCase({ maxDemand: 7, maxSites: 5, siteRules: false }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (tiny, picks) => {
        const m = tiny.problem.sites.length;
        if (tiny.p >= m) return;
        const lists = buildSiteLists(tiny.problem, new Uint8Array(m));
        const state = new SwapState(lists, Array.from({ length: tiny.p }, (_, j) => j));
        for (const pick of picks) {
          const open = new Set(state.slots);
          const before = objectiveOf(state, open);
          for (let f = 0; f < m; f++) {
            if (open.has(f)) continue;
            for (const g of open) {
              const after = objectiveOf(state, new Set([...open].filter((j) => j !== g).concat(f)));
              if (before === Infinity) continue; // a start leaving points unserved: keepsServed speaks of served ones
              expect(state.keepsServed(f, g)).toBe(after !== Infinity);
              if (after !== Infinity) expect(state.delta(f, g)).toBeCloseTo(after - before, 9);
            }
          }
          const closed = Array.from({ length: m }, (_, j) => j).filter((j) => !open.has(j));
          const f = closed[pick % closed.length]!;
          const g = state.slots[pick % tiny.p]!;
          state.swap(f, g);
          expect(new Set(state.slots)).toEqual(new Set([...open].filter((j) => j !== g).concat(f)));
          expect(state.objective()).toBe(objectiveOf(state, new Set(state.slots)));
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("finds the best swap among those allowed", () => {
    fc.assert(
      fc.property(tinyCase({ maxDemand: 7, maxSites: 5, siteRules: false }), (tiny) => {
        const m = tiny.problem.sites.length;
        if (tiny.p >= m) return;
        const lists = buildSiteLists(tiny.problem, new Uint8Array(m));
        const state = new SwapState(lists, Array.from({ length: tiny.p }, (_, j) => j));
        const removable = new Uint8Array(m).fill(1);
        removable[0] = 0; // site 0 may not close
        const insertable = new Uint8Array(m).fill(1);
        const move = state.bestSwap(removable, insertable, 1e-9);
        let best = 1e-9;
        for (let f = tiny.p; f < m; f++) {
          for (let g = 1; g < tiny.p; g++) if (state.keepsServed(f, g)) best = Math.max(best, -state.delta(f, g));
        }
        if (best === 1e-9) expect(move).toBeUndefined();
        else {
          expect(move!.remove).not.toBe(0);
          expect(move!.profit).toBeCloseTo(best, 9);
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
