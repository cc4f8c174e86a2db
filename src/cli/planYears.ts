/**
 * `school-layout plan --years …`: a multi-year plan under scenarios, its pupils moved from the base year by a
 * county's projection or a given projection.json; writes plan.json, schedule.csv, years.csv and with `--report`
 * report.html (a section per plan year, its map, the charts). Node-only.
 * @module
 */
import { join } from "node:path";
import type { PlanningNorms } from "../norms/chinaNorms.ts";
import { tableToCsv } from "../io/planTables.ts";
import { scheduleTable, yearsTable } from "../io/yearTables.ts";
import { PROJECTION_FILE_TYPE } from "../io/projectionFile.ts";
import { formatYuan } from "../plan/rules/format.ts";
import type { PlanCosts } from "../plan/rules/costs.ts";
import type { PlanOptions } from "../plan/rules/options.ts";
import type { SchoolSystem } from "../plan/system/system.ts";
import { planSchoolsOverYears } from "../plan/years/planOverYears.ts";
import { demandFromProjection } from "../plan/years/yearDemand.ts";
import { multiYearPlanToJson } from "../plan/years/yearJson.ts";
import type { MultiYearPlan } from "../plan/years/yearResult.ts";
import { guangdongCensusUnit, projectCounty, SCENARIOS, SCENARIO_IDS, type ProjectionRow } from "../population/index.ts";
import type { GeoSchoolSystem } from "../io/schoolSystemGeoJSON.ts";
import type { Language } from "../render/messages/common.ts";
import { multiYearReportHtml } from "../render/report/yearReport.ts";
import { yearMapFigures } from "../render/report/yearMaps.ts";
import { checkOutputPath, readJson, writeText } from "./files.ts";
import { InputError } from "../errors.ts";
import { CliError, type CliContext } from "./io.ts";
import type { MapLayers } from "./mapLayers.ts";

/** The files a multi-year `plan` writes into --out. */
export const YEAR_FILES = ["plan.json", "schedule.csv", "years.csv"] as const;

/** What a multi-year `plan --report` draws, and in which language. */
export interface YearReportSettings {
  /** Write report.html. */
  readonly report: boolean;
  /** The language of the report. */
  readonly language: Language;
  /** The title of the report. */
  readonly title?: string;
  /** County boundary, township borders and names for the maps. */
  readonly layers: MapLayers;
}

/** The multi-year flags of `plan`. */
export interface PlanYearsFlags {
  /** `--years`: the plan years, ascending. */
  readonly years: readonly number[];
  /** `--scenarios`: comma-separated ids (default medium with --county, the file's with --projection). */
  readonly scenarios?: string;
  /** `--county`: a Guangdong county unit whose projection moves the pupils. */
  readonly county?: string;
  /** `--projection`: a projection.json instead. */
  readonly projection?: string;
  /** `--base-year`: the year the settlements' pupils stand for (default 2020). */
  readonly baseYear?: number;
  /** `--discount-rate`. */
  readonly discountRate?: number;
  /** `--method` (default auto). */
  readonly method?: "auto" | "joint" | "byScenario";
  /** `--criterion` (default expected). */
  readonly criterion?: "expected" | "maxRegret";
}

