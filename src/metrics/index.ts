export { checkSolution } from "./checkSolution.ts";
export type { SolutionCheck } from "./checkSolution.ts";
export { summarizeSolution } from "./summary.ts";
export type { SolutionSummary } from "./summary.ts";
export { giniCoefficient, theilIndex, weightedMean, weightedQuantile } from "./distribution.ts";
export {
  BALANCE_COEFFICIENT_LIMITS,
  BALANCE_INDICATORS,
  BALANCE_INDICATORS_TO_MEET,
  BALANCE_MINIMUM_PUPILS,
  BALANCE_SOURCE,
  BALANCE_STAGES,
  weightedCoefficientOfVariation,
  weightedVariation,
} from "./balanceIndicators.ts";
export type { BalanceIndicator, BalanceIndicatorId, BalanceStage, WeightedVariation } from "./balanceIndicators.ts";
export { balanceEvaluation } from "./balance.ts";
export type { BalanceEvaluation, BalanceOptions, BalanceSchool, BalanceTotals, IndicatorBalance, SchoolBalance, StageBalance } from "./balance.ts";
export { checkLayout, planLayout } from "./layout.ts";
export type { Layout } from "./layout.ts";
export { accessFigures } from "./access.ts";
export type { AccessFigures, LevelAccess, TownshipAccess, TripFigures } from "./access.ts";
export { travelEquity } from "./equity.ts";
export type { TravelEquity, TravelInequality } from "./equity.ts";
export { LARGE_CLASS_PUPILS, SUPER_LARGE_CLASS_PUPILS, schoolFigures } from "./schoolFigures.ts";
export type { LevelSchoolFigures, SchoolFigure, SchoolFigures, SchoolLevelFigures } from "./schoolFigures.ts";
export { balanceSchoolsOfLayout, evaluateLayout } from "./evaluate.ts";
export type { EvaluateLayoutOptions, LayoutCosts, LayoutEvaluation } from "./evaluate.ts";
export { compareBalance, compareFigures, comparePlans } from "./compare.ts";
export type { FigureChange } from "./compare.ts";
