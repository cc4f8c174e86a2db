/**
 * Maps of a plan as SVG text, built with d3-geo in a fitted projection (no DOM: Node, Deno and browsers alike):
 * county boundary and township borders where given, assignment lines coloured by level (boarding dashed),
 * settlements sized by pupils (or coloured by their trip in the travel view), schools styled by action with a
 * boarding ring, township labels placed without overlaps where avoidable, a legend, a scale bar, a north arrow, the
 * title, and the data sources and travel basis in the corner. One `<g id>` per layer, styles as attributes.
 * @module
 */
import { schemeTableau10, interpolateYlOrRd } from "d3-scale-chromatic";
import type { Feature, FeatureCollection } from "geojson";
import type { LevelId } from "../../norms/levels.ts";
import type { PlannedAssignment, PlannedSchool, SchoolAction } from "../../plan/result/result.ts";
import type { SchoolSystem } from "../../plan/system/system.ts";
import { checkLanguage, type Language } from "../messages/common.ts";
import { messagesFor } from "../messages/index.ts";
import { checkSize, cornerNotes, features, fitFrame, frameLayers, groundLayers, labelPlacer } from "./frame.ts";
import { px, textElement } from "./svg.ts";

/** The geography of a plan: the system and its points, as {@link schoolSystemFromGeoJSON} gives them. */
export interface MapGeography {
  /** The school system. */
  readonly system: SchoolSystem;
  /** Length 2n: settlement [longitude, latitude, ...], WGS-84. */
  readonly settlementCoordinates: Float64Array;
  /** Length 2m: school then candidate [longitude, latitude, ...], WGS-84. */
  readonly schoolCoordinates: Float64Array;
}

/** A layout to draw: a plan with figures, its status quo, or any `{ schools, assignments }`. */
export interface MapLayout {
  /** Every system school, in system order. */
  readonly schools: readonly PlannedSchool[];
  /** The assignment rows. */
  readonly assignments: readonly PlannedAssignment[];
}

/** Options of {@link renderPlanMap}. */
export interface PlanMapOptions {
  /** `zh` or `en`. Default `en`. */
  readonly language?: Language;
  /** The title. Default "School plan" / "学校布局规划". */
  readonly title?: string;
  /** `plan` (schools by action, assignments) or `travel` (settlements coloured by their pupils' mean trip). Default `plan`. */
  readonly view?: "plan" | "travel";
  /** Draw one level only (its assignments and the schools serving it). Default every level. */
  readonly level?: LevelId;
  /** County boundary (Polygon / MultiPolygon Feature or FeatureCollection, WGS-84). Default none. */
  readonly boundary?: Feature | FeatureCollection;
  /** Township borders (Polygons, WGS-84). Default none. */
  readonly townships?: Feature | FeatureCollection;
  /** Township names by id, for the labels. Default the ids. */
  readonly townshipNames?: Readonly<Record<string, string>>;
  /** Lines in the corner: data sources. Default none. */
  readonly sources?: readonly string[];
  /** How travel times were made, written in the corner (in Chinese, the phrases school-layout writes are translated). Default none. */
  readonly travelBasis?: string;
  /** Width and height in px. Default 1000 × 760. */
  readonly width?: number;
  /** See `width`. */
  readonly height?: number;
}

const ACTION_STYLE: Readonly<Record<Exclude<SchoolAction, "not built">, { fill: string; stroke: string }>> = {
  keep: { fill: "#2166ac", stroke: "#ffffff" },
  expand: { fill: "#1b7837", stroke: "#ffffff" },
  close: { fill: "#ffffff", stroke: "#8c8c8c" },
  build: { fill: "#d6604d", stroke: "#ffffff" },
};
const LEVEL_ORDER: readonly LevelId[] = ["kindergarten", "primary1to3", "primary4to6", "junior", "senior"];

/** The colour of an assignment line that several levels share. */
const SEVERAL_LEVELS_COLOUR = "#4d4d4d";

function levelColour(level: LevelId): string {
  return schemeTableau10[LEVEL_ORDER.indexOf(level)] ?? "#888888";
}




