/**
 * The one typed message catalogue of school-layout's outputs (maps, report, summary), in Chinese and English.
 * Each part of the outputs keeps its words in its own section file; this file puts them together.
 * @module
 */
import { CHART_MESSAGES, type ChartMessages } from "./chart.ts";
import { COMMON_MESSAGES, type CommonMessages, type Language } from "./common.ts";
import { COMMUNITY_REPORT_MESSAGES, type CommunityReportMessages } from "./communities.ts";
import { MAP_MESSAGES, type MapMessages } from "./map.ts";
import { REPORT_MESSAGES, type ReportMessages } from "./report.ts";
import { TABLE_MESSAGES, type TableMessages } from "./tables.ts";
import { VIOLATION_MESSAGES, type ViolationMessages } from "./violations.ts";
import { YEAR_REPORT_MESSAGES, type YearReportMessages } from "./years.ts";

/** Every message of one language, by section. */
export interface Messages {
  /** The language. */
  readonly language: Language;
  /** Shared words: levels, school types, actions, numbers. */
  readonly common: CommonMessages;
  /** Maps: legends, titles, scale bar, corner notes. */
  readonly map: MapMessages;
  /** Charts: titles, axes, scenario names. */
  readonly chart: ChartMessages;
  /** The plan report and summary.md: sections, tables, sentences. */
  readonly report: ReportMessages;
  /** The plan tables (CSV, .xlsx): headers with units, cost items. */
  readonly tables: TableMessages;
  /** Norm violations: rule names and sentences. */
  readonly violations: ViolationMessages;
  /** The multi-year plan report: sections, headers, changes, sentences. */
  readonly years: YearReportMessages;
  /** The communities report and the plan report's communities section. */
  readonly communities: CommunityReportMessages;
}

/**
 * The messages of one language.
 * @param language - `zh` or `en`
 */
export function messagesFor(language: Language): Messages {
  return { language, common: COMMON_MESSAGES[language], map: MAP_MESSAGES[language], chart: CHART_MESSAGES[language], report: REPORT_MESSAGES[language], tables: TABLE_MESSAGES[language], violations: VIOLATION_MESSAGES[language], years: YEAR_REPORT_MESSAGES[language], communities: COMMUNITY_REPORT_MESSAGES[language] };
}

export { CHART_MESSAGES } from "./chart.ts";
export type { ChartMessages } from "./chart.ts";
export { COMMON_MESSAGES, LANGUAGES, checkLanguage } from "./common.ts";
export { COMMUNITY_REPORT_MESSAGES } from "./communities.ts";
export type { CommunityReportMessages, CommunityRuleWords } from "./communities.ts";
export type { CommonMessages, Language } from "./common.ts";
export { MAP_MESSAGES } from "./map.ts";
export type { MapMessages } from "./map.ts";
export { REPORT_MESSAGES } from "./report.ts";
export type { ReportMessages, StatusWords } from "./report.ts";
export { TABLE_MESSAGES } from "./tables.ts";
export type { TableHeaderKey, TableMessages } from "./tables.ts";
export { VIOLATION_MESSAGES } from "./violations.ts";
export type { ViolationMessages, ViolationParts } from "./violations.ts";
export { YEAR_REPORT_MESSAGES } from "./years.ts";
export type { YearReportMessages, YearStatusWords } from "./years.ts";
