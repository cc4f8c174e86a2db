/**
 * The javascript-lp-solver backend: a dense-tableau simplex with branch and bound, in plain JavaScript. Fast to
 * start and fine for small models; see `chooseBackend` for where `auto` uses it.
 * @module
 */
import { SolverError } from "../errors.ts";
import type { SolveStatus } from "../solution.ts";
import { type JsLpConstraintBound, type JsLpModel, type JsLpResult, runJsLpSolver } from "./jsLpSolverRuntime.ts";
import type { LinearModel } from "./linearModel.ts";
import { abortedResult, isCancelled } from "./cancel.ts";
import { checkLinearSolution, modelObjective, snapIntegers } from "./linearSolution.ts";
import type { LinearResult, LinearSolveOptions } from "./options.ts";

const OBJECTIVE = "objective";
const INTEGRALITY_TOLERANCE = 1e-9;

/** How column c of the model is written in javascript-lp-solver's variables, all ≥ 0. */
const ColumnForm = {
  /** x = constant + v (a finite lower bound). */
  Shifted: 0,
  /** x = constant − v (no lower bound, a finite upper bound). */
  Mirrored: 1,
  /** x = v⁺ − v⁻ (free). */
  Split: 2,
  /** x = constant (equal bounds): no variable. */
  Fixed: 3,
} as const;

/** A linear model in javascript-lp-solver's JSON format, and how to read column values back from its variables. */
interface Conversion {
  readonly json: JsLpModel;
  readonly forms: Uint8Array;
  readonly constants: Float64Array;
}

const plusName = (c: number): string => `c${c}`;
const minusName = (c: number): string => `c${c}minus`;

/**
 * Converts a linear model to javascript-lp-solver's JSON format, every variable ≥ 0 (its `unrestricted`
 * variables are avoided: version 1.0.3 returns 0 instead of −3 for `min x, −3 ≤ x ≤ 0` with them). Column c
 * becomes `c<c>` = x − lower (or upper − x without a lower bound, or `c<c>` − `c<c>minus` when free; fixed
 * columns become constants); integer columns' bounds are rounded inwards first. Row r becomes constraint `r<r>`
 * with its bounds moved by the constants; finite upper bounds become constraints `upper<c>`, except those implied
 * by a row `Σ a v ≤ U` with every coefficient ≥ 0 (v ≤ U / a), which keeps its dense tableau small (in a p-median,
 * `x[i][j] ≤ 1` follows from `Σ_j x[i][j] = 1`). Returns null when bounds or an empty row make the model
 * infeasible on its face.
 */
