/**
 * What every solve of a multi-year plan shares: the settings passed on, one solve with a time limit and a warm
 * start, and a copy's model with its schools fixed open or closed.
 * @module
 */
import type { LinearModel } from "../../solvers/linearModel.ts";
import type { LinearResult, SolveOptions } from "../../solvers/options.ts";
import { solveLinearModel } from "../../solvers/solve.ts";
import type { PlanObjective } from "../rules/options.ts";
import type { CopyInput } from "./yearModel.ts";

/** The solve options passed on to each solve, and the seconds left for them all (undefined: no limit). */
export interface YearsSolveSettings {
  readonly solve: Omit<SolveOptions, "timeLimitSeconds">;
  readonly seconds: number | undefined;
  readonly objective: PlanObjective;
}

/** One solve of a model with the settings' options, a time limit (at least 0.5 s) and a warm start. */
export async function solve(linear: LinearModel, settings: YearsSolveSettings, seconds: number | undefined, start?: Float64Array): Promise<LinearResult> {
  return solveLinearModel(linear, {
    ...settings.solve,
    ...(seconds === undefined ? {} : { timeLimitSeconds: Math.max(0.5, seconds) }),
    ...(start === undefined ? {} : { initialSolution: start }),
  });
}

/** A copy's model with its schools' open columns fixed to `open` (1 open, 0 closed). */
export function withOpenFixed(copy: CopyInput, open: Uint8Array): LinearModel {
  const { linear, openColumn } = copy.model;
  const lower = Float64Array.from(linear.columnLower);
  const upper = Float64Array.from(linear.columnUpper);
  openColumn.forEach((column, j) => {
    lower[column] = open[j]!;
    upper[column] = open[j]!;
  });
  return { ...linear, columnLower: lower, columnUpper: upper };
}
