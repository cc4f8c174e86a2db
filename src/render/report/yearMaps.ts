/**
 * One map per plan year of a multi-year plan, as report figures for {@link multiYearReportHtml}'s `yearFigures`.
 * @module
 */
import type { MultiYearPlan } from "../../plan/years/yearResult.ts";
import { renderPlanMap, type MapGeography, type PlanMapOptions } from "../map/planMap.ts";
import { checkLanguage } from "../messages/common.ts";
import { messagesFor } from "../messages/index.ts";
import type { ReportFigure } from "./planReport.ts";

/** Options of {@link yearMapFigures}: what the maps share, and the scenario drawn. */
export interface YearMapOptions extends Pick<PlanMapOptions, "language" | "boundary" | "townships" | "townshipNames" | "sources" | "width" | "height"> {
  /** How travel times were made, written in each map's corner. Default the plan's own `travelBasis`. */
  readonly travelBasis?: string;
  /**
   * The scenario whose pupils are drawn (the schools open are the same in every scenario; where pupils go is
   * not). Default `medium` where the plan has it, else its most likely scenario (the first of the likeliest).
   */
  readonly scenario?: string;
  /** For Markdown: a file name per year (e.g. `(year) => \`map-${year}.png\``). Default none. */
  readonly markdownImage?: (year: number) => string;
}

/**
 * Draws each plan year's schools (by action against today: keep, expand, close, build) and where the pupils of
 * one scenario go, one {@link ReportFigure} per plan year.
 * @param plan - from {@link planSchoolsOverYears} (not mutated); a plan without year plans gives no maps
 * @param geography - the system and its coordinates ({@link schoolSystemFromGeoJSON}'s result)
 * @param options - language, scenario, boundary, township borders and names, sources, travel basis, size
 * @returns the maps by plan year
 * @throws RangeError for an unknown language or a scenario the plan does not have (and what {@link renderPlanMap} throws)
 */
export function yearMapFigures(plan: MultiYearPlan, geography: MapGeography, options: YearMapOptions = {}): Record<number, ReportFigure[]> {
  const language = checkLanguage(options.language ?? "en");
  const scenario = options.scenario ?? (plan.scenarios.some((s) => s.id === "medium") ? "medium" : [...plan.scenarios].sort((a, b) => b.probability - a.probability)[0]?.id);
  if (!plan.scenarios.some((s) => s.id === scenario)) throw new RangeError(`yearMapFigures: scenario ${JSON.stringify(scenario)} is not one of the plan's (${plan.scenarios.map((s) => s.id).join(", ")})`);
  if (plan.plans.length === 0) return {};
  const messages = messagesFor(language);
  const name = messages.chart.scenario(scenario);
  const { markdownImage, scenario: _scenario, travelBasis, ...mapOptions } = options;
  const figures: Record<number, ReportFigure[]> = {};
  for (const y of plan.plans) {
    if (y.scenario !== scenario) continue;
    const svg = renderPlanMap({ schools: y.plan.schools, assignments: y.plan.assignments }, geography, {
      ...mapOptions,
      language,
      travelBasis: travelBasis ?? plan.travelBasis,
      title: messages.years.mapTitle(y.year, name),
    });
    figures[y.year] = [{ svg, caption: messages.years.mapCaption(y.year, name), ...(markdownImage === undefined ? {} : { markdownImage: markdownImage(y.year) }) }];
  }
  return figures;
}
