import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { denseCostMatrix, formCommunities, type CommunityOptions, type CommunitySchool } from "../../src/index.ts";

interface Case {
  readonly schools: CommunitySchool[];
  readonly minutes: number[][];
  readonly options: Omit<CommunityOptions, "travelMinutes">;
}

const caseArbitrary: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    kinds: fc.array(fc.constantFrom("lead", "both", "hub", "hub", "member", "member"), { minLength: n, maxLength: n }),
    pupils: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: n, maxLength: n }),
    minutes: fc.array(fc.array(fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    k: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    minK: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    leadHub: fc.constantFrom(30, 45, Infinity),
    hubMember: fc.constantFrom(30, 45, Infinity),
    allowDirect: fc.boolean(),
    maxSchools: fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined, freq: 3 }),
    maxPupils: fc.option(fc.integer({ min: 400, max: 1500 }), { nil: undefined, freq: 3 }),
    minSchools: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined, freq: 4 }),
    minPupils: fc.option(fc.integer({ min: 100, max: 500 }), { nil: undefined, freq: 4 }),
    weighted: fc.boolean(),
  }).map((r): Case => ({
    schools: r.kinds.map((kind, s) => ({ id: `S${s}`, pupils: r.pupils[s]!, leadEligible: kind === "lead" || kind === "both", hubEligible: kind === "hub" || kind === "both" })),
    minutes: r.minutes,
    options: {
      ...(r.k === undefined ? (r.minK === undefined ? {} : { minK: r.minK }) : { k: r.k }),
      maxLeadHubMinutes: r.leadHub,
      maxHubMemberMinutes: r.hubMember,
      allowDirect: r.allowDirect,
      ...(r.maxSchools === undefined ? {} : { maxSchools: r.maxSchools }),
      ...(r.maxPupils === undefined ? {} : { maxPupils: r.maxPupils }),
      ...(r.minSchools === undefined ? {} : { minSchools: Math.min(r.minSchools, r.maxSchools ?? Infinity) }),
      ...(r.minPupils === undefined ? {} : { minPupils: Math.min(r.minPupils, r.maxPupils ?? Infinity) }),
      ...(r.weighted ? { linkWeight: (_from: number, to: number) => 1 + r.pupils[to]! / 100 } : {}),
    },
  })),
);

type Role = { kind: "lead" } | { kind: "hub"; lead: number } | { kind: "member"; hub: number } | { kind: "direct"; lead: number };

