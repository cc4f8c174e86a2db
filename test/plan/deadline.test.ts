import { describe, expect, it, vi } from "vitest";
import {
  HARD_STOP_GRACE_SECONDS,
  MINIMUM_SOLVER_SECONDS,
  PLAN_TIME_MARGIN_SECONDS,
  POST_SOLVE_RESERVE_SECONDS,
  WATCHDOG_GRACE_SECONDS,
  planDeadline,
} from "../../src/plan/solve/deadline.ts";
import type { SolveOptions } from "../../src/solvers/options.ts";

// Every solve of a plan is recorded with its options, then run by the real backend.
const calls: { readonly timeLimitSeconds: number | undefined; readonly signal: AbortSignal | undefined }[] = [];
vi.mock("../../src/solvers/solve.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/solvers/solve.ts")>();
  return {
    ...actual,
    solveLinearModel: (model: unknown, options: SolveOptions & { timeLimitSeconds?: number } = {}) => {
      calls.push({ timeLimitSeconds: options.timeLimitSeconds, signal: options.signal });
      return (actual.solveLinearModel as (m: unknown, o: unknown) => unknown)(model, options);
    },
  };
});

const { tinyPlan } = await import("./planFixture.ts");

describe("planDeadline", () => {
  it("gives the solver the time left less the post-solve reserve, and stops it at most the grace after the limit", () => {
    for (const [limit, elapsed] of [[60, 0], [60, 12.5], [60, 59.9], [10, 3], [1, 0], [600, 100]] as const) {
      const { solverSeconds, watchdogMs, hardStopMs } = planDeadline(limit, elapsed);
      const left = limit - elapsed;
      const reserve = Math.min(POST_SOLVE_RESERVE_SECONDS, 0.02 * limit);
      expect(solverSeconds).toBeCloseTo(Math.max(MINIMUM_SOLVER_SECONDS, left - reserve), 12);
      expect(watchdogMs / 1000).toBeCloseTo(left + WATCHDOG_GRACE_SECONDS, 12);
      expect(hardStopMs / 1000).toBeCloseTo(left + HARD_STOP_GRACE_SECONDS, 12);
      // The watchdog and the hard stop come in that order, within the documented margin of the whole call.
      expect(watchdogMs).toBeLessThan(hardStopMs);
      expect(elapsed + hardStopMs / 1000).toBeLessThanOrEqual(limit + PLAN_TIME_MARGIN_SECONDS);
    }
  });

  it("past the limit gives the solver only the least time and the watchdog only its grace", () => {
    expect(planDeadline(60, 63)).toEqual({ solverSeconds: MINIMUM_SOLVER_SECONDS, watchdogMs: WATCHDOG_GRACE_SECONDS * 1000, hardStopMs: HARD_STOP_GRACE_SECONDS * 1000 });
  });
});

describe("planSchools under a time limit (regression: 63.1 s on a 60-s limit)", () => {
  it("passes every solve a limit within the call's, the MIP's less the post-solve reserve, each under the watchdog", async () => {
    calls.length = 0;
    const limit = 20;
    const timers = vi.spyOn(globalThis, "setTimeout");
    const { plan } = await tinyPlan({ timeLimitSeconds: limit });
    const delays = timers.mock.calls.map((call) => Number(call[1] ?? 0));
    timers.mockRestore();
    // The watchdog and the hard stop are set; none waits past the limit plus the margin (the fault: 1.05 × the time left + 3 s).
    expect(delays.filter((ms) => ms > 1000).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...delays)).toBeLessThanOrEqual((limit + PLAN_TIME_MARGIN_SECONDS) * 1000);
    expect(plan.status).toBe("optimal");
    expect(calls.length).toBeGreaterThanOrEqual(2); // the LP relaxation, then the MIP
    for (const call of calls) {
      expect(call.timeLimitSeconds).toBeDefined();
      expect(call.timeLimitSeconds!).toBeLessThanOrEqual(limit - Math.min(POST_SOLVE_RESERVE_SECONDS, 0.02 * limit));
      expect(call.signal).toBeInstanceOf(AbortSignal);
    }
    // The relaxation has half the time left; the MIP what is left after the relaxation and the heuristic.
    expect(calls[0]!.timeLimitSeconds!).toBeLessThanOrEqual(limit / 2);
    expect(plan.statistics.seconds).toBeGreaterThan(0);
  });
});
