// Routing on road networks: snapping, travel-time matrices, nearest facilities and service areas (named exports only).
export { DEFAULT_MAX_SNAP_METRES, snapToNetwork } from "./snapping.ts";
export type { SnapOptions, Snapping } from "./snapping.ts";
export { buildRoutingGraph } from "./graph.ts";
export type { ArcSet, RoutingGraph } from "./graph.ts";
export { DEFAULT_WALK_SPEED_KM_PER_HOUR } from "./context.ts";
export type { RoutingOptions } from "./context.ts";
export { travelTimeMatrix } from "./travelTimeMatrix.ts";
export type { TravelTimeMatrix, TravelTimeMatrixOptions } from "./travelTimeMatrix.ts";
export type { ComponentReport, Reachability } from "./reachability.ts";
export { nearestFacilityTimes } from "./nearestFacility.ts";
export type { NearestFacilityTimes } from "./nearestFacility.ts";
export { serviceAreas } from "./serviceAreas.ts";
export type { ServiceAreaOptions, ServiceAreaProperties } from "./serviceAreas.ts";
