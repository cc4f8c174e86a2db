/**
 * The enforced time limit of a plan: how much of it each phase gets and when the watchdog stops the solver, so
 * that the whole {@link planSchools} call ends within the limit plus {@link PLAN_TIME_MARGIN_SECONDS}.
 *
 * The limit counts from the call. The MIP solver (HiGHS) is given the time left less a reserve for the work after
 * it (decoding, scoring, the status quo and its check: well under a second at 1,276 settlements × 200 sites);
 * HiGHS may overrun its own limit in a long root phase, so a watchdog aborts it (off the calling thread) at the
 * limit plus a short grace, and the call stops waiting for it a little later still (the worker is ended by the
 * off-thread runner). The LP relaxation and the conflict explanation run under the same watchdog. On the calling
 * thread (`offThread: false`) there is no watchdog, and the solver's own limit is all there is.
 * @module
 */

/** The whole call ends within the time limit plus this, seconds: the watchdog's grace plus the post-solve work. */
export const PLAN_TIME_MARGIN_SECONDS = 1;

/** The watchdog stops the solver this long after the limit, seconds (time for the worker to hand back its best solution). */
export const WATCHDOG_GRACE_SECONDS = 0.5;

/**
 * The call stops waiting for a solver this long after the limit, seconds, even where the solver has not yet
 * answered the watchdog (its worker is ended a little later by the off-thread runner); the solve then counts as
 * stopped by the time limit without a solution, and the heuristic's plan stands.
 */
export const HARD_STOP_GRACE_SECONDS = 0.8;

/** Share of the limit kept back from the solver for the work after it, at most {@link POST_SOLVE_RESERVE_SECONDS}. */
export const POST_SOLVE_RESERVE_SHARE = 0.02;

/** Most seconds kept back from the solver for the work after it. */
export const POST_SOLVE_RESERVE_SECONDS = 1;

/** The least time limit given to a solver, seconds (HiGHS needs a positive limit). */
export const MINIMUM_SOLVER_SECONDS = 0.1;

/** What {@link planDeadline} returns. */
export interface PlanDeadline {
  /** Seconds the MIP solver may run: the time left less the post-solve reserve, at least {@link MINIMUM_SOLVER_SECONDS}. */
  readonly solverSeconds: number;
  /** Milliseconds from now at which the watchdog aborts the solver: the time left plus {@link WATCHDOG_GRACE_SECONDS}. */
  readonly watchdogMs: number;
  /** Milliseconds from now after which the call stops waiting for the solver: the time left plus {@link HARD_STOP_GRACE_SECONDS}. */
  readonly hardStopMs: number;
}

/**
 * The solver's time limit and the watchdog's delay at `elapsedSeconds` into a call limited to `limitSeconds`.
 * @param limitSeconds - the call's time limit, seconds > 0
 * @param elapsedSeconds - seconds since the call began, ≥ 0
 */
export function planDeadline(limitSeconds: number, elapsedSeconds: number): PlanDeadline {
  const left = Math.max(0, limitSeconds - elapsedSeconds);
  const reserve = Math.min(POST_SOLVE_RESERVE_SECONDS, POST_SOLVE_RESERVE_SHARE * limitSeconds);
  return {
    solverSeconds: Math.max(MINIMUM_SOLVER_SECONDS, left - reserve),
    watchdogMs: (left + WATCHDOG_GRACE_SECONDS) * 1000,
    hardStopMs: (left + HARD_STOP_GRACE_SECONDS) * 1000,
  };
}
