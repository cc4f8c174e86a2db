/**
 * The least worst-case regret over scenarios (min–max regret; Kouvelis & Yu 1997, *Robust Discrete Optimization
 * and Its Applications*, ch. 1; for location, Daskin, Hesse & ReVelle 1997, "α-reliable p-minimax regret",
 * *Location Science* 5(4)). The regret of a plan x under scenario s is C_s(x) − V_s: its discounted cost (or
 * weighted mean minutes) under s, less V_s, the value of the best plan found for s alone
 * ({@link solveScenariosAlone}); the plan minimises max_s of it.
 *
 * Jointly, the multi-year MIP ({@link buildMultiYearModel}) gets one more column R and a row per scenario
 * ```
 * minimise  R
 * s.t.      every row of the multi-year model
 *           C_s(x) − R ≤ V_s                     for every scenario s   (R ≥ the regret of every scenario)
 * ```
 * where C_s(x) is the model's objective with the copies of scenario s alone (divided by p_s) and the shared
 * classrooms and beds; then, with R fixed at most its value, the expected objective is minimised from the plan
 * found (so that among the plans of least worst regret the cheapest on average is kept). Scenario by scenario,
 * the scenarios' own schedules are tried on every scenario and the one of least worst regret is kept; its bound
 * is max_s (L_s − V_s) with L_s the proven bound of scenario s alone (no plan has a regret below it).
 *
 * V_s is the best plan found for s; where it is not proven optimal (L_s < V_s) the true regret C_s(x) − C*_s may
 * be larger than the regret reported, by at most V_s − L_s.
 * @module
 */
import type { LinearModel } from "../../solvers/linearModel.ts";
import type { SolveStatus } from "../../solution.ts";
import type { PlanDecisions } from "../heuristic/decisions.ts";
import { decodePlanValues } from "../solve/modelValues.ts";
import { solveLinearModel } from "../../solvers/solve.ts";
import { buildMultiYearModel, type CopyInput, type MultiYearModel } from "./yearModel.ts";
import type { YearWeight } from "./yearOptions.ts";
import { yearPlansFromDecisions } from "./yearPlans.ts";
import { expectedObjective, polishBest, solveScenariosAlone, TRIAL_SHARE, tryScenarioSchedules, type ScenariosAlone, type YearsSolve, type YearsSolveSettings } from "./solveYears.ts";

/** The share of the time the scenarios' own MIPs get; the regret MIP or the trials get the rest. */
const SCENARIO_SHARE = 0.4;
/** Of the rest, the share the joint regret MIP gets; the tie-break re-solve gets what is left. */
const REGRET_SHARE = 0.8;

/** One scenario's regret. */
export interface ScenarioRegret {
  /** The scenario id. */
  readonly scenario: string;
  /** The plan's discounted cost (or weighted mean minutes) under it: Σ_t w_t × the year's figure. */
  readonly value: number;
  /** V_s: the value of the best plan found for the scenario alone. */
  readonly reference: number;
  /** The proven bound on the scenario's own optimum, or null. */
  readonly referenceBound: number | null;
  /** value − reference. */
  readonly regret: number;
}

/** A solve of the years for the least worst regret: the solve and the references V_s and their bounds. */
export interface RegretSolve extends YearsSolve {
  /** Per scenario, V_s (null where no plan was found for it alone). */
  readonly references: readonly (number | null)[];
  /** Per scenario, the proven bound of its own optimum (null where none). */
  readonly referenceBounds: readonly (number | null)[];
}

/**
 * Each scenario's value Σ_t w_t × the year's figure, from decisions by year then scenario.
 * @param copies - by year then scenario
 * @param decisions - by year then scenario
 */
export function scenarioValues(copies: readonly (readonly CopyInput[])[], decisions: PlanDecisions[][], weights: readonly YearWeight[], objective: YearsSolveSettings["objective"]): number[] {
  const plans = yearPlansFromDecisions(copies.map((row) => row.map((c) => c.context)), decisions).plans;
  return copies[0]!.map((_, s) => expectedObjective(plans.map((row) => [row[s]!]), weights, [1], objective));
}

/**
 * The regret model: the multi-year model with the column R, the rows C_s(x) − R ≤ V_s, and the objective R.
 * @param model - the multi-year model of every year and scenario
 * @param probabilities - the scenarios' probabilities it was built with
 * @param references - V_s per scenario
 * @returns the model and R's column
 */
