/**
 * A warm start for a multi-year MIP: the plan years planned one after another by the heuristic of
 * {@link planSchools} (construction, then local search), each year from what the year before left — an existing
 * school closed before stays closed (forbidden that year), a school built before stays open (required) — so the
 * schedule meets the multi-year rows by construction; then the classrooms and beds added, carried as their
 * running largest while a school is open. Without it HiGHS starts the multi-year MIP from nothing: on the Dongyuan
 * example (3 years × 17,000 columns a scenario, 60 s each) its plans were 19–21 % above their bounds; from this
 * start, 2.2–2.4 % (measured here, 2026-12-06).
 * @module
 */
import { checkLinearSolution } from "../../solvers/linearSolution.ts";
import type { PlanDecisions } from "../heuristic/decisions.ts";
import { constructPlan } from "../heuristic/construct.ts";
import { improvePlan } from "../heuristic/localSearch.ts";
import type { ScoringContext } from "../heuristic/score.ts";
import type { PlanObjective } from "../rules/options.ts";
import { planStartValues } from "../solve/modelValues.ts";
import type { CopyInput, MultiYearModel } from "./yearModel.ts";

/** Kicks of the local search in each year (as planSchools under a time limit). */
const KICKS = 20;

/**
 * One year's context with the schools the year before closed forbidden and those it built required.
 * @param context - the year's context
 * @param before - length m: the schools open the year before (null for the first plan year)
 */
function yearContext(context: ScoringContext, before: Uint8Array | null): ScoringContext {
  if (before === null) return context;
  const schools = context.system.schools.map((school, j) => {
    if (school.existing && before[j] === 0) return { ...school, forbidden: true, required: false };
    if (!school.existing && before[j] === 1) return { ...school, required: true, forbidden: false };
    return school;
  });
  return { ...context, system: { ...context.system, schools } };
}

/**
 * Plans the years of one scenario one after another (see the module documentation).
 * @param copies - the scenario's copies, by plan year
 * @param objective - what the plan minimises
 * @param secondsPerYear - the local search's time in each year
 * @param shouldStop - polled by the heuristic (an abort)
 * @returns the decisions of each year, or null where the heuristic found no plan for a year
 */
export async function sequentialDecisions(copies: readonly CopyInput[], objective: PlanObjective, secondsPerYear: number, shouldStop: () => boolean = () => false): Promise<PlanDecisions[] | null> {
  const decisions: PlanDecisions[] = [];
  let before: Uint8Array | null = null;
  for (const { context, coverage } of copies) {
    const year = yearContext(context, before);
    const until = performance.now() + secondsPerYear * 1000;
    const stop = (): boolean => shouldStop() || performance.now() > until;
    const constructed = constructPlan(year, coverage, objective, stop, before ?? undefined);
    if (constructed === null) return null;
    const { rules } = year;
    const improved = await improvePlan(year, coverage, constructed, {
      objective,
      limits: { budgetYuanPerYear: rules.budgetYuanPerYear, maxMeanTravelMinutes: rules.maxMeanTravelMinutes },
      shouldStop: stop,
      secondsLeft: () => Math.max(0, (until - performance.now()) / 1000),
      kicks: KICKS,
    });
    decisions.push(improved);
    before = improved.open;
  }
  return decisions;
}

/**
 * The multi-year model's column values for decisions of every copy: each copy's own values
 * ({@link planStartValues}), and the shared additions A^t_j, B^t_j as the largest of the copies' that year and
 * of the year before while the school is open (0 once it is closed).
 * @param model - the multi-year model
 * @param decisions - by plan year then scenario, one per copy
 * @returns the values, or null when a copy's decisions do not fit its model or the values break a row
 */
export function multiYearStartValues(model: MultiYearModel, decisions: readonly (readonly PlanDecisions[])[]): Float64Array | null {
  const values = new Float64Array(model.linear.columnCount);
  for (const row of model.copies) for (const copy of row) {
    const own = planStartValues(copy.model, copy.context, decisions[copy.t]![copy.s]!);
    if (own === null) return null;
    values.set(own, copy.columnOffset);
  }
  const m = model.copies[0]![0]!.context.system.schools.length;
  const carry = (shared: readonly Int32Array[], column: (copy: (typeof model.copies)[number][number], j: number) => number): void => {
    for (let j = 0; j < m; j++) {
      let previous = 0;
      for (const [t, columns] of shared.entries()) {
        const A = columns[j]!;
        if (A < 0) continue;
        const open = decisions[t]![0]!.open[j] === 1;
        let largest = open ? previous : 0;
        for (const copy of model.copies[t]!) {
          const a = column(copy, j);
          if (a >= 0) largest = Math.max(largest, values[copy.columnOffset + a]!);
        }
        values[A] = largest;
        previous = largest;
      }
    }
  };
  carry(model.classroomsColumn, (copy, j) => copy.model.classroomColumn[j]!);
  carry(model.bedsColumn, (copy, j) => copy.model.bedColumn[j]!);
  return checkLinearSolution(model.linear, values) === null ? values : null;
}
