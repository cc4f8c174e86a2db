/**
 * The second stage of a plan solved year by year and scenario by scenario: with the schools open and the
 * classrooms and beds the plan adds by each year fixed (the most any scenario needs, kept while a school stays
 * open), each year and scenario's pupils are placed again with those additions free. A copy solved alone pays for
 * its own additions, so it may send pupils past a school whose classrooms another scenario had to add; in the
 * shared plan those classrooms are there, and using them costs nothing more. Each copy's re-solve is warm-started
 * by its decisions, which it keeps unless it finds better, so the plan's cost never rises.
 * @module
 */
import type { LinearModel } from "../../solvers/linearModel.ts";
import { checkLinearSolution } from "../../solvers/linearSolution.ts";
import type { SolveStatus } from "../../solution.ts";
import type { PlanDecisions } from "../heuristic/decisions.ts";
import { decodePlanValues, planStartValues } from "../solve/modelValues.ts";
import { solve, withOpenFixed, type YearsSolveSettings } from "./copySolve.ts";
import type { CopyInput } from "./yearModel.ts";
import { yearPlansFromDecisions } from "./yearPlans.ts";

/** A copy's model with its schools fixed open or closed and its additions free up to the plan's. */
function withAdditionsFree(copy: CopyInput, open: Uint8Array, classrooms: readonly number[], beds: readonly number[]): LinearModel {
  const fixed = withOpenFixed(copy, open);
  const objective = Float64Array.from(fixed.objective);
  const upper = Float64Array.from(fixed.columnUpper);
  const { classroomColumn, bedColumn } = copy.model;
  classroomColumn.forEach((column, j) => {
    if (column < 0) return;
    objective[column] = 0;
    upper[column] = Math.min(upper[column]!, classrooms[j]!);
  });
  bedColumn.forEach((column, j) => {
    if (column < 0) return;
    objective[column] = 0;
    upper[column] = Math.min(upper[column]!, beds[j]!);
  });
  return { ...fixed, objective, columnUpper: upper };
}

/**
 * Places every year and scenario's pupils again with the plan's schools and additions fixed (see the module
 * documentation).
 * @param copies - by year then scenario
 * @param decisions - by year then scenario, the scenarios of a year opening the same schools
 * @param settings - solve options; `seconds` is the time for all the re-solves
 * @returns the decisions (each copy's own where its re-solve found nothing better), whether a re-solve stopped
 *   before proving its optimum, and whether one was aborted
 */
export async function polishDecisions(
  copies: readonly (readonly CopyInput[])[],
  decisions: readonly (readonly PlanDecisions[])[],
  settings: YearsSolveSettings,
): Promise<{ decisions: PlanDecisions[][]; stopped: SolveStatus | null; aborted: boolean }> {
  const started = performance.now();
  const contexts = copies.map((row) => row.map((c) => c.context));
  const { plans } = yearPlansFromDecisions(contexts, decisions);
  const count = copies.length * copies[0]!.length;
  let done = 0;
  let stopped: SolveStatus | null = null;
  const polished: PlanDecisions[][] = [];
  for (const [t, row] of copies.entries()) {
    const out: PlanDecisions[] = [];
    for (const [s, copy] of row.entries()) {
      const own = decisions[t]![s]!;
      const schools = plans[t]![s]!.schools;
      const linear = withAdditionsFree(copy, own.open, schools.map((school) => school.classroomsAdded), schools.map((school) => school.bedsAdded));
      const start = planStartValues(copy.model, copy.context, own);
      const seconds = settings.seconds === undefined ? undefined : (settings.seconds - (performance.now() - started) / 1000) / (count - done);
      done++;
      if (start === null || checkLinearSolution(linear, start) !== null || (seconds !== undefined && seconds < 0.5)) {
        out.push(own);
        continue;
      }
      const result = await solve(linear, settings, seconds, start);
      if (result.status === "aborted") return { decisions: [...polished, [...out, ...row.slice(s).map((_, k) => decisions[t]![s + k]!)], ...decisions.slice(t + 1).map((r) => [...r])], stopped, aborted: true };
      if (result.status !== "optimal") stopped = result.status;
      out.push(result.values === null || result.status === "infeasible" ? own : decodePlanValues(copy.model, copy.context, result.values));
    }
    polished.push(out);
  }
  return { decisions: polished, stopped, aborted: false };
}
