import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/plan/result/result.ts";
import type { SchoolSystem } from "../../src/plan/system/system.ts";
import { COMMON_MESSAGES } from "../../src/render/messages/common.ts";
import { planReportDocument, planReportHtml, planSummaryMarkdown } from "../../src/render/report/index.ts";
import { tinyPlan } from "../plan/planFixture.ts";
import { communityColour, denseCostMatrix, formCommunities } from "../../src/index.ts";

let plan: Plan;
let system: SchoolSystem;

beforeAll(async () => {
  const tiny = await tinyPlan({ timeLimitSeconds: 5, tradeoffPoints: 3 });
  plan = tiny.plan;
  system = tiny.geo.system;
});

/** The cells of the table row whose first cell is `label`, from the HTML. */
function rowCells(html: string, label: string): string[] {
  const row = html.split("<tr>").find((part) => part.startsWith(`<td>${label}</td>`));
  if (row === undefined) throw new Error(`no row ${label}`);
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((match) => match[1]!);
}

describe("planReportHtml", () => {
  it("is one self-contained page: no script, no stylesheet link, no external resource", () => {
    const html = planReportHtml(plan, system, { language: "en" });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<iframe|<img/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
  });

  it("gives the plan's own figures in the headline: cost, mean trip, schools closed and built, the gap", () => {
    const html = planReportHtml(plan, system, { language: "en" });
    const en = COMMON_MESSAGES.en;
    expect(rowCells(html, "annual cost (yuan/yr)").slice(1, 3)).toEqual([en.number(plan.costs!.total), en.number(plan.statusQuo!.costs.total)]);
    expect(rowCells(html, "mean one-way trip (min)")[1]).toBe(en.number(plan.travel!.meanMinutes, 1));
    expect(rowCells(html, "schools closed")[1]).toBe(String(plan.counts!.closed));
    expect(rowCells(html, "schools built")[1]).toBe(String(plan.counts!.built));
    expect(rowCells(html, "proven gap of the plan")[1]).toBe(en.percent(plan.gap!, 2));
  });

  it("lists every school the plan keeps, builds or closes, with its action, and no candidate left unbuilt", () => {
    const html = planReportHtml(plan, system, { language: "en" });
    for (const school of plan.schools!) {
      if (school.action === "not built") expect(html).not.toContain(`<td>${school.id}</td><td>${school.name}</td>`);
      else expect(rowCells(html, school.id)[4]).toBe(COMMON_MESSAGES.en.actions[school.action]);
    }
  });

  it("draws the trade-off curve as an inline SVG chart when the plan has trade-off points", () => {
    const html = planReportHtml(plan, system);
    expect(plan.tradeoff.length).toBe(3);
    expect(html).toMatch(/<figure><svg [^>]*aria-label="Annual cost against mean one-way travel"/);
    expect((html.match(/<circle [^>]*r="4"/g) ?? []).length).toBe(plan.tradeoff.filter((point) => point.costYuanPerYear !== null).length);
  });

  it("writes Chinese with the norms' official names when asked, and English by default", () => {
    const zh = planReportHtml(plan, system, { language: "zh" });
    const en = planReportHtml(plan, system);
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain("<h2 id=\"headline\">规划概要</h2>");
    expect(zh).toContain("适用规则");
    expect(zh).toContain("国办发〔2018〕27号");
    expect(en).toContain("<h2 id=\"headline\">The plan at a glance</h2>");
    expect(en).toContain("国办发〔2018〕27号");
    expect(en).not.toContain("规划概要");
  });

  it("keeps a school named <script> as text", () => {
    const renamed: Plan = { ...plan, schools: plan.schools!.map((school, index) => (index === 0 ? { ...school, name: "<script>alert(1)</script>" } : school)) };
    const html = planReportHtml(renamed, system);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("shows the figures it is given in the Maps section, and says balance totals are missing when none are given", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g id="test-map"/></svg>';
    const html = planReportHtml(plan, system, { figures: [{ svg, caption: "a map" }] });
    expect(html).toContain('<h2 id="maps">Maps</h2>');
    expect(html).toContain(`<figure>${svg}<figcaption>a map</figcaption></figure>`);
    expect(html).toContain("the balance figures cannot be computed");
  });

  it("shows the education communities formed on the plan's open schools in a section of their own, in their map colours", async () => {
    const open = plan.schools!.filter((school) => school.open);
    const schools = open.map((school, k) => ({ id: school.id, pupils: Object.values(school.enrolment).reduce((sum, p) => sum + p, 0), leadEligible: k === 0, hubEligible: k > 0 }));
    const minutes = denseCostMatrix(new Array(schools.length ** 2).fill(10), schools.length, schools.length, "minutes");
    const communities = await formCommunities(schools, { travelMinutes: minutes, allowDirect: true });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g id="community-map"/></svg>';
    const html = planReportHtml(plan, system, { language: "zh", communities: { plan: communities, figures: [{ svg, caption: "共同体" }] } });
    expect(html).toContain('<h2 id="communities">各共同体</h2>');
    expect(html).toContain(`<span class="swatch" style="background:${communityColour(0)}"></span>${open[0]!.id}`);
    expect(html).toContain(`<figure>${svg}<figcaption>共同体</figcaption></figure>`);
    expect(planReportHtml(plan, system)).not.toContain('id="communities"');
  });

  it("refuses a language it does not have, naming the value", () => {
    expect(() => planReportHtml(plan, system, { language: "fr" as "en" })).toThrow(/"fr"/);
  });

  it("does not mutate the plan", () => {
    const before = JSON.stringify(plan);
    planReportHtml(plan, system, { language: "zh" });
    expect(JSON.stringify(plan)).toBe(before);
  });
});

describe("planSummaryMarkdown", () => {
  it("is the report's document in Markdown: the same headings and headline figures", () => {
    const document = planReportDocument(plan, system, { language: "zh" });
    const markdown = planSummaryMarkdown(plan, system, { language: "zh" });
    for (const block of document.blocks) if (block.kind === "heading") expect(markdown).toContain(`${"#".repeat(block.level)} ${block.text}`);
    expect(markdown).toContain(`| 年度成本（元/年） | ${COMMON_MESSAGES.zh.number(plan.costs!.total)} |`);
    expect(markdown.endsWith("\n")).toBe(true);
  });

  it("links a figure that names a file and leaves out one that does not", () => {
    const svg = "<svg/>";
    const markdown = planSummaryMarkdown(plan, system, { figures: [{ svg, caption: "plan map", markdownImage: "map.png" }, { svg, caption: "no file" }] });
    expect(markdown).toContain("![plan map](map.png)");
    expect(markdown).not.toContain("no file");
  });
});

describe("the report's split settlements", () => {
  it("lists a split settlement with its parts, the most schools and its shares nearest first, in both languages", async () => {
    const { tinySystem } = await import("../helpers/schoolSystems.ts");
    const { planSchools } = await import("../../src/plan/planSchools.ts");
    const { splitSettlements } = await import("../../src/plan/result/splitShares.ts");
    // A seat of 1,043 grade 4–6 pupils beside a central school that holds 900 and a village school 20 minutes away.
    const seatSystem = tinySystem({
      settlements: [{ id: "seat", name: "Seat", pupils: { primary4to6: 1043 } }, { id: "v1", pupils: { primary4to6: 30 } }],
      schools: [
        { id: "C", name: "Central", type: "complete primary", tier: "township", classrooms: 20, maxAddedClassrooms: 0, classes: { primary4to6: 20 } },
        { id: "V1", name: "Village", type: "complete primary", tier: "village", required: true, classrooms: 2, maxAddedClassrooms: 6 },
      ],
      minutes: [[5, 20], [25, 5]],
    });
    const seatPlan = await planSchools(seatSystem, { threeSchools: false, timeLimitSeconds: 10 });
    const [split] = splitSettlements(seatSystem, seatPlan.rules, seatPlan.assignments!);
    expect(split!.shares.map((share) => share.school)).toEqual(["C", "V1"]);
    const en = planReportHtml(seatPlan, seatSystem, { language: "en" });
    expect(en).toContain('id="split-settlements"');
    expect(en).toMatch(/<td>Seat<\/td><td>primary grades 4–6<\/td><td class="num">1,043<\/td><td class="num">24 \(43\.5\)<\/td>/);
    expect(en).toContain(`Central: ${split!.shares[0]!.parts.toFixed(1)}, 5.0; Village: ${split!.shares[1]!.parts.toFixed(1)}, 20.0`);
    expect(planReportHtml(seatPlan, seatSystem, { language: "zh" })).toContain("分流的居民点");
    // The tiny plan has no split settlement, and so no such section.
    expect(planReportHtml(plan, system)).not.toContain('id="split-settlements"');
  });
});
