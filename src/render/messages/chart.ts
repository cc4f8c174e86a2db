/**
 * The words of charts (projected pupils by level and year, and classroom use over the plan years), in Chinese and
 * English; a section of the message catalogue ({@link messagesFor}).
 * @module
 */
import type { Language } from "./common.ts";

/** The chart words of one language. */
export interface ChartMessages {
  /** Title of the chart of pupils by level and year. */
  readonly enrolmentTitle: string;
  /** Title of the chart of classroom use per plan year. */
  readonly classroomUseTitle: string;
  /** Title of the chart of each school's utilization over the plan years. */
  readonly schoolUseTitle: string;
  /** Axis label of years. */
  readonly year: string;
  /** Axis label of pupils. */
  readonly pupils: string;
  /** A scenario's name in a legend: the built-in ids get words, others are shown as given. */
  readonly scenario: (id: string) => string;
  /** Legend entry of the plan. */
  readonly plan: string;
  /** Legend entry of today's layout. */
  readonly today: string;
  /** The corner note of a projection chart. */
  readonly projectionNote: string;
}

const ZH_SCENARIOS: Readonly<Record<string, string>> = { low: "低方案", medium: "中方案", high: "高方案" };
const EN_SCENARIOS: Readonly<Record<string, string>> = { low: "low scenario", medium: "medium scenario", high: "high scenario" };

/** The chart words by language. */
export const CHART_MESSAGES: Readonly<Record<Language, ChartMessages>> = {
  zh: {
    enrolmentTitle: "分学段学生数预测",
    classroomUseTitle: "教室使用率（规划与现状布局）",
    schoolUseTitle: "各校学位使用率（按规划年份）",
    year: "年份",
    pupils: "学生数",
    scenario: (id) => ZH_SCENARIOS[id] ?? id,
    plan: "规划",
    today: "现状布局",
    projectionNote: "预测，非统计数据：按2020年人口普查与假定情景推算",
  },
  en: {
    enrolmentTitle: "Projected pupils by level",
    classroomUseTitle: "Classrooms in use (plan and today's layout)",
    schoolUseTitle: "Utilization of each school's seats by plan year",
    year: "year",
    pupils: "pupils",
    scenario: (id) => EN_SCENARIOS[id] ?? id,
    plan: "plan",
    today: "today's layout",
    projectionNote: "projection, not data: from the 2020 census under assumed scenarios",
  },
};
