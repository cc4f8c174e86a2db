import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  multiYearReportDocument, multiYearReportHtml, multiYearSummaryMarkdown, planSchoolsOverYears, plainText, yearMapFigures,
  type MultiYearPlan, type ProjectionRow, type ReportDocument, type TableBlock, type YearDemand,
} from "../../src/index.ts";
import { CATCHMENTS, tinySystem } from "../helpers/schoolSystems.ts";

// Three villages and a county seat; the villages shrink by 2030, so the village school can close then.
const system = tinySystem({
  settlements: [
    { id: "seat", name: "Seat", pupils: { primary1to3: 200, primary4to6: 180 } },
    { id: "v1", name: "Village 1", pupils: { primary1to3: 60, primary4to6: 50 } },
    { id: "v2", name: "Village 2", pupils: { primary1to3: 50, primary4to6: 40 } },
  ],
  schools: [
    { id: "A", name: "Seat Primary", type: "complete primary", tier: "county seat", classes: { primary1to3: 6, primary4to6: 6 }, classrooms: 12 },
    { id: "B", name: "Village Primary", type: "complete primary", tier: "village", classes: { primary1to3: 3, primary4to6: 3 }, classrooms: 6 },
    { id: "C", name: "New site", type: "complete primary", tier: "village", existing: false, classes: {} },
  ],
  minutes: [[5, 40, 30], [25, 6, 20], [28, 9, 15]],
});
const pupils = (factor: number, villages: number): YearDemand["pupils"] => ({
  seat: { primary1to3: Math.round(200 * factor), primary4to6: Math.round(180 * factor) },
  v1: { primary1to3: Math.round(60 * villages), primary4to6: Math.round(50 * villages) },
  v2: { primary1to3: Math.round(50 * villages), primary4to6: Math.round(40 * villages) },
});
const demand: YearDemand[] = [
  { year: 2025, scenario: "low", pupils: pupils(1, 0.9) },
  { year: 2025, scenario: "high", pupils: pupils(1.1, 1) },
  { year: 2030, scenario: "low", pupils: pupils(0.9, 0.3) },
  { year: 2030, scenario: "high", pupils: pupils(1, 0.5) },
];
const plan = await planSchoolsOverYears(system, { ...CATCHMENTS, threeSchools: false, years: [2025, 2030], scenarios: [{ id: "low" }, { id: "high" }], demand });
const projection: ProjectionRow[] = [2020, 2025, 2030].flatMap((year, t) => ["low", "high"].flatMap((scenario) => ["p1", "p2"].map((place) => ({
  place, year, scenario, ages: [], enrolment: { kindergarten: 0, primary1to3: 100 - 10 * t, primary4to6: 90, junior: 0, senior: 0 },
}))));
const geography = { system, settlementCoordinates: Float64Array.from([114.7, 23.8, 114.8, 23.9, 114.9, 23.85]), schoolCoordinates: Float64Array.from([114.71, 23.81, 114.81, 23.9, 114.88, 23.86]) };

const tables = (document: ReportDocument): TableBlock[] => document.blocks.filter((b): b is TableBlock => b.kind === "table");
const headings = (document: ReportDocument): string[] => document.blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : []));