/** The least Σ weight × minutes over every assignment of roles meeting the rules, or null. */
function bruteForce(c: Case): number | null {
  const n = c.schools.length;
  const o = c.options;
  const t = (a: number, b: number): number => c.minutes[a]![b]!;
  const weight = o.linkWeight ?? (() => 1);
  const choices = c.schools.map((school, s): Role[] => {
    const list: Role[] = [];
    if (school.leadEligible) list.push({ kind: "lead" });
    for (let x = 0; x < n; x++) {
      if (x === s || t(x, s) === Infinity) continue;
      if (school.hubEligible && c.schools[x]!.leadEligible && t(x, s) <= o.maxLeadHubMinutes!) list.push({ kind: "hub", lead: x });
      if (c.schools[x]!.hubEligible && t(x, s) <= o.maxHubMemberMinutes!) list.push({ kind: "member", hub: x });
      if (o.allowDirect && c.schools[x]!.leadEligible && t(x, s) <= o.maxLeadHubMinutes!) list.push({ kind: "direct", lead: x });
    }
    return list;
  });
  let best: number | null = null;
  const roles: Role[] = [];
  const evaluate = (): void => {
    const leadOf = new Array<number>(n).fill(-1);
    for (let s = 0; s < n; s++) if (roles[s]!.kind === "lead") leadOf[s] = s;
    let total = 0;
    for (let s = 0; s < n; s++) {
      const r = roles[s]!;
      if (r.kind === "hub" || r.kind === "direct") {
        if (roles[r.lead]!.kind !== "lead") return;
        leadOf[s] = r.lead;
        total += weight(r.lead, s) * t(r.lead, s);
      }
    }
    for (let s = 0; s < n; s++) {
      const r = roles[s]!;
      if (r.kind === "member") {
        if (roles[r.hub]!.kind !== "hub") return;
        leadOf[s] = leadOf[r.hub]!;
        total += weight(r.hub, s) * t(r.hub, s);
      }
    }
    const leads = leadOf.filter((l, s) => l === s).length;
    if (o.k !== undefined && leads !== o.k) return;
    if (leads < (o.k ?? o.minK ?? 1)) return;
    for (let l = 0; l < n; l++) {
      if (leadOf[l] !== l) continue;
      const inIt = leadOf.map((x, s) => (x === l ? s : -1)).filter((s) => s >= 0);
      if (o.maxSchools !== undefined && inIt.length > o.maxSchools) return;
      const pupils = inIt.reduce((sum, s) => sum + c.schools[s]!.pupils!, 0);
      if (o.maxPupils !== undefined && pupils > o.maxPupils) return;
      if (inIt.length < (o.minSchools ?? 1) || pupils < (o.minPupils ?? 0)) return;
    }
    best = best === null ? total : Math.min(best, total);
  };
  const visit = (s: number): void => {
    if (s === n) { evaluate(); return; }
    for (const role of choices[s]!) { roles[s] = role; visit(s + 1); }
  };
  visit(0);
  return best;
}

const optionsOf = (c: Case): CommunityOptions => ({ ...c.options, travelMinutes: denseCostMatrix(c.minutes.flat(), c.schools.length, c.schools.length, "minutes") });

