// Documents as plain data, rendered to HTML or Markdown (named exports only).
export { heading, list, paragraph, plainText, table } from "./blocks.ts";
export type { Block, FigureBlock, HeadingBlock, Inline, ListBlock, ParagraphBlock, ReportDocument, StrongText, SwatchRun, TableBlock, TableBlockColumn } from "./blocks.ts";
export { documentToHtml, escapeHtml } from "./html.ts";
export { documentToMarkdown } from "./markdown.ts";
