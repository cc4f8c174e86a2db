/**
 * HTML rendering of a {@link ReportDocument}: one self-contained file (inline CSS and SVG, no script, no network
 * resource), readable on screen and in print.
 * @module
 */
import type { Block, Inline, ReportDocument } from "./blocks.ts";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: "Noto Sans SC", "Noto Sans Hans", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif;
  margin: 0 auto; max-width: 1180px; padding: 24px 32px 64px; color: #1f2328; line-height: 1.55; font-size: 15px; }
h1 { font-size: 28px; margin: 8px 0 4px; }
h2 { font-size: 21px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 17px; margin: 24px 0 6px; }
p.note { font-size: 13px; color: #57606a; }
p.warning { background: #fff8c5; border: 1px solid #d4a72c; padding: 8px 12px; border-radius: 6px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13.5px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #d0d7de; padding: 3px 8px; vertical-align: top; }
th { background: #f6f8fa; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:nth-child(even) td { background: #fbfcfd; }
.table-wrap { overflow-x: auto; max-width: 100%; }
figure { margin: 12px 0 24px; }
figure svg { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
figcaption { font-size: 13px; color: #57606a; }
span.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; border: 1px solid #57606a; }
nav.toc { font-size: 13.5px; }
nav.toc a { margin-right: 14px; }
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
`;

function inline(content: readonly Inline[]): string {
  return content
    .map((run) => {
      if (typeof run === "string") return escapeHtml(run);
      if ("strong" in run) return `<strong>${escapeHtml(run.strong)}</strong>`;
      // Only a #rrggbb colour is written into the style (nothing else can reach the attribute).
      const square = /^#[0-9a-fA-F]{6}$/.test(run.swatch) ? `<span class="swatch" style="background:${run.swatch}"></span>` : "";
      return `${square}${escapeHtml(run.text)}`;
    })
    .join("");
}

function block(item: Block): string {
  switch (item.kind) {
    case "heading":
      return `<h${item.level}${item.id === undefined ? "" : ` id="${escapeHtml(item.id)}"`}>${escapeHtml(item.text)}</h${item.level}>`;
    case "paragraph":
      return `<p${item.tone === undefined || item.tone === "body" ? "" : ` class="${item.tone}"`}>${inline(item.content)}</p>`;
    case "list":
      return `<ul>${item.items.map((entry) => `<li>${inline(entry)}</li>`).join("")}</ul>`;
    case "table": {
      const cls = (index: number): string => (item.columns[index]?.align === "right" ? ` class="num"` : "");
      const head = item.columns.map((column, index) => `<th${cls(index)}>${escapeHtml(column.header)}</th>`).join("");
      const rows = item.rows.map((row) => `<tr>${item.columns.map((_, index) => `<td${cls(index)}>${row[index] === undefined ? "" : inline([row[index]!])}</td>`).join("")}</tr>`);
      const caption = item.caption === undefined ? "" : `<caption>${escapeHtml(item.caption)}</caption>`;
      return `<div class="table-wrap"><table>${caption}<thead><tr>${head}</tr></thead><tbody>${rows.join("\n")}</tbody></table></div>`;
    }
    case "figure":
      return `<figure>${item.svg}<figcaption>${escapeHtml(item.caption)}</figcaption></figure>`;
  }
}

/**
 * Renders a document as one self-contained HTML page: inline CSS, figures as inline SVG, a table of contents of
 * the section headings that carry an id; no script and no external resource (it opens offline and prints).
 * Text is escaped; figure SVG is inserted as given (the render functions escape the text they put in it).
 * @param document - the document
 * @returns an HTML5 document
 */
export function documentToHtml(document: ReportDocument): string {
  const sections = document.blocks.filter((item): item is Extract<Block, { kind: "heading" }> => item.kind === "heading" && item.level === 2 && item.id !== undefined);
  const toc = sections.length < 3 ? "" : `<nav class="toc">${sections.map((section) => `<a href="#${escapeHtml(section.id!)}">${escapeHtml(section.text)}</a>`).join(" ")}</nav>`;
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(document.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(document.title)}</h1>`,
    toc,
    ...document.blocks.map(block),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
