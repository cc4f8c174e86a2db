import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { classroomUseChartSvg, enrolmentChartSvg, lineChartsSvg, schoolUseChartSvg, type MultiYearPlan, type ProjectionRow } from "../../src/index.ts";
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

describe("schoolUseChartSvg", () => {
  const school = (id: string, open: boolean, pupils: number, utilization: number) => ({ id, name: `School ${id}`, open, enrolment: { primary1to3: pupils }, utilization });
  const plan = {
    scenarios: [{ id: "low", probability: 0.5 }, { id: "high", probability: 0.5 }],
    plans: [
      { year: 2025, scenario: "low", plan: { schools: [school("A", true, 300, 0.9), school("B", true, 50, 0.5), school("C", false, 0, 0)] } },
      { year: 2025, scenario: "high", plan: { schools: [school("A", true, 320, 0.95), school("B", true, 60, 0.6), school("C", false, 0, 0)] } },
      { year: 2030, scenario: "low", plan: { schools: [school("A", true, 250, 0.8), school("B", false, 0, 0), school("C", false, 0, 0)] } },
      { year: 2030, scenario: "high", plan: { schools: [school("A", true, 280, 0.85), school("B", false, 0, 0), school("C", false, 0, 0)] } },
    ],
  } as unknown as MultiYearPlan;

  it("draws the largest open schools, one line per scenario, leaving out the years a school is closed", () => {
    const svg = schoolUseChartSvg(plan, { language: "en", count: 2 });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain("School A");
    expect(svg).toContain("School B");
    expect(svg).not.toContain("School C");
    // A: two lines of two points; B: two lines of one point (closed in 2030).
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(schoolUseChartSvg(plan, { language: "zh", schools: ["B"] })).toContain("各校学位使用率");
    expect(() => schoolUseChartSvg(plan, { schools: ["Z"] })).toThrow(/no school "Z"/);
  });
});
