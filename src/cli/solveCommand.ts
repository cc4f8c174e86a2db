/**
 * `school-layout solve <model>`: read demand points and sites (GeoJSON) or a JSON problem, build the cost
 * matrix (great-circle metres, or a long-format CSV), solve a location model and report or write the result.
 * @module
 */
import type { Command } from "commander";
import { COST_UNITS } from "../costMatrix.ts";
import { COORDINATE_SYSTEMS } from "../io/coordinateSystem.ts";
import { TRAVEL_MODES } from "../travel/index.ts";
import { solutionFeatureCollection } from "../io/index.ts";
import { solve, solvePMedian } from "../models/index.ts";
import { MODEL_NAMES, type ModelName, type Solution } from "../solution.ts";
import { BACKEND_CHOICES, type BackendChoice } from "../solvers/options.ts";

/** The --solver choices: the backends, and for p-median the heuristic and the engine. */
const SOLVER_CHOICES = [...BACKEND_CHOICES, "heuristic", "benders"] as const;
import { checkOutputPath, writeText } from "./files.ts";
import type { CliContext } from "./io.ts";
import { loadProblem } from "./loadProblem.ts";
import { parseChoice, parseGapFraction, parseNonNegativeNumber, parsePositiveInteger, parsePositiveNumber } from "./parsers.ts";
import { watchInterrupt } from "./interrupt.ts";
import { createProgressReporter } from "./progress.ts";
import { humanReport, jsonSolution, reportOf } from "./solveReport.ts";
import { specFromOptions, type SolveCommandOptions } from "./solveOptions.ts";


async function runSolve(model: ModelName, options: SolveCommandOptions, context: CliContext): Promise<void> {
  const { streams } = context;
  const started = performance.now();
  const spec = specFromOptions(model, options);
  if (options.out !== undefined) await checkOutputPath(options.out, "--out");
  const { problem, geo } = await loadProblem(options, streams);
  const progress = createProgressReporter(streams.stderr);
  const interrupt = watchInterrupt();
  let solution: Solution;
  try {
    const common = {
      ...(options.timeLimit === undefined ? {} : { timeLimitSeconds: options.timeLimit }),
      ...(options.mipGap === undefined ? {} : { mipRelativeGap: options.mipGap }),
      ...(options.quiet || options.json ? {} : { onProgress: progress.report }),
      signal: interrupt.signal,
    };
    const solver = options.solver;
    if (spec.model === "p-median") solution = await solvePMedian(problem, { ...spec, ...common, solver });
    else solution = await solve(problem, spec, { ...common, solver: solver as BackendChoice }); // specFromOptions refused the others
  } finally {
    interrupt.finish(context);
    progress.finish();
  }
  const report = reportOf(problem, spec, solution, (performance.now() - started) / 1000);
  if (options.out !== undefined) {
    const written = geo === null ? jsonSolution(report, problem, solution) : solutionFeatureCollection(geo, solution);
    await writeText(options.out, `${JSON.stringify(written, null, geo === null ? 1 : undefined)}\n`, "--out");
  }
  streams.stdout.write(options.json ? `${JSON.stringify(report)}\n` : humanReport(report, problem, solution, geo?.costBasis));
}

/** Registers `solve` on the program. */
export function registerSolveCommand(program: Command, context: CliContext): void {
  program
    .command("solve")
    .description("solve a location model on demand points and sites")
    .argument("<model>", `one of ${MODEL_NAMES.join(", ")}`, parseChoice(MODEL_NAMES))
    .option("--demand <file>", "demand points: GeoJSON FeatureCollection of Points (or polygons: their centroids)")
    .option("--sites <file>", "candidate sites: GeoJSON FeatureCollection")
    .option("--problem <file>", "a JSON problem (demand, sites, cost rows) instead of --demand/--sites")
    .option("--id <prop>", "property holding the id in both layers (default: feature id, then properties.id, then the index)")
    .option("--weight <prop>", "demand property holding the weight (pupils); default 1 per point")
    .option("--capacity <prop>", "site property holding the capacity (pupils): capacitated-p-median, fixed-charge")
    .option("--fixed-cost <prop>", "site property holding the fixed (opening) cost: fixed-charge")
    .option("--required <prop>", "boolean site property: the site must be open")
    .option("--forbidden <prop>", "boolean site property: the site must stay closed")
    .option("--single-source", "fixed-charge: serve each demand point wholly from one site")
    .option("--costs <file>", "long-format CSV of costs (e.g. from `school-layout travel`) instead of great-circle metres")
    .option("--roads <file>", "road network (GeoJSON LineStrings, .osm or .osm.pbf): costs are travel minutes by --mode")
    .option("--mode <mode>", `with --roads: travel mode, ${TRAVEL_MODES.join(", ")}`, parseChoice(TRAVEL_MODES), "walk")
    .option("--cutoff <minutes>", "with --roads: pairs above this many minutes are not allowed", parseNonNegativeNumber)
    .option("--node-crossings", "with --roads: join roads where they cross without a shared vertex")
    .option("--crs <system>", `coordinate system of the input layers: ${COORDINATE_SYSTEMS.join(", ")}`, parseChoice(COORDINATE_SYSTEMS), "wgs84")
    .option("--cost-from <col>", "CSV column with the demand point id")
    .option("--cost-to <col>", "CSV column with the site id")
    .option("--cost-value <col>", "CSV column with the cost")
    .option("--cost-unit <unit>", `unit of the CSV costs: ${COST_UNITS.join(", ")}`, parseChoice(COST_UNITS), "metres")
    .option(
      "--missing-pairs <rule>",
      "pairs absent from the cost table: error, or not-allowed (never assigned)",
      parseChoice(["error", "not-allowed"] as const),
      "error",
    )
    .option("-p <n>", "number of sites to open (p-median, p-center, max-coverage, capacitated-p-median)", parsePositiveInteger)
    .option("--radius <r>", "coverage radius in the cost unit, inclusive (max-coverage, set-cover)", parseNonNegativeNumber)
    .option("--solver <name>", `backend: ${SOLVER_CHOICES.join(", ")} (heuristic and benders: p-median only)`, parseChoice(SOLVER_CHOICES), "auto")
    .option("--time-limit <seconds>", "stop after this many seconds with the best solution and bound", parsePositiveNumber)
    .option("--mip-gap <fraction>", "stop at this relative gap (default 0: prove optimality)", parseGapFraction)
    .option("--out <file>", "write the result: GeoJSON (sites, demand points, assignment lines), or JSON with --problem")
    .option("--json", "print one JSON object: model, status, objective, bound, gap, open, meanCost, maxCost, coveredDemand, coveredShare, seconds")
    .option("--quiet", "no progress on stderr")
    .action((model: ModelName, options: SolveCommandOptions) => runSolve(model, options, context));
}
