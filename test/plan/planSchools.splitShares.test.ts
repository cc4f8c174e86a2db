import { readFileSync } from "node:fs";
import type { Feature, FeatureCollection, Point } from "geojson";
import { describe, expect, it } from "vitest";
import { dongyuanSchools, type DongyuanSettlement, type DongyuanSite } from "../../examples/dongyuan/schools.ts";
import { checkPlan, costOf, planSchools, planToJson, schoolSystemFromGeoJSON, type Plan, type SchoolSystem } from "../../src/index.ts";
import { planFromJson } from "../../src/io/planFromJson.ts";
import { constructPlan } from "../../src/plan/heuristic/construct.ts";
import { preparePlan } from "../../src/plan/solve/solvePlan.ts";
import { splitSettlements, splitShareRule } from "../../src/plan/result/splitShares.ts";
import { tinySystem, type LaidOutPlan } from "../helpers/schoolSystems.ts";

/**
 * A town seat of 1,043 grade 4–6 pupils beside a central primary C (5 minutes, 20 classrooms, full at 900 seats)
 * and eight required village primaries V1..V8 (20, 21, … 27 minutes; 2 classrooms, up to 4 more), each with 30
 * pupils of its own village in a class of 45: fifteen empty seats at each. Fractional shares fill those seats for
 * free (no class is added), spreading the seat's last 143 pupils thinly over every village school.
 */
function seatSystem(): SchoolSystem {
  const villages = 8;
  return tinySystem({
    settlements: [
      { id: "seat", pupils: { primary4to6: 1043 } },
      ...Array.from({ length: villages }, (_, k) => ({ id: `v${k + 1}`, pupils: { primary4to6: 30 } })),
    ],
    schools: [
      { id: "C", type: "complete primary", tier: "township", classrooms: 20, maxAddedClassrooms: 0, classes: { primary4to6: 20 } },
      ...Array.from({ length: villages }, (_, k) => ({ id: `V${k + 1}`, type: "complete primary" as const, tier: "village" as const, required: true, classrooms: 2, maxAddedClassrooms: 4 })),
    ],
    minutes: [
      [5, ...Array.from({ length: villages }, (_, k) => 20 + k)],
      ...Array.from({ length: villages }, (_, r) => [25, ...Array.from({ length: villages }, (_, k) => (k === r ? 5 : 45))]),
    ],
  });
}

const SEAT_PUPILS = 1043;
/** K = ⌈1,043 / 45⌉ = 24 parts of 43.458 pupils. */
const SEAT_PARTS = 24;
/** k = max(⌈1,043 / min(1,000, 900)⌉, 2 schools to hold 1,043 (900 + 270)) + 1 = 3. */
const SEAT_SHARES = 3;

/** The seat's pupils per school in a plan. */
function seatShares(plan: Pick<Plan, "assignments">): Map<string, number> {
  const shares = new Map<string, number>();
  for (const row of plan.assignments!) if (row.settlement === "seat") shares.set(row.school, (shares.get(row.school) ?? 0) + row.pupils);
  return shares;
}

/** The seat's schools by one-way minutes, nearest first. */
function byDistance(system: SchoolSystem): string[] {
  const minutes = system.travelMinutes.primary4to6!;
  return system.schools.map((school, j) => ({ id: school.id, t: costOf(minutes, 0, j) })).sort((a, b) => a.t - b.t).map((s) => s.id);
}

