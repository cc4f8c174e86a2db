/**
 * The Chinese planning norms school plans are checked against, as one typed, sourced, overridable preset. Every
 * value keeps its source and verification tag (../shared/docs/domain.md); planners follow local rules, so every
 * value can be overridden per plan with {@link withNormOverrides}.
 * @module
 */
import type { LevelId } from "./levels.ts";
import { norm, type Norm } from "./norm.ts";

/** The norms of one plan. Counts are pupils, times minutes, distances metres, areas m². */
export interface PlanningNorms {
  /** Pupils per class, by level. */
  readonly classSize: Readonly<Record<LevelId, Norm<number>>>;
  /** Most pupils in one school, by school kind. */
  readonly maxSchoolSize: Readonly<Record<"kindergarten" | "primary" | "junior" | "nineYear" | "twelveYear" | "senior", Norm<number>>>;
  /** Pupils per class in a teaching point (incomplete primary school). */
  readonly teachingPointClassSize: Norm<number>;
  /** Longest one-way weekly trip a boarder is assigned, minutes, by level; null for no limit. */
  readonly boardingTravelLimitMinutes: Readonly<Record<LevelId, Norm<number | null>>>;
  /**
   * Longest one-way trip of a day pupil, minutes, by level; null for none. Grades 1–3: 30 (national);
   * kindergarten: 40 (the commonly cited rural walking limit; no national figure); grades 4–9 and senior: none
   * nationally (the county decides; beyond a county's limit pupils board).
   */
  readonly dayTravelLimitMinutes: Readonly<Record<LevelId, Norm<number | null>>>;
  /** The lowest grade that may board (grades 1–3 do not board). */
  readonly boardingFromGrade: Norm<number>;
  /** A school with fewer pupils than this is a "small school" (小规模学校), kept where necessary. */
  readonly smallSchoolPupils: Norm<number>;
  /** Dormitory floor area per boarder, m² (one bed per boarder). */
  readonly dormitoryAreaPerBoarder: Norm<number>;
  /** Urban service radius, metres, by level; null where none is set. */
  readonly urbanServiceRadiusMetres: Readonly<Record<LevelId, Norm<number | null>>>;
  /** School-bus speed limits, km/h: expressways, other roads, sharp bends / steep / narrow roads. */
  readonly schoolBusSpeedKmPerHour: Readonly<Record<"expressway" | "other" | "difficult", Norm<number>>>;
}

const GB50099 = "GB 50099-2011 §3.0.1 (class sizes)";
const KINDERGARTEN_RULES = "幼儿园工作规程 art. 11 (mixed-age class 30; small 25, middle 30, large 35)";
const QUALITY_BALANCE = "教督〔2017〕6号 (county quality-balance evaluation)";
const SCHOOL_LAYOUT_2018 = "国办发〔2018〕27号 (small rural schools and boarding schools)";
const SCHOOL_BUS = "校车安全管理条例 (2012) art. 35";
const GB50180 = "GB 50180-2018 appendix (life circles)";

/** The national norms (../shared/docs/domain.md §1–2), each with its source and tag. */
export const CHINA_NORMS: PlanningNorms = Object.freeze({
  classSize: Object.freeze({
    kindergarten: norm(30, KINDERGARTEN_RULES, "V2"),
    primary1to3: norm(45, GB50099, "V"),
    primary4to6: norm(45, GB50099, "V"),
    junior: norm(50, GB50099, "V"),
    senior: norm(50, GB50099, "V"),
  }),
  maxSchoolSize: Object.freeze({
    kindergarten: norm(360, "幼儿园工作规程 art. 11 (a kindergarten ≤ 360 children)", "V2"),
    primary: norm(2000, QUALITY_BALANCE, "V2"),
    junior: norm(2000, QUALITY_BALANCE, "V2"),
    nineYear: norm(2500, QUALITY_BALANCE, "V2"),
    twelveYear: norm(2500, QUALITY_BALANCE, "V2"),
    senior: norm(3000, "县域普通高中发展提升行动计划 (2021): new senior high schools ≤ 3000", "V2"),
  }),
  dayTravelLimitMinutes: Object.freeze({
    kindergarten: norm<number | null>(40, "no national limit for kindergartens: the commonly cited rural walking limit of 40 min (young children study near home); set one per plan", "M"),
    primary1to3: norm<number | null>(30, `${SCHOOL_LAYOUT_2018}: grades 1–3 study near home, one way normally ≤ 30 min`, "V2"),
    primary4to6: norm<number | null>(null, `${SCHOOL_LAYOUT_2018}: grades 4–6 mainly day pupils; the county decides`, "V2"),
    junior: norm<number | null>(null, "国办发〔2012〕48号: junior pupils may board or commute", "V2"),
    senior: norm<number | null>(null, "no national limit; set one per plan", "assumption"),
  }),
  teachingPointClassSize: norm(30, `${GB50099}: incomplete primary 30`, "V"),
  boardingTravelLimitMinutes: Object.freeze({
    kindergarten: norm<number | null>(null, "kindergarten children do not board (no boarding level)", "assumption"),
    primary1to3: norm<number | null>(null, "grades 1–3 do not board (boardingFromGrade)", "assumption"),
    primary4to6: norm<number | null>(120, "school-layout assumption: a weekly trip over two hours is not offered", "assumption"),
    junior: norm<number | null>(120, "school-layout assumption: a weekly trip over two hours is not offered", "assumption"),
    senior: norm<number | null>(180, "school-layout assumption: senior pupils may travel up to three hours weekly", "assumption"),
  }),
  boardingFromGrade: norm(4, `${SCHOOL_LAYOUT_2018}: grades 1–3 do not board; grades 4–6 may where conditions are assured`, "V2"),
  smallSchoolPupils: norm(100, `${SCHOOL_LAYOUT_2018}; 〔2018〕82号 (funded as if 100)`, "V2"),
  dormitoryAreaPerBoarder: norm(3, "rural boarding-school facility norms (one bed and ≥ 3 m² per boarder)", "V2"),
  urbanServiceRadiusMetres: Object.freeze({
    kindergarten: norm<number | null>(300, `${GB50180} (5-minute life circle)`, "M"),
    primary1to3: norm<number | null>(500, `${GB50180} (10-minute life circle); GBJ 99-86 §2.1.1(6)`, "V"),
    primary4to6: norm<number | null>(500, `${GB50180} (10-minute life circle); GBJ 99-86 §2.1.1(6)`, "V"),
    junior: norm<number | null>(1000, `${GB50180} (15-minute life circle); GBJ 99-86 §2.1.1(6)`, "V"),
    senior: norm<number | null>(null, "no national radius", "assumption"),
  }),
  schoolBusSpeedKmPerHour: Object.freeze({
    expressway: norm(80, SCHOOL_BUS, "V2"),
    other: norm(60, SCHOOL_BUS, "V2"),
    difficult: norm(20, `${SCHOOL_BUS}: sharp bends, steep or narrow roads`, "V2"),
  }),
});
