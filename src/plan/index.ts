// School-system plans: the system, rules, costs, the plan MIP and its checks (named exports only).
export { LEVELS_SERVED, SCHOOL_TIERS, SCHOOL_TYPES, SIZE_NORM_OF_TYPE, serves } from "./system/schoolTypes.ts";
export type { SchoolTier, SchoolType } from "./system/schoolTypes.ts";
export { DEFAULT_PLAN_COSTS, SCHOOL_COST_NAMES, defaultPlanCosts } from "./rules/costs.ts";
export type { PlanCosts, SchoolCostOverrides } from "./rules/costs.ts";
export { createSchoolSystem } from "./system/system.ts";
export type { PupilsByLevel, School, SchoolInput, SchoolSystem, SchoolSystemInput, Settlement, SettlementInput, SpecialGroup } from "./system/system.ts";
export { PLAN_OPTION_NAMES } from "./rules/options.ts";
export type { PlanObjective, PlanOptions, PlanRuleOptions } from "./rules/options.ts";
export { classSizeAt, resolvePlanRules } from "./rules/rules.ts";
export type { PlanRules } from "./rules/rules.ts";
export { resolvePlanCosts } from "./rules/schoolCosts.ts";
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
} from "./result/result.ts";
export { buildPlanModel } from "./solve/model.ts";
export type { PlanModel, PlanModelOptions, PlanRowKind } from "./solve/model.ts";
export { planSchools } from "./planSchools.ts";
export { planStatusQuo } from "./statusQuoScore.ts";
export { PLAN_TIME_MARGIN_SECONDS } from "./solve/deadline.ts";
export { checkPlan } from "./check/checkPlan.ts";
export type { PlanCheck } from "./check/checkPlan.ts";
export { DEFAULT_LEVEL_MODES, travelMinutesByLevel, withinAreaAssumptions } from "./system/travelByLevel.ts";
export { withinAreaMetres, withinAreaTrip } from "./system/withinArea.ts";
export type { WithinAreaAssumptions, WithinAreaRule } from "./system/withinArea.ts";
export type { FallbackTravelByLevelOptions, NetworkTravelByLevelOptions, StraightLineAssumptions, TravelByLevel, TravelByLevelOptions, TravelByLevelPart } from "./system/travelByLevel.ts";
export { findNecessarySmallSchools } from "./rules/smallSchools.ts";
export type { DependentSettlement, NecessarySchool, SmallSchoolGuarantee, SmallSchoolOptions } from "./rules/smallSchools.ts";
export { planToJson } from "./result/planJson.ts";
export type { PlanJson, PlanJsonAssignment, PlanJsonByLevel, PlanJsonCosts, PlanJsonLayout, PlanJsonRules, PlanJsonSchool, PlanJsonSplitSettlement, PlanJsonSplitShare, PlanJsonStatusQuo, PlanJsonTradeoffPoint, PlanJsonTravel } from "./result/planJsonTypes.ts";
export type { CoverageRule } from "./rules/coverageRules.ts";
export type { ScoringContext } from "./heuristic/score.ts";
export type { AssignmentChoices } from "./heuristic/choices.ts";
export type { SchoolCostTable } from "./rules/schoolCosts.ts";
export { levelCapacity } from "./heuristic/choices.ts";
export { splitSettlements, splitShareRule } from "./result/splitShares.ts";
export type { SplitSettlement, SplitShare, SplitShareRule } from "./result/splitShares.ts";
export { MULTI_YEAR_PLAN_OPTION_NAMES, planSchoolsOverYears } from "./years/planOverYears.ts";
export { checkPlanOverYears } from "./years/checkYears.ts";
export type { YearToCheck } from "./years/checkYears.ts";
export { demandFromProjection, systemForYear } from "./years/yearDemand.ts";
export type { ProjectionDemandOptions, YearDemand } from "./years/yearDemand.ts";
export { SOCIAL_DISCOUNT_RATE, yearWeights } from "./years/yearOptions.ts";
export type { MultiYearPlanOptions, PlanScenario, ScenarioCriterion, YearWeight } from "./years/yearOptions.ts";
export type { ScenarioRegret } from "./years/regretYears.ts";
export type { MultiYearPlan, PlanYear, ScheduledYear, SchoolSchedule, YearChange, YearFigures, WeightedScenario, YearStatusQuo, YearViolation } from "./years/yearResult.ts";
export type { YearBefore } from "./years/yearPlans.ts";
export { MULTI_YEAR_PLAN_TYPE, multiYearPlanToJson } from "./years/yearJson.ts";
export type { MultiYearPlanJson, YearJson, YearSchoolJson, YearStatusQuoJson } from "./years/yearJson.ts";
export type { YearsMethod } from "./years/solveYears.ts";
