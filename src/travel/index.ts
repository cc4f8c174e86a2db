// Travel costs: straight-line distances, travel time from distance, and cost matrices (named exports only).
export { EARTH_MEAN_RADIUS_METRES, greatCircleMetres, planarMetres, travelMinutes } from "./distance.ts";
export type { TravelSpeedOptions } from "./distance.ts";
export type { CoordinateKind } from "./coordinates.ts";
export { costMatrixFromCoordinates, describeCostMatrixOptions } from "./matrix.ts";
export type { CostMatrixOptions } from "./matrix.ts";
export { kNearestCostMatrix } from "./nearest.ts";
export { roadNetworkFromGeoJSON } from "./network/fromGeoJSON.ts";
export type { RoadNetworkOptions, RoadNetworkReadOptions } from "./network/fromGeoJSON.ts";
export { roadNetworkFromOsmPbf, roadNetworkFromOsmXml } from "./network/osm.ts";
export type { OsmReadOptions, OsmRoadNetwork } from "./network/osm.ts";
export { DEFAULT_SPEEDS_KM_PER_HOUR, segmentMinutes } from "./network/speeds.ts";
export type { LegalMaximum, ModeSpeeds, SegmentMinutesOptions, SpeedEntry } from "./network/speeds.ts";
export { DEFAULT_ROAD_CLASS, ZONE_SPEEDS_KM_PER_HOUR } from "./network/roadTags.ts";
export { createRoadNetwork } from "./network/roadNetwork.ts";
export type { RoadNetwork, RoadNetworkInput, SegmentDirection } from "./network/roadNetwork.ts";
export { TRAVEL_MODES } from "./network/travelMode.ts";
export type { SegmentMinutes, TravelMode } from "./network/travelMode.ts";
export * from "./routing/index.ts";
