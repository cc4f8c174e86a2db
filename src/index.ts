/**
 * school-layout: facility-location and school-layout planning on real geography.
 *
 * The pipeline runs one way: GeoJSON, CSV or matrices at the edge (`io`, `travel`) → a {@link Problem}
 * (typed arrays, i = demand point, j = site) → a model (`models`) built as a {@link LinearModel} → a backend
 * (`solvers`) → a {@link Solution} → metrics, checks and GeoJSON out.
 * @module
 */
export { InputError, SolverError, quoteValue } from "./errors.ts";
export type { InputLocation } from "./errors.ts";
export {
  COST_UNITS,
  allowedPairCount,
  costOf,
  denseCostMatrix,
  forEachAllowedSite,
  sparseCostMatrix,
} from "./costMatrix.ts";
export type { CostMatrix, CostUnit, DenseCostMatrix, SparseCostMatrix } from "./costMatrix.ts";
export { CompensatedSum, compensatedSum } from "./compensatedSum.ts";
export { createProblem, totalDemand } from "./problem.ts";
export type { DemandPoint, DemandPointInput, Problem, Site, SiteInput } from "./problem.ts";
export { MODEL_NAMES, relativeGap } from "./solution.ts";
export type {
  Allocation,
  InfeasibilityReason,
  ModelName,
  Solution,
  SolveStatistics,
  SolveStatus,
  SolverName,
} from "./solution.ts";
export type {
  CapacitatedPMedianModelSpec,
  CapacitatedPMedianSpec,
  FixedChargeModelSpec,
  MaxCoverageModelSpec,
  PCenterModelSpec,
  PMedianModelSpec,
  SetCoverModelSpec,
  FixedChargeSpec,
  MaxCoverageSpec,
  ModelSpec,
  PCenterSpec,
  PMedianSpec,
  SetCoverSpec,
  SiteChoice,
} from "./models/spec.ts";
export * from "./solvers/index.ts";
export * from "./models/index.ts";
export * from "./heuristics/index.ts";
export * from "./exact/index.ts";
export * from "./metrics/index.ts";
export * from "./io/index.ts";
export * from "./travel/index.ts";
export * from "./synthetic/index.ts";
export * from "./norms/index.ts";
export * from "./plan/index.ts";
export * from "./render/index.ts";
export * from "./population/index.ts";
export * from "./communities/index.ts";
