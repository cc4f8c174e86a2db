/**
 * Dongyuan's urban–rural education communities on a plan's open schools, formed around the county-seat schools
 * as the county did in 2025 (../shared/docs/domain.md §7: education groups led by 东源县实验中学, 东源县第一小学 and
 * 东源县第一幼儿园, with township members such as 灯塔中学, 康禾中心小学, 黄村镇中心幼儿园). The county-seat schools of
 * the illustrative status quo carry those names; their sizes and places, and every member, are illustrative.
 * The rules (assumed, as a county might set them):
 * - leads: the county-seat schools lead (the county named them), and the central schools of the county-seat
 *   township (仙塘镇) and a new county-seat school may lead, where open in the plan;
 * - hubs: the central schools of the other townships (the "three schools");
 * - members: the village schools, through a hub of their level within 45 minutes, or directly to a lead within
 *   the lead–hub limit;
 * - links within a level (a kindergarten under a kindergarten, as the county's groups are by stage);
 * - at least 5 communities (the experimental zones' rule, domain.md §7), each of at least 5 schools and none of more than 30 % of them;
 * - the schools are written with their plan enrolment (`enrolment_<level>`) and their teachers after the plan
 *   (`teachers`, illustrative: {@link illustrativeTeachers}), for `school-layout rotation`;
 * - teachers travel by car: no road network exists for Dongyuan, so great-circle distance × 1.3 at 50 km/h
 *   (assumed), labelled in every output.
 * @module
 */
import type { Feature } from "geojson";
import {
  communitiesToGeoJSON, costMatrixFromCoordinates, describeCostMatrixOptions, FALLBACK_DETOUR_FACTOR, FALLBACK_SPEEDS_KM_PER_HOUR, formCommunities,
  teachersNeeded, type CommunityPlan, type CommunityReportRules, type CommunitySchool, type GeoSchoolSystem, type Plan,
} from "../../src/index.ts";

/** The longest lead → hub trip (minutes): the far townships are about 100 km of mountain road from the seat. */
export const DONGYUAN_LEAD_HUB_MINUTES = 150;

/** The longest hub → member trip (minutes). */
export const DONGYUAN_HUB_MEMBER_MINUTES = 45;

/** The levels a school teaches, as the communities match them (grades 1–3 and 4–6 are both primary). */
function stages(classes: Readonly<Record<string, number>>): string[] {
  const taught = new Set<string>();
  for (const [level, count] of Object.entries(classes)) if (count > 0) taught.add(level.startsWith("primary") ? "primary" : level);
  return [...taught];
}

/** Staff today against the staffing standard, by tier (illustrative: county-seat schools well staffed, villages short). */
const STAFFING_BY_TIER: Readonly<Record<string, number>> = { "county seat": 1.15, township: 1, village: 0.9 };

/** A school's pupils by staffing level (grades 1–6 primary, 7–9 junior). */
function staffed(enrolment: Readonly<Record<string, number>>): { primary: number; junior: number } {
  return { primary: (enrolment["primary1to3"] ?? 0) + (enrolment["primary4to6"] ?? 0), junior: enrolment["junior"] ?? 0 };
}

/**
 * Illustrative teachers of each school after the plan (no open data on Dongyuan's teachers exists): today each
 * school has the staff its status-quo pupils need by the staffing standard ({@link teachersNeeded}) times a tier
 * factor ({@link STAFFING_BY_TIER}); a closed school's teachers follow its pupils to the open school that takes the
 * most of them (县管校聘: the county redeploys them); a new school starts with none.
 * @param plan - a plan with its status quo
 * @returns teachers by school id (open schools of the plan)
 */
export function illustrativeTeachers(plan: Plan): Map<string, number> {
  const today = plan.statusQuo;
  const teachers = new Map<string, number>();
  if (today?.schools === undefined || plan.schools === undefined || plan.assignments === undefined) return teachers;
  const staff = (school: (typeof today.schools)[number]): number => (school.open ? Math.round(teachersNeeded(staffed(school.enrolment)) * (STAFFING_BY_TIER[school.tier] ?? 1)) : 0);
  for (const school of plan.schools) if (school.open) teachers.set(school.id, school.existing ? staff(today.schools[school.index]!) : 0);
  // Where each settlement-level's pupils go in the plan.
  const goesTo = new Map<string, Map<string, number>>();
  for (const row of plan.assignments) {
    const key = `${row.settlementIndex}:${row.level}`;
    const to = goesTo.get(key) ?? new Map<string, number>();
    to.set(row.school, (to.get(row.school) ?? 0) + row.pupils);
    goesTo.set(key, to);
  }
  for (const school of today.schools) {
    if (!school.open || plan.schools[school.index]!.open) continue;
    const receivers = new Map<string, number>();
    for (const row of today.assignments!) {
      if (row.schoolIndex !== school.index) continue;
      for (const [to, pupils] of goesTo.get(`${row.settlementIndex}:${row.level}`) ?? []) receivers.set(to, (receivers.get(to) ?? 0) + Math.min(pupils, row.pupils));
    }
    const [most] = [...receivers].sort((a, b) => b[1] - a[1]);
    if (most !== undefined && teachers.has(most[0])) teachers.set(most[0], teachers.get(most[0])! + staff(school));
  }
  return teachers;
}

