// Travel costs: straight-line distances, travel time from distance, and cost matrices (named exports only).
export { EARTH_MEAN_RADIUS_METRES, greatCircleMetres, planarMetres, travelMinutes } from "./distance.ts";
export type { TravelSpeedOptions } from "./distance.ts";
export type { CoordinateKind } from "./coordinates.ts";
export { costMatrixFromCoordinates, describeCostMatrixOptions } from "./matrix.ts";
export type { CostMatrixOptions } from "./matrix.ts";
export { kNearestCostMatrix } from "./nearest.ts";
