/**
 * Travel speeds per mode and road class, and the minutes each segment takes.
 * @module
 */
import { InputError } from "../../errors.ts";
import type { RoadNetwork } from "./roadNetwork.ts";
import { TRAVEL_MODES, type SegmentMinutes, type TravelMode } from "./travelMode.ts";

/** One default speed and where it comes from. */
export interface SpeedEntry {
  /** Speed in km/h; 0 means the mode may not use roads of this class. */
  readonly kmPerHour: number;
  /** The norm or study the value comes from, or `"assumption"`. */
  readonly source: string;
}

/** A mode's speed table. */
export interface ModeSpeeds {
  /** Speed per road class (OSM `highway` values). */
  readonly classes: Readonly<Record<string, SpeedEntry>>;
  /** The speed on a class absent from `classes`. */
  readonly otherClasses: SpeedEntry;
  /** Whether the mode keeps to one-way restrictions (walkers do not). */
  readonly respectsOneway: boolean;
  /** A legal maximum that no class speed, override or posted limit may exceed; none when absent. */
  readonly legalMaximum?: LegalMaximum;
}

/** A legal speed maximum per road class. */
export interface LegalMaximum {
  /** The maximum in km/h per road class (OSM `highway` values). */
  readonly classes: Readonly<Record<string, number>>;
  /** The maximum in km/h on classes absent from `classes`. */
  readonly otherClasses: number;
  /** The law or regulation, with the article. */
  readonly source: string;
}

const ASSUMPTION = "assumption";
const EXPRESSWAY_BAN = "Road Traffic Safety Law of the PRC (2003) art. 67: pedestrians and non-motor vehicles may not enter expressways";
const SCHOOL_BUS = "School Bus Safety Regulations (校车安全管理条例, 2012) art. 35";
const EXPRESSWAY_CLASSES = ["motorway", "motorway_link", "trunk", "trunk_link"];
const PATH_CLASSES = ["footway", "path", "steps", "pedestrian", "cycleway", "bridleway", "corridor"];

function table(source: string, values: Readonly<Record<string, number>>, also: Readonly<Record<string, SpeedEntry>> = {}): Record<string, SpeedEntry> {
  const out: Record<string, SpeedEntry> = {};
  for (const [roadClass, kmPerHour] of Object.entries(values)) out[roadClass] = { kmPerHour, source };
  return { ...out, ...also };
}

function banned(classes: readonly string[], source: string): Record<string, SpeedEntry> {
  return Object.fromEntries(classes.map((roadClass) => [roadClass, { kmPerHour: 0, source }]));
}

const BICYCLE_PATHS = { footway: 5, pedestrian: 5, path: 10, track: 10, cycleway: 15, bridleway: 8, corridor: 5, steps: 0 };

/**
 * The default speed table (km/h) per travel mode and road class (OSM `highway` values), each value with its
 * source or "assumption"; override per class with the `speedsKmPerHour` option of {@link segmentMinutes}.
 * - `walk`: 5 km/h on every class (assumption; a usual walking pace for pupils), not on motorway or trunk roads
 *   (as `trunk` in rural Guangdong is often a national road without footway; assumption for trunk, the
 *   expressway ban for motorway); ignores one-way restrictions.
 * - `bicycle`: 15 km/h (assumption), slower on paths and tracks, 0 on steps, motorways and trunk roads.
 * - `ebike`: 20 km/h (assumption; GB 17761-2018 caps the design speed of electric bicycles at 25 km/h), slower
 *   on paths and tracks, banned as bicycles.
 * - `schoolBus`: typical class speeds (assumption) under the legal maximum of the School Bus Safety Regulations
 *   (2012) art. 35: ≤ 80 km/h on expressways (`motorway`), ≤ 60 km/h elsewhere, ≤ 20 km/h on sharp bends, steep
 *   or narrow roads (read here as `track`, `service`, `living_street`); not on footways, paths, steps,
 *   pedestrian streets, cycleways, bridleways.
 * - `car`: typical class speeds in a county (assumption); not on paths.
 */
