/**
 * The layers the CLI draws under a plan: `--boundary` (the county) and `--townships` (township borders, whose
 * names label the maps and the tables). Node only.
 * @module
 */
import type { Feature, FeatureCollection } from "geojson";
import { convertFeatureGeometry, type CoordinateSystem } from "../io/coordinateSystem.ts";
import { readJson } from "./files.ts";
import { CliError } from "./io.ts";

/** What {@link readMapLayers} reads. */
export interface MapLayerFlags {
  /** `--boundary`: a GeoJSON file of the county boundary. */
  readonly boundary?: string;
  /** `--townships`: a GeoJSON file of township polygons. */
  readonly townships?: string;
  /** `--crs`: the coordinate system of the input layers, these two included. */
  readonly crs: CoordinateSystem;
}

/** The map layers, in WGS-84, and the township names found on the township polygons. */
export interface MapLayers {
  readonly boundary?: FeatureCollection;
  readonly townships?: FeatureCollection;
  /** Township id → name, from the township polygons' `name` (keyed by `township`, `id` or the feature id). */
  readonly townshipNames?: Readonly<Record<string, string>>;
}

const AREA_TYPES = new Set(["Polygon", "MultiPolygon"]);

/** Reads a file of Polygon / MultiPolygon features (a Feature or a FeatureCollection), converted to WGS-84. */
async function readAreas(path: string, flag: string, crs: CoordinateSystem): Promise<FeatureCollection> {
  const json = (await readJson(path, flag)) as { type?: unknown; features?: unknown };
  const features: unknown[] | null = json?.type === "FeatureCollection" && Array.isArray(json.features) ? json.features : json?.type === "Feature" ? [json] : null;
  if (features === null) throw new CliError(`${flag} "${path}": must be a GeoJSON Feature or FeatureCollection of Polygons; got ${json === null || typeof json !== "object" ? JSON.stringify(json) : `type ${JSON.stringify(json.type)}`}`);
  const areas = features.map((feature, index) => {
    const type = (feature as Feature | null)?.geometry?.type;
    if (type === undefined || !AREA_TYPES.has(type)) throw new CliError(`${flag} "${path}": feature ${index} must be a Polygon or MultiPolygon; got ${type === undefined ? "no geometry" : type}`);
    return convertFeatureGeometry(feature as Feature, crs, "wgs84");
  });
  return { type: "FeatureCollection", features: areas };
}

/** Township id → name from the township polygons, where they carry a `name`. */
function namesOf(townships: FeatureCollection): Record<string, string> | undefined {
  const names: Record<string, string> = {};
  for (const feature of townships.features) {
    const properties = feature.properties ?? {};
    const id = properties["township"] ?? properties["id"] ?? feature.id;
    const name = properties["name"];
    if ((typeof id === "string" || typeof id === "number") && typeof name === "string" && name !== "") names[String(id)] = name;
  }
  return Object.keys(names).length === 0 ? undefined : names;
}

/**
 * Reads `--boundary` and `--townships` when given.
 * @throws CliError naming the flag, the file and the feature for a missing file, bad JSON or a feature that is
 *   not a Polygon or MultiPolygon
 */
export async function readMapLayers(flags: MapLayerFlags): Promise<MapLayers> {
  const boundary = flags.boundary === undefined ? undefined : await readAreas(flags.boundary, "--boundary", flags.crs);
  const townships = flags.townships === undefined ? undefined : await readAreas(flags.townships, "--townships", flags.crs);
  const townshipNames = townships === undefined ? undefined : namesOf(townships);
  return {
    ...(boundary === undefined ? {} : { boundary }),
    ...(townships === undefined ? {} : { townships }),
    ...(townshipNames === undefined ? {} : { townshipNames }),
  };
}
