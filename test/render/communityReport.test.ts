import { describe, expect, it } from "vitest";
import {
  communityColour, communityReportDocument, communityReportHtml, communitySummaryMarkdown, costMatrixFromCoordinates, formCommunities, renderCommunityMap, type CommunitySchool,
} from "../../src/index.ts";
import { plainText, type Block, type TableBlock } from "../../src/render/document/blocks.ts";

const schools: CommunitySchool[] = [
  { id: "P1", pupils: 900, leadEligible: true }, { id: "P2", pupils: 700, leadEligible: true },
  { id: "H1", pupils: 300, hubEligible: true }, { id: "H2", pupils: 200, hubEligible: true },
  { id: "V1", pupils: 40 }, { id: "V2", pupils: 30 }, { id: "V3", pupils: 20 },
];
const names = { P1: "城区一小", P2: "城区二小", H1: "甲镇中心小学", H2: "乙镇中心小学", V1: "甲村小", V2: "乙村小", V3: "丙村小" };
const coordinates = Float64Array.from([114.70, 23.80, 114.71, 23.80, 114.85, 23.90, 114.60, 23.70, 114.88, 23.93, 114.83, 23.95, 114.57, 23.68]);
const travelMinutes = costMatrixFromCoordinates(coordinates, coordinates, { unit: "minutes", speedKmPerHour: 50, detourFactor: 1.3 });
const rules = { k: 2, maxHubMemberMinutes: 30, minSchools: 2 };

const tables = (blocks: readonly Block[]): TableBlock[] => blocks.filter((block): block is TableBlock => block.kind === "table");
const texts = (blocks: readonly Block[]): string[] => blocks.flatMap((block) => (block.kind === "paragraph" ? [plainText(block.content)] : block.kind === "list" ? block.items.map(plainText) : block.kind === "heading" ? [block.text] : []));

describe("communityReportDocument", () => {
  it("gives the status, the balance, each community in its map colour, each school, the rules and the travel basis, in both languages", async () => {
    const plan = await formCommunities(schools, { ...rules, travelMinutes });
    expect(plan.status).toBe("optimal");
    const map = renderCommunityMap(plan, coordinates, { names });
    const en = communityReportDocument(plan, { names, rules, figures: [{ svg: map, caption: "the map", markdownImage: "map.png" }], travelBasis: "car: no road network: great-circle distance × detour factor 1.3 (assumed) at 50 km/h (assumed), in minutes" });
    const words = texts(en.blocks);
    expect(words).toContain("Optimal: no grouping that meets the rules has less link travel (proven).");
    const pupils = plan.communities.map((c) => c.pupils);
    expect(words).toContain(`Balance: ${Math.min(...pupils).toLocaleString("en")} to ${Math.max(...pupils).toLocaleString("en")} pupils per community (largest ÷ smallest ${(Math.max(...pupils) / Math.min(...pupils)).toFixed(2)}; coefficient of variation ${(Math.abs(pupils[0]! - pupils[1]!) / (pupils[0]! + pupils[1]!)).toFixed(2)}).`);
    expect(words).toEqual(expect.arrayContaining(["Communities: exactly 2.", "Hub → member: at most 30 min.", "Schools per community: at least 2.", "Every member joins through a hub."]));
    expect(words.some((line) => line.startsWith("Teachers' travel: car: no road network"))).toBe(true);
    const [communities, each] = tables(en.blocks);
    expect(communities!.rows).toHaveLength(2);
    plan.communities.forEach((c, k) => {
      expect(communities!.rows[k]![0]).toEqual({ swatch: communityColour(k), text: names[c.lead as keyof typeof names] });
      expect(communities!.rows[k]![3]).toBe(String(c.schools));
    });
    expect(each!.rows).toHaveLength(schools.length);
    expect(en.blocks.filter((block) => block.kind === "figure")).toHaveLength(1);
    // The same colour on the map.
    expect(map).toContain(`fill="${communityColour(0)}"`);
    const zh = texts(communityReportDocument(plan, { language: "zh", names, rules }).blocks);
    expect(zh).toContain("最优：在满足规则的分组中，联系出行总量最小（已证明）。");
    expect(zh).toContain("共同体个数：恰为 2 个。");
    const html = communityReportHtml(plan, { names });
    expect(html).toContain(`<span class="swatch" style="background:${communityColour(1)}"></span>`);
    const markdown = communitySummaryMarkdown(plan, { names, figures: [{ svg: map, caption: "the map", markdownImage: "map.png" }] });
    expect(markdown).toContain("![the map](map.png)");
    expect(markdown).not.toContain("swatch");
    expect(markdown).toContain(`| ${names[plan.communities[0]!.lead as keyof typeof names]} |`);
  });

  it("says why there is no grouping, and calls a grouping with a gap the best found", async () => {
    const none = await formCommunities(schools, { travelMinutes, k: 3 });
    const doc = communityReportDocument(none);
    expect(texts(doc.blocks)).toEqual(expect.arrayContaining(["No grouping meets the rules: the reasons follow.", "Why there is no grouping", "too few leads: 3 communities need 3 leads; 2 schools may lead"]));
    const zh = texts(communityReportDocument(none, { language: "zh" }).blocks);
    expect(zh).toEqual(expect.arrayContaining(["无法分组的原因", "牵头学校不足：3 communities need 3 leads; 2 schools may lead", "各项原因的说明（含数字）以英文给出。"]));
    expect(tables(doc.blocks)).toHaveLength(0);
    const plan = await formCommunities(schools, { travelMinutes, k: 2 });
    const withGap = { ...plan, status: "feasible" as const, bound: plan.objective! * 0.9, gap: 0.1 };
    expect(texts(communityReportDocument(withGap).blocks)).toContain("The best grouping found, within 10.00 % of the proven bound (not proven optimal).");
    expect(() => communityReportDocument(plan, { language: "fr" as never })).toThrow(RangeError);
  });
});