export function regretModel(model: MultiYearModel, probabilities: readonly number[], references: readonly number[]): { linear: LinearModel; regretColumn: number } {
  const { linear, copies, objectiveScale } = model;
  const S = probabilities.length;
  const n = linear.columnCount;
  // Which scenario each column's cost belongs to (−1: shared classrooms and beds, counted in every scenario).
  const owner = new Int32Array(n).fill(-1);
  const offsets = new Float64Array(S);
  for (const row of copies) for (const copy of row) {
    owner.fill(copy.s, copy.columnOffset, copy.columnOffset + copy.model.linear.columnCount);
    offsets[copy.s] += ((copy.model.objectiveOffset + copy.model.linear.offset * copy.model.objectiveScale) * copy.weight) / probabilities[copy.s]!;
  }
  const rowEntries: { columns: number[]; values: number[] }[] = Array.from({ length: S }, () => ({ columns: [], values: [] }));
  for (let c = 0; c < n; c++) {
    const cost = linear.objective[c]!;
    if (cost === 0) continue;
    if (owner[c]! >= 0) {
      rowEntries[owner[c]!]!.columns.push(c);
      rowEntries[owner[c]!]!.values.push(cost / probabilities[owner[c]!]!);
    } else {
      for (const entry of rowEntries) {
        entry.columns.push(c);
        entry.values.push(cost);
      }
    }
  }
  const R = n;
  let nonzeros = linear.coefficients.length;
  for (const entry of rowEntries) nonzeros += entry.columns.length + 1;
  const columnIndices = new Int32Array(nonzeros);
  const coefficients = new Float64Array(nonzeros);
  columnIndices.set(linear.columnIndices);
  coefficients.set(linear.coefficients);
  const rowStarts = new Int32Array(linear.rowCount + S + 1);
  rowStarts.set(linear.rowStarts);
  const rowLower = new Float64Array(linear.rowCount + S);
  const rowUpper = new Float64Array(linear.rowCount + S);
  rowLower.set(linear.rowLower);
  rowUpper.set(linear.rowUpper);
  let k = linear.coefficients.length;
  rowEntries.forEach((entry, s) => {
    for (let e = 0; e < entry.columns.length; e++) {
      columnIndices[k] = entry.columns[e]!;
      coefficients[k++] = entry.values[e]!;
    }
    columnIndices[k] = R;
    coefficients[k++] = -1;
    rowLower[linear.rowCount + s] = -Infinity;
    // In the model's units: (V_s − the scenario's constant) ÷ the objective scale.
    rowUpper[linear.rowCount + s] = (references[s]! - offsets[s]!) / objectiveScale;
    rowStarts[linear.rowCount + s + 1] = k;
  });
  const objective = new Float64Array(n + 1);
  objective[R] = 1;
  const extend = <A extends Float64Array | Uint8Array>(values: A, last: number, make: (length: number) => A): A => {
    const out = make(n + 1);
    out.set(values);
    out[n] = last;
    return out;
  };
  return {
    regretColumn: R,
    linear: {
      sense: "minimize",
      columnCount: n + 1,
      rowCount: linear.rowCount + S,
      objective,
      offset: 0,
      columnLower: extend(linear.columnLower, -Infinity, (l) => new Float64Array(l)),
      columnUpper: extend(linear.columnUpper, Infinity, (l) => new Float64Array(l)),
      integer: extend(linear.integer, 0, (l) => new Uint8Array(l)),
      rowLower,
      rowUpper,
      rowStarts,
      columnIndices,
      coefficients,
    },
  };
}

/** The references V_s and bounds L_s of the scenarios alone (null where a scenario has no plan). */
function referencesOf(alone: ScenariosAlone, S: number): { references: (number | null)[]; referenceBounds: (number | null)[] } {
  const references: (number | null)[] = new Array<number | null>(S).fill(null);
  for (const o of alone.own) references[o.s] = o.value;
  return { references, referenceBounds: [...alone.bounds] };
}

/**
 * Solves the years for the least worst regret (see the module documentation): the scenarios alone first, then the
 * joint regret MIP (`joint`) or the scenarios' schedules tried (`byScenario`).
 * @param copies - by year then scenario
 * @param weights - the plan years' weights
 * @param probabilities - the scenarios' probabilities (for the tie-break)
 * @param settings - solve options and time
 * @param method - `joint` or `byScenario`
 */
