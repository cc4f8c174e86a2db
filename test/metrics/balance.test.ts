import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { balanceEvaluation, type BalanceSchool } from "../../src/metrics/balance.ts";
import { BALANCE_INDICATORS, weightedCoefficientOfVariation, weightedVariation } from "../../src/metrics/balanceIndicators.ts";
import { compareBalance } from "../../src/metrics/compare.ts";

// 教督〔2017〕6号 附件2's worked example: students and books of five schools.
const P = [45, 37, 89, 76, 55];
const BOOKS = [279, 137, 935, 160, 402];

describe("weightedCoefficientOfVariation", () => {
  it("weightedCoefficientOfVariation gives the official example's 0.5153 (X̄ 6.3344, S 3.2639)", () => {
    const variation = weightedVariation(BOOKS, P);
    expect(variation.mean.toFixed(4)).toBe("6.3344");
    expect(variation.standardDeviation.toFixed(4)).toBe("3.2639");
    expect(variation.coefficientOfVariation.toFixed(4)).toBe("0.5153");
    expect(weightedCoefficientOfVariation(BOOKS, P).toFixed(4)).toBe("0.5153");
  });

  it("weightedCoefficientOfVariation is not the unweighted (0.4888) or sample (0.5465) CV", () => {
    const cv = weightedCoefficientOfVariation(BOOKS, P);
    expect(Math.abs(cv - 0.4888)).toBeGreaterThan(0.01);
    expect(Math.abs(cv - 0.5465)).toBeGreaterThan(0.01);
  });

  it("weightedCoefficientOfVariation does not change when totals are scaled (per student or per 100 students)", () => {
    expect(weightedCoefficientOfVariation(BOOKS.map((x) => 100 * x), P)).toBeCloseTo(weightedCoefficientOfVariation(BOOKS, P), 12);
  });

  it("weightedCoefficientOfVariation is 0 for equal ratios and for all-zero totals", () => {
    expect(weightedCoefficientOfVariation([10, 20, 30], [1, 2, 3])).toBeCloseTo(0, 12);
    expect(weightedCoefficientOfVariation([0, 0], [1, 2])).toBe(0);
  });

  it("weightedCoefficientOfVariation throws on mismatched lengths, negative or non-finite values, or no pupils", () => {
    expect(() => weightedCoefficientOfVariation([1, 2], [1])).toThrow(InputError);
    expect(() => weightedCoefficientOfVariation([], [])).toThrow(/at least one school/);
    expect(() => weightedCoefficientOfVariation([-1], [1])).toThrow(/totals.*-1/);
    expect(() => weightedCoefficientOfVariation([Infinity], [1])).toThrow(/totals/);
    expect(() => weightedCoefficientOfVariation([1], [0])).toThrow(/pupils.*> 0/);
    expect(() => weightedCoefficientOfVariation([1], [Number.NaN])).toThrow(/pupils/);
  });
});

describe("BALANCE_INDICATORS", () => {
  it("BALANCE_INDICATORS lists the seven indicators of 教督〔2017〕6号 with their primary / junior thresholds", () => {
    expect(BALANCE_INDICATORS.map((entry) => [entry.id, entry.perStudents, entry.thresholds.primary, entry.thresholds.junior])).toEqual([
      ["qualifiedTeachers", 100, 4.2, 5.3],
      ["backboneTeachers", 100, 1, 1],
      ["peArtTeachers", 100, 0.9, 0.9],
      ["teachingFloorM2", 1, 4.5, 5.8],
      ["sportsGroundM2", 1, 7.5, 10.2],
      ["equipmentYuan", 1, 2000, 2500],
      ["multimediaClassrooms", 100, 2.3, 2.4],
    ]);
    for (const entry of BALANCE_INDICATORS) expect(entry.source).toContain("教督〔2017〕6号");
  });
});

