/**
 * The report's norm violations: the rules the status quo and the plan break, counted by rule with the worst case
 * as an example (the largest figure where the rule has one), in the report's language, as `checkPlan` finds them.
 * @module
 */
import type { PlanViolation, PlanViolationRule } from "../../plan/result/result.ts";
import type { Block, Inline } from "../document/blocks.ts";
import { heading, paragraph, table } from "../document/blocks.ts";
import type { ViolationParts } from "../messages/violations.ts";
import { formatNumber, readableText, type EvaluationContext, type ReportContext } from "./context.ts";

/** The violations' context: the evaluation's, with the plan and township names where the report has them. */
type ViolationContext = EvaluationContext & { readonly plan?: ReportContext["plan"]; readonly townshipNames?: ReportContext["townshipNames"] };

const MINUTE_RULES: ReadonlySet<PlanViolationRule> = new Set(["dayTravel", "boardingTravel", "meanTravel", "resourceRoom"]);

/** A figure of a violation for readers: minutes to 0.1, yuan a year for the budget, otherwise whole numbers. */
function figure(context: ViolationContext, rule: PlanViolationRule, value: number | undefined): string {
  if (value === undefined) return "";
  if (rule === "budget") return context.messages.common.yuanPerYear(value);
  if (!Number.isFinite(value)) return formatNumber(context, value);
  const minutes = MINUTE_RULES.has(rule);
  return formatNumber(context, value, minutes && !Number.isInteger(Math.round(value * 10) / 10) ? 1 : 0);
}

/** The name of the item with id `id` (its id where it has no name), "" for no id. */
function nameOf(items: readonly { readonly id: string; readonly name: string }[], id: string | undefined): string {
  if (id === undefined) return "";
  const name = items.find((item) => item.id === id)?.name;
  return name === undefined || name === "" ? id : name;
}

/** The parts of a violation with names in place of ids. */
function violationParts(context: ViolationContext, violation: PlanViolation): ViolationParts {
  const { system } = context;
  return {
    school: nameOf(system.schools, violation.school),
    settlement: nameOf(system.settlements, violation.settlement),
    level: violation.level === undefined ? "" : context.messages.common.levels[violation.level],
    township: violation.township === undefined ? "" : (context.townshipNames?.[violation.township] ?? violation.township),
    missing: violation.missing,
    pupils: violation.pupils === undefined ? "" : formatNumber(context, violation.pupils),
    value: figure(context, violation.rule, violation.value),
    limit: figure(context, violation.rule, violation.limit),
    unreachable: violation.value === Infinity,
  };
}

/**
 * A violation in the report's language: the catalogue's sentence from its fields; where the fields do not carry
 * it, in English the violation's own sentence, in Chinese the rule's name and what it concerns.
 */
function violationText(context: ViolationContext, violation: PlanViolation): string {
  const words = context.messages.violations;
  const parts = violationParts(context, violation);
  const sentence = words.detail(violation.rule, parts);
  if (sentence !== null) return sentence;
  if (context.messages.language === "en") return readableText(violation.message);
  const about = [parts.level === "" ? parts.settlement : `${parts.settlement}（${parts.level}）`, parts.school, parts.township].filter((part) => part !== "").join("，");
  return about === "" ? words.names[violation.rule] : `${about}：${words.names[violation.rule]}`;
}

/** The worst of a rule's violations: the largest figure where they have one, else the first. */
function worst(violations: readonly PlanViolation[]): PlanViolation {
  return violations.reduce((a, b) => ((b.value ?? -Infinity) > (a.value ?? -Infinity) ? b : a));
}

function byRule(context: ViolationContext, violations: readonly PlanViolation[], none: string): Block[] {
  if (violations.length === 0) return [paragraph(none)];
  const words = context.messages.report.violations;
  const rules = new Map<PlanViolationRule, PlanViolation[]>();
  for (const violation of violations) rules.set(violation.rule, [...(rules.get(violation.rule) ?? []), violation]);
  const rows = [...rules].map(([rule, list]): Inline[] => [context.messages.violations.names[rule], formatNumber(context, list.length), violationText(context, worst(list))]);
  return [table([words.rule, words.cases, words.example], rows)];
}

/** The violations of the status quo and of the plan (the plan's from its independent check). */
export function violationBlocks(context: ViolationContext): Block[] {
  const words = context.messages.report;
  const blocks: Block[] = [heading(words.sections.violations, 2, "violations")];
  const statusQuo = context.statusQuoEvaluation?.violations ?? context.plan?.statusQuo?.violations;
  if (statusQuo !== undefined) blocks.push(heading(words.violations.statusQuoHeading, 3), ...byRule(context, statusQuo, words.violations.noneStatusQuo));
  if (context.planEvaluation !== null) blocks.push(heading(words.violations.planHeading, 3), ...byRule(context, context.planEvaluation.violations, words.violations.nonePlan));
  return blocks.length === 1 ? [] : blocks;
}
