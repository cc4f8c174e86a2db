/**
 * Travel-time matrices for the CLI: on one thread for small ones, split over worker threads (Node only) for large
 * ones, where it halves the time on two cores (bench/results/travel.md).
 * @module
 */
import { travelTimeMatrix, type TravelTimeMatrix, type TravelTimeMatrixOptions } from "../travel/routing/index.ts";
import { travelTimeMatrixParallel } from "../travel/routing/parallel.node.ts";
import type { RoadNetwork, SegmentMinutes } from "../travel/index.ts";

/** Below this many demand point × site pairs, starting worker threads costs more than it saves. */
const PARALLEL_FROM_PAIRS = 2_000_000;

/**
 * Computes a travel-time matrix, in worker threads when it is large.
 * @param network - the road network
 * @param minutes - minutes per segment for the travel mode
 * @param origins - demand points, flat [longitude, latitude, ...]
 * @param destinations - sites, flat [longitude, latitude, ...]
 * @param options - as `travelTimeMatrix`
 */
export async function computeTravelMatrix(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  origins: Float64Array,
  destinations: Float64Array,
  options: TravelTimeMatrixOptions,
): Promise<TravelTimeMatrix> {
  const pairs = (origins.length / 2) * (destinations.length / 2);
  if (pairs < PARALLEL_FROM_PAIRS) return travelTimeMatrix(network, minutes, origins, destinations, options);
  return travelTimeMatrixParallel(network, minutes, origins, destinations, options);
}
