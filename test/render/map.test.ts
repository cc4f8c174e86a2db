import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { GeoSchoolSystem } from "../../src/io/schoolSystemGeoJSON.ts";
import type { Plan } from "../../src/plan/result.ts";
import { renderMapGrid, renderPlanMap } from "../../src/render/map/index.ts";
import { svgToPng } from "../../src/render/png.node.ts";
import { tinyPlan } from "../plan/planFixture.ts";

let plan: Plan;
let geo: GeoSchoolSystem;
beforeAll(async () => {
  ({ plan, geo } = await tinyPlan({ timeLimitSeconds: 5 }));
});
const layout = () => ({ schools: plan.schools!, assignments: plan.assignments! });

describe("renderPlanMap", () => {
  it("writes well-formed SVG with one group per layer and a legend entry for each action present", () => {
    const svg = renderPlanMap(layout(), geo, { title: "Tiny" });
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const id of ["background", "boundary", "townships", "assignments", "settlements", "schools", "labels", "legend", "scale-bar", "north-arrow", "title", "notes"]) expect(svg).toContain(`<g id="${id}">`);
    for (const action of new Set(plan.schools!.filter((school) => school.action !== "not built").map((school) => school.action))) expect(svg).toContain(`data-entry="${action}"`);
    expect(renderPlanMap(layout(), geo, { title: "Tiny" })).toBe(svg);
  });

  it("keeps a school named <script> as text in a label, and Chinese words in zh", () => {
    const svg = renderPlanMap(layout(), geo, { language: "zh", title: "<script>alert(1)</script>", townshipNames: { T1: "<b>镇</b>" } });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("图例");
  });

  it("draws the travel view with its colour legend, and refuses a bad size", () => {
    expect(renderPlanMap(layout(), geo, { view: "travel" })).toContain("mean one-way trip");
    expect(() => renderPlanMap(layout(), geo, { width: 5 })).toThrow(/width/);
  });
});

describe("renderMapGrid and svgToPng", () => {
  it("sets panels side by side and the PNG decodes at the stated size, not blank", () => {
    const panel = renderPlanMap(layout(), geo, { width: 400, height: 300 });
    const grid = renderMapGrid([panel, panel]);
    expect(grid).toMatch(/^<svg [^>]*width="800" height="300"/);
    const png = svgToPng(grid, { width: 800 });
    expect([...png.slice(1, 4)].map((code) => String.fromCharCode(code)).join("")).toBe("PNG");
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([800, 300]);
    expect(png.length).toBeGreaterThan(5000);
  });
});
