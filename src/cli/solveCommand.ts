/**
 * `school-layout solve <model>`: read demand points and sites (GeoJSON) or a JSON problem, build the cost
 * matrix (great-circle metres, or a long-format CSV), solve a location model and report or write the result.
 * @module
 */
import { InvalidArgumentError, type Command } from "commander";
import type { CostMatrix } from "../costMatrix.ts";
import { COST_UNITS, type CostUnit } from "../costMatrix.ts";
import {
  problemFromGeoJSON,
  readCostTable,
  readDemandPoints,
  readProblemJson,
  readSites,
  solutionFeatureCollection,
  type GeoProblem,
} from "../io/index.ts";
import { summarizeSolution } from "../metrics/index.ts";
import { solve } from "../models/index.ts";
import type { ModelSpec } from "../models/spec.ts";
import type { Problem } from "../problem.ts";
import { MODEL_NAMES, type ModelName, type Solution } from "../solution.ts";
import { BACKEND_CHOICES, type BackendChoice } from "../solvers/options.ts";
import { readJson, readText, writeText } from "./files.ts";
import { CliError, type CliStreams } from "./io.ts";
import { parseChoice, parseNonNegativeNumber, parsePositiveInteger, parsePositiveNumber } from "./parsers.ts";
import { createProgressReporter } from "./progress.ts";

