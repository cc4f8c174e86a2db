/**
 * A map of urban–rural education communities as SVG text (d3-geo, no DOM): each community in its own colour —
 * its outline (the hull of its schools, drawn wide and pale: a picture, not a boundary), its links (lead → hub →
 * member), its schools by role (lead a large square, hub a ringed circle, member a dot) — on the county boundary
 * and township borders where given, with the legend, scale bar, north arrow, title and notes of the plan maps.
 * Schools at one spot are set apart on a small ring around it, so that each keeps its marker.
 * Layers (`<g id>`): `background`, `boundary`, `townships`, `outlines`, `links`, `schools`, `labels`, `legend`,
 * `scale-bar`, `north-arrow`, `title`, `notes`.
 * @module
 */
import { convex, featureCollection, lineString, point, rewind } from "@turf/turf";
import { schemeSet3, schemeTableau10 } from "d3-scale-chromatic";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { CommunityMembership, CommunityPlan } from "../../communities/communityTypes.ts";
import { checkLanguage, type Language } from "../messages/common.ts";
import { messagesFor } from "../messages/index.ts";
import { checkSize, cornerNotes, features, fitFrame, frameLayers, groundLayers, labelPlacer } from "./frame.ts";
import { px, textElement } from "./svg.ts";

/** Options of {@link renderCommunityMap}. */
export interface CommunityMapOptions {
  /** `zh` or `en`. Default `en`. */
  readonly language?: Language;
  /** The title. Default "Education communities" / "城乡教育共同体". */
  readonly title?: string;
  /** County boundary (Polygons, WGS-84). Default none. */
  readonly boundary?: Feature | FeatureCollection;
  /** Township borders (Polygons, WGS-84). Default none. */
  readonly townships?: Feature | FeatureCollection;
  /** Display names by school id (the leads are labelled). Default the ids. */
  readonly names?: Readonly<Record<string, string>>;
  /** Lines in the corner: data sources. Default none. */
  readonly sources?: readonly string[];
  /** How the teachers' travel times were made, written in the corner. Default none. */
  readonly travelBasis?: string;
  /**
   * The communities to draw, by their leads' ids (e.g. those of one level, for one map per level); each keeps its
   * colour in the plan, and the map its extent over every school. Default all.
   */
  readonly communities?: readonly string[];
  /** Width and height in px. Default 1000 × 760. */
  readonly width?: number;
  /** See `width`. */
  readonly height?: number;
}

/**
 * The colour of the k-th community of a plan on the map and in the report: Tableau 10, then Set 3, repeating.
 * @param k - the community's index in `plan.communities` (0-based)
 * @returns a `#rrggbb` colour
 */
export function communityColour(k: number): string {
  const palette = [...schemeTableau10, ...schemeSet3];
  return palette[k % palette.length]!;
}

/**
 * Screen positions of the schools drawn, those sharing a spot (e.g. a township's "three schools" at its seat, or
 * the county-seat leads) set apart on a small ring around it, leads first, so that each keeps a marker of its own.
 */
function spreadColocated(memberships: readonly CommunityMembership[], at: (id: string) => [number, number]): { screen: Map<string, [number, number]>; labelAt: Map<string, [number, number]> } {
  // Leads and hubs (large markers) within 12 px of each other, members only at the same spot (3 px), form a cluster;
  // clusters whose rings would still overlap are merged and set out again.
  const points = memberships.map((m) => at(m.school));
  const big = memberships.map((m) => m.role !== "member");
  const parent = memberships.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  const near = (p: readonly [number, number], q: readonly [number, number], reach: number): boolean => Math.hypot(p[0] - q[0], p[1] - q[1]) <= reach;
  for (let a = 0; a < points.length; a++) for (let b = a + 1; b < points.length; b++) if (near(points[a]!, points[b]!, big[a] && big[b] ? 12 : 3)) parent[find(a)] = find(b);
  const order = { lead: 0, hub: 1, member: 2 } as const;
  let placed: [number, number][] = [];
  let anchors: [number, number][] = [];
  for (let round = 0; round < 6; round++) {
    const groups = new Map<number, number[]>();
    memberships.forEach((_, k) => groups.set(find(k), [...(groups.get(find(k)) ?? []), k]));
    placed = points.map((p) => [p[0], p[1]]);
    anchors = points.map((p) => [p[0], p[1]]);
    for (const group of groups.values()) {
      if (group.length === 1) continue;
      const cx = group.reduce((sum, k) => sum + points[k]![0], 0) / group.length;
      const cy = group.reduce((sum, k) => sum + points[k]![1], 0) / group.length;
      // Room for a marker and a gap each around the ring.
      const radius = Math.max(12, (24 * group.length) / (2 * Math.PI));
      [...group].sort((a, b) => order[memberships[a]!.role] - order[memberships[b]!.role] || a - b).forEach((k, j) => {
        const angle = -Math.PI / 2 + (2 * Math.PI * j) / group.length;
        placed[k] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
        anchors[k] = [cx + (radius + 14) * Math.cos(angle), cy + (radius + 14) * Math.sin(angle)];
      });
    }
    let merged = false;
    for (let a = 0; a < points.length; a++) for (let b = a + 1; b < points.length; b++) {
      if (big[a] && big[b] && find(a) !== find(b) && near(placed[a]!, placed[b]!, 15)) { parent[find(a)] = find(b); merged = true; }
    }
    if (!merged) break;
  }
  const screen = new Map<string, [number, number]>();
  const labelAt = new Map<string, [number, number]>();
  memberships.forEach((m, k) => { screen.set(m.school, placed[k]!); labelAt.set(m.school, anchors[k]!); });
  return { screen, labelAt };
}

