/**
 * Small multiples of line charts as SVG text (no DOM): a title, a shared legend, one panel per subject, each with
 * a y axis from 0, year ticks and one line per series.
 * @module
 */
import { escapeXml, FONT_FAMILY, px, textElement, textWidth } from "../map/svg.ts";

/** One line of a panel. */
export interface ChartSeries {
  /** Legend label. */
  readonly label: string;
  /** Stroke colour, e.g. "#1b9e77". */
  readonly color: string;
  /** Drawn dashed (e.g. a reference such as today's layout). Default false. */
  readonly dashed?: boolean;
  /** The points, x ascending (years). */
  readonly points: readonly ChartPoint[];
}

/** One point of a line. */
export interface ChartPoint {
  /** The x value (a year). */
  readonly x: number;
  /** The y value (pupils, or a share). */
  readonly y: number;
}

/** One panel. */
export interface ChartPanel {
  /** The panel's title. */
  readonly title: string;
  /** Its lines; the legend lists the labels of all panels once each. */
  readonly series: readonly ChartSeries[];
}

/** What {@link lineChartsSvg} draws. */
export interface LineChartsSpec {
  /** The chart's title. */
  readonly title: string;
  /** A corner note (e.g. "projection, not data"). */
  readonly note?: string;
  /** The panels, left to right then down. */
  readonly panels: readonly ChartPanel[];
  /** Panels per row. Default 2. */
  readonly columns?: number;
  /** Formats a y value for the axis. Default whole numbers with thousands separators. */
  readonly formatY?: (value: number) => string;
  /** The least top of the y axis (e.g. 1 for shares); default a round number above the largest value. */
  readonly yMax?: number;
}

const WIDTH = 960;
const PANEL_HEIGHT = 230;
const MARGIN = { left: 64, right: 24, top: 34, bottom: 36 };

/** A round step for about `count` ticks up to `max`. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function defaultFormat(value: number): string {
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Draws small multiples of line charts.
 * @param spec - title, note, panels and axis options
 * @returns a complete `<svg>` element, 960 px wide
 * @throws RangeError for no panels or a panel without points
 */
export function lineChartsSvg(spec: LineChartsSpec): string {
  if (spec.panels.length === 0) throw new RangeError("lineChartsSvg: no panels");
  const columns = Math.max(1, Math.min(spec.columns ?? 2, spec.panels.length));
  const format = spec.formatY ?? defaultFormat;
  const legend = new Map<string, ChartSeries>();
  for (const panel of spec.panels) for (const series of panel.series) if (!legend.has(series.label)) legend.set(series.label, series);
  const headerHeight = 78;
  const rows = Math.ceil(spec.panels.length / columns);
  const height = headerHeight + rows * PANEL_HEIGHT + (spec.note === undefined ? 8 : 28);
  const panelWidth = WIDTH / columns;
  const parts: string[] = [];
  parts.push(`<rect width="${WIDTH}" height="${px(height)}" fill="#ffffff"/>`);
  parts.push(textElement(20, 30, spec.title, `font-size="20" font-weight="bold" fill="#222"`));
  let lx = 20;
  for (const series of legend.values()) {
    parts.push(`<line x1="${px(lx)}" y1="54" x2="${px(lx + 26)}" y2="54" stroke="${series.color}" stroke-width="3"${series.dashed === true ? ' stroke-dasharray="6 4"' : ""}/>`);
    parts.push(textElement(lx + 32, 59, series.label, `font-size="13" fill="#333"`));
    lx += 32 + textWidth(series.label, 13) + 22;
  }
  spec.panels.forEach((panel, k) => {
    const ox = (k % columns) * panelWidth;
    const oy = headerHeight + Math.floor(k / columns) * PANEL_HEIGHT;
    const points = panel.series.flatMap((s) => s.points);
    if (points.length === 0) throw new RangeError(`lineChartsSvg: panel "${panel.title}" has no points`);
    const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
    const xMin = xs[0]!;
    const xMax = xs[xs.length - 1]!;
    const largest = Math.max(0, ...points.map((p) => p.y));
    const reach = Math.max(spec.yMax ?? 0, largest > 0 ? largest : 1);
    const step = niceStep(reach, 4);
    const yTop = Math.max(step, Math.ceil(reach / step - 1e-9) * step);
    const left = ox + MARGIN.left;
    const right = ox + panelWidth - MARGIN.right;
    const top = oy + MARGIN.top;
    const bottom = oy + PANEL_HEIGHT - MARGIN.bottom;
    const x = (value: number): number => (xMax === xMin ? (left + right) / 2 : left + ((value - xMin) / (xMax - xMin)) * (right - left));
    const y = (value: number): number => bottom - (value / yTop) * (bottom - top);
    parts.push(textElement(left, oy + 20, panel.title, `font-size="14" font-weight="bold" fill="#222"`));
    for (let v = 0; v <= yTop + 1e-9; v += step) {
      parts.push(`<line x1="${px(left)}" y1="${px(y(v))}" x2="${px(right)}" y2="${px(y(v))}" stroke="#e3e3e3" stroke-width="1"/>`);
      parts.push(textElement(left - 6, y(v) + 4, format(v), `font-size="11" fill="#555" text-anchor="end"`));
    }
    // Every x up to 8 of them; beyond, the round ones (multiples of 5, 10, 25, …: 2020, 2025, …), and the first
    // and the last where they are at least half a step from the nearest round one.
    const xStep = xs.length <= 8 ? 1 : ([5, 10, 25, 50, 100].find((k) => xs.filter((v) => v % k === 0).length <= 8) ?? Math.ceil(xs.length / 8));
    const round = xs.filter((v) => v % xStep === 0);
    const ticked = (value: number, i: number): boolean =>
      value % xStep === 0 || ((i === 0 || i === xs.length - 1) && round.every((r) => Math.abs(r - value) >= xStep / 2));
    xs.forEach((value, i) => {
      if (!ticked(value, i)) return;
      parts.push(`<line x1="${px(x(value))}" y1="${px(bottom)}" x2="${px(x(value))}" y2="${px(bottom + 4)}" stroke="#888"/>`);
      parts.push(textElement(x(value), bottom + 17, String(value), `font-size="11" fill="#555" text-anchor="middle"`));
    });
    parts.push(`<line x1="${px(left)}" y1="${px(bottom)}" x2="${px(right)}" y2="${px(bottom)}" stroke="#888"/>`);
    for (const series of panel.series) {
      const path = series.points.map((p, i) => `${i === 0 ? "M" : "L"}${px(x(p.x))},${px(y(p.y))}`).join("");
      parts.push(`<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2.5"${series.dashed === true ? ' stroke-dasharray="6 4"' : ""}/>`);
      for (const p of series.points) parts.push(`<circle cx="${px(x(p.x))}" cy="${px(y(p.y))}" r="3" fill="${series.color}"/>`);
    }
  });
  if (spec.note !== undefined) parts.push(textElement(20, height - 10, spec.note, `font-size="12" fill="#666"`));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${px(height)}" viewBox="0 0 ${WIDTH} ${px(height)}" font-family="${escapeXml(FONT_FAMILY)}">${parts.join("")}</svg>`;
}
