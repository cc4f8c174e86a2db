/**
 * The report's section on split settlements: each settlement whose pupils of a level may split between schools
 * (src/plan/result/splitShares.ts), its parts, the most schools allowed, and the schools that take its shares, nearest first.
 * @module
 */
import { splitSettlements } from "../../plan/result/splitShares.ts";
import type { Block, Inline } from "../document/blocks.ts";
import { heading, paragraph, table } from "../document/blocks.ts";
import { formatNumber, levelName, type ReportContext } from "./context.ts";

/** The split settlements of the plan (none: no section). */
export function splitSettlementBlocks(context: ReportContext): Block[] {
  const { plan, system } = context;
  if (context.score === null || plan.assignments === undefined || !plan.rules.catchments) return [];
  const splits = splitSettlements(system, plan.rules, plan.assignments);
  if (splits.length === 0) return [];
  const words = context.messages.report.splitSettlements;
  const names = new Map(system.settlements.map((settlement) => [settlement.id, settlement.name ?? settlement.id]));
  const schoolNames = new Map(system.schools.map((school) => [school.id, school.name ?? school.id]));
  const rows = splits.map((split): Inline[] => [
    names.get(split.settlement) ?? split.settlement,
    levelName(context, split.level),
    formatNumber(context, split.pupils),
    `${formatNumber(context, split.parts)} (${formatNumber(context, split.partPupils, 1)})`,
    formatNumber(context, split.maxShares),
    split.shares.map((share) => `${schoolNames.get(share.school) ?? share.school}: ${formatNumber(context, share.parts, 1)}, ${formatNumber(context, share.travelMinutes, 1)}`).join(context.messages.language === "zh" ? "；" : "; "),
  ]);
  return [
    heading(context.messages.report.sections.splitSettlements, 2, "split-settlements"),
    paragraph(words.intro(formatNumber(context, plan.rules.splitAbovePupils))),
    table([words.settlement, words.level, `${words.pupils}#`, `${words.parts}#`, `${words.maxShares}#`, words.shares], rows),
  ];
}
