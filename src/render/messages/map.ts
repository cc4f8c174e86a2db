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
}

/** The map words per language. */
export const MAP_MESSAGES: Readonly<Record<Language, MapMessages>> = {
  en: { legend: "Legend", north: "N" },
  zh: { legend: "图例", north: "北" },
};
