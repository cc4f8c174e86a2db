// Maps as SVG text (named exports only).
export { renderMapGrid, renderPlanMap } from "./planMap.ts";
export type { MapGeography, MapLayout, PlanMapOptions } from "./planMap.ts";
export { communityColour, renderCommunityMap } from "./communityMap.ts";
export type { CommunityMapOptions } from "./communityMap.ts";
