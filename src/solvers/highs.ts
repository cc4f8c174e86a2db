/**
 * The HiGHS backend (HiGHS in WebAssembly, through the `highs` package's persistent model API): typed arrays in,
 * MIP callbacks for progress and interruption, `model.info` for the bound and gap, `setSolution` for warm starts.
 * Runs on the calling thread; `solveLinearModel` with `offThread` runs it in a worker so that an `AbortSignal`
 * can stop it.
 * @module
 */
import { SolverError } from "../errors.ts";
import { relativeGap, type SolveStatus } from "../solution.ts";
import { abortedResult, isCancelled } from "./cancel.ts";
import { discardHighs, loadHighs, type Highs } from "./highsRuntime.ts";
import { assertHighsFits, estimateHighsBytes } from "./highsMemory.ts";
import type { LinearModel } from "./linearModel.ts";
import { checkLinearSolution, modelObjective } from "./linearSolution.ts";
import type { LinearConflict, LinearResult, LinearSolveOptions, SolveProgress } from "./options.ts";

/**
 * A status from HiGHS counts as `optimal` only when the relative gap is at most this; above it the result is
 * `feasible` with its gap. HiGHS itself stops at a gap of `mip_rel_gap` or an absolute gap of 1e-6.
 */
const OPTIMAL_GAP = 1e-6;

export { HIGHS_MAX_MODEL_BYTES, assertHighsFits, estimateHighsBytes, type HighsModelSize } from "./highsMemory.ts";

/** Progress reports from HiGHS' frequent MIP interrupt checks come at most this often, in seconds. */
const PROGRESS_INTERVAL_SECONDS = 0.25;

function boundsArray(values: Float64Array, infinity: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    out[k] = value === Infinity ? infinity : value === -Infinity ? -infinity : value;
  }
  return out;
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) < 1e29 ? value : null;
}

type HighsModel = ReturnType<Highs["createModel"]>;

