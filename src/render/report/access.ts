/**
 * The report's travel sections: access per level (mean, median, 90th percentile, longest trip, shares within the
 * limits, boarders and their weekly trip), per township, and equity (Gini, Theil), plan against the status quo.
 * @module
 */
import type { LevelAccess } from "../../metrics/access.ts";
import type { LayoutEvaluation } from "../../metrics/evaluate.ts";
import type { Block, Inline } from "../document/blocks.ts";
import { heading, paragraph, table } from "../document/blocks.ts";
import { formatNumber, formatPercent, levelName, townshipName, type EvaluationContext, type ReportContext } from "./context.ts";

function accessRow(context: EvaluationContext, level: string, layout: string, access: LevelAccess | undefined): Inline[] {
  const words = context.messages.report.access;
  if (access === undefined) return [level, layout];
  return [
    level,
    layout,
    formatNumber(context, access.assignedPupils),
    formatNumber(context, access.all.meanMinutes, 1),
    formatNumber(context, access.all.medianMinutes, 1),
    formatNumber(context, access.all.p90Minutes, 1),
    formatNumber(context, access.all.maxMinutes, 1),
    access.dayLimitMinutes === null ? words.noLimit : formatNumber(context, access.dayLimitMinutes),
    formatPercent(context, access.withinLimitShare),
    formatNumber(context, access.boarding.pupils),
    formatNumber(context, access.boarding.meanMinutes, 1),
    formatNumber(context, access.unassignedPupils),
  ];
}

/** Access per level, plan and status quo rows. */
export function accessBlocks(context: EvaluationContext): Block[] {
  const { planEvaluation, statusQuoEvaluation } = context;
  if (planEvaluation === null && statusQuoEvaluation === null) return [];
  const words = context.messages.report;
  const a = words.access;
  const rows: Inline[][] = [];
  for (const level of context.system.levels) {
    const name = levelName(context, level);
    if (planEvaluation !== null) rows.push(accessRow(context, name, words.headline.plan, planEvaluation.access.county[level]));
    if (statusQuoEvaluation !== null) rows.push(accessRow(context, planEvaluation === null ? name : "", words.headline.statusQuo, statusQuoEvaluation.access.county[level]));
  }
  const headers = [a.level, a.layout, `${a.pupils}#`, `${a.mean}#`, `${a.median}#`, `${a.p90}#`, `${a.max}#`, `${a.dayLimit}#`, `${a.withinLimit}#`, `${a.boarders}#`, `${a.boarderTrip}#`, `${a.unassigned}#`];
  return [heading(words.sections.access, 2, "access"), table(headers, rows), paragraph(a.note, "note"), ...equityBlocks(context)];
}

function equityRow(context: EvaluationContext, label: string, evaluation: LayoutEvaluation | null, statusQuo: LayoutEvaluation | null, level: "all" | keyof LayoutEvaluation["equity"]["levels"]): Inline[] {
  const figures = (e: LayoutEvaluation | null) => (e === null ? undefined : level === "all" ? e.equity.all : e.equity.levels[level]);
  const plan = figures(evaluation);
  const before = figures(statusQuo);
  return [label, formatNumber(context, plan?.gini, 3), formatNumber(context, before?.gini, 3), formatNumber(context, plan?.theil, 3), formatNumber(context, before?.theil, 3)];
}

function equityBlocks(context: EvaluationContext): Block[] {
  const words = context.messages.report;
  const e = words.equity;
  const { planEvaluation, statusQuoEvaluation } = context;
  const rows = context.system.levels.map((level) => equityRow(context, levelName(context, level), planEvaluation, statusQuoEvaluation, level));
  rows.push(equityRow(context, e.all, planEvaluation, statusQuoEvaluation, "all"));
  const plan = words.headline.plan;
  const before = words.headline.statusQuo;
  return [
    heading(words.sections.equity, 3),
    table([words.access.level, `${e.gini}, ${plan}#`, `${e.gini}, ${before}#`, `${e.theil}, ${plan}#`, `${e.theil}, ${before}#`], rows),
    paragraph(e.note, "note"),
  ];
}

/** Per township and level: the plan's mean trip with the status quo's in brackets, and the township's pupils. */
export function townshipAccessBlocks(context: ReportContext): Block[] {
  const { planEvaluation, statusQuoEvaluation } = context;
  const evaluation = planEvaluation ?? statusQuoEvaluation;
  if (evaluation === null || evaluation.access.townships.length === 0) return [];
  const words = context.messages.report;
  const before = new Map((statusQuoEvaluation?.access.townships ?? []).map((township) => [township.township, township]));
  const schools = context.score?.schools ?? [];
  const rows = evaluation.access.townships.map((township): Inline[] => {
    const inTownship = schools.filter((school) => school.township === township.township);
    const pupils = context.system.levels.reduce((sum, level) => sum + (township.levels[level]?.pupils ?? 0), 0);
    const trips = context.system.levels.map((level) => {
      const plan = planEvaluation === null ? null : township.levels[level]?.all.meanMinutes;
      const statusQuo = before.get(township.township)?.levels[level]?.all.meanMinutes;
      return `${formatNumber(context, plan, 1)} (${formatNumber(context, statusQuo, 1)})`;
    });
    return [
      township.township === null ? words.townshipTable.none : townshipName(context, township.township),
      formatNumber(context, context.system.settlements.filter((settlement) => settlement.township === township.township).length),
      formatNumber(context, pupils),
      formatNumber(context, inTownship.filter((school) => school.open).length),
      formatNumber(context, inTownship.filter((school) => school.action === "close").length),
      formatNumber(context, inTownship.filter((school) => school.action === "build").length),
      ...trips,
    ];
  });
  const t = words.townshipTable;
  const headers = [t.township, `${t.settlements}#`, `${t.pupils}#`, `${t.open}#`, `${t.closed}#`, `${t.built}#`, ...context.system.levels.map((level) => `${levelName(context, level)}: ${t.meanTrip}#`)];
  return [heading(words.sections.townships, 2, "townships"), table(headers, rows), paragraph(words.access.townshipNote, "note")];
}
