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
  /** Legend entry of a settlement circle. */
  readonly settlement: string;
  /** Legend heading of the travel view's colours. */
  readonly meanTrip: string;
  /** Subtitle of the travel view. */
  readonly travelView: string;
  /** Label of the travel basis note. */
  readonly travelBasis: string;
}

/** The map words per language. */
export const MAP_MESSAGES: Readonly<Record<Language, MapMessages>> = {
  en: { legend: "Legend", north: "N", boarding: "boarding school", boardingTrip: "boarders (weekly trip)", settlement: "settlement (size: pupils)", meanTrip: "mean one-way trip", travelView: "travel: settlements by their pupils' mean trip", travelBasis: "travel" },
  zh: { legend: "图例", north: "北", boarding: "寄宿制学校", boardingTrip: "寄宿生（每周往返）", settlement: "居民点（大小：学生数）", meanTrip: "平均单程时间", travelView: "出行：居民点颜色表示平均单程时间", travelBasis: "出行时间" },
};
