/**
 * The report's closing sections: why no plan meets the rules (when infeasible), and the data, sources and every
 * assumption (the travel basis, illustrative cost figures, the norms, within-settlement travel, the caller's notes).
 * @module
 */
import type { Block } from "../document/blocks.ts";
import { heading, list, paragraph } from "../document/blocks.ts";
import { travelBasisText } from "../messages/travelBasis.ts";
import type { ReportContext } from "./context.ts";

/** The reasons no plan meets the rules, each with its numbers. */
export function reasonBlocks(context: ReportContext): Block[] {
  const { reasons } = context.plan;
  if (reasons.length === 0) return [];
  return [
    heading(context.messages.report.sections.reasons, 2, "reasons"),
    list(reasons.map((reason) => [{ strong: reason.code }, `: ${reason.message}`, ...(reason.rules === undefined ? [] : [` — ${reason.rules.join("; ")}`])])),
  ];
}

/**
 * Data, sources and assumptions: the caller's data sources, the travel basis (flagged when straight-line), the
 * cost figures, the norms and their sources, the within-settlement travel rule (where settlements have an area),
 * and the caller's notes.
 * @param context - the report context
 * @param sources - the data sources, one line each
 * @param notes - further notes (the data's caveats, what was left out)
 */
export function sourceBlocks(context: ReportContext, sources: readonly string[], notes: readonly string[]): Block[] {
  const words = context.messages.report.sources;
  const { travelBasis } = context.plan;
  const basis = travelBasis === "" ? context.messages.common.missing : travelBasisText(travelBasis, context.messages.language);
  const straightLine = /no road network|great-circle|straight-line/i.test(travelBasis);
  const withArea = context.system.settlements.some((settlement) => settlement.areaKm2 > 0);
  const assumptions = [`${words.travel(basis)}${straightLine ? ` ${words.straightLine}` : ""}`, words.costs, words.norms, ...(withArea ? [words.withinArea] : [])];
  return [
    heading(context.messages.report.sections.sources, 2, "sources"),
    ...(sources.length === 0 ? [] : [heading(words.data, 3), list(sources)]),
    list(assumptions),
    ...(notes.length === 0 ? [] : [heading(words.notes, 3), ...notes.map((note) => paragraph(note))]),
    paragraph(context.messages.report.generatedBy, "note"),
  ];
}
