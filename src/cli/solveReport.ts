/**
 * What `school-layout solve` prints and writes: the `--json` report, the human summary, and the JSON solution
 * written for a `--problem` input.
 * @module
 */
import { summarizeSolution } from "../metrics/index.ts";
import type { ModelSpec } from "../models/spec.ts";
import type { Problem } from "../problem.ts";
import type { ModelName, Solution } from "../solution.ts";

/** The one JSON object `--json` prints. Costs are in the cost matrix's unit; `gap` is a fraction. */
export interface SolveReport {
  readonly model: ModelName;
  readonly status: Solution["status"];
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  /** Ids of the open sites. */
  readonly open: readonly string[];
  /** Demand-weighted mean cost over the served demand (all of it, except uncovered points in max-coverage). */
  readonly meanCost: number | null;
  readonly maxCost: number | null;
  readonly coveredDemand: number | null;
  readonly coveredShare: number | null;
  /** Wall-clock seconds, reading the files included, to the millisecond. */
  readonly seconds: number;
  readonly reasons?: readonly string[];
  /** Why an `aborted` solve stopped when the solver failed mid-solve (its best solution kept). */
  readonly stoppedBy?: string;
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
    seconds: Math.round(seconds * 1000) / 1000,
    ...(solution.reasons.length > 0 ? { reasons: solution.reasons.map((reason) => reason.message) } : {}),
    ...(solution.statistics.stoppedBy === undefined ? {} : { stoppedBy: solution.statistics.stoppedBy }),
  };
}

function round(value: number | null, digits = 2): string {
  return value === null ? "–" : value.toFixed(digits);
}

/** The human summary of a solution, one fact a line. */
export function humanReport(report: SolveReport, problem: Problem, solution: Solution, costBasis?: string): string {
  const summary = summarizeSolution(problem, solution);
  const gap = report.gap === null ? "–" : `${(report.gap * 100).toFixed(4)} %`;
  const lines = [`${report.model}: ${report.status}${report.stoppedBy === undefined ? "" : ` (the solver failed: ${report.stoppedBy}; the best solution found is kept)`}`, `objective ${report.objective ?? "–"}  bound ${report.bound ?? "–"}  gap ${gap}`];
  if (report.open.length > 0) lines.push(`open ${report.open.length} of ${problem.sites.length} sites: ${report.open.join(", ")}`);
  if (report.meanCost !== null) {
    const servedAll = summary.servedDemand === summary.totalDemand;
    const over = servedAll ? "all demand" : `the ${summary.servedDemand} of ${summary.totalDemand} served`;
    lines.push(`mean cost ${round(report.meanCost)} ${problem.costs.unit} (demand-weighted, over ${over}), max ${round(report.maxCost)}`);
  }
  if (report.coveredShare !== null) lines.push(`covered demand ${report.coveredDemand} (${(report.coveredShare * 100).toFixed(2)} %)`);
  for (const reason of report.reasons ?? []) lines.push(`reason: ${reason}`);
  if (costBasis !== undefined) lines.push(`costs: ${costBasis}`);
  lines.push(`${report.seconds.toFixed(2)} s`);
  return `${lines.join("\n")}\n`;
}

/** The JSON solution written by `--out` for a `--problem` input: the report, the assignment and any split, by id. */
export function jsonSolution(report: SolveReport, problem: Problem, solution: Solution): object {
  const assignment = [...solution.assignment].map((j, i) => ({
    demand: problem.demand[i]!.id,
    site: j < 0 ? null : problem.sites[j]!.id,
  }));
  const allocations = solution.allocations?.map((allocation) => ({
    demand: problem.demand[allocation.demand]!.id,
    site: problem.sites[allocation.site]!.id,
    amount: allocation.amount,
  }));
  return { ...report, assignment, ...(allocations === undefined ? {} : { allocations }) };
}
