/**
 * The HiGHS backend (HiGHS in WebAssembly, through the `highs` package's persistent model API): typed arrays in,
 * MIP callbacks for progress and interruption, `model.info` for the bound and gap, `setSolution` for warm starts.
 * Runs on the calling thread; see `worker.ts` for running it off-thread so that an `AbortSignal` can stop it.
 * @module
 */
import { SolverError } from "../errors.ts";
import type { SolveStatus } from "../solution.ts";
import { loadHighs, type Highs } from "./highsRuntime.ts";
import type { LinearModel } from "./linearModel.ts";
import type { LinearResult, LinearSolveOptions, SolveProgress } from "./options.ts";

/**
 * A status from HiGHS counts as `optimal` only when the relative gap is at most this; above it the result is
 * `feasible` with its gap. HiGHS itself stops at a gap of `mip_rel_gap` or an absolute gap of 1e-6.
 */
const OPTIMAL_GAP = 1e-6;

/** WebAssembly's heap stops at 2 GiB here; a model whose arrays alone would take more than this cannot be solved. */
const MAX_MODEL_BYTES = 1.5 * 1024 ** 3;

/** Rough bytes HiGHS needs per nonzero and per column/row (its copies, presolve, LP factor); measured order of magnitude. */
const BYTES_PER_NONZERO = 120;
const BYTES_PER_LINE = 400;

/**
 * Estimates the memory HiGHS needs for a model, in bytes (a rule of thumb: about 120 bytes per nonzero and
 * 400 per row or column, including presolve copies).
 * @param model - the linear model
 */
export function estimateHighsBytes(model: LinearModel): number {
  return model.coefficients.length * BYTES_PER_NONZERO + (model.columnCount + model.rowCount) * BYTES_PER_LINE;
}

function toHighsBound(value: number, infinity: number): number {
  if (value === Infinity) return infinity;
  if (value === -Infinity) return -infinity;
  return value;
}

function boundsArray(values: Float64Array, infinity: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = toHighsBound(values[k]!, infinity);
  return out;
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) < 1e29 ? value : null;
}

/**
 * Solves a linear model with HiGHS on the calling thread. The thread is blocked while HiGHS runs: a
 * `signal` is only seen if it is already aborted, or through `cancelFlag` set by another thread.
 * @param model - the linear model
 * @param options - time limit, gap, progress callback, warm start, cancel flag
 * @returns the status, objective, bound, gap and column values
 * @throws SolverError when the model is too large for WebAssembly's heap, or HiGHS fails
 */
