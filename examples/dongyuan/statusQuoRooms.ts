/**
 * Classrooms for the illustrative Dongyuan schools that fit the pupils they have today. The plan's status quo
 * sends each settlement's pupils of a level to the nearest existing school serving it (lowest index on ties,
 * src/plan/statusQuo.ts); the made-up schools (examples/dongyuan/schools.ts) are sized from their own village's
 * pupils, so a village kindergarten that also takes two neighbouring villages would look overcrowded only because
 * the made-up figures disagree. This gives every township and village school at least the classrooms its
 * status-quo pupils fill (whole classes at the norms' class sizes); the county-seat schools keep their listed
 * classes (were they short, the status quo would show them crowded, as 大班额 schools are). Illustrative, like the
 * schools themselves.
 * @module
 */
import type { Feature, FeatureCollection } from "geojson";
import { classSizeAt, costOf, LEVELS_SERVED, type LevelId, type PlanRules, type SchoolSystem } from "../../src/index.ts";

/**
 * Existing schools with `classrooms` raised, where a township or village school's status-quo pupils need more.
 * @param existing - the existing schools (GeoJSON, as schoolSystemFromGeoJSON read them into `system`, in order)
 * @param system - the system built from them (its travel minutes pick the nearest school, as the status quo does)
 * @param rules - the rules whose class sizes count classes
 * @returns a copy of `existing` with `classrooms` set on the schools that needed more; not mutated
 */
export function fitClassroomsToStatusQuo(existing: FeatureCollection, system: SchoolSystem, rules: PlanRules): FeatureCollection {
  const m = system.schools.length;
  const pupils = system.schools.map(() => new Map<LevelId, number>());
  for (const [i, settlement] of system.settlements.entries()) {
    for (const level of system.levels) {
      if (!(settlement.pupils[level] > 0)) continue;
      let best = -1;
      let bestMinutes = Infinity;
      for (let j = 0; j < m; j++) {
        const school = system.schools[j]!;
        if (!school.existing || !LEVELS_SERVED[school.type].includes(level)) continue;
        const minutes = costOf(system.travelMinutes[level]!, i, j);
        if (minutes < bestMinutes) [best, bestMinutes] = [j, minutes];
      }
      if (best >= 0) pupils[best]!.set(level, (pupils[best]!.get(level) ?? 0) + settlement.pupils[level]);
    }
  }
  const needed = new Map<string, number>();
  system.schools.forEach((school, j) => {
    if (!school.existing || school.tier === "county seat") return;
    let classes = 0;
    for (const [level, count] of pupils[j]!) classes += Math.ceil(count / classSizeAt(rules, school.type, level) - 1e-9);
    if (classes > school.classrooms) needed.set(school.id, classes);
  });
  const features = existing.features.map((feature: Feature): Feature => {
    const rooms = needed.get(String(feature.properties?.id ?? feature.id));
    return rooms === undefined ? feature : { ...feature, properties: { ...feature.properties, classrooms: rooms } };
  });
  return { ...existing, features };
}
