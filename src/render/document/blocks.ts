/**
 * A document as plain data: headings, paragraphs, lists, tables and figures, written once and rendered to HTML
 * ({@link documentToHtml}) or Markdown ({@link documentToMarkdown}). The plan report and `summary.md` are the
 * same document in two renderings, so their figures cannot disagree.
 * @module
 */

/** A run of strong (bold) text. */
export interface StrongText {
  /** The text, plain (renderers escape it). */
  readonly strong: string;
}

/** Text after a small square of colour (e.g. a community's colour on the map); the square is drawn in HTML only. */
export interface SwatchRun {
  /** The colour, `#rrggbb` (any other value draws no square). */
  readonly swatch: string;
  /** The text after it, plain. */
  readonly text: string;
}

/** A run of text: plain, strong (bold), or a colour swatch. Text is plain text; renderers escape it. */
export type Inline = string | StrongText | SwatchRun;

/** A heading; level 1 is the title. */
export interface HeadingBlock {
  /** `heading`. */
  readonly kind: "heading";
  /** 1 (title), 2 (section) or 3 (subsection). */
  readonly level: 1 | 2 | 3;
  /** The heading text. */
  readonly text: string;
  /** An anchor id for links within the document (HTML only); default none. */
  readonly id?: string;
}

/** A paragraph of inline runs. */
export interface ParagraphBlock {
  /** `paragraph`. */
  readonly kind: "paragraph";
  /** The runs, in order. */
  readonly content: readonly Inline[];
  /** `note` paragraphs are set smaller in HTML (assumptions, sources). Default `body`. */
  readonly tone?: "body" | "note" | "warning";
}

/** A bulleted list. */
export interface ListBlock {
  /** `list`. */
  readonly kind: "list";
  /** One entry per item, each a sequence of runs. */
  readonly items: readonly (readonly Inline[])[];
}

/** One column of a {@link TableBlock}. */
export interface TableBlockColumn {
  /** The header, with its unit where it has one (e.g. "mean trip (min)"). */
  readonly header: string;
  /** `right` for numbers (default `left`). */
  readonly align?: "left" | "right";
}

/** A table of text cells (numbers already formatted). */
export interface TableBlock {
  /** `table`. */
  readonly kind: "table";
  /** The columns. */
  readonly columns: readonly TableBlockColumn[];
  /** Rows of cells, one per column; a row whose first cell is strong is a total row. */
  readonly rows: readonly (readonly Inline[])[];
  /** A caption above the table; default none. */
  readonly caption?: string;
}

/** A picture: an SVG string (maps, charts), shown inline in HTML and left out of Markdown unless `markdownImage` is given. */
export interface FigureBlock {
  /** `figure`. */
  readonly kind: "figure";
  /** A complete `<svg>` element, as the render functions write it. */
  readonly svg: string;
  /** The caption. */
  readonly caption: string;
  /** For Markdown: a path or URL of the same picture as a file (e.g. `map.png`); default none (the figure is left out). */
  readonly markdownImage?: string;
}

/** One block of a {@link ReportDocument}. */
export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | FigureBlock;

/** A document: a title, its language and its blocks. */
export interface ReportDocument {
  /** The title (rendered as the first heading and the HTML `<title>`). */
  readonly title: string;
  /** The language tag for HTML's `lang` (`zh-CN`, `en`). */
  readonly lang: string;
  /** The blocks after the title, in order. */
  readonly blocks: readonly Block[];
}

/** A section heading block. */
export function heading(text: string, level: 1 | 2 | 3 = 2, id?: string): HeadingBlock {
  return id === undefined ? { kind: "heading", level, text } : { kind: "heading", level, text, id };
}

/** A paragraph block of runs. */
export function paragraph(content: readonly Inline[] | string, tone: ParagraphBlock["tone"] = "body"): ParagraphBlock {
  return { kind: "paragraph", content: typeof content === "string" ? [content] : content, tone };
}

/** A list block; each item a string or a sequence of runs. */
export function list(items: readonly (string | readonly Inline[])[]): ListBlock {
  return { kind: "list", items: items.map((item) => (typeof item === "string" ? [item] : item)) };
}

/** A table block: headers (a trailing `#` marks a right-aligned numeric column, e.g. `"pupils#"`), rows of runs. */
export function table(headers: readonly string[], rows: readonly (readonly Inline[])[], caption?: string): TableBlock {
  const columns = headers.map((header): TableBlockColumn => (header.endsWith("#") ? { header: header.slice(0, -1), align: "right" } : { header }));
  return caption === undefined ? { kind: "table", columns, rows } : { kind: "table", columns, rows, caption };
}

/** The plain text of runs. */
export function plainText(content: readonly Inline[]): string {
  return content.map((run) => (typeof run === "string" ? run : "strong" in run ? run.strong : run.text)).join("");
}
