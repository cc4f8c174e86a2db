/**
 * Reading a road network file for the CLI: OpenStreetMap XML (`.osm`), OpenStreetMap PBF (`.pbf`), or GeoJSON
 * LineStrings (anything else). Node-only.
 * @module
 */
import { readFile } from "node:fs/promises";
import type { CoordinateSystem } from "../io/coordinateSystem.ts";
import { roadNetworkFromGeoJSON, roadNetworkFromOsmPbf, roadNetworkFromOsmXml, type RoadNetwork } from "../travel/index.ts";
import { readJson, readText } from "./files.ts";
import { CliError } from "./io.ts";

/**
 * Reads a road network, choosing the reader by the file's ending.
 * @param path - the file
 * @param crs - the coordinate system of a GeoJSON file (OSM files are WGS-84)
 * @param nodeCrossings - join lines where they cross without a shared vertex
 */
export async function readRoadNetwork(path: string, crs: CoordinateSystem, nodeCrossings: boolean): Promise<RoadNetwork> {
  const lower = path.toLowerCase();
  if (lower.endsWith(".pbf")) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      throw new CliError(`--roads "${path}": ${(error as { code?: string }).code === "ENOENT" ? "no such file" : (error as Error).message}`);
    }
    return roadNetworkFromOsmPbf(bytes, { source: path, nodeCrossings });
  }
  if (lower.endsWith(".osm")) return roadNetworkFromOsmXml(await readText(path, "--roads"), { source: path, nodeCrossings });
  return roadNetworkFromGeoJSON(await readJson(path, "--roads"), { source: path, crs, nodeCrossings });
}
