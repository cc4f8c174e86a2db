import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  candidateSites,
  CHINA_NORMS,
  checkPlan,
  generateCounty,
  roadNetworkFromGeoJSON,
  schoolSystemFromGeoJSON,
  type SchoolSystem,
  withNormOverrides,
} from "../../src/index.ts";
import { constructPlan } from "../../src/plan/heuristic/construct.ts";
import type { PlanDecisions } from "../../src/plan/heuristic/decisions.ts";
import { improvePlan } from "../../src/plan/heuristic/localSearch.ts";
import { PlanState } from "../../src/plan/heuristic/planState.ts";
import { loadHighs } from "../../src/solvers/highsRuntime.ts";
import { reassignLevel } from "../../src/plan/heuristic/transportation.ts";
import { preparePlan, type PreparedPlan } from "../../src/plan/solve/solvePlan.ts";
import { scoreDecisions } from "../../src/plan/heuristic/score.ts";
import { bruteForcePlan, CATCHMENTS, tinyPlanCase, tinySystem, type BruteForceOptions, type TinyPlanCase } from "../helpers/schoolSystems.ts";

const NO_LIMITS = { budgetYuanPerYear: null, maxMeanTravelMinutes: null } as const;

function limitsOf(prepared: PreparedPlan): { budgetYuanPerYear: number | null; maxMeanTravelMinutes: number | null } {
  const { rules } = prepared.context;
  return { budgetYuanPerYear: rules.budgetYuanPerYear, maxMeanTravelMinutes: rules.maxMeanTravelMinutes };
}

function objectiveOf(prepared: PreparedPlan, decisions: PlanDecisions, objective: "cost" | "travel"): number {
  const score = scoreDecisions(prepared.context, decisions);
  return objective === "cost" ? score.costs.total : score.travel.meanMinutes;
}

function check(system: SchoolSystem, prepared: PreparedPlan, decisions: PlanDecisions): ReturnType<typeof checkPlan> {
  const score = scoreDecisions(prepared.context, decisions);
  return checkPlan(system, { ...score, rules: prepared.context.rules, costFigures: prepared.context.costs });
}

/** The decisions that place each (settlement id, level) catchment at the named school, day pupils. */
function placeAt(prepared: PreparedPlan, open: readonly string[], at: Readonly<Record<string, string>>): PlanDecisions {
  const { system, choices } = prepared.context;
  const placements = [];
  for (let u = 0; u < choices.unitCount; u++) {
    const key = `${system.settlements[choices.unitSettlement[u]!]!.id}/${choices.unitLevel[u]}`;
    const school = system.schools.findIndex((s) => s.id === at[key]);
    let o = choices.choiceStart[u]!;
    while (o < choices.choiceStart[u + 1]! && !(choices.school[o] === school && choices.boarding[o] === 0)) o++;
    if (o === choices.choiceStart[u + 1]) throw new Error(`no day choice of ${key} at ${at[key]}`);
    placements.push({ unit: u, school, boarding: false, share: 1, minutes: choices.minutes[o]!, metres: choices.metres[o]! });
  }
  return { open: Uint8Array.from(system.schools, (s) => (open.includes(s.id) ? 1 : 0)), placements, minimumAddedBeds: new Float64Array(system.schools.length) };
}

/** The sampled cases whose construction gives a plan, with the prepared plan, the objective and that plan. */
function constructedCases(cases: readonly TinyPlanCase[]): Array<{ c: TinyPlanCase; prepared: PreparedPlan; objective: "cost" | "travel"; constructed: PlanDecisions }> {
  return cases.flatMap((c) => {
    const prepared = preparePlan(c.system, c.options);
    const objective = c.options.objective ?? "cost";
    const constructed = constructPlan(prepared.context, prepared.coverage, objective);
    return constructed === null ? [] : [{ c, prepared, objective, constructed }];
  });
}

/** Two villages of grade 1–3 pupils and two schools, minutes rows per village. */
function twoVillages(pupils: number, schools: Parameters<typeof tinySystem>[0]["schools"], minutes: number[][]): SchoolSystem {
  return tinySystem({ settlements: [{ id: "v1", pupils: { primary1to3: pupils } }, { id: "v2", pupils: { primary1to3: pupils } }], schools, minutes });
}

