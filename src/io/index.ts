// GeoJSON, CSV and JSON edges: readers, the problem builder and writers (named exports only).
export { readDemandPoints, readSites } from "./geojson.ts";
export type { DemandLayer, ReadDemandOptions, ReadLayerOptions, ReadSiteOptions, SiteLayer } from "./geojson.ts";
export type { PropertyOrAccessor } from "./values.ts";
export { problemFromGeoJSON } from "./geoProblem.ts";
export type { GeoProblem, GeoProblemOptions } from "./geoProblem.ts";
export { costTableBasis, readCostTable } from "./costTable.ts";
export type { CostTableOptions } from "./costTable.ts";
export { problemToJson, readProblemJson } from "./problemJson.ts";
export type { ProblemJson, ProblemJsonCosts, ProblemJsonDemandPoint, ProblemJsonSite } from "./problemJson.ts";
export { rowsToGeoJSON } from "./rows.ts";
export type { RowsToGeoJSONOptions } from "./rows.ts";
export { solutionFeatureCollection, solutionToGeoJSON } from "./write.ts";
export type { SolutionCollection, SolutionGeoJSON, SolutionLayer, SolutionGeoJSONHeader } from "./write.ts";
export { COORDINATE_SYSTEMS, convertCoordinates, convertGeometry, fromWgs84, toWgs84 } from "./coordinateSystem.ts";
export type { CoordinateSystem } from "./coordinateSystem.ts";
export type { SolutionGeoJSONOptions } from "./write.ts";
