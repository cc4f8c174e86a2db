/**
 * The javascript-lp-solver backend: a dense-tableau simplex with branch and bound, in plain JavaScript. Fast to
 * start and fine for small models; see `chooseBackend` for where `auto` uses it.
 * @module
 */
import { SolverError } from "../errors.ts";
import type { SolveStatus } from "../solution.ts";
import { type JsLpConstraintBound, type JsLpModel, runJsLpSolver } from "./jsLpSolverRuntime.ts";
import type { LinearModel } from "./linearModel.ts";
import { abortedResult, isCancelled } from "./cancel.ts";
import { checkLinearSolution, modelObjective, snapIntegers } from "./linearSolution.ts";
import type { LinearResult, LinearSolveOptions } from "./options.ts";

const OBJECTIVE = "objective";
const columnName = (c: number): string => `c${c}`;

/**
 * Upper bounds implied by rows `Σ a x ≤ U` whose coefficients are all ≥ 0 over columns with lower bounds ≥ 0:
 * each such column is at most `U / a`. A column bound no tighter than this needs no constraint of its own, which
 * keeps javascript-lp-solver's dense tableau small (in a p-median, `x[i][j] ≤ 1` follows from `Σ_j x[i][j] = 1`).
 */
function impliedUpperBounds(model: LinearModel): Float64Array {
  const implied = new Float64Array(model.columnCount).fill(Infinity);
  for (let r = 0; r < model.rowCount; r++) {
    const upper = model.rowUpper[r]!;
    if (!Number.isFinite(upper)) continue;
    const start = model.rowStarts[r]!;
    const end = model.rowStarts[r + 1]!;
    let usable = true;
    for (let k = start; k < end && usable; k++) {
      usable = model.coefficients[k]! >= 0 && model.columnLower[model.columnIndices[k]!]! >= 0;
    }
    if (!usable) continue;
    for (let k = start; k < end; k++) {
      const a = model.coefficients[k]!;
      if (a <= 0) continue;
      const c = model.columnIndices[k]!;
      implied[c] = Math.min(implied[c]!, upper / a);
    }
  }
  return implied;
}

function rowBound(lower: number, upper: number): JsLpConstraintBound | null {
  if (lower === upper) return { equal: lower };
  const lowerFinite = Number.isFinite(lower);
  const upperFinite = Number.isFinite(upper);
  if (lowerFinite && upperFinite) return { min: lower, max: upper };
  if (lowerFinite) return { min: lower };
  if (upperFinite) return { max: upper };
  return null;
}

/**
 * Converts a linear model to javascript-lp-solver's JSON format: column c is variable `c<c>`, row r is constraint
 * `r<r>`, and column bounds other than the default `x ≥ 0` become constraints `lower<c>` / `upper<c>` / `fixed<c>`
 * (upper bounds implied by other rows are left out). Returns null when a bound or an empty row makes the model
 * infeasible on its face.
 * @param model - the linear model
 * @param options - time limit and gap, passed as its `timeout` (milliseconds) and `tolerance`
 */
export function toJsLpModel(model: LinearModel, options: LinearSolveOptions = {}): JsLpModel | null {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, JsLpConstraintBound> = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};
  const implied = impliedUpperBounds(model);
  for (let c = 0; c < model.columnCount; c++) {
    const name = columnName(c);
    const lower = model.columnLower[c]!;
    const upper = model.columnUpper[c]!;
    if (lower > upper) return null;
    const variable: Record<string, number> = { [OBJECTIVE]: model.objective[c]! };
    variables[name] = variable;
    if (model.integer[c] === 1) ints[name] = 1;
    if (lower < 0) unrestricted[name] = 1;
    if (lower === upper) {
      constraints[`fixed${c}`] = { equal: lower };
      variable[`fixed${c}`] = 1;
      continue;
    }
    if (lower !== 0 && Number.isFinite(lower)) {
      constraints[`lower${c}`] = { min: lower };
      variable[`lower${c}`] = 1;
    }
    if (Number.isFinite(upper) && !(implied[c]! <= upper)) {
      constraints[`upper${c}`] = { max: upper };
      variable[`upper${c}`] = 1;
    }
  }
  for (let r = 0; r < model.rowCount; r++) {
    const lower = model.rowLower[r]!;
    const upper = model.rowUpper[r]!;
    const start = model.rowStarts[r]!;
    const end = model.rowStarts[r + 1]!;
    if (start === end) {
      if (lower > 1e-9 || upper < -1e-9) return null;
      continue;
    }
    const bound = rowBound(lower, upper);
    if (bound === null) continue;
    const name = `r${r}`;
    constraints[name] = bound;
    for (let k = start; k < end; k++) variables[columnName(model.columnIndices[k]!)]![name] = model.coefficients[k]!;
  }
  const timeout =
    options.timeLimitSeconds !== undefined && Number.isFinite(options.timeLimitSeconds)
      ? Math.max(1, Math.round(options.timeLimitSeconds * 1000))
      : undefined;
  return {
    optimize: OBJECTIVE,
    opType: model.sense === "maximize" ? "max" : "min",
    constraints,
    variables,
    ints,
    unrestricted,
    options: { tolerance: options.mipRelativeGap ?? 0, ...(timeout === undefined ? {} : { timeout }) },
  };
}

