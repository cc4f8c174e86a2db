/**
 * The multi-year plan report: one document (the status, the plan years and scenarios, the projected pupils, when
 * each school closes, expands or is built, the seats and classrooms over the years, then a section per plan year
 * with its figures under every scenario against today's layout, its changes, its small schools and its maps; the
 * independent check; data, sources and assumptions) in Chinese or English, as a self-contained HTML page
 * ({@link multiYearReportHtml}) or Markdown ({@link multiYearSummaryMarkdown}).
 * @module
 */
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import type { ProjectionRow } from "../../population/project.ts";
import { SOCIAL_DISCOUNT_RATE } from "../../plan/years/yearOptions.ts";
import type { MultiYearPlan, PlanYear } from "../../plan/years/yearResult.ts";
import { classroomUseChartSvg, enrolmentChartSvg, schoolUseChartSvg } from "../chart/yearCharts.ts";
import type { Block, Inline, ReportDocument } from "../document/blocks.ts";
import { heading, list, paragraph, table } from "../document/blocks.ts";
import { documentToHtml } from "../document/html.ts";
import { documentToMarkdown } from "../document/markdown.ts";
import { checkLanguage, type Language } from "../messages/common.ts";
import { messagesFor, type Messages } from "../messages/index.ts";
import { travelBasisText } from "../messages/travelBasis.ts";
import { formatNumber, formatPercent, readableText, type EvaluationContext } from "./context.ts";
import { rulesBlocks } from "./rules.ts";
import { figureBlock, type ReportFigure } from "./figures.ts";

/** Options of {@link multiYearReportDocument}, {@link multiYearReportHtml} and {@link multiYearSummaryMarkdown}. */
export interface MultiYearReportOptions {
  /** `zh` (简体中文) or `en` (English). Default `en`. */
  readonly language?: Language;
  /** The title. Default "Multi-year school plan" / "多年度学校布局规划". */
  readonly title?: string;
  /**
   * The projection the pupils came from (e.g. `projectCounty(…).rows`): drawn as the enrolment chart and tabled
   * (rows of one year and scenario summed over places). Default none: the projection section is left out.
   */
  readonly projection?: readonly ProjectionRow[];
  /** Draw the charts (projected pupils, classrooms in use, each school's utilization). Default true. */
  readonly charts?: boolean;
  /** How many schools the utilization chart shows (the largest). Default 12. */
  readonly chartSchools?: number;
  /** Pictures for each plan year's section, by year (e.g. {@link yearMapFigures}). Default none. */
  readonly yearFigures?: Readonly<Record<number, readonly ReportFigure[]>>;
  /** The data sources, one line each. Default none. */
  readonly sources?: readonly string[];
  /** Further notes: how the pupils were made, the data's caveats. Default none. */
  readonly notes?: readonly string[];
  /** Leave out the schedule table of the schools that change (long for a large county). Default false. */
  readonly omitScheduleTable?: boolean;
}

/** What the sections read. */
interface YearContext extends Pick<EvaluationContext, "messages"> {
  readonly plan: MultiYearPlan;
  readonly options: MultiYearReportOptions;
}

const format = (context: YearContext, value: number | null | undefined, digits = 0): string => formatNumber(context, value, digits);
const percent = (context: YearContext, value: number | null | undefined, digits = 0): string => formatPercent(context, value, digits);

/** A scenario's name in the report's language. */
function scenarioName(messages: Messages, id: string): string {
  return messages.chart.scenario(id);
}

/** The status sentence, the objective and how it was solved; why there is no plan. */
function statusBlocks(context: YearContext): Block[] {
  const { plan, messages } = context;
  const words = messages.years;
  const hasPlan = plan.plans.length > 0;
  const blocks: Block[] = [
    paragraph([{ strong: words.status({ status: plan.status, hasPlan, gap: plan.gap === null ? null : percent(context, plan.gap, 2), criterion: plan.criterion }) }], hasPlan ? "body" : "warning"),
  ];
  const digits = plan.objectiveKind === "cost" ? 0 : 2;
  if (hasPlan && plan.objective !== null) {
    blocks.push(paragraph(words.objective(plan.objectiveKind, plan.criterion, format(context, plan.objective, digits), plan.bound === null ? null : format(context, plan.bound, digits))));
  }
  if (plan.regret !== null) {
    const h = words.headers;
    blocks.push(
      table([h.scenario, h.value, h.reference, h.referenceBound, h.regret], plan.regret.map((r) => [scenarioName(messages, r.scenario), format(context, r.value, digits), format(context, r.reference, digits), format(context, r.referenceBound, digits), format(context, r.regret, digits)]), words.captions.regret),
      paragraph(words.regretNote, "note"),
    );
  }
  blocks.push(paragraph(words.method(plan.method, format(context, plan.statistics.seconds, 1)), "note"));
  if (plan.method === "byScenario" && hasPlan) blocks.push(paragraph(words.byScenarioCaveat, "note"));
  if (plan.reasons.length > 0) {
    blocks.push(heading(words.noPlan, 3), list(plan.reasons.map((reason) => [{ strong: reason.code }, `: ${readableText(reason.message)}`])));
  }
  return blocks;
}

