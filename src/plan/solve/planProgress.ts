/**
 * Progress of one plan solve as the caller sees it: in the plan's units (yuan per year, or minutes), with seconds
 * since the call, from every phase — the LP relaxation's bound, the heuristic's plans, the solver's reports (in
 * the model's scaled units, converted here). The best plan and bound so far are carried across phases.
 * @module
 */
import { relativeGap } from "../../solution.ts";
import type { SolveProgress } from "../../solvers/options.ts";
import { planObjectiveValue, type PlanModel } from "./model.ts";

/** Turns the phases' news into {@link SolveProgress} reports for the caller's callback. */
export class PlanProgress {
  private best: number | null = null;
  private relaxationBound: number | null = null;

  /**
   * @param onProgress - the caller's callback, or undefined (then nothing is reported)
   * @param started - `performance.now()` at the call, milliseconds
   * @param model - the plan's model, for converting the solver's units
   */
  constructor(
    private readonly onProgress: ((progress: SolveProgress) => void) | undefined,
    private readonly started: number,
    private readonly model: Pick<PlanModel, "objectiveScale" | "objectiveOffset">,
  ) {}

  private toPlan(value: number | null): number | null {
    return value === null ? null : planObjectiveValue(this.model, value);
  }

  private report(bound: number | null, nodes: number | null): void {
    if (this.onProgress === undefined) return;
    const best = bound === null ? this.relaxationBound : this.relaxationBound === null ? bound : Math.max(bound, this.relaxationBound);
    this.onProgress({ elapsedSeconds: (performance.now() - this.started) / 1000, objective: this.best, bound: best, gap: relativeGap(this.best, best), nodes });
  }

  /** The LP relaxation's optimum (model units): a proven bound. */
  relaxationSolved(modelObjective: number): void {
    this.relaxationBound = this.toPlan(modelObjective);
    this.report(null, null);
  }

  /** A heuristic plan's objective (plan units). */
  heuristicFound(objective: number): void {
    this.best = this.best === null ? objective : Math.min(this.best, objective);
    this.report(null, null);
  }

  /** A report of the solver (model units). */
  solverReported(progress: SolveProgress): void {
    const found = this.toPlan(progress.objective);
    if (found !== null) this.best = this.best === null ? found : Math.min(this.best, found);
    this.report(this.toPlan(progress.bound), progress.nodes);
  }
}
