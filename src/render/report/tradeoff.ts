/**
 * The report's trade-off section: the cost–travel curve (ε-constraint points) as an SVG chart and a table.
 * The chart is plain SVG text built without a DOM.
 * @module
 */
import type { TradeoffPoint } from "../../plan/result/result.ts";
import type { Block, Inline } from "../document/blocks.ts";
import { heading, paragraph, table } from "../document/blocks.ts";
import { escapeHtml } from "../document/html.ts";
import { formatNumber, formatPercent, type ReportContext } from "./context.ts";

/** Round tick values covering [low, high], about `count` of them. */
function ticks(low: number, high: number, count: number): number[] {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const values: number[] = [];
  for (let value = Math.ceil(low / step) * step; value <= high + step * 1e-9; value += step) values.push(Number(value.toPrecision(12)));
  return values;
}

/**
 * The trade-off curve as an SVG chart: mean one-way travel (minutes) across, annual cost (million yuan) up, one
 * dot per point with a plan, joined in order of travel; the plan's own point ringed.
 * @param context - the report context (language, the plan)
 * @param points - the trade-off points
 * @returns an `<svg>` element, or "" when fewer than two points have a plan
 */
export function tradeoffChartSvg(context: ReportContext, points: readonly TradeoffPoint[]): string {
  const found = points.filter((point): point is TradeoffPoint & { costYuanPerYear: number; meanTravelMinutes: number } => point.costYuanPerYear !== null && point.meanTravelMinutes !== null);
  if (found.length < 2) return "";
  const words = context.messages.report.tradeoff;
  const width = 640;
  const height = 360;
  const margin = { left: 72, right: 24, top: 36, bottom: 52 };
  const xs = found.map((point) => point.meanTravelMinutes);
  const ys = found.map((point) => point.costYuanPerYear / 1e6);
  const pad = (low: number, high: number): [number, number] => {
    const span = high - low || Math.max(Math.abs(high) * 0.1, 1);
    return [low - span * 0.08, high + span * 0.08];
  };
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const sx = (value: number): number => margin.left + ((value - x0) / (x1 - x0)) * (width - margin.left - margin.right);
  const sy = (value: number): number => height - margin.bottom - ((value - y0) / (y1 - y0)) * (height - margin.top - margin.bottom);
  const order = xs.map((x, index) => ({ x, y: ys[index]! })).sort((a, b) => a.x - b.x);
  const line = order.map((point, index) => `${index === 0 ? "M" : "L"}${sx(point.x).toFixed(1)},${sy(point.y).toFixed(1)}`).join("");
  const font = 'font-family="Noto Sans SC, Noto Sans Hans, Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(words.chartTitle)}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="22" font-size="15" font-weight="bold" ${font} fill="#1f2328">${escapeHtml(words.chartTitle)}</text>`,
    '<g id="axes" stroke="#8c959f" stroke-width="1">',
    `<line x1="${margin.left}" y1="${height - margin.bottom}" x2="${width - margin.right}" y2="${height - margin.bottom}"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${height - margin.bottom}"/>`,
    "</g>",
    `<g id="ticks" font-size="11" ${font} fill="#57606a">`,
  ];
  for (const value of ticks(x0, x1, 6)) {
    if (value < x0 || value > x1) continue;
    parts.push(`<line x1="${sx(value).toFixed(1)}" y1="${height - margin.bottom}" x2="${sx(value).toFixed(1)}" y2="${height - margin.bottom + 4}" stroke="#8c959f"/>`);
    parts.push(`<text x="${sx(value).toFixed(1)}" y="${height - margin.bottom + 17}" text-anchor="middle">${escapeHtml(formatNumber(context, value, value % 1 === 0 ? 0 : 1))}</text>`);
  }
  for (const value of ticks(y0, y1, 5)) {
    if (value < y0 || value > y1) continue;
    parts.push(`<line x1="${margin.left}" y1="${sy(value).toFixed(1)}" x2="${width - margin.right}" y2="${sy(value).toFixed(1)}" stroke="#eaeef2"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${(sy(value) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(formatNumber(context, value, Math.abs(value) < 10 ? 2 : 1))}</text>`);
  }
  parts.push("</g>");
  parts.push(`<text x="${((margin.left + width - margin.right) / 2).toFixed(0)}" y="${height - 12}" text-anchor="middle" font-size="12" ${font} fill="#1f2328">${escapeHtml(words.xAxis)}</text>`);
  parts.push(`<text transform="translate(16 ${((margin.top + height - margin.bottom) / 2).toFixed(0)}) rotate(-90)" text-anchor="middle" font-size="12" ${font} fill="#1f2328">${escapeHtml(words.yAxis)}</text>`);
  parts.push(`<g id="curve"><path d="${line}" fill="none" stroke="#0969da" stroke-width="2"/>`);
  for (const point of order) parts.push(`<circle cx="${sx(point.x).toFixed(1)}" cy="${sy(point.y).toFixed(1)}" r="4" fill="#0969da"/>`);
  const plan = context.score;
  if (plan !== null) parts.push(`<circle cx="${sx(plan.travel.meanMinutes).toFixed(1)}" cy="${sy(plan.costs.total / 1e6).toFixed(1)}" r="8" fill="none" stroke="#cf222e" stroke-width="2"/>`);
  parts.push("</g></svg>");
  return parts.join("");
}

/** The trade-off section: the chart and the table; nothing when the plan has no trade-off points. */
export function tradeoffBlocks(context: ReportContext): Block[] {
  const points = context.plan.tradeoff;
  if (points.length === 0) return [];
  const words = context.messages.report.tradeoff;
  const standing = (point: TradeoffPoint): string => {
    if (point.costYuanPerYear === null) return words.noPlan;
    if (point.status === "optimal") return words.optimal;
    return point.gap === null ? words.noBound : words.gap(formatPercent(context, point.gap, 2));
  };
  const rows = points.map((point): Inline[] => [
    formatNumber(context, point.maxMeanTravelMinutes, 2),
    formatNumber(context, point.costYuanPerYear),
    formatNumber(context, point.meanTravelMinutes, 2),
    formatNumber(context, point.openSchools),
    standing(point),
  ]);
  const svg = tradeoffChartSvg(context, points);
  return [
    heading(context.messages.report.sections.tradeoff, 2, "tradeoff"),
    paragraph(words.intro),
    ...(svg === "" ? [] : [{ kind: "figure" as const, svg, caption: words.chartTitle }]),
    table([`${words.limit}#`, `${words.cost}#`, `${words.travel}#`, `${words.open}#`, words.standing], rows),
  ];
}