/** The plan years with their spans and weights, and the scenarios with their probabilities. */
function overviewBlocks(context: YearContext): Block[] {
  const { plan, messages } = context;
  const h = messages.years.headers;
  const c = messages.years.captions;
  return [
    heading(messages.years.sections.overview, 2, "overview"),
    table([h.planYear, h.calendarYears, h.weight], plan.years.map((y) => [String(y.year), y.span === 1 ? String(y.year) : `${y.year}–${y.year + y.span - 1}`, format(context, y.weight, 2)]), c.years),
    table([h.scenario, h.probability], plan.scenarios.map((s) => [scenarioName(messages, s.id), percent(context, s.probability, 0)]), c.scenarios),
  ];
}

/** The years of the projection table: the first, the plan years and every fifth year. */
function tabledYears(rows: readonly ProjectionRow[], plan: MultiYearPlan): number[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const planYears = new Set(plan.years.map((y) => y.year));
  return years.filter((year, k) => k === 0 || planYears.has(year) || year % 5 === 0);
}

/** The projected pupils: the chart and a table by scenario and year. */
function projectionBlocks(context: YearContext): Block[] {
  const rows = context.options.projection;
  if (rows === undefined || rows.length === 0) return [];
  const { messages } = context;
  const levels = LEVELS.filter((level: LevelId) => rows.some((r) => r.enrolment[level] > 0));
  const total = new Map<string, number>();
  for (const row of rows) for (const level of levels) total.set(`${row.scenario}|${row.year}|${level}`, (total.get(`${row.scenario}|${row.year}|${level}`) ?? 0) + row.enrolment[level]);
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const years = tabledYears(rows, context.plan);
  const blocks: Block[] = [heading(messages.years.sections.projection, 2, "projection")];
  if (context.options.charts !== false && levels.length > 0) blocks.push(figureBlock({ svg: enrolmentChartSvg(rows, { language: messages.language }), caption: messages.chart.enrolmentTitle }));
  const h = messages.years.headers;
  blocks.push(table(
    [h.scenario, h.year, ...levels.map((level) => `${messages.common.levels[level]}#`)],
    scenarios.flatMap((scenario) => years.map((year): Inline[] => [scenarioName(messages, scenario), String(year), ...levels.map((level) => format(context, total.get(`${scenario}|${year}|${level}`) ?? 0))])),
    messages.years.captions.projection,
  ));
  blocks.push(paragraph(messages.chart.projectionNote, "note"));
  return blocks;
}

/** The schools that change in some plan year, with their change in each. */
function scheduleBlocks(context: YearContext): Block[] {
  const { plan, messages } = context;
  if (plan.schedule.length === 0) return [];
  const words = messages.years;
  const changing = plan.schedule.filter((s) => s.years.some((y) => y.change !== "keep" && y.change !== "not built"));
  const blocks: Block[] = [heading(words.sections.schedule, 2, "schedule"), paragraph(words.scheduleNote(changing.length, plan.schedule.length))];
  if (context.options.omitScheduleTable !== true && changing.length > 0) {
    blocks.push(table(
      [words.headers.school, words.headers.existing, ...plan.years.map((y) => String(y.year))],
      changing.map((s): Inline[] => [s.name, s.existing ? messages.common.yes : messages.common.no, ...s.years.map((y) => (y.change === "keep" || y.change === "not built" || y.change === "closed" ? words.changes[y.change] : { strong: words.changes[y.change] }))]),
      words.captions.schedule,
    ));
  }
  return blocks;
}

/** Classrooms in use per plan year and each school's utilization, as charts. */
function useBlocks(context: YearContext): Block[] {
  const { plan, messages } = context;
  if (plan.plans.length === 0 || context.options.charts === false) return [];
  const language = messages.language;
  return [
    heading(messages.years.sections.use, 2, "use"),
    figureBlock({ svg: classroomUseChartSvg(plan, { language }), caption: messages.chart.classroomUseTitle }),
    figureBlock({ svg: schoolUseChartSvg(plan, { language, count: context.options.chartSchools ?? 12 }), caption: messages.chart.schoolUseTitle }),
  ];
}

