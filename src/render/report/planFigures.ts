/**
 * The standard maps of a plan, as report figures: the plan, the status quo beside the plan, the travel view and
 * one map per level. The demo, `school-layout plan --report`, `report` and `map` all draw them through here, so
 * the same plan gives the same pictures everywhere.
 * @module
 */
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import type { Plan } from "../../plan/result/result.ts";
import { renderMapGrid, renderPlanMap, type MapGeography, type MapLayout, type PlanMapOptions } from "../map/planMap.ts";
import { checkLanguage } from "../messages/common.ts";
import { messagesFor } from "../messages/index.ts";
import type { ReportFigure } from "./planReport.ts";

/** The maps {@link planMapFigures} can draw. */
export const PLAN_MAP_KINDS = ["plan", "statusQuo", "sideBySide", "travel", "levels"] as const;

/**
 * One of {@link PLAN_MAP_KINDS}: `plan` (schools by action, assignment lines by level), `statusQuo` (the same for
 * the plan's status quo), `sideBySide` (status quo and plan as two panels), `travel` (settlements coloured by their
 * pupils' mean trip), `levels` (small multiples, one panel per level that has pupils, two per row).
 */
export type PlanMapKind = (typeof PLAN_MAP_KINDS)[number];

/** Options of {@link planMapFigures}: what every map shares, and which maps to draw. */
export interface PlanFigureOptions extends Pick<PlanMapOptions, "language" | "boundary" | "townships" | "townshipNames" | "sources"> {
  /** Title of the main plan map. Default "School plan" / "学校布局规划". */
  readonly title?: string;
  /** Travel basis written in each map's corner. Default the plan's own `travelBasis`. */
  readonly travelBasis?: string;
  /**
   * The maps, in order. Default `["plan", "sideBySide", "travel"]` (the side-by-side map only when the plan has a
   * status quo). A kind that the plan cannot give (`statusQuo`, `sideBySide` without a status quo) is left out.
   */
  readonly kinds?: readonly PlanMapKind[];
  /** Draw one level only on the `plan`, `statusQuo`, `sideBySide` and `travel` maps. Default every level. */
  readonly level?: LevelId;
  /** For the `plan` map: a file of the same picture, for Markdown (e.g. `map.png`). Default none. */
  readonly markdownImage?: string;
}

const PANEL = { width: 800, height: 640 } as const;

/**
 * Draws the standard maps of a plan as {@link ReportFigure}s (SVG and caption in the chosen language), ready for
 * {@link planReportHtml}'s `figures` or to be written as files.
 * @param plan - a plan from {@link planSchools} or {@link planFromJson} (not mutated); a plan without a layout
 *   (infeasible, aborted before a solution) gives no figures
 * @param geography - the system and its coordinates ({@link schoolSystemFromGeoJSON}'s result)
 * @param options - language, boundary, township borders and names, sources, travel basis, title, kinds
 * @returns the figures in the order of `kinds` (empty when the plan has no layout)
 * @throws RangeError for an unknown kind or language (and what {@link renderPlanMap} throws)
 */
export function planMapFigures(plan: Plan, geography: MapGeography, options: PlanFigureOptions = {}): ReportFigure[] {
  const language = checkLanguage(options.language ?? "en");
  const kinds = options.kinds ?? ["plan", "sideBySide", "travel"];
  for (const kind of kinds) {
    if (!PLAN_MAP_KINDS.includes(kind)) throw new RangeError(`map kind must be one of ${PLAN_MAP_KINDS.join(", ")}; got ${JSON.stringify(kind)}`);
  }
  if (plan.schools === undefined || plan.assignments === undefined) return [];
  const layout: MapLayout = { schools: plan.schools, assignments: plan.assignments };
  const words = messagesFor(language).map;
  const common: PlanMapOptions = {
    language,
    travelBasis: options.travelBasis ?? plan.travelBasis,
    ...(options.boundary === undefined ? {} : { boundary: options.boundary }),
    ...(options.townships === undefined ? {} : { townships: options.townships }),
    ...(options.townshipNames === undefined ? {} : { townshipNames: options.townshipNames }),
    ...(options.sources === undefined ? {} : { sources: options.sources }),
  };
  const one: PlanMapOptions = options.level === undefined ? common : { ...common, level: options.level };
  const statusQuo = plan.statusQuo;
  const figures: ReportFigure[] = [];
  for (const kind of kinds) {
    if (kind === "plan") {
      const svg = renderPlanMap(layout, geography, { ...one, ...(options.title === undefined ? {} : { title: options.title }) });
      figures.push({ svg, caption: words.planCaption, ...(options.markdownImage === undefined ? {} : { markdownImage: options.markdownImage }) });
    } else if (kind === "travel") {
      figures.push({ svg: renderPlanMap(layout, geography, { ...one, view: "travel", title: words.travelTitle, ...PANEL }), caption: words.travelCaption });
    } else if (kind === "levels") {
      const panels = levelsWithPupils(plan).map((level) => renderPlanMap(layout, geography, { ...common, level, title: words.planTitle, ...PANEL }));
      if (panels.length > 0) figures.push({ svg: renderMapGrid(panels, Math.min(2, panels.length)), caption: words.levelsCaption });
    } else if (statusQuo !== null) {
      const before = renderPlanMap(statusQuo, geography, { ...one, title: words.statusQuoTitle, ...PANEL });
      if (kind === "statusQuo") figures.push({ svg: before, caption: words.statusQuoTitle });
      else figures.push({ svg: renderMapGrid([before, renderPlanMap(layout, geography, { ...one, title: words.planTitle, ...PANEL })]), caption: words.sideBySideCaption });
    }
  }
  return figures;
}

/** The levels with pupils assigned in the plan, youngest first. */
function levelsWithPupils(plan: Plan): LevelId[] {
  const seen = new Set<LevelId>();
  for (const row of plan.assignments ?? []) if (row.pupils > 0) seen.add(row.level);
  return LEVELS.filter((level) => seen.has(level));
}
