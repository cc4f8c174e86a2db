/**
 * OpenStreetMap tag semantics shared by the road network readers (GeoJSON and OSM): road class, one-way
 * direction and posted speed limit, read the same way whatever the source.
 * @module
 */
import { InputError, type InputLocation } from "../../errors.ts";

/** Where a road came from, for error messages: the source (file), the feature or way index and id. */
export type RoadLocation = Omit<InputLocation, "field" | "value">;

/** The road class given to a road without one (a GeoJSON feature with no `highway` property), by default. */
export const DEFAULT_ROAD_CLASS = "unclassified";

const FORWARD = new Set(["yes", "true", "1"]);
const BACKWARD = new Set(["-1", "reverse"]);
const BOTH = new Set(["no", "false", "0", "alternating", "reversible"]);

/**
 * Reads an OSM `oneway` value as a direction: 1 (from → to, the direction the line is drawn), −1 (to → from)
 * or 0 (both ways).
 * - `"yes"`, `"true"`, `"1"`, `true`, `1` → 1; `"-1"`, `"reverse"`, `-1` → −1; `"no"`, `"false"`, `"0"`, `false`, `0` → 0
 *   (strings in any case, spaces trimmed);
 * - `"alternating"` and `"reversible"` (time-dependent directions) → 0, both ways;
 * - absent (undefined, null, `""`): 1 when the road class is `motorway` or `junction` is `roundabout` (OSM's
 *   implied one-way), otherwise 0. Links (`motorway_link`) are not implied one-way; tag them.
 * @throws InputError naming the road, the field and the value for anything else
 * @internal
 */
export function parseOneway(value: unknown, roadClass: string, junction: unknown, where: RoadLocation, field: string): -1 | 0 | 1 {
  if (value === undefined || value === null || value === "") {
    return roadClass === "motorway" || (typeof junction === "string" && junction.trim().toLowerCase() === "roundabout") ? 1 : 0;
  }
  if (value === true || value === 1) return 1;
  if (value === false || value === 0) return 0;
  if (value === -1) return -1;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (FORWARD.has(text)) return 1;
    if (BACKWARD.has(text)) return -1;
    if (BOTH.has(text)) return 0;
  }
  throw new InputError(
    { ...where, field, value },
    'unknown oneway value: use "yes"/"true"/"1" (forward), "-1"/"reverse" (backward) or "no"/"false"/"0" (both ways)',
  );
}

const MPH = 1.609344;
const KNOT = 1.852;
const SPEED = /^(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?$/;

/**
 * Zone and placeholder values of `maxspeed` that carry no number here, read as NaN (no posted limit known):
 * `none`, `signals`, `variable`, `walk`, `unknown`, and any country-zone value `XX:zone` (e.g. `CN:urban`,
 * `CN:rural`, `DE:urban`) except those in {@link ZONE_SPEEDS_KM_PER_HOUR}.
 */
const NO_NUMBER = new Set(["none", "signals", "variable", "walk", "unknown"]);

/**
 * Country-zone `maxspeed` values given a number: `CN:motorway` → 120 km/h, the expressway maximum of the
 * Implementing Regulations of the Road Traffic Safety Law of the PRC (2004) art. 78. Other zones are NaN.
 */
export const ZONE_SPEEDS_KM_PER_HOUR: Readonly<Record<string, number>> = { "cn:motorway": 120 };

/**
 * Reads an OSM `maxspeed` value in km/h.
 * - a number, or a numeric string (`"50"`), is km/h; `"50 km/h"`, `"50 kmh"`, `"50 kph"` too; `"30 mph"` is
 *   converted (× 1.609344), `"10 knots"` (× 1.852);
 * - a list `"60;40"` reads as its lowest value (the conservative one);
 * - absent, `none`, `signals`, `variable`, `walk`, `unknown` and zone values such as `CN:urban` → NaN (no
 *   posted limit known); `CN:motorway` → 120 (see {@link ZONE_SPEEDS_KM_PER_HOUR}).
 * @returns km/h > 0, or NaN
 * @throws InputError naming the road, the field and the value for anything else (`"fast"`, `"0"`, `-5`)
 * @internal
 */
export function parseMaxSpeed(value: unknown, where: RoadLocation, field: string): number {
  if (value === undefined || value === null || value === "") return NaN;
  if (typeof value === "number") {
    if (Number.isFinite(value) && value > 0) return value;
  } else if (typeof value === "string") {
    const parts = value.split(";").map((part) => parseOneSpeed(part.trim().toLowerCase()));
    if (parts.every((part) => part !== undefined)) {
      const numbers = parts.filter((part) => !Number.isNaN(part));
      return numbers.length === 0 ? NaN : Math.min(...numbers);
    }
  }
  throw new InputError(
    { ...where, field, value },
    'cannot read this speed limit: use km/h ("50"), "50 mph", or an OSM zone value such as "CN:urban"',
  );
}

/** One speed: km/h, NaN for a placeholder, or undefined when unreadable. */
function parseOneSpeed(text: string): number | undefined {
  if (NO_NUMBER.has(text)) return NaN;
  if (text in ZONE_SPEEDS_KM_PER_HOUR) return ZONE_SPEEDS_KM_PER_HOUR[text];
  if (/^[a-z]{2}(?:-[a-z0-9]+)?:[a-z_:]+$/.test(text)) return NaN;
  const match = SPEED.exec(text);
  if (match === null) return undefined;
  const number = Number(match[1]);
  if (!(number > 0)) return undefined;
  const unit = match[2];
  return unit === "mph" ? number * MPH : unit === "knots" ? number * KNOT : number;
}

/**
 * Reads a road class: a non-empty string (trimmed), or `fallback` when absent.
 * @throws InputError naming the road, the field and the value when it is not a string
 * @internal
 */
export function parseRoadClass(value: unknown, fallback: string, where: RoadLocation, field: string): string {
  if (value === undefined || value === null || value === "") return fallback;
  if (typeof value !== "string" || value.trim() === "") {
    throw new InputError({ ...where, field, value }, 'a road class must be a string such as "primary" or "track"');
  }
  return value.trim();
}