/** One school marker by action, at (x, y), radius r. */
function schoolMarker(school: PlannedSchool, x: number, y: number, r: number, boarding: boolean): string {
  const action = school.action === "not built" ? "close" : school.action;
  const { fill, stroke } = ACTION_STYLE[action];
  const ring = boarding ? `<circle cx="${px(x)}" cy="${px(y)}" r="${px(r + 2.5)}" fill="none" stroke="#e08214" stroke-width="1.8"/>` : "";
  if (action === "build") {
    const points = Array.from({ length: 10 }, (_, k) => {
      const radius = k % 2 === 0 ? r * 1.35 : r * 0.6;
      const angle = -Math.PI / 2 + (k * Math.PI) / 5;
      return `${px(x + radius * Math.cos(angle))},${px(y + radius * Math.sin(angle))}`;
    }).join(" ");
    return `${ring}<polygon points="${points}" fill="${fill}" stroke="${stroke}" stroke-width="0.8"/>`;
  }
  if (action === "close") {
    const d = r * 0.7;
    return `<circle cx="${px(x)}" cy="${px(y)}" r="${px(r)}" fill="${fill}" stroke="${stroke}" stroke-width="1.2"/><path d="M${px(x - d)},${px(y - d)}L${px(x + d)},${px(y + d)}M${px(x - d)},${px(y + d)}L${px(x + d)},${px(y - d)}" stroke="${stroke}" stroke-width="1.2"/>`;
  }
  const expand = action === "expand" ? `<circle cx="${px(x)}" cy="${px(y)}" r="${px(r * 0.45)}" fill="#ffffff"/>` : "";
  return `${ring}<circle cx="${px(x)}" cy="${px(y)}" r="${px(r)}" fill="${fill}" stroke="${stroke}" stroke-width="0.8"/>${expand}`;
}


/**
 * A map of a plan (or its status quo, or any layout) as one SVG string. The projection is Mercator, fitted to the
 * boundary where given, else to the points. Layers (`<g id>`): `background`, `boundary`, `townships`,
 * `assignments`, `settlements`, `schools`, `labels`, `legend`, `scale-bar`, `north-arrow`, `title`, `notes`.
 * Schools: kept (blue), expanded (green with a white centre), built (red star), closed (hollow, crossed grey),
 * an orange ring where the school has boarders; sized by enrolment. Candidates not built are not drawn. Text is
 * escaped; the same input gives the same bytes.
 * @param layout - the schools and rows to draw (a plan with figures, `plan.statusQuo`, …; not mutated)
 * @param geography - the system and its coordinates
 * @param options - see {@link PlanMapOptions}
 * @returns an `<svg>` element with width, height and viewBox
 * @throws RangeError for a language other than `zh`/`en`, or a width or height outside 200–10000 px
 * @example
 * ```ts
 * const svg = renderPlanMap(plan as Required<Plan>, geo, { language: "zh", boundary, title: "东源县学校布局规划" });
 * ```
 */
