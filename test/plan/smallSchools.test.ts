import { describe, expect, it } from "vitest";
import { CHINA_NORMS, InputError, createSchoolSystem, denseCostMatrix, findNecessarySmallSchools, withNormOverrides } from "../../src/index.ts";

// Five villages on a line (v0..v4); a central primary at v0; teaching points possible at v2, v3
// (existing) and v4 (candidate). Travel is 20 minutes per step, so within 30 minutes a school reaches its neighbours.
function lineSystem(pupils: number[] = [20, 10, 10, 10, 10]) {
  const positions = { central: 0, tp2: 2, tp3: 3, tp4: 4 };
  const schools = [
    { id: "central", type: "complete primary" as const, tier: "township" as const, classes: { primary1to3: 1 } },
    { id: "tp2", type: "teaching point" as const, tier: "village" as const, classes: { primary1to3: 1 } },
    { id: "tp3", type: "teaching point" as const, tier: "village" as const, classes: { primary1to3: 1 } },
    { id: "tp4", type: "teaching point" as const, tier: "village" as const, existing: false },
  ];
  const where = Object.values(positions);
  const values: number[] = [];
  for (let i = 0; i < 5; i++) for (const x of where) values.push(Math.abs(i - x) * 20);
  return createSchoolSystem({
    levels: ["primary1to3"],
    settlements: pupils.map((p, i) => ({ id: `v${i}`, pupils: { primary1to3: p } })),
    schools,
    travelMinutes: { primary1to3: denseCostMatrix(values, 5, 4, "minutes") },
  });
}

describe("findNecessarySmallSchools", () => {
  it("keeps the fewest small schools that put every grade 1–3 pupil within 30 minutes, existing before new", async () => {
    // 20 min per step: the central school reaches v0 and v1; v2..v4 need small schools: tp3 reaches v2..v4 alone.
    const guarantee = await findNecessarySmallSchools(lineSystem());
    expect(guarantee.status).toBe("optimal");
    expect(guarantee.limitMinutes).toBe(30);
    expect(guarantee.kept).toEqual(["central"]);
    expect(guarantee.necessary.map((s) => s.id)).toEqual(["tp3"]);
    expect(guarantee.necessary[0]!.settlements.map((s) => s.settlement)).toEqual(["v2", "v3", "v4"]);
    expect(guarantee.necessary[0]!.pupils).toBe(30);
    expect(guarantee.unreachable).toEqual([]);
  });

  it("opens a candidate only where no existing school can do it, and follows an overridden limit", async () => {
    const norms = withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { primary1to3: 10 } });
    // 10 minutes: each village needs a school at itself; v1 has none (unreachable), v2, v3 keep theirs, v4 opens tp4.
    const guarantee = await findNecessarySmallSchools(lineSystem(), { norms });
    expect(guarantee.necessary.map((s) => [s.id, s.existing])).toEqual([["tp2", true], ["tp3", true], ["tp4", false]]);
    expect(guarantee.unreachable.map((s) => s.settlement)).toEqual(["v1"]);
  });

  it("needs no small school where the central schools reach everyone, and skips settlements without pupils", async () => {
    const guarantee = await findNecessarySmallSchools(lineSystem([5, 5, 0, 0, 0]));
    expect(guarantee.necessary).toEqual([]);
    expect(guarantee.statistics.solver).toBe("none");
  });

  it("throws InputError for a level that is not planned or a bad limit", async () => {
    await expect(findNecessarySmallSchools(lineSystem(), { level: "junior" })).rejects.toThrow(InputError);
    await expect(findNecessarySmallSchools(lineSystem(), { limitMinutes: -1 })).rejects.toThrow(/limitMinutes/);
  });
});
