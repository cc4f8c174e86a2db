/**
 * The school-plan MIP, built as typed arrays over the allowed choices only.
 *
 * Symbols: unit u = settlement i × level l with pupils p_u (care pupils c_u board wherever u goes); choice
 * o = (u, school j, day or boarding) with annual cost f_o and boarders q_o; school j with classrooms R_j, beds
 * B_j, size limit S_j, minimum enrolment N_j, class size κ_jl; per-school cost figures.
 * ```
 * minimise  Σ_j (F_j + G_j[new]) y_j − Σ_{j existing} H_j y_j + Σ_j H_j[existing]
 *           + Σ_jl C_j k_jl + Σ_j A_j a_j + Σ_j D_j b_j + Σ_o f_o x_o        (objective "cost", yuan / year)
 *   or      Σ_o p_u t_o x_o / P                                             (objective "travel", minutes)
 * s.t.      Σ_{o of u} x_o = 1                                    every unit          (assignment)
 *           x_o ≤ y_j                                             every choice        (strong linking)
 *           Σ_{o at j, level l} p_u x_o ≤ κ_jl k_jl               every school, level (seats in classes)
 *           Σ_l k_jl − a_j ≤ R_j,   Σ_l k_jl ≤ K_j y_j            every school        (classrooms)
 *           Σ_{o at j} p_u x_o ≤ S_j y_j                          every school        (school size)
 *           Σ_{o at j} p_u x_o ≥ N_j y_j                          unprotected schools (minimum enrolment)
 *           Σ_{o at j} q_o x_o − b_j ≤ B_j                         schools with boarders (beds)
 *           Σ_{j ∈ rule} y_j (or w_j ≤ y_j, M w_j ≤ B_j + b_j) ≥ 1   three schools (M minimum beds), resource rooms
 *           Σ_{j existing} y_j ≥ #existing − maxClosures; cost ≤ budget; Σ p t x ≤ ε P
 *           K_u Σ_{o of u at j} x_o − z_uj = 0, Σ_{o of u at j} x_o ≤ δ_uj ≤ y_j, Σ_j δ_uj ≤ k_u
 *                                                                 units split by size (split shares)
 *           x binary for catchment units (continuous for units that may split), y, w, δ binary;
 *           k, a, z integer under whole-class rules (z only there); b ≥ 0; bounds from the additions' limits
 * ```
 * Split shares (src/plan/result/splitShares.ts): a unit that splits under catchments (more pupils than
 * `splitAbovePupils` or than any school it may attend holds) comes in K_u = ⌈p_u / κ_l⌉ equal parts, each
 * school j takes z_uj whole parts, and at most k_u schools take any. Only those units get z and δ columns, so the
 * model grows by about two columns per choice of a split unit.
 * After Teixeira & Antunes (2008), a hierarchical capacitated school location model, with boarding choices
 * and norm rules added; the linking rows are the strong form (Cornuéjols, Nemhauser & Wolsey 1990).
 * @module
 */
import { LinearModelBuilder, type LinearModel } from "../../solvers/linearModel.ts";
import type { CoverageRule } from "../rules/coverageRules.ts";
import type { PlanObjective } from "../rules/options.ts";
import { classSizeAt } from "../rules/rules.ts";
import { LEVELS_SERVED } from "../system/schoolTypes.ts";
import type { ScoringContext } from "../heuristic/score.ts";

/** The built MIP and where its columns are. */
export interface PlanModel {
  /** The linear model. */
  readonly linear: LinearModel;
  /** Number of choice columns (columns 0..choiceCount−1 are x_o, in choice order). */
  readonly choiceCount: number;
  /** Length m: column of y_j. */
  readonly openColumn: Int32Array;
  /** Length m × L (L planned levels, in system order): column of k_jl, or −1. */
  readonly classColumn: Int32Array;
  /** Length m: column of a_j, or −1. */
  readonly classroomColumn: Int32Array;
  /** Length m: column of b_j, or −1. */
  readonly bedColumn: Int32Array;
  /** Length m: column of w_j (made a boarding school by adding beds), or −1. */
  readonly boardingSchoolColumn: Int32Array;
  /** The linear objective times this is the plan objective (yuan per year, or minutes). */
  readonly objectiveScale: number;
  /** Constant part of the plan objective (closure costs of all existing schools). */
  readonly objectiveOffset: number;
  /** Length choiceCount: column of δ_uj (the choice's unit takes a share at its school), or −1 where the unit has no share limit. */
  readonly shareColumn: Int32Array;
  /** Length choiceCount: column of z_uj (the parts the choice's unit sends to its school), or −1. */
  readonly partColumn: Int32Array;
  /** Length rowCount: which rule each row states (to explain a conflict in the rules' own words). */
  readonly rowKind: readonly PlanRowKind[];
  /** Length rowCount: the row's subject: unit u (assignment), school j, coverage rule index, or −1 (closures, budget, mean travel). */
  readonly rowSubject: Int32Array;
}

