/**
 * The words every output shares, in Chinese and English: level names, school types and tiers, plan actions, and
 * how numbers are written. Part of the one typed message catalogue ({@link messagesFor}).
 * @module
 */
import type { LevelId } from "../../norms/levels.ts";
import type { SchoolAction } from "../../plan/result/result.ts";
import type { SchoolTier, SchoolType } from "../../plan/system/schoolTypes.ts";

/** A language of the outputs: `zh` (简体中文) or `en` (English). */
export type Language = "zh" | "en";

/** All {@link Language} values. */
export const LANGUAGES: readonly Language[] = ["zh", "en"];

/** The shared words of one language. */
export interface CommonMessages {
  /** The language's own name, e.g. "中文". */
  readonly languageName: string;
  /** Level names (the level ids of {@link LevelId}). */
  readonly levels: Readonly<Record<LevelId, string>>;
  /** School type names. */
  readonly schoolTypes: Readonly<Record<SchoolType, string>>;
  /** School tier names. */
  readonly tiers: Readonly<Record<SchoolTier, string>>;
  /** Plan action names. */
  readonly actions: Readonly<Record<SchoolAction, string>>;
  /** A count with its unit word, e.g. (3, "pupils") → "3 pupils" / "3 名学生". */
  readonly pupils: (count: string) => string;
  /** Minutes, e.g. "12.5 min" / "12.5 分钟". */
  readonly minutes: (value: string) => string;
  /** Yuan, e.g. "1,234 yuan" / "1,234 元". */
  readonly yuan: (value: string) => string;
  /** Yuan a year in millions, e.g. "12.3 million yuan a year" / "1230 万元/年". */
  readonly yuanPerYear: (yuan: number) => string;
  /** Percent, e.g. "12.3 %". */
  readonly percent: (fraction: number, digits?: number) => string;
  /** A whole or decimal number with the language's separators. */
  readonly number: (value: number, digits?: number) => string;
  /** "—" for a missing value. */
  readonly missing: string;
  /** "yes" / "是". */
  readonly yes: string;
  /** "no" / "否". */
  readonly no: string;
  /** Word for illustrative data, e.g. "illustrative" / "示意". */
  readonly illustrative: string;
}

/** A number with thousands separators and `digits` decimals (a true minus sign for negatives). */
function grouped(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "—";
  const [whole, fraction] = Math.abs(value).toFixed(digits).split(".");
  const text = `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction === undefined ? "" : `.${fraction}`}`;
  return `${value < 0 && Number(text.replace(/,/g, "")) !== 0 ? "−" : ""}${text}`;
}

/** Percent of a fraction with `digits` decimals. */
function percentOf(fraction: number, digits = 1): string {
  return Number.isFinite(fraction) ? `${grouped(fraction * 100, digits)} %` : "—";
}

const EN: CommonMessages = {
  languageName: "English",
  levels: {
    kindergarten: "kindergarten",
    primary1to3: "primary grades 1–3",
    primary4to6: "primary grades 4–6",
    junior: "junior secondary",
    senior: "senior secondary",
  },
  schoolTypes: {
    kindergarten: "kindergarten",
    "teaching point": "teaching point",
    "complete primary": "complete primary school",
    "nine-year": "nine-year school",
    junior: "junior secondary school",
    "complete secondary": "complete secondary school",
    senior: "senior secondary school",
  },
  tiers: { "county seat": "county seat", township: "township", village: "village" },
  actions: { keep: "kept", expand: "expanded", close: "closed", build: "built", "not built": "not built" },
  pupils: (count) => `${count} pupils`,
  minutes: (value) => `${value} min`,
  yuan: (value) => `${value} yuan`,
  yuanPerYear: (yuan) => `${grouped(yuan / 1e6, 2)} million yuan a year`,
  percent: percentOf,
  number: grouped,
  missing: "—",
  yes: "yes",
  no: "no",
  illustrative: "illustrative",
};

const ZH: CommonMessages = {
  languageName: "中文",
  levels: {
    kindergarten: "幼儿园",
    primary1to3: "小学1–3年级",
    primary4to6: "小学4–6年级",
    junior: "初中",
    senior: "高中",
  },
  schoolTypes: {
    kindergarten: "幼儿园",
    "teaching point": "教学点",
    "complete primary": "完全小学",
    "nine-year": "九年一贯制学校",
    junior: "初级中学",
    "complete secondary": "完全中学",
    senior: "高级中学",
  },
  tiers: { "county seat": "县城", township: "乡镇", village: "村" },
  actions: { keep: "保留", expand: "扩建", close: "撤并", build: "新建", "not built": "未建" },
  pupils: (count) => `${count} 名学生`,
  minutes: (value) => `${value} 分钟`,
  yuan: (value) => `${value} 元`,
  yuanPerYear: (yuan) => `${grouped(yuan / 1e4, 0)} 万元/年`,
  percent: percentOf,
  number: grouped,
  missing: "—",
  yes: "是",
  no: "否",
  illustrative: "示意",
};

/** The shared words per language. */
export const COMMON_MESSAGES: Readonly<Record<Language, CommonMessages>> = { en: EN, zh: ZH };

/**
 * Checks a language id, as given by a caller or a `--lang` flag.
 * @throws RangeError naming the value and the languages there are
 */
export function checkLanguage(value: unknown): Language {
  if (value === "zh" || value === "en") return value;
  throw new RangeError(`language must be one of ${LANGUAGES.join(", ")}; got ${JSON.stringify(value)}`);
}
