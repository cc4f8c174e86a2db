/**
 * Re-solving the assignment of one level with the open schools fixed: a transportation problem over the
 * level's catchment units and their choices at open schools (on large levels, each unit's current choice and
 * its 8 cheapest), within the seats of the classes each school has now, its size limit, its beds and its
 * minimum enrolment, minimising the choices' cost (or pupil-minutes); solved as a small MIP on HiGHS (whole
 * units, at most 1 s, warm-started from the current assignment). Capacity-tight levels (every kindergarten
 * full) are where moving one or two units at a time cannot help: this moves all of them at once. Used by
 * {@link improvePlan}; kept only when the plan's objective falls and every rule holds.
 * @module
 */
import { LinearModelBuilder } from "../../solvers/linearModel.ts";
import { solveWithHighs } from "../../solvers/highs.ts";
import type { PlanObjective } from "../rules/options.ts";
import type { PlanState } from "./planState.ts";
import type { ScoringContext } from "./score.ts";

/** Each unit may go to its current choice or one of this many cheapest open choices. */
const CHOICES_PER_UNIT = 8;

/** Levels with at most this many choices at open schools keep them all. */
const ALL_CHOICES_UP_TO = 20_000;

/**
 * Seconds the MIP of one level may take at most. It runs on the calling thread, where an abort is seen only
 * between calls, so this is also how long Ctrl-C may wait.
 */
const SECONDS_PER_LEVEL = 1;

/** Share above which a solver value counts as a whole unit. */
const WHOLE = 1 - 1e-6;

/**
 * Reassigns the catchment units of level index `l` by a transportation MIP (see the module documentation). The
 * state is changed only when the result meets every rule and lowers the objective.
 * @param context - system, rules, costs, units and choices
 * @param state - the plan being improved (meets every rule)
 * @param l - index of the level in the system's levels
 * @param objective - what the plan minimises
 * @param secondsLeft - the MIP stops after at most this many seconds (and at most 1)
 * @returns true when the plan improved
 */
export async function reassignLevel(context: ScoringContext, state: PlanState, l: number, objective: PlanObjective, secondsLeft: number): Promise<boolean> {
  const { system, rules, choices } = context;
  const m = system.schools.length;
  const units: number[] = [];
  for (let u = 0; u < choices.unitCount; u++) if (state.choiceOf[u]! >= 0 && state.levelIndexOf(u) === l) units.push(u);
  if (units.length < 2) return false;
  const builder = new LinearModelBuilder("minimize");
  const columnChoice: number[] = [];
  const atSchool: number[][] = Array.from({ length: m }, () => []);
  const scale = objective === "cost" ? 1e-3 : 1;
  const valueOf = (u: number, o: number): number => (objective === "cost" ? choices.cost[o]! : choices.unitPupils[u]! * choices.minutes[o]!);
  const openChoices = units.map((u) => {
    const list: number[] = [];
    for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) if (state.open[choices.school[o]!] === 1) list.push(o);
    return list;
  });
  const all = openChoices.reduce((a, list) => a + list.length, 0) <= ALL_CHOICES_UP_TO;
  units.forEach((u, k) => {
    const columns: number[] = [];
    // On large levels, the unit's current choice and its cheapest others: far choices rarely enter, and they
    // make the MIP slow.
    const current = state.choiceOf[u]!;
    const listed = all ? openChoices[k]! : openChoices[k]!.sort((a, b) => valueOf(u, a) - valueOf(u, b) || a - b).filter((o, rank) => rank < CHOICES_PER_UNIT || o === current);
    for (const o of listed) {
      const j = choices.school[o]!;
      const column = builder.addColumn(valueOf(u, o) * scale, 0, 1, true);
      columnChoice.push(o);
      atSchool[j]!.push(column);
      columns.push(column);
    }
    builder.addRow(columns, columns.map(() => 1), 1, 1);
  });
  const pupilsOf = (column: number): number => choices.unitPupils[choices.choiceUnit[columnChoice[column]!]!]!;
  // Pupils of this level (and boarders) at each school from units that are not moved (split units keep their shares).
  const kept = new Float64Array(m);
  const keptBoarders = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    kept[j] = state.levelEnrolledAt(j, l);
    keptBoarders[j] = state.boardersAt(j);
  }
  for (const u of units) {
    const o = state.choiceOf[u]!;
    kept[choices.school[o]!]! -= choices.unitPupils[u]!;
    keptBoarders[choices.school[o]!]! -= choices.boarders[o]!;
  }
  for (let j = 0; j < m; j++) {
    const columns = atSchool[j]!;
    if (columns.length === 0) continue;
    const school = system.schools[j]!;
    const fixed = state.enrolledAt(j) - state.levelEnrolledAt(j, l) + kept[j]!;
    const seats = Math.min(state.seatsAt(j, l) - kept[j]!, rules.maxSchoolSize[school.type] - fixed);
    const minimum = rules.minimumEnrolment[school.type];
    const lower = minimum > 0 && !school.protected && !school.required ? minimum - fixed : -Infinity;
    builder.addRow(columns, columns.map(pupilsOf), lower, Math.max(seats, 0));
    const boarding = columns.filter((c) => choices.boarders[columnChoice[c]!]! > 0);
    if (boarding.length > 0) {
      builder.addRow(boarding, boarding.map((c) => choices.boarders[columnChoice[c]!]!), -Infinity, Math.max(0, state.bedsAt(j) - keptBoarders[j]!));
    }
  }
  const model = builder.build();
  const start = new Float64Array(model.columnCount);
  columnChoice.forEach((o, c) => { if (state.choiceOf[choices.choiceUnit[o]!] === o) start[c] = 1; });
  const result = await solveWithHighs(model, { initialSolution: start, timeLimitSeconds: Math.min(SECONDS_PER_LEVEL, secondsLeft), mipRelativeGap: 1e-4 });
  if (result.values === null) return false;
  const before = state.objective;
  const snapshot = state.snapshot();
  const split: number[] = [];
  const values = result.values;
  const best = new Int32Array(choices.unitCount).fill(-1);
  const bestValue = new Float64Array(choices.unitCount);
  columnChoice.forEach((o, c) => {
    const u = choices.choiceUnit[o]!;
    if (values[c]! > bestValue[u]!) { bestValue[u] = values[c]!; best[u] = o; }
  });
  for (const u of units) {
    if (best[u]! >= 0) state.move(u, best[u]!);
    if (bestValue[u]! < WHOLE) split.push(u);
  }
  // A unit the solver left split (within its tolerances) may overfill its school: move it to its best choice that fits.
  split.sort((a, b) => choices.unitPupils[b]! - choices.unitPupils[a]! || a - b);
  for (const u of split) {
    if (state.schoolFeasible(choices.school[state.choiceOf[u]!]!)) continue;
    let best = -1;
    let bestChange = Infinity;
    for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
      if (o === state.choiceOf[u] || state.open[choices.school[o]!] !== 1) continue;
      const change = state.moveChange(u, o);
      if (change < bestChange) { bestChange = change; best = o; }
    }
    if (best >= 0) state.move(u, best);
  }
  if (state.improvesOn(before)) return true;
  state.restore(snapshot);
  return false;
}
