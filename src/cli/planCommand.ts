/**
 * `school-layout plan`: plan a county's schools from GeoJSON settlements, schools and candidate sites, and
 * write DIR/plan.geojson, DIR/plan.json and DIR/summary.md.
 * @module
 */
import { join } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { COORDINATE_SYSTEMS, type CoordinateSystem } from "../io/coordinateSystem.ts";
import { planToGeoJSON } from "../io/planGeoJSON.ts";
import type { PlanObjective } from "../plan/rules/options.ts";
import { planToJson } from "../plan/result/planJson.ts";
import { planSchools } from "../plan/planSchools.ts";
import type { Plan } from "../plan/result/result.ts";
import { SCHOOL_TYPES, type SchoolType } from "../plan/system/schoolTypes.ts";
import { formatYuan, nounFor } from "../plan/rules/format.ts";
import { BACKEND_CHOICES, type BackendChoice } from "../solvers/options.ts";
import { checkOutputPath, writeText } from "./files.ts";
import { CliError, type CliContext } from "./io.ts";
import { runPlanOverYears, type PlanYearsFlags } from "./planYears.ts";
import type { PlanningNorms } from "../norms/chinaNorms.ts";
import type { PlanCosts } from "../plan/rules/costs.ts";
import { parseChoice, parseGapFraction, parseNonNegativeNumber, parsePositiveInteger, parsePositiveNumber, parseYearList } from "./parsers.ts";
import { loadPlanInput, type PlanInputOptions } from "./planInput.ts";
import { addOutputFlags, addPlanInputFlags } from "./planInputFlags.ts";
import { REPORT_FILES, TABLE_FILES, writePlanOutputs } from "./planOutputs.ts";
import { readMapLayers } from "./mapLayers.ts";
import { watchInterrupt } from "./interrupt.ts";
import { createProgressReporter } from "./progress.ts";


/** The files `plan` writes into --out. */
const OUTPUT_FILES = ["plan.geojson", "plan.json", "summary.md", ...TABLE_FILES, ...REPORT_FILES] as const;

/** The options of `plan`, as commander parses them. */
export interface PlanCommandOptions extends PlanInputOptions, Omit<Partial<PlanYearsFlags>, "years"> {
  readonly objective: PlanObjective;
  readonly budget?: number;
  readonly maxClosures?: number;
  readonly maxMeanTravel?: number;
  readonly threeSchools: boolean;
  readonly boardingSchoolBeds?: number;
  readonly catchments: boolean;
  readonly splitAbove?: number;
  readonly fractionalClasses?: boolean;
  readonly minimumEnrolment?: Readonly<Partial<Record<SchoolType, number>>>;
  readonly tradeoff?: number;
  readonly solver: BackendChoice;
  readonly timeLimit?: number;
  readonly mipGap?: number;
  readonly outCrs: CoordinateSystem;
  readonly title?: string;
  readonly lang: "zh" | "en";
  readonly boundary?: string;
  readonly townships?: string;
  readonly report?: boolean;
  readonly out: string;
  /** `--years`: plan several years at once (see {@link PlanYearsFlags} for the other multi-year flags). */
  readonly years?: readonly number[];
}

function parseRate(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !(value >= 0 && value < 1)) throw new InvalidArgumentError("must be a yearly rate in [0, 1), e.g. 0.08");
  return value;
}

function parseTradeoff(text: string): number {
  const value = parsePositiveInteger(text);
  if (value < 2) throw new InvalidArgumentError("must be a whole number ≥ 2 (the points of the curve, both ends included)");
  return value;
}

/** Parses `type=pupils,…` for --minimum-enrolment, e.g. `"complete primary=100,kindergarten=60"`. */
function parseMinimumEnrolment(text: string): Partial<Record<SchoolType, number>> {
  const result: Partial<Record<SchoolType, number>> = {};
  for (const part of text.split(",")) {
    const [type, value] = part.split("=").map((piece) => piece.trim());
    if (type === undefined || value === undefined || !SCHOOL_TYPES.includes(type as SchoolType)) {
      throw new InvalidArgumentError(`must be type=pupils pairs, types: ${SCHOOL_TYPES.join(", ")}; got "${part}"`);
    }
    result[type as SchoolType] = parseNonNegativeNumber(value);
  }
  return result;
}

function parseWholeCount(text: string): number {
  if (text.trim() === "0") return 0;
  return parsePositiveInteger(text);
}

