/**
 * The words of norm violations ({@link PlanViolation}, from checkPlan): each rule's name, and a sentence built
 * from the violation's fields (names, pupils, the figure and its limit) in Chinese and English; a section of the
 * message catalogue ({@link messagesFor}). A violation whose fields do not carry its figures (the plan's
 * consistency checks: a reported figure that does not match its recomputation) is told by the rule's name and
 * what it concerns; in English its own sentence is shown instead.
 * @module
 */
import type { PlanViolationRule, ThreeSchoolsPart } from "../../plan/result/result.ts";
import type { Language } from "./common.ts";

/**
 * A violation's parts, already written for the reader: names in place of ids (the id where a name is missing),
 * numbers formatted, each empty string where the violation has no such part.
 */
export interface ViolationParts {
  /** The school's name. */
  readonly school: string;
  /** The settlement's name. */
  readonly settlement: string;
  /** The level's name. */
  readonly level: string;
  /** The township's name. */
  readonly township: string;
  /** The part of the three schools missing, if any. */
  readonly missing: ThreeSchoolsPart | undefined;
  /** Pupils involved. */
  readonly pupils: string;
  /** The figure found (minutes to 0.1, money as yuan a year, otherwise whole numbers); "" where none. */
  readonly value: string;
  /** The limit it breaks; "" where none. */
  readonly limit: string;
  /** True when the figure is a trip that cannot be made (no travel time). */
  readonly unreachable: boolean;
}

/** The violation words of one language. */
export interface ViolationMessages {
  /** Each rule's name, e.g. `dayTravel` → "day trip beyond the limit" / "走读单程超限". */
  readonly names: Readonly<Record<PlanViolationRule, string>>;
  /** A sentence for a violation of the rule, or null where its fields do not carry what the sentence needs. */
  readonly detail: (rule: PlanViolationRule, parts: ViolationParts) => string | null;
}

type Detail = (p: ViolationParts) => string | null;

const needs = (p: ViolationParts, sentence: () => string): string | null => (p.value === "" ? null : sentence());

const ZH_THREE: Readonly<Record<ThreeSchoolsPart, string>> = { kindergarten: "乡镇中心幼儿园", centralPrimary: "乡镇中心小学", boardingSchool: "寄宿制学校" };
const EN_THREE: Readonly<Record<ThreeSchoolsPart, string>> = { kindergarten: "a township central kindergarten", centralPrimary: "a township central primary", boardingSchool: "a boarding school" };

const ZH_DETAILS: Partial<Record<PlanViolationRule, Detail>> = {
  unassigned: (p) => needs(p, () => (p.value.startsWith("−") ? `${p.settlement}（${p.level}）多安排了 ${p.value.slice(1)} 人` : `${p.settlement}（${p.level}）有 ${p.value} 人未安排学校`)),
  dayTravel: (p) => (p.unreachable ? `${p.settlement}（${p.level}）${p.pupils} 人走读到${p.school}，无法到达` : needs(p, () => `${p.settlement}（${p.level}）${p.pupils} 人走读到${p.school}，单程 ${p.value} 分钟，限 ${p.limit} 分钟`)),
  boardingTravel: (p) => (p.unreachable ? `${p.settlement}（${p.level}）${p.pupils} 人寄宿于${p.school}，无法到达` : needs(p, () => `${p.settlement}（${p.level}）${p.pupils} 人寄宿于${p.school}，离家单程 ${p.value} 分钟，限 ${p.limit} 分钟`)),
  boardingGrade: (p) => `${p.settlement}（${p.level}）${p.pupils} 人在${p.school}寄宿，低于可寄宿年级`,
  closedSchool: (p) => (p.settlement === "" ? null : `${p.settlement}（${p.level}）${p.pupils} 人安排到未开办的${p.school}`),
  levelNotServed: (p) => (p.settlement === "" ? null : `${p.settlement}（${p.level}）${p.pupils} 人安排到不设该学段的${p.school}`),
  seats: (p) => needs(p, () => `${p.school}（${p.level}）在校生 ${p.value} 人，学位 ${p.limit} 个`),
  classrooms: (p) => needs(p, () => `${p.school}开设 ${p.value} 个班，只有 ${p.limit} 间教室`),
  schoolSize: (p) => needs(p, () => `${p.school}在校生 ${p.value} 人，规模上限 ${p.limit} 人`),
  minimumEnrolment: (p) => needs(p, () => `${p.school}保留开办，在校生 ${p.value} 人，不足最低 ${p.limit} 人`),
  beds: (p) => needs(p, () => `${p.school}寄宿生 ${p.value} 人，床位 ${p.limit} 张`),
  threeSchools: (p) => (p.missing === undefined ? null : `${p.township}缺少开办的${ZH_THREE[p.missing]}${p.missing === "boardingSchool" && p.limit !== "" ? `（床位不少于 ${p.limit} 张）` : ""}`),
  resourceRoom: (p) => needs(p, () => `${p.settlement}有 ${p.pupils} 名特殊教育学生，最近的资源教室单程 ${p.value} 分钟，限 ${p.limit} 分钟`),
  boardingCare: (p) => needs(p, () => `${p.settlement}（${p.level}）需寄宿照顾 ${p.limit} 人，寄宿 ${p.value} 人`),
  catchment: (p) => needs(p, () => `${p.settlement}（${p.level}）${p.pupils} 人分到 ${p.value} 所学校，按学区应只去一所`),
  splitShares: (p) => (p.value === "" ? `${p.settlement}（${p.level}）分到${p.school}的 ${p.pupils} 人不是整班` : `${p.settlement}（${p.level}）${p.pupils} 人分到 ${p.value} 所学校，最多 ${p.limit} 所`),
  required: (p) => `${p.school}必须开办，但未开办`,
  forbidden: (p) => `${p.school}不得开办，但已开办`,
  budget: (p) => needs(p, () => `规划费用 ${p.value}，超出预算 ${p.limit}`),
  closures: (p) => needs(p, () => `撤并 ${p.value} 所现有学校，最多 ${p.limit} 所`),
  meanTravel: (p) => needs(p, () => `学生平均单程 ${p.value} 分钟，限 ${p.limit} 分钟`),
  addedClassrooms: (p) => needs(p, () => `${p.school}新增 ${p.value} 间教室，最多可增 ${p.limit} 间`),
  addedBeds: (p) => needs(p, () => `${p.school}新增 ${p.value} 张床位，最多可增 ${p.limit} 张`),
};

