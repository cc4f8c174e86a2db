/**
 * The report's cost section: the annual cost by item, plan against the status quo.
 * @module
 */
import type { PlanCostBreakdown } from "../../plan/result/result.ts";
import type { Block, Inline } from "../document/blocks.ts";
import { heading, paragraph, table } from "../document/blocks.ts";
import { formatChange, formatNumber, type ReportContext } from "./context.ts";

const ITEMS: readonly (keyof PlanCostBreakdown)[] = ["schools", "newSchools", "closures", "classes", "classrooms", "beds", "boarders", "transport", "total"];

/** The annual cost by item (whole yuan a year): plan, status quo, change; and what the status quo means. */
export function costBlocks(context: ReportContext): Block[] {
  const costs = context.score?.costs;
  const before = context.plan.statusQuo?.costs;
  if (costs === undefined && before === undefined) return [];
  const words = context.messages.report;
  const headline = words.headline;
  const rows = ITEMS.map((item): Inline[] => {
    const name = words.costItems[item];
    return [item === "total" ? { strong: name } : name, formatNumber(context, costs?.[item]), formatNumber(context, before?.[item]), formatChange(context, before?.[item], costs?.[item])];
  });
  return [heading(words.sections.costs, 2, "costs"), table([words.costs.item, `${headline.plan}#`, `${headline.statusQuo}#`, `${headline.change}#`], rows), paragraph(words.costs.note, "note")];
}
