/**
 * The travel basis (how a system's travel times were made, {@link SchoolSystem.travelBasis}) in the outputs'
 * language. The basis is an English text that school-layout writes itself (travelMinutesByLevel, the road
 * router, the within-area rule) and a caller may extend; in Chinese, the phrases school-layout writes are
 * translated one by one, level ids and travel modes named, and any other text is left as given.
 * @module
 */
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import type { TravelMode } from "../../travel/network/travelMode.ts";
import { COMMON_MESSAGES, type Language } from "./common.ts";

const ZH_MODES: Readonly<Record<TravelMode, string>> = { walk: "步行", bicycle: "自行车", ebike: "电动自行车", schoolBus: "校车", car: "汽车" };

const ZH_LEVELS = COMMON_MESSAGES.zh.levels;

const MODE = "(walk|bicycle|ebike|schoolBus|car)";
const LEVEL = `(${LEVELS.join("|")})`;

/** The phrases school-layout writes, in order, with their Chinese. */
const ZH_PHRASES: ReadonlyArray<readonly [RegExp, string | ((...groups: string[]) => string)]> = [
  [new RegExp(`^${MODE}: `), (_, mode) => `${ZH_MODES[mode as TravelMode]}：`],
  [/no road network: /g, "无路网："],
  [/great-circle distance/g, "大圆距离"],
  [/planar \(projected\) distance/g, "平面（投影）距离"],
  [/ \(no detour factor\)/g, "（无绕行系数）"],
  [/ × detour factor ([\d.]+) \(assumed\)/g, (_, factor) => ` × 绕行系数 ${factor}（假定）`],
  [/ at ([\d.]+) km\/h \(assumed\)/g, (_, speed) => `，时速 ${speed} 公里（假定）`],
  [/, in minutes/g, "，以分钟计"],
  [/, in metres/g, "，以米计"],
  [/; the (\d+) nearest sites of each demand point/g, (_, k) => `；每个需求点取最近的 ${k} 个候选点`],
  [/; pairs costing more than ([\d.]+) (minutes|metres) not allowed/g, (_, limit, unit) => `；超过 ${limit} ${unit === "minutes" ? "分钟" : "米"}的配对不允许`],
  [new RegExp(`road network \\((\\d+) nodes, (\\d+) segments\\), mode ${MODE}`, "g"), (_, nodes, segments, mode) => `路网（${nodes} 个节点、${segments} 条路段），${ZH_MODES[mode as TravelMode]}`],
  [/, points snapped within (\d+) m, off-network legs walked at ([\d.]+) km\/h \(points within \d+ m of each other may also walk straight across\)/g,
    (_, metres, speed) => `，点位吸附到 ${metres} 米内的道路，路网外路段按时速 ${speed} 公里步行（相距 ${metres} 米内的点也可直线步行）`],
  [/; times above ([\d.]+) minutes not kept/g, (_, limit) => `；超过 ${limit} 分钟的时间不保留`],
  [/within a settlement's area A: at least \(2\/3\)·√\(A\/π\) × detour ([\d.]+) at /g, (_, factor) => `居民点内部出行（面积 A）：至少 (2/3)·√(A/π) × 绕行系数 ${factor}，时速 `],
  [/ \(assumed; mean distance to the centre of a disc\)/g, "（假定；圆盘内各点到圆心的平均距离）"],
  [new RegExp(`${LEVEL} ([\\d.]+) km/h`, "g"), (_, level, speed) => `${ZH_LEVELS[level as LevelId]} ${speed} 公里`],
  [new RegExp(` by ${MODE}: `, "g"), (_, mode) => `：${ZH_MODES[mode as TravelMode]}，`],
  [new RegExp(`\\b${LEVEL}\\b`, "g"), (_, level) => ZH_LEVELS[level as LevelId]],
  [/ \| /g, "；"],
  [/(?<=[\u4e00-\u9fff]), (?=[\u4e00-\u9fff])/g, "、"],
  [/(?<=[\u4e00-\u9fff）]); /g, "；"],
];

/**
 * The travel basis in a language: as given in English; in Chinese with the phrases school-layout writes
 * translated (any other text left as given).
 * @param basis - the system's travel basis (English), "" for none
 * @param language - `zh` or `en`
 * @returns the text to show
 * @example
 * ```ts
 * travelBasisText("junior by schoolBus: no road network: great-circle distance × detour factor 1.3 (assumed) at 30 km/h (assumed), in minutes", "zh");
 * // "初中：校车，无路网：大圆距离 × 绕行系数 1.3（假定），时速 30 公里（假定），以分钟计"
 * ```
 */
export function travelBasisText(basis: string, language: Language): string {
  // In English the phrases stand; the level ids become the levels' names (grades 1–3, …).
  if (language === "en") return basis.replace(new RegExp(`\\b${LEVEL}\\b`, "g"), (_, level: string) => COMMON_MESSAGES.en.levels[level as LevelId]);
  let text = basis;
  for (const [pattern, replacement] of ZH_PHRASES) text = text.replace(pattern, replacement as (substring: string, ...groups: string[]) => string);
  return text;
}
