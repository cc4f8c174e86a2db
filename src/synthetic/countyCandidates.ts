/**
 * The candidate sites `school-layout generate county` writes beside a synthetic county, so that the folder
 * plans as it comes: new central schools at the county seat and the township seats, village schools within
 * walking reach of every settlement that no existing school serves on foot, and a complete primary at the
 * largest village of each township. Synthetic, like the county.
 * @module
 */
import type { Feature, Point } from "geojson";
import { InputError } from "../errors.ts";
import type { LevelId } from "../norms/levels.ts";
import { greatCircleMetres } from "../travel/distance.ts";
import type { CandidateProperties } from "./candidates.ts";
import { SYNTHETIC_CLASS_SIZE } from "./schools.ts";
import type { SettlementProperties, SyntheticCollection, SyntheticCounty, SyntheticSchoolTier, SyntheticSchoolType } from "./types.ts";

/** Options of {@link countyCandidateSites}. */
export interface CountyCandidateOptions {
  /**
   * Walking reach, in great-circle metres: a settlement farther than this from every existing school serving
   * kindergarten (or grades 1–3) gets a village kindergarten (or teaching point) candidate within this distance.
   * Default 1,000 m: 16 minutes at the straight-line fallback's walk (× 1.3 at 5 km/h), half the 30-minute
   * day limit of grades 1–3, leaving room for roads that wind more than the fallback assumes. Finite, > 0.
   */
  readonly walkMetres?: number;
}

/** Pupils a teaching point may take: 4 classes (建标109-2008) of 30 (GB 50099-2011, incomplete primary). */
const TEACHING_POINT_PUPILS = 4 * 30;
/** Classrooms and beds of the new central schools (a 36-class nine-year school, a 12-class kindergarten). */
const CENTRAL_ROOMS = { nineYear: 36, primary: 36, kindergarten: 12 } as const;
/** Beds a new township nine-year school may build (boarding for pupils beyond daily reach). */
const CENTRAL_BEDS = 400;
/** Most children a kindergarten may hold (幼儿园工作规程 art. 11). */
const KINDERGARTEN_LIMIT = 360;
/** Most pupils a primary school may hold (教督〔2017〕6号), counted here for grades 1–3 of the settlements it covers. */
const PRIMARY_LIMIT = 2000;

const SUFFIX: Record<CandidateProperties["type"], string> = {
  kindergarten: "kg",
  "teaching point": "tp",
  "complete primary": "cp",
  "nine-year": "ny",
};
const ORDER: readonly CandidateProperties["type"][] = ["nine-year", "complete primary", "teaching point", "kindergarten"];

type Settlement = Feature<Point, SettlementProperties>;

/** Settlements within `metres` of each settlement (itself included), found through a grid of that cell size. */
function neighbourLists(positions: readonly [number, number][], metres: number): number[][] {
  const latitude = positions.length > 0 ? positions[0]![1] : 0;
  const metresPerDegreeX = 111_320 * Math.cos((latitude * Math.PI) / 180);
  const cellOf = ([lon, lat]: [number, number]): [number, number] => [Math.floor((lon * metresPerDegreeX) / metres), Math.floor((lat * 110_574) / metres)];
  const grid = new Map<string, number[]>();
  positions.forEach((position, k) => {
    const [cx, cy] = cellOf(position);
    const key = `${cx},${cy}`;
    const cell = grid.get(key);
    if (cell === undefined) grid.set(key, [k]);
    else cell.push(k);
  });
  // One cell of slack each way covers the rounding of the equirectangular cells against great-circle metres.
  return positions.map((position, k) => {
    const [cx, cy] = cellOf(position);
    const near: number[] = [];
    for (let dx = -2; dx <= 2; dx++) {
      for (let dy = -2; dy <= 2; dy++) {
        for (const other of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (other === k || greatCircleMetres(position, positions[other]!) <= metres) near.push(other);
        }
      }
    }
    return near.sort((a, b) => a - b);
  });
}

/** Whether each settlement lies within `metres` of an existing school of one of `types`. */
function servedOnFoot(county: SyntheticCounty, positions: readonly [number, number][], types: readonly SyntheticSchoolType[], metres: number): boolean[] {
  const schools = county.schools.features.filter((school) => types.includes(school.properties.type)).map((school) => school.geometry.coordinates as [number, number]);
  return positions.map((position) => schools.some((school) => greatCircleMetres(position, school) <= metres));
}

/**
 * Greedy cover of the unserved settlements' pupils of one level: the unserved settlement with most pupils first;
 * the site chosen for it is the settlement within reach that covers most still-unserved pupils (ties to the
 * lower index) and not chosen before, each site taking the unserved settlements within its reach nearest first
 * while their pupils fit in `capacity` (the rest stay unserved and get sites of their own). Returns the chosen
 * settlement indices in choice order.
 */
