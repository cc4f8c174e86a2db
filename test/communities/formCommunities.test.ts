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

/** A case with the optional rules (townships kept whole, levels matched, contiguity, the fewest communities) and loose limits. */
const rulesArbitrary: fc.Arbitrary<Case> = fc.integer({ min: 3, max: 6 }).chain((n) =>
  fc.record({
    kinds: fc.array(fc.constantFrom("lead", "both", "hub", "member", "member"), { minLength: n, maxLength: n }),
    minutes: fc.array(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    minK: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    leadHub: fc.constantFrom(40, Infinity),
    hubMember: fc.constantFrom(40, Infinity),
    allowDirect: fc.boolean(),
    maxSchools: fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined, freq: 3 }),
    townships: fc.option(fc.array(fc.constantFrom("T1", "T2", "T3", "T4"), { minLength: n, maxLength: n }), { nil: undefined, freq: 2 }),
    levels: fc.option(fc.array(fc.constantFrom(["k"], ["p"], ["k", "p"], ["k", "p"]), { minLength: n, maxLength: n }), { nil: undefined, freq: 2 }),
    edges: fc.option(fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { minLength: n, maxLength: 2 * n }), { nil: undefined, freq: 2 }),
    fewest: fc.boolean(),
  }).map((r): Case => ({
    schools: r.kinds.map((kind, s) => ({
      id: `S${s}`, pupils: 100, leadEligible: kind === "lead" || kind === "both", hubEligible: kind === "hub" || kind === "both",
      ...(r.townships === undefined ? {} : { township: r.townships[s]! }), ...(r.levels === undefined ? {} : { levels: r.levels[s]! }),
    })),
    minutes: r.minutes,
    options: {
      ...(r.minK === undefined ? {} : { minK: r.minK }),
      maxLeadHubMinutes: r.leadHub,
      maxHubMemberMinutes: r.hubMember,
      allowDirect: r.allowDirect,
      ...(r.maxSchools === undefined ? {} : { maxSchools: r.maxSchools }),
      ...(r.townships === undefined ? {} : { keepTownshipsWhole: true }),
      ...(r.levels === undefined ? {} : { matchLevels: true }),
      ...(r.edges === undefined ? {} : { neighbours: r.edges.filter(([a, b]) => a !== b).map(([a, b]) => [`S${a}`, `S${b}`] as const) }),
      ...(r.fewest ? { fewest: true } : {}),
    },
  })),
);

type Role = { kind: "lead" } | { kind: "hub"; lead: number } | { kind: "member"; hub: number } | { kind: "direct"; lead: number };

