/**
 * Small helpers for writing SVG as text (no DOM): escaping, numbers, the font stack.
 * @module
 */

/** Escapes text for SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A coordinate with one decimal (enough for a screen map, and deterministic). */
export function px(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** The font stack of every text: CJK first, so Chinese names render (the PNG rasterizer loads Noto Sans SC). */
export const FONT_FAMILY = "Noto Sans SC, Noto Sans Hans, Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif";

/** The approximate width of a text at a font size, px: full width for CJK characters, 0.58 em for others. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const character of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(character) ? fontSize : fontSize * 0.58;
  return width;
}

/** A `<text>` element. */
export function textElement(x: number, y: number, text: string, attributes: string): string {
  return `<text x="${px(x)}" y="${px(y)}" ${attributes}>${escapeXml(text)}</text>`;
}
