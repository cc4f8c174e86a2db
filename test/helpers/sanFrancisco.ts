/**
 * The San Francisco test set of PySAL spopt (../shared/data/spopt_sf): 205 census-tract demand points weighted
 * by POP2000, 16 candidate store sites, and the full street-network distance table in metres.
 *
 * Tests that use it go through {@link describeSanFrancisco}: when the folder is absent they are skipped with a
 * message, except under CI (`process.env.CI === "true"`), where they fail.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { FeatureCollection, Point } from "geojson";
import { describeWithSharedData } from "./sharedData.ts";
import { problemFromGeoJSON, readCostTable, rowsToGeoJSON, type GeoProblem, type ReadSiteOptions } from "../../src/io/index.ts";

/** The folder holding the spopt San Francisco files. */
export const SAN_FRANCISCO_FOLDER = fileURLToPath(new URL("../../../shared/data/spopt_sf/", import.meta.url));

/** The three files, by role. */
export const SAN_FRANCISCO_FILES = {
  demand: "SF_demand_205_centroid_uniform_weight.csv",
  sites: "SF_store_site_16_longlat.csv",
  costs: "SF_network_distance_candidateStore_16_censusTract_205_new.csv",
} as const;

/** spopt's published optimum: the population-weighted mean network distance of the p-median with p = 4, metres. */
export const SPOPT_P_MEDIAN_4_MEAN_DISTANCE = 2982.1268579890657;

/** Whether the data folder is present with all three files. */
export function sanFranciscoAvailable(): boolean {
  return Object.values(SAN_FRANCISCO_FILES).every((name) => existsSync(`${SAN_FRANCISCO_FOLDER}${name}`));
}

function readText(name: string): string {
  if (!sanFranciscoAvailable()) {
    throw new Error(`the San Francisco test data is absent: ${SAN_FRANCISCO_FOLDER} must hold ${Object.values(SAN_FRANCISCO_FILES).join(", ")}`);
  }
  return readFileSync(`${SAN_FRANCISCO_FOLDER}${name}`, "utf8");
}

/** The raw layers: demand and sites as GeoJSON points (properties are the CSV columns, as strings) and the cost CSV text. */
export interface SanFranciscoData {
  /** 205 tracts; properties include NAME (e.g. "060816029.00") and POP2000. */
  readonly demand: FeatureCollection<Point>;
  /** 16 stores; properties include NAME ("Store_1" …). */
  readonly sites: FeatureCollection<Point>;
  /** The long-format network distance table (columns distance, name, DestinationName, demand). */
  readonly costsCsv: string;
}

let cachedData: SanFranciscoData | undefined;

/** Reads the three files once (csv-parse, then rowsToGeoJSON with longitude `long`, latitude `lat`). Throws when absent. */
export function readSanFranciscoData(): SanFranciscoData {
  cachedData ??= {
    demand: rowsToGeoJSON(parse(readText(SAN_FRANCISCO_FILES.demand), { columns: true }) as Record<string, unknown>[], {
      longitude: "long",
      latitude: "lat",
      source: SAN_FRANCISCO_FILES.demand,
    }),
    sites: rowsToGeoJSON(parse(readText(SAN_FRANCISCO_FILES.sites), { columns: true }) as Record<string, unknown>[], {
      longitude: "long",
      latitude: "lat",
      source: SAN_FRANCISCO_FILES.sites,
    }),
    costsCsv: readText(SAN_FRANCISCO_FILES.costs),
  };
  return cachedData;
}

/**
 * The San Francisco set as a GeoProblem: demand ids from NAME, weights POP2000, site ids NAME, costs the
 * street-network distances in metres (a complete dense 205 × 16 matrix). Throws when the data is absent.
 * @param siteOptions - extra site options (capacity, fixed cost, required, forbidden); the id is always NAME
 */
export function loadSanFrancisco(siteOptions: Omit<ReadSiteOptions, "id"> = {}): GeoProblem {
  const data = readSanFranciscoData();
  const demandOptions = { id: "NAME", weight: "POP2000", source: SAN_FRANCISCO_FILES.demand };
  const sites = { ...siteOptions, id: "NAME", source: SAN_FRANCISCO_FILES.sites };
  const ids = problemFromGeoJSON(data.demand, data.sites, { demand: demandOptions, sites });
  const costs = readCostTable(data.costsCsv, {
    from: "DestinationName",
    to: "name",
    value: "distance",
    demandIds: ids.problem.demand.map((point) => point.id),
    siteIds: ids.problem.sites.map((site) => site.id),
    unit: "metres",
    source: SAN_FRANCISCO_FILES.costs,
  });
  const geo = problemFromGeoJSON(data.demand, data.sites, { demand: demandOptions, sites, costs });
  return { ...geo, costBasis: "street-network distance in metres (spopt San Francisco test data)" };
}

/**
 * `describe` for tests on the San Francisco set. Without the data, the block is skipped with a message naming
 * the folder, unless `process.env.CI === "true"`, where it runs and fails on the missing files.
 */
export function describeSanFrancisco(name: string, body: () => void): void {
  describeWithSharedData(name, sanFranciscoAvailable(), "the San Francisco data", SAN_FRANCISCO_FOLDER, body);
}