export async function solveWithHighs(model: LinearModel, options: LinearSolveOptions = {}): Promise<LinearResult> {
  const started = performance.now();
  const estimate = estimateHighsBytes(model);
  if (estimate > MAX_MODEL_BYTES) {
    throw new SolverError(
      `the model (${model.columnCount} columns, ${model.rowCount} rows, ${model.coefficients.length} nonzeros) would need ` +
        `about ${(estimate / 1024 ** 3).toFixed(1)} GiB in HiGHS, beyond WebAssembly's 2 GiB heap; ` +
        "make the cost matrix sparse (a radius, cutoff or k nearest sites) or use fewer candidate sites",
    );
  }
  const highs: Highs = await loadHighs();
  const elapsed = (): number => (performance.now() - started) / 1000;
  if (options.signal?.aborted || (options.cancelFlag !== undefined && Atomics.load(options.cancelFlag, 0) !== 0)) {
    return { status: "aborted", objective: null, bound: null, gap: null, values: null, solver: "highs", seconds: elapsed() };
  }
  const isMip = model.integer.some((flag) => flag === 1);
  const infinity = highs.infinity;
  const instance = highs.createModel({
    numCols: model.columnCount,
    numRows: model.rowCount,
    sense: model.sense === "maximize" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: model.offset,
    colCost: model.objective,
    colLower: boundsArray(model.columnLower, infinity),
    colUpper: boundsArray(model.columnUpper, infinity),
    rowLower: boundsArray(model.rowLower, infinity),
    rowUpper: boundsArray(model.rowUpper, infinity),
    matrix: {
      format: "csr",
      numRows: model.rowCount,
      numCols: model.columnCount,
      starts: model.rowStarts,
      indices: model.columnIndices,
      values: model.coefficients,
    },
    ...(isMip ? { integrality: model.integer } : {}),
  } as Parameters<Highs["createModel"]>[0] & object);
  let interrupted = false;
  try {
    instance.options.set({ output_flag: false, mip_rel_gap: options.mipRelativeGap ?? 0 });
    if (options.timeLimitSeconds !== undefined && Number.isFinite(options.timeLimitSeconds)) {
      instance.options.set("time_limit", Math.max(0, options.timeLimitSeconds));
    }
    if (options.initialSolution !== undefined) instance.setSolution({ colValue: options.initialSolution });
    const shouldStop = (): boolean =>
      (options.signal?.aborted ?? false) || (options.cancelFlag !== undefined && Atomics.load(options.cancelFlag, 0) !== 0);
    const report = (data: { mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number; mip_node_count?: bigint }): void => {
      if (!options.onProgress) return;
      const progress: SolveProgress = {
        elapsedSeconds: elapsed(),
        objective: finiteOrNull(data.mip_primal_bound),
        bound: finiteOrNull(data.mip_dual_bound),
        gap: finiteOrNull(data.mip_gap),
        nodes: data.mip_node_count === undefined ? null : Number(data.mip_node_count),
      };
      options.onProgress(progress);
    };
    const callbacks = {
      [highs.constants.callbackType.mipInterrupt]: (event: { data: object; interrupt(): void }) => {
        if (shouldStop()) {
          interrupted = true;
          event.interrupt();
        }
      },
      [highs.constants.callbackType.simplexInterrupt]: (event: { interrupt(): void }) => {
        if (shouldStop()) {
          interrupted = true;
          event.interrupt();
        }
      },
      [highs.constants.callbackType.mipLogging]: (event: { data: object }) => report(event.data),
      [highs.constants.callbackType.mipImprovingSolution]: (event: { data: object }) => report(event.data),
    };
    instance.run(callbacks as Parameters<typeof instance.run>[0]);
    const code = instance.getModelStatus();
    const codes = highs.constants.modelStatus;
    const hasPrimal = Number(instance.info.get("primal_solution_status")) === 2;
    const values = hasPrimal ? Float64Array.from(instance.getSolution().colValue) : null;
    const objective = values ? instance.getObjectiveValue() : null;
    let bound: number | null;
    if (isMip) bound = finiteOrNull(instance.info.get("mip_dual_bound"));
    else bound = code === codes.optimal ? objective : null;
    const gap = isMip ? (objective === null ? null : finiteOrNull(instance.info.get("mip_gap"))) : code === codes.optimal ? 0 : null;
    const nodesInfo = isMip ? instance.info.get("mip_node_count") : undefined;
    let status: SolveStatus;
    switch (code) {
      case codes.optimal:
        status = gap === null || gap <= OPTIMAL_GAP ? "optimal" : "feasible";
        break;
      case codes.infeasible:
      case codes.unboundedOrInfeasible:
        status = "infeasible";
        break;
      case codes.unbounded:
        status = "unbounded";
        break;
      case codes.timeLimit:
        status = "timeLimit";
        break;
      case codes.interrupted:
        status = interrupted ? "aborted" : "timeLimit";
        break;
      case codes.iterationLimit:
      case codes.solutionLimit:
      case codes.objectiveBound:
      case codes.objectiveTarget:
        status = values ? "feasible" : "timeLimit";
        break;
      case codes.empty:
        status = "optimal";
        break;
      default:
        throw new SolverError(`HiGHS ended with model status ${code}`);
    }
    return {
      status,
      objective,
      bound: status === "optimal" ? objective : bound,
      gap: status === "optimal" ? 0 : gap,
      values,
      solver: "highs",
      seconds: elapsed(),
      ...(nodesInfo === undefined ? {} : { nodes: Number(nodesInfo) }),
    };
  } finally {
    instance.dispose();
  }
}
