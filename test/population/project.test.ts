import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ENROLMENT_RATES,
  GUANGDONG_BIRTHS_SERIES,
  survivalToAge,
  SCENARIOS,
  guangdongCensusUnit,
  migrateOneYear,
  migrationRoutes,
  projectCounty,
  projectPopulation,
  projectionTotals,
  shareInYear,
  type ProjectionPlace,
  type Scenario,
  type Survival,
} from "../../src/population/index.ts";

/** No deaths. */
const IMMORTAL: Survival = { atBirth: 1, annual: new Array(19).fill(1), source: "test" };
/** No migration, births flat. */
const STILL: Scenario = { id: "still", label: "test", birthsGrowth: 0, migration: { ruralToTownshipSeat: 0, townshipSeatToCountySeat: 0, outOfCounty: 0 }, source: "test" };
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe("projectPopulation: hand-computed cases", () => {
  it("a cohort ages one year per year, and the year's births become age 0", () => {
    const ages = range(20).map((a) => 100 + a);
    const p = projectPopulation({ places: [{ id: "c", kind: "county", ages }], births: { 2020: 0, 2021: 7, 2022: 9 }, years: [2020, 2021, 2022], scenarios: [STILL], survival: IMMORTAL });
    const [y0, y1, y2] = p.rows.map((r) => r.ages);
    expect(y0).toEqual(ages);
    expect(y1).toEqual([7, ...ages.slice(0, 19)]);
    expect(y2).toEqual([9, 7, ...ages.slice(0, 18)]);
  });

  it("without migration or deaths, people are conserved: next total = total − age 19 + births", () => {
    const ages = range(20).map((a) => (a * 37) % 11);
    const p = projectPopulation({ places: [{ id: "c", kind: "county", ages }], births: { 2020: 5, 2021: 5 }, years: [2020, 2021, 2022, 2023], scenarios: [STILL], survival: IMMORTAL });
    for (let i = 1; i < p.rows.length; i++) {
      const before = p.rows[i - 1]!.ages;
      expect(sum(p.rows[i]!.ages)).toBeCloseTo(sum(before) - before[19]! + 5, 9);
    }
  });

  it("survival shrinks each cohort by its rate; births past the known series follow the scenario's growth from the mean of the last two years", () => {
    const survival: Survival = { atBirth: 0.5, annual: new Array(19).fill(0.9), source: "test" };
    const grow: Scenario = { ...STILL, id: "grow", birthsGrowth: 0.1 };
    const p = projectPopulation({ places: [{ id: "c", kind: "county", ages: new Array(20).fill(10) }], births: { 2019: 100, 2020: 200 }, years: [2021, 2022], scenarios: [grow], survival });
    expect(p.rows[0]!.ages[0]).toBeCloseTo(150 * 1.1 * 0.5, 9);
    expect(p.rows[0]!.ages[5]).toBeCloseTo(9, 9);
    expect(p.rows[1]!.ages[0]).toBeCloseTo(150 * 1.21 * 0.5, 9);
    expect(p.rows[1]!.ages[5]).toBeCloseTo(8.1, 9);
    expect(p.timeline.map((t) => t.births)).toEqual([200, expect.closeTo(165, 9), expect.closeTo(181.5, 9)]);
  });

  it("enrolment: grade g holds age 5 + g times the entry rate (kindergarten 90 %, compulsory 100 %, senior 60 %)", () => {
    const ages = range(20).map((a) => 10 * a);
    const [row] = projectPopulation({ places: [{ id: "c", kind: "county", ages }], births: { 2020: 0 }, years: [2020] }).rows;
    expect(row!.enrolment.kindergarten).toBeCloseTo(0.9 * (30 + 40 + 50), 9);
    expect(row!.enrolment.primary1to3).toBe(60 + 70 + 80);
    expect(row!.enrolment.primary4to6).toBe(90 + 100 + 110);
    expect(row!.enrolment.junior).toBe(120 + 130 + 140);
    expect(row!.enrolment.senior).toBeCloseTo(0.6 * (150 + 160 + 170), 9);
    const halfOn = { ...DEFAULT_ENROLMENT_RATES, transition: { ...DEFAULT_ENROLMENT_RATES.transition, junior: { value: 0.5, source: "test", tag: "override" as const } } };
    const [row2] = projectPopulation({ places: [{ id: "c", kind: "county", ages }], births: { 2020: 0 }, years: [2020], enrolment: halfOn }).rows;
    expect(row2!.enrolment.junior).toBe(120 + 130 * 0.5 + 140 * 0.25);
  });
});

