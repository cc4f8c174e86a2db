/**
 * The cost–travel trade-off curve of a plan by the ε-constraint method (Haimes, Lasdon & Wismer 1971): the
 * least-travel plan and the least-cost plan bound the curve; between them, K points each minimise cost with
 * mean travel at most ε, for ε evenly spaced from the least travel to the least-cost plan's travel.
 * @module
 */
import type { PlanOptions } from "./rules/options.ts";
import { solvePreparedPlan, type PlanSolve, type PreparedPlan } from "./solve/solvePlan.ts";
import type { TradeoffPoint } from "./result/result.ts";

function pointOf(epsilon: number, solve: PlanSolve): TradeoffPoint {
  const score = solve.score;
  return Object.freeze({
    maxMeanTravelMinutes: epsilon,
    status: solve.status,
    costYuanPerYear: score === null ? null : score.costs.total,
    meanTravelMinutes: score === null ? null : score.travel.meanMinutes,
    gap: solve.gap,
    openSchools: score === null ? null : score.counts.open,
  });
}

/**
 * Computes K points of the trade-off curve (K = `options.tradeoffPoints` ≥ 2). Each point is a full solve with
 * the same options (time limit per solve); a point whose solve stops early keeps its status and gap.
 * @param prepared - the prepared plan
 * @param options - the plan options
 * @param main - the plan already solved with `options.objective`, reused as one end of the curve
 * @returns the points from least travel to least cost; empty when either end has no plan
 */
export async function tradeoffCurve(prepared: PreparedPlan, options: PlanOptions, main: PlanSolve): Promise<TradeoffPoint[]> {
  const points = options.tradeoffPoints ?? 0;
  const rules = prepared.context.rules;
  const mainIsCost = (options.objective ?? "cost") === "cost";
  const leastCost = mainIsCost ? main : await solvePreparedPlan(prepared, { ...options, objective: "cost" }, rules);
  const leastTravel = mainIsCost ? await solvePreparedPlan(prepared, { ...options, objective: "travel" }, rules) : main;
  if (leastCost.score === null || leastTravel.score === null) return [];
  const low = leastTravel.score.travel.meanMinutes;
  const high = Math.max(low, leastCost.score.travel.meanMinutes);
  const curve: TradeoffPoint[] = [];
  for (let k = 0; k < points; k++) {
    if (options.signal?.aborted) break;
    const epsilon = low + ((high - low) * k) / (points - 1);
    if (k === points - 1 && (rules.maxMeanTravelMinutes === null || rules.maxMeanTravelMinutes >= high)) {
      curve.push(pointOf(high, leastCost));
      continue;
    }
    // A hair above ε keeps the least-travel end feasible despite rounding of the mean.
    const limit = epsilon * (1 + 1e-9) + 1e-9;
    const solve = await solvePreparedPlan(prepared, { ...options, objective: "cost" }, { ...rules, maxMeanTravelMinutes: Math.min(limit, rules.maxMeanTravelMinutes ?? Infinity) });
    curve.push(pointOf(epsilon, solve));
  }
  return curve;
}
