/**
 * Solving a built location model and turning the backend's result into a {@link Solution}: decode, recompute
 * the objective, unscale the bound, and keep the status honest.
 * @module
 */
import type { Problem } from "../problem.ts";
import { isMaximisation } from "./spec.ts";
import { relativeGap, type InfeasibilityReason, type ModelName, type Solution } from "../solution.ts";
import type { LinearResult, SolveOptions, SolveProgress } from "../solvers/options.ts";
import { solveLinearModel } from "../solvers/solve.ts";
import { siteLoads } from "./decode.ts";
import type { BuiltLocationModel } from "./locationModel.ts";
import type { LocationSolveOptions } from "./solveOptions.ts";

/** Seconds since `started` (a `performance.now()` reading). */
function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

/**
 * A solution without open sites: infeasible before solving (with reasons, no solver call), or a solve that
 * ended without finding one.
 * @param problem - the problem
 * @param model - the model's name
 * @param status - how the solve ended
 * @param reasons - why it is infeasible (empty otherwise)
 * @param started - `performance.now()` when the solve began
 * @param size - the linear model's size and solver, when one was built and run
 */
export function solutionWithoutSites(
  problem: Problem,
  model: ModelName,
  status: Solution["status"],
  reasons: readonly InfeasibilityReason[],
  started: number,
  size?: { readonly solver: Solution["statistics"]["solver"]; readonly variables: number; readonly constraints: number; readonly nodes?: number; readonly stoppedBy?: string; readonly bound?: number | null },
): Solution {
  return {
    model,
    status,
    objective: null,
    bound: size?.bound ?? null,
    gap: null,
    open: [],
    assignment: new Int32Array(problem.demand.length).fill(-1),
    load: new Float64Array(problem.sites.length),
    reasons,
    statistics: {
      solver: size?.solver ?? "none",
      seconds: secondsSince(started),
      variables: size?.variables ?? 0,
      constraints: size?.constraints ?? 0,
      ...(size?.nodes === undefined ? {} : { nodes: size.nodes }),
      ...(size?.stoppedBy === undefined ? {} : { stoppedBy: size.stoppedBy }),
    },
  };
}

/** Multiplies a nullable value by the scale. */
function unscale(value: number | null, scale: number): number | null {
  return value === null ? null : value * scale;
}

/** Picks the backend options out of a model's options (never the model's own parameters). */
function backendOptions(options: SolveOptions, scale: number): SolveOptions {
  const onProgress = options.onProgress;
  return {
    ...(options.solver === undefined ? {} : { solver: options.solver }),
    ...(options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.mipRelativeGap === undefined ? {} : { mipRelativeGap: options.mipRelativeGap }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.offThread === undefined ? {} : { offThread: options.offThread }),
    ...(onProgress === undefined
      ? {}
      : {
          onProgress: (progress: SolveProgress) =>
            onProgress({ ...progress, objective: unscale(progress.objective, scale), bound: unscale(progress.bound, scale) }),
        }),
  };
}

/**
 * Solves a built location model and returns the decoded, re-evaluated solution. A model without columns
 * (nothing to decide: every site forbidden and no demand) is not sent to a backend (solver `none`).
 * The objective is recomputed from the decoded open sites and assignments; the bound is the solver's,
 * unscaled and kept on the right side of the objective; `optimal` is reported only when the backend proved it.
 * @param problem - the problem
 * @param built - the built model
 * @param options - backend options and an optional warm start
 * @param started - `performance.now()` when the solve began (checks and building count)
 * @throws InputError on bad backend options; SolverError when the backend fails
 */
export async function solveBuiltModel(
  problem: Problem,
  built: BuiltLocationModel,
  options: LocationSolveOptions,
  started: number,
): Promise<Solution> {
  const scale = built.objectiveScale;
  const initialSolution = options.initialSolution === undefined ? undefined : built.startValues(options.initialSolution);
  const result: LinearResult =
    built.linear.columnCount === 0
      ? { status: "optimal", objective: built.linear.offset, bound: built.linear.offset, gap: 0, values: new Float64Array(0), solver: "none", seconds: 0 }
      : await solveLinearModel(built.linear, {
          ...backendOptions(options, scale),
          ...(initialSolution === undefined ? {} : { initialSolution }),
        });
  const size = {
    solver: result.solver,
    variables: built.linear.columnCount,
    constraints: built.linear.rowCount,
    ...(result.nodes === undefined ? {} : { nodes: result.nodes }),
    ...(result.failure === undefined ? {} : { stoppedBy: result.failure }),
  };
  const usable = result.values !== null && result.status !== "infeasible" && result.status !== "unbounded";
  if (!usable || result.values === null) {
    const reasons: InfeasibilityReason[] =
      result.status === "infeasible"
        ? [{ code: "solver", message: `the solver (${result.solver}) proved that no solution satisfies the ${built.model} constraints` }]
        : [];
    return solutionWithoutSites(problem, built.model, result.status, reasons, started, { ...size, bound: unscale(result.bound, scale) });
  }
  const decoded = built.decode(result.values);
  const objective = built.objectiveOf(decoded);
  const maximise = isMaximisation(built.model);
  let bound = unscale(result.bound, scale);
  if (result.status === "optimal" || bound === null) {
    bound = result.status === "optimal" ? objective : null;
  } else if (maximise ? bound < objective : bound > objective) {
    bound = objective; // the solver's float sits a rounding error past the recomputed objective
  }
  return {
    model: built.model,
    status: result.status,
    objective,
    bound,
    gap: result.status === "optimal" ? 0 : relativeGap(objective, bound),
    open: decoded.open,
    assignment: decoded.assignment,
    ...(decoded.allocations === undefined ? {} : { allocations: decoded.allocations }),
    load: siteLoads(problem, decoded.assignment, decoded.allocations),
    reasons: [],
    statistics: { ...size, seconds: secondsSince(started) },
  };
}