export async function solveLeastRegret(
  copies: readonly (readonly CopyInput[])[],
  weights: readonly YearWeight[],
  probabilities: readonly number[],
  settings: YearsSolveSettings,
  method: "joint" | "byScenario",
): Promise<RegretSolve> {
  const started = performance.now();
  const S = probabilities.length;
  const left = (): number | undefined => (settings.seconds === undefined ? undefined : Math.max(0.5, settings.seconds - (performance.now() - started) / 1000));
  const alone = await solveScenariosAlone(copies, weights, { ...settings, seconds: settings.seconds === undefined ? undefined : SCENARIO_SHARE * settings.seconds });
  const { references, referenceBounds } = referencesOf(alone, S);
  const { solver, variables, constraints } = alone;
  if (alone.end !== undefined) return { ...alone.end, references, referenceBounds };
  if (references.some((v) => v === null)) {
    // Without every V_s there is no regret to bound: stopped (nothing is proven).
    return { status: alone.stopped ?? "timeLimit", decisions: null, bound: null, method, solver, variables, constraints, references, referenceBounds };
  }
  const V = references as number[];
  if (method === "byScenario") {
    const score = (decisions: PlanDecisions[][]): number => Math.max(...scenarioValues(copies, decisions, weights, settings.objective).map((value, s) => value - V[s]!));
    const tried = await tryScenarioSchedules(copies, alone, score, { ...settings, seconds: left() === undefined ? undefined : TRIAL_SHARE * left()! });
    const { best, stopped, aborted } = tried.aborted ? tried : await polishBest(copies, tried, score, { ...settings, seconds: left() });
    const bound = referenceBounds.every((b) => b !== null) ? Math.max(...referenceBounds.map((b, s) => b! - V[s]!)) : null;
    const status: SolveStatus = aborted ? "aborted" : best === null ? "timeLimit" : alone.stopped === null && stopped === null && bound !== null && best.value - bound <= 1e-6 * Math.max(1, Math.abs(best.value)) ? "optimal" : "feasible";
    return { status, decisions: best?.decisions ?? null, bound, method, solver, variables, constraints, references, referenceBounds, ...(best === null && !aborted ? { unshared: true } : {}) };
  }
  const model = buildMultiYearModel(copies, weights, probabilities, settings.objective);
  const regret = regretModel(model, probabilities, V);
  const first = await solveLinearModel(regret.linear, {
    ...settings.solve,
    ...(settings.seconds === undefined ? {} : { timeLimitSeconds: REGRET_SHARE * left()! }),
  });
  const bound = first.bound === null ? null : first.bound * model.objectiveScale;
  const decode = (values: Float64Array): PlanDecisions[][] =>
    model.copies.map((row) => row.map((copy) => decodePlanValues(copy.model, copy.context, values.subarray(copy.columnOffset, copy.columnOffset + copy.model.linear.columnCount))));
  const statistics = { method, solver: first.solver, variables: regret.linear.columnCount, constraints: regret.linear.rowCount, references, referenceBounds, ...(first.nodes === undefined ? {} : { nodes: first.nodes }) };
  if (first.values === null || first.status === "infeasible" || first.status === "aborted") {
    return { ...statistics, status: first.status, decisions: null, bound: first.status === "infeasible" ? null : bound };
  }
  // The tie-break: the least expected objective among the plans of at most this worst regret, from the plan found.
  const worst = first.values[regret.regretColumn]!;
  const upper = Float64Array.from(regret.linear.columnUpper);
  upper[regret.regretColumn] = worst + 1e-7 * Math.max(1, Math.abs(worst));
  const objective = new Float64Array(regret.linear.columnCount);
  objective.set(model.linear.objective);
  const second = await solveLinearModel({ ...regret.linear, objective, columnUpper: upper }, {
    ...settings.solve,
    initialSolution: first.values,
    ...(settings.seconds === undefined ? {} : { timeLimitSeconds: left()! }),
  });
  const values = second.values !== null && second.status !== "infeasible" && second.status !== "aborted" ? second.values : first.values;
  return { ...statistics, status: first.status, decisions: decode(values), bound };
}