/** The names of the schools whose change in plan year `t` is `change`, joined. */
function namesWith(plan: MultiYearPlan, t: number, change: string, separator: string): string {
  return plan.schedule.filter((s) => s.years[t]!.change === change).map((s) => s.name).join(separator);
}

/** One plan year: its span, its figures per scenario against today's layout, its changes, small schools, figures. */
function yearBlocks(context: YearContext, t: number): Block[] {
  const { plan, messages } = context;
  const words = messages.years;
  const h = words.headers;
  const weight = plan.years[t]!;
  const year = weight.year;
  const rows = plan.plans.filter((y) => y.year === year);
  const separator = messages.language === "zh" ? "、" : ", ";
  const nameOf = new Map(plan.schedule.map((s) => [s.id, s.name]));
  const names = (ids: readonly string[]): string => ids.map((id) => nameOf.get(id) ?? id).join(separator);
  const planRow = (y: PlanYear): Inline[] => {
    const f = y.figures;
    return [scenarioName(messages, y.scenario), format(context, f.pupils), format(context, y.plan.schools.filter((s) => s.open).length), percent(context, f.utilization), format(context, f.emptySeats), percent(context, f.classroomUse), format(context, f.emptyClassrooms), format(context, f.smallSchools.length), format(context, f.meanTravelMinutes, 1), format(context, f.costYuanPerYear)];
  };
  const todayRow = (y: PlanYear): Inline[] => {
    const f = y.statusQuo.figures;
    return [scenarioName(messages, y.scenario), format(context, f.pupils), percent(context, f.utilization), format(context, f.emptySeats), percent(context, f.classroomUse), format(context, f.emptyClassrooms), format(context, f.smallSchools.length), format(context, f.meanTravelMinutes, 1), format(context, y.statusQuo.violations.length)];
  };
  const blocks: Block[] = [
    heading(words.sections.year(year), 2, `year-${year}`),
    paragraph(words.span(year, year + weight.span - 1, format(context, weight.weight, 2)), "note"),
    paragraph(words.yearChanges(namesWith(plan, t, "close", separator), namesWith(plan, t, "build", separator), namesWith(plan, t, "expand", separator))),
    table([h.scenario, h.pupils, h.openSchools, h.utilization, h.emptySeats, h.classroomUse, h.emptyClassrooms, h.smallSchools, h.meanTrip, h.cost], rows.map(planRow), words.captions.plan(year)),
    table([h.scenario, h.pupils, h.utilization, h.emptySeats, h.classroomUse, h.emptyClassrooms, h.smallSchools, h.meanTrip, h.rulesBroken], rows.map(todayRow), words.captions.today(year)),
  ];
  const notes: string[] = [];
  const line = format(context, plan.rules.smallSchoolPupils);
  // One line per list of schools, naming the scenarios that have it (every scenario: said once).
  const grouped = (pick: (y: PlanYear) => readonly string[], say: (scenarios: string, names: string) => string): void => {
    const byList = new Map<string, string[]>();
    for (const y of rows) {
      const ids = pick(y);
      if (ids.length === 0) continue;
      const key = ids.join("\u0000");
      byList.set(key, [...(byList.get(key) ?? []), y.scenario]);
    }
    for (const [key, scenarios] of byList) {
      const who = scenarios.length === rows.length && rows.length > 1 ? words.everyScenario : scenarios.map((id) => scenarioName(messages, id)).join(separator);
      notes.push(say(who, names(key.split("\u0000"))));
    }
  };
  grouped((y) => y.figures.openedSmall, (who, list) => words.openedSmall(who, list, line));
  grouped((y) => y.figures.newlySmall, (who, list) => words.newlySmall(who, list, line));
  grouped((y) => y.figures.overcrowdedSchools, (who, list) => words.overcrowded(who, list));
  if (notes.length > 0) blocks.push(list(notes));
  for (const figure of context.options.yearFigures?.[year] ?? []) blocks.push(figureBlock(figure));
  return blocks;
}

/** The independent check of the plan across years. */
function checkBlocks(context: YearContext): Block[] {
  const { plan, messages } = context;
  if (plan.plans.length === 0) return [];
  const words = messages.years;
  if (plan.violations.length === 0) return [heading(words.sections.rules, 2, "check"), paragraph(words.noViolations)];
  return [
    heading(words.sections.rules, 2, "check"),
    paragraph(words.violations(plan.violations.length), "warning"),
    list(plan.violations.slice(0, 50).map((v) => [{ strong: `${v.year}${v.scenario === undefined ? "" : ` ${scenarioName(messages, v.scenario)}`}` }, `: ${readableText(v.message)}`])),
  ];
}