export function renderPlanMap(layout: MapLayout, geography: MapGeography, options: PlanMapOptions = {}): string {
  const language = checkLanguage(options.language ?? "en");
  const messages = messagesFor(language);
  const words = messages.map;
  const width = checkSize("width", options.width, 1000);
  const height = checkSize("height", options.height, 760);
  const view = options.view ?? "plan";
  if (view !== "plan" && view !== "travel") throw new RangeError(`view must be "plan" or "travel"; got ${JSON.stringify(view)}`);
  const { system, settlementCoordinates: sc, schoolCoordinates: kc } = geography;
  const level = options.level;
  const rows = layout.assignments.filter((row) => row.pupils > 0 && (level === undefined || row.level === level));
  const boundary = features(options.boundary);
  const townships = features(options.townships);
  const points: [number, number][] = [];
  for (let i = 0; i < system.settlements.length; i++) points.push([sc[2 * i]!, sc[2 * i + 1]!]);
  for (const school of layout.schools) if (school.action !== "not built") points.push([kc[2 * school.index]!, kc[2 * school.index + 1]!]);
  const frame = fitFrame(width, height, boundary, points);
  const { at, top, legendWidth } = frame;
  const parts: string[] = groundLayers(frame, boundary, townships);
  // Assignment lines, thin and semi-transparent, boarding dashed: one line per settlement, school and trip kind, in
  // the level's colour, or dark grey where several levels share it (overlapping colours would blend to grey).
  const segments = new Map<string, { row: PlannedAssignment; levels: LevelId[] }>();
  for (const row of rows) {
    const key = `${row.settlementIndex}:${row.schoolIndex}:${row.boarding ? "b" : "d"}`;
    const segment = segments.get(key);
    if (segment === undefined) segments.set(key, { row, levels: [row.level] });
    else if (!segment.levels.includes(row.level)) segment.levels.push(row.level);
  }
  const lines = view === "plan" ? [...segments.values()].map(({ row, levels }) => {
    const [x1, y1] = at(sc[2 * row.settlementIndex]!, sc[2 * row.settlementIndex + 1]!);
    const [x2, y2] = at(kc[2 * row.schoolIndex]!, kc[2 * row.schoolIndex + 1]!);
    const single = levels.length === 1;
    const tag = single ? `data-level="${row.level}"` : `data-levels="${levels.join(" ")}"`;
    return `<line ${tag} x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${single ? levelColour(row.level) : SEVERAL_LEVELS_COLOUR}" stroke-width="0.8" stroke-opacity="${single ? 0.55 : 0.7}"${row.boarding ? ' stroke-dasharray="3,2"' : ""}/>`;
  }) : [];
  const severalLevels = [...segments.values()].some(({ levels }) => levels.length > 1);
  parts.push(`<g id="assignments">${lines.join("")}</g>`);
  // Settlements: sized by pupils (of the level shown); in the travel view coloured by the pupil-weighted mean trip.
  const pupils = new Float64Array(system.settlements.length);
  const minutes = new Float64Array(system.settlements.length);
  for (const row of rows) {
    pupils[row.settlementIndex] += row.pupils;
    if (Number.isFinite(row.travelMinutes)) minutes[row.settlementIndex] += row.pupils * row.travelMinutes;
  }
  const maxPupils = Math.max(1, ...pupils);
  const meanTrip = Array.from(pupils, (count, i) => (count > 0 ? minutes[i]! / count : 0));
  const tripScaleMax = Math.max(30, ...meanTrip);
  const settlements: string[] = [];
  system.settlements.forEach((_, i) => {
    if (pupils[i]! <= 0) return;
    const [x, y] = at(sc[2 * i]!, sc[2 * i + 1]!);
    const r = 1.5 + 7 * Math.sqrt(pupils[i]! / maxPupils);
    const fill = view === "travel" ? interpolateYlOrRd(Math.min(1, meanTrip[i]! / tripScaleMax)) : "#7f7f7f";
    settlements.push(`<circle cx="${px(x)}" cy="${px(y)}" r="${px(r)}" fill="${fill}" fill-opacity="${view === "travel" ? 0.9 : 0.45}" stroke="${view === "travel" ? "#5a5a5a" : "none"}" stroke-width="0.4"/>`);
  });
  const settlementLayer = `<g id="settlements">${settlements.join("")}</g>`;
  // In the plan view schools stand on the settlements; in the travel view the settlements are the picture, on top.
  if (view !== "travel") parts.push(settlementLayer);
  // Schools: the closed first, so open schools stand on top.
  const enrolled = (school: PlannedSchool): number => (level === undefined ? Object.values(school.enrolment).reduce((sum, value) => sum + value, 0) : school.enrolment[level]);
  const servesLevel = (school: PlannedSchool): boolean => level === undefined || school.classes[level] > 0 || school.enrolment[level] > 0 || (school.action === "close" && system.schools[school.index]!.classes[level] > 0);
  const drawn = layout.schools.filter((school) => school.action !== "not built" && servesLevel(school));
  const maxEnrolled = Math.max(1, ...drawn.map(enrolled));
  // Closed first, then open by enrolment (small on top of nothing big), new schools last: a school built beside a
  // township's central school (often at the same point) stays visible.
  const built = (school: PlannedSchool): number => Number(school.action === "build");
  const order = [...drawn].sort((a, b) => Number(a.open) - Number(b.open) || built(a) - built(b) || enrolled(a) - enrolled(b) || a.index - b.index);
  parts.push(`<g id="schools">${order.map((school) => {
    const [x, y] = at(kc[2 * school.index]!, kc[2 * school.index + 1]!);
    return schoolMarker(school, x, y, school.open ? 2.5 + 6 * Math.sqrt(enrolled(school) / maxEnrolled) : 3, school.open && school.boarders > 0);
  }).join("")}</g>`);
  if (view === "travel") parts.push(settlementLayer);
  // Labels: one per township, at its central school (or first school), placed greedily where it overlaps nothing.
  const place = labelPlacer(frame);
  const labels: string[] = [];
  const seen = new Set<string>();
  const anchors = [...drawn].sort((a, b) => (a.tier === "village" ? 1 : 0) - (b.tier === "village" ? 1 : 0) || a.index - b.index);
  for (const school of anchors) {
    const township = school.township;
    if (township === null || seen.has(township) || school.tier === "village") continue;
    seen.add(township);
    const text = options.townshipNames?.[township] ?? township;
    const [x, y] = at(kc[2 * school.index]!, kc[2 * school.index + 1]!);
    const label = place(x, y, text, "");
    if (label !== null) labels.push(label);
  }
  parts.push(`<g id="labels">${labels.join("")}</g>`);
  // Legend.
  const lx = width - legendWidth + 8;
  let ly = top + 4;
  const legend: string[] = [textElement(lx, ly, words.legend, 'font-size="14" font-weight="bold" fill="#222222"')];
  ly += 20;
  const present = new Set(drawn.map((school) => school.action));
  for (const action of ["keep", "expand", "build", "close"] as const) {
    if (!present.has(action)) continue;
    legend.push(`<g class="legend-entry" data-entry="${action}">${schoolMarker({ action } as PlannedSchool, lx + 8, ly - 4, 6, false)}${textElement(lx + 22, ly, messages.common.actions[action], 'font-size="12" fill="#222222"')}</g>`);
    ly += 20;
  }
  if (drawn.some((school) => school.open && school.boarders > 0)) {
    legend.push(`<g class="legend-entry" data-entry="boarding">${schoolMarker({ action: "keep" } as PlannedSchool, lx + 8, ly - 4, 6, true)}${textElement(lx + 22, ly, words.boarding, 'font-size="12" fill="#222222"')}</g>`);
    ly += 22;
  }
  if (view === "plan") {
    const levels = [...new Set(rows.map((row) => row.level))].sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
    for (const entry of levels) {
      legend.push(`<g class="legend-entry" data-entry="${entry}"><line x1="${lx}" y1="${ly - 4}" x2="${lx + 16}" y2="${ly - 4}" stroke="${levelColour(entry)}" stroke-width="2"/>${textElement(lx + 22, ly, messages.common.levels[entry], 'font-size="12" fill="#222222"')}</g>`);
      ly += 18;
    }
    if (severalLevels) {
      legend.push(`<g class="legend-entry" data-entry="several-levels"><line x1="${lx}" y1="${ly - 4}" x2="${lx + 16}" y2="${ly - 4}" stroke="${SEVERAL_LEVELS_COLOUR}" stroke-width="2"/>${textElement(lx + 22, ly, words.severalLevels, 'font-size="12" fill="#222222"')}</g>`);
      ly += 18;
    }
    if (rows.some((row) => row.boarding)) {
      legend.push(`<g class="legend-entry" data-entry="boarding-trip"><line x1="${lx}" y1="${ly - 4}" x2="${lx + 16}" y2="${ly - 4}" stroke="#555555" stroke-width="1.5" stroke-dasharray="3,2"/>${textElement(lx + 22, ly, words.boardingTrip, 'font-size="12" fill="#222222"')}</g>`);
      ly += 18;
    }
    legend.push(`<g class="legend-entry" data-entry="settlement"><circle cx="${lx + 8}" cy="${ly - 4}" r="5" fill="#7f7f7f" fill-opacity="0.45"/>${textElement(lx + 22, ly, words.settlement, 'font-size="12" fill="#222222"')}</g>`);
    ly += 18;
  } else {
    legend.push(textElement(lx, ly, words.meanTrip, 'font-size="12" fill="#222222"'));
    ly += 8;
    for (let k = 0; k <= 5; k++) legend.push(`<rect x="${px(lx + k * 28)}" y="${px(ly)}" width="28" height="10" fill="${interpolateYlOrRd(k / 5)}"/>`);
    ly += 22;
    legend.push(textElement(lx, ly, "0", 'font-size="11" fill="#222222"'), textElement(lx + 150, ly, messages.common.minutes(messages.common.number(tripScaleMax, 0)), 'font-size="11" fill="#222222" text-anchor="end"'));
    ly += 18;
  }
  parts.push(`<g id="legend">${legend.join("")}</g>`);
  const title = options.title ?? messages.report.title;
  const subtitle = [level === undefined ? "" : messages.common.levels[level], view === "travel" ? words.travelView : ""].filter(Boolean).join(" · ");
  const notes = cornerNotes(options.sources, options.travelBasis, words.travelBasis, language);
  parts.push(...frameLayers(frame, { north: words.north, title, subtitle, notes, legendBottom: ly }));
  return parts.join("");
}


