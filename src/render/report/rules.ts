/**
 * The report's rules in force: per level the travel limits, boarding and class size; then the school-size
 * limits, minimum enrolments, the small-school line, the three schools, catchments and the plan's limits.
 * @module
 */
import type { LevelId } from "../../norms/levels.ts";
import type { PlanRules } from "../../plan/rules/rules.ts";
import { SCHOOL_TYPES, type SchoolType } from "../../plan/system/schoolTypes.ts";
import type { Block, Inline } from "../document/blocks.ts";
import { heading, list, paragraph, table } from "../document/blocks.ts";
import type { Messages } from "../messages/index.ts";
import { formatNumber, levelName } from "./context.ts";

/** What the rules section reads: the rules, the levels planned and the school types the system has. */
export interface RulesContext {
  readonly messages: Messages;
  readonly rules: PlanRules;
  readonly levels: readonly LevelId[];
  readonly types: readonly SchoolType[];
}

/** The rules section. */
export function rulesBlocks(context: RulesContext): Block[] {
  const { rules } = context;
  const words = context.messages.report.rules;
  const common = context.messages.common;
  const limit = (value: number | null): string => (value === null ? words.noLimit : formatNumber(context, value, 0));
  const rows = context.levels.map((level): Inline[] => [
    levelName(context, level),
    limit(rules.dayTravelLimitMinutes[level]),
    rules.boardingAllowed[level] ? limit(rules.boardingTravelLimitMinutes[level]) : common.missing,
    rules.boardingAllowed[level] ? common.yes : common.no,
    formatNumber(context, rules.classSize[level]),
  ]);
  const types = SCHOOL_TYPES.filter((type) => context.types.includes(type));
  const minimum = types.filter((type) => rules.minimumEnrolment[type] > 0);
  const items = [
    words.items.boardingFrom(formatNumber(context, rules.boardingFromGrade), formatNumber(context, rules.teachingPointClassSize)),
    words.items.maxSize(types.map((type) => `${common.schoolTypes[type]} ${formatNumber(context, rules.maxSchoolSize[type])}`).join(", ")),
    words.items.minimum(minimum.length === 0 ? null : minimum.map((type) => `${common.schoolTypes[type]} ${formatNumber(context, rules.minimumEnrolment[type])}`).join(", ")),
    words.items.small(formatNumber(context, rules.smallSchoolPupils)),
    words.items.threeSchools(rules.threeSchools, formatNumber(context, rules.boardingSchoolMinimumBeds)),
    words.items.catchments(rules.catchments, rules.splitAbovePupils === Infinity ? "∞" : formatNumber(context, rules.splitAbovePupils)),
    words.items.wholeClasses(rules.wholeClasses),
    words.items.limits(
      rules.budgetYuanPerYear === null ? null : formatNumber(context, rules.budgetYuanPerYear),
      rules.maxClosures === null ? null : formatNumber(context, rules.maxClosures),
      rules.maxMeanTravelMinutes === null ? null : formatNumber(context, rules.maxMeanTravelMinutes, 1),
    ),
  ];
  return [
    heading(context.messages.report.sections.rules, 2, "rules"),
    paragraph(words.intro, "note"),
    table([words.level, `${words.dayLimit}#`, `${words.boardingLimit}#`, words.mayBoard, `${words.classSize}#`], rows),
    list(items),
  ];
}