describe("split settlements take few shares of whole classes, nearest first", () => {
  it("splitShareRule gives K = ⌈p / κ⌉ parts and k from the threshold and the capacities, plus one", () => {
    expect(splitShareRule(SEAT_PUPILS, 45, 1000, [900, 270, 270])).toEqual({ parts: SEAT_PARTS, partPupils: SEAT_PUPILS / SEAT_PARTS, maxShares: SEAT_SHARES });
    // Small schools around force more shares: 1,043 needs four schools of 270, so k = 5.
    expect(splitShareRule(SEAT_PUPILS, 45, 1000, [270, 270, 270, 270, 270]).maxShares).toBe(5);
    // Never more shares than parts: 100 pupils are 3 parts.
    expect(splitShareRule(100, 45, 50, [60, 60, 60, 60])).toMatchObject({ parts: 3, maxShares: 3 });
  });

  it("fractional shares spread the seat over many schools; the split-share rule sends it to at most k schools in whole parts, the nearest", async () => {
    const system = seatSystem();
    // Catchments off: the continuous shares of the old model, which fill the empty seats of every village school.
    const free = await planSchools(system, { catchments: false, threeSchools: false });
    expect(free.status).toBe("optimal");
    expect(seatShares(free).size).toBeGreaterThan(SEAT_SHARES + 2);
    const plan = await planSchools(system, { threeSchools: false });
    expect(plan.status).toBe("optimal");
    const shares = seatShares(plan);
    expect(shares.size).toBeGreaterThanOrEqual(2);
    expect(shares.size).toBeLessThanOrEqual(SEAT_SHARES);
    for (const [school, pupils] of shares) {
      const parts = (pupils * SEAT_PARTS) / SEAT_PUPILS;
      expect(Math.abs(parts - Math.round(parts)), `${school}: ${pupils} pupils`).toBeLessThan(1e-6);
    }
    expect([...shares.keys()].sort()).toEqual(byDistance(system).slice(0, shares.size).sort());
    expect(checkPlan(system, plan as LaidOutPlan).violations).toEqual([]);
    // The rule costs money where the thin spread filled seats for free, never less.
    expect(plan.objective!).toBeGreaterThanOrEqual(free.objective! * (1 - 1e-9));
    // plan.json lists the split settlement, its rule and its shares nearest first.
    const json = planToJson(plan, system);
    expect(json.splitSettlements!.map((s) => [s.settlement, s.level, s.parts, s.maxShares])).toEqual([["seat", "primary4to6", SEAT_PARTS, SEAT_SHARES]]);
    const listed = json.splitSettlements![0]!.shares;
    expect(listed.map((s) => s.school)).toEqual(byDistance(system).filter((id) => shares.has(id)));
    expect(listed.reduce((sum, s) => sum + s.parts, 0)).toBeCloseTo(SEAT_PARTS, 2);
    // Read back from plan.json (pupils rounded to 0.01), the shares still count as whole parts.
    const read = planFromJson(JSON.parse(JSON.stringify(json)), system);
    expect(checkPlan(system, read as LaidOutPlan).violations.filter((v) => v.rule === "splitShares")).toEqual([]);
  });

  it("the construction heuristic places whole parts at the nearest open schools first, at most k of them", () => {
    const system = seatSystem();
    const prepared = preparePlan(system, { threeSchools: false });
    const decisions = constructPlan(prepared.context, prepared.coverage, "cost");
    expect(decisions).not.toBeNull();
    const { choices } = prepared.context;
    const seat = decisions!.placements.filter((p) => choices.unitSettlement[p.unit] === 0);
    expect(seat.length).toBeLessThanOrEqual(SEAT_SHARES);
    for (const p of seat) expect(Math.abs(p.share * SEAT_PARTS - Math.round(p.share * SEAT_PARTS))).toBeLessThan(1e-9);
    // C is full after 20 parts (900 seats ÷ 43.46); the four parts left go to V1, the nearest village school.
    const ids = seat.map((p) => system.schools[p.school]!.id).sort();
    expect(ids).toEqual(byDistance(system).slice(0, seat.length).sort());
    expect(seat.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 9);
  });

  it("checkPlan reports a split settlement at more schools than allowed and shares that are not whole parts, with the numbers", async () => {
    const system = seatSystem();
    const free = await planSchools(system, { catchments: false, threeSchools: false });
    // The thinly spread plan judged under catchments: only the split-share rule breaks.
    const judged = checkPlan(system, { ...(free as LaidOutPlan), rules: { ...free.rules, catchments: true } });
    expect(new Set(judged.violations.map((v) => v.rule))).toEqual(new Set(["splitShares"]));
    const tooMany = judged.violations.find((v) => v.message.includes("more than the"))!;
    expect(tooMany).toMatchObject({ settlement: "seat", level: "primary4to6" });
    expect(tooMany.message).toContain(`go to ${seatShares(free).size} schools`);
    expect(tooMany.message).toContain(`more than the ${SEAT_SHARES} a split settlement may have`);
    const notWhole = judged.violations.filter((v) => v.message.includes("not a whole number"));
    expect(notWhole.length).toBeGreaterThan(0);
    expect(notWhole[0]!.message).toContain(`${SEAT_PARTS} parts of 43.45833333`);
    // Under fractional classes only the number of schools is checked.
    const fractional = checkPlan(system, { ...(free as LaidOutPlan), rules: { ...free.rules, catchments: true, wholeClasses: false } });
    expect(fractional.violations.filter((v) => v.rule === "splitShares").length).toBe(1);
  });
});