// A meets all seven primary thresholds; B meets 5 (qualified teachers 3 < 4.2, sports ground 5 < 7.5); the teaching
// point T has 30 pupils (left out); the nine-year school N gives only qualified teachers, split by pupil share.
const SCHOOLS: readonly BalanceSchool[] = [
  { id: "A", primaryPupils: 100, juniorPupils: 0, totals: { qualifiedTeachers: 5, backboneTeachers: 1, peArtTeachers: 1, teachingFloorM2: 500, sportsGroundM2: 800, equipmentYuan: 250_000, multimediaClassrooms: 3 } },
  { id: "B", primaryPupils: 200, juniorPupils: 0, totals: { qualifiedTeachers: 6, backboneTeachers: 2, peArtTeachers: 2, teachingFloorM2: 1000, sportsGroundM2: 1000, equipmentYuan: 400_000, multimediaClassrooms: 5 } },
  { id: "T", name: "Teaching point", primaryPupils: 30, juniorPupils: 0, totals: { qualifiedTeachers: 0, backboneTeachers: 0, peArtTeachers: 0, teachingFloorM2: 0, sportsGroundM2: 0, equipmentYuan: 0, multimediaClassrooms: 0 } },
  { id: "N", primaryPupils: 300, juniorPupils: 200, totals: { qualifiedTeachers: 25 } },
];