function coverSites(pupils: readonly number[], unserved: readonly boolean[], near: readonly number[][], positions: readonly [number, number][], capacity: number): number[] {
  const open = unserved.map((flag, k) => flag && pupils[k]! > 0);
  const order = pupils.map((_, k) => k).filter((k) => open[k]).sort((a, b) => pupils[b]! - pupils[a]! || a - b);
  const takenBy = (site: number): number[] => {
    const byDistance = near[site]!.filter((other) => open[other]).map((other) => ({ other, metres: greatCircleMetres(positions[site]!, positions[other]!) }));
    byDistance.sort((a, b) => a.metres - b.metres || a.other - b.other);
    const taken: number[] = [];
    let load = 0;
    for (const { other } of byDistance) {
      if (load + pupils[other]! > capacity && taken.length > 0) continue;
      taken.push(other);
      load += pupils[other]!;
    }
    return taken;
  };
  const chosen: number[] = [];
  const used = new Set<number>();
  for (const k of order) {
    if (!open[k]) continue;
    let best = k;
    let bestTaken: number[] = [];
    let bestPupils = -1;
    for (const site of near[k]!) {
      // A site serves one group: chosen twice, it would have to hold both.
      if (used.has(site)) continue;
      const taken = takenBy(site);
      if (!taken.includes(k)) continue;
      const covered = taken.reduce((sum, other) => sum + pupils[other]!, 0);
      if (covered > bestPupils) {
        best = site;
        bestTaken = taken;
        bestPupils = covered;
      }
    }
    if (bestPupils < 0) bestTaken = [k];
    chosen.push(best);
    used.add(best);
    for (const other of bestTaken) open[other] = false;
  }
  return chosen;
}

function tierOf(settlement: Settlement): SyntheticSchoolTier {
  const kind = settlement.properties.kind;
  return kind === "county seat" ? "county seat" : kind === "township seat" ? "township" : "village";
}

/**
 * Candidate sites for planning a synthetic county's schools (`school-layout plan --candidates`), chosen so that
 * the county plans as it comes:
 * - **new central schools**: at the county seat a complete primary and a kindergarten, at each township seat a
 *   boarding nine-year school (up to 400 beds) and a central kindergarten;
 * - **village schools within walking reach**: every settlement farther than `walkMetres` from every existing
 *   kindergarten (or primary: complete primary, nine-year) gets a kindergarten (or primary) candidate within
 *   `walkMetres`, by a greedy cover (the settlement with most unserved pupils first, the site that covers most);
 *   the primary is a teaching point (grades 1–3, 30 per class) where the grade 1–3 pupils within its reach fit
 *   in four classes, else a complete primary; each has classrooms for all the pupils within its reach;
 * - **large villages**: a complete primary at the village with most primary pupils in each township.
 *
 * The candidates are what a planner might sketch to start from, not a recommendation: the plan decides which to
 * build. Properties as `docs/schemas/schools.schema.json` reads them (`existing: false`), with `purpose` saying
 * why the site is a candidate; ids `C-<settlement>-<ny|cp|tp|kg>`; every feature `synthetic: true`, the
 * collection's `metadata` the county's. Deterministic: the same county gives the same sites, in settlement order.
 * @param county - from {@link generateCounty}
 * @param options - see {@link CountyCandidateOptions}
 * @returns the candidate sites, a FeatureCollection of Points with the county's synthetic metadata
 * @throws InputError when `walkMetres` is not a finite number > 0, or `options` holds another name
 */
