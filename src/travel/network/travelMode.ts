/**
 * Travel modes and the minutes each segment of a road network takes in each direction.
 * @module
 */

/** How pupils travel. `schoolBus` follows the legal speed limits of the School Bus Safety Regulations (2012). */
export type TravelMode = "walk" | "bicycle" | "ebike" | "schoolBus" | "car";

/** All travel modes, for validation and CLI help. */
export const TRAVEL_MODES: readonly TravelMode[] = ["walk", "bicycle", "ebike", "schoolBus", "car"];

/**
 * Minutes to travel each segment of a road network in each direction for one mode: `Infinity` where the mode
 * may not use the segment in that direction (a one-way street against its direction, a footpath for a bus).
 */
export interface SegmentMinutes {
  /** The mode the minutes are for. */
  readonly mode: TravelMode;
  /** Length segmentCount: minutes from `segmentFrom` to `segmentTo`. */
  readonly forward: Float64Array;
  /** Length segmentCount: minutes from `segmentTo` to `segmentFrom`. */
  readonly backward: Float64Array;
}
