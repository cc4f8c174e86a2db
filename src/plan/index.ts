// School-system plans: the system, rules, costs, the plan MIP and its checks (named exports only).
export { LEVELS_SERVED, SCHOOL_TIERS, SCHOOL_TYPES, SIZE_NORM_OF_TYPE, serves } from "./schoolTypes.ts";
export type { SchoolTier, SchoolType } from "./schoolTypes.ts";
export { DEFAULT_PLAN_COSTS, SCHOOL_COST_NAMES, defaultPlanCosts } from "./costs.ts";
export type { PlanCosts, SchoolCostOverrides } from "./costs.ts";
export { createSchoolSystem } from "./system.ts";
export type { PupilsByLevel, School, SchoolInput, SchoolSystem, SchoolSystemInput, Settlement, SettlementInput, SpecialGroup } from "./system.ts";
export { PLAN_OPTION_NAMES } from "./options.ts";
export type { PlanObjective, PlanOptions, PlanRuleOptions } from "./options.ts";
export { classSizeAt, resolvePlanRules } from "./rules.ts";
export type { PlanRules } from "./rules.ts";
export { resolvePlanCosts } from "./schoolCosts.ts";
export type {
  Plan,
  PlanCostBreakdown,
  PlanCounts,
  PlanInfeasibilityReason,
  PlannedAssignment,
  PlannedSchool,
  PlanScore,
  PlanTravel,
  PlanViolation,
  PlanViolationRule,
  ThreeSchoolsPart,
  SchoolAction,
  StatusQuo,
  TradeoffPoint,
} from "./result.ts";
export { buildPlanModel } from "./model.ts";
export type { PlanModel, PlanModelOptions, PlanRowKind } from "./model.ts";
export { planSchools } from "./planSchools.ts";
export { planStatusQuo } from "./statusQuoScore.ts";
export { PLAN_TIME_MARGIN_SECONDS } from "./deadline.ts";
export { checkPlan } from "./checkPlan.ts";
export type { PlanCheck } from "./checkPlan.ts";
export { DEFAULT_LEVEL_MODES, travelMinutesByLevel, withinAreaAssumptions } from "./travelByLevel.ts";
export { withinAreaMetres, withinAreaTrip } from "./withinArea.ts";
export type { WithinAreaAssumptions, WithinAreaRule } from "./withinArea.ts";
export type { FallbackTravelByLevelOptions, NetworkTravelByLevelOptions, StraightLineAssumptions, TravelByLevel, TravelByLevelOptions, TravelByLevelPart } from "./travelByLevel.ts";
export { findNecessarySmallSchools } from "./smallSchools.ts";
export type { DependentSettlement, NecessarySchool, SmallSchoolGuarantee, SmallSchoolOptions } from "./smallSchools.ts";
export { planToJson } from "./planJson.ts";
export type { PlanJson, PlanJsonAssignment, PlanJsonByLevel, PlanJsonCosts, PlanJsonLayout, PlanJsonRules, PlanJsonSchool, PlanJsonSplitSettlement, PlanJsonSplitShare, PlanJsonStatusQuo, PlanJsonTradeoffPoint, PlanJsonTravel } from "./planJsonTypes.ts";
export type { CoverageRule } from "./coverageRules.ts";
export type { ScoringContext } from "./score.ts";
export type { AssignmentChoices } from "./choices.ts";
export type { SchoolCostTable } from "./schoolCosts.ts";
export { levelCapacity } from "./choices.ts";
export { splitSettlements, splitShareRule } from "./splitShares.ts";
export type { SplitSettlement, SplitShare, SplitShareRule } from "./splitShares.ts";
