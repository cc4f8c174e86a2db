/**
 * Illustrative resource totals of the Dongyuan example's schools, for the quality-balance figures of the report
 * (教督〔2017〕6号's seven indicators): no open data on Dongyuan's teachers, floor space or equipment exists, so
 * these are made up, labelled `illustrative_resources: true` on every school that carries them.
 *
 * The rule: a school serving grades 1–9 gets totals for the pupils its classes seat at a typical fill (40 a class
 * at the county seat and township seats, 20 in villages), at per-pupil rates by tier that tell the familiar story
 * (county-seat schools rich in qualified and backbone teachers and equipment but short of space; village schools
 * with room but few specialist teachers), each varied by ±15 % by a hash of the school id (deterministic).
 * @module
 */
import type { Feature, FeatureCollection } from "geojson";

type Tier = "county seat" | "township" | "village";

/** Per-pupil (or per-100-pupil) rates by tier: value = rate × pupils (÷ 100 for the per-100 indicators). */
const RATES: Readonly<Record<Tier, Readonly<Record<string, number>>>> = {
  "county seat": { qualifiedTeachers: 6.2, backboneTeachers: 1.6, peArtTeachers: 1.2, teachingFloorM2: 4.8, sportsGroundM2: 6.5, equipmentYuan: 3200, multimediaClassrooms: 2.8 },
  township: { qualifiedTeachers: 5.0, backboneTeachers: 1.0, peArtTeachers: 0.9, teachingFloorM2: 5.6, sportsGroundM2: 9.5, equipmentYuan: 2300, multimediaClassrooms: 2.5 },
  village: { qualifiedTeachers: 3.4, backboneTeachers: 0.3, peArtTeachers: 0.4, teachingFloorM2: 7.5, sportsGroundM2: 14, equipmentYuan: 1400, multimediaClassrooms: 1.8 },
};

const PER_100 = new Set(["qualifiedTeachers", "backboneTeachers", "peArtTeachers", "multimediaClassrooms"]);
const COMPULSORY = new Set(["teaching point", "complete primary", "nine-year", "junior"]);

/** A number in [0, 1) from a string (FNV-1a), for deterministic variation. */
function hash(text: string): number {
  let h = 2166136261;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619) >>> 0;
  return h / 2 ** 32;
}

/**
 * The schools with illustrative resource totals added to every school serving grades 1–9 (the input is not
 * mutated).
 * @param schools - the example's existing schools
 * @returns a copy with `qualifiedTeachers`, `backboneTeachers`, `peArtTeachers`, `teachingFloorM2`,
 *   `sportsGroundM2`, `equipmentYuan`, `multimediaClassrooms` and `illustrative_resources: true`
 */
export function withIllustrativeResources(schools: FeatureCollection): FeatureCollection {
  const features = schools.features.map((feature): Feature => {
    const properties = (feature.properties ?? {}) as Record<string, unknown>;
    if (!COMPULSORY.has(String(properties.type))) return feature;
    const tier = String(properties.tier) as Tier;
    const classes = Object.values((properties.classes ?? {}) as Record<string, number>).reduce((sum, count) => sum + count, 0);
    const pupils = classes * (tier === "village" ? 20 : 40);
    const totals: Record<string, number> = {};
    for (const [id, rate] of Object.entries(RATES[tier] ?? RATES.township)) {
      const varied = rate * (0.85 + 0.3 * hash(`${String(properties.id)}:${id}`));
      const value = PER_100.has(id) ? (varied * pupils) / 100 : varied * pupils;
      totals[id] = id === "equipmentYuan" || id.endsWith("M2") ? Math.round(value) : Math.max(0, Math.round(value));
    }
    return { ...feature, properties: { ...properties, ...totals, illustrative_resources: true } };
  });
  return { ...schools, features };
}
