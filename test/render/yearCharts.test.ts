import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { classroomUseChartSvg, enrolmentChartSvg, lineChartsSvg, type MultiYearPlan, type ProjectionRow } from "../../src/index.ts";
import { svgToPng } from "../../src/render/png.node.ts";

const enrolment = (n: number) => ({ kindergarten: n, primary1to3: 2 * n, primary4to6: 0, junior: 0, senior: 0 });
const rows: ProjectionRow[] = [2020, 2025, 2030].flatMap((year, t) => [
  { place: "c", year, scenario: "low", ages: [], enrolment: enrolment(100 - 20 * t) },
  { place: "c", year, scenario: "high", ages: [], enrolment: enrolment(100 - 5 * t) },
]);

describe("enrolmentChartSvg", () => {
  it("draws one panel per level with pupils and one line per scenario, in Chinese and English, labelled a projection", () => {
    const zh = enrolmentChartSvg(rows, { language: "zh" });
    const en = enrolmentChartSvg(rows, { language: "en" });
    for (const svg of [zh, en]) expect(XMLValidator.validate(svg)).toBe(true);
    expect(zh).toContain("分学段学生数预测");
    expect(zh).toContain("低方案");
    expect(zh).toContain("幼儿园");
    expect(zh).toContain("预测，非统计数据");
    expect(en).toContain("Projected pupils by level");
    expect(en).toContain("high scenario");
    expect(en).toContain("projection, not data");
    // Two levels with pupils × two scenarios.
    expect(en.match(/<path /g)).toHaveLength(4);
    expect(en).not.toContain("junior");
    const png = svgToPng(zh);
    expect([...png.slice(1, 4)].map((code) => String.fromCharCode(code)).join("")).toBe("PNG");
    expect(png.length).toBeGreaterThan(5000);
  });

  it("lineChartsSvg refuses no panels and a panel without points", () => {
    expect(() => lineChartsSvg({ title: "t", panels: [] })).toThrow(RangeError);
    expect(() => lineChartsSvg({ title: "t", panels: [{ title: "p", series: [] }] })).toThrow(/no points/);
  });
});

describe("classroomUseChartSvg", () => {
  it("draws the plan and today's layout per scenario on one scale", () => {
    const figures = (use: number) => ({ classroomUse: use }) as MultiYearPlan["plans"][number]["figures"];
    const plan = {
      scenarios: [{ id: "low", probability: 0.5 }, { id: "high", probability: 0.5 }],
      plans: [2025, 2030].flatMap((year) => ["low", "high"].map((scenario) => ({ year, scenario, figures: figures(0.8), statusQuo: { figures: figures(1.2), violations: [] } }))),
    } as unknown as MultiYearPlan;
    const svg = classroomUseChartSvg(plan, { language: "en" });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain("today&#39;s layout");
    expect(svg.match(/stroke-dasharray/g)!.length).toBeGreaterThanOrEqual(2);
    // Both panels on one scale up to 150 % (today's layout at 120 %).
    expect(svg.match(/>150 %</g)).toHaveLength(2);
    expect(() => classroomUseChartSvg({ ...plan, plans: [] })).toThrow(RangeError);
  });
});