describe("balanceEvaluation", () => {
  const balance = balanceEvaluation(SCHOOLS);

  it("balanceEvaluation computes each school's seven values and passes it when it meets at least 6 of 7", () => {
    const [a, b] = balance.primary.schools;
    expect(a!.values.qualifiedTeachers).toBeCloseTo(5, 12);
    expect(a!.values.equipmentYuan).toBeCloseTo(2500, 9);
    expect(a!.metCount).toBe(7);
    expect(a!.passes).toBe(true);
    expect(b!.values.qualifiedTeachers).toBeCloseTo(3, 12);
    expect(b!.met).toMatchObject({ qualifiedTeachers: false, sportsGroundM2: false, equipmentYuan: true });
    expect(b!.metCount).toBe(5);
    expect(b!.passes).toBe(false);
  });

  it("balanceEvaluation splits a nine-year school's totals by pupil share and judges each stage by its threshold", () => {
    const primary = balance.primary.schools.find((school) => school.id === "N")!;
    const junior = balance.junior.schools.find((school) => school.id === "N")!;
    expect(primary.values.qualifiedTeachers).toBeCloseTo(5, 12); // 100 × 25 × 300/500 / 300
    expect(junior.values.qualifiedTeachers).toBeCloseTo(5, 12);
    expect(primary.met.qualifiedTeachers).toBe(true); // ≥ 4.2
    expect(junior.met.qualifiedTeachers).toBe(false); // < 5.3
    expect(primary.unknownCount).toBe(6);
    expect(primary.passes).toBeNull(); // 1 met + 6 unknown could still reach 6
    expect(junior.passes).toBeNull();
  });

  it("balanceEvaluation leaves teaching points under 50 pupils out of the CVs and the school count", () => {
    const t = balance.primary.schools.find((school) => school.id === "T")!;
    expect(t.counted).toBe(false);
    expect(balance.primary.schoolsCounted).toBe(3);
    const qualified = balance.primary.indicators[0]!;
    expect(qualified.schools).toBe(3);
    // A (5 of 100), B (6 of 200), N (15 of 300): X̄ = 26/600, CV = 0.217571 by hand
    expect(qualified.coefficientOfVariation).toBeCloseTo(0.2175713, 6);
    expect(qualified.countyValue).toBeCloseTo((100 * 26) / 600, 12);
    expect(qualified.schoolsMeeting).toBe(2);
  });

  it("balanceEvaluation passes a stage's CVs within 0.50 and fails it when a school fails", () => {
    const byId = Object.fromEntries(balance.primary.indicators.map((entry) => [entry.id, entry]));
    expect(byId.sportsGroundM2!.coefficientOfVariation).toBeCloseTo(0.2357023, 6);
    expect(byId.backboneTeachers!.coefficientOfVariation).toBeCloseTo(0, 12);
    expect(balance.primary.coefficientsPass).toBe(true);
    expect(balance.primary.schoolsPassing).toBe(1);
    expect(balance.primary.schoolsFailing).toBe(1);
    expect(balance.primary.schoolsUndetermined).toBe(1);
    expect(balance.primary.allSchoolsPass).toBe(false);
    expect(balance.primary.passes).toBe(false);
    expect(balance.passes).toBe(false);
  });

  it("balanceEvaluation fails a stage whose CV is beyond its limit (0.45 junior)", () => {
    const junior = balanceEvaluation(
      [
        { id: "J1", primaryPupils: 0, juniorPupils: 100, totals: { equipmentYuan: 500_000 } },
        { id: "J2", primaryPupils: 0, juniorPupils: 100, totals: { equipmentYuan: 100_000 } },
      ],
      { minimumPupils: 50 },
    ).junior;
    const equipment = junior.indicators.find((entry) => entry.id === "equipmentYuan")!;
    // X = 5000, 1000; X̄ = 3000; S = 2000; CV = 0.667 > 0.45
    expect(equipment.coefficientOfVariation).toBeCloseTo(2 / 3, 12);
    expect(equipment.passes).toBe(false);
    expect(junior.coefficientsPass).toBe(false);
    expect(junior.passes).toBe(false);
  });

  it("balanceEvaluation gives null results for a stage without counted schools", () => {
    const only = balanceEvaluation([{ id: "A", primaryPupils: 100, juniorPupils: 0, totals: SCHOOLS[0]!.totals }]);
    expect(only.junior.schoolsCounted).toBe(0);
    expect(only.junior.passes).toBeNull();
    expect(only.primary.passes).toBe(true);
    expect(only.passes).toBe(true);
  });

  it("balanceEvaluation throws on unknown totals, negative pupils, duplicate ids and bad options", () => {
    expect(() => balanceEvaluation([{ id: "A", primaryPupils: 1, juniorPupils: 0, totals: { books: 3 } as never }])).toThrow(/totals.books/);
    expect(() => balanceEvaluation([{ id: "A", primaryPupils: -1, juniorPupils: 0, totals: {} }])).toThrow(InputError);
    expect(() => balanceEvaluation([SCHOOLS[0]!, SCHOOLS[0]!])).toThrow(/unique/);
    expect(() => balanceEvaluation(SCHOOLS, { minimumPupils: -5 })).toThrow(RangeError);
    expect(() => balanceEvaluation(SCHOOLS, { coefficientLimits: { junior: 0 } })).toThrow(/coefficientLimits.junior/);
  });

  it("balanceEvaluation does not mutate its input", () => {
    const copy = structuredClone(SCHOOLS);
    balanceEvaluation(SCHOOLS);
    expect(SCHOOLS).toEqual(copy);
  });
});

describe("compareBalance", () => {
  it("compareBalance shows what moving pupils changes, with the totals staying at their school", () => {
    const before = balanceEvaluation(SCHOOLS.slice(0, 2));
    // 100 pupils move from B to A: A's values fall, B's rise
    const after = balanceEvaluation([{ ...SCHOOLS[0]!, primaryPupils: 200 }, { ...SCHOOLS[1]!, primaryPupils: 100 }]);
    const rows = compareBalance(before, after);
    const row = rows.find((entry) => entry.figure === "balance.primary.schools.A.values.qualifiedTeachers")!;
    expect(row.a).toBeCloseTo(5, 12);
    expect(row.b).toBeCloseTo(2.5, 12);
    expect(row.change).toBeCloseTo(-2.5, 12);
    expect(rows.find((entry) => entry.figure === "balance.primary.schools.B.passes")).toMatchObject({ a: false, b: true, change: null });
  });
});
