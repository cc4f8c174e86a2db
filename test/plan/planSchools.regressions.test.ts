import { describe, expect, it } from "vitest";
import { checkPlan, planSchools, solveLinearModel, LinearModelBuilder, type Plan } from "../../src/index.ts";
import { tinySystem } from "../helpers/schoolSystems.ts";

const withLayout = (plan: Plan) => plan as Required<Plan>;

describe("planSchools regressions (found by the independent tester)", () => {
  it("closes a school no settlement may attend when a minimum enrolment applies", async () => {
    const system = tinySystem({
      settlements: [{ id: "v1", pupils: { primary1to3: 40 } }],
      schools: [
        { id: "P1", type: "complete primary", tier: "township", classes: { primary1to3: 1 } },
        { id: "P2", type: "complete primary", tier: "township", classes: { primary1to3: 1 }, costs: { closurePerYear: 400_000 } },
      ],
      minutes: [[10, Infinity]],
    });
    const plan = await planSchools(system, { splitAbovePupils: Infinity, minimumEnrolment: { "complete primary": 10 } });
    expect(plan.status).toBe("optimal");
    expect(plan.schools!.find((s) => s.id === "P2")!.action).toBe("close");
    expect(checkPlan(system, withLayout(plan)).ok).toBe(true);
    const limited = await planSchools(system, { splitAbovePupils: Infinity, minimumEnrolment: { "complete primary": 10 }, maxClosures: 0 });
    expect(limited.status).toBe("infeasible");
  });

  it("does not let boarding-care pupils board beyond the boarding travel limit", async () => {
    const system = tinySystem({
      settlements: [{ id: "v1", pupils: { primary4to6: 40 }, groups: { leftBehind: { primary4to6: 10 } } }],
      schools: [{ id: "P1", type: "complete primary", tier: "village", classes: { primary4to6: 1 }, beds: 20 }],
      minutes: [[150]],
      groups: [{ id: "leftBehind", rule: "boardingCare" }],
    });
    const plan = await planSchools(system, { splitAbovePupils: Infinity });
    expect(plan.status).toBe("infeasible");
  });

  it("keeps solver noise in split settlements out of the classes and classrooms", async () => {
    const system = tinySystem({
      settlements: [{ id: "v0", pupils: { junior: 49 } }, { id: "v1", pupils: { junior: 102 } }],
      schools: [
        { id: "N0", type: "nine-year", tier: "township", existing: false },
        { id: "N1", type: "nine-year", tier: "township", classes: { primary1to3: 1 }, maxAddedClassrooms: 2 },
      ],
      minutes: [[36, 2], [8, 2]],
    });
    const plan = await planSchools(system, { splitAbovePupils: 20, maxClosures: 0, threeSchools: false });
    expect(["optimal", "feasible"]).toContain(plan.status);
    expect(checkPlan(system, withLayout(plan)).ok).toBe(true);
    for (const row of plan.assignments!) expect(Math.abs(row.pupils - Math.round(row.pupils))).toBeLessThan(1e-6);
  });

  it("javascript-lp-solver reports a stop at a tiny time limit as timeLimit, never as infeasible", async () => {
    // x1 + … + x12 ≥ 5.5 with integer columns: feasible; a 1 ms limit may stop it before it finds a solution.
    const builder = new LinearModelBuilder("minimize");
    const columns = Array.from({ length: 12 }, (_, k) => builder.addColumn(1 + k / 100, 0, 1, true));
    builder.addRow(columns, columns.map(() => 1), 5.5, Infinity);
    const model = builder.build();
    for (let run = 0; run < 10; run++) {
      const result = await solveLinearModel(model, { solver: "javascript-lp-solver", timeLimitSeconds: 0.001 });
      expect(result.status).not.toBe("infeasible");
    }
  });

  it("lets a settlement split when no school it may attend could ever hold all its pupils of a level, and checkPlan agrees", async () => {
    // 91 grades 1–3 pupils; each teaching point may build 3 classrooms of 30: no single school can take them.
    const system = tinySystem({
      settlements: [{ id: "v", pupils: { primary1to3: 91 } }],
      schools: [
        { id: "TP1", type: "teaching point", tier: "village", existing: false, maxAddedClassrooms: 3 },
        { id: "TP2", type: "teaching point", tier: "village", existing: false, maxAddedClassrooms: 3 },
      ],
      minutes: [[5, 10]],
    });
    const plan = await planSchools(system, { splitAbovePupils: Infinity });
    expect(plan.status).toBe("optimal");
    expect(new Set(plan.assignments!.map((row) => row.school)).size).toBe(2);
    expect(checkPlan(system, withLayout(plan)).ok).toBe(true);
  });

  it("gives the township's public boarding school at least boardingSchoolMinimumBeds beds, and checkPlan holds it to that", async () => {
    const system = tinySystem({
      settlements: [{ id: "v", township: "T1", pupils: { kindergarten: 20, primary1to3: 30, primary4to6: 30 } }],
      schools: [
        { id: "K", type: "kindergarten", tier: "township", township: "T1", classes: { kindergarten: 1 } },
        { id: "P", type: "complete primary", tier: "township", township: "T1", classes: { primary1to3: 1, primary4to6: 1 }, beds: 10 },
      ],
      minutes: [[5, 5]],
    });
    const plan = await planSchools(system, { splitAbovePupils: Infinity, boardingSchoolMinimumBeds: 40 });
    expect(plan.status).toBe("optimal");
    const primary = plan.schools!.find((s) => s.id === "P")!;
    expect([primary.beds, primary.bedsAdded, primary.action]).toEqual([40, 30, "expand"]);
    expect(checkPlan(system, withLayout(plan)).ok).toBe(true);
    const short = { ...withLayout(plan), rules: { ...plan.rules, boardingSchoolMinimumBeds: 41 } };
    expect(checkPlan(system, short).violations.map((v) => v.rule)).toEqual(["threeSchools"]);
  });
});
