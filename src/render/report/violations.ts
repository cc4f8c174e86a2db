/**
 * The report's norm violations: the rules the status quo and the plan break, counted by rule with an example,
 * as `checkPlan` finds them.
 * @module
 */
import type { PlanViolation } from "../../plan/result.ts";
import type { Block, Inline } from "../document/blocks.ts";
import { heading, paragraph, table } from "../document/blocks.ts";
import { formatNumber, readableText, type EvaluationContext, type ReportContext } from "./context.ts";

function byRule(context: EvaluationContext, violations: readonly PlanViolation[], none: string): Block[] {
  if (violations.length === 0) return [paragraph(none)];
  const words = context.messages.report.violations;
  const rules = new Map<string, { count: number; example: string }>();
  for (const violation of violations) {
    const entry = rules.get(violation.rule);
    if (entry === undefined) rules.set(violation.rule, { count: 1, example: readableText(violation.message) });
    else entry.count += 1;
  }
  const rows = [...rules].map(([rule, { count, example }]): Inline[] => [rule, formatNumber(context, count), example]);
  return [table([words.rule, `${words.cases}#`, words.example], rows)];
}

/** The violations of the status quo and of the plan (the plan's from its independent check). */
export function violationBlocks(context: EvaluationContext & { readonly plan?: ReportContext["plan"] }): Block[] {
  const words = context.messages.report;
  const blocks: Block[] = [heading(words.sections.violations, 2, "violations")];
  const statusQuo = context.statusQuoEvaluation?.violations ?? context.plan?.statusQuo?.violations;
  if (statusQuo !== undefined) blocks.push(heading(words.violations.statusQuoHeading, 3), ...byRule(context, statusQuo, words.violations.noneStatusQuo));
  if (context.planEvaluation !== null) blocks.push(heading(words.violations.planHeading, 3), ...byRule(context, context.planEvaluation.violations, words.violations.nonePlan));
  return blocks.length === 1 ? [] : blocks;
}
