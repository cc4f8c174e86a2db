/**
 * Synthetic candidate sites for school plans: where a plan may build teaching points, village primaries and
 * kindergartens in a synthetic county. Synthetic, like the county.
 * @module
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import { InputError } from "../errors.ts";
import { greatCircleMetres } from "../travel/distance.ts";
import type { SettlementProperties, SyntheticCounty, SyntheticSchoolTier } from "./types.ts";

/** Properties of a synthetic candidate site (the school-system reader's property names). */
export interface CandidateProperties {
  /** Unique id, e.g. `"C-S0123-tp"`. */
  readonly id: string;
  /** A made-up name. */
  readonly name: string;
  /**
   * `teaching point`, `complete primary` or `kindergarten` ({@link candidateSites}); also `nine-year` for the
   * township seats' central schools of {@link countyCandidateSites}.
   */
  readonly type: "teaching point" | "complete primary" | "kindergarten" | "nine-year";
  /** `village` ({@link candidateSites}: always); `county seat` or `township` for sites at the seats. */
  readonly tier: SyntheticSchoolTier;
  /** Township id of the village. */
  readonly township: string;
  /** Always false: a candidate, not an existing school. */
  readonly existing: false;
  /**
   * Most classrooms it may build: in {@link candidateSites} 4 for a teaching point (建标109-2008: 4 classes), 12
   * for a primary, 6 for a kindergarten; in {@link countyCandidateSites} enough for the pupils within its reach.
   */
  readonly maxAddedClassrooms: number;
  /** Most boarding beds it may build: 0 at villages (no boarders); up to 400 at a township seat's nine-year school. */
  readonly maxAddedBeds: number;
  /** Id of the settlement it stands in. */
  readonly settlement: string;
  /** Why it is a candidate, in words ({@link countyCandidateSites} only; not read by the planner). */
  readonly purpose?: string;
  /** Always true. */
  readonly synthetic: true;
}

/** Options of {@link candidateSites}. */
export interface CandidateSiteOptions {
  /** How many candidate sites to make (whole number ≥ 0). */
  readonly count: number;
  /**
   * Villages farther than this (great-circle metres) from every existing primary school are covered first,
   * greedily (the village covering most such villages' grade 1–3 pupils next), so a day-travel limit can be met.
   * Default 2,000 m.
   */
  readonly coverMetres?: number;
  /**
   * Settlement ids that get a teaching point before anything else, in this order (e.g. the villages a plan
   * reported out of reach of every school within the day limit). Default none.
   */
  readonly priority?: readonly string[];
}

const SPECS = [
  { type: "teaching point", suffix: "tp", rooms: 4 },
  { type: "complete primary", suffix: "cp", rooms: 12 },
  { type: "kindergarten", suffix: "kg", rooms: 6 },
] as const;

/**
 * Picks villages of a synthetic county as candidate sites: first teaching points at the `priority` villages,
 * then a greedy cover of the villages beyond
 * `coverMetres` of every existing primary (a teaching point at each chosen village), then the largest villages
 * by grade 1–3 pupils, taking a teaching point, a complete primary and a kindergarten in turn. Deterministic.
 * @param county - from {@link generateCounty}
 * @param options - see {@link CandidateSiteOptions}
 * @returns a FeatureCollection of at most `count` candidate sites (fewer when the villages run out)
 * @throws InputError when `count` is not a whole number ≥ 0, `coverMetres` not a finite number > 0, or a
 *   `priority` id not a village
 */
export function candidateSites(county: SyntheticCounty, options: CandidateSiteOptions): FeatureCollection<Point, CandidateProperties> {
  const { count } = options;
  const coverMetres = options.coverMetres ?? 2000;
  if (!Number.isInteger(count) || count < 0) throw new InputError({ source: "options", field: "count", value: count }, "must be a whole number ≥ 0");
  if (!(coverMetres > 0) || !Number.isFinite(coverMetres)) throw new InputError({ source: "options", field: "coverMetres", value: coverMetres }, "must be a finite number > 0");
  const villages = county.settlements.features.filter((f) => f.properties.kind === "village");
  const position = (f: Feature<Point>): [number, number] => [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!];
  const primaries = county.schools.features.filter((f) => f.properties.type === "complete primary" || f.properties.type === "nine-year").map(position);
  const far = villages.filter((v) => primaries.every((p) => greatCircleMetres(position(v), p) > coverMetres));
  const chosen: Array<{ village: Feature<Point, SettlementProperties>; spec: (typeof SPECS)[number] }> = [];
  const used = new Set<string>();
  for (const id of options.priority ?? []) {
    const village = villages.find((v) => v.properties.id === id);
    if (village === undefined) throw new InputError({ source: "options", field: "priority", value: id }, "is not a village of the county");
    if (chosen.length >= count || used.has(id)) continue;
    used.add(id);
    chosen.push({ village, spec: SPECS[0] });
  }
  let uncovered = new Set(far.filter((v) => !chosen.some((c) => greatCircleMetres(position(c.village), position(v)) <= coverMetres)).map((v) => v.properties.id));
  while (uncovered.size > 0 && chosen.length < count) {
    let best: Feature<Point, SettlementProperties> | undefined;
    let bestPupils = 0;
    for (const v of villages) {
      if (used.has(v.properties.id)) continue;
      let pupils = 0;
      for (const w of far) if (uncovered.has(w.properties.id) && greatCircleMetres(position(v), position(w)) <= coverMetres) pupils += w.properties.primary1to3 + 1e-3;
      if (pupils > bestPupils) { bestPupils = pupils; best = v; }
    }
    if (best === undefined) break;
    used.add(best.properties.id);
    chosen.push({ village: best, spec: SPECS[0] });
    uncovered = new Set([...uncovered].filter((id) => greatCircleMetres(position(best!), position(far.find((w) => w.properties.id === id)!)) > coverMetres));
  }
  const largest = [...villages].sort((a, b) => b.properties.primary1to3 - a.properties.primary1to3 || (a.properties.id < b.properties.id ? -1 : 1));
  let turn = 0;
  for (let round = 0; round < SPECS.length && chosen.length < count; round++) {
    for (const village of largest) {
      if (chosen.length >= count) break;
      const spec = SPECS[turn % SPECS.length]!;
      const key = `${village.properties.id}:${spec.suffix}`;
      if (used.has(key) || (spec.suffix === "tp" && used.has(village.properties.id))) continue;
      used.add(key);
      chosen.push({ village, spec });
      turn++;
    }
  }
  const features = chosen.map(({ village, spec }): Feature<Point, CandidateProperties> => {
    const id = `C-${village.properties.id}-${spec.suffix}`;
    return {
      type: "Feature",
      id,
      geometry: { type: "Point", coordinates: position(village) },
      properties: {
        id,
        name: `${village.properties.name} ${spec.type} (candidate)`,
        type: spec.type,
        tier: "village",
        township: village.properties.township,
        existing: false,
        maxAddedClassrooms: spec.rooms,
        maxAddedBeds: 0,
        settlement: village.properties.id,
        synthetic: true,
      },
    };
  });
  return { type: "FeatureCollection", features };
}
