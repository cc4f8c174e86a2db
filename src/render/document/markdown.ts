/**
 * Markdown rendering of a {@link ReportDocument} (the `summary.md` a plan writes).
 * @module
 */
import type { Block, Inline, ReportDocument } from "./blocks.ts";

/** Escapes Markdown's inline markup characters in plain text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, "\\$1").replace(/\n/g, " ");
}

function inline(content: readonly Inline[]): string {
  return content.map((run) => (typeof run === "string" ? escapeMarkdown(run) : "strong" in run ? `**${escapeMarkdown(run.strong)}**` : escapeMarkdown(run.text))).join("");
}

/** A table cell: inline text with the pipe escaped as well. */
function cell(content: readonly Inline[]): string {
  return inline(content).replace(/\|/g, "\\|");
}

function block(item: Block): string[] {
  switch (item.kind) {
    case "heading":
      return [`${"#".repeat(item.level)} ${escapeMarkdown(item.text)}`, ""];
    case "paragraph":
      return [inline(item.content), ""];
    case "list":
      return [...item.items.map((entry) => `- ${inline(entry)}`), ""];
    case "table": {
      const header = `| ${item.columns.map((column) => cell([column.header])).join(" | ")} |`;
      const rule = `| ${item.columns.map((column) => (column.align === "right" ? "---:" : "---")).join(" | ")} |`;
      const rows = item.rows.map((row) => `| ${item.columns.map((_, index) => cell(row[index] === undefined ? [] : [row[index]!])).join(" | ")} |`);
      return [...(item.caption === undefined ? [] : [inline([item.caption]), ""]), header, rule, ...rows, ""];
    }
    case "figure":
      return item.markdownImage === undefined ? [] : [`![${escapeMarkdown(item.caption)}](${item.markdownImage})`, ""];
  }
}

/**
 * Renders a document as Markdown: `#` headings, paragraphs, `-` lists, pipe tables (numeric columns right-aligned),
 * figures as image links where they name a file (else left out). Markup characters in the text are escaped.
 * @param document - the document
 * @returns Markdown text ending in one newline
 */
export function documentToMarkdown(document: ReportDocument): string {
  const lines = [`# ${escapeMarkdown(document.title)}`, "", ...document.blocks.flatMap(block)];
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
