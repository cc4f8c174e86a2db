/**
 * The pictures of the reports: an SVG with its caption, and its block in a document.
 * @module
 */
import type { FigureBlock } from "../document/blocks.ts";

/** A picture for the report: an SVG string with its caption (maps drawn by the render functions, charts). */
export interface ReportFigure {
  /** A complete `<svg>` element. */
  readonly svg: string;
  /** Its caption. */
  readonly caption: string;
  /** For Markdown: a file of the same picture (e.g. `map.png`); default none (left out of Markdown). */
  readonly markdownImage?: string;
}

/**
 * The figure block of a report figure.
 * @param figure - the SVG, caption and Markdown image
 */
export function figureBlock(figure: ReportFigure): FigureBlock {
  return { kind: "figure", svg: figure.svg, caption: figure.caption, ...(figure.markdownImage === undefined ? {} : { markdownImage: figure.markdownImage }) };
}
