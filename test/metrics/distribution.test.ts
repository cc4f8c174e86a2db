import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { giniCoefficient, theilIndex, weightedMean, weightedQuantile } from "../../src/metrics/distribution.ts";

/** Gini by its definition, Σ_k Σ_l w_k w_l |x_k − x_l| / (2 W² μ): an oracle apart from the sorted formula. */
function giniByPairs(values: readonly number[], weights: readonly number[]): number {
  const W = weights.reduce((a, b) => a + b, 0);
  const mu = values.reduce((sum, x, k) => sum + x * weights[k]!, 0) / W;
  let sum = 0;
  for (let k = 0; k < values.length; k++) for (let l = 0; l < values.length; l++) sum += weights[k]! * weights[l]! * Math.abs(values[k]! - values[l]!);
  return sum / (2 * W * W * mu);
}

describe("weightedQuantile", () => {
  // 10 pupils at 5 min, 30 at 10 min, 60 at 40 min: cumulative shares 0.1, 0.4, 1.
  const minutes = [40, 5, 10];
  const pupils = [60, 10, 30];

  it("weightedQuantile is the smallest trip that at least q of the pupils do not exceed", () => {
    expect(weightedQuantile(minutes, pupils, 0.1)).toBe(5);
    expect(weightedQuantile(minutes, pupils, 0.11)).toBe(10);
    expect(weightedQuantile(minutes, pupils, 0.4)).toBe(10);
    expect(weightedQuantile(minutes, pupils, 0.5)).toBe(40);
    expect(weightedQuantile(minutes, pupils, 0.9)).toBe(40);
  });

  it("weightedQuantile at 0 and 1 gives the shortest and longest trip with pupils", () => {
    expect(weightedQuantile([3, 7, 99], [2, 1, 0], 0)).toBe(3);
    expect(weightedQuantile([3, 7, 99], [2, 1, 0], 1)).toBe(7);
  });

  it("weightedQuantile does not fall short on fractional pupils whose sum rounds", () => {
    // 0.1 + 0.2 + 0.7 = 1.0000000000000002 in binary; the 30th percentile is the second value exactly
    expect(weightedQuantile([1, 2, 3], [0.1, 0.2, 0.7], 0.3)).toBe(2);
  });

  it("weightedQuantile is null without pupils and throws on a bad level or bad data", () => {
    expect(weightedQuantile([1, 2], [0, 0], 0.5)).toBeNull();
    expect(weightedQuantile([], [], 0.5)).toBeNull();
    expect(() => weightedQuantile([1], [1], 1.5)).toThrow(RangeError);
    expect(() => weightedQuantile([1, 2], [1], 0.5)).toThrow(InputError);
    expect(() => weightedQuantile([1], [-1], 0.5)).toThrow(/weights.*-1/);
    expect(() => weightedQuantile([Number.NaN], [1], 0.5)).toThrow(/values.*NaN/);
  });
});

describe("weightedMean", () => {
  it("weightedMean weights each value by its pupils and is null without pupils", () => {
    expect(weightedMean([10, 20], [3, 1])).toBe(12.5);
    expect(weightedMean([10], [0])).toBeNull();
  });
});

describe("giniCoefficient", () => {
  it("giniCoefficient of equal trips is 0", () => {
    expect(giniCoefficient([12, 12, 12], [5, 3, 2])).toBe(0);
  });

  it("giniCoefficient of two pupils at 0 and 1 minute is 0.5", () => {
    expect(giniCoefficient([0, 1], [1, 1])).toBeCloseTo(0.5, 12);
  });

  it("giniCoefficient of a weighted hand case agrees with the pairwise definition (0.27818)", () => {
    const values = [40, 5, 10];
    const weights = [60, 10, 30];
    expect(giniCoefficient(values, weights)).toBeCloseTo(giniByPairs(values, weights), 12);
    expect(giniCoefficient(values, weights)).toBeCloseTo(0.2781818, 6);
  });

  it("giniCoefficient counts pupils, not rows: a row split in two changes nothing", () => {
    expect(giniCoefficient([5, 5, 10, 40], [4, 6, 30, 60])).toBeCloseTo(giniCoefficient([5, 10, 40], [10, 30, 60])!, 12);
  });

  it("giniCoefficient is 0 when every trip is 0, null without pupils, and rejects negative minutes", () => {
    expect(giniCoefficient([0, 0], [1, 2])).toBe(0);
    expect(giniCoefficient([3], [0])).toBeNull();
    expect(() => giniCoefficient([-1], [1])).toThrow(InputError);
  });
});

describe("theilIndex", () => {
  it("theilIndex of trips of 1 and 3 minutes is ½ (0.5 ln 0.5 + 1.5 ln 1.5) = 0.130812", () => {
    expect(theilIndex([1, 3], [1, 1])).toBeCloseTo(0.5 * (0.5 * Math.log(0.5) + 1.5 * Math.log(1.5)), 12);
    expect(theilIndex([1, 3], [1, 1])).toBeCloseTo(0.130812, 6);
  });

  it("theilIndex takes 0 · ln 0 = 0 for pupils with no trip", () => {
    // x = [0, 2], μ = 1: ½ (0 + 2 ln 2) = ln 2
    expect(theilIndex([0, 2], [1, 1])).toBeCloseTo(Math.log(2), 12);
  });

  it("theilIndex of equal trips is 0, and 0 when all trips are 0", () => {
    expect(theilIndex([7, 7], [2, 9])).toBeCloseTo(0, 14);
    expect(theilIndex([0, 0], [2, 9])).toBe(0);
    expect(theilIndex([1], [0])).toBeNull();
  });
});

describe("distribution properties", () => {
  const sample = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 12 })
    .filter((pairs) => pairs.some(([, w]) => w > 0));

  it("giniCoefficient agrees with the pairwise definition and ignores the order of the rows", () => {
    fc.assert(
      fc.property(sample, (pairs) => {
        const values = pairs.map(([x]) => x);
        const weights = pairs.map(([, w]) => w);
        const expected = values.some((x, k) => x > 0 && weights[k]! > 0) ? giniByPairs(values, weights) : 0;
        expect(giniCoefficient(values, weights)).toBeCloseTo(expected, 9);
        expect(giniCoefficient([...values].reverse(), [...weights].reverse())).toBeCloseTo(expected, 9);
      }),
    );
  });

  it("weightedQuantile is the least value whose cumulative weight reaches q of the total", () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 0, max: 100 }), (pairs, percent) => {
        const q = percent / 100;
        const values = pairs.map(([x]) => x);
        const weights = pairs.map(([, w]) => w);
        const total = weights.reduce((a, b) => a + b, 0);
        const candidates = values.filter((x, k) => weights[k]! > 0 && values.reduce((sum, y, l) => sum + (y <= x ? weights[l]! : 0), 0) >= q * total);
        expect(weightedQuantile(values, weights, q)).toBe(Math.min(...candidates));
      }),
    );
  });
});
