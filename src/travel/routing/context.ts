/**
 * What every network routing call shares: checked options, the routing graph, the snapped points and how they
 * join the graph, and the sentence saying how the times were made.
 * @module
 */
import { InputError } from "../../errors.ts";
import { checkCoordinateArray } from "../coordinates.ts";
import type { RoadNetwork } from "../network/roadNetwork.ts";
import type { SegmentMinutes } from "../network/travelMode.ts";
import { attachPoints, pointsBySegment, type Attachment } from "./attach.ts";
import { buildRoutingGraph, type RoutingGraph } from "./graph.ts";
import { checkMaxSnapMetres, snapToNetwork, type Snapping } from "./snapping.ts";

/** The default walking speed of off-network legs: 5 km/h. */
export const DEFAULT_WALK_SPEED_KM_PER_HOUR = 5;

/** Options shared by every routing function. */
export interface RoutingOptions {
  /**
   * Times above this many minutes are not kept (inclusive: a time exactly at the cutoff is kept); finite and ≥ 0.
   * Default: no cutoff. Searches stop at the cutoff, so a cutoff also makes them faster.
   */
  readonly cutoffMinutes?: number;
  /** Points farther than this many metres from every usable segment are not snapped but reported. Default 1000 m. */
  readonly maxSnapMetres?: number;
  /**
   * Speed of the off-network legs between each point and its snapped position, in km/h, finite and > 0.
   * Default {@link DEFAULT_WALK_SPEED_KM_PER_HOUR} (5 km/h, an ordinary walking pace).
   */
  readonly walkSpeedKmPerHour?: number;
}

/** @internal */
export interface RoutingSetup {
  readonly network: RoadNetwork;
  readonly graph: RoutingGraph;
  readonly cutoff: number;
  readonly walkSpeed: number;
  readonly maxSnapMetres: number;
  readonly walkMinutesPerMetre: number;
}

function checkNumber(field: string, value: unknown, low: number, lowInclusive: boolean, unit: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < low || (!lowInclusive && value === low)) {
    throw new InputError({ source: "options", field, value }, `must be a finite number ${lowInclusive ? "≥" : ">"} ${low} (${unit})`);
  }
  return value;
}

/**
 * Checks the shared options and builds the graph.
 * @internal
 */
export function setUpRouting(network: RoadNetwork, minutes: SegmentMinutes, options: RoutingOptions): RoutingSetup {
  const cutoff = options.cutoffMinutes === undefined ? Infinity : checkNumber("cutoffMinutes", options.cutoffMinutes, 0, true, "minutes");
  const walkSpeed =
    options.walkSpeedKmPerHour === undefined
      ? DEFAULT_WALK_SPEED_KM_PER_HOUR
      : checkNumber("walkSpeedKmPerHour", options.walkSpeedKmPerHour, 0, false, "km/h");
  const maxSnapMetres = checkMaxSnapMetres(options.maxSnapMetres, "maxSnapMetres");
  const graph = buildRoutingGraph(network, minutes);
  return { network, graph, cutoff, walkSpeed, maxSnapMetres, walkMinutesPerMetre: 60 / (walkSpeed * 1000) };
}

/** Snapped points with their joins to the graph. @internal */
export interface PlacedPoints {
  /** The input positions, flat [longitude, latitude, ...] (for direct walks between nearby points). */
  readonly coordinates: Float64Array;
  readonly snapping: Snapping;
  readonly attachment: Attachment;
  readonly bySegment: { readonly starts: Int32Array; readonly points: Int32Array };
}

/**
 * Snaps points to the segments the mode may use and joins them to the graph.
 * @internal
 */
export function placePoints(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  setup: RoutingSetup,
  coordinates: ArrayLike<number>,
  role: "leave" | "arrive",
  name: string,
): PlacedPoints {
  checkCoordinateArray(name, coordinates, "lonlat");
  const snapping = snapToNetwork(network, coordinates, {
    maxDistanceMetres: setup.maxSnapMetres,
    usable: (s) => minutes.forward[s] !== Infinity || minutes.backward[s] !== Infinity,
  });
  return {
    coordinates: Float64Array.from(coordinates),
    snapping,
    attachment: attachPoints(network, minutes, snapping, setup.walkMinutesPerMetre, role),
    bySegment: pointsBySegment(network.segmentCount, snapping),
  };
}

/**
 * The sentence saying how times were made, e.g. `"road network (812 nodes, 903 segments), mode schoolBus, points
 * snapped within 1000 m, off-network legs walked at 5 km/h; times above 60 minutes not kept"`.
 * @internal
 */
export function describeBasis(network: RoadNetwork, minutes: SegmentMinutes, setup: RoutingSetup): string {
  let text =
    `road network (${network.nodeCount} nodes, ${network.segmentCount} segments), mode ${minutes.mode}, ` +
    `points snapped within ${setup.maxSnapMetres} m, off-network legs walked at ${setup.walkSpeed} km/h ` +
    `(points within ${setup.maxSnapMetres} m of each other may also walk straight across)`;
  if (setup.cutoff !== Infinity) text += `; times above ${setup.cutoff} minutes not kept`;
  return text;
}