/**
 * Small multiples: several map SVGs side by side in one SVG (e.g. the status quo beside the plan, or one map per
 * level), each panel at its own size, `columns` to a row.
 * @param panels - SVG strings from {@link renderPlanMap}
 * @param columns - panels per row; default all in one row
 * @returns one `<svg>` holding the panels as nested `<svg>` elements
 * @throws RangeError for no panels, a panel that is not an SVG with width and height, or columns < 1
 */
export function renderMapGrid(panels: readonly string[], columns = panels.length): string {
  if (panels.length === 0) throw new RangeError("renderMapGrid needs at least one panel");
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`columns must be a whole number ≥ 1; got ${JSON.stringify(columns)}`);
  const sizes = panels.map((panel, index) => {
    const match = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(panel);
    if (match === null) throw new RangeError(`panel ${index} is not an SVG with width and height`);
    return [Number(match[1]), Number(match[2])] as const;
  });
  const cell = [Math.max(...sizes.map(([w]) => w)), Math.max(...sizes.map(([, h]) => h))] as const;
  const rows = Math.ceil(panels.length / columns);
  const width = cell[0] * Math.min(columns, panels.length);
  const height = cell[1] * rows;
  const nested = panels.map((panel, index) => panel.replace(/^<svg /, `<svg x="${(index % columns) * cell[0]}" y="${Math.floor(index / columns) * cell[1]}" `));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${nested.join("")}</svg>`;
}

