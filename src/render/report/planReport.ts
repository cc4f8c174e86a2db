/**
 * The plan report: one document (headline, maps, trade-off, costs, access, equity, schools, actions, small
 * schools, the schools one by one, townships, quality balance, norm violations, rules, sources and assumptions)
 * in Chinese or English, rendered as a self-contained HTML page ({@link planReportHtml}) or as Markdown
 * ({@link planSummaryMarkdown}, the `summary.md` a plan writes). Both come from {@link planReportDocument}, so
 * their figures agree.
 * @module
 */
import type { CommunityPlan } from "../../communities/communityTypes.ts";
import type { BalanceTotals } from "../../metrics/balance.ts";
import { InputError } from "../../errors.ts";
import { evaluateLayout, type LayoutEvaluation } from "../../metrics/evaluate.ts";
import type { Layout } from "../../metrics/layout.ts";
import type { Plan } from "../../plan/result/result.ts";
import type { SchoolSystem } from "../../plan/system/system.ts";
import type { Block, ReportDocument } from "../document/blocks.ts";
import { heading, paragraph } from "../document/blocks.ts";
import { documentToHtml } from "../document/html.ts";
import { documentToMarkdown } from "../document/markdown.ts";
import { checkLanguage, type Language } from "../messages/common.ts";
import { messagesFor } from "../messages/index.ts";
import { accessBlocks, townshipAccessBlocks } from "./access.ts";
import { balanceBlocks } from "./balance.ts";
import { communitySectionBlocks } from "./communityReport.ts";
import { figureBlock, type ReportFigure } from "./figures.ts";
import { readableText, scoreOf, type ReportContext } from "./context.ts";
import { costBlocks } from "./costs.ts";
import { headlineBlocks, statusBlocks } from "./headline.ts";
import { rulesBlocks } from "./rules.ts";
import { actionBlocks, schoolLevelBlocks, schoolTableBlocks, smallSchoolBlocks } from "./schools.ts";
import { reasonBlocks, sourceBlocks } from "./sources.ts";
import { splitSettlementBlocks } from "./splitSettlements.ts";
import { tradeoffBlocks } from "./tradeoff.ts";
import { violationBlocks } from "./violations.ts";

export type { ReportFigure } from "./figures.ts";

/** Options of {@link planReportDocument}, {@link planReportHtml} and {@link planSummaryMarkdown}. */
export interface PlanReportOptions {
  /** `zh` (简体中文) or `en` (English). Default `en`. */
  readonly language?: Language;
  /** The title. Default "School plan" / "学校布局规划". */
  readonly title?: string;
  /** Maps and other pictures, shown in the Maps section in order. Default none. */
  readonly figures?: readonly ReportFigure[];
  /** The data sources, one line each (shown under Data). Default none. */
  readonly sources?: readonly string[];
  /** Further notes: the data's caveats, the county's overrides, what was left out. Default none. */
  readonly notes?: readonly string[];
  /**
   * Resource totals per school id for the quality-balance figures (教督〔2017〕6号; see {@link BalanceTotals}).
   * Default none: the balance section says which totals are missing.
   */
  readonly balanceTotals?: Readonly<Record<string, BalanceTotals>>;
  /** Township names by township id, for the tables (ids are often codes). Default: the ids. */
  readonly townshipNames?: Readonly<Record<string, string>>;
  /** Leave out the per-school table (long for a large county). Default false. */
  readonly omitSchoolTable?: boolean;
  /** Education communities formed on the plan's schools, shown in a section of their own. Default none. */
  readonly communities?: PlanReportCommunities;
}

/** The education communities a plan report shows ({@link PlanReportOptions.communities}). */
export interface PlanReportCommunities {
  /** From {@link formCommunities}, on the plan's open schools. */
  readonly plan: CommunityPlan;
  /** Display names by school id. Default the ids. */
  readonly names?: Readonly<Record<string, string>>;
  /** Their maps (e.g. {@link renderCommunityMap}'s), after the table. Default none. */
  readonly figures?: readonly ReportFigure[];
}

/**
 * The evaluations of a plan and its status quo (null where there is no layout). A layout the metrics refuse (a
 * figure that is not a number: a plan edited by hand) is not evaluated; its problem is said in the report
 * instead, so that the rest of the report is still written. Balance totals naming an unknown school still throw.
 */
function evaluations(plan: Plan, system: SchoolSystem, balanceTotals: PlanReportOptions["balanceTotals"]): { plan: LayoutEvaluation | null; statusQuo: LayoutEvaluation | null; problems: string[] } {
  const options = { rules: plan.rules, costFigures: plan.costFigures, ...(balanceTotals === undefined ? {} : { balanceTotals }) };
  const problems: string[] = [];
  const evaluate = (layout: Layout | null): LayoutEvaluation | null => {
    if (layout === null) return null;
    try {
      return evaluateLayout(system, layout, options);
    } catch (error) {
      if (!(error instanceof InputError) || error.location.source === "balanceTotals") throw error;
      problems.push(error.message);
      return null;
    }
  };
  return { plan: evaluate(scoreOf(plan)), statusQuo: evaluate(plan.statusQuo), problems };
}

