import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { communityColour, costMatrixFromCoordinates, formCommunities, renderCommunityMap, type CommunitySchool } from "../../src/index.ts";
import { svgToPng } from "../../src/render/png.node.ts";

const schools: CommunitySchool[] = [
  { id: "城区一小", leadEligible: true }, { id: "城区二小", leadEligible: true },
  { id: "甲镇中心小学", hubEligible: true }, { id: "乙镇中心小学", hubEligible: true },
  { id: "甲村小", pupils: 40 }, { id: "乙村小", pupils: 30 }, { id: "丙村小", pupils: 20 },
];
const coordinates = Float64Array.from([114.70, 23.80, 114.71, 23.80, 114.85, 23.90, 114.60, 23.70, 114.88, 23.93, 114.83, 23.95, 114.57, 23.68]);
const travelMinutes = costMatrixFromCoordinates(coordinates, coordinates, { unit: "minutes", speedKmPerHour: 50, detourFactor: 1.3 });

describe("renderCommunityMap", () => {
  it("draws each community in its own colour: outline, links, schools by role, the leads named without overlaps, in Chinese and English", async () => {
    const plan = await formCommunities(schools, { travelMinutes, k: 2 });
    expect(plan.status).toBe("optimal");
    for (const language of ["zh", "en"] as const) {
      const svg = renderCommunityMap(plan, coordinates, { language, sources: ["illustrative"] });
      expect(XMLValidator.validate(svg)).toBe(true);
      for (const layer of ["background", "boundary", "townships", "outlines", "links", "schools", "labels", "legend", "scale-bar", "north-arrow", "title", "notes"]) expect(svg).toContain(`<g id="${layer}">`);
      expect(svg.match(/<path data-community=/g)).toHaveLength(2);
      expect(svg.match(/<line data-community=/g)).toHaveLength(schools.length - 2);
      // One colour per community, the links in their community's.
      const colours = plan.communities.map((c) => new RegExp(`<path data-community="${c.lead}" d="[^"]*" fill="(#[0-9a-f]{6})"`).exec(svg)![1]);
      expect(new Set(colours).size).toBe(2);
      // Two lead squares, and the legend's.
      expect(svg.match(/<rect x="[^"]+" y="[^"]+" width="14" height="14"/g)).toHaveLength(3);
      expect(svg).toContain(language === "zh" ? "城乡教育共同体" : "Education communities");
      expect(svg).toContain(language === "zh" ? "牵头学校" : "lead school");
    }
    // The two leads stand 1 km apart: both are labelled, their labels do not overlap.
    const labels = [...renderCommunityMap(plan, coordinates).matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*font-weight="bold">(城区[一二]小)<\/text>/g)];
    expect(labels).toHaveLength(2);
    const [a, b] = labels.map((m) => [Number(m[1]), Number(m[2])]) as [[number, number], [number, number]];
    expect(Math.abs(a[1] - b[1]) >= 14 || Math.abs(a[0] - b[0]) >= 12 * 4).toBe(true);
    const png = svgToPng(renderCommunityMap(plan, coordinates, { language: "zh" }));
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(() => renderCommunityMap(plan, coordinates.subarray(2))).toThrow(/coordinates must hold 2 numbers per school of the plan \(14\); got 12/);
  });

  it("draws only the communities asked for, each in its colour in the plan, on the extent of every school", async () => {
    const plan = await formCommunities(schools, { travelMinutes, k: 2 });
    const all = renderCommunityMap(plan, coordinates);
    const second = plan.communities[1]!;
    const one = renderCommunityMap(plan, coordinates, { communities: [second.lead] });
    expect(one.match(/<path data-community=/g)).toHaveLength(1);
    expect(one).toContain(`<path data-community="${second.lead}"`);
    expect(one.match(/<line data-community=/g)).toHaveLength(second.schools - 1);
    expect(one).toContain(`fill="${communityColour(1)}"`);
    expect(one).not.toContain(`data-community="${plan.communities[0]!.lead}"`);
    // The same frame: the boundary-less extent covers every school, so the lead sits where it sat.
    const leadSquare = (svg: string): string => /<rect x="([^"]+)" y="([^"]+)" width="14" height="14" fill="[^"]+" stroke="#222222"/.exec(svg.slice(svg.indexOf('<g id="schools">')))!.slice(1).join(",");
    expect(all).toContain(leadSquare(one).split(",")[0]!);
    expect(() => renderCommunityMap(plan, coordinates, { communities: ["甲村小"] })).toThrow(/communities: "甲村小" leads no community of the plan/);
  });

  it("sets schools at one spot apart, each with its own marker, and breaks notes without a line starting in closing punctuation", async () => {
    // Both leads at the same place.
    const same = Float64Array.from(coordinates);
    same[2] = same[0]!;
    same[3] = same[1]!;
    const minutes = costMatrixFromCoordinates(same, same, { unit: "minutes", speedKmPerHour: 50, detourFactor: 1.3 });
    const plan = await formCommunities(schools, { travelMinutes: minutes, k: 2 });
    const svg = renderCommunityMap(plan, same, { sources: ["示意数据：学校与成员均为假定；牵头学校沿用县城学校名称（假定，非调查所得）。以分钟计（假定），以分钟计"] });
    const squares = [...svg.slice(svg.indexOf('<g id="schools">'), svg.indexOf('<g id="labels">')).matchAll(/<rect x="([^"]+)" y="([^"]+)" width="14" height="14" fill="[^"]+" stroke="#222222"/g)].map((m) => `${m[1]},${m[2]}`);
    expect(squares).toHaveLength(2);
    expect(new Set(squares).size).toBe(2);
    const lines = [...svg.slice(svg.indexOf('<g id="notes">')).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).not.toMatch(/^[，。、；：）]/);
  });
});
