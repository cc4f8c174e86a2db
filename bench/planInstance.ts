/**
 * The seeded synthetic school systems of the plan benchmark: a county from `generateCounty` with its road
 * network (school bus for grades 1–3 and above, walking for kindergarten), its existing schools, and candidate
 * sites up to a total: first a teaching point at every village no existing primary reaches within 30 minutes,
 * then the county's other candidate sites (`candidateSites`). 4 levels.
 */
import {
  CHINA_NORMS,
  candidateSites,
  costOf,
  generateCounty,
  roadNetworkFromGeoJSON,
  schoolSystemFromGeoJSON,
  type CountyOptions,
  type SchoolSystem,
  withNormOverrides,
} from "../src/index.ts";

/**
 * The benchmark's rules: the national norms, except that kindergarten children may walk any distance — the
 * synthetic counties have kindergartens only at the township seats and no village kindergarten sites, so the
 * default 40-minute walking limit would leave most villages without one.
 */
export const BENCH_NORMS = withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { kindergarten: null } }, "benchmark: kindergartens only at seats");

/** The planned levels of the benchmark. */
export const BENCH_LEVELS = ["kindergarten", "primary1to3", "primary4to6", "junior"] as const;

/**
 * Builds one benchmark school system.
 * @param county - the generator's options
 * @param size - `sites`: existing schools plus candidate sites in all; or `candidates`: candidate sites besides the
 *   existing schools and the teaching points of the villages out of reach
 */
export function benchSchoolSystem(county: CountyOptions, size: { readonly sites: number } | { readonly candidates: number }): SchoolSystem {
  const generated = generateCounty(county);
  const network = roadNetworkFromGeoJSON(generated.roads);
  const travel = { network, modes: { primary1to3: "schoolBus" as const } };
  const probe = schoolSystemFromGeoJSON({ settlements: generated.settlements, schools: generated.schools, levels: BENCH_LEVELS, travel }).system;
  const bus = probe.travelMinutes.primary1to3!;
  const priority = probe.settlements
    .filter((s, i) => s.pupils.primary1to3 > 0 && !probe.schools.some((school, j) => (school.type === "complete primary" || school.type === "nine-year") && costOf(bus, i, j) <= 30))
    .map((s) => s.id);
  const count = "sites" in size ? Math.max(0, size.sites - generated.schools.features.length) : priority.length + size.candidates;
  const candidates = count > 0 ? candidateSites(generated, { count, priority }) : undefined;
  return schoolSystemFromGeoJSON({
    settlements: generated.settlements,
    schools: generated.schools,
    ...(candidates === undefined || candidates.features.length === 0 ? {} : { candidates }),
    levels: BENCH_LEVELS,
    travel,
  }).system;
}
