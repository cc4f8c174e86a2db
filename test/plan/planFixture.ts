import type { Feature, FeatureCollection } from "geojson";
import { schoolSystemFromGeoJSON, type GeoSchoolSystem } from "../../src/io/schoolSystemGeoJSON.ts";
import { CHINA_NORMS } from "../../src/norms/chinaNorms.ts";
import { withNormOverrides } from "../../src/norms/overrides.ts";
import { planSchools } from "../../src/plan/planSchools.ts";
import type { PlanOptions } from "../../src/plan/rules/options.ts";
import type { Plan } from "../../src/plan/result/result.ts";

const point = (lon: number, lat: number, properties: Record<string, unknown>): Feature => ({
  type: "Feature",
  properties,
  geometry: { type: "Point", coordinates: [lon, lat] },
});

const collection = (features: Feature[]): FeatureCollection => ({ type: "FeatureCollection", features });

/**
 * A tiny township T1 for plan tests: villages v1 (near K1 and P1) and v2 (near P2 and the candidate C1), a
 * township kindergarten K1, a township central primary P1 with beds and a resource room, a village primary P2,
 * and a candidate teaching point C1 next to v3, about 4 km east: grades 1–3 of v3 walk over an hour to any
 * existing school (the status quo breaks the 30-minute limit), so the plan builds C1.
 */
export const TINY_SETTLEMENTS = collection([
  point(114.7, 23.9, { id: "v1", name: "Upper", township: "T1", kindergarten: 25, primary1to3: 40, primary4to6: 35, "group:disability:primary4to6": 1 }),
  point(114.708, 23.9, { id: "v2", name: "Lower", township: "T1", kindergarten: 12, primary1to3: 18, primary4to6: 20, "group:leftBehind:primary4to6": 4 }),
  point(114.74, 23.9, { id: "v3", name: "Far", township: "T1", kindergarten: 5, primary1to3: 9, primary4to6: 8 }),
]);

export const TINY_SCHOOLS = collection([
  point(114.7005, 23.9, { id: "K1", name: "Central Kindergarten", type: "kindergarten", tier: "township", township: "T1", classes: { kindergarten: 1 }, classrooms: 2, colour: "red" }),
  point(114.701, 23.9, { id: "P1", name: "Central Primary", type: "complete primary", tier: "township", township: "T1", classes: { primary1to3: 1, primary4to6: 1 }, classrooms: 4, beds: 20, resourceRoom: true }),
  point(114.7075, 23.9, { id: "P2", name: "Lower Primary", type: "complete primary", tier: "village", township: "T1", classes: { primary1to3: 1, primary4to6: 1 } }),
]);

export const TINY_CANDIDATES = collection([
  point(114.7405, 23.9, { id: "C1", name: "Lower teaching point site", type: "teaching point", tier: "village", township: "T1", maxAddedClassrooms: 1 }),
]);

export const TINY_GROUPS = [
  { id: "disability", rule: "resourceRoom" },
  { id: "leftBehind", rule: "boardingCare" },
] as const;

/** The tiny system with the straight-line fallback. */
export function tinyGeoSystem(): GeoSchoolSystem {
  return schoolSystemFromGeoJSON({
    settlements: TINY_SETTLEMENTS,
    schools: TINY_SCHOOLS,
    candidates: TINY_CANDIDATES,
    groups: TINY_GROUPS,
    travel: { fallback: {} },
  });
}

/** The tiny county's rules: the national norms, kindergarten children walking any distance (it has no village kindergarten site). */
export const TINY_NORMS = withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { kindergarten: null } }, "tiny county");

/**
 * Plans the tiny system (short time limit) under {@link TINY_NORMS}, P1's 20 beds making it the township boarding
 * school, unless the options say otherwise.
 */
export async function tinyPlan(options: PlanOptions = {}): Promise<{ geo: GeoSchoolSystem; plan: Plan }> {
  const geo = tinyGeoSystem();
  return { geo, plan: await planSchools(geo.system, { timeLimitSeconds: 20, norms: TINY_NORMS, boardingSchoolMinimumBeds: 20, ...options }) };
}
