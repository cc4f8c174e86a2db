/**
 * Documents of evaluations without a plan around them: one layout's figures ({@link evaluationDocument}, the
 * Markdown of `school-layout evaluate`) and two layouts side by side ({@link comparisonDocument}, of `compare`).
 * @module
 */
import type { FigureChange } from "../../metrics/compare.ts";
import type { LayoutEvaluation } from "../../metrics/evaluate.ts";
import type { SchoolSystem } from "../../plan/system/system.ts";
import type { Inline, ReportDocument } from "../document/blocks.ts";
import { heading, paragraph, table } from "../document/blocks.ts";
import { checkLanguage, type Language } from "../messages/common.ts";
import { messagesFor } from "../messages/index.ts";
import { accessBlocks } from "./access.ts";
import { balanceBlocks } from "./balance.ts";
import { formatNumber, type EvaluationContext } from "./context.ts";
import { schoolLevelBlocks } from "./schools.ts";
import { violationBlocks } from "./violations.ts";

/** Options of {@link evaluationDocument} and {@link comparisonDocument}. */
export interface EvaluationDocumentOptions {
  /** `zh` or `en`. Default `en`. */
  readonly language?: Language;
  /** The title. Default "Evaluation" / "评估" (or "Comparison" / "对比"). */
  readonly title?: string;
}

/**
 * The figures of one layout as a document: access per level and equity, seats and utilization, the quality
 * balance (when computed) and every norm violation — the sections of the plan report, for a layout alone.
 * @param system - the system of the layout
 * @param evaluation - from {@link evaluateLayout}
 * @param options - language and title
 * @returns the document (render it with {@link documentToMarkdown} or {@link documentToHtml})
 * @throws RangeError for a language other than `zh` or `en`
 */
export function evaluationDocument(system: SchoolSystem, evaluation: LayoutEvaluation, options: EvaluationDocumentOptions = {}): ReportDocument {
  const language = checkLanguage(options.language ?? "en");
  const messages = messagesFor(language);
  const context: EvaluationContext = { system, messages, planEvaluation: evaluation, statusQuoEvaluation: null };
  return {
    title: options.title ?? (language === "zh" ? "评估" : "Evaluation"),
    lang: language === "zh" ? "zh-CN" : "en",
    blocks: [...accessBlocks(context), ...schoolLevelBlocks(context), ...balanceBlocks(context), ...violationBlocks(context)],
  };
}

/**
 * Two evaluations side by side ({@link comparePlans}' rows): the figures that differ, a, b and the change; the
 * figures that are equal are counted, not listed (the rows themselves hold every figure).
 * @param rows - from {@link comparePlans}
 * @param labels - the names of the two layouts, e.g. the two plan files
 * @param options - language and title
 * @returns the document
 * @throws RangeError for a language other than `zh` or `en`
 */
export function comparisonDocument(rows: readonly FigureChange[], labels: readonly [string, string], options: EvaluationDocumentOptions = {}): ReportDocument {
  const language = checkLanguage(options.language ?? "en");
  const messages = messagesFor(language);
  const context = { messages } as EvaluationContext;
  const text = (value: unknown): string => (typeof value === "number" ? formatNumber(context, value, Number.isInteger(value) ? 0 : 3) : value === null || value === undefined ? messages.common.missing : String(value));
  const differing = rows.filter((row) => row.change !== 0 && !(row.change === null && row.a === row.b));
  const body: Inline[][] = differing.map((row) => [row.figure, text(row.a), text(row.b), row.change === null ? "" : text(row.change)]);
  const zh = language === "zh";
  return {
    title: options.title ?? (zh ? "对比" : "Comparison"),
    lang: zh ? "zh-CN" : "en",
    blocks: [
      paragraph(zh ? `A：${labels[0]}；B：${labels[1]}。共 ${rows.length} 项指标，其中 ${differing.length} 项不同（下表），其余相同。` : `A: ${labels[0]}; B: ${labels[1]}. ${rows.length} figures, ${differing.length} of them differ (below); the others are equal.`),
      heading(zh ? "不同的指标" : "Figures that differ", 2),
      table([zh ? "指标" : "figure", "A#", "B#", zh ? "变化（B − A）#" : "change (B − A)#"], body),
    ],
  };
}
