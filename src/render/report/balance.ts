/**
 * The report's quality-balance section (教督〔2017〕6号): per stage, each indicator's threshold, county value and
 * enrolment-weighted coefficient of variation in the status quo and the plan, against the limit; schools meeting
 * at least 6 of 7.
 * @module
 */
import { BALANCE_INDICATORS, BALANCE_STAGES } from "../../metrics/balanceIndicators.ts";
import type { BalanceEvaluation, StageBalance } from "../../metrics/balance.ts";
import type { Block, Inline } from "../document/blocks.ts";
import { heading, paragraph, table } from "../document/blocks.ts";
import { formatNumber, type EvaluationContext } from "./context.ts";

function verdict(context: EvaluationContext, passes: boolean | null): string {
  const words = context.messages.report.balance;
  return passes === null ? words.unknown : passes ? words.pass : words.fail;
}

function stageBlocks(context: EvaluationContext, stage: StageBalance, before: StageBalance | null): Block[] {
  const words = context.messages.report;
  const b = words.balance;
  const english = context.messages.language === "en";
  const rows = BALANCE_INDICATORS.map((indicator, index): Inline[] => {
    const plan = stage.indicators[index]!;
    const statusQuo = before?.indicators[index];
    return [
      english ? `${indicator.nameEn} (${indicator.nameZh}), ${indicator.unit}` : indicator.nameZh,
      formatNumber(context, indicator.thresholds[stage.stage], indicator.thresholds[stage.stage] >= 100 ? 0 : 1),
      formatNumber(context, plan.countyValue, 2),
      formatNumber(context, statusQuo?.coefficientOfVariation, 3),
      formatNumber(context, plan.coefficientOfVariation, 3),
      formatNumber(context, stage.coefficientLimit, 2),
      `${formatNumber(context, plan.schoolsMeeting)} / ${formatNumber(context, plan.schools)}`,
      verdict(context, plan.passes),
    ];
  });
  const sentences = [
    ...(before === null ? [] : [b.stageResult(b.stage[stage.stage], words.headline.statusQuo, formatNumber(context, before.schoolsCounted), formatNumber(context, before.schoolsPassing), verdict(context, before.passes))]),
    b.stageResult(b.stage[stage.stage], words.headline.plan, formatNumber(context, stage.schoolsCounted), formatNumber(context, stage.schoolsPassing), verdict(context, stage.passes)),
  ];
  return [
    heading(b.stage[stage.stage], 3),
    table([b.indicator, `${b.threshold}#`, `${b.countyValue}#`, `${b.cvStatusQuo}#`, `${b.cvPlan}#`, `${b.limit}#`, `${b.schoolsMeeting}#`, words.headline.plan], rows),
    ...sentences.map((sentence) => paragraph(sentence)),
  ];
}

/** The balance section; a sentence saying what is missing when the schools carry no resource totals. */
export function balanceBlocks(context: EvaluationContext): Block[] {
  const words = context.messages.report;
  const plan: BalanceEvaluation | null = context.planEvaluation?.balance ?? null;
  const before: BalanceEvaluation | null = context.statusQuoEvaluation?.balance ?? null;
  const blocks: Block[] = [heading(words.sections.balance, 2, "balance"), paragraph(words.balance.intro, "note")];
  if (plan === null) return [...blocks, paragraph(words.balance.missing)];
  for (const stage of BALANCE_STAGES) {
    if (plan[stage].schools.length === 0 && (before === null || before[stage].schools.length === 0)) continue;
    blocks.push(...stageBlocks(context, plan[stage], before === null ? null : before[stage]));
  }
  return blocks;
}
