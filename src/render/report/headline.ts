/**
 * The report's opening: how the solve ended, the objective, how it ran, and the headline figures against the
 * status quo (cost, mean trip, schools opened / closed / built, boarders, small schools, violations, the gap).
 * @module
 */
import type { Block, Inline } from "../document/blocks.ts";
import { heading, paragraph, table } from "../document/blocks.ts";
import { formatChange, formatNumber, formatPercent, type ReportContext } from "./context.ts";

/** The solvers' own names, as their authors write them. */
const SOLVER_NAMES: Readonly<Record<string, string>> = { highs: "HiGHS", "javascript-lp-solver": "javascript-lp-solver", enumeration: "enumeration" };

/** The status sentence, the objective and the solve statistics. */
export function statusBlocks(context: ReportContext): Block[] {
  const { plan, messages } = context;
  const words = messages.report;
  const hasPlan = context.score !== null;
  const gap = plan.gap === null ? null : formatPercent(context, plan.gap, 2);
  const blocks: Block[] = [
    paragraph([{ strong: words.status({ status: plan.status, hasPlan, objective: plan.objectiveKind, gap, heuristic: plan.source === "heuristic" }) }], plan.status === "infeasible" ? "warning" : "body"),
  ];
  if (hasPlan && plan.objective !== null) {
    const digits = plan.objectiveKind === "cost" ? 0 : 2;
    blocks.push(paragraph(words.objective(plan.objectiveKind, formatNumber(context, plan.objective, digits), plan.bound === null ? null : formatNumber(context, plan.bound, digits))));
  }
  const { statistics } = plan;
  blocks.push(
    paragraph(
      statistics.solver === "none"
        ? words.noSolve(formatNumber(context, statistics.seconds, 1))
        : words.solvedBy(SOLVER_NAMES[statistics.solver] ?? statistics.solver, formatNumber(context, statistics.seconds, 1), formatNumber(context, statistics.variables), formatNumber(context, statistics.constraints), statistics.nodes === undefined ? null : formatNumber(context, statistics.nodes)),
      "note",
    ),
  );
  return blocks;
}

/** The headline table: plan, status quo and change of the figures a reader looks at first. */
export function headlineBlocks(context: ReportContext): Block[] {
  const { plan, score } = context;
  if (score === null) return [];
  const words = context.messages.report.headline;
  const before = plan.statusQuo;
  const planEvaluation = context.planEvaluation;
  const beforeEvaluation = context.statusQuoEvaluation;
  type Row = readonly [label: string, plan: number | null | undefined, statusQuo: number | null | undefined, digits: number];
  const rows: Row[] = [
    [words.cost, score.costs.total, before?.costs.total, 0],
    [words.meanTrip, score.travel.meanMinutes, before?.travel.meanMinutes, 1],
    [words.openSchools, score.counts.open, before?.counts.open, 0],
    [words.closed, score.counts.closed, null, 0],
    [words.expanded, score.counts.expanded, null, 0],
    [words.built, score.counts.built, null, 0],
    [words.boarders, score.travel.boarders, before?.travel.boarders, 0],
    [words.smallSchools, score.counts.small, before?.counts.small, 0],
    [words.violations, planEvaluation?.violations.length, beforeEvaluation?.violations.length, 0],
  ];
  const cells = rows.map(([label, value, statusQuo, digits]): Inline[] => [
    label,
    formatNumber(context, value, digits),
    statusQuo === null ? "" : formatNumber(context, statusQuo, digits),
    statusQuo === null ? "" : formatChange(context, statusQuo, value, digits),
  ]);
  cells.push([words.gap, plan.gap === null ? context.messages.common.missing : formatPercent(context, plan.gap, 2), "", ""]);
  return [heading(context.messages.report.sections.headline, 2, "headline"), table([words.figure, `${words.plan}#`, `${words.statusQuo}#`, `${words.change}#`], cells)];
}