describe("improvePlan (local search)", () => {
  it("never raises the objective, keeps every rule (checkPlan) and never goes below the brute-force optimum, on generated tiny systems (with kicks)", async () => {
    const cases = [...fc.sample(tinyPlanCase(), { numRuns: 120, seed: 29_2026 }), ...fc.sample(tinyPlanCase({ township: true }), { numRuns: 40, seed: 30_2026 })];
    let improved = 0;
    let checked = 0;
    for (const { c, prepared, objective, constructed } of constructedCases(cases)) {
      const startsFeasible = check(c.system, prepared, constructed).ok;
      const result = await improvePlan(prepared.context, prepared.coverage, constructed, { objective, limits: limitsOf(prepared), kicks: 3 });
      const before = objectiveOf(prepared, constructed, objective);
      const after = objectiveOf(prepared, result, objective);
      expect(after).toBeLessThanOrEqual(before + 1e-9 * Math.max(1, before));
      if (after < before - 1e-6 * Math.max(1, before)) improved++;
      if (!startsFeasible) continue;
      checked++;
      const verdict = check(c.system, prepared, result);
      expect(verdict.violations).toEqual([]);
      const best = bruteForcePlan(c.system, c.options);
      expect(best).not.toBeNull();
      expect(after).toBeGreaterThanOrEqual(best!.objective - 1e-6 * Math.max(1, best!.objective));
    }
    // The sample must exercise the search: many feasible starts, some of them improved.
    expect(checked).toBeGreaterThan(50);
    expect(improved).toBeGreaterThan(5);
  });

  it("PlanState.moveChange equals the change of the recomputed objective for every move that keeps the rules, and is Infinity for every move that breaks one", () => {
    const cases = fc.sample(tinyPlanCase(), { numRuns: 80, seed: 31_2026 });
    let feasibleMoves = 0;
    let blockedMoves = 0;
    for (const { prepared, objective, constructed } of constructedCases(cases)) {
      const state = new PlanState(prepared.context, prepared.coverage, constructed, objective, limitsOf(prepared));
      if (!state.feasible()) continue;
      // The state's own accounting is the scorer's.
      expect(state.objective).toBeCloseTo(objectiveOf(prepared, constructed, objective), 6);
      const { choices } = prepared.context;
      for (let u = 0; u < choices.unitCount; u++) {
        const old = state.choiceOf[u]!;
        if (old < 0) continue;
        for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
          if (o === old || state.open[choices.school[o]!] !== 1) continue;
          const predicted = state.moveChange(u, o);
          const before = state.objective;
          state.move(u, o);
          const keeps = state.feasible();
          const actual = state.objective - before;
          state.move(u, old);
          if (keeps) {
            feasibleMoves++;
            expect(predicted).toBeCloseTo(actual, 6);
          } else {
            blockedMoves++;
            expect(predicted).toBe(Infinity);
          }
        }
      }
    }
    expect(feasibleMoves).toBeGreaterThan(20);
    expect(blockedMoves).toBeGreaterThan(5);
  });

  it("swaps two villages between two full schools (no single move fits)", async () => {
    const full = { type: "complete primary", tier: "village", classes: { primary1to3: 1 }, classrooms: 1, maxAddedClassrooms: 0 } as const;
    const system = twoVillages(30, [{ id: "A", ...full }, { id: "B", ...full }], [[20, 5], [5, 20]]);
    const options: BruteForceOptions = { ...CATCHMENTS, threeSchools: false };
    const prepared = preparePlan(system, options);
    const start = placeAt(prepared, ["A", "B"], { "v1/primary1to3": "A", "v2/primary1to3": "B" });
    const result = await improvePlan(prepared.context, prepared.coverage, start, { objective: "cost", limits: NO_LIMITS });
    const at = result.placements.map((p) => `${system.settlements[prepared.context.choices.unitSettlement[p.unit]!]!.id}→${system.schools[p.school]!.id}`);
    expect(at.sort()).toEqual(["v1→B", "v2→A"]);
    expect(objectiveOf(prepared, result, "cost")).toBeCloseTo(bruteForcePlan(system, options)!.objective, 3);
  });

  it("closes a school whose villages another can take (drop), and opens a candidate that shortens trips (add)", async () => {
    const school = { type: "complete primary", tier: "village", classes: { primary1to3: 1 }, classrooms: 2 } as const;
    const system = twoVillages(20, [{ id: "A", ...school }, { id: "B", ...school }], [[5, 6], [6, 5]]);
    const options: BruteForceOptions = { ...CATCHMENTS, threeSchools: false };
    const prepared = preparePlan(system, options);
    const start = placeAt(prepared, ["A", "B"], { "v1/primary1to3": "A", "v2/primary1to3": "B" });
    const result = await improvePlan(prepared.context, prepared.coverage, start, { objective: "cost", limits: NO_LIMITS });
    expect(Array.from(result.open).reduce((a, b) => a + b, 0)).toBe(1);
    expect(objectiveOf(prepared, result, "cost")).toBeCloseTo(bruteForcePlan(system, options)!.objective, 3);
  });

  it("keeps the budget while it lowers travel, and returns a plan that breaks a rule unchanged", async () => {
    const system = twoVillages(20, [
      { id: "A", type: "complete primary", tier: "village", classes: { primary1to3: 1 }, classrooms: 2 },
      { id: "B", type: "complete primary", tier: "village", existing: false, maxAddedClassrooms: 2 },
    ], [[5, 25], [25, 5]]);
    const options: BruteForceOptions = { ...CATCHMENTS, threeSchools: false, objective: "travel" };
    const prepared = preparePlan(system, options);
    const start = placeAt(prepared, ["A"], { "v1/primary1to3": "A", "v2/primary1to3": "A" });
    const cost = objectiveOf(prepared, start, "cost");
    // Opening B shortens v2's trip but costs more than the budget allows: the plan stays.
    const kept = await improvePlan(prepared.context, prepared.coverage, start, { objective: "travel", limits: { budgetYuanPerYear: cost, maxMeanTravelMinutes: null } });
    expect(Array.from(kept.open)).toEqual([1, 0]);
    const freed = await improvePlan(prepared.context, prepared.coverage, start, { objective: "travel", limits: NO_LIMITS });
    expect(Array.from(freed.open)).toEqual([1, 1]);
    expect(objectiveOf(prepared, freed, "travel")).toBeCloseTo(5, 9);
    // v2 placed at a closed school: the input breaks a rule and comes back as it was.
    const broken = placeAt(prepared, ["A"], { "v1/primary1to3": "A", "v2/primary1to3": "B" });
    expect(await improvePlan(prepared.context, prepared.coverage, broken, { objective: "cost", limits: NO_LIMITS })).toBe(broken);
  });

  it("reassignLevel rotates three villages among three full schools, which no move or swap of two improves", async () => {
    const full = { type: "complete primary", tier: "village", classes: { primary1to3: 1 }, classrooms: 1, maxAddedClassrooms: 0 } as const;
    const system = tinySystem({
      settlements: ["v1", "v2", "v3"].map((id) => ({ id, pupils: { primary1to3: 30 } })),
      schools: ["A", "B", "C"].map((id) => ({ id, ...full })),
      minutes: [[10, 1, 30], [30, 10, 1], [1, 30, 10]],
    });
    const options: BruteForceOptions = { ...CATCHMENTS, threeSchools: false };
    const prepared = preparePlan(system, options);
    const start = placeAt(prepared, ["A", "B", "C"], { "v1/primary1to3": "A", "v2/primary1to3": "B", "v3/primary1to3": "C" });
    const state = new PlanState(prepared.context, prepared.coverage, start, "cost", NO_LIMITS);
    const before = state.objective;
    expect(await reassignLevel(prepared.context, state, 0, "cost", 10)).toBe(true);
    const at = state.decisions().placements.map((p) => `${system.settlements[prepared.context.choices.unitSettlement[p.unit]!]!.id}→${system.schools[p.school]!.id}`);
    expect(at).toEqual(["v1→B", "v2→C", "v3→A"]);
    expect(state.objective).toBeLessThan(before);
    expect(state.objective).toBeCloseTo(bruteForcePlan(system, options)!.objective, 3);
    // Already optimal: nothing changes.
    expect(await reassignLevel(prepared.context, state, 0, "cost", 10)).toBe(false);
  });

  it("yields to the event loop during a long search, so that an abort set by a timer is seen before it ends", async () => {
    const county = generateCounty({ settlements: 300, seed: 7, townships: 8, population: 120_000, areaKm2: 800 });
    const levels = ["kindergarten", "primary1to3", "primary4to6", "junior"] as const;
    const travel = { network: roadNetworkFromGeoJSON(county.roads), modes: { primary1to3: "schoolBus" as const } };
    const candidates = candidateSites(county, { count: 45 });
    const { system } = schoolSystemFromGeoJSON({ settlements: county.settlements, schools: county.schools, candidates, levels, travel });
    // Kindergartens stand only at the seats here: no walking limit for them, so that a plan exists.
    const norms = withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { kindergarten: null } }, "test");
    const prepared = preparePlan(system, { norms });
    const constructed = constructPlan(prepared.context, prepared.coverage, "cost");
    expect(constructed).not.toBeNull();
    // HiGHS loaded beforehand: its first load waits on the event loop, which would let the timer fire anyway.
    await loadHighs();
    let fired = false;
    let seenBySearch = false;
    setTimeout(() => { fired = true; }, 0);
    const result = await improvePlan(prepared.context, prepared.coverage, constructed!, {
      objective: "cost",
      limits: NO_LIMITS,
      shouldStop: () => (seenBySearch ||= fired),
    });
    // The timer can only fire while the search waits on the event loop; the search then stopped on it.
    expect(seenBySearch).toBe(true);
    expect(objectiveOf(prepared, result, "cost")).toBeLessThanOrEqual(objectiveOf(prepared, constructed!, "cost"));
    expect(check(system, prepared, result).violations).toEqual([]);
  });
});
