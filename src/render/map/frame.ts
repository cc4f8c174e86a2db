/**
 * What every map shares: the size checks, the fitted Mercator projection, the ground layers (background, county
 * boundary, township borders), and the frame around the map (scale bar, north arrow, title, notes in the corner).
 * Used by the plan maps and the community maps, so they look alike.
 * @module
 */
import { geoMercator, geoPath, type GeoPath, type GeoPermissibleObjects, type GeoProjection } from "d3-geo";
import { rewind } from "@turf/turf";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { Language } from "../messages/common.ts";
import { travelBasisText } from "../messages/travelBasis.ts";
import { FONT_FAMILY, px, textElement, textWidth } from "./svg.ts";

/** @internal */
export function checkSize(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 200 || value > 10000) throw new RangeError(`${field} must be a number of pixels from 200 to 10000; got ${JSON.stringify(value)}`);
  return value;
}

/**
 * The features with a geometry, polygons rewound to d3-geo's winding (exterior rings clockwise): GeoJSON's RFC 7946
 * winds them anticlockwise, which d3-geo, working on the sphere, reads as the whole globe but the polygon. Copies;
 * the caller's features are not changed.
 * @internal
 */
export function features(input: Feature | FeatureCollection | undefined): Feature<Geometry>[] {
  if (input === undefined) return [];
  const present = (input.type === "FeatureCollection" ? input.features : [input]).filter((feature) => feature.geometry !== null) as Feature<Geometry>[];
  return present.map((feature) => (feature.geometry.type === "Polygon" || feature.geometry.type === "MultiPolygon" ? (rewind(feature, { reverse: true, mutate: false }) as Feature<Geometry>) : feature));
}

/** A round length for the scale bar, km. @internal */
export function roundKm(maxKm: number): number {
  const candidates = [0.5, 1, 2, 5, 10, 20, 50, 100, 200];
  return [...candidates].reverse().find((value) => value <= maxKm) ?? 0.5;
}

/** Punctuation that closes what precedes it, and so never starts a line. */
const CLOSING = /^[，。、；：！？）》」』,.;:!?)]/;

/** Splits a text into lines at most `width` px wide at `fontSize` (CJK characters may break anywhere). @internal */
export function wrap(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const token of text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? []) {
    const overflows = line !== "" && textWidth(line + token, fontSize) > width;
    // Closing punctuation never starts a line (Chinese line breaking): the punctuation already ending the line and
    // the character before it go down with it.
    if (overflows && CLOSING.test(token)) {
      let cut = line.length;
      while (cut > 0 && CLOSING.test(line[cut - 1]!)) cut--;
      cut = Math.max(0, cut - 1);
      if (cut > 0) {
        lines.push(line.slice(0, cut).trimEnd());
        line = line.slice(cut) + token;
      } else line += token;
    } else if (overflows) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines.slice(0, 14);
}

/**
 * The notes in a map's corner: the data sources, then how travel times were made (in the map's language).
 * @param sources - one line each
 * @param travelBasis - the travel basis (English, as school-layout writes it), or none
 * @param label - the word for travel ("travel", "出行时间")
 * @param language - `zh` or `en`
 * @internal
 */
export function cornerNotes(sources: readonly string[] | undefined, travelBasis: string | undefined, label: string, language: Language): string[] {
  const colon = language === "zh" ? "：" : ": ";
  return [...(sources ?? []), ...(travelBasis === undefined || travelBasis === "" ? [] : [`${label}${colon}${travelBasisText(travelBasis, language)}`])];
}

/** A map's frame: its size, margins and projection. */
export interface MapFrame {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly bottom: number;
  readonly legendWidth: number;
  readonly projection: GeoProjection;
  readonly path: GeoPath;
  /** Screen position of a [longitude, latitude]. */
  readonly at: (lon: number, lat: number) => [number, number];
}

/**
 * Fits a Mercator projection to the boundary where given, else to the points, leaving the legend's column on the
 * right and room for the title and the scale bar.
 * @internal
 */
export function fitFrame(width: number, height: number, boundary: readonly Feature<Geometry>[], points: readonly [number, number][]): MapFrame {
  const legendWidth = 210;
  const top = 56;
  const bottom = 64;
  const extent: GeoPermissibleObjects = boundary.length > 0 ? { type: "FeatureCollection", features: [...boundary] } : { type: "MultiPoint", coordinates: [...points] };
  const projection = geoMercator().fitExtent([[16, top], [width - legendWidth - 16, height - bottom]], extent);
  const path = geoPath(projection);
  const at = (lon: number, lat: number): [number, number] => projection([lon, lat]) ?? [0, 0];
  return { width, height, top, bottom, legendWidth, projection, path, at };
}