function convert(model: LinearModel, options: LinearSolveOptions): Conversion | null {
  const { columnCount, rowCount } = model;
  const forms = new Uint8Array(columnCount);
  const constants = new Float64Array(columnCount);
  const widths = new Float64Array(columnCount);
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, JsLpConstraintBound> = {};
  const ints: Record<string, 1> = {};
  for (let c = 0; c < columnCount; c++) {
    let lower = model.columnLower[c]!;
    let upper = model.columnUpper[c]!;
    const integer = model.integer[c] === 1;
    if (integer) {
      lower = Math.ceil(lower - INTEGRALITY_TOLERANCE);
      upper = Math.floor(upper + INTEGRALITY_TOLERANCE);
    }
    if (lower > upper) return null;
    const cost = model.objective[c]!;
    if (lower === upper) {
      forms[c] = ColumnForm.Fixed;
      constants[c] = lower;
      continue;
    }
    if (Number.isFinite(lower)) {
      forms[c] = ColumnForm.Shifted;
      constants[c] = lower;
      widths[c] = upper - lower;
      variables[plusName(c)] = { [OBJECTIVE]: cost };
    } else if (Number.isFinite(upper)) {
      forms[c] = ColumnForm.Mirrored;
      constants[c] = upper;
      widths[c] = Infinity;
      variables[plusName(c)] = { [OBJECTIVE]: -cost };
    } else {
      forms[c] = ColumnForm.Split;
      widths[c] = Infinity;
      variables[plusName(c)] = { [OBJECTIVE]: cost };
      variables[minusName(c)] = { [OBJECTIVE]: -cost };
      if (integer) ints[minusName(c)] = 1;
    }
    if (integer) ints[plusName(c)] = 1;
  }
  const implied = new Float64Array(columnCount).fill(Infinity);
  for (let r = 0; r < rowCount; r++) {
    const start = model.rowStarts[r]!;
    const end = model.rowStarts[r + 1]!;
    let moved = 0;
    let variableEntries = 0;
    let allNonnegative = true;
    for (let k = start; k < end; k++) {
      const c = model.columnIndices[k]!;
      const a = model.coefficients[k]!;
      moved += forms[c] === ColumnForm.Split ? 0 : a * constants[c]!;
      if (forms[c] === ColumnForm.Fixed || a === 0) continue;
      variableEntries++;
      if (forms[c] === ColumnForm.Split || (forms[c] === ColumnForm.Mirrored ? -a : a) < 0) allNonnegative = false;
    }
    const lower = model.rowLower[r]! - moved;
    const upper = model.rowUpper[r]! - moved;
    if (variableEntries === 0) {
      if (lower > 1e-9 * Math.max(1, Math.abs(lower)) || upper < -1e-9 * Math.max(1, Math.abs(upper))) return null;
      continue;
    }
    const bound = rowBound(lower, upper, model.rowLower[r] === model.rowUpper[r]);
    if (bound === null) continue;
    const name = `r${r}`;
    constraints[name] = bound;
    for (let k = start; k < end; k++) {
      const c = model.columnIndices[k]!;
      const a = model.coefficients[k]!;
      if (forms[c] === ColumnForm.Fixed || a === 0) continue;
      variables[plusName(c)]![name] = forms[c] === ColumnForm.Mirrored ? -a : a;
      if (forms[c] === ColumnForm.Split) variables[minusName(c)]![name] = -a;
      if (allNonnegative && Number.isFinite(upper)) implied[c] = Math.min(implied[c]!, upper / a);
    }
  }
  for (let c = 0; c < columnCount; c++) {
    const width = widths[c]!;
    if (forms[c] !== ColumnForm.Shifted || !Number.isFinite(width) || implied[c]! <= width) continue;
    constraints[`upper${c}`] = { max: width };
    variables[plusName(c)]![`upper${c}`] = 1;
  }
  const timeout =
    options.timeLimitSeconds !== undefined && Number.isFinite(options.timeLimitSeconds)
      ? Math.max(1, Math.round(options.timeLimitSeconds * 1000))
      : undefined;
  const json: JsLpModel = {
    optimize: OBJECTIVE,
    opType: model.sense === "maximize" ? "max" : "min",
    constraints,
    variables,
    ints,
    unrestricted: {},
    options: { tolerance: options.mipRelativeGap ?? 0, ...(timeout === undefined ? {} : { timeout }) },
  };
  return { json, forms, constants };
}

function rowBound(lower: number, upper: number, equal: boolean): JsLpConstraintBound | null {
  if (equal) return { equal: lower };
  const lowerFinite = Number.isFinite(lower);
  const upperFinite = Number.isFinite(upper);
  if (lowerFinite && upperFinite) return { min: lower, max: upper };
  if (lowerFinite) return { min: lower };
  if (upperFinite) return { max: upper };
  return null;
}

/**
 * Converts a linear model to javascript-lp-solver's JSON format (all variables ≥ 0; bounds shifted into the rows;
 * finite upper bounds as constraints unless implied by a row). Returns null when bounds or an empty row make the
 * model infeasible on its face.
 * @param model - the linear model
 * @param options - time limit and gap, passed as its `timeout` (milliseconds) and `tolerance`
 */
export function toJsLpModel(model: LinearModel, options: LinearSolveOptions = {}): JsLpModel | null {
  return convert(model, options)?.json ?? null;
}

function readValues(conversion: Conversion, raw: JsLpResult): Float64Array {
  const { forms, constants } = conversion;
  const values = new Float64Array(forms.length);
  const read = (name: string): number => {
    const value = raw[name];
    return typeof value === "number" ? value : 0;
  };
  for (let c = 0; c < forms.length; c++) {
    switch (forms[c]) {
      case ColumnForm.Shifted:
        values[c] = constants[c]! + read(plusName(c));
        break;
      case ColumnForm.Mirrored:
        values[c] = constants[c]! - read(plusName(c));
        break;
      case ColumnForm.Split:
        values[c] = read(plusName(c)) - read(minusName(c));
        break;
      default:
        values[c] = constants[c]!;
    }
  }
  return values;
}

function emptyResult(status: SolveStatus, seconds: number): LinearResult {
  return { status, objective: null, bound: null, gap: null, values: null, solver: "javascript-lp-solver", seconds };
}

/**
 * javascript-lp-solver's simplex cycled or stalled on a degenerate model, so its answer is missing or unreliable.
 * `solveLinearModel` with `solver: "auto"` then solves the model with HiGHS instead.
 */
export class JsLpSolverStall extends SolverError {}

/** A simplex phase with more pivots than `PIVOTS_PER_LINE × (rows + columns) + PIVOT_ALLOWANCE` has stalled. */
const PIVOTS_PER_LINE = 50;
const PIVOT_ALLOWANCE = 1000;
/** The deadline and cancel flag are read every this many pivots. */
const CHECK_EVERY_PIVOTS = 16;