const EN_DETAILS: Partial<Record<PlanViolationRule, Detail>> = {
  unassigned: (p) => needs(p, () => (p.value.startsWith("−") ? `${p.settlement}: ${p.value.slice(1)} pupils (${p.level}) too many assigned` : `${p.settlement}: ${p.value} pupils (${p.level}) without a school`)),
  dayTravel: (p) => (p.unreachable ? `${p.pupils} pupils (${p.level}) of ${p.settlement} travel daily to ${p.school}, which they cannot reach` : needs(p, () => `${p.pupils} pupils (${p.level}) of ${p.settlement} travel daily to ${p.school}: ${p.value} min one way, limit ${p.limit}`)),
  boardingTravel: (p) => (p.unreachable ? `${p.pupils} pupils (${p.level}) of ${p.settlement} board at ${p.school}, which they cannot reach` : needs(p, () => `${p.pupils} pupils (${p.level}) of ${p.settlement} board at ${p.school}: ${p.value} min from home, limit ${p.limit}`)),
  classrooms: (p) => needs(p, () => `${p.school} teaches ${p.value} classes in ${p.limit} classrooms`),
  schoolSize: (p) => needs(p, () => `${p.school} enrols ${p.value} pupils; at most ${p.limit}`),
  minimumEnrolment: (p) => needs(p, () => `${p.school} is open with ${p.value} pupils; at least ${p.limit}`),
  beds: (p) => needs(p, () => `${p.school} houses ${p.value} boarders in ${p.limit} beds`),
  threeSchools: (p) => (p.missing === undefined ? null : `${p.township} lacks ${EN_THREE[p.missing]}${p.missing === "boardingSchool" && p.limit !== "" ? ` (at least ${p.limit} beds)` : ""} open`),
  addedClassrooms: (p) => needs(p, () => `${p.school} adds ${p.value} classrooms; at most ${p.limit}`),
  addedBeds: (p) => needs(p, () => `${p.school} adds ${p.value} beds; at most ${p.limit}`),
};

/** The violation words per language. */
export const VIOLATION_MESSAGES: Readonly<Record<Language, ViolationMessages>> = {
  en: {
    names: {
      unassigned: "pupils without a school",
      dayTravel: "day trip beyond the limit",
      boardingGrade: "boarder below the boarding grade",
      boardingTravel: "boarder's trip beyond the limit",
      closedSchool: "pupils at a school not open",
      levelNotServed: "level not served by the school",
      seats: "too few seats",
      classrooms: "too few classrooms (overcrowded)",
      schoolSize: "school above the size limit",
      minimumEnrolment: "open school below the minimum enrolment",
      beds: "too few beds",
      threeSchools: "township three schools incomplete",
      resourceRoom: "resource room out of reach",
      boardingCare: "too few boarding places for a group",
      catchment: "settlement split across schools",
      splitShares: "split settlement: too many schools or not whole classes",
      required: "required school not open",
      forbidden: "forbidden school open",
      budget: "over budget",
      closures: "too many closures",
      meanTravel: "mean trip beyond the limit",
      addedClassrooms: "more classrooms added than allowed",
      addedBeds: "more beds added than allowed",
      travelTimes: "travel times not the system's",
      enrolment: "reported enrolment does not match the rows",
      action: "reported action does not match",
      costs: "reported cost does not match",
    },
    detail: (rule, parts) => EN_DETAILS[rule]?.(parts) ?? null,
  },
  zh: {
    names: {
      unassigned: "学生未安排学校",
      dayTravel: "走读单程超限",
      boardingGrade: "低于可寄宿年级而寄宿",
      boardingTravel: "寄宿生单程超限",
      closedSchool: "学生安排到未开办学校",
      levelNotServed: "学校不设该学段",
      seats: "学位不足",
      classrooms: "教室不足（超容）",
      schoolSize: "学校规模超限",
      minimumEnrolment: "开办学校低于最低在校生数",
      beds: "床位不足",
      threeSchools: "乡镇“三所学校”不全",
      resourceRoom: "资源教室超出可达范围",
      boardingCare: "需照顾群体寄宿学位不足",
      catchment: "学区被拆分",
      splitShares: "拆分安排学校过多或不是整班",
      required: "必须开办的学校未开办",
      forbidden: "不得开办的学校被开办",
      budget: "超出预算",
      closures: "撤并学校过多",
      meanTravel: "平均单程超限",
      addedClassrooms: "新增教室超限",
      addedBeds: "新增床位超限",
      travelTimes: "通行时间与系统不符",
      enrolment: "在校生数与安排不符",
      action: "学校处置与计划不符",
      costs: "费用与重算不符",
    },
    detail: (rule, parts) => ZH_DETAILS[rule]?.(parts) ?? null,
  },
};