/** The opening `<svg>` and the ground layers: background, boundary, township borders. @internal */
export function groundLayers(frame: MapFrame, boundary: readonly Feature<Geometry>[], townships: readonly Feature<Geometry>[]): string[] {
  const { width, height, path } = frame;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`,
    `<g id="background"><rect width="${width}" height="${height}" fill="#ffffff"/></g>`,
    `<g id="boundary">${boundary.map((feature) => `<path d="${path(feature) ?? ""}" fill="#f4f1ea" stroke="#6b6b6b" stroke-width="1.4"/>`).join("")}</g>`,
    `<g id="townships">${townships.map((feature) => `<path d="${path(feature) ?? ""}" fill="none" stroke="#a8a8a8" stroke-width="0.7" stroke-dasharray="3,2"/>`).join("")}</g>`,
  ];
}

/**
 * The frame's last layers and the closing tag: scale bar (from the projection at the map's centre), north arrow,
 * title and subtitle, and the notes in the legend's column below `legendBottom`.
 * @internal
 */
export function frameLayers(frame: MapFrame, text: { readonly north: string; readonly title: string; readonly subtitle: string; readonly notes: readonly string[]; readonly legendBottom: number }): string[] {
  const { width, height, top, legendWidth, projection, at } = frame;
  const parts: string[] = [];
  const centre = projection.invert?.([(width - legendWidth) / 2, height / 2]) ?? [0, 0];
  const kmPerDegree = 111.32 * Math.cos((centre[1] * Math.PI) / 180);
  const [ax] = at(centre[0], centre[1]);
  const [bx] = at(centre[0] + 1 / kmPerDegree, centre[1]);
  const pxPerKm = Math.abs(bx - ax);
  const km = roundKm(140 / Math.max(pxPerKm, 1e-9));
  const bar = km * pxPerKm;
  const sy = height - 30;
  parts.push(`<g id="scale-bar"><rect x="20" y="${px(sy)}" width="${px(bar / 2)}" height="5" fill="#222222"/><rect x="${px(20 + bar / 2)}" y="${px(sy)}" width="${px(bar / 2)}" height="5" fill="#ffffff" stroke="#222222" stroke-width="0.8"/>${textElement(20, sy - 4, "0", 'font-size="11" fill="#222222"')}${textElement(20 + bar, sy - 4, `${km} km`, 'font-size="11" fill="#222222" text-anchor="middle"')}</g>`);
  const nx = width - legendWidth - 30;
  parts.push(`<g id="north-arrow"><path d="M${nx},${top + 8}L${nx + 8},${top + 34}L${nx},${top + 28}L${nx - 8},${top + 34}Z" fill="#222222"/>${textElement(nx, top + 4, text.north, 'font-size="12" font-weight="bold" fill="#222222" text-anchor="middle"')}</g>`);
  parts.push(`<g id="title">${textElement(16, 30, text.title, 'font-size="20" font-weight="bold" fill="#111111"')}${text.subtitle === "" ? "" : textElement(16, 48, text.subtitle, 'font-size="13" fill="#444444"')}</g>`);
  const lx = width - legendWidth + 8;
  const noteLines = text.notes.flatMap((note) => wrap(note, legendWidth - 16, 9.5));
  const noteTop = Math.max(text.legendBottom + 10, height - 12 - noteLines.length * 12);
  parts.push(`<g id="notes">${noteLines.map((line, k) => textElement(lx, noteTop + k * 12, line, 'font-size="9.5" fill="#555555"')).join("")}</g>`);
  parts.push("</svg>");
  return parts;
}

/** A screen rectangle, px: left, top, right, bottom. @internal */
export interface Box { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }
const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Places labels greedily where they overlap nothing placed before (nor the legend's column or the title's band):
 * the returned function tries eight spots around (x, y) and gives the `<text>` element, or null where none is free.
 * `attributes` are added to the label's own (12 px, dark with a white halo). `obstacles` (e.g. the markers of the
 * schools labelled) are kept clear as well.
 * @internal
 */
export function labelPlacer(frame: MapFrame, obstacles: readonly Box[] = []): (x: number, y: number, text: string, attributes: string) => string | null {
  const { width, height, top, legendWidth } = frame;
  const taken: Box[] = [{ x0: width - legendWidth, y0: 0, x1: width, y1: height }, { x0: 0, y0: 0, x1: width, y1: top - 8 }, ...obstacles];
  return (x, y, text, attributes) => {
    const w = textWidth(text, 12);
    const h = 14;
    // Beside, above and below first; then a line farther up or down (points a few pixels apart, e.g. schools at
    // one county seat, otherwise leave all but one unlabelled).
    const candidates: [number, number][] = [[x + 9, y + 4], [x - 9 - w, y + 4], [x - w / 2, y - 10], [x - w / 2, y + 18], [x + 9, y - 8], [x - 9 - w, y + 16], [x - w / 2, y - 26], [x - w / 2, y + 34]];
    for (const [lx, ly] of candidates) {
      const box = { x0: lx - 2, y0: ly - h + 2, x1: lx + w + 2, y1: ly + 4 };
      if (box.x0 < 0 || box.x1 > width || taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      return textElement(lx, ly, text, `font-size="12" fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke"${attributes === "" ? "" : ` ${attributes}`}`);
    }
    return null;
  };
}