/**
 * Draws the communities of a plan as one SVG string (see the module documentation).
 * @param plan - from {@link formCommunities} (not mutated); a plan without communities draws the schools' frame only
 * @param coordinates - length 2n: each school's [longitude, latitude] (WGS-84) in the plan's school order
 * @param options - language, title, boundary, townships, names, sources, travel basis, size
 * @returns an `<svg>` element
 * @throws RangeError for a language other than `zh`/`en`, a size outside 200–10000 px, coordinates that are not
 *   two per school, or `communities` naming a school that leads none
 */
export function renderCommunityMap(plan: CommunityPlan, coordinates: ArrayLike<number>, options: CommunityMapOptions = {}): string {
  const language = checkLanguage(options.language ?? "en");
  const messages = messagesFor(language);
  const words = messages.map;
  const width = checkSize("width", options.width, 1000);
  const height = checkSize("height", options.height, 760);
  const n = plan.memberships.length;
  if (coordinates.length !== 2 * n) throw new RangeError(`coordinates must hold 2 numbers per school of the plan (${2 * n}); got ${coordinates.length}`);
  const index = new Map(plan.memberships.map((m, s) => [m.school, s]));
  const lonlat = (id: string): [number, number] => {
    const s = index.get(id)!;
    return [coordinates[2 * s]!, coordinates[2 * s + 1]!];
  };
  const boundary = features(options.boundary);
  const townships = features(options.townships);
  const points = plan.memberships.map((m) => lonlat(m.school));
  const frame = fitFrame(width, height, boundary, points);
  const { at, path, top, legendWidth } = frame;
  const parts = groundLayers(frame, boundary, townships);
  const colourOf = new Map(plan.communities.map((c, k) => [c.lead, communityColour(k)]));
  const shown = new Set(options.communities ?? plan.communities.map((c) => c.lead));
  for (const lead of shown) if (!colourOf.has(lead)) throw new RangeError(`communities: ${JSON.stringify(lead)} leads no community of the plan`);
  const communities = plan.communities.filter((c) => shown.has(c.lead));
  const memberships = plan.memberships.filter((m) => shown.has(m.community));
  const { screen, labelAt } = spreadColocated(memberships, (id) => at(...lonlat(id)));
  // Outlines: the hull of each community's schools (a line or a point for one or two), drawn wide and pale.
  const outlines = communities.map((c) => {
    const ids = [c.lead, ...c.hubs, ...c.members];
    const lonlats = ids.map(lonlat);
    const hull = lonlats.length >= 3 ? convex(featureCollection(lonlats.map((p) => point(p)))) : null;
    const shape: Feature<Geometry> = hull !== null ? (rewind(hull, { reverse: true, mutate: false }) as Feature<Geometry>) : lonlats.length === 1 ? point(lonlats[0]!) : lineString(lonlats);
    const d = path(shape) ?? "";
    const colour = colourOf.get(c.lead)!;
    return `<path data-community="${c.lead}" d="${d}" fill="${colour}" fill-opacity="0.16" stroke="${colour}" stroke-opacity="0.3" stroke-width="14" stroke-linejoin="round" stroke-linecap="round"/>`;
  });
  parts.push(`<g id="outlines">${outlines.join("")}</g>`);
  const links = memberships.filter((m) => m.role !== "lead").map((m) => {
    const [x1, y1] = screen.get(m.hub ?? m.lead)!;
    const [x2, y2] = screen.get(m.school)!;
    return `<line data-community="${m.community}" x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${colourOf.get(m.community)!}" stroke-width="${m.role === "hub" ? 1.8 : 0.9}" stroke-opacity="0.85"/>`;
  });
  parts.push(`<g id="links">${links.join("")}</g>`);
  const marker = (role: "lead" | "hub" | "member", x: number, y: number, colour: string): string =>
    role === "lead"
      ? `<rect x="${px(x - 7)}" y="${px(y - 7)}" width="14" height="14" fill="${colour}" stroke="#222222" stroke-width="1.4"/>`
      : role === "hub"
        ? `<circle cx="${px(x)}" cy="${px(y)}" r="5.5" fill="#ffffff" stroke="${colour}" stroke-width="2.6"/>`
        : `<circle cx="${px(x)}" cy="${px(y)}" r="3" fill="${colour}" stroke="#ffffff" stroke-width="0.6"/>`;
  // Members first, then hubs, then leads on top.
  const order = { member: 0, hub: 1, lead: 2 } as const;
  const drawn = [...memberships].sort((a, b) => order[a.role] - order[b.role]);
  parts.push(`<g id="schools">${drawn.map((m) => { const [x, y] = screen.get(m.school)!; return marker(m.role, x, y, colourOf.get(m.community)!); }).join("")}</g>`);
  // The leads' names, placed without overlaps (leads often share the county seat; the legend names them all).
  // The leads' and hubs' markers stay clear of the labels.
  const markers = memberships.filter((m) => m.role !== "member").map((m) => { const [x, y] = screen.get(m.school)!; const r = m.role === "lead" ? 8 : 7; return { x0: x - r, y0: y - r, x1: x + r, y1: y + r }; });
  const place = labelPlacer(frame, markers);
  const labels = communities.flatMap((c) => {
    const [x, y] = labelAt.get(c.lead)!;
    const label = place(x, y, options.names?.[c.lead] ?? c.lead, 'font-weight="bold"');
    return label === null ? [] : [label];
  });
  parts.push(`<g id="labels">${labels.join("")}</g>`);
  // Legend: the roles, the links and outlines, then each community with its figures.
  const lx = width - legendWidth + 8;
  let ly = top + 4;
  const legend: string[] = [textElement(lx, ly, words.legend, 'font-size="14" font-weight="bold" fill="#222222"')];
  ly += 20;
  for (const role of ["lead", "hub", "member"] as const) {
    legend.push(`<g class="legend-entry" data-entry="${role}">${marker(role, lx + 8, ly - 4, "#888888")}${textElement(lx + 22, ly, words[role], 'font-size="12" fill="#222222"')}</g>`);
    ly += 20;
  }
  legend.push(`<g class="legend-entry" data-entry="link"><line x1="${lx}" y1="${ly - 4}" x2="${lx + 16}" y2="${ly - 4}" stroke="#888888" stroke-width="1.8"/>${textElement(lx + 22, ly, words.communityLink, 'font-size="12" fill="#222222"')}</g>`);
  ly += 18;
  legend.push(`<g class="legend-entry" data-entry="outline"><rect x="${lx}" y="${ly - 10}" width="16" height="10" fill="#888888" fill-opacity="0.2"/>${textElement(lx + 22, ly, words.communityOutline, 'font-size="12" fill="#222222"')}</g>`);
  ly += 22;
  for (const c of communities) {
    const name = options.names?.[c.lead] ?? c.lead;
    legend.push(`<g class="legend-entry" data-entry="community" data-community="${c.lead}"><rect x="${lx}" y="${ly - 10}" width="16" height="10" fill="${colourOf.get(c.lead)!}"/>${textElement(lx + 22, ly, `${name} · ${c.schools}`, 'font-size="11" fill="#222222"')}</g>`);
    ly += 16;
  }
  parts.push(`<g id="legend">${legend.join("")}</g>`);
  const notes = cornerNotes(options.sources, options.travelBasis, words.travelBasis, language);
  parts.push(...frameLayers(frame, { north: words.north, title: options.title ?? words.communitiesTitle, subtitle: "", notes, legendBottom: ly }));
  return parts.join("");
}