describe("multiYearReportDocument", () => {
  it("has a plan to report: valid, with a school that changes", () => {
    expect(plan.status).toBe("optimal");
    expect(plan.violations).toEqual([]);
    expect(plan.schedule.some((s) => s.years.some((y) => y.change !== "keep" && y.change !== "not built"))).toBe(true);
  });

  it("has a section per plan year whose tables are the plan's figures, in English and Chinese", () => {
    for (const language of ["en", "zh"] as const) {
      const document = multiYearReportDocument(plan, { language, projection });
      const titles = headings(document);
      const year = language === "zh" ? (y: number) => `${y}年` : String;
      expect(titles).toEqual(expect.arrayContaining([year(2025), year(2030)]));
      expect(titles.indexOf(year(2025))).toBeLessThan(titles.indexOf(year(2030)));
      for (const y of plan.plans) {
        const caption = language === "zh" ? `${y.year}年：本方案` : `${y.year}: this plan`;
        const yearTable = tables(document).find((t) => t.caption === caption)!;
        const name = language === "zh" ? ({ low: "低方案", high: "高方案" } as Record<string, string>)[y.scenario]! : `${y.scenario} scenario`;
        const row = yearTable.rows.find((r) => plainText([r[0]!]) === name)!;
        // pupils, open schools, …, annual cost (whole yuan, grouped).
        expect(plainText([row[1]!]).replace(/,/g, "")).toBe(String(Math.round(y.figures.pupils)));
        expect(plainText([row[2]!])).toBe(String(y.plan.schools.filter((s) => s.open).length));
        expect(plainText([row[9]!]).replace(/,/g, "")).toBe(String(Math.round(y.figures.costYuanPerYear)));
        const today = tables(document).find((t) => t.caption === (language === "zh" ? `${y.year}年：现状布局承接同样的学生` : `${y.year}: today's layout taking the same pupils`))!;
        expect(plainText([today.rows.find((r) => plainText([r[0]!]) === name)![8]!])).toBe(String(y.statusQuo.violations.length));
      }
    }
  });

  it("tables the schools that change in each plan year, and says which close, are built or expand", () => {
    const document = multiYearReportDocument(plan, { language: "en" });
    const schedule = tables(document).find((t) => t.caption?.startsWith("The schools that change"))!;
    const changing = plan.schedule.filter((s) => s.years.some((y) => y.change !== "keep" && y.change !== "not built"));
    expect(schedule.rows.map((r) => plainText([r[0]!]))).toEqual(changing.map((s) => s.name));
    for (const [k, s] of changing.entries()) expect(schedule.rows[k]!.slice(2).map((cell) => plainText([cell]))).toEqual(s.years.map((y) => y.change));
    const text = document.blocks.flatMap((b) => (b.kind === "paragraph" ? [plainText(b.content)] : [])).join("\n");
    for (const [t, weight] of plan.years.entries()) {
      for (const [change, word] of [["close", "Close"], ["build", "Build"], ["expand", "Expand"]] as const) {
        const names = plan.schedule.filter((s) => s.years[t]!.change === change).map((s) => s.name);
        if (names.length > 0) expect(text, `${weight.year} ${change}`).toContain(`${word}: ${names.join(", ")}`);
      }
    }
  });

  it("sums the projection's places per scenario and year, draws the charts, and is a valid self-contained page", () => {
    const html = multiYearReportHtml(plan, { language: "zh", projection, yearFigures: yearMapFigures(plan, geography, { language: "zh" }) });
    const document = multiYearReportDocument(plan, { language: "zh", projection });
    const table = tables(document).find((t) => t.caption === "分学段学生数（预测，全县合计）")!;
    // Two places of 100 − 10t pupils of grades 1–3 each; years 2020, 2025 (plan year), 2030.
    expect(table.rows.map((r) => r.slice(0, 3).map((cell) => plainText([cell])))).toEqual(["低方案", "高方案"].flatMap((s) => [[s, "2020", "200"], [s, "2025", "180"], [s, "2030", "160"]]));
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g)!) expect(XMLValidator.validate(svg)).toBe(true);
    // The enrolment chart, classroom use, school use, and one map per plan year.
    expect(html.match(/<svg/g)).toHaveLength(5);
    expect(html).toContain("2030年学校布局（中方案）".replace("中方案", "低方案"));
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain("社会折现率 8%");
    expect(multiYearReportHtml(plan, { charts: false })).not.toContain("<svg");
  });

  it("lists the rules in force for the planned levels only, and the independent check", () => {
    const document = multiYearReportDocument(plan, { language: "en" });
    const titles = headings(document);
    expect(titles).toEqual(expect.arrayContaining(["Checked year by year", "Rules in force"]));
    const rules = tables(document).find((t) => t.columns[0]!.header === "level")!;
    expect(rules.rows.map((r) => plainText([r[0]!]))).toEqual(["primary grades 1–3", "primary grades 4–6"]);
  });

  it("writes Markdown with the same sections", () => {
    const markdown = multiYearSummaryMarkdown(plan, { language: "en" });
    expect(markdown).toMatch(/^# Multi-year school plan\n/);
    expect(markdown).toContain("## 2025\n");
    expect(markdown).toContain("## 2030\n");
    expect(markdown).toContain("This plan is proven optimal for the expected discounted cost");
  });

  it("says there is no plan, without year sections, when none meets the rules", async () => {
    const none = await planSchoolsOverYears(system, { ...CATCHMENTS, threeSchools: false, years: [2025], demand: [{ year: 2025, scenario: "base", pupils: pupils(1, 1) }], maxMeanTravelMinutes: 1 });
    expect(none.plans).toEqual([]);
    const document = multiYearReportDocument(none, { language: "en" });
    expect(headings(document)).not.toContain("2025");
    expect(none.status).toBe("infeasible");
    const first = document.blocks[0]!;
    expect(first.kind === "paragraph" && first.tone === "warning" ? plainText(first.content) : "").toBe("No plan meets the rules in every plan year and scenario.");
    expect(headings(document)).toContain("Why there is no plan");
  });
});

describe("yearMapFigures", () => {
  it("draws one map per plan year for the chosen scenario and refuses one the plan does not have", () => {
    const maps = yearMapFigures(plan, geography, { language: "en", scenario: "high", markdownImage: (year) => `map-${year}.png` });
    expect(Object.keys(maps)).toEqual(["2025", "2030"]);
    expect(maps[2030]![0]!.caption).toBe("2030, high scenario: each school's action against today and where pupils go");
    expect(maps[2030]![0]!.markdownImage).toBe("map-2030.png");
    expect(XMLValidator.validate(maps[2025]![0]!.svg)).toBe(true);
    // Default: the likeliest scenario (equal here: the first).
    expect(yearMapFigures(plan, geography)[2025]![0]!.caption).toContain("low scenario");
    expect(() => yearMapFigures(plan, geography, { scenario: "medium" })).toThrow(/scenario "medium" is not one of the plan's \(low, high\)/);
    expect(yearMapFigures({ ...plan, plans: [] } as MultiYearPlan, geography)).toEqual({});
    expect(() => yearMapFigures({ ...plan, plans: [] } as MultiYearPlan, geography, { scenario: "medium" })).toThrow(RangeError);
  });
});