export const DEFAULT_SPEEDS_KM_PER_HOUR: Readonly<Record<TravelMode, ModeSpeeds>> = {
  walk: {
    classes: { ...banned(["motorway", "motorway_link"], EXPRESSWAY_BAN), ...banned(["trunk", "trunk_link"], ASSUMPTION) },
    otherClasses: { kmPerHour: 5, source: ASSUMPTION },
    respectsOneway: false,
  },
  bicycle: {
    classes: table(ASSUMPTION, BICYCLE_PATHS, banned(EXPRESSWAY_CLASSES, EXPRESSWAY_BAN)),
    otherClasses: { kmPerHour: 15, source: ASSUMPTION },
    respectsOneway: true,
  },
  ebike: {
    classes: table(ASSUMPTION, { ...BICYCLE_PATHS, path: 12, track: 15, cycleway: 20 }, banned(EXPRESSWAY_CLASSES, EXPRESSWAY_BAN)),
    otherClasses: { kmPerHour: 20, source: "assumption, under the 25 km/h design maximum of GB 17761-2018" },
    respectsOneway: true,
  },
  schoolBus: {
    classes: table(
      ASSUMPTION,
      {
        motorway: 80, motorway_link: 50, trunk: 60, trunk_link: 40, primary: 60, primary_link: 40, secondary: 50,
        secondary_link: 40, tertiary: 40, tertiary_link: 30, unclassified: 30, residential: 25, road: 30,
        living_street: 15, service: 15, track: 20,
      },
      banned(PATH_CLASSES, "no bus on paths (assumption)"),
    ),
    otherClasses: { kmPerHour: 30, source: ASSUMPTION },
    respectsOneway: true,
    legalMaximum: { classes: { motorway: 80, track: 20, service: 20, living_street: 20 }, otherClasses: 60, source: SCHOOL_BUS },
  },
  car: {
    classes: table(
      ASSUMPTION,
      {
        motorway: 100, motorway_link: 60, trunk: 80, trunk_link: 50, primary: 60, primary_link: 45, secondary: 50,
        secondary_link: 40, tertiary: 40, tertiary_link: 35, unclassified: 30, residential: 25, road: 30,
        living_street: 10, service: 15, track: 15,
      },
      banned(PATH_CLASSES, "no cars on paths (assumption)"),
    ),
    otherClasses: { kmPerHour: 30, source: ASSUMPTION },
    respectsOneway: true,
  },
};

/** Options for {@link segmentMinutes}. */
export interface SegmentMinutesOptions {
  /**
   * Speeds in km/h per road class, overriding the mode's defaults in {@link DEFAULT_SPEEDS_KM_PER_HOUR}; 0 bars
   * the mode from the class. The school bus's legal maximum still applies.
   */
  readonly speedsKmPerHour?: Partial<Record<string, number>>;
}

/**
 * The speed a mode travels a road class at, in km/h (0: not allowed): the class speed (override, else
 * default), capped by a posted limit (`maxSpeed`, km/h, NaN when none) and the mode's legal maximum.
 * @internal
 */
export function modeClassSpeed(mode: TravelMode, roadClass: string, maxSpeed: number, overrides: Partial<Record<string, number>> = {}): number {
  const speeds = DEFAULT_SPEEDS_KM_PER_HOUR[mode];
  let speed = overrides[roadClass] ?? (speeds.classes[roadClass] ?? speeds.otherClasses).kmPerHour;
  if (maxSpeed > 0) speed = Math.min(speed, maxSpeed);
  const legal = speeds.legalMaximum;
  if (legal !== undefined) speed = Math.min(speed, legal.classes[roadClass] ?? legal.otherClasses);
  return speed;
}

/**
 * Minutes to travel each segment in each direction by `mode`: metres ÷ (km/h × 1000 / 60). The speed is the
 * class speed of {@link DEFAULT_SPEEDS_KM_PER_HOUR} (or the override), capped by the segment's posted
 * `maxspeed` and, for the school bus, by the legal maximum of the School Bus Safety Regulations (2012) art. 35.
 * `Infinity` where the mode may not go: a class it is barred from (speed 0), or against a one-way segment
 * (except walking, which ignores one-way restrictions).
 * @param network - the road network
 * @param mode - the travel mode; see {@link TRAVEL_MODES}
 * @param options - per-class speed overrides; see {@link SegmentMinutesOptions}
 * @returns minutes per segment, forward (from → to) and backward; see {@link SegmentMinutes}
 * @throws InputError naming the option and value when the mode is unknown or an override is not a finite number ≥ 0
 */
export function segmentMinutes(network: RoadNetwork, mode: TravelMode, options: SegmentMinutesOptions = {}): SegmentMinutes {
  if (!TRAVEL_MODES.includes(mode)) {
    throw new InputError({ source: "options", field: "mode", value: mode }, `must be one of ${TRAVEL_MODES.map((m) => `"${m}"`).join(", ")}`);
  }
  const overrides = options.speedsKmPerHour ?? {};
  for (const [roadClass, speed] of Object.entries(overrides)) {
    if (speed !== undefined && !(typeof speed === "number" && Number.isFinite(speed) && speed >= 0)) {
      throw new InputError({ source: "options", field: `speedsKmPerHour.${roadClass}`, value: speed }, "must be a finite speed in km/h ≥ 0");
    }
  }
  const respectsOneway = DEFAULT_SPEEDS_KM_PER_HOUR[mode].respectsOneway;
  const forward = new Float64Array(network.segmentCount);
  const backward = new Float64Array(network.segmentCount);
  for (let s = 0; s < network.segmentCount; s++) {
    const speed = modeClassSpeed(mode, network.roadClasses[network.segmentClass[s]!]!, network.segmentMaxSpeed[s]!, overrides);
    const minutes = speed > 0 ? network.segmentLength[s]! / ((speed * 1000) / 60) : Infinity;
    const oneway = respectsOneway ? network.segmentOneway[s]! : 0;
    forward[s] = oneway === -1 ? Infinity : minutes;
    backward[s] = oneway === 1 ? Infinity : minutes;
  }
  return { mode, forward, backward };
}