/** The projection rows and how they were made, for `--county` or `--projection`. */
async function projectionRows(flags: PlanYearsFlags, baseYear: number): Promise<{ rows: readonly ProjectionRow[]; demand: string; demandZh: string; scenarios: string[]; path?: string }> {
  if ((flags.county === undefined) === (flags.projection === undefined)) throw new CliError("--years needs exactly one of --county CODE and --projection F.json (the pupils of each year)");
  const years = [...new Set([baseYear, ...flags.years])].sort((a, b) => a - b);
  const named = flags.scenarios === undefined ? undefined : scenarioList(flags.scenarios);
  if (flags.county !== undefined) {
    if (baseYear < 2020) throw new CliError(`--base-year ${baseYear}: with --county the projection starts at the 2020 census; give a base year from 2020`);
    const scenarios = named ?? ["medium"];
    for (const id of scenarios) if (!(SCENARIO_IDS as readonly string[]).includes(id)) throw new CliError(`--scenarios "${id}": with --county, scenarios are low, medium, high (give a projection.json for your own)`);
    const unit = guangdongCensusUnit(flags.county, "--county");
    const projection = projectCounty(unit, { years, scenarios: scenarios.map((id) => SCENARIOS[id as "low" | "medium" | "high"]) });
    return {
      rows: projection.rows,
      scenarios,
      demand: `each settlement's ${baseYear} pupils moved per level by the projection of ${unit.code} ${unit.name} (school-layout project; ${projection.birthsRule})`,
      demandZh: `各居民点 ${baseYear} 年学生数按 ${unit.code} ${unit.name} 的学龄人口预测逐学段缩放（school-layout project；县出生数由全省出生数按该县2020年普查0岁人数分配，是分配而非统计）`,
    };
  }
  const path = flags.projection!;
  const file = (await readJson(path, "--projection")) as { type?: unknown; rows?: unknown };
  if (file?.type !== PROJECTION_FILE_TYPE || !Array.isArray(file.rows)) throw new CliError(`--projection "${path}": not a projection.json of school-layout project (type "${PROJECTION_FILE_TYPE}" with rows)`);
  const rows = file.rows as ProjectionRow[];
  const inFile = [...new Set(rows.map((r) => r?.scenario))];
  const scenarios = named ?? inFile.map(String);
  for (const scenario of scenarios) {
    if (!inFile.includes(scenario)) throw new CliError(`--scenarios "${scenario}": --projection "${path}" has the scenarios ${inFile.join(", ")}`);
  }
  for (const year of years) for (const scenario of scenarios) {
    if (!rows.some((r) => r?.year === year && r?.scenario === scenario)) throw new CliError(`--projection "${path}": has no rows for ${year} under scenario ${scenario} (project with --years covering ${years.join(",")} and --scenario ${scenarios.join(",")})`);
  }
  return { rows, scenarios, demand: `each settlement's ${baseYear} pupils moved per level by the projection in ${path}`, demandZh: `各居民点 ${baseYear} 年学生数按 ${path} 中的预测逐学段缩放`, path };
}

function scenarioList(text: string): string[] {
  const scenarios = text.split(",").map((s) => s.trim());
  if (scenarios.some((s) => s === "")) throw new CliError(`--scenarios "${text}": an empty name between commas`);
  if (new Set(scenarios).size !== scenarios.length) throw new CliError(`--scenarios "${text}": a scenario is named twice`);
  return scenarios;
}

