import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CENSUS_BANDS, GUANGDONG_BIRTHS_SERIES, guangdongCensusUnit, singleYearAges, type CensusUnit } from "../../src/population/index.ts";

function unit(bands: readonly number[]): CensusUnit {
  return { code: "x", name: "x", city: "", level: "county", population: 0, urban: 0, rural: 0, bands: bands as CensusUnit["bands"] };
}

function bandSums(ages: readonly number[]): number[] {
  return CENSUS_BANDS.map(([first, last]) => ages.slice(first, last + 1).reduce((a, b) => a + b, 0));
}

describe("singleYearAges", () => {
  it("uniform: the same count at every age of a band", () => {
    const { ages, rules } = singleYearAges(unit([2, 8, 10, 15, 20]), { rule: "uniform" });
    expect(ages).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4]);
    expect(rules).toEqual(["single", "uniform", "uniform", "uniform", "uniform"]);
  });

  it("linear: a line through each band's mean with the slope of its neighbours (hand-computed)", () => {
    // Yearly means 1, 2, 3, 4, 5 at centres 0, 2.5, 7, 12, 17. Band 5–9: slope (4 − 2) / (12 − 2.5) = 2/9.5.
    const { ages } = singleYearAges(unit([1, 8, 15, 20, 25]), { rule: "linear" });
    const slope = 2 / 9.5;
    [5, 6, 7, 8, 9].forEach((age) => expect(ages[age]).toBeCloseTo(3 + slope * (age - 7), 12));
    // The last band uses the one-sided slope (5 − 4) / (17 − 12) = 0.2.
    [15, 16, 17, 18, 19].forEach((age) => expect(ages[age]).toBeCloseTo(5 + 0.2 * (age - 17), 12));
  });

  it("births: band 1–4 in proportion to the births of 2019 … 2016 times survival; 东源县 keeps its census bands", () => {
    const dongyuan = guangdongCensusUnit("441625");
    const { ages, rules } = singleYearAges(dongyuan, { rule: "births", births: GUANGDONG_BIRTHS_SERIES });
    expect(rules).toEqual(["single", "births", "linear", "linear", "linear"]);
    expect(ages[0]).toBe(3292);
    // 2017 (age 3) had the most births, 2016 (age 4) the fewest.
    expect(ages[3]).toBeGreaterThan(ages[1] as number);
    expect(ages[4]).toBeLessThan(ages[2] as number);
    bandSums(ages).forEach((s, k) => expect(s).toBeCloseTo(dongyuan.bands[k] as number, 6));
    expect(bandSums(ages)[2]).toBeCloseTo(27624, 6);
    expect(bandSums(ages)[3]).toBeCloseTo(29798, 6);
  });

  it("births falls back to linear where the series does not cover a band's birth years", () => {
    expect(singleYearAges(unit([1, 8, 15, 20, 25]), { rule: "births", births: { 2019: 5 } }).rules[1]).toBe("linear");
    expect(singleYearAges(unit([1, 8, 15, 20, 25]), { rule: "births" }).rules[1]).toBe("linear");
  });

  it("every rule keeps each band's total and gives no negative count", () => {
    const band = fc.integer({ min: 0, max: 100_000 });
    fc.assert(
      fc.property(fc.tuple(band, band, band, band, band), fc.constantFrom("uniform", "linear", "births") as fc.Arbitrary<"uniform" | "linear" | "births">, (bands, rule) => {
        const { ages } = singleYearAges(unit(bands), { rule, births: GUANGDONG_BIRTHS_SERIES });
        expect(ages).toHaveLength(20);
        for (const n of ages) expect(n).toBeGreaterThanOrEqual(-1e-9);
        bandSums(ages).forEach((s, k) => expect(s).toBeCloseTo(bands[k] as number, 6));
      }),
    );
  });

  it("uses single years where the unit has them, and rejects an unknown rule", () => {
    const singleYears = Array.from({ length: 20 }, (_, a) => a + 1);
    expect(singleYearAges({ ...unit([1, 2, 3, 4, 5]), singleYears }).ages).toEqual(singleYears);
    expect(() => singleYearAges(unit([1, 2, 3, 4, 5]), { rule: "spline" as "linear" })).toThrow(/"split": must be one of uniform, linear, births, got "spline"/);
  });
});
