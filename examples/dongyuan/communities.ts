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
 * - teachers travel by car: no road network exists for Dongyuan, so great-circle distance × 1.3 at 50 km/h
 *   (assumed), labelled in every output.
 * @module
 */
import type { Feature } from "geojson";
import {
  communitiesToGeoJSON, costMatrixFromCoordinates, describeCostMatrixOptions, FALLBACK_DETOUR_FACTOR, FALLBACK_SPEEDS_KM_PER_HOUR, formCommunities,
  type CommunityPlan, type CommunityReportRules, type CommunitySchool, type GeoSchoolSystem, type Plan,
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
  const fallback = { unit: "minutes" as const, speedKmPerHour: FALLBACK_SPEEDS_KM_PER_HOUR.car, detourFactor: FALLBACK_DETOUR_FACTOR };
  const rules: CommunityReportRules = {
    minK: 5, matchLevels: true, allowDirect: true,
    maxLeadHubMinutes: DONGYUAN_LEAD_HUB_MINUTES, maxHubMemberMinutes: DONGYUAN_HUB_MEMBER_MINUTES,
    minSchools: 5, maxSchools: Math.floor(0.3 * open.length),
  };
  const communities = await formCommunities(schools, { ...rules, travelMinutes: costMatrixFromCoordinates(coordinates, coordinates, fallback), timeLimitSeconds: 60 });
  const features: Feature[] = open.map((school, k) => ({
    type: "Feature", id: school.id, geometry: { type: "Point", coordinates: [coordinates[2 * k]!, coordinates[2 * k + 1]!] },
    properties: { id: school.id, name: school.name, type: school.type, tier: school.tier, township: school.township, pupils: schools[k]!.pupils, illustrative: true },
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
