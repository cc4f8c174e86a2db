/**
 * The words of the plan tables (CSV, .xlsx): column headers with their units and the cost items, in Chinese and
 * English; a section of the message catalogue ({@link messagesFor}).
 * @module
 */
import type { PlanCostBreakdown } from "../../plan/result/result.ts";
import type { Language } from "./common.ts";

/** The keys of the plain table headers. */
export type TableHeaderKey = "id" | "name" | "type" | "tier" | "township" | "townshipName" | "settlementName" | "schoolName" | "existing" | "action" | "open" | "enrolment" | "classes" | "seats" | "classrooms" | "classroomsAdded" | "beds" | "bedsAdded" | "boarders" | "utilization" | "small" | "settlement" | "level" | "school" | "pupils" | "travelMinutes" | "travelMetres" | "boarding" | "settlements" | "schoolsOpen" | "schoolsClosed" | "schoolsBuilt" | "meanTrip" | "item" | "planCost" | "statusQuoCost" | "difference" | "pupilsUnit" | "classesUnit";

/** The table words of one language. */
export interface TableMessages {
  /** Column headers (with the unit where the column has one). */
  readonly headers: Readonly<Record<TableHeaderKey, string>>;
  /** Cost items, in the order of {@link PlanCostBreakdown}. */
  readonly costItems: Readonly<Record<keyof PlanCostBreakdown, string>>;
  /** A header with a per-level part, e.g. `enrolment: junior secondary (pupils)` / `在校生：初中（人）`. */
  readonly perLevel: (word: string, level: string, unit: string) => string;
}

/** The table words per language. Level names come from the common section. */
export const TABLE_MESSAGES: Readonly<Record<Language, TableMessages>> = {
  en: {
    headers: {
      id: "id",
      name: "name",
      type: "type",
      tier: "tier",
      township: "township",
      townshipName: "township name",
      settlementName: "settlement name",
      schoolName: "school name",
      existing: "existing",
      action: "action",
      open: "open",
      enrolment: "enrolment",
      classes: "classes",
      seats: "seats",
      classrooms: "classrooms",
      classroomsAdded: "classrooms added",
      beds: "beds",
      bedsAdded: "beds added",
      boarders: "boarders",
      utilization: "utilization (share)",
      small: "small school",
      settlement: "settlement",
      level: "level",
      school: "school",
      pupils: "pupils",
      travelMinutes: "travel (min)",
      travelMetres: "travel (m)",
      boarding: "boarding",
      settlements: "settlements",
      schoolsOpen: "schools open",
      schoolsClosed: "schools closed",
      schoolsBuilt: "schools built",
      meanTrip: "mean trip (min)",
      item: "item",
      planCost: "plan (yuan/yr)",
      statusQuoCost: "status quo (yuan/yr)",
      difference: "difference (yuan/yr)",
      pupilsUnit: "pupils",
      classesUnit: "classes",
    },
    costItems: {
      schools: "running cost of open schools",
      newSchools: "new schools (annualised)",
      closures: "closures",
      classes: "running cost of classes",
      classrooms: "added classrooms (annualised)",
      beds: "added beds (annualised)",
      boarders: "boarders",
      transport: "transport",
      total: "total",
    },
    perLevel: (word, level, unit) => `${word}: ${level} (${unit})`,
  },
  zh: {
    headers: {
      id: "编号",
      name: "名称",
      type: "类型",
      tier: "层级",
      township: "乡镇",
      townshipName: "乡镇名称",
      settlementName: "居民点名称",
      schoolName: "学校名称",
      existing: "现有",
      action: "处置",
      open: "开办",
      enrolment: "在校生",
      classes: "班数",
      seats: "学位",
      classrooms: "教室",
      classroomsAdded: "新增教室",
      beds: "床位",
      bedsAdded: "新增床位",
      boarders: "寄宿生",
      utilization: "学位利用率（比例）",
      small: "小规模学校",
      settlement: "居民点",
      level: "学段",
      school: "学校",
      pupils: "学生",
      travelMinutes: "单程时间（分钟）",
      travelMetres: "单程距离（米）",
      boarding: "寄宿",
      settlements: "居民点数",
      schoolsOpen: "开办学校数",
      schoolsClosed: "撤并学校数",
      schoolsBuilt: "新建学校数",
      meanTrip: "平均单程时间（分钟）",
      item: "项目",
      planCost: "规划方案（元/年）",
      statusQuoCost: "现状（元/年）",
      difference: "差额（元/年）",
      pupilsUnit: "人",
      classesUnit: "班",
    },
    costItems: {
      schools: "学校运行费",
      newSchools: "新建学校（年化）",
      closures: "撤并费用",
      classes: "班级运行费",
      classrooms: "新增教室（年化）",
      beds: "新增床位（年化）",
      boarders: "寄宿费用",
      transport: "交通费用",
      total: "合计",
    },
    perLevel: (word, level, unit) => `${word}：${level}（${unit}）`,
  },
};