describe("split shares on the Dongyuan demo inputs (two townships)", () => {
  const data = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/dongyuan/${name}`, import.meta.url), "utf8"));
  const TOWNS = ["441625109000", "441625110000"]; // 蓝口镇, 黄田镇
  /** A unit of data/dongyuan/settlements.geojson with the properties used here (data/README.md). */
  type Unit = DongyuanSettlement & { readonly placement: "source" | "placed"; readonly areaKm2: number };

  /**
   * 蓝口镇 and 黄田镇 as the demo had them when the fault was found: each township seat standing for the units
   * the source gives no point (placed by rule), so the seat has about 960 pupils of grades 4–6; schools as the demo
   * makes them, travel as the demo's fallback (great-circle × 1.3; grades 4–9 by bus at 30 km/h).
   */
  function twoTownships(): SchoolSystem {
    const all = data("settlements.geojson") as FeatureCollection<Point, Unit>;
    const sites = data("sites.geojson") as FeatureCollection<Point, DongyuanSite>;
    const { existing, candidates } = dongyuanSchools(all, sites);
    const levels = ["kindergarten", "primary1to3", "primary4to6", "junior"] as const;
    const features: Feature<Point, Unit>[] = [];
    for (const town of TOWNS) {
      const own = all.features.filter((f) => f.properties.town_code === town);
      const seat = own.find((f) => f.properties.at_seat)!;
      const placed = own.filter((f) => f.properties.placement !== "source" && f !== seat);
      const pupils = Object.fromEntries(levels.map((level) => [level, seat.properties[level] + placed.reduce((sum, f) => sum + f.properties[level], 0)]));
      const merged: Unit = { ...seat.properties, ...pupils, areaKm2: seat.properties.areaKm2 * (1 + placed.length) };
      features.push({ ...seat, properties: merged }, ...own.filter((f) => f.properties.placement === "source" && f !== seat));
    }
    const inTowns = (collection: FeatureCollection): FeatureCollection => ({ ...collection, features: collection.features.filter((f) => TOWNS.includes(String(f.properties!.township))) });
    return schoolSystemFromGeoJSON({
      settlements: { ...all, features },
      schools: inTowns(existing),
      candidates: inTowns(candidates),
      levels: [...levels],
      travel: { fallback: { speedKmPerHour: { primary4to6: 30, junior: 30 } }, modes: { kindergarten: "ebike", primary1to3: "ebike" } },
    }).system;
  }

  it("each seat's grade 4–9 pupils go to at most k schools in whole parts, and the plan passes checkPlan", async () => {
    const system = twoTownships();
    const plan = await planSchools(system, { splitAbovePupils: 500, timeLimitSeconds: 20, mipRelativeGap: 0.025, threeSchools: false });
    expect(plan.schools).toBeDefined();
    const splits = splitSettlements(system, plan.rules, plan.assignments!);
    expect(splits.filter((s) => s.level === "primary4to6").length).toBe(2);
    for (const split of splits) {
      expect(split.shares.length, `${split.settlement} ${split.level}`).toBeLessThanOrEqual(split.maxShares);
      for (const share of split.shares) expect(Math.abs(share.parts - Math.round(share.parts)), `${split.settlement} ${split.level} ${share.school}`).toBeLessThan(1e-6);
    }
    expect(checkPlan(system, plan as LaidOutPlan).violations).toEqual([]);
  }, 60_000);
});