export function countyCandidateSites(county: SyntheticCounty, options: CountyCandidateOptions = {}): SyntheticCollection<Point, CandidateProperties> {
  for (const name of Object.keys(options)) {
    if (name !== "walkMetres") {
      throw new InputError({ source: "countyCandidateSites options", field: name, value: (options as Record<string, unknown>)[name] }, "is not an option; it reads walkMetres");
    }
  }
  const walkMetres = options.walkMetres ?? 1000;
  if (typeof walkMetres !== "number" || !Number.isFinite(walkMetres) || walkMetres <= 0) {
    throw new InputError({ source: "countyCandidateSites options", field: "walkMetres", value: walkMetres }, "must be a finite number of metres > 0");
  }
  const settlements = county.settlements.features;
  const positions = settlements.map((s) => s.geometry.coordinates as [number, number]);
  const near = neighbourLists(positions, walkMetres);
  const pupilsWithin = (k: number, levels: readonly LevelId[]): number =>
    near[k]!.reduce((sum, other) => sum + levels.reduce((levelSum, level) => levelSum + settlements[other]!.properties[level], 0), 0);

  const sites = new Map<string, { settlement: number; type: CandidateProperties["type"]; rooms: number; beds: number; purpose: string }>();
  const add = (settlement: number, type: CandidateProperties["type"], rooms: number, beds: number, purpose: string): void => {
    const key = `${settlement}:${type}`;
    if (!sites.has(key)) sites.set(key, { settlement, type, rooms, beds, purpose });
  };

  settlements.forEach((s, k) => {
    if (s.properties.kind === "county seat") {
      add(k, "complete primary", CENTRAL_ROOMS.primary, 0, "new central school at the county seat");
      add(k, "kindergarten", CENTRAL_ROOMS.kindergarten, 0, "new central kindergarten at the county seat");
    } else if (s.properties.kind === "township seat") {
      add(k, "nine-year", CENTRAL_ROOMS.nineYear, CENTRAL_BEDS, "new central boarding school at the township seat");
      add(k, "kindergarten", CENTRAL_ROOMS.kindergarten, 0, "new central kindergarten at the township seat");
    }
  });

  const reach = `within ${walkMetres} m of settlements no existing school serves on foot`;
  const kindergartenPupils = settlements.map((s) => s.properties.kindergarten);
  const kindergartenServed = servedOnFoot(county, positions, ["kindergarten"], walkMetres);
  for (const k of coverSites(kindergartenPupils, kindergartenServed.map((served) => !served), near, positions, KINDERGARTEN_LIMIT)) {
    const rooms = Math.max(1, Math.ceil(pupilsWithin(k, ["kindergarten"]) / SYNTHETIC_CLASS_SIZE.kindergarten));
    add(k, "kindergarten", Math.min(rooms, KINDERGARTEN_LIMIT / SYNTHETIC_CLASS_SIZE.kindergarten), 0, `village kindergarten ${reach}`);
  }
  const primaryPupils = settlements.map((s) => s.properties.primary1to3);
  const primaryServed = servedOnFoot(county, positions, ["complete primary", "nine-year"], walkMetres);
  for (const k of coverSites(primaryPupils, primaryServed.map((served) => !served), near, positions, PRIMARY_LIMIT)) {
    const lower = pupilsWithin(k, ["primary1to3"]);
    if (lower <= TEACHING_POINT_PUPILS) {
      add(k, "teaching point", 4, 0, `village teaching point (grades 1–3) ${reach}`);
    } else {
      const rooms = Math.ceil(lower / SYNTHETIC_CLASS_SIZE.primary1to3) + Math.ceil(pupilsWithin(k, ["primary4to6"]) / SYNTHETIC_CLASS_SIZE.primary4to6);
      add(k, "complete primary", Math.max(12, rooms), 0, `village primary ${reach}`);
    }
  }

  const largest = new Map<string, number>();
  settlements.forEach((s, k) => {
    if (s.properties.kind !== "village") return;
    const best = largest.get(s.properties.township);
    const pupils = (j: number): number => settlements[j]!.properties.primary1to3 + settlements[j]!.properties.primary4to6;
    if (best === undefined || pupils(k) > pupils(best)) largest.set(s.properties.township, k);
  });
  for (const k of largest.values()) {
    const rooms = Math.ceil(pupilsWithin(k, ["primary1to3"]) / SYNTHETIC_CLASS_SIZE.primary1to3) + Math.ceil(pupilsWithin(k, ["primary4to6"]) / SYNTHETIC_CLASS_SIZE.primary4to6);
    add(k, "complete primary", Math.max(12, rooms), 0, "complete primary at the largest village of its township");
  }

  const chosen = [...sites.values()].sort((a, b) => a.settlement - b.settlement || ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
  const features = chosen.map(({ settlement: k, type, rooms, beds, purpose }): Feature<Point, CandidateProperties> => {
    const settlement = settlements[k]!;
    const id = `C-${settlement.properties.id}-${SUFFIX[type]}`;
    return {
      type: "Feature",
      id,
      geometry: { type: "Point", coordinates: [positions[k]![0], positions[k]![1]] },
      properties: {
        id,
        name: `${settlement.properties.name} ${type} (candidate)`,
        type,
        tier: tierOf(settlement),
        township: settlement.properties.township,
        existing: false,
        maxAddedClassrooms: rooms,
        maxAddedBeds: beds,
        settlement: settlement.properties.id,
        purpose,
        synthetic: true,
      },
    };
  });
  return {
    type: "FeatureCollection",
    metadata: {
      ...county.metadata,
      description: `SYNTHETIC DATA (describes no real place): candidate sites for new schools (existing: false): central schools at the seats, village schools within ${walkMetres} m of the settlements no existing school serves on foot, a complete primary at each township's largest village.`,
    },
    features,
  };
}