function createHighsModel(highs: Highs, model: LinearModel, costs: Float64Array, isMip: boolean): HighsModel {
  const infinity = highs.infinity;
  return highs.createModel({
    numCols: model.columnCount,
    numRows: model.rowCount,
    sense: model.sense === "maximize" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: model.offset,
    colCost: costs,
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
}

/**
 * Tells apart HiGHS' "infeasible or unbounded": first without presolve, and if that does not tell, by solving the
 * same constraints with a zero objective (feasible constraints with an objective that has no finite optimum mean
 * unbounded).
 */
function resolveInfeasibleOrUnbounded(highs: Highs, instance: HighsModel, model: LinearModel, isMip: boolean): SolveStatus {
  const codes = highs.constants.modelStatus;
  instance.options.set("presolve", "off");
  instance.run();
  const code = instance.getModelStatus();
  if (code === codes.unbounded) return "unbounded";
  if (code === codes.infeasible) return "infeasible";
  const feasibility = createHighsModel(highs, model, new Float64Array(model.columnCount), isMip);
  try {
    feasibility.options.set({ output_flag: false });
    feasibility.run();
    return feasibility.getModelStatus() === codes.optimal ? "unbounded" : "infeasible";
  } finally {
    feasibility.dispose();
  }
}

/**
 * HiGHS' irreducible infeasible subsystem of an infeasible LP (from the LP, made irreducible, rows preferred to
 * column bounds), or undefined when it finds none.
 */
function findConflict(highs: Highs, instance: HighsModel): LinearConflict | undefined {
  instance.options.set("iis_strategy", highs.constants.iis.strategyRowPriority);
  const iis = instance.getIis();
  if (iis.rowIndex.length === 0 && iis.colIndex.length === 0) return undefined;
  const codes = highs.constants.iis;
  const order = [...iis.colIndex.keys()].sort((a, b) => iis.colIndex[a]! - iis.colIndex[b]!);
  // HiGHS says lower, upper or boxed (both); a free column (no finite bound) cannot be in a conflict by a bound.
  const side = (code: number): "lower" | "upper" | "both" => (code === codes.boundLower ? "lower" : code === codes.boundUpper ? "upper" : "both");
  return {
    rows: Int32Array.from(iis.rowIndex).sort(),
    columns: Int32Array.from(order, (k) => iis.colIndex[k]!),
    columnBounds: order.map((k) => side(iis.colBound[k]!)),
  };
}

interface MipEventData {
  readonly mip_primal_bound?: number;
  readonly mip_dual_bound?: number;
  readonly mip_gap?: number;
  readonly mip_node_count?: bigint;
  readonly mip_solution?: Float64Array<ArrayBuffer>;
}

/** What a HiGHS run left behind when it threw: the last incumbent and bound it reported. */
interface RunMemory {
  incumbent: Float64Array<ArrayBuffer> | null;
  lastBound: number | null;
}

/** The sizes of a model, for messages. */
function describeSize(model: LinearModel): string {
  return `${model.columnCount} columns, ${model.rowCount} rows, ${model.coefficients.length} nonzeros, estimated ${Math.round(estimateHighsBytes(model) / 1024 ** 2)} MiB`;
}

/**
 * Solves a linear model with HiGHS on the calling thread. The thread is blocked while HiGHS runs: a
 * `signal` is only seen if it is already aborted, or through `cancelFlag` set by another thread (see
 * `solveLinearModel` with `offThread`).
 *
 * Statuses: `optimal` (gap ≤ 1e-6), `feasible` (stopped at `mipRelativeGap` with that gap), `infeasible`,
 * `unbounded` (no values), `timeLimit` and `aborted` (the best solution found, if any, and HiGHS' bound and gap).
 *
 * When HiGHS itself fails mid-solve (its WebAssembly aborts, e.g. out of memory despite the estimate), the
 * failure never escapes as a raw `RuntimeError`: with an incumbent reported before, the result is that
 * incumbent with status `aborted` and {@link LinearResult.failure} saying why; without one, a `SolverError`.
 * The runtime is then discarded and the next solve loads a fresh one.
 * @param model - the linear model
 * @param options - time limit, gap, progress callback (on HiGHS' MIP log and improving-solution events, and at
 *   most every 0.25 s from its interrupt checks), `onIncumbent` (each improving MIP solution), warm start
 *   (`initialSolution`, HiGHS' first incumbent), cancel flag
 * @returns the status, objective, bound, gap and column values
 * @throws SolverError when the model is too large for WebAssembly's heap (see {@link assertHighsFits}), or HiGHS
 *   fails before reporting any solution (naming the model's sizes and HiGHS' error)
 */
export async function solveWithHighs(model: LinearModel, options: LinearSolveOptions = {}): Promise<LinearResult> {
  const started = performance.now();
  assertHighsFits(model);
  const highs: Highs = await loadHighs();
  const elapsed = (): number => (performance.now() - started) / 1000;
  if (isCancelled(options)) return abortedResult("highs", elapsed());
  const memory: RunMemory = { incumbent: null, lastBound: null };
  try {
    return runHighs(highs, model, options, elapsed, memory);
  } catch (error) {
    if (error instanceof SolverError) throw error;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    discardHighs(); // whatever failed, the next solve starts from a fresh runtime (an aborted one refuses every call)
    const incumbent = memory.incumbent;
    if (incumbent !== null && checkLinearSolution(model, incumbent) === null) {
      const objective = modelObjective(model, incumbent);
      return {
        status: "aborted",
        objective,
        bound: memory.lastBound,
        gap: relativeGap(objective, memory.lastBound),
        values: incumbent,
        solver: "highs",
        seconds: elapsed(),
        failure: `HiGHS failed after ${elapsed().toFixed(1)} s (${text}); this is the best solution it had found`,
      };
    }
    throw new SolverError(`HiGHS failed after ${elapsed().toFixed(1)} s on the model (${describeSize(model)}) before finding a solution: ${text}`);
  }
}

/** One HiGHS run; throws whatever HiGHS throws, leaving the last incumbent and bound in `memory`. */
function runHighs(highs: Highs, model: LinearModel, options: LinearSolveOptions, elapsed: () => number, memory: RunMemory): LinearResult {
  const isMip = model.integer.some((flag) => flag === 1);
  const instance = createHighsModel(highs, model, model.objective, isMip);
  let interrupted = false;
  let healthy = true;
  try {
    instance.options.set({ output_flag: false, mip_rel_gap: options.mipRelativeGap ?? 0 });
    if (options.timeLimitSeconds !== undefined && Number.isFinite(options.timeLimitSeconds)) {
      instance.options.set("time_limit", Math.max(0, options.timeLimitSeconds));
    }
    if (options.initialSolution !== undefined) instance.setSolution({ colValue: options.initialSolution });
    // HiGHS may drop its incumbent when interrupted mid-restart: keep the last one and the last bound it reported.
    const remember = (data: MipEventData): void => {
      memory.lastBound = finiteOrNull(data.mip_dual_bound) ?? memory.lastBound;
    };
    let lastReport = -Infinity;
    const report = (data: MipEventData): void => {
      remember(data);
      if (!options.onProgress) return;
      const progress: SolveProgress = {
        elapsedSeconds: elapsed(),
        objective: finiteOrNull(data.mip_primal_bound),
        bound: finiteOrNull(data.mip_dual_bound),
        gap: finiteOrNull(data.mip_gap),
        nodes: data.mip_node_count === undefined ? null : Number(data.mip_node_count),
      };
      lastReport = progress.elapsedSeconds;
      options.onProgress(progress);
    };
    const stopIfCancelled = (event: { interrupt(): void }): void => {
      if (isCancelled(options)) {
        interrupted = true;
        event.interrupt();
      }
    };
    const callbacks = {
      [highs.constants.callbackType.mipInterrupt]: (event: { data: MipEventData; interrupt(): void }) => {
        stopIfCancelled(event);
        remember(event.data);
        if (options.onProgress && elapsed() - lastReport >= PROGRESS_INTERVAL_SECONDS) report(event.data);
      },
      [highs.constants.callbackType.simplexInterrupt]: stopIfCancelled,
      [highs.constants.callbackType.ipmInterrupt]: stopIfCancelled,
      [highs.constants.callbackType.mipLogging]: (event: { data: MipEventData }) => report(event.data),
      [highs.constants.callbackType.mipImprovingSolution]: (event: { data: MipEventData }) => {
        const solution = event.data.mip_solution;
        if (solution?.length === model.columnCount) {
          memory.incumbent = solution;
          remember(event.data);
          options.onIncumbent?.(Float64Array.from(solution), memory.lastBound);
        }
        report(event.data);
      },
    };
    try {
      instance.run(callbacks as Parameters<typeof instance.run>[0]);
    } catch (error) {
      healthy = !(error instanceof WebAssembly.RuntimeError);
      throw error;
    }
    const code = instance.getModelStatus();
    const codes = highs.constants.modelStatus;
    const hasPrimal = Number(instance.info.get("primal_solution_status")) === 2;
    let values = hasPrimal ? Float64Array.from(instance.getSolution().colValue) : null;
    let objective = values ? instance.getObjectiveValue() : null;
    let bound: number | null;
    if (isMip) bound = finiteOrNull(instance.info.get("mip_dual_bound")) ?? memory.lastBound;
    else bound = code === codes.optimal ? objective : null;
    let gap = isMip ? (objective === null ? null : finiteOrNull(instance.info.get("mip_gap"))) : code === codes.optimal ? 0 : null;
    const stoppedEarly = code === codes.timeLimit || code === codes.interrupted;
    const incumbent = memory.incumbent;
    if (isMip && stoppedEarly && values === null && incumbent !== null && checkLinearSolution(model, incumbent) === null) {
      values = incumbent;
      objective = modelObjective(model, incumbent);
      gap = relativeGap(objective, bound);
    }
    const nodesInfo = isMip ? instance.info.get("mip_node_count") : undefined;
    let status: SolveStatus;
    switch (code) {
      case codes.optimal:
        status = gap === null || gap <= OPTIMAL_GAP ? "optimal" : "feasible";
        break;
      case codes.infeasible:
        status = "infeasible";
        break;
      case codes.unboundedOrInfeasible:
        status = resolveInfeasibleOrUnbounded(highs, instance, model, isMip);
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
    if (status === "infeasible" || status === "unbounded") {
      values = null;
      objective = null;
      bound = null;
    }
    const conflict = status === "infeasible" && !isMip && options.explainInfeasibility === true ? findConflict(highs, instance) : undefined;
    return {
      status,
      objective,
      bound: status === "optimal" ? objective : bound,
      gap: status === "optimal" ? 0 : objective === null ? null : gap,
      values,
      solver: "highs",
      seconds: elapsed(),
      ...(nodesInfo === undefined ? {} : { nodes: Number(nodesInfo) }),
      ...(conflict === undefined ? {} : { conflict }),
    };
  } finally {
    // An aborted module refuses every call, dispose included; never let that hide the error that stopped HiGHS.
    if (healthy) {
      try {
        instance.dispose();
      } catch {
        discardHighs();
      }
    }
  }
}
