/**
 * The multi-year plan MIP: one copy of the single-year model ({@link buildPlanModel}) per plan year and scenario,
 * side by side, tied by linking rows.
 *
 * Symbols: copy (t, s) for plan year t and scenario s with weight g_ts = w_t · p_s (w_t the discounted years the
 * plan year stands for, p_s the scenario's probability; for the travel objective g_ts is divided by Σ_t w_t);
 * y^ts_j its open column; a^ts_j, b^ts_j its added classrooms and beds; A^t_j, B^t_j the classrooms and beds the
 * plan has added at school j by year t (shared by the scenarios), U_j, V_j their largest values.
 * ```
 * minimise  Σ_ts g_ts · (copy objective without a, b) + Σ_t w_t Σ_j (classroomPerYear_j A^t_j + bedPerYear_j B^t_j)
 * s.t.      every copy's rows                                        (each year and scenario meets the norms)
 *           y^ts_j = y^t0_j                                          (one plan: the scenarios share the schools)
 *           y^t+1,0_j ≤ y^t0_j   existing j                          (a closed school stays closed)
 *           y^t0_j ≤ y^t+1,0_j   candidate j                         (a built school stays)
 *           a^ts_j ≤ A^t_j,  A^t_j ≤ U_j y^t0_j,  A^t−1_j − A^t_j ≤ U_j (1 − y^t0_j)
 *                                                                    (classrooms built stay while the school is open)
 *           the same for beds with b, B and V
 * ```
 * Build before close (先建后撤, 国办发〔2012〕48号) follows from the rows: in the year a school closes, every pupil
 * it had is assigned in that year's copies to a school open that year, and a new school that takes them is built
 * by then because it is open in that copy. A one-year, one-scenario model is the single-year model with the
 * classroom and bed costs moved to A and B.
 * @module
 */
import { LinearModelBuilder, type LinearModel } from "../../solvers/linearModel.ts";
import type { CoverageRule } from "../rules/coverageRules.ts";
import type { PlanObjective } from "../rules/options.ts";
import type { ScoringContext } from "../heuristic/score.ts";
import type { PlanModel } from "../solve/model.ts";
import type { YearWeight } from "./yearOptions.ts";

/** One year and scenario's copy of the single-year model. */
export interface YearCopy {
  /** Index of the plan year. */
  readonly t: number;
  /** Index of the scenario. */
  readonly s: number;
  /** Its weight g_ts in the objective. */
  readonly weight: number;
  readonly context: ScoringContext;
  readonly coverage: readonly CoverageRule[];
  readonly model: PlanModel;
  /** Its first column in the multi-year model. */
  readonly columnOffset: number;
}

/** The multi-year MIP and where its parts are. */
export interface MultiYearModel {
  readonly linear: LinearModel;
  /** Copies by year then scenario. */
  readonly copies: readonly (readonly YearCopy[])[];
  /** Per plan year, per school: the column of A^t_j, or −1. */
  readonly classroomsColumn: readonly Int32Array[];
  /** Per plan year, per school: the column of B^t_j, or −1. */
  readonly bedsColumn: readonly Int32Array[];
  /** The linear objective times this is the plan objective. */
  readonly objectiveScale: number;
  /** The constant part of the plan objective. */
  readonly objectiveOffset: number;
}

/** Largest objective coefficient after scaling, as in the single-year model. */
const LARGEST_COEFFICIENT = 1024;

/** A built copy before it is placed: context, coverage and its single-year model. */
export interface CopyInput {
  readonly context: ScoringContext;
  readonly coverage: readonly CoverageRule[];
  readonly model: PlanModel;
}

/**
 * Builds the multi-year MIP (see the module documentation) from the single-year copies.
 * @param copies - by plan year then scenario, each built by {@link buildPlanModel} without budget rows
 * @param weights - the plan years' weights
 * @param probabilities - the scenarios' probabilities, summing to 1
 * @param objective - what the copies minimise
 */
