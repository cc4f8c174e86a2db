/**
 * The report's school sections: seats and utilization per level, the actions, the small schools, and the table
 * of schools one by one.
 * @module
 */
import type { LevelSchoolFigures } from "../../metrics/schoolFigures.ts";
import type { PlannedSchool, SchoolAction } from "../../plan/result/result.ts";
import { SCHOOL_TYPES } from "../../plan/system/schoolTypes.ts";
import type { Block, Inline } from "../document/blocks.ts";
import { heading, list, paragraph, table } from "../document/blocks.ts";
import { formatNumber, formatPercent, levelName, townshipName, type EvaluationContext, type ReportContext } from "./context.ts";

function levelRow(context: EvaluationContext, level: string, layout: string, figures: LevelSchoolFigures | undefined): Inline[] {
  if (figures === undefined) return [level, layout];
  const spread = figures.minUtilization === null ? context.messages.common.missing : `${formatPercent(context, figures.minUtilization, 0)} – ${formatPercent(context, figures.maxUtilization, 0)}`;
  return [
    level,
    layout,
    formatNumber(context, figures.schools),
    formatNumber(context, figures.seats),
    formatNumber(context, figures.pupils),
    formatNumber(context, figures.emptySeats),
    formatPercent(context, figures.utilization),
    spread,
    formatNumber(context, figures.pupilsPerClass, 1),
    formatNumber(context, figures.overClassSizeNormSchools),
  ];
}

/** Seats and utilization per level, plan and status quo. */
export function schoolLevelBlocks(context: EvaluationContext): Block[] {
  const { planEvaluation, statusQuoEvaluation } = context;
  if (planEvaluation === null && statusQuoEvaluation === null) return [];
  const words = context.messages.report;
  const s = words.schools;
  const rows: Inline[][] = [];
  for (const level of context.system.levels) {
    const name = levelName(context, level);
    if (planEvaluation !== null) rows.push(levelRow(context, name, words.headline.plan, planEvaluation.schools.levels[level]));
    if (statusQuoEvaluation !== null) rows.push(levelRow(context, planEvaluation === null ? name : "", words.headline.statusQuo, statusQuoEvaluation.schools.levels[level]));
  }
  const headers = [s.level, words.access.layout, `${s.open}#`, `${s.seats}#`, `${s.pupils}#`, `${s.empty}#`, `${s.utilization}#`, `${s.spread}#`, `${s.perClass}#`, `${s.overNorm}#`];
  return [heading(words.sections.schools, 2, "schools"), table(headers, rows), paragraph(s.note, "note")];
}

/** A school's name with its id where they differ. */
export function schoolLabel(school: Pick<PlannedSchool, "id" | "name">): string {
  return school.name === school.id ? school.id : `${school.name} (${school.id})`;
}

function totalPupils(school: PlannedSchool): number {
  return Object.values(school.enrolment).reduce((sum, value) => sum + value, 0);
}

const LISTED_ACTIONS: readonly SchoolAction[] = ["close", "expand", "build"];

/** The actions: counts in a sentence, then the schools closed, expanded and built, by type. */
export function actionBlocks(context: ReportContext): Block[] {
  const score = context.score;
  if (score === null) return [];
  const words = context.messages.report;
  const common = context.messages.common;
  const { counts } = score;
  const blocks: Block[] = [
    heading(words.sections.actions, 2, "actions"),
    paragraph(words.actions.summary(formatNumber(context, counts.open), formatNumber(context, counts.kept), formatNumber(context, counts.expanded), formatNumber(context, counts.closed), formatNumber(context, counts.built))),
  ];
  let any = false;
  for (const action of LISTED_ACTIONS) {
    const chosen = score.schools.filter((school) => school.action === action);
    if (chosen.length === 0) continue;
    any = true;
    const items = SCHOOL_TYPES.flatMap((type) => {
      const ofType = chosen.filter((school) => school.type === type);
      if (ofType.length === 0) return [];
      const detail = (school: PlannedSchool): string => {
        const added = [school.classroomsAdded > 0 ? words.actions.classrooms(formatNumber(context, school.classroomsAdded)) : "", school.bedsAdded > 0 ? words.actions.beds(formatNumber(context, school.bedsAdded)) : ""].filter(Boolean);
        return added.length === 0 || action === "close" ? schoolLabel(school) : `${schoolLabel(school)}: ${added.join(", ")}`;
      };
      return [[{ strong: `${common.schoolTypes[type]} (${ofType.length})` }, `: ${ofType.map(detail).join("; ")}`] as Inline[]];
    });
    blocks.push(heading(`${common.actions[action]} (${chosen.length})`, 3), list(items));
  }
  if (!any) blocks.push(paragraph(words.actions.none));
  return blocks;
}

/** The open small schools of the plan. */
export function smallSchoolBlocks(context: ReportContext): Block[] {
  const score = context.score;
  if (score === null) return [];
  const words = context.messages.report;
  const common = context.messages.common;
  const threshold = formatNumber(context, context.plan.rules.smallSchoolPupils);
  const small = score.schools.filter((school) => school.open && school.small);
  if (small.length === 0) return [heading(words.sections.smallSchools, 2, "small-schools"), paragraph(words.smallSchools.none(threshold))];
  const t = words.schoolTable;
  const rows = small.map((school): Inline[] => [schoolLabel(school), common.schoolTypes[school.type], common.tiers[school.tier], townshipName(context, school.township), common.actions[school.action], formatNumber(context, totalPupils(school))]);
  return [heading(words.sections.smallSchools, 2, "small-schools"), paragraph(words.smallSchools.intro(threshold)), table([t.name, t.type, t.tier, t.township, t.action, `${t.pupils}#`], rows)];
}

/** Every school the plan keeps open, builds or closes, with its figures. */
export function schoolTableBlocks(context: ReportContext): Block[] {
  const score = context.score;
  if (score === null) return [];
  const words = context.messages.report;
  const common = context.messages.common;
  const t = words.schoolTable;
  const levels = context.system.levels;
  const rows = score.schools
    .filter((school) => school.action !== "not built")
    .map((school): Inline[] => [
      school.id,
      school.name,
      common.schoolTypes[school.type],
      townshipName(context, school.township),
      common.actions[school.action],
      ...levels.map((level) => (school.open && (school.enrolment[level] > 0 || school.classes[level] > 0) ? `${formatNumber(context, school.enrolment[level])} / ${formatNumber(context, school.classes[level])}` : "")),
      formatNumber(context, school.boarders),
      formatNumber(context, school.beds),
      school.open ? formatPercent(context, school.utilization, 0) : "",
    ]);
  const headers = [t.id, t.name, t.type, t.township, t.action, ...levels.map((level) => `${levelName(context, level)}: ${t.pupils} / ${t.classes}#`), `${t.boarders}#`, `${t.beds}#`, `${t.utilization}#`];
  return [heading(words.sections.schoolTable, 2, "school-table"), paragraph(t.note, "note"), table(headers, rows)];
}
