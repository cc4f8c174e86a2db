import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { GeoSchoolSystem } from "../../src/io/schoolSystemGeoJSON.ts";
import type { Plan } from "../../src/plan/result/result.ts";
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

  it("draws one line per settlement and school, dark grey with its own legend entry where several levels share it", () => {
    const rows = layout().assignments;
    const first = rows.find((row) => !row.boarding)!;
    const other = first.level === "primary1to3" ? "primary4to6" : "primary1to3";
    const shared = { ...layout(), assignments: [...rows, { ...first, level: other as typeof first.level }] };
    const svg = renderPlanMap(shared, geo, {});
    expect(svg).toMatch(new RegExp(`data-levels="(${first.level} ${other}|${other} ${first.level})"[^>]*stroke="#4d4d4d"`));
    expect(svg).toContain('data-entry="several-levels"');
    expect(svg).toContain("several levels");
    const segments = new Set(shared.assignments.map((row) => `${row.settlementIndex}:${row.schoolIndex}:${row.boarding}`));
    expect(svg.match(/<line data-levels?=/g)!.length).toBe(segments.size);
  });

  it("draws the settlements above the schools in the travel view, below them in the plan view", () => {
    const order = (svg: string) => svg.indexOf('<g id="settlements">') < svg.indexOf('<g id="schools">');
    expect(order(renderPlanMap(layout(), geo, {}))).toBe(true);
    expect(order(renderPlanMap(layout(), geo, { view: "travel" }))).toBe(false);
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

describe("renderPlanMap with a boundary", () => {
  /** A rectangle around the settlements, wound as RFC 7946 says (exterior anticlockwise) or the other way. */
  const box = (anticlockwise: boolean) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < geo.settlementCoordinates.length; i += 2) xs.push(geo.settlementCoordinates[i]!), ys.push(geo.settlementCoordinates[i + 1]!);
    const [x0, x1, y0, y1] = [Math.min(...xs) - 0.05, Math.max(...xs) + 0.05, Math.min(...ys) - 0.05, Math.max(...ys) + 0.05];
    const ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    return { type: "Feature" as const, properties: {}, geometry: { type: "Polygon" as const, coordinates: [anticlockwise ? ring : [...ring].reverse()] } };
  };

  it("fits the county whichever way its rings wind, and leaves the caller's boundary as it was", () => {
    const rfc = box(true);
    const before = JSON.stringify(rfc);
    const scale = (svg: string) => Number(/>(\d+(?:\.\d+)?) km</.exec(svg)![1]);
    const a = renderPlanMap(layout(), geo, { boundary: rfc });
    const b = renderPlanMap(layout(), geo, { boundary: box(false) });
    expect(scale(a)).toBeLessThanOrEqual(20);
    expect(scale(a)).toBe(scale(b));
    expect(JSON.stringify(rfc)).toBe(before);
  });
});

describe("planMapFigures", () => {
  it("draws the standard maps in order, one level on request, and none for a plan without a layout", async () => {
    const { planMapFigures } = await import("../../src/render/report/planFigures.ts");
    const figures = planMapFigures(plan, geo, { language: "zh", kinds: ["plan", "sideBySide", "travel", "levels"] });
    expect(figures.map((figure) => figure.caption)).toEqual(["规划：学校按措施区分，分配线颜色表示学段。", "现状与规划并列。", "居民点颜色表示其学生的平均单程时间。", "分学段地图：各学段的分配线及服务该学段的学校。"]);
    const levelsShown = new Set(plan.assignments!.filter((row) => row.pupils > 0).map((row) => row.level));
    expect(figures[3]!.svg.match(/<g id="legend">/g)).toHaveLength(levelsShown.size);
    const [one] = planMapFigures(plan, geo, { level: "primary4to6" });
    expect(new Set([...one!.svg.matchAll(/data-level="([^"]+)"/g)].map((match) => match[1]))).toEqual(new Set(["primary4to6"]));
    expect(planMapFigures({ ...plan, schools: undefined, assignments: undefined } as unknown as Plan, geo)).toEqual([]);
    expect(() => planMapFigures(plan, geo, { kinds: ["globe" as never] })).toThrow(/map kind must be one of/);
  });
});

describe("renderPlanMap's drawing order", () => {
  it("draws new schools after the others, so a school built beside a big one stays visible", () => {
    const svg = renderPlanMap(layout(), geo);
    const schools = svg.match(/<g id="schools">(.*?)<\/g>/)![1]!;
    const stars = schools.indexOf("<polygon");
    if (!plan.schools!.some((school) => school.action === "build")) throw new Error("the tiny plan builds no school: pick a fixture that does");
    expect(stars).toBeGreaterThan(-1);
    // After the first star, only stars follow (a star is a polygon; other markers are circles and crosses).
    expect(schools.slice(stars).replace(/<polygon [^>]*\/>/g, "")).toBe("");
  });
});
