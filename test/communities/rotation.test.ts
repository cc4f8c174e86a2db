import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { denseCostMatrix, planRotation, ROTATION_SHARE, STAFFING_RATIOS, teachersNeeded, type RotationSchool } from "../../src/index.ts";

interface Case { readonly schools: RotationSchool[]; readonly minutes: number[][]; readonly share: number; readonly limit: number }

const caseArbitrary: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc.record({
    community: fc.array(fc.constantFrom("A", "B"), { minLength: n, maxLength: n }),
    lead: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    teachers: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: n, maxLength: n }),
    needed: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: n, maxLength: n }),
    minutes: fc.array(fc.array(fc.integer({ min: 1, max: 80 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    share: fc.constantFrom(0.1, 0.2, 0.3),
    limit: fc.constantFrom(40, Infinity),
  }).map((r): Case => ({
    schools: r.teachers.map((teachers, s) => ({ id: `S${s}`, community: r.community[s]!, lead: r.lead[s]!, teachers, needed: r.needed[s]! })),
    minutes: r.minutes, share: r.share, limit: r.limit,
  })),
);

/** The least (teachers short, teachers sent by non-leads, teacher-minutes), lexicographic, over every whole flow. */
function bruteForce(c: Case): [number, number, number] {
  const n = c.schools.length;
  const may = c.schools.map((s) => Math.min(Math.max(0, s.teachers - s.needed), Math.floor(c.share * s.teachers + 1e-9)));
  const short = c.schools.map((s) => Math.max(0, s.needed - s.teachers));
  const arcs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (i !== j && may[i]! > 0 && short[j]! > 0 && c.schools[i]!.community === c.schools[j]!.community && c.minutes[i]![j]! <= c.limit) arcs.push([i, j]);
  }
  let best: [number, number, number] = [Infinity, Infinity, Infinity];
  const sent = new Array<number>(n).fill(0);
  const got = new Array<number>(n).fill(0);
  const visit = (k: number, others: number, minutes: number): void => {
    if (k === arcs.length) {
      const left = short.reduce((sum, s, j) => sum + s - got[j]!, 0);
      const key: [number, number, number] = [left, others, minutes];
      if (key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2])))) best = key;
      return;
    }
    const [i, j] = arcs[k]!;
    const most = Math.min(may[i]! - sent[i]!, short[j]! - got[j]!);
    for (let f = 0; f <= most; f++) {
      sent[i] += f; got[j] += f;
      visit(k + 1, others + (c.schools[i]!.lead ? 0 : f), minutes + f * c.minutes[i]![j]!);
      sent[i] -= f; got[j] -= f;
    }
  };
  visit(0, 0, 0);
  return best;
}

describe("teachersNeeded and planRotation", () => {
  it("needs ⌈Σ pupils ÷ ratio⌉ teachers (primary 19, junior 13.5, senior 12.5 pupils each)", () => {
    expect(STAFFING_RATIOS.value).toEqual({ primary: 19, junior: 13.5, senior: 12.5 });
    expect(ROTATION_SHARE.value).toBe(0.1);
    expect(teachersNeeded({ primary: 190 })).toBe(10);
    expect(teachersNeeded({ primary: 191 })).toBe(11);
    expect(teachersNeeded({ primary: 95, junior: 27 })).toBe(7);
    expect(teachersNeeded({})).toBe(0);
    expect(() => teachersNeeded({ primary: -1 })).toThrow(/"primary": must be a finite number ≥ 0/);
    expect(() => teachersNeeded({ primry: 190 } as never)).toThrow(/"primry": is not a staffing level: give primary \(grades 1–6\), junior or senior, got 190/);
  });

  it("agrees with brute force: the fewest left short, then leads sending first, then the least teacher-minutes, and keeps every rule", async () => {
    let moved = 0;
    for (const c of fc.sample(caseArbitrary, { numRuns: 150, seed: 31_2026 })) {
      const plan = await planRotation(c.schools, { travelMinutes: denseCostMatrix(c.minutes.flat(), c.schools.length, c.schools.length, "minutes"), share: c.share, maxTravelMinutes: c.limit });
      expect(plan.status).toBe("optimal");
      const [short, others, minutes] = bruteForce(c);
      expect(plan.shortAfter).toBe(short);
      const byId = new Map(c.schools.map((s, k) => [s.id, k]));
      expect(plan.moves.reduce((sum, m) => sum + (c.schools[byId.get(m.from)!]!.lead ? 0 : m.teachers), 0)).toBe(others);
      expect(plan.teacherMinutes).toBe(minutes);
      for (const move of plan.moves) {
        const [i, j] = [byId.get(move.from)!, byId.get(move.to)!];
        expect(c.schools[i]!.community).toBe(c.schools[j]!.community);
        expect(move.minutes).toBeLessThanOrEqual(c.limit);
      }
      for (const b of plan.schools) {
        // No sender falls below its need or sends more than its share; no receiver gets more than it lacks.
        if (b.sent > 0) expect(b.after).toBeGreaterThanOrEqual(b.needed);
        expect(b.sent).toBeLessThanOrEqual(Math.floor(c.share * b.before + 1e-9));
        if (b.received > 0) expect(b.after).toBeLessThanOrEqual(b.needed);
      }
      moved += plan.moved;
    }
    expect(moved).toBeGreaterThan(50);
  });

  it("refuses bad input, naming the field and the value", async () => {
    const travelMinutes = denseCostMatrix([0], 1, 1, "minutes");
    await expect(planRotation([{ id: "A", community: "c", teachers: 1.5, needed: 1 }], { travelMinutes })).rejects.toThrow(`schools 0 (id "A"), "teachers": must be a whole number ≥ 0, got 1.5`);
    await expect(planRotation([{ id: "A", community: "", teachers: 1, needed: 1 }], { travelMinutes })).rejects.toThrow(/"community": must be a non-empty string/);
    await expect(planRotation([{ id: "A", community: "c", teachers: 1, needed: 1 }], { travelMinutes, shar: 0.5 } as never)).rejects.toThrow(/"shar": is not an option of planRotation/);
    await expect(planRotation([{ id: "A", community: "c", teachers: 1, needed: 1 }], { travelMinutes, share: 2 })).rejects.toThrow(/"share": must be a share in \[0, 1\]/);
  });
});