function emptyResult(status: SolveStatus, seconds: number): LinearResult {
  return { status, objective: null, bound: null, gap: null, values: null, solver: "javascript-lp-solver", seconds };
}

/**
 * Solves a linear model with javascript-lp-solver on the calling thread (blocking it).
 *
 * Statuses, honestly: javascript-lp-solver reports no proven bound, so a search it cut short is never `optimal`.
 * - `optimal` (bound = objective, gap 0): an LP, or a MIP whose branch and bound ran to the end with
 *   `mipRelativeGap` 0 within `timeLimitSeconds`.
 * - `timeLimit` (bound and gap null): a MIP solve that ran as long as `timeLimitSeconds`, whether or not it
 *   stopped early (it does not say), with the best integer solution found, if any.
 * - `feasible` (bound and gap null): a MIP solved with `mipRelativeGap` > 0, which may stop at any integer
 *   solution it judges close enough by its own estimate.
 * - `infeasible`, `unbounded`: as it found; `aborted` only for a signal or cancel flag set before the start.
 *
 * Its `timeout` applies to branch and bound only: an LP always runs to the end. There is no progress callback.
 * The column values are checked against every row and bound (tolerance 1e-6, relative to the bound's size) and
 * integer columns are rounded to the nearest integer; the objective is recomputed from them.
 * @param model - the linear model
 * @param options - `timeLimitSeconds` (its `timeout`), `mipRelativeGap` (its `tolerance`), `signal` and
 *   `cancelFlag` (seen only before the start); `initialSolution` and `onProgress` are not used
 * @returns the status, objective and column values; bound and gap only where optimality is proven
 * @throws SolverError when it returns a solution that violates the model
 */
export async function solveWithJsLpSolver(model: LinearModel, options: LinearSolveOptions = {}): Promise<LinearResult> {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  if (isCancelled(options)) return abortedResult("javascript-lp-solver", elapsed());
  const json = toJsLpModel(model, options);
  if (json === null) return emptyResult("infeasible", elapsed());
  const isMip = model.integer.some((flag) => flag === 1);
  const solveStarted = performance.now();
  const raw = runJsLpSolver(json);
  const solveMilliseconds = performance.now() - solveStarted;
  const ranOutOfTime = isMip && json.options.timeout !== undefined && solveMilliseconds >= json.options.timeout;
  if (raw.bounded === false) return emptyResult("unbounded", elapsed());
  if (!raw.feasible || (isMip && raw.isIntegral !== true)) {
    return emptyResult(ranOutOfTime ? "timeLimit" : "infeasible", elapsed());
  }
  const values = new Float64Array(model.columnCount);
  for (let c = 0; c < model.columnCount; c++) {
    const value = raw[columnName(c)];
    values[c] = typeof value === "number" ? value : 0;
  }
  snapIntegers(model, values);
  const violation = checkLinearSolution(model, values);
  if (violation !== null) throw new SolverError(`javascript-lp-solver returned a solution that violates the model: ${violation}`);
  const objective = modelObjective(model, values);
  let status: SolveStatus = "optimal";
  if (ranOutOfTime) status = "timeLimit";
  else if (isMip && json.options.tolerance > 0) status = "feasible";
  const proven = status === "optimal";
  return {
    status,
    objective,
    bound: proven ? objective : null,
    gap: proven ? 0 : null,
    values,
    solver: "javascript-lp-solver",
    seconds: elapsed(),
  };
}