/** The rules in force (the same in every year), for the levels and school types of the plan. */
function yearRulesBlocks(context: YearContext): Block[] {
  const first = context.plan.plans[0];
  if (first === undefined) return [];
  // The levels planned: those with assignment rows in any year and scenario.
  const levels = LEVELS.filter((level) => context.plan.plans.some((y) => y.plan.assignments.some((row) => row.level === level)));
  return rulesBlocks({ messages: context.messages, rules: context.plan.rules, levels, types: first.plan.schools.map((school) => school.type) });
}

/** Data, sources and assumptions. */
function sourceBlocks(context: YearContext): Block[] {
  const { plan, messages } = context;
  const report = messages.report.sources;
  const basis = plan.travelBasis === "" ? messages.common.missing : travelBasisText(plan.travelBasis, messages.language);
  const sources = context.options.sources ?? [];
  const notes = context.options.notes ?? [];
  const source = plan.discountRate === SOCIAL_DISCOUNT_RATE.value ? SOCIAL_DISCOUNT_RATE.source : messages.language === "zh" ? "调用者给定" : "set by the caller";
  return [
    heading(messages.years.sections.sources, 2, "sources"),
    ...(sources.length === 0 ? [] : [heading(report.data, 3), list(sources)]),
    list([report.travel(basis), report.costs, report.norms, ...messages.years.assumptions(percent(context, plan.discountRate, 1), source, context.options.projection !== undefined && context.options.projection.length > 0)]),
    ...(notes.length === 0 ? [] : [heading(report.notes, 3), ...notes.map((note) => paragraph(note))]),
  ];
}

/**
 * The multi-year plan report as a document (plain data), in the chosen language. Sections: the status sentence
 * (only status `optimal` is called optimal; otherwise "the best found" with its proven gap), the objective, how it
 * was solved and, without a plan, why; the plan years (the years each stands for, its discounted weight) and the
 * scenarios; the projected pupils (chart and table, when `projection` is given); the schools that close, expand or
 * are built in each plan year; classrooms in use per year and each school's utilization (charts); one section per
 * plan year: the schools that change that year, the figures of every scenario (pupils, open schools, seats used,
 * empty seats, classrooms used and empty, small schools, mean trip, annual cost) against today's layout under the
 * same pupils, the schools newly below the small-school line, and the year's pictures; the independent check
 * ({@link checkPlanOverYears}); data, sources and assumptions (discount rate with its source). Pure.
 * @param plan - from {@link planSchoolsOverYears} (not mutated)
 * @param options - language, title, projection, charts, year figures, sources, notes; see {@link MultiYearReportOptions}
 * @returns the document
 * @throws RangeError for a language other than `zh` or `en`
 */
export function multiYearReportDocument(plan: MultiYearPlan, options: MultiYearReportOptions = {}): ReportDocument {
  const language = checkLanguage(options.language ?? "en");
  const messages = messagesFor(language);
  const context: YearContext = { plan, messages, options };
  const blocks: Block[] = [
    ...statusBlocks(context),
    ...overviewBlocks(context),
    ...projectionBlocks(context),
    ...scheduleBlocks(context),
    ...useBlocks(context),
    ...(plan.plans.length === 0 ? [] : plan.years.flatMap((_, t) => yearBlocks(context, t))),
    ...checkBlocks(context),
    ...yearRulesBlocks(context),
    ...sourceBlocks(context),
  ];
  return { title: options.title ?? messages.years.title, lang: language === "zh" ? "zh-CN" : "en", blocks };
}

/**
 * The multi-year plan report as one self-contained HTML page (inline CSS and SVG; no script, no network
 * resource). See {@link multiYearReportDocument} for the sections.
 * @param plan - from {@link planSchoolsOverYears}
 * @param options - see {@link MultiYearReportOptions}
 * @returns HTML text
 * @throws as {@link multiYearReportDocument}
 * @example
 * ```ts
 * const html = multiYearReportHtml(plan, { language: "zh", projection: projection.rows, yearFigures: yearMapFigures(plan, geo, { language: "zh" }) });
 * ```
 */
export function multiYearReportHtml(plan: MultiYearPlan, options: MultiYearReportOptions = {}): string {
  return documentToHtml(multiYearReportDocument(plan, options));
}

/**
 * The multi-year plan report as Markdown: the same document as {@link multiYearReportHtml}, figures as image links
 * where they name a file (charts drawn inline are left out).
 * @param plan - from {@link planSchoolsOverYears}
 * @param options - see {@link MultiYearReportOptions}
 * @returns Markdown text ending in a newline
 * @throws as {@link multiYearReportDocument}
 */
export function multiYearSummaryMarkdown(plan: MultiYearPlan, options: MultiYearReportOptions = {}): string {
  return documentToMarkdown(multiYearReportDocument(plan, options));
}