/**
 * The rule a row of the plan MIP states: `assignment` (unit u attends one school), `linking` (only open schools
 * take pupils), `seats` (pupils of a level fit in the school's classes; subject school j), `classrooms`,
 * `classLimit`, `schoolSize`, `minimumEnrolment`, `beds`, `boardingSchool` (w ≤ y), `boardingSchoolBeds`
 * (a boarding school's minimum beds), `coverage` (subject: index in the coverage rules), `closures`, `budget`,
 * `meanTravel`; for units split by size (subject unit u): `splitParts` (a school takes whole parts),
 * `splitShare` (a share only where δ = 1, and δ only at an open school), `splitShares` (at most k schools).
 */
export type PlanRowKind =
  | "assignment" | "linking" | "seats" | "classrooms" | "classLimit" | "schoolSize" | "minimumEnrolment" | "beds"
  | "boardingSchool" | "boardingSchoolBeds" | "coverage" | "closures" | "budget" | "meanTravel"
  | "splitParts" | "splitShare" | "splitShares";

/**
 * A value of the model's linear objective (a solver's objective or bound) in the plan's unit: yuan per year, or
 * minutes for the travel objective.
 * @param model - the plan model
 * @param value - the linear objective's value
 */
export function planObjectiveValue(model: Pick<PlanModel, "objectiveScale" | "objectiveOffset">, value: number): number {
  return value * model.objectiveScale + model.objectiveOffset;
}

/** Largest coefficient the objective keeps after scaling, as in the location models. */
const LARGEST_COEFFICIENT = 1024;

/** The classes a school can hold at most: its classrooms after every allowed addition, and its size limit in classes. */
export function classLimit(context: ScoringContext, j: number): number {
  const { system, rules } = context;
  const school = system.schools[j]!;
  const served = system.levels.filter((level) => LEVELS_SERVED[school.type].includes(level));
  const smallestClass = Math.min(...served.map((level) => classSizeAt(rules, school.type, level)));
  const bySize = Math.ceil(rules.maxSchoolSize[school.type] / smallestClass) + served.length;
  return Math.min(school.classrooms + school.maxAddedClassrooms, bySize);
}

/**
 * The split-share columns and rows (see the module documentation): per unit with a share limit, per school of
 * its choices δ_uj binary with Σ x ≤ δ ≤ y_j, under whole classes z_uj integer with K Σ x − z = 0, and Σ_j δ_uj ≤ k.
 * Fills `shareColumn` and `partColumn` per choice.
 */
function addSplitShareRows(
  builder: LinearModelBuilder,
  context: ScoringContext,
  openColumn: Int32Array,
  shareColumn: Int32Array,
  partColumn: Int32Array,
  label: (row: number, kind: PlanRowKind, subject: number) => void,
): void {
  const { choices, rules } = context;
  for (let u = 0; u < choices.unitCount; u++) {
    const maxShares = choices.unitMaxShares[u]!;
    if (maxShares <= 0) continue;
    const parts = choices.unitParts[u]!;
    const bySchool = new Map<number, number[]>();
    for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
      const list = bySchool.get(choices.school[o]!);
      if (list === undefined) bySchool.set(choices.school[o]!, [o]);
      else list.push(o);
    }
    const deltas: number[] = [];
    for (const [j, list] of bySchool) {
      const delta = builder.addColumn(0, 0, 1, true);
      deltas.push(delta);
      for (const o of list) shareColumn[o] = delta;
      label(builder.addRow([...list, delta], [...list.map(() => 1), -1], -Infinity, 0), "splitShare", u);
      label(builder.addRow([delta, openColumn[j]!], [1, -1], -Infinity, 0), "splitShare", u);
      if (!rules.wholeClasses) continue;
      const z = builder.addColumn(0, 0, parts, true);
      for (const o of list) partColumn[o] = z;
      label(builder.addRow([...list, z], [...list.map(() => parts), -1], 0, 0), "splitParts", u);
    }
    if (deltas.length > maxShares) label(builder.addRow(deltas, deltas.map(() => 1), -Infinity, maxShares), "splitShares", u);
  }
}