describe("formCommunities", () => {
  it("agrees with brute force on tiny sets: the least weighted link travel, one lead per community, every link within its limit", async () => {
    const cases = fc.sample(caseArbitrary, { numRuns: 400, seed: 21_2026 });
    let feasible = 0;
    let infeasible = 0;
    for (const c of cases) {
      const plan = await formCommunities(c.schools, optionsOf(c));
      const best = bruteForce(c);
      if (best === null) {
        infeasible++;
        expect(plan.status, JSON.stringify(c)).toBe("infeasible");
        expect(plan.reasons.length).toBeGreaterThan(0);
        continue;
      }
      feasible++;
      expect(plan.status, JSON.stringify(c)).toBe("optimal");
      expect(plan.objective!).toBeCloseTo(best, 6);
      // The structure: one lead per community, hubs join their lead, members their hub (or lead) within the limits.
      const byId = new Map(plan.memberships.map((m) => [m.school, m]));
      const index = (id: string): number => Number(id.slice(1));
      for (const m of plan.memberships) {
        const lead = byId.get(m.lead)!;
        expect(lead.role).toBe("lead");
        expect(c.schools[index(m.lead)]!.leadEligible).toBe(true);
        if (m.role === "hub") {
          expect(c.schools[index(m.school)]!.hubEligible).toBe(true);
          expect(c.minutes[index(m.lead)]![index(m.school)]!).toBeLessThanOrEqual(c.options.maxLeadHubMinutes!);
        }
        if (m.role === "member" && m.hub !== null) {
          expect(byId.get(m.hub)!.role).toBe("hub");
          expect(byId.get(m.hub)!.lead).toBe(m.lead);
          expect(c.minutes[index(m.hub)]![index(m.school)]!).toBeLessThanOrEqual(c.options.maxHubMemberMinutes!);
        }
        if (m.role === "member" && m.hub === null) expect(c.options.allowDirect).toBe(true);
      }
      expect(plan.communities.reduce((sum, community) => sum + community.schools, 0)).toBe(c.schools.length);
      for (const community of plan.communities) {
        if (c.options.maxSchools !== undefined) expect(community.schools).toBeLessThanOrEqual(c.options.maxSchools);
        if (c.options.maxPupils !== undefined) expect(community.pupils).toBeLessThanOrEqual(c.options.maxPupils);
        expect(community.schools).toBeGreaterThanOrEqual(c.options.minSchools ?? 1);
        expect(community.pupils).toBeGreaterThanOrEqual(c.options.minPupils ?? 0);
      }
    }
    expect(feasible).toBeGreaterThan(30);
    expect(infeasible).toBeGreaterThan(20);
  });

  it("does not change its objective when the schools are renamed or reordered", async () => {
    for (const c of fc.sample(caseArbitrary, { numRuns: 60, seed: 22_2026 }).filter((x) => x.options.linkWeight === undefined)) {
      const first = await formCommunities(c.schools, optionsOf(c));
      const order = c.schools.map((_, s) => s).reverse();
      const reordered: Case = { ...c, schools: order.map((s) => ({ ...c.schools[s]!, id: `x${c.schools[s]!.id}` })), minutes: order.map((a) => order.map((b) => c.minutes[a]![b]!)) };
      const second = await formCommunities(reordered.schools, optionsOf(reordered));
      expect(second.status).toBe(first.status);
      if (first.objective !== null) expect(second.objective!).toBeCloseTo(first.objective, 6);
    }
  });

  it("names why: too few leads, a school out of every hub's reach, or the rules together", async () => {
    const travelMinutes = denseCostMatrix([0, 10, 50, 10, 0, 50, 50, 50, 0], 3, 3, "minutes");
    const schools: CommunitySchool[] = [{ id: "城区一小", leadEligible: true }, { id: "镇中心小学", hubEligible: true }, { id: "远村小学" }];
    const far = await formCommunities(schools, { travelMinutes, maxHubMemberMinutes: 30 });
    expect(far.status).toBe("infeasible");
    expect(far.reasons).toEqual([{ code: "unreachable", message: "远村小学: may not lead, and no hub that a lead reaches is within 30 min of it", schools: ["远村小学"] }]);
    const two = await formCommunities(schools, { travelMinutes, k: 2 });
    expect(two.reasons[0]!.message).toBe("2 communities need 2 leads; 1 schools may lead");
    const crowded = await formCommunities(schools, { travelMinutes, maxSchools: 2 });
    expect(crowded.reasons[0]!.code).toBe("conflict");
    const ok = await formCommunities(schools, { travelMinutes });
    expect(ok.status).toBe("optimal");
    expect(ok.memberships.map((m) => [m.school, m.role, m.hub, m.lead])).toEqual([["城区一小", "lead", null, "城区一小"], ["镇中心小学", "hub", null, "城区一小"], ["远村小学", "member", "镇中心小学", "城区一小"]]);
    expect(ok.objective).toBe(60);
  });

  it("refuses bad input, naming the field and the value", async () => {
    const travelMinutes = denseCostMatrix([0], 1, 1, "minutes");
    await expect(formCommunities([{ id: "A", pupils: -1 }], { travelMinutes })).rejects.toThrow(`schools 0 (id "A"), "pupils": must be a finite number ≥ 0, got -1`);
    await expect(formCommunities([{ id: "A" }, { id: "A" }], { travelMinutes })).rejects.toThrow(/repeats another school's id/);
    await expect(formCommunities([{ id: "A" }, { id: "B" }], { travelMinutes })).rejects.toThrow(/must be square over the schools: 2 × 2, got "1 × 1"/);
    await expect(formCommunities([{ id: "A", leadEligible: true }], { travelMinutes, k: 0 })).rejects.toThrow(/"k": must be a whole number ≥ 1/);
    await expect(formCommunities([{ id: "A", leadEligible: true }], { travelMinutes, k: 1, minK: 1 })).rejects.toThrow(/"minK": goes with k unset/);
    await expect(formCommunities([{ id: "A", leadEligible: true }], { travelMinutes, maxSchools: 0 })).rejects.toThrow(/"maxSchools": must be a number ≥ 1/);
  });
});
