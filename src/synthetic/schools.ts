/**
 * Existing schools of a synthetic county, at the county seat and the township seats, sized from the pupils of
 * their town with some slack or shortfall (a status quo for planning, not a plan):
 * - county seat (tier "county seat"): kindergartens of ≤ 360 children, complete primaries of ≤ 2,000 pupils
 *   for the town, junior schools of ≤ 2,000 for half the town's junior pupils, and complete secondary schools
 *   (junior + senior, boarding) for the other half and for the senior pupils of the whole county;
 * - each township seat (tier "township"): a central kindergarten and a central primary for 40–80 % of the
 *   township's children (villages have no school here; the plan decides), and a boarding junior school, or one
 *   boarding nine-year school where the township has fewer than 300 junior pupils.
 * Class sizes: kindergarten 30 (mixed classes, 幼儿园工作规程 art. 11), primary 45, junior and senior 50
 * (GB 50099-2011 §3.0.1); school sizes ≤ 360 / 2,000 / 2,500 / 3,000 (幼儿园工作规程, 教督〔2017〕6号, county
 * high-school plan 2021) — see ../shared/docs/domain.md.
 * @module
 */
import type { Feature, Point } from "geojson";
import type { LocalPlane } from "./plane.ts";
import type { SyntheticLevel } from "./population.ts";
import type { SeededRandom } from "../random.ts";
import type { SchoolProperties, SyntheticSchoolTier, SyntheticSchoolType } from "./types.ts";

/** Pupils per class by level: kindergarten 30, primary 45, junior and senior 50 (see the module documentation). */
export const SYNTHETIC_CLASS_SIZE: Readonly<Record<SyntheticLevel, number>> = {
  kindergarten: 30,
  primary1to3: 45,
  primary4to6: 45,
  junior: 50,
  senior: 50,
};

/** A seat settlement and the pupils of its town, as the school builder needs them. */
export interface SeatTown {
  /** Settlement id of the seat. */
  readonly settlement: string;
  /** Township id. */
  readonly township: string;
  /** Township number (1 = the county seat's town). */
  readonly number: number;
  /** The seat's name. */
  readonly name: string;
  /** Seat position, metres. */
  readonly x: number;
  /** Seat position, metres. */
  readonly y: number;
  /** Pupils per level living in the township. */
  readonly pupils: Readonly<Record<SyntheticLevel, number>>;
}

type SchoolSpec = { type: SyntheticSchoolType; pupils: Partial<Record<SyntheticLevel, number>>; boarding: number };

const MAX_SIZE: Record<SyntheticSchoolType, number> = {
  kindergarten: 360,
  "complete primary": 2000,
  "nine-year": 2500,
  junior: 2000,
  "complete secondary": 3000,
};
const LETTER: Record<SyntheticSchoolType, string> = {
  kindergarten: "K",
  "complete primary": "P",
  "nine-year": "N",
  junior: "J",
  "complete secondary": "C",
};
const NAME: Record<SyntheticSchoolType, string> = {
  kindergarten: "Central Kindergarten",
  "complete primary": "Central Primary School",
  "nine-year": "Nine-year School",
  junior: "Junior Middle School",
  "complete secondary": "Middle School",
};

/** Splits a school spec into as many schools as its size limit needs, each with a share of the pupils. */
function split(spec: SchoolSpec): SchoolSpec[] {
  const total = Object.values(spec.pupils).reduce((a, b) => a + b, 0);
  const parts = Math.max(1, Math.ceil(total / MAX_SIZE[spec.type]));
  const pupils: Partial<Record<SyntheticLevel, number>> = {};
  for (const [level, count] of Object.entries(spec.pupils) as Array<[SyntheticLevel, number]>) pupils[level] = count / parts;
  return Array.from({ length: parts }, () => ({ ...spec, pupils }));
}

/**
 * Makes the existing schools.
 * @param random - the stream to draw from
 * @param towns - the county seat's town first, then the townships
 * @param countySenior - senior-age pupils of the whole county
 * @param plane - the map to WGS-84
 * @param inside - whether a point (metres) lies inside the county (a school stands 60–200 m from its seat, nearer
 *   where the boundary is close)
 */
export function buildSchools(
  random: SeededRandom,
  towns: readonly SeatTown[],
  countySenior: number,
  plane: LocalPlane,
  inside: (x: number, y: number) => boolean,
): Array<Feature<Point, SchoolProperties>> {
  const features: Array<Feature<Point, SchoolProperties>> = [];
  for (const town of towns) {
    const p = town.pupils;
    const seat = town.number === 1;
    const share = seat ? 1 : random.uniform(0.4, 0.8);
    const specs: SchoolSpec[] = [{ type: "kindergarten", pupils: { kindergarten: p.kindergarten * share }, boarding: 0 }];
    const primary = { primary1to3: p.primary1to3 * share, primary4to6: p.primary4to6 * share };
    if (seat) {
      specs.push({ type: "complete primary", pupils: primary, boarding: 0 });
      specs.push({ type: "junior", pupils: { junior: p.junior / 2 }, boarding: 0.2 });
      specs.push({ type: "complete secondary", pupils: { junior: p.junior / 2, senior: countySenior }, boarding: 0.6 });
    } else if (p.junior < 300) {
      specs.push({ type: "nine-year", pupils: { ...primary, junior: p.junior }, boarding: 0.4 });
    } else {
      specs.push({ type: "complete primary", pupils: primary, boarding: 0.05 });
      specs.push({ type: "junior", pupils: { junior: p.junior }, boarding: 0.6 });
    }
    let serial = 0;
    const ofType = new Map<SyntheticSchoolType, number>();
    for (const spec of specs.flatMap(split)) {
      serial++;
      const typeSerial = (ofType.get(spec.type) ?? 0) + 1;
      ofType.set(spec.type, typeSerial);
      const classes: Partial<Record<SyntheticLevel, number>> = {};
      let seats = 0;
      for (const [level, count] of Object.entries(spec.pupils) as Array<[SyntheticLevel, number]>) {
        const size = SYNTHETIC_CLASS_SIZE[level];
        classes[level] = Math.max(1, Math.round((count * random.uniform(0.85, 1.15)) / size));
        seats += classes[level] * size;
      }
      const beds = Math.round(seats * spec.boarding * random.uniform(0.8, 1.2));
      const tier: SyntheticSchoolTier = seat ? "county seat" : "township";
      const id = `${LETTER[spec.type]}${String(town.number).padStart(2, "0")}-${serial}`;
      const angle = random.uniform(0, 2 * Math.PI);
      let distance = random.uniform(60, 200);
      for (let k = 0; k < 8 && !inside(town.x + distance * Math.cos(angle), town.y + distance * Math.sin(angle)); k++) distance /= 2;
      if (!inside(town.x + distance * Math.cos(angle), town.y + distance * Math.sin(angle))) distance = 0;
      const name = `${town.name} ${typeSerial > 1 ? `No. ${typeSerial} ` : ""}${NAME[spec.type]}`;
      features.push({
        type: "Feature",
        id,
        properties: { id, name, type: spec.type, tier, settlement: town.settlement, township: town.township, classes, beds, synthetic: true },
        geometry: { type: "Point", coordinates: plane.toLonLat(town.x + distance * Math.cos(angle), town.y + distance * Math.sin(angle)) },
      });
    }
  }
  return features;
}