/** The least [communities (with `fewest`, else 0), Σ weight × minutes] over every assignment of roles meeting the rules, or null. */
function bruteForce(c: Case): [number, number] | null {
  const n = c.schools.length;
  const o = c.options;
  const t = (a: number, b: number): number => c.minutes[a]![b]!;
  const weight = o.linkWeight ?? (() => 1);
  const share = (a: number, b: number): boolean => !o.matchLevels || (c.schools[a]!.levels ?? []).some((level) => (c.schools[b]!.levels ?? []).includes(level));
  const choices = c.schools.map((school, s): Role[] => {
    const list: Role[] = [];
    if (school.leadEligible) list.push({ kind: "lead" });
    for (let x = 0; x < n; x++) {
      if (x === s || t(x, s) === Infinity || !share(x, s)) continue;
      if (school.hubEligible && c.schools[x]!.leadEligible && t(x, s) <= o.maxLeadHubMinutes!) list.push({ kind: "hub", lead: x });
      if (c.schools[x]!.hubEligible && t(x, s) <= o.maxHubMemberMinutes!) list.push({ kind: "member", hub: x });
      if (o.allowDirect && c.schools[x]!.leadEligible && t(x, s) <= o.maxLeadHubMinutes!) list.push({ kind: "direct", lead: x });
    }
    return list;
  });
  let best: [number, number] | null = null;
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
        if (!share(s, leadOf[s]!)) return;
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
      if (o.neighbours !== undefined) {
        const reached = new Set([l]);
        const queue = [l];
        while (queue.length > 0) {
          const x = queue.pop()!;
          for (const [a, b] of o.neighbours.map(([p, q]) => [Number(p.slice(1)), Number(q.slice(1))])) {
            for (const [from, to] of [[a, b], [b, a]] as const) if (from === x && leadOf[to] === l && !reached.has(to)) { reached.add(to); queue.push(to); }
          }
        }
        if (reached.size !== inIt.length) return;
      }
    }
    if (o.keepTownshipsWhole) for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (c.schools[a]!.township === c.schools[b]!.township && leadOf[a] !== leadOf[b]) return;
    const value: [number, number] = [o.fewest ? leads : 0, total];
    if (best === null || value[0] < best[0] || (value[0] === best[0] && value[1] < best[1])) best = value;
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
      expect(plan.objective!).toBeCloseTo(best[1], 6);
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
    expect(far.reasons).toEqual([{ code: "unreachable", message: "远村小学 may not lead, and no hub that a lead reaches can take it; the nearest hub a lead reaches is 镇中心小学, 50 min away, beyond the hub → member limit of 30 min", schools: ["远村小学"] }]);
    const direct = await formCommunities(schools, { travelMinutes, maxHubMemberMinutes: 30, maxLeadHubMinutes: 40, allowDirect: true });
    expect(direct.reasons[0]!.message).toMatch(/the nearest lead, 城区一小, is 50 min away \(limit 40 min\)$/);
    const named = await formCommunities(schools.map((school, k) => ({ ...school, name: `${school.id}学校`, id: `S${k}` })), { travelMinutes, maxHubMemberMinutes: 30 });
    expect(named.reasons[0]!.message).toMatch(/^远村小学学校 \(S2\) may not lead, .* the nearest hub a lead reaches is 镇中心小学学校 \(S1\), 50 min away/);
    const hubFar = await formCommunities(schools, { travelMinutes, maxLeadHubMinutes: 5 });
    expect(hubFar.reasons.find((r) => r.schools[0] === "镇中心小学")!.message).toContain("as a hub, the nearest lead is 城区一小, 10 min away, beyond the lead → hub limit of 5 min; no lead reaches any hub within 5 min (its own nearest lead, 城区一小, is 10 min away)");
    const noLevels = await formCommunities(schools, { travelMinutes, matchLevels: true });
    expect(noLevels.reasons[0]!.message).toContain("with levels matched, it has no levels, so it shares none");
    const none = await formCommunities([{ id: "A" }], { travelMinutes: denseCostMatrix([0], 1, 1, "minutes") });
    expect(none.reasons[0]!.message).toBe("1 community needs 1 lead; no school may lead");
    const two = await formCommunities(schools, { travelMinutes, k: 2 });
    expect(two.reasons[0]!.message).toBe("2 communities need 2 leads; 1 school may lead");
    const crowded = await formCommunities(schools, { travelMinutes, maxSchools: 2 });
    expect(crowded.reasons).toEqual([{ code: "size", message: "at most 1 community (the schools that may lead) of at most 2 schools hold 1 × 2 = 2 schools; there are 3", schools: [] }]);
    const many = await formCommunities([...schools, { id: "城区二小", leadEligible: true }], { travelMinutes: denseCostMatrix(new Array(16).fill(5), 4, 4, "minutes"), k: 2, minSchools: 3 });
    expect(many.reasons[0]!.message).toBe("2 communities of at least 3 schools need 2 × 3 = 6 schools; there are 4");
    const conflict = await formCommunities(schools, { travelMinutes, maxPupils: 0, minSchools: 2, maxLeadHubMinutes: 5 });
    expect(conflict.status).toBe("infeasible");
    const ok = await formCommunities(schools, { travelMinutes });
    expect(ok.status).toBe("optimal");
    expect(ok.memberships.map((m) => [m.school, m.role, m.hub, m.lead])).toEqual([["城区一小", "lead", null, "城区一小"], ["镇中心小学", "hub", null, "城区一小"], ["远村小学", "member", "镇中心小学", "城区一小"]]);
    expect(ok.objective).toBe(60);
  });

  it("agrees with brute force under the optional rules: townships kept whole, levels matched, contiguity, the fewest communities", async () => {
    const cases = fc.sample(rulesArbitrary, { numRuns: 600, seed: 23_2026 });
    const counts = { feasible: 0, infeasible: 0, cut: 0, fewest: 0 };
    for (const c of cases) {
      const plan = await formCommunities(c.schools, optionsOf(c));
      const best = bruteForce(c);
      if (best === null) {
        counts.infeasible++;
        expect(plan.status, JSON.stringify(c)).toBe("infeasible");
        expect(plan.reasons.length).toBeGreaterThan(0);
        continue;
      }
      counts.feasible++;
      expect(plan.status, JSON.stringify(c)).toBe("optimal");
      expect(plan.objective!, JSON.stringify(c)).toBeCloseTo(best[1], 6);
      if (c.options.fewest === true) {
        counts.fewest++;
        expect(plan.fewest).toEqual({ communities: best[0], bound: best[0], proven: true });
        expect(plan.communities.length).toBe(best[0]);
      }
      if ((plan.contiguityCuts ?? 0) > 0) counts.cut++;
      const leadOf = new Map(plan.memberships.map((m) => [m.school, m.lead]));
      if (c.options.keepTownshipsWhole) for (const a of c.schools) for (const b of c.schools) if (a.township === b.township) expect(leadOf.get(a.id)).toBe(leadOf.get(b.id));
    }
    expect(counts.feasible).toBeGreaterThan(100);
    expect(counts.infeasible).toBeGreaterThan(100);
    expect(counts.cut).toBeGreaterThan(5);
    expect(counts.fewest).toBeGreaterThan(40);
  });

  it("keeps a community connected when the nearest grouping is not: a school joins the community it neighbours", async () => {
    // Leads L1, L2 with hubs H1, H2; member M is 5 min from H1 and 20 from H2, but neighbours H2 alone.
    const ids = ["L1", "H1", "L2", "H2", "M"];
    const minutes = [
      [0, 10, 60, 60, 15],
      [10, 0, 60, 60, 5],
      [60, 60, 0, 10, 30],
      [60, 60, 10, 0, 20],
      [15, 5, 30, 20, 0],
    ];
    const schools: CommunitySchool[] = [{ id: "L1", leadEligible: true }, { id: "H1", hubEligible: true }, { id: "L2", leadEligible: true }, { id: "H2", hubEligible: true }, { id: "M" }];
    const options = { travelMinutes: denseCostMatrix(minutes.flat(), 5, 5, "minutes"), minK: 2, maxLeadHubMinutes: 15 };
    const free = await formCommunities(schools, options);
    expect(free.memberships.map((m) => m.lead)).toEqual(["L1", "L1", "L2", "L2", "L1"]);
    expect(free.objective).toBe(25);
    const graph = await formCommunities(schools, { ...options, neighbours: [["L1", "H1"], ["L2", "H2"], ["H2", "M"]] });
    expect(graph.status).toBe("optimal");
    expect(ids.map((id) => graph.memberships.find((m) => m.school === id)!.lead)).toEqual(["L1", "L1", "L2", "L2", "L2"]);
    expect(graph.memberships.find((m) => m.school === "M")!.hub).toBe("H2");
    expect(graph.objective).toBe(40);
    expect(graph.contiguityCuts).toBeGreaterThan(0);
    const isolated = await formCommunities(schools, { ...options, neighbours: [["L1", "H1"], ["L2", "H2"]] });
    expect(isolated.status).toBe("infeasible");
    expect(isolated.reasons).toEqual([{ code: "unreachable", message: "M has no neighbour in the contiguity graph and may not lead: no connected community can hold it", schools: ["M"] }]);
  });

  it("refuses bad input, naming the field and the value", async () => {
    const travelMinutes = denseCostMatrix([0], 1, 1, "minutes");
    await expect(formCommunities([{ id: "A", pupils: -1 }], { travelMinutes })).rejects.toThrow(`schools 0 (id "A"), "pupils": must be a finite number ≥ 0, got -1`);
    await expect(formCommunities([{ id: "A" }, { id: "A" }], { travelMinutes })).rejects.toThrow(/repeats another school's id/);
    await expect(formCommunities([{ id: "A" }, { id: "B" }], { travelMinutes })).rejects.toThrow(/must be square over the schools: 2 × 2, got "1 × 1"/);
    await expect(formCommunities([{ id: "A", leadEligible: true }], { travelMinutes, k: 0 })).rejects.toThrow(/"k": must be a whole number ≥ 1/);
    await expect(formCommunities([{ id: "A", leadEligible: true }], { travelMinutes, k: 1, minK: 1 })).rejects.toThrow(/"minK": goes with k unset/);
    await expect(formCommunities([{ id: "A", leadEligible: true }], { travelMinutes, maxSchools: 0 })).rejects.toThrow(/"maxSchools": must be a number ≥ 1/);
    await expect(formCommunities([{ id: "A", leadEligible: true }], { travelMinutes, k: 1, fewest: true })).rejects.toThrow(/"fewest": goes with k unset/);
    await expect(formCommunities([{ id: "A", township: "" }], { travelMinutes })).rejects.toThrow(/"township": must be a non-empty string/);
    await expect(formCommunities([{ id: "A", levels: "primary" as never }], { travelMinutes, matchLevels: true })).rejects.toThrow(/"levels": must be an array of level ids/);
    await expect(formCommunities([{ id: "A" }], { travelMinutes, neighbours: [["A", "B"]] })).rejects.toThrow(/neighbours 0, "1": names no school, got "B"/);
    await expect(formCommunities([{ id: "A" }], { travelMinutes, neighbours: [["A", "A"]] })).rejects.toThrow(/neighbours 0, "pair": pairs a school with itself/);
    await expect(formCommunities([{ id: "A" }], { travelMinutes, keepTownshipsWhole: "yes" as never })).rejects.toThrow(/"keepTownshipsWhole": must be true or false/);
    await expect(formCommunities([{ id: "A" }], { travelMinutes, keepTownshipWhole: true } as never)).rejects.toThrow(/"keepTownshipWhole": is not an option of formCommunities/);
    await expect(formCommunities([{ id: "A", leadEligable: true } as never], { travelMinutes })).rejects.toThrow(/schools 0 \(id "A"\), "leadEligable": is not a field of a school/);
    await expect(formCommunities([{ id: "A" }], { travelMinutes, minSchools: 2.5 })).rejects.toThrow(/"minSchools": must be a whole number of schools, got 2.5/);
  });
});