/** The stdout lines of a multi-year plan. */
function yearsReport(plan: MultiYearPlan, written: readonly string[]): string {
  const lines = [`multi-year plan: ${plan.status}${plan.gap === null ? "" : `, gap ${(plan.gap * 100).toFixed(2)} %`} (${plan.method}, ${plan.statistics.solver}, ${plan.statistics.seconds.toFixed(1)} s)`];
  const value = (x: number): string => (plan.objectiveKind === "cost" ? `${formatYuan(x)} yuan` : `${x.toFixed(1)} min`);
  if (plan.objective !== null && plan.regret === null) lines.push(`expected discounted ${plan.objectiveKind === "cost" ? "cost" : "mean travel"}: ${value(plan.objective)} (discount rate ${(plan.discountRate * 100).toFixed(1)} %)`);
  if (plan.objective !== null && plan.regret !== null) {
    lines.push(`largest regret: ${value(plan.objective)}${plan.bound === null ? "" : `, bound ${value(plan.bound)}`} (discount rate ${(plan.discountRate * 100).toFixed(1)} %)`);
    for (const r of plan.regret) lines.push(`  ${r.scenario}: ${value(r.value)} against ${value(r.reference)} for its own best plan: regret ${value(r.regret)}`);
  }
  for (const y of plan.plans) {
    const f = y.figures;
    lines.push(`${y.year} ${y.scenario}: ${Math.round(f.pupils).toLocaleString("en-US")} pupils, ${y.plan.schools.filter((s) => s.open).length} schools open, classrooms used ${(f.classroomUse * 100).toFixed(0)} % (today's layout ${(y.statusQuo.figures.classroomUse * 100).toFixed(0)} %), ${f.smallSchools.length} small, ${formatYuan(f.costYuanPerYear)} yuan/yr`);
  }
  for (const [t, weight] of plan.years.entries()) {
    const count = (change: string): number => plan.schedule.filter((s) => s.years[t]!.change === change).length;
    lines.push(`${weight.year}: ${count("close")} close, ${count("build")} built, ${count("expand")} expand`);
  }
  if (plan.violations.length > 0) lines.push(`the plan breaks ${plan.violations.length} rule(s): see plan.json`);
  lines.push(`wrote ${written.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Runs a multi-year plan for `plan --years`.
 * @param flags - the multi-year flags
 * @param planOptions - the plan options the single-year command would pass (no budget or trade-off)
 * @param geo - the base-year system with its coordinates
 * @param out - the output folder
 * @param context - the CLI context
 * @param report - whether to write report.html, its language, title and map layers
 */
export async function runPlanOverYears(
  flags: PlanYearsFlags,
  planOptions: Omit<PlanOptions, "budgetYuanPerYear" | "tradeoffPoints"> & { norms: PlanningNorms; costs?: Partial<PlanCosts> },
  geo: GeoSchoolSystem,
  out: string,
  context: CliContext,
  report: YearReportSettings,
): Promise<void> {
  const system: SchoolSystem = geo.system;
  for (const name of [...YEAR_FILES, ...(report.report ? ["report.html"] : [])]) await checkOutputPath(join(out, name), "--out");
  const baseYear = flags.baseYear ?? 2020;
  const early = flags.years.filter((year) => year < baseYear);
  if (early.length > 0) throw new CliError(`--years ${early.join(",")}: every plan year must be on or after the base year ${baseYear}`);
  const projected = await projectionRows(flags, baseYear);
  const { rows, demand: howDemand, scenarios } = projected;
  let demand: ReturnType<typeof demandFromProjection>;
  try {
    demand = demandFromProjection(system, rows, { years: flags.years, scenarios, baseYear });
  } catch (error) {
    if (error instanceof InputError && error.location.source === "projection") throw new CliError(`--projection "${projected.path}": ${error.message.replace(/^projection (\d+)/, (_, i: string) => `row ${Number(i) + 1}`)}`);
    throw error;
  }
  const places = new Set(rows.map((r) => r.place));
  if (places.size > 1 && !system.settlements.some((settlement) => places.has(settlement.id))) {
    context.streams.stderr.write(`plan: --projection "${projected.path}": none of its ${places.size} places is a settlement id of --settlements; each settlement's pupils are moved by the file's total\n`);
  }
  const plan = await planSchoolsOverYears(system, {
    ...planOptions,
    years: flags.years,
    scenarios: scenarios.map((id) => ({ id })),
    demand,
    method: flags.method ?? "auto",
    ...(flags.criterion === undefined ? {} : { criterion: flags.criterion }),
    ...(flags.discountRate === undefined ? {} : { discountRate: flags.discountRate }),
  });
  const [jsonPath, schedulePath, yearsPath] = YEAR_FILES.map((name) => join(out, name)) as [string, string, string];
  await writeText(jsonPath, `${JSON.stringify(multiYearPlanToJson(plan, howDemand), null, 1)}\n`, "--out");
  await writeText(schedulePath, tableToCsv(scheduleTable(plan)), "--out");
  await writeText(yearsPath, tableToCsv(yearsTable(plan)), "--out");
  const written = [jsonPath, schedulePath, yearsPath];
  if (report.report) {
    const reportPath = join(out, "report.html");
    const title = report.title === undefined ? {} : { title: report.title };
    const yearFigures = yearMapFigures(plan, geo, { language: report.language, ...report.layers });
    const note = report.language === "zh" ? projected.demandZh : howDemand;
    await writeText(reportPath, multiYearReportHtml(plan, { language: report.language, ...title, projection: rows, yearFigures, notes: [note] }), "--out");
    written.push(reportPath);
  }
  if (plan.reasons.length > 0) context.streams.stderr.write(`plan: no plan:\n${plan.reasons.map((r) => `- ${r.code}: ${r.message}\n`).join("")}`);
  context.streams.stdout.write(yearsReport(plan, written));
}
