/**
 * An illustrative status quo and candidate sites for the Dongyuan (东源县) plan. No open list of Dongyuan's schools
 * exists (../shared/docs/domain.md §7), so these are made up from the allocated pupils and say so:
 * - status quo: at each township seat a central kindergarten and a central primary sized for 60 % and 70 % of
 *   the township's children (the rest were in village schools that are not listed), and at the county seat a
 *   boarding junior school of 40 classes and 800 beds;
 * - candidates: a teaching point and a kindergarten at every village point; at every township seat a boarding
 *   junior school and as many more kindergarten (≤ 360 children) and primary campuses (≤ 2,000 pupils) as its
 *   town's children would fill.
 * @module
 */
import type { Feature, FeatureCollection, Point } from "geojson";

/** The properties the demo reads from data/dongyuan/settlements.geojson. */
export interface DongyuanSettlement {
  readonly id: string;
  readonly name: string;
  readonly town: string;
  readonly town_code: string;
  readonly kind: "township seat" | "village";
  readonly kindergarten: number;
  readonly primary1to3: number;
  readonly primary4to6: number;
  readonly junior: number;
}

/** The properties of data/dongyuan/sites.geojson. */
export interface DongyuanSite {
  readonly id: string;
  readonly name: string;
  readonly town_code: string;
  readonly tier: "county seat" | "township";
}

const LABEL = "illustrative: no open list of Dongyuan's schools exists; made up by examples/dongyuan/schools.ts";

function classes(pupils: number, share: number, classSize: number, most: number): number {
  return Math.max(1, Math.min(most, Math.round((pupils * share) / classSize)));
}

/**
 * Builds the illustrative existing schools and the candidate sites.
 * @param settlements - data/dongyuan/settlements.geojson
 * @param sites - data/dongyuan/sites.geojson (township seats)
 */
export function dongyuanSchools(
  settlements: FeatureCollection<Point, DongyuanSettlement>,
  sites: FeatureCollection<Point, DongyuanSite>,
): { existing: FeatureCollection; candidates: FeatureCollection } {
  const town = new Map<string, { kindergarten: number; primary1to3: number; primary4to6: number; junior: number }>();
  for (const { properties: s } of settlements.features) {
    const total = town.get(s.town_code) ?? { kindergarten: 0, primary1to3: 0, primary4to6: 0, junior: 0 };
    total.kindergarten += s.kindergarten;
    total.primary1to3 += s.primary1to3;
    total.primary4to6 += s.primary4to6;
    total.junior += s.junior;
    town.set(s.town_code, total);
  }
  const existing: Feature[] = [];
  const candidates: Feature[] = [];
  const at = (site: Feature<Point, DongyuanSite>, id: string, name: string, properties: Record<string, unknown>): Feature => ({
    type: "Feature",
    id,
    geometry: site.geometry,
    properties: { id, name: `${site.properties.name.replace(/ seat$/, "")} ${name}`, township: site.properties.town_code, ...properties },
  });
  for (const site of sites.features) {
    const code = site.properties.town_code;
    const pupils = town.get(code)!;
    const tier = site.properties.tier;
    existing.push(at(site, `K-${code}`, "central kindergarten", { type: "kindergarten", tier, classes: { kindergarten: classes(pupils.kindergarten, 0.6, 30, 12) } }));
    existing.push(
      at(site, `P-${code}`, "central primary school", {
        type: "complete primary",
        tier,
        classes: { primary1to3: classes(pupils.primary1to3, 0.7, 45, 22), primary4to6: classes(pupils.primary4to6, 0.7, 45, 22) },
      }),
    );
    candidates.push(at(site, `J-${code}-new`, "boarding junior school (candidate)", { type: "junior", tier, maxAddedClassrooms: 40 }));
    for (let k = 2; k <= 1 + Math.ceil(pupils.kindergarten / 360); k++) {
      candidates.push(at(site, `K-${code}-${k}`, `kindergarten no. ${k} (candidate)`, { type: "kindergarten", tier, maxAddedClassrooms: 12 }));
    }
    for (let k = 2; k <= 1 + Math.ceil((pupils.primary1to3 + pupils.primary4to6) / 2000); k++) {
      candidates.push(at(site, `P-${code}-${k}`, `primary school no. ${k} (candidate)`, { type: "complete primary", tier, maxAddedClassrooms: 44 }));
    }
    if (tier === "county seat") {
      existing.push(at(site, `J-${code}`, "boarding junior school", { type: "junior", tier, classes: { junior: 40 }, beds: 800 }));
    }
  }
  for (const village of settlements.features) {
    if (village.properties.kind !== "village") continue;
    for (const [prefix, type, label, rooms] of [["TP", "teaching point", "teaching point", 4], ["VK", "kindergarten", "kindergarten", 6]] as const) {
      const id = `${prefix}-${village.properties.id}`;
      candidates.push({
        type: "Feature",
        id,
        geometry: village.geometry,
        properties: { id, name: `${village.properties.name} ${label} (candidate)`, type, tier: "village", township: village.properties.town_code, maxAddedClassrooms: rooms, maxAddedBeds: 0 },
      });
    }
  }
  return {
    existing: { type: "FeatureCollection", features: existing, metadata: { description: `Existing schools of 东源县: ${LABEL}` } } as FeatureCollection,
    candidates: { type: "FeatureCollection", features: candidates, metadata: { description: `Candidate sites for 东源县: ${LABEL}` } } as FeatureCollection,
  };
}
