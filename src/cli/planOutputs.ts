/**
 * What a plan writes beside plan.json: summary.md in the chosen language, the tables as CSV and one plan.xlsx,
 * and with `--report` the HTML report and the map (SVG and PNG). Node only.
 * @module
 */
import { join } from "node:path";
import type { GeoSchoolSystem } from "../io/schoolSystemGeoJSON.ts";
import { readBalanceTotals } from "../io/balanceTotals.ts";
import { planTables, tableToCsv } from "../io/planTables.ts";
import { planWorkbookBuffer } from "../io/xlsx.node.ts";
import { balanceTableRows } from "../io/balanceRows.ts";
import type { Language } from "../render/messages/common.ts";
import { planMapFigures, planReportHtml, planSummaryMarkdown, type PlanReportOptions } from "../render/report/index.ts";
import { svgToPng } from "../render/png.node.ts";
import { evaluateLayout } from "../metrics/evaluate.ts";
import { planLayout } from "../metrics/layout.ts";
import type { Plan } from "../plan/result/result.ts";
import { writeBytes, writeText } from "./files.ts";
import type { MapLayers } from "./mapLayers.ts";

/** The files of {@link writePlanOutputs} (beside plan.json and plan.geojson). */
export const TABLE_FILES = ["schools.csv", "assignments.csv", "townships.csv", "costs.csv", "statusQuo.csv", "balance.csv", "plan.xlsx"] as const;

/** The files of {@link writePlanOutputs} with `report`. */
export const REPORT_FILES = ["report.html", "map.svg", "map.png"] as const;

/** Width in px of map.png (twice the SVG's, for print). */
export const MAP_PNG_WIDTH = 2000;

/** Options of {@link writePlanOutputs}. */
export interface PlanOutputOptions {
  /** The folder. */
  readonly out: string;
  /** The language of the summary, the report, the maps and the table headers. */
  readonly language: Language;
  /** The title. */
  readonly title?: string;
  /** Notes for the summary and the report. */
  readonly notes?: readonly string[];
  /** Data sources for the report. */
  readonly sources?: readonly string[];
  /** Whether to write report.html and the map (map.svg, map.png). */
  readonly report: boolean;
  /** The county boundary, township borders and names drawn on the maps and used in the tables. Default none. */
  readonly layers?: MapLayers;
  /** The flag that named the folder, for errors. */
  readonly flag: string;
}

/**
 * Writes summary.md, the tables (CSV and plan.xlsx) and, when asked, report.html with the maps, and the plan map
 * as map.svg and map.png, beside plan.json.
 * @returns the paths written, in order
 */
export async function writePlanOutputs(plan: Plan, geo: GeoSchoolSystem, options: PlanOutputOptions): Promise<string[]> {
  const written: string[] = [];
  const balanceTotals = readBalanceTotals(geo.schoolFeatures, geo.system.schools.map((school) => school.id));
  const reportOptions: PlanReportOptions = {
    language: options.language,
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.notes === undefined ? {} : { notes: options.notes }),
    ...(options.sources === undefined ? {} : { sources: options.sources }),
    ...(balanceTotals === undefined ? {} : { balanceTotals }),
    ...(options.layers?.townshipNames === undefined ? {} : { townshipNames: options.layers.townshipNames }),
  };
  const write = async (name: string, text: string): Promise<void> => {
    const path = join(options.out, name);
    await writeText(path, text, options.flag);
    written.push(path);
  };
  await write("summary.md", planSummaryMarkdown(plan, geo.system, reportOptions));
  if (plan.schools !== undefined) {
    const evaluation = balanceTotals === undefined ? null : evaluateLayout(geo.system, planLayout(plan), { rules: plan.rules, costFigures: plan.costFigures, balanceTotals }).balance;
    const balance = evaluation === null ? undefined : balanceTableRows(evaluation);
    const tables = planTables(plan, geo.system, {
      language: options.language,
      ...(balance === undefined ? {} : { balance: balance.rows, balanceColumns: balance.columns }),
      ...(reportOptions.townshipNames === undefined ? {} : { townshipNames: reportOptions.townshipNames }),
    });
    for (const table of tables) await write(`${table.name}.csv`, tableToCsv(table));
    const workbook = join(options.out, "plan.xlsx");
    await writeBytes(workbook, await planWorkbookBuffer(tables), options.flag);
    written.push(workbook);
  }
  if (options.report) {
    const figures = planMapFigures(plan, geo, {
      ...(reportOptions.title === undefined ? {} : { title: reportOptions.title }),
      ...(options.sources === undefined ? {} : { sources: options.sources }),
      ...options.layers,
      language: options.language,
      markdownImage: "map.png",
    });
    await write("report.html", planReportHtml(plan, geo.system, { ...reportOptions, figures }));
    const map = figures[0];
    if (map !== undefined) {
      await write("map.svg", map.svg);
      const png = join(options.out, "map.png");
      await writeBytes(png, svgToPng(map.svg, { width: MAP_PNG_WIDTH }), options.flag);
      written.push(png);
    }
  }
  return written;
}