/** What {@link dongyuanCommunities} returns. */
export interface DongyuanCommunities {
  readonly plan: CommunityPlan;
  /** The schools grouped (the plan's open schools), in order. */
  readonly schools: readonly CommunitySchool[];
  /** Their [longitude, latitude]. */
  readonly coordinates: Float64Array;
  /** Their names by id. */
  readonly names: Record<string, string>;
  /** The rules, for the report. */
  readonly rules: CommunityReportRules;
  /** How the teachers' travel was made. */
  readonly travelBasis: string;
  /** The communities as GeoJSON (schools, links, outlines). */
  readonly geojson: ReturnType<typeof communitiesToGeoJSON>;
  /** The leads of each stage's communities (for one map per stage), stages with none left out. */
  readonly stages: readonly { readonly stage: Stage; readonly leads: readonly string[] }[];
}

/** The stages the communities are formed by. */
export const STAGES = ["kindergarten", "primary", "junior"] as const;

/** One of {@link STAGES}. */
export type Stage = (typeof STAGES)[number];

/**
 * Forms the communities on the open schools of a Dongyuan plan (rules in the module comment).
 * @param plan - the demo's plan (with its schools)
 * @param geo - the system it was made for (the schools' places and features)
 * @param countySeatTownship - the county-seat township's code (仙塘镇)
 */
export async function dongyuanCommunities(plan: Plan, geo: GeoSchoolSystem, countySeatTownship: string): Promise<DongyuanCommunities> {
  const open = (plan.schools ?? []).filter((school) => school.open);
  const coordinates = new Float64Array(2 * open.length);
  open.forEach((school, k) => coordinates.set([geo.schoolCoordinates[2 * school.index]!, geo.schoolCoordinates[2 * school.index + 1]!], 2 * k));
  const schools: CommunitySchool[] = open.map((school) => ({
    id: school.id,
    pupils: Object.values(school.enrolment).reduce((sum, pupils) => sum + pupils, 0),
    leadRequired: school.tier === "county seat" && school.existing,
    leadEligible: school.tier === "county seat" || (school.tier === "township" && school.township === countySeatTownship),
    hubEligible: school.tier === "township" && school.township !== countySeatTownship,
    levels: stages(school.classes),
  }));
  const teachers = illustrativeTeachers(plan);
  const fallback = { unit: "minutes" as const, speedKmPerHour: FALLBACK_SPEEDS_KM_PER_HOUR.car, detourFactor: FALLBACK_DETOUR_FACTOR };
  const rules: CommunityReportRules = {
    minK: 5, matchLevels: true, allowDirect: true,
    maxLeadHubMinutes: DONGYUAN_LEAD_HUB_MINUTES, maxHubMemberMinutes: DONGYUAN_HUB_MEMBER_MINUTES,
    minSchools: 5, maxSchools: Math.floor(0.3 * open.length),
  };
  const communities = await formCommunities(schools, { ...rules, travelMinutes: costMatrixFromCoordinates(coordinates, coordinates, fallback), timeLimitSeconds: 60 });
  const features: Feature[] = open.map((school, k) => ({
    type: "Feature", id: school.id, geometry: { type: "Point", coordinates: [coordinates[2 * k]!, coordinates[2 * k + 1]!] },
    properties: {
      id: school.id, name: school.name, type: school.type, tier: school.tier, township: school.township, pupils: schools[k]!.pupils,
      ...Object.fromEntries(Object.entries(school.enrolment).map(([level, pupils]) => [`enrolment_${level}`, Math.round(pupils * 100) / 100])),
      teachers: teachers.get(school.id) ?? 0,
      illustrative: true,
    },
  }));
  const levelsOf = new Map(schools.map((school) => [school.id, school.levels ?? []]));
  const stageList = STAGES.map((stage) => ({ stage, leads: communities.communities.filter((c) => levelsOf.get(c.lead)![0] === stage).map((c) => c.lead) })).filter((x) => x.leads.length > 0);
  return {
    plan: communities, schools, coordinates, rules, stages: stageList,
    names: Object.fromEntries(open.map((school) => [school.id, school.name])),
    travelBasis: `car: no road network: ${describeCostMatrixOptions(fallback)}`,
    geojson: communitiesToGeoJSON(communities, features),
  };
}