/** The options of `solve`, as commander parses them. */
export interface SolveCommandOptions {
  readonly demand?: string;
  readonly sites?: string;
  readonly problem?: string;
  readonly id?: string;
  readonly weight?: string;
  readonly capacity?: string;
  readonly fixedCost?: string;
  readonly required?: string;
  readonly forbidden?: string;
  readonly singleSource?: boolean;
  readonly costs?: string;
  readonly costFrom?: string;
  readonly costTo?: string;
  readonly costValue?: string;
  readonly costUnit: CostUnit;
  readonly missingPairs: "error" | "not-allowed";
  readonly p?: number;
  readonly radius?: number;
  readonly solver: BackendChoice;
  readonly timeLimit?: number;
  readonly mipGap?: number;
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const NEEDS_P: readonly ModelName[] = ["p-median", "p-center", "max-coverage", "capacitated-p-median"];
const NEEDS_RADIUS: readonly ModelName[] = ["max-coverage", "set-cover"];

/** Builds the model spec from the command line, checking that each model gets the options it needs. */
export function specFromOptions(model: ModelName, options: SolveCommandOptions): ModelSpec {
  if (NEEDS_P.includes(model) && options.p === undefined) throw new CliError(`${model} needs -p N (the number of sites to open)`);
  if (NEEDS_RADIUS.includes(model) && options.radius === undefined) {
    throw new CliError(`${model} needs --radius R (in the cost unit; a pair covers when cost ≤ R)`);
  }
  if (!NEEDS_P.includes(model) && options.p !== undefined) throw new CliError(`${model} takes no -p (got ${options.p})`);
  if (!NEEDS_RADIUS.includes(model) && options.radius !== undefined) throw new CliError(`${model} takes no --radius (got ${options.radius})`);
  if (options.singleSource && model !== "fixed-charge") {
    throw new CliError(`--single-source applies to fixed-charge only (capacitated-p-median is always single-source)`);
  }
  const p = options.p!;
  const radius = options.radius!;
  switch (model) {
    case "p-median":
      return { model, p };
    case "p-center":
      return { model, p };
    case "max-coverage":
      return { model, p, radius };
    case "set-cover":
      return { model, radius };
    case "capacitated-p-median":
      return { model, p };
    case "fixed-charge":
      return { model, singleSource: options.singleSource ?? false };
  }
}

function costColumns(options: SolveCommandOptions): { from: string; to: string; value: string } {
  const missing = (["costFrom", "costTo", "costValue"] as const).filter((key) => options[key] === undefined);
  if (missing.length > 0) {
    const flags = missing.map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} COL`).join(", ");
    throw new CliError(`--costs needs ${flags} (the demand-side, site-side and value columns)`);
  }
  return { from: options.costFrom!, to: options.costTo!, value: options.costValue! };
}

/** Reads the problem the options describe: `--problem`, or `--demand` and `--sites` with optional `--costs`. */
export async function loadProblem(options: SolveCommandOptions): Promise<{ problem: Problem; geo: GeoProblem | null }> {
  if (options.problem !== undefined) {
    const layerFlags = ["demand", "sites", "costs", "weight", "capacity", "fixedCost", "required", "forbidden", "id"] as const;
    const clash = layerFlags.filter((key) => options[key] !== undefined);
    if (clash.length > 0) throw new CliError(`--problem holds the whole problem; drop --${clash[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    const problem = readProblemJson(await readJson(options.problem, "--problem"));
    return { problem, geo: null };
  }
  if (options.demand === undefined || options.sites === undefined) {
    throw new CliError("give --demand F and --sites F (GeoJSON), or --problem F.json");
  }
  const demandCollection = await readJson(options.demand, "--demand");
  const siteCollection = await readJson(options.sites, "--sites");
  const demandOptions = {
    source: options.demand,
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.weight === undefined ? {} : { weight: options.weight }),
  };
  const siteOptions = {
    source: options.sites,
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
    ...(options.fixedCost === undefined ? {} : { fixedCost: options.fixedCost }),
    ...(options.required === undefined ? {} : { required: options.required }),
    ...(options.forbidden === undefined ? {} : { forbidden: options.forbidden }),
  };
  let costs: CostMatrix | undefined;
  if (options.costs !== undefined) {
    const columns = costColumns(options);
    const demandIds = readDemandPoints(demandCollection, demandOptions).points.map((point, i) => String(point.id ?? i));
    const siteIds = readSites(siteCollection, siteOptions).sites.map((site, j) => String(site.id ?? j));
    costs = readCostTable(await readText(options.costs, "--costs"), {
      ...columns,
      demandIds,
      siteIds,
      unit: options.costUnit,
      source: options.costs,
      missing: options.missingPairs === "not-allowed" ? "notAllowed" : "error",
    });
  }
  const geo = problemFromGeoJSON(demandCollection, siteCollection, {
    demand: demandOptions,
    sites: siteOptions,
    ...(costs === undefined ? {} : { costs }),
  });
  return { problem: geo.problem, geo };
}

/** The one JSON object `--json` prints. */
export interface SolveReport {
  readonly model: ModelName;
  readonly status: Solution["status"];
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly open: readonly string[];
  readonly meanCost: number | null;
  readonly maxCost: number | null;
  readonly coveredDemand: number | null;
  readonly coveredShare: number | null;
  readonly seconds: number;
  readonly reasons?: readonly string[];
}

/** Builds the `--json` report of a solution. */
export function reportOf(problem: Problem, spec: ModelSpec, solution: Solution, seconds: number): SolveReport {
  const radius = "radius" in spec ? spec.radius : undefined;
  const summary = summarizeSolution(problem, solution, radius === undefined ? {} : { radius });
  return {
    model: spec.model,
    status: solution.status,
    objective: solution.objective,
    bound: solution.bound,
    gap: solution.gap,
    open: solution.open.map((j) => problem.sites[j]!.id),
    meanCost: summary.meanCost,
    maxCost: summary.maxCost,
    coveredDemand: summary.coveredDemand,
    coveredShare: summary.coveredShare,
    seconds,
    ...(solution.reasons.length > 0 ? { reasons: solution.reasons.map((reason) => reason.message) } : {}),
  };
}

function humanReport(report: SolveReport, problem: Problem): string {
  const lines = [
    `${report.model}: ${report.status}`,
    `objective ${report.objective ?? "–"}  bound ${report.bound ?? "–"}  gap ${report.gap === null ? "–" : `${(report.gap * 100).toFixed(4)} %`}`,
  ];
  if (report.open.length > 0) lines.push(`open ${report.open.length} of ${problem.sites.length} sites: ${report.open.join(", ")}`);
  if (report.meanCost !== null) lines.push(`mean cost ${report.meanCost.toFixed(2)} ${problem.costs.unit} (demand-weighted), max ${report.maxCost?.toFixed(2)}`);
  if (report.coveredShare !== null) lines.push(`covered demand ${report.coveredDemand} (${(report.coveredShare * 100).toFixed(2)} %)`);
  for (const reason of report.reasons ?? []) lines.push(`reason: ${reason}`);
  lines.push(`${report.seconds.toFixed(2)} s`);
  return `${lines.join("\n")}\n`;
}

/** Registers `solve` on the program. */
export function registerSolveCommand(program: Command, streams: CliStreams): void {
  program
    .command("solve")
    .description("solve a location model on demand points and sites")
    .argument("<model>", `one of ${MODEL_NAMES.join(", ")}`, parseChoice(MODEL_NAMES))
    .option("--demand <file>", "demand points: GeoJSON FeatureCollection of Points (or polygons: their centroids)")
    .option("--sites <file>", "candidate sites: GeoJSON FeatureCollection")
    .option("--problem <file>", "a JSON problem (demand, sites, cost rows) instead of --demand/--sites")
    .option("--id <prop>", "property holding the id in both layers (default: feature id, then properties.id, then the index)")
    .option("--weight <prop>", "demand property holding the weight (pupils); default 1 per point")
    .option("--capacity <prop>", "site property holding the capacity (pupils); default uncapacitated")
    .option("--fixed-cost <prop>", "site property holding the fixed (opening) cost; default 0")
    .option("--required <prop>", "boolean site property: the site must be open")
    .option("--forbidden <prop>", "boolean site property: the site must stay closed")
    .option("--single-source", "fixed-charge: serve each demand point wholly from one site")
    .option("--costs <file>", "long-format CSV of costs instead of great-circle metres")
    .option("--cost-from <col>", "CSV column with the demand point id")
    .option("--cost-to <col>", "CSV column with the site id")
    .option("--cost-value <col>", "CSV column with the cost")
    .option("--cost-unit <unit>", `unit of the CSV costs: ${COST_UNITS.join(", ")}`, parseChoice(COST_UNITS), "metres")
    .option(
      "--missing-pairs <rule>",
      "pairs absent from the cost table: error (default), or not-allowed (never assigned; the model stays sparse)",
      parseChoice(["error", "not-allowed"] as const),
      "error",
    )
    .option("-p <n>", "number of sites to open (p-median, p-center, max-coverage, capacitated-p-median)", parsePositiveInteger)
    .option("--radius <r>", "coverage radius in the cost unit, inclusive (max-coverage, set-cover)", parseNonNegativeNumber)
    .option("--solver <name>", `backend: ${BACKEND_CHOICES.join(", ")}`, parseChoice(BACKEND_CHOICES), "auto")
    .option("--time-limit <seconds>", "stop after this many seconds with the best solution and bound", parsePositiveNumber)
    .option("--mip-gap <fraction>", "stop at this relative gap (default 0: prove optimality)", (text: string) => {
      const value = parseNonNegativeNumber(text);
      if (value >= 1) throw new InvalidArgumentError(`must be below 1, got "${text}".`);
      return value;
    })
    .option("--out <file>", "write the result: GeoJSON (sites, demand points, assignment lines), or JSON with --problem")
    .option("--json", "print one JSON object: model, status, objective, bound, gap, open, meanCost, maxCost, coveredDemand, coveredShare, seconds")
    .option("--quiet", "no progress on stderr")
    .action(async (model: ModelName, options: SolveCommandOptions) => {
      const started = performance.now();
      const spec = specFromOptions(model, options);
      const { problem, geo } = await loadProblem(options);
      const progress = createProgressReporter(streams.stderr);
      const controller = new AbortController();
      const interrupt = (): void => controller.abort();
      const hasProcess = typeof process !== "undefined";
      if (hasProcess) process.once("SIGINT", interrupt);
      let solution: Solution;
      try {
        solution = await solve(problem, spec, {
          solver: options.solver,
          ...(options.timeLimit === undefined ? {} : { timeLimitSeconds: options.timeLimit }),
          ...(options.mipGap === undefined ? {} : { mipRelativeGap: options.mipGap }),
          ...(options.quiet || options.json ? {} : { onProgress: progress.report }),
          signal: controller.signal,
        });
      } finally {
        if (hasProcess) process.removeListener("SIGINT", interrupt);
        progress.finish();
      }
      const report = reportOf(problem, spec, solution, (performance.now() - started) / 1000);
      if (options.out !== undefined) {
        if (geo !== null) {
          await writeText(options.out, `${JSON.stringify(solutionFeatureCollection(geo, solution))}\n`);
        } else {
          const assignment = [...solution.assignment].map((j, i) => ({
            demand: problem.demand[i]!.id,
            site: j < 0 ? null : problem.sites[j]!.id,
          }));
          await writeText(options.out, `${JSON.stringify({ ...report, assignment, allocations: solution.allocations }, null, 1)}\n`);
        }
      }
      streams.stdout.write(options.json ? `${JSON.stringify(report)}\n` : humanReport(report, problem));
    });
}