describe("migration", () => {
  const places: ProjectionPlace[] = [
    { id: "v1", kind: "rural", township: "A", ages: new Array(20).fill(100) },
    { id: "v2", kind: "rural", township: "B", ages: new Array(20).fill(50) },
    { id: "sA", kind: "townshipSeat", township: "A", ages: new Array(20).fill(20) },
    { id: "seat", kind: "countySeat", township: "C", ages: new Array(20).fill(30) },
  ];

  it("moves rural children to their township's seat (or the county seat where the township has none), seat children to the county seat (hand-computed)", () => {
    const routes = migrationRoutes(places);
    expect(routes.destinations).toEqual([[2], [3], [3], []]);
    const { ages, flows } = migrateOneYear(places.map((p) => p.ages), places, routes, { ruralToTownshipSeat: 0.1, townshipSeatToCountySeat: 0.5, outOfCounty: 0 });
    expect(ages[0]![3]).toBeCloseTo(90, 12);
    expect(ages[1]![3]).toBeCloseTo(45, 12);
    expect(ages[2]![3]).toBeCloseTo(20 - 10 + 10, 12);
    expect(ages[3]![3]).toBeCloseTo(30 + 5 + 10, 12);
    expect(flows.toTownshipSeats).toBeCloseTo(20 * 15, 9);
    expect(flows.toCountySeat).toBeCloseTo(20 * 10, 9);
  });

  it("moves children without creating them: the sum after plus those who left equals the sum before", () => {
    const share = fc.double({ min: 0, max: 0.99, noNaN: true });
    fc.assert(
      fc.property(share, share, share, fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 80, maxLength: 80 }), (r, s, o, counts) => {
        const ages = places.map((_, p) => counts.slice(20 * p, 20 * p + 20));
        const { ages: after, flows } = migrateOneYear(ages, places, migrationRoutes(places), { ruralToTownshipSeat: r, townshipSeatToCountySeat: s, outOfCounty: o });
        expect(sum(after.flat()) + flows.outOfCounty).toBeCloseTo(sum(counts), 6);
        for (const n of after.flat()) expect(n).toBeGreaterThanOrEqual(-1e-9);
      }),
    );
  });

  it("shares keyed by year hold from their year until the next", () => {
    const shares = { "2025": 0.02, "2030": 0.01 };
    expect([2024, 2025, 2029, 2030, 2040].map((y) => shareInYear(shares, y))).toEqual([0, 0.02, 0.02, 0.01, 0.01]);
    expect(shareInYear(0.03, 2024)).toBe(0.03);
  });

  it("splitting a county over settlements moves children inside it but keeps the county's totals", () => {
    const unit = guangdongCensusUnit("441625");
    const years = [2020, 2025, 2030];
    const one = projectCounty(unit, { years, scenarios: [SCENARIOS.low] });
    const settlements = places.map((p, i) => ({ id: p.id, kind: p.kind, township: p.township!, weight: i + 1 }));
    const split = projectCounty(unit, { years, scenarios: [SCENARIOS.low], settlements });
    const totals = projectionTotals(split);
    years.forEach((_, i) => totals[i]!.ages.forEach((n, a) => expect(n).toBeCloseTo(one.rows[i]!.ages[a]!, 6)));
    // The county seat's share of the county's children grows.
    const shares = split.rows.filter((r) => r.place === "seat").map((r) => sum(r.ages) / sum(totals.find((t) => t.year === r.year)!.ages));
    expect(shares[2]).toBeGreaterThan(shares[0]!);
  });
});

