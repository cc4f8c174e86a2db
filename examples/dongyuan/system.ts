/**
 * The 东源县 school system of the demo and the examples: the settlements of data/dongyuan, the illustrative
 * schools and candidate sites (examples/dongyuan/schools.ts), travel by the labelled straight-line fallback, the
 * demo county's rules, and the small-school guarantee (the fewest village schools that keep every grade 1–3
 * pupil within 30 minutes, protected from the minimum enrolment).
 * @module
 */
import { readFile } from "node:fs/promises";
import type { FeatureCollection, Point } from "geojson";
import { CHINA_NORMS, findNecessarySmallSchools, schoolSystemFromGeoJSON, withNormOverrides } from "../../src/index.ts";
import { withIllustrativeResources } from "./resources.ts";
import { fitClassroomsToStatusQuo } from "./statusQuoRooms.ts";
import { dongyuanSchools, type DongyuanSettlement, type DongyuanSite } from "./schools.ts";

const dataFolder = new URL("../../data/dongyuan/", import.meta.url);

/** Reads a GeoJSON file of data/dongyuan. */
export async function readDongyuan<P>(name: string): Promise<FeatureCollection<Point, P>> {
  return JSON.parse(await readFile(new URL(name, dataFolder), "utf8"));
}

/**
 * The demo county's rules on top of the national norms (an illustration): day pupils of grades 4–9 ride at most
 * 30 minutes, beyond which they board; an open village complete primary keeps at least 100 pupils and a teaching
 * point 10, unless protected by the small-school guarantee.
 */
export const DONGYUAN_PLAN_RULES = {
  norms: withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { primary4to6: 30, junior: 30 } }, "demo county rules (illustrative)"),
  minimumEnrolment: { "complete primary": 100, "teaching point": 10 },
};

/**
 * Builds the system: settlements with their township, illustrative schools with the classrooms their pupils fill
 * today, candidate sites; kindergarten children and grades 1–3 taken by a parent on an e-bike (20 km/h, assumed),
 * grades 4–9 by school bus at 30 km/h on mountain roads (assumed); the small-school guarantee's schools protected.
 * @returns the GeoJSON system (`geo`), the settlements and sites read, and the guarantee
 */
export async function dongyuanSystem() {
  const read = await readDongyuan<DongyuanSettlement>("settlements.geojson");
  // Each settlement belongs to its township (the township code, as the schools carry it), for the township tables.
  const settlements = { ...read, features: read.features.map((f) => ({ ...f, properties: { ...f.properties, township: f.properties.town_code } })) };
  const sites = await readDongyuan<DongyuanSite>("sites.geojson");
  const schools = dongyuanSchools(settlements, sites);
  const existing = withIllustrativeResources(schools.existing);
  const { candidates } = schools;
  const build = (layer: typeof existing) =>
    schoolSystemFromGeoJSON({ settlements, schools: layer, candidates, levels: ["kindergarten", "primary1to3", "primary4to6", "junior"], travel: { fallback: { speedKmPerHour: { primary4to6: 30, junior: 30 } }, modes: { kindergarten: "ebike", primary1to3: "ebike" } } });
  const asGiven = build(existing).system;
  const guarantee = await findNecessarySmallSchools(asGiven);
  const necessary = new Set(guarantee.necessary.map((s) => s.id));
  // Township and village schools have the classrooms their pupils fill today (examples/dongyuan/statusQuoRooms.ts).
  const fitted = fitClassroomsToStatusQuo(existing, asGiven, DONGYUAN_PLAN_RULES);
  const kept = { ...fitted, features: fitted.features.map((f) => (necessary.has(String(f.id)) ? { ...f, properties: { ...f.properties, protected: true } } : f)) };
  return { geo: build(kept), settlements, sites, existing, candidates, guarantee };
}