/** The communities section of the plan report, with its maps after the table. */
function communityBlocks(communities: PlanReportCommunities | undefined, language: Language): Block[] {
  if (communities === undefined) return [];
  const blocks = communitySectionBlocks(communities.plan, language, communities.names === undefined ? {} : { names: communities.names });
  return blocks.length === 0 ? [] : [...blocks, ...(communities.figures ?? []).map(figureBlock)];
}

/**
 * The plan report as a document (plain data), in the chosen language. Sections: the status sentence (only status
 * `optimal` is called optimal; a plan with a gap is "the best found" with its proven gap), the objective and the
 * solve; the headline against the status quo; the maps given; the trade-off chart and table when computed; the
 * annual cost by item; access per level (mean, median, 90th percentile, longest, shares within the limits,
 * boarders' weekly trip) and equity (Gini, Theil) — from {@link evaluateLayout}; seats and utilization per level;
 * the actions; the small schools; every school; townships; the quality balance (教督〔2017〕6号) when resource
 * totals are given; the education communities when given; the norm violations of the status quo and the plan
 * ({@link checkPlan}); the rules in force; data, sources and assumptions. Pure: nothing is mutated.
 * @param plan - a plan from {@link planSchools}
 * @param system - the system it was made for
 * @param options - language, title, figures, sources, notes, balance totals; see {@link PlanReportOptions}
 * @returns the document
 * @throws RangeError for a language other than `zh` or `en`; InputError from {@link evaluateLayout} for balance
 *   totals naming a school the system does not have
 */
export function planReportDocument(plan: Plan, system: SchoolSystem, options: PlanReportOptions = {}): ReportDocument {
  const language = checkLanguage(options.language ?? "en");
  const messages = messagesFor(language);
  const evaluated = evaluations(plan, system, options.balanceTotals);
  const context: ReportContext = { plan, score: scoreOf(plan), system, messages, planEvaluation: evaluated.plan, statusQuoEvaluation: evaluated.statusQuo, townshipNames: options.townshipNames ?? {} };
  const figures = options.figures ?? [];
  const mapBlocks: Block[] =
    figures.length === 0
      ? []
      : [
          heading(messages.report.sections.maps, 2, "maps"),
          ...figures.map(figureBlock),
        ];
  const blocks: Block[] = [
    ...statusBlocks(context),
    ...evaluated.problems.map((problem) => paragraph(messages.report.notEvaluated(readableText(problem)), "warning")),
    ...reasonBlocks(context),
    ...headlineBlocks(context),
    ...mapBlocks,
    ...tradeoffBlocks(context),
    ...costBlocks(context),
    ...accessBlocks(context),
    ...schoolLevelBlocks(context),
    ...actionBlocks(context),
    ...smallSchoolBlocks(context),
    ...splitSettlementBlocks(context),
    ...(options.omitSchoolTable === true ? [] : schoolTableBlocks(context)),
    ...townshipAccessBlocks(context),
    ...balanceBlocks(context),
    ...communityBlocks(options.communities, language),
    ...violationBlocks(context),
    ...rulesBlocks({ messages, rules: plan.rules, levels: system.levels, types: system.schools.map((school) => school.type) }),
    ...sourceBlocks(context, options.sources ?? [], options.notes ?? []),
  ];
  return { title: options.title ?? messages.report.title, lang: language === "zh" ? "zh-CN" : "en", blocks };
}

/**
 * The plan report as one self-contained HTML page (inline CSS and SVG; no script, no network resource), in
 * Chinese or English. See {@link planReportDocument} for the sections.
 * @param plan - a plan from {@link planSchools}
 * @param system - the system it was made for
 * @param options - see {@link PlanReportOptions}
 * @returns HTML text
 * @throws as {@link planReportDocument}
 * @example
 * ```ts
 * const html = planReportHtml(plan, system, { language: "zh", title: "东源县学校布局规划（示意）", figures: [{ svg: map, caption: "规划" }] });
 * ```
 */
export function planReportHtml(plan: Plan, system: SchoolSystem, options: PlanReportOptions = {}): string {
  return documentToHtml(planReportDocument(plan, system, options));
}

/**
 * The plan report as Markdown (the `summary.md` a plan writes), in Chinese or English: the same document as
 * {@link planReportHtml}, figures as image links where they name a file.
 * @param plan - a plan from {@link planSchools}
 * @param system - the system it was made for
 * @param options - see {@link PlanReportOptions}
 * @returns Markdown text ending in a newline
 * @throws as {@link planReportDocument}
 */
export function planSummaryMarkdown(plan: Plan, system: SchoolSystem, options: PlanReportOptions = {}): string {
  return documentToMarkdown(planReportDocument(plan, system, options));
}