describe("projectCounty on 东源县", () => {
  const unit = guangdongCensusUnit("441625");
  const projection = projectCounty(unit, { years: [2020, 2025, 2030, 2035], scenarios: [SCENARIOS.low, SCENARIOS.medium, SCENARIOS.high] });

  it("reproduces the 2020 census in the base year (ages 5–9 27,624, 10–14 29,798)", () => {
    for (const scenario of ["low", "medium", "high"]) {
      const base = projection.rows.find((r) => r.year === 2020 && r.scenario === scenario)!;
      expect(base.ages[0]).toBe(3292);
      expect(sum(base.ages.slice(1, 5))).toBeCloseTo(17536, 6);
      expect(sum(base.ages.slice(5, 10))).toBeCloseTo(27624, 6);
      expect(sum(base.ages.slice(10, 15))).toBeCloseTo(29798, 6);
      expect(sum(base.ages.slice(15, 20))).toBeCloseTo(26542, 6);
    }
  });

  it("orders the scenarios: low ≤ medium ≤ high at every level and year, and primary pupils fall as births fell after 2017", () => {
    for (const year of [2025, 2030, 2035]) {
      const at = (s: string) => projection.rows.find((r) => r.year === year && r.scenario === s)!.enrolment;
      for (const level of ["kindergarten", "primary1to3", "primary4to6", "junior", "senior"] as const) {
        expect(at("low")[level]).toBeLessThanOrEqual(at("medium")[level]);
        expect(at("medium")[level]).toBeLessThanOrEqual(at("high")[level]);
      }
    }
    const primary = (year: number) => projection.rows.find((r) => r.year === year && r.scenario === "medium")!.enrolment.primary1to3;
    expect(primary(2030)).toBeLessThan(primary(2020));
  });

  it("more births never give fewer pupils: in a known year after the census, or a faster growth after the last", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2024 }), fc.double({ min: 1, max: 5000, noNaN: true }), (year, extra) => {
        const more = { ...projection.births, [year]: projection.births[year]! + extra };
        const base = projectCounty(unit, { years: [2035], births: projection.births });
        const bigger = projectCounty(unit, { years: [2035], births: more });
        for (const level of ["kindergarten", "primary1to3", "primary4to6", "junior", "senior"] as const) {
          expect(bigger.rows[0]!.enrolment[level]).toBeGreaterThanOrEqual(base.rows[0]!.enrolment[level] - 1e-9);
        }
      }),
      { numRuns: 30 },
    );
    const growth = (g: number) => projectCounty(unit, { years: [2040], scenarios: [{ ...SCENARIOS.medium, birthsGrowth: g }] }).rows[0]!.enrolment;
    for (const [slower, faster] of [[-0.05, -0.02], [-0.02, 0], [0, 0.03]] as const) {
      for (const level of ["kindergarten", "primary1to3", "primary4to6", "junior", "senior"] as const) expect(growth(faster)[level]).toBeGreaterThan(growth(slower)[level]);
    }
  });

  it("the county's births: its census age 0 per provincial birth; cohorts grow to age 1 by its census ratio of ages 1–4; its own figures win", () => {
    const s = projection.survival;
    const share = 3292 / (GUANGDONG_BIRTHS_SERIES[2020]! * s.atBirth);
    expect(projection.birthsShare).toBeCloseTo(share, 12);
    let oneToFour = 0;
    for (let age = 1; age <= 4; age++) oneToFour += GUANGDONG_BIRTHS_SERIES[2020 - age]! * share * survivalToAge(s, age);
    expect(projection.ageOneFactor).toBeCloseTo(17536 / oneToFour, 12);
    // The 2020 cohort (census age 0) is no dip between its neighbours five years on.
    const ages2025 = projection.rows.find((r) => r.year === 2025 && r.scenario === "medium")!.ages;
    expect(ages2025[5]).toBeGreaterThan(Math.min(ages2025[4]!, ages2025[6]!));
    expect(projection.births[2023]).toBeCloseTo(1_030_000 * projection.birthsShare, 6);
    const own = projectCounty(unit, { years: [2022], births: { 2021: 1000, 2022: 2000 } });
    expect(own.births[2021]).toBe(1000);
    // The default scenario (medium) sends 0.5 % a year out of the county.
    expect(own.rows[0]!.ages[0]).toBeCloseTo(2000 * own.survival.atBirth * (1 - 0.005), 9);
    expect(own.birthsRule).toMatch(/own births/);
  });
});

describe("projectPopulation: bad input", () => {
  const place = { id: "c", kind: "county" as const, ages: new Array(20).fill(1) };
  it("names the field and the value", () => {
    expect(() => projectPopulation({ places: [place], births: {}, years: [2019] })).toThrow(/"years\[0\]": must be a whole year from the base year 2020 to 2050, got 2019/);
    expect(() => projectPopulation({ places: [place], births: {}, years: [2025, 2021] })).toThrow(/ascending/);
    expect(() => projectPopulation({ places: [{ ...place, ages: [1, 2] }], births: {}, years: [2020] })).toThrow(/places 0 \(id "c"\), "ages"/);
    expect(() => projectPopulation({ places: [{ ...place, kind: "town" as "rural" }], births: {}, years: [2020] })).toThrow(/"kind": must be one of/);
    expect(() => projectPopulation({ places: [place, place], births: {}, years: [2020] })).toThrow(/duplicate/);
    expect(() => projectPopulation({ places: [place], births: { 2020: -1 }, years: [2020] })).toThrow(/"births": must be a finite number ≥ 0, got -1/);
    expect(() => projectPopulation({ places: [place], births: {}, years: [2021] })).toThrow(/"births": needs at least one year/);
    expect(() => projectPopulation({ places: [place], births: { 2020: 1 }, years: [2020], scenarios: [STILL, STILL] })).toThrow(/ids must differ/);
  });

  it("does not change its inputs", () => {
    const ages = new Array(20).fill(3);
    const frozen = Object.freeze({ id: "c", kind: "rural" as const, ages: Object.freeze([...ages]) });
    projectPopulation({ places: [frozen], births: Object.freeze({ 2020: 4 }), years: [2020, 2030], scenarios: [SCENARIOS.medium] });
    expect(frozen.ages).toEqual(ages);
  });
});
