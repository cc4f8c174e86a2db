/**
 * Classrooms for the illustrative Dongyuan schools that fit the pupils they have today. The plan's status quo
 * ({@link planStatusQuo}) sends each settlement's pupils of a level to the nearest existing school serving it; the
 * made-up schools (examples/dongyuan/schools.ts) are sized from their own village's pupils, so a village
 * kindergarten that also takes two neighbouring villages would look overcrowded only because the made-up figures
 * disagree. This gives every township and village school at least the classrooms its status-quo classes fill; the
 * county-seat schools keep their listed classes (were they short, the status quo would show them crowded, as
 * 大班额 schools are). Illustrative, like the schools themselves.
 * @module
 */
import type { Feature, FeatureCollection } from "geojson";
import { planStatusQuo, type PlanOptions, type SchoolSystem } from "../../src/index.ts";

/**
 * Existing schools with `classrooms` raised where a township or village school's status-quo classes need more.
 * @param existing - the existing schools (GeoJSON) the system was built from
 * @param system - the system built from them
 * @param options - the plan's rule options (their class sizes count the classes)
 * @returns a copy of `existing` with `classrooms` set on the schools that needed more; not mutated
 */
export function fitClassroomsToStatusQuo(existing: FeatureCollection, system: SchoolSystem, options: PlanOptions): FeatureCollection {
  const today = planStatusQuo(system, options);
  const needed = new Map<string, number>();
  for (const school of today.schools) {
    if (!school.existing || school.tier === "county seat") continue;
    const classes = Object.values(school.classes).reduce((sum, count) => sum + count, 0);
    if (classes > school.classrooms) needed.set(school.id, classes);
  }
  const features = existing.features.map((feature: Feature): Feature => {
    const rooms = needed.get(String(feature.properties?.id ?? feature.id));
    return rooms === undefined ? feature : { ...feature, properties: { ...feature.properties, classrooms: rooms } };
  });
  return { ...existing, features };
}