/** Options of {@link buildPlanModel}. */
export interface PlanModelOptions {
  /** What to minimise. */
  readonly objective: PlanObjective;
  /** Cost rows and the ε row use these (from the rules unless the trade-off sets ε). */
  readonly budgetYuanPerYear: number | null;
  /** ε of the mean-travel row, minutes; null for none. */
  readonly maxMeanTravelMinutes: number | null;
}

/**
 * Builds the plan MIP (see the module documentation).
 * @param context - system, rules, costs, units and choices
 * @param coverage - the three-schools and resource-room rules
 * @param options - objective and limits
 */
export function buildPlanModel(context: ScoringContext, coverage: readonly CoverageRule[], options: PlanModelOptions): PlanModel {
  const { system, rules, table, choices } = context;
  const m = system.schools.length;
  const levels = system.levels;
  const L = levels.length;
  const travel = options.objective === "travel";
  const totalPupils = choices.unitPupils.reduce((a, b) => a + b, 0);
  const pupilMinutes = (o: number, u: number): number => choices.unitPupils[u]! * choices.minutes[o]!;

  // Which schools and (school, level) pairs have any choice.
  const used = new Uint8Array(m);
  const usedLevel = new Uint8Array(m * L);
  const boards = new Uint8Array(m);
  const unitOfChoice = choices.choiceUnit;
  for (let u = 0; u < choices.unitCount; u++) {
    const l = levels.indexOf(choices.unitLevel[u]!);
    for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
      const j = choices.school[o]!;
      used[j] = 1;
      usedLevel[j * L + l] = 1;
      if (choices.boarders[o]! > 0) boards[j] = 1;
    }
  }
  const needsBedsAt = new Uint8Array(m);
  for (const rule of coverage) rule.schools.forEach((j, k) => { if (rule.needsBeds?.[k] === 1) needsBedsAt[j] = 1; });

  // Objective coefficients in the plan's unit, scaled afterwards.
  let largest = 0;
  const note = (value: number): number => { largest = Math.max(largest, Math.abs(value)); return value; };
  const choiceCost = (o: number): number => (travel ? pupilMinutes(o, unitOfChoice[o]!) / totalPupils : choices.cost[o]!);
  const openCost = (j: number): number => {
    if (travel) return 0;
    const school = system.schools[j]!;
    return table.schoolPerYear[j]! + (school.existing ? -table.closurePerYear[j]! : table.newSchoolPerYear[j]!);
  };
  for (let o = 0; o < choices.school.length; o++) note(choiceCost(o));
  for (let j = 0; j < m; j++) note(openCost(j));
  if (!travel) for (let j = 0; j < m; j++) { note(table.classPerYear[j]!); note(table.classroomPerYear[j]!); note(table.bedPerYear[j]!); }
  let scale = 1;
  while (largest / scale > LARGEST_COEFFICIENT) scale *= 2;
  while (largest > 0 && largest / scale < LARGEST_COEFFICIENT / 4 && scale > 2 ** -20) scale /= 2;

  const builder = new LinearModelBuilder("minimize");
  const rowKind: PlanRowKind[] = [];
  const rowSubject: number[] = [];
  const label = (row: number, kind: PlanRowKind, subject: number): void => { rowKind[row] = kind; rowSubject[row] = subject; };
  for (let o = 0; o < choices.school.length; o++) {
    builder.addColumn(choiceCost(o) / scale, 0, 1, choices.unitSplits[unitOfChoice[o]!] === 0);
  }
  const openColumn = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const school = system.schools[j]!;
    const lower = school.required ? 1 : 0;
    // A school no settlement may attend has no pupils, so a minimum enrolment closes it (unless protected or required).
    const emptyBelowMinimum = used[j] === 0 && rules.minimumEnrolment[school.type] > 0 && !school.protected && !school.required;
    const upper = school.forbidden || emptyBelowMinimum ? 0 : 1;
    openColumn[j] = builder.addColumn(openCost(j) / scale, lower, upper, true);
  }
  const classColumn = new Int32Array(m * L).fill(-1);
  const classroomColumn = new Int32Array(m).fill(-1);
  const bedColumn = new Int32Array(m).fill(-1);
  const boardingSchoolColumn = new Int32Array(m).fill(-1);
  for (let j = 0; j < m; j++) {
    if (used[j] === 0) continue;
    const school = system.schools[j]!;
    const limit = classLimit(context, j);
    for (let l = 0; l < L; l++) {
      if (usedLevel[j * L + l] === 0) continue;
      classColumn[j * L + l] = builder.addColumn(travel ? 0 : table.classPerYear[j]! / scale, 0, limit, rules.wholeClasses);
    }
    const addable = Math.min(school.maxAddedClassrooms, Math.max(0, limit - school.classrooms));
    if (addable > 0) classroomColumn[j] = builder.addColumn(travel ? 0 : table.classroomPerYear[j]! / scale, 0, addable, rules.wholeClasses);
  }
  for (let j = 0; j < m; j++) {
    const school = system.schools[j]!;
    if ((boards[j] === 1 || needsBedsAt[j] === 1) && school.maxAddedBeds > 0) {
      bedColumn[j] = builder.addColumn(travel ? 0 : table.bedPerYear[j]! / scale, 0, school.maxAddedBeds, rules.wholeClasses);
    }
    if (needsBedsAt[j] === 1 && bedColumn[j]! >= 0) boardingSchoolColumn[j] = builder.addColumn(0, 0, 1, true);
  }

  // Assignment and linking.
  for (let u = 0; u < choices.unitCount; u++) {
    const start = choices.choiceStart[u]!;
    const end = choices.choiceStart[u + 1]!;
    const columns = Array.from({ length: end - start }, (_, k) => start + k);
    label(builder.addRow(columns, columns.map(() => 1), 1, 1), "assignment", u);
    for (let o = start; o < end; o++) label(builder.addRow([o, openColumn[choices.school[o]!]!], [1, -1], -Infinity, 0), "linking", choices.school[o]!);
  }
  const shareColumn = new Int32Array(choices.school.length).fill(-1);
  const partColumn = new Int32Array(choices.school.length).fill(-1);
  addSplitShareRows(builder, context, openColumn, shareColumn, partColumn, label);
  // Per school rows, gathering the choices at each school.
  const atSchool: number[][] = Array.from({ length: m }, () => []);
  for (let o = 0; o < choices.school.length; o++) atSchool[choices.school[o]!]!.push(o);
  for (let j = 0; j < m; j++) {
    if (used[j] === 0) continue;
    const school = system.schools[j]!;
    const list = atSchool[j]!;
    const pupilsOf = (o: number): number => choices.unitPupils[unitOfChoice[o]!]!;
    const classCols: number[] = [];
    for (let l = 0; l < L; l++) {
      const k = classColumn[j * L + l]!;
      if (k < 0) continue;
      classCols.push(k);
      const mine = list.filter((o) => choices.unitLevel[unitOfChoice[o]!] === levels[l]);
      label(builder.addRow([...mine, k], [...mine.map(pupilsOf), -classSizeAt(rules, school.type, levels[l]!)], -Infinity, 0), "seats", j);
    }
    const a = classroomColumn[j]!;
    label(builder.addRow(a >= 0 ? [...classCols, a] : classCols, a >= 0 ? [...classCols.map(() => 1), -1] : classCols.map(() => 1), -Infinity, school.classrooms), "classrooms", j);
    label(builder.addRow([...classCols, openColumn[j]!], [...classCols.map(() => 1), -classLimit(context, j)], -Infinity, 0), "classLimit", j);
    label(builder.addRow([...list, openColumn[j]!], [...list.map(pupilsOf), -rules.maxSchoolSize[school.type]], -Infinity, 0), "schoolSize", j);
    const minimum = rules.minimumEnrolment[school.type];
    if (minimum > 0 && !school.protected && !school.required) {
      label(builder.addRow([...list, openColumn[j]!], [...list.map(pupilsOf), -minimum], 0, Infinity), "minimumEnrolment", j);
    }
    const boarding = list.filter((o) => choices.boarders[o]! > 0);
    const b = bedColumn[j]!;
    if (boarding.length > 0) {
      label(builder.addRow(b >= 0 ? [...boarding, b] : boarding, b >= 0 ? [...boarding.map((o) => choices.boarders[o]!), -1] : boarding.map((o) => choices.boarders[o]!), -Infinity, school.beds), "beds", j);
    }
  }
  // Coverage rules: three schools, resource rooms.
  for (let j = 0; j < m; j++) {
    const w = boardingSchoolColumn[j]!;
    if (w < 0) continue;
    label(builder.addRow([w, openColumn[j]!], [1, -1], -Infinity, 0), "boardingSchool", j);
    // A boarding school for the three-schools rule has at least the minimum beds: minimum · w ≤ beds now + added.
    label(builder.addRow([w, bedColumn[j]!], [rules.boardingSchoolMinimumBeds, -1], -Infinity, system.schools[j]!.beds), "boardingSchoolBeds", j);
  }
  coverage.forEach((rule, r) => {
    const columns = rule.schools.flatMap((j, k) => {
      if (rule.needsBeds?.[k] !== 1) return [openColumn[j]!];
      return boardingSchoolColumn[j]! >= 0 ? [boardingSchoolColumn[j]!] : [];
    });
    label(builder.addRow(columns, columns.map(() => 1), 1, Infinity), "coverage", r);
  });
  // Closures, budget, mean travel.
  const existing = system.schools.flatMap((s, j) => (s.existing ? [j] : []));
  if (rules.maxClosures !== null && existing.length > 0) {
    label(builder.addRow(existing.map((j) => openColumn[j]!), existing.map(() => 1), existing.length - rules.maxClosures, Infinity), "closures", -1);
  }
  let objectiveOffset = 0;
  for (const j of existing) objectiveOffset += table.closurePerYear[j]!;
  if (options.budgetYuanPerYear !== null) {
    const columns: number[] = [];
    const values: number[] = [];
    const per = 1 / 1000; // thousand yuan keeps the row's coefficients near the others'
    for (let o = 0; o < choices.school.length; o++) { columns.push(o); values.push(choices.cost[o]! * per); }
    for (let j = 0; j < m; j++) {
      const school = system.schools[j]!;
      columns.push(openColumn[j]!);
      values.push((table.schoolPerYear[j]! + (school.existing ? -table.closurePerYear[j]! : table.newSchoolPerYear[j]!)) * per);
      for (let l = 0; l < L; l++) if (classColumn[j * L + l]! >= 0) { columns.push(classColumn[j * L + l]!); values.push(table.classPerYear[j]! * per); }
      if (classroomColumn[j]! >= 0) { columns.push(classroomColumn[j]!); values.push(table.classroomPerYear[j]! * per); }
      if (bedColumn[j]! >= 0) { columns.push(bedColumn[j]!); values.push(table.bedPerYear[j]! * per); }
    }
    label(builder.addRow(columns, values, -Infinity, (options.budgetYuanPerYear - objectiveOffset) * per), "budget", -1);
  }
  if (options.maxMeanTravelMinutes !== null) {
    const columns = Array.from({ length: choices.school.length }, (_, o) => o);
    label(builder.addRow(columns, columns.map((o) => pupilMinutes(o, unitOfChoice[o]!) / totalPupils), -Infinity, options.maxMeanTravelMinutes), "meanTravel", -1);
  }
  const linear = builder.build();
  return {
    linear,
    choiceCount: choices.school.length,
    openColumn,
    classColumn,
    classroomColumn,
    bedColumn,
    boardingSchoolColumn,
    shareColumn,
    partColumn,
    objectiveScale: scale,
    objectiveOffset: travel ? 0 : objectiveOffset,
    rowKind,
    rowSubject: Int32Array.from(rowSubject),
  };
}
