/**
 * The charts of projections and multi-year plans: projected pupils by level and year per scenario, and the share
 * of classrooms in use per plan year (the plan against today's layout).
 * @module
 */
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import type { ProjectionRow } from "../../population/project.ts";
import type { MultiYearPlan } from "../../plan/years/yearResult.ts";
import { messagesFor, type Language } from "../messages/index.ts";
import { lineChartsSvg, type ChartSeries } from "./lineCharts.ts";

/** Colours of scenarios in order (Dark2, colour-blind safe for three). */
const SCENARIO_COLORS = ["#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"];

/** Options of the year charts. */
export interface YearChartOptions {
  /** Language of the words. Default `"zh"`. */
  readonly language?: Language;
  /** A title replacing the default. */
  readonly title?: string;
}

/**
 * Projected pupils by level and year, one panel per level with pupils, one line per scenario (rows of the same
 * place summed, e.g. the rows of `projectCounty` or {@link projectionTotals}).
 * @param rows - projection rows
 * @param options - language, title
 * @returns an SVG element
 * @throws RangeError when no level has pupils
 */
export function enrolmentChartSvg(rows: readonly ProjectionRow[], options: YearChartOptions = {}): string {
  const language = options.language ?? "zh";
  const words = messagesFor(language);
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const totals = new Map<string, number>();
  for (const row of rows) for (const level of LEVELS) totals.set(`${row.scenario}|${row.year}|${level}`, (totals.get(`${row.scenario}|${row.year}|${level}`) ?? 0) + row.enrolment[level]);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const levels = LEVELS.filter((level: LevelId) => rows.some((r) => r.enrolment[level] > 0));
  return lineChartsSvg({
    title: options.title ?? words.chart.enrolmentTitle,
    note: words.chart.projectionNote,
    panels: levels.map((level) => ({
      title: words.common.levels[level],
      series: scenarios.map((scenario, k): ChartSeries => ({
        label: words.chart.scenario(scenario),
        color: SCENARIO_COLORS[k % SCENARIO_COLORS.length]!,
        points: years.map((year) => ({ x: year, y: totals.get(`${scenario}|${year}|${level}`) ?? 0 })),
      })),
    })),
  });
}

/**
 * The share of classrooms in use in each plan year, one panel per scenario: the plan, and today's layout under
 * the same pupils (dashed).
 * @param plan - from {@link planSchoolsOverYears}
 * @param options - language, title
 * @returns an SVG element
 * @throws RangeError for a plan without year plans
 */
export function classroomUseChartSvg(plan: MultiYearPlan, options: YearChartOptions = {}): string {
  const language = options.language ?? "zh";
  const words = messagesFor(language);
  if (plan.plans.length === 0) throw new RangeError("classroomUseChartSvg: the plan has no year plans");
  return lineChartsSvg({
    title: options.title ?? words.chart.classroomUseTitle,
    columns: Math.min(3, plan.scenarios.length),
    // One scale for every panel: at least 100 %.
    yMax: Math.max(1, ...plan.plans.flatMap((y) => [y.figures.classroomUse, y.statusQuo.figures.classroomUse])),
    formatY: (value) => `${Math.round(value * 100)} %`,
    panels: plan.scenarios.map((scenario) => {
      const years = plan.plans.filter((y) => y.scenario === scenario.id);
      return {
        title: words.chart.scenario(scenario.id),
        series: [
          { label: words.chart.plan, color: "#1b9e77", points: years.map((y) => ({ x: y.year, y: y.figures.classroomUse })) },
          { label: words.chart.today, color: "#888888", dashed: true, points: years.map((y) => ({ x: y.year, y: y.statusQuo.figures.classroomUse })) },
        ],
      };
    }),
  });
}

/** Options of {@link schoolUseChartSvg}. */
export interface SchoolUseChartOptions extends YearChartOptions {
  /** The school ids to draw; default the `count` open in the first plan year with the most pupils (first scenario). */
  readonly schools?: readonly string[];
  /** How many schools by default. Default 8. */
  readonly count?: number;
}

/**
 * Each school's utilization over the plan years (enrolment ÷ seats of its classes, as a share), one panel per
 * school, one line per scenario; years the school is not open are left out of its lines.
 * @param plan - from {@link planSchoolsOverYears}
 * @param options - language, title, schools or how many
 * @returns an SVG element
 * @throws RangeError for a plan without year plans, or school ids it does not hold
 */
export function schoolUseChartSvg(plan: MultiYearPlan, options: SchoolUseChartOptions = {}): string {
  const language = options.language ?? "zh";
  const words = messagesFor(language);
  if (plan.plans.length === 0) throw new RangeError("schoolUseChartSvg: the plan has no year plans");
  const first = plan.plans[0]!;
  const total = (school: (typeof first.plan.schools)[number]): number => Object.values(school.enrolment).reduce((a, b) => a + b, 0);
  const ids = options.schools ?? first.plan.schools.filter((s) => s.open).sort((a, b) => total(b) - total(a)).slice(0, options.count ?? 8).map((s) => s.id);
  const index = new Map(first.plan.schools.map((s, j) => [s.id, j]));
  for (const id of ids) if (!index.has(id)) throw new RangeError(`schoolUseChartSvg: no school "${id}" in the plan`);
  return lineChartsSvg({
    title: options.title ?? words.chart.schoolUseTitle,
    columns: 4,
    yMax: 1,
    formatY: (value) => `${Math.round(value * 100)} %`,
    panels: ids.map((id) => ({
      title: first.plan.schools[index.get(id)!]!.name,
      series: plan.scenarios.map((scenario, k): ChartSeries => ({
        label: words.chart.scenario(scenario.id),
        color: SCENARIO_COLORS[k % SCENARIO_COLORS.length]!,
        points: plan.plans.filter((y) => y.scenario === scenario.id && y.plan.schools[index.get(id)!]!.open).map((y) => ({ x: y.year, y: y.plan.schools[index.get(id)!]!.utilization })),
      })).filter((series) => series.points.length > 0),
    })).filter((panel) => panel.series.length > 0),
  });
}
