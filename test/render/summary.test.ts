import { beforeAll, describe, expect, it } from "vitest";
import { CHINA_NORMS, withNormOverrides } from "../../src/norms/index.ts";
import type { Plan } from "../../src/plan/result/result.ts";
import type { SchoolSystem } from "../../src/plan/system/system.ts";
import { planSummaryMarkdown } from "../../src/render/report/index.ts";
import { tinyPlan } from "../plan/planFixture.ts";

let plan: Plan;
let system: SchoolSystem;
let infeasible: Plan;
let withCurve: Plan;

beforeAll(async () => {
  ({ plan, geo: { system } } = await tinyPlan());
  ({ plan: infeasible } = await tinyPlan({ norms: withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { primary1to3: 1 } }, "test") }));
  ({ plan: withCurve } = await tinyPlan({ tradeoffPoints: 2 }));
});

describe("planSummaryMarkdown", () => {
  it("calls a proven plan optimal and gives the objective and the solve", () => {
    const summary = planSummaryMarkdown(plan, system);
    expect(summary).toMatch(/^# School plan\n\n\*\*Optimal: the solver proved/);
    expect(summary).toMatch(/Objective: least annual cost, [\d,]+ yuan per year/);
    expect(summary.endsWith("\n")).toBe(true);
  });

  it("never says optimal for a feasible, time-limited, heuristic or interrupted plan, in either language", () => {
    const curve = withCurve.tradeoff;
    const variants: Plan[] = [
      { ...plan, status: "feasible", gap: 0.0123, tradeoff: curve },
      { ...plan, status: "timeLimit", gap: 0.05, tradeoff: curve },
      { ...plan, status: "timeLimit", gap: null, bound: null, source: "heuristic" },
      { ...plan, status: "aborted", gap: 0.2 },
    ];
    for (const variant of variants) {
      const summary = planSummaryMarkdown(variant, system);
      expect(summary).not.toMatch(/optimal/i);
      expect(summary).toMatch(/not proven best/);
      const zh = planSummaryMarkdown(variant, system, { language: "zh" });
      expect(zh).not.toContain("最优：");
      expect(zh).toContain("未证明最优");
    }
    expect(planSummaryMarkdown(variants[0]!, system)).toContain("within 1.23 % of the best possible");
    expect(planSummaryMarkdown(variants[2]!, system)).toContain("the heuristic's plan (construction and local search)");
  });

  it("says the status quo's violations in Chinese: rule names and sentences from the catalogue, names not ids, minutes to 0.1", () => {
    const zh = planSummaryMarkdown(plan, system, { language: "zh" });
    expect(zh).toContain("| 走读单程超限 | 1 | Far（小学1–3年级）9 人走读到Lower Primary，单程 51.5 分钟，限 30 分钟 |");
    expect(zh).toContain("| 床位不足 | 1 | Lower Primary寄宿生 4 人，床位 0 张 |");
    const start = zh.indexOf("| 规则 |");
    const table = zh.slice(start, zh.indexOf("\n\n", start));
    expect(table).not.toMatch(/dayTravel|beds|pupils|minutes/);
  });

  it("compares costs and travel with the status quo, lists actions by type and counts the status quo's violations", () => {
    const summary = planSummaryMarkdown(plan, system, { title: "Tiny county" });
    expect(summary).toMatch(/^# Tiny county\n/);
    expect(summary).toContain("| item | plan | status quo | change |");
    expect(summary).toMatch(/\| \*\*total\*\* \| [\d,]+ \| [\d,]+ \| [+−][\d,]+ \|/);
    expect(summary).toContain("| primary grades 1–3 | plan |");
    expect(summary).toContain("### closed (1)\n\n- **complete primary school (1)**: Lower Primary (P2)");
    expect(summary).toMatch(/### built \(1\)\n\n- \*\*teaching point \(1\)\*\*: Lower teaching point site \(C1\): \+1 classroom\b/);
    expect(summary).toContain("| day trip beyond the limit | 1 | 9 pupils (primary grades 1–3) of Far travel daily to Lower Primary: 51.5 min one way, limit 30 |");
    expect(summary).toContain("## Small schools in the plan");
    expect(summary).toContain("Travel times: kindergarten, primary grades 1–3 by walk: no road network");
    expect(summary).toContain("not road travel times");
  });

  it("lists the rules in force for the planned levels", () => {
    const summary = planSummaryMarkdown(plan, system);
    expect(summary).toContain("| primary grades 1–3 | 30 | — | no | 45 |");
    expect(summary).toContain("| primary grades 4–6 | no limit | 120 | yes | 45 |");
    expect(summary).not.toContain("| junior secondary |");
    expect(summary).toContain("Boarding from grade 4");
    expect(summary).toContain('Township "three schools" (乡镇三所学校): on (each township keeps a central kindergarten, a central primary and a public boarding school of at least 20 beds).');
  });

  it("gives the reasons of an infeasible plan without cost or action sections", () => {
    const summary = planSummaryMarkdown(infeasible, system);
    expect(summary).toContain("**No plan meets the rules. The reasons below give the numbers.**");
    expect(summary).toMatch(/## Why no plan meets the rules\n\n- \*\*unreachable\*\*: /);
    expect(summary).not.toContain("## Actions");
    expect(summary).toContain("| item | plan | status quo | change |");
  });

  it("shows the trade-off table when computed", () => {
    const summary = planSummaryMarkdown(withCurve, system);
    expect(summary).toContain("## Trade-off: cost against mean travel");
    expect(summary.match(/proven least cost/g)).toHaveLength(2);
  });
});
