/**
 * The words of maps (legends, titles, scale bar, corner notes), in Chinese and English; a section of the message
 * catalogue ({@link messagesFor}).
 * @module
 */
import type { Language } from "./common.ts";

/** The map words of one language. */
export interface MapMessages {
  /** Legend heading. */
  readonly legend: string;
  /** "N" of the north arrow ("北" in Chinese). */
  readonly north: string;
  /** Legend entry of a school with boarders. */
  readonly boarding: string;
  /** Legend entry of a boarder's (weekly) trip line. */
  readonly boardingTrip: string;
  /** Legend entry of an assignment line several levels share. */
  readonly severalLevels: string;
  /** Legend entry of a settlement circle. */
  readonly settlement: string;
  /** Legend heading of the travel view's colours. */
  readonly meanTrip: string;
  /** Subtitle of the travel view. */
  readonly travelView: string;
  /** Label of the travel basis note. */
  readonly travelBasis: string;
  /** Title of the status-quo panel. */
  readonly statusQuoTitle: string;
  /** Title of the plan panel beside the status quo. */
  readonly planTitle: string;
  /** Title of the travel view. */
  readonly travelTitle: string;
  /** Caption of the plan map. */
  readonly planCaption: string;
  /** Caption of the status quo beside the plan. */
  readonly sideBySideCaption: string;
  /** Caption of the travel view. */
  readonly travelCaption: string;
  /** Caption of the maps per level. */
  readonly levelsCaption: string;
  /** Title of the communities map. */
  readonly communitiesTitle: string;
  /** Legend entries of the community roles. */
  readonly lead: string;
  /** See `lead`. */
  readonly hub: string;
  /** See `lead`. */
  readonly member: string;
  /** Legend entry of a community's links (lead → hub → member). */
  readonly communityLink: string;
  /** Legend entry of a community's outline (a picture, not a boundary). */
  readonly communityOutline: string;
}

/** The map words per language. */
export const MAP_MESSAGES: Readonly<Record<Language, MapMessages>> = {
  en: { legend: "Legend", north: "N", boarding: "boarding school", boardingTrip: "boarders (weekly trip)", severalLevels: "several levels", settlement: "settlement (size: pupils)", meanTrip: "mean one-way trip", travelView: "travel: settlements by their pupils' mean trip", travelBasis: "travel", statusQuoTitle: "Status quo", planTitle: "Plan", travelTitle: "The plan: travel", planCaption: "The plan: schools by action, assignment lines by level.", sideBySideCaption: "The status quo beside the plan.", travelCaption: "Settlements coloured by their pupils' mean one-way trip.", levelsCaption: "One map per level: its assignments and the schools serving it.", communitiesTitle: "Education communities", lead: "lead school", hub: "hub (township school)", member: "member school", communityLink: "link (lead → hub → member)", communityOutline: "community (a sketch)" },
  zh: { legend: "图例", north: "北", boarding: "寄宿制学校", boardingTrip: "寄宿生（每周往返）", severalLevels: "多个学段", settlement: "居民点（大小：学生数）", meanTrip: "平均单程时间", travelView: "出行：居民点颜色表示平均单程时间", travelBasis: "出行时间", statusQuoTitle: "现状", planTitle: "规划", travelTitle: "规划：出行时间", planCaption: "规划：学校按措施区分，分配线颜色表示学段。", sideBySideCaption: "现状与规划并列。", travelCaption: "居民点颜色表示其学生的平均单程时间。", levelsCaption: "分学段地图：各学段的分配线及服务该学段的学校。", communitiesTitle: "城乡教育共同体", lead: "牵头学校", hub: "枢纽学校（乡镇学校）", member: "成员学校", communityLink: "联系（牵头→枢纽→成员）", communityOutline: "共同体范围（示意，非边界）" },
};
