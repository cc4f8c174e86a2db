// The plan report in HTML or Markdown (named exports only).
export { planReportDocument, planReportHtml, planSummaryMarkdown } from "./planReport.ts";
export type { PlanReportCommunities, PlanReportOptions, ReportFigure } from "./planReport.ts";
export { comparisonDocument, evaluationDocument } from "./evaluationReport.ts";
export type { EvaluationDocumentOptions } from "./evaluationReport.ts";
export { PLAN_MAP_KINDS, planMapFigures } from "./planFigures.ts";
export type { PlanFigureOptions, PlanMapKind } from "./planFigures.ts";
export { multiYearReportDocument, multiYearReportHtml, multiYearSummaryMarkdown } from "./yearReport.ts";
export type { MultiYearReportOptions } from "./yearReport.ts";
export { yearMapFigures } from "./yearMaps.ts";
export type { YearMapOptions } from "./yearMaps.ts";
export { communityReportDocument, communityReportHtml, communitySectionBlocks, communitySummaryMarkdown } from "./communityReport.ts";
export type { CommunityReportOptions, CommunityReportRules, CommunitySectionOptions } from "./communityReport.ts";