/** Thrown from the pivot watch to stop javascript-lp-solver. */
class StopSolve {
  constructor(readonly reason: "deadline" | "cancelled" | "stalled", readonly pivots: number) {}
}

/**
 * Solves a linear model with javascript-lp-solver on the calling thread (blocking it).
 *
 * Statuses, honestly: javascript-lp-solver reports no proven bound, so a search it cut short is never `optimal`.
 * - `optimal` (bound = objective, gap 0): an LP, or a MIP whose branch and bound ran to the end with
 *   `mipRelativeGap` 0 within `timeLimitSeconds`.
 * - `timeLimit` (bound and gap null): a solve that ran as long as `timeLimitSeconds`, whether or not it stopped
 *   early (it does not say), with the best integer solution found, if any. Its own `timeout` is checked only
 *   between branch-and-bound nodes; a hard deadline a little later (10% + 0.25 s; exactly the limit for an LP)
 *   stops it inside the simplex too, without a solution.
 * - `feasible` (bound and gap null): a MIP solved with `mipRelativeGap` > 0, which may stop at any integer
 *   solution it judges close enough by its own estimate.
 * - `infeasible`, `unbounded`: as it found.
 * - `aborted` (no solution): `signal` aborted before the start, or `cancelFlag` set (read during the simplex,
 *   so a worker stops promptly).
 *
 * There is no progress callback and no warm start. The column values are checked against every row and bound
 * (tolerance 1e-6, relative to the bound's size) and integer columns are rounded to the nearest integer; the
 * objective is recomputed from them.
 * @param model - the linear model
 * @param options - `timeLimitSeconds` (its `timeout`), `mipRelativeGap` (its `tolerance`), `signal`,
 *   `cancelFlag`; `initialSolution` and `onProgress` are not used
 * @returns the status, objective and column values; bound and gap only where optimality is proven
 * @throws JsLpSolverStall (a SolverError) when its simplex cycles or stalls (more than 50 × (rows + columns) +
 *   1000 pivots in one phase), which it can do on degenerate models, so that its answer cannot be trusted
 * @throws SolverError when it returns a solution that violates the model
 */
export async function solveWithJsLpSolver(model: LinearModel, options: LinearSolveOptions = {}): Promise<LinearResult> {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  if (isCancelled(options)) return abortedResult("javascript-lp-solver", elapsed());
  const conversion = convert(model, options);
  if (conversion === null) return emptyResult("infeasible", elapsed());
  const json = conversion.json;
  // Integer columns fixed by their bounds become constants: what counts is whether any integer variable is left.
  const isMip = Object.keys(json.ints).length > 0;
  const timeout = json.options.timeout;
  const deadline = timeout === undefined ? Infinity : started + (isMip ? timeout * 1.1 + 250 : timeout);
  const solveStarted = performance.now();
  let outcome: ReturnType<typeof runJsLpSolver>;
  try {
    outcome = runJsLpSolver(json, (pivots, rows, columns) => {
      if (pivots > PIVOTS_PER_LINE * (rows + columns) + PIVOT_ALLOWANCE) throw new StopSolve("stalled", pivots);
      if (pivots % CHECK_EVERY_PIVOTS !== 0) return;
      if (performance.now() > deadline) throw new StopSolve("deadline", pivots);
      if (isCancelled(options)) throw new StopSolve("cancelled", pivots);
    });
  } catch (error) {
    if (!(error instanceof StopSolve)) throw error;
    if (error.reason === "deadline") return emptyResult("timeLimit", elapsed());
    if (error.reason === "cancelled") return abortedResult("javascript-lp-solver", elapsed());
    throw new JsLpSolverStall(
      `javascript-lp-solver stalled: ${error.pivots} simplex pivots in one phase without finishing ` +
        `(its simplex cycles on some degenerate models); use solver "highs"`,
    );
  }
  if (outcome.cycled) {
    throw new JsLpSolverStall(
      'javascript-lp-solver detected a cycle in its simplex and may have cut off feasible branches; use solver "highs"',
    );
  }
  const raw = outcome.result;
  const solveMilliseconds = performance.now() - solveStarted;
  // javascript-lp-solver times itself with Date.now() (whole milliseconds): a stop at its timeout can read up to
  // about 2 ms short here, and must not be taken for a proof of infeasibility.
  const ranOutOfTime = isMip && timeout !== undefined && solveMilliseconds >= timeout - 2;
  if (raw.bounded === false) return emptyResult("unbounded", elapsed());
  if (!raw.feasible || (isMip && raw.isIntegral !== true)) {
    return emptyResult(ranOutOfTime ? "timeLimit" : "infeasible", elapsed());
  }
  const values = readValues(conversion, raw);
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