/** The short report on stdout: status, gap, cost, mean travel and actions against the status quo. */
function stdoutReport(plan: Plan, written: readonly string[]): string {
  const lines = [`plan: ${plan.status}${plan.gap === null ? "" : `, gap ${(plan.gap * 100).toFixed(2)} %`} (${plan.source === "heuristic" ? "heuristic: construction and local search" : plan.statistics.solver}, ${plan.statistics.seconds.toFixed(1)} s)`];
  const before = plan.statusQuo;
  if (plan.costs !== undefined && plan.travel !== undefined && plan.counts !== undefined) {
    const quo = (text: string): string => (before === null ? "" : ` (status quo ${text})`);
    lines.push(`annual cost: ${formatYuan(plan.costs.total)} yuan${quo(formatYuan(before?.costs.total))}`);
    lines.push(`mean travel: ${plan.travel.meanMinutes.toFixed(1)} min one way${quo(before === null || !Number.isFinite(before.travel.meanMinutes) ? "—" : `${before.travel.meanMinutes.toFixed(1)} min`)}`);
    const { counts } = plan;
    lines.push(`schools: ${counts.open} open, ${counts.closed} closed, ${counts.expanded} expanded, ${counts.built} built, ${counts.small} small`);
  }
  if (before !== null && before.violations.length > 0) {
    const rules = new Set(before.violations.map((violation) => violation.rule)).size;
    lines.push(`status quo breaks ${rules} ${nounFor(rules, "rule")} in ${before.violations.length} ${nounFor(before.violations.length, "case")}: see summary.md`);
  }
  lines.push(`wrote ${written.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** The plan options the flags give, single-year and multi-year alike (no budget, trade-off or progress). */
function ruleOptions(options: PlanCommandOptions, norms: PlanningNorms, costs: Partial<PlanCosts> | undefined) {
  return {
    norms,
    objective: options.objective,
    ...(costs === undefined ? {} : { costs }),
    ...(options.maxClosures === undefined ? {} : { maxClosures: options.maxClosures }),
    ...(options.maxMeanTravel === undefined ? {} : { maxMeanTravelMinutes: options.maxMeanTravel }),
    threeSchools: options.threeSchools,
    ...(options.boardingSchoolBeds === undefined ? {} : { boardingSchoolMinimumBeds: options.boardingSchoolBeds }),
    catchments: options.catchments,
    ...(options.splitAbove === undefined ? {} : { splitAbovePupils: options.splitAbove }),
    ...(options.fractionalClasses === true ? { wholeClasses: false } : {}),
    ...(options.minimumEnrolment === undefined ? {} : { minimumEnrolment: options.minimumEnrolment }),
    solver: options.solver,
    ...(options.timeLimit === undefined ? {} : { timeLimitSeconds: options.timeLimit }),
    ...(options.mipGap === undefined ? {} : { mipRelativeGap: options.mipGap }),
  };
}

async function runPlan(options: PlanCommandOptions, context: CliContext): Promise<void> {
  const { streams } = context;
  const yearFlags = ["county", "projection", "discountRate", "scenarios", "baseYear", "method", "criterion"] as const;
  if (options.years === undefined) {
    for (const flag of yearFlags) if (options[flag] !== undefined) throw new CliError(`--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is for multi-year plans: give --years too`);
  } else {
    for (const [flag, given] of [["--budget", options.budget], ["--tradeoff", options.tradeoff]] as const) {
      if (given !== undefined) throw new CliError(`${flag} is not supported with --years yet: plan each year on its own for it`);
    }
    const layers = await readMapLayers(options);
    const { geo, norms, costs } = await loadPlanInput(options, streams);
    const interrupt = watchInterrupt();
    try {
      const report = { report: options.report === true, language: options.lang, layers, ...(options.title === undefined ? {} : { title: options.title }) };
      await runPlanOverYears(options as PlanYearsFlags & PlanCommandOptions, { ...ruleOptions(options, norms, costs), signal: interrupt.signal }, geo, options.out, context, report);
    } finally {
      interrupt.finish(context);
    }
    return;
  }
  for (const name of OUTPUT_FILES) await checkOutputPath(join(options.out, name), "--out");
  const layers = await readMapLayers(options);
  const { geo, norms, costs } = await loadPlanInput(options, streams);
  const progress = createProgressReporter(streams.stderr, options.objective === "travel" ? "min" : "yuan/yr");
  const interrupt = watchInterrupt();
  let plan: Plan;
  try {
    plan = await planSchools(geo.system, {
      ...ruleOptions(options, norms, costs),
      ...(options.budget === undefined ? {} : { budgetYuanPerYear: options.budget }),
      ...(options.tradeoff === undefined ? {} : { tradeoffPoints: options.tradeoff }),
      ...(options.quiet ? {} : { onProgress: progress.report }),
      signal: interrupt.signal,
    });
  } finally {
    interrupt.finish(context);
    progress.finish();
  }
  const [geojsonPath, jsonPath] = OUTPUT_FILES.map((name) => join(options.out, name)) as [string, string];
  await writeText(geojsonPath, `${JSON.stringify(planToGeoJSON(plan, geo, { crs: options.outCrs }))}\n`, "--out");
  await writeText(jsonPath, `${JSON.stringify(planToJson(plan, geo.system), null, 1)}\n`, "--out");
  const written = await writePlanOutputs(plan, geo, {
    out: options.out,
    language: options.lang,
    report: options.report === true,
    layers,
    flag: "--out",
    ...(options.title === undefined ? {} : { title: options.title }),
  });
  if (plan.reasons.length > 0) {
    streams.stderr.write(`plan: no plan meets the rules:\n${plan.reasons.map((reason) => `- ${reason.code}: ${reason.message}\n`).join("")}`);
  }
  streams.stdout.write(stdoutReport(plan, [geojsonPath, jsonPath, ...written]));
}

/** Registers `plan` on the program. */
export function registerPlanCommand(program: Command, context: CliContext): void {
  const command = program
    .command("plan")
    .description("plan a county's schools (keep, close, expand, build; catchments and boarding per level) under the norms");
  addPlanInputFlags(command);
  addOutputFlags(command);
  command
    .option("--out-crs <system>", `coordinate system of plan.geojson: ${COORDINATE_SYSTEMS.join(", ")}`, parseChoice(COORDINATE_SYSTEMS), "wgs84")
    .option("--report", "also write report.html (the plan report: maps, tables, balance figures) and map.svg / map.png")
    .option("--objective <kind>", "minimise cost (yuan per year) or travel (mean minutes)", parseChoice(["cost", "travel"] as const), "cost")
    .option("--budget <yuan>", "total annual cost at most this, yuan per year", parseNonNegativeNumber)
    .option("--max-closures <n>", "at most this many existing schools close", parseWholeCount)
    .option("--max-mean-travel <minutes>", "mean one-way travel at most this, minutes", parseNonNegativeNumber)
    .option("--no-three-schools", "do not require each township's central kindergarten, central primary and boarding school")
    .option("--boarding-school-beds <beds>", "beds a township's public boarding school must have (default 50)", parsePositiveInteger)
    .option("--no-catchments", "let every settlement's pupils of a level split between schools")
    .option("--split-above <pupils>", "a settlement with more pupils of a level than this may split between schools (default 1000)", parsePositiveNumber)
    .option("--fractional-classes", "plan with fractional classes (a faster relaxation, for screening)")
    .option("--minimum-enrolment <pairs>", 'fewest pupils of an open school by type, e.g. "complete primary=100,kindergarten=60"', parseMinimumEnrolment)
    .option("--tradeoff <k>", "also compute k ≥ 2 points of the cost–travel trade-off curve", parseTradeoff)
    .option("--solver <name>", `backend: ${BACKEND_CHOICES.join(", ")}`, parseChoice(BACKEND_CHOICES), "auto")
    .option("--time-limit <seconds>", "stop each solve after this many seconds with the best plan and bound", parsePositiveNumber)
    .option("--mip-gap <fraction>", "stop at this relative gap (default 0: prove the best plan)", parseGapFraction)
    .option("--quiet", "no progress or notes on stderr")
    .option("--years <years>", "plan several years at once, e.g. 2025,2030,2035 (writes plan.json, schedule.csv, years.csv; with --report report.html)", parseYearList("plan years", 2000, 2050))
    .option("--scenarios <list>", "with --years: the projection's scenarios, comma-separated (default: medium with --county, all of the file's with --projection)")
    .option("--county <code>", "with --years: move each settlement's pupils by this Guangdong county's projection (e.g. 441625)")
    .option("--projection <file>", "with --years: move them by a projection.json of school-layout project instead")
    .option("--base-year <year>", "with --years: the year the settlements' pupils stand for (default 2020)", parsePositiveInteger)
    .option("--discount-rate <rate>", "with --years: yearly discount rate of later costs (default 0.08)", parseRate)
    .option("--method <method>", "with --years: auto (default), joint (one MIP) or byScenario", parseChoice(["auto", "joint", "byScenario"] as const))
    .option("--criterion <criterion>", "with --years: minimise the expected cost over the scenarios (expected, default) or the worst scenario's regret (maxRegret)", parseChoice(["expected", "maxRegret"] as const))
    .requiredOption("--out <dir>", "folder to write plan.geojson, plan.json, summary.md, the tables (CSV, plan.xlsx) and with --report report.html and the map into")
    .action((options: PlanCommandOptions) => runPlan(options, context));
}