export function buildMultiYearModel(
  copies: readonly (readonly CopyInput[])[],
  weights: readonly YearWeight[],
  probabilities: readonly number[],
  objective: PlanObjective,
): MultiYearModel {
  const travel = objective === "travel";
  const totalWeight = weights.reduce((sum, w) => sum + w.weight, 0);
  const g = (t: number, s: number): number => (weights[t]!.weight * probabilities[s]!) / (travel ? totalWeight : 1);
  const first = copies[0]![0]!;
  const m = first.context.system.schools.length;
  const T = copies.length;
  const table = first.context.table;
  const whole = first.context.rules.wholeClasses;

  // The additions' columns of every copy (their costs move to A and B) and the largest values.
  const isAddition = copies.map((row) => row.map(({ model }) => {
    const flags = new Uint8Array(model.linear.columnCount);
    for (let j = 0; j < m; j++) {
      if (model.classroomColumn[j]! >= 0) flags[model.classroomColumn[j]!] = 1;
      if (model.bedColumn[j]! >= 0) flags[model.bedColumn[j]!] = 1;
    }
    return flags;
  }));
  // U_j: the largest classroom column; V_j: the largest bed column, capped (beds may have no limit) by the most
  // boarders any copy could send to j plus a boarding school's minimum beds.
  const maxClassrooms = new Float64Array(m);
  const maxBeds = new Float64Array(m);
  const boardersCap = new Float64Array(m);
  for (const row of copies) for (const { model, context } of row) {
    const possible = new Float64Array(m);
    for (let o = 0; o < context.choices.school.length; o++) possible[context.choices.school[o]!] += context.choices.boarders[o]!;
    for (let j = 0; j < m; j++) {
      boardersCap[j] = Math.max(boardersCap[j]!, Math.ceil(possible[j]! + context.rules.boardingSchoolMinimumBeds));
      const a = model.classroomColumn[j]!;
      if (a >= 0) maxClassrooms[j] = Math.max(maxClassrooms[j]!, model.linear.columnUpper[a]!);
      const b = model.bedColumn[j]!;
      if (b >= 0) maxBeds[j] = Math.max(maxBeds[j]!, model.linear.columnUpper[b]!);
    }
  }
  for (let j = 0; j < m; j++) maxBeds[j] = Math.min(maxBeds[j]!, boardersCap[j]!);

  // Objective coefficients in the plan's unit, then one scale for all.
  let largest = 0;
  copies.forEach((row, t) => row.forEach(({ model }, s) => {
    const { linear } = model;
    for (let c = 0; c < linear.columnCount; c++) if (isAddition[t]![s]![c] === 0) largest = Math.max(largest, Math.abs(linear.objective[c]! * model.objectiveScale * g(t, s)));
  }));
  if (!travel) {
    for (let t = 0; t < T; t++) for (let j = 0; j < m; j++) {
      if (maxClassrooms[j]! > 0) largest = Math.max(largest, table.classroomPerYear[j]! * weights[t]!.weight);
      if (maxBeds[j]! > 0) largest = Math.max(largest, table.bedPerYear[j]! * weights[t]!.weight);
    }
  }
  let scale = 1;
  while (largest / scale > LARGEST_COEFFICIENT) scale *= 2;
  while (largest > 0 && largest / scale < LARGEST_COEFFICIENT / 4 && scale > 2 ** -20) scale /= 2;

  // A copy's bed column may have no upper bound; it never needs more than V_j.
  const bedCap = copies.map((row) => row.map(({ model }) => {
    const caps = new Float64Array(model.linear.columnCount).fill(Infinity);
    for (let j = 0; j < m; j++) if (model.bedColumn[j]! >= 0) caps[model.bedColumn[j]!] = maxBeds[j]!;
    return caps;
  }));
  const builder = new LinearModelBuilder("minimize");
  let objectiveOffset = 0;
  const placed: YearCopy[][] = copies.map((row, t) => row.map((copy, s) => {
    const { linear } = copy.model;
    const offset = builder.columnCount;
    for (let c = 0; c < linear.columnCount; c++) {
      const cost = isAddition[t]![s]![c] === 1 ? 0 : (linear.objective[c]! * copy.model.objectiveScale * g(t, s)) / scale;
      builder.addColumn(cost, linear.columnLower[c]!, Math.min(linear.columnUpper[c]!, bedCap[t]![s]![c]!), linear.integer[c] === 1);
    }
    for (let r = 0; r < linear.rowCount; r++) {
      const start = linear.rowStarts[r]!;
      const end = linear.rowStarts[r + 1]!;
      const columns = new Int32Array(end - start);
      for (let k = start; k < end; k++) columns[k - start] = linear.columnIndices[k]! + offset;
      builder.addRow(columns, linear.coefficients.subarray(start, end), linear.rowLower[r]!, linear.rowUpper[r]!);
    }
    objectiveOffset += (copy.model.objectiveOffset + linear.offset * copy.model.objectiveScale) * g(t, s);
    return { t, s, weight: g(t, s), context: copy.context, coverage: copy.coverage, model: copy.model, columnOffset: offset };
  }));
  const open = (t: number, s: number, j: number): number => placed[t]![s]!.columnOffset + placed[t]![s]!.model.openColumn[j]!;

  // One plan: the scenarios of a year share its schools.
  for (let t = 0; t < T; t++) for (let s = 1; s < placed[t]!.length; s++) for (let j = 0; j < m; j++) builder.addRow([open(t, s, j), open(t, 0, j)], [1, -1], 0, 0);
  // A closed school stays closed; a built one stays.
  for (let t = 0; t + 1 < T; t++) {
    for (let j = 0; j < m; j++) {
      const existing = first.context.system.schools[j]!.existing;
      builder.addRow([open(t + 1, 0, j), open(t, 0, j)], existing ? [1, -1] : [-1, 1], -Infinity, 0);
    }
  }
  // Classrooms and beds built stay while the school is open.
  const shared = (max: Float64Array, perYear: Float64Array, column: (model: PlanModel, j: number) => number): Int32Array[] => {
    const columns = Array.from({ length: T }, () => new Int32Array(m).fill(-1));
    for (let j = 0; j < m; j++) {
      const upper = max[j]!;
      if (!(upper > 0)) continue;
      for (let t = 0; t < T; t++) {
        const A = builder.addColumn(travel ? 0 : (perYear[j]! * weights[t]!.weight) / scale, 0, upper, whole);
        columns[t]![j] = A;
        for (const copy of placed[t]!) {
          const a = column(copy.model, j);
          if (a >= 0) builder.addRow([a + copy.columnOffset, A], [1, -1], -Infinity, 0);
        }
        builder.addRow([A, open(t, 0, j)], [1, -upper], -Infinity, 0);
        if (t > 0) builder.addRow([columns[t - 1]![j]!, A, open(t, 0, j)], [1, -1, upper], -Infinity, upper);
      }
    }
    return columns;
  };
  const classroomsColumn = shared(maxClassrooms, table.classroomPerYear, (model, j) => model.classroomColumn[j]!);
  const bedsColumn = shared(maxBeds, table.bedPerYear, (model, j) => model.bedColumn[j]!);
  return { linear: builder.build(), copies: placed, classroomsColumn, bedsColumn, objectiveScale: scale, objectiveOffset };
}
