/**
 * Road networks from OpenStreetMap extracts: .osm XML and .osm.pbf.
 * @module
 */
import { XMLParser } from "fast-xml-parser";
import { InputError } from "../../errors.ts";
import { checkPosition } from "../coordinates.ts";
import type { RoadNetworkReadOptions } from "./fromGeoJSON.ts";
import { RoadNetworkBuilder } from "./builder.ts";
import { parseOsmPbf } from "./osmPbfRuntime.ts";
import type { RoadNetwork } from "./roadNetwork.ts";
import { parseMaxSpeed, parseOneway, parseRoadClass, type RoadLocation } from "./roadTags.ts";

/** Options for {@link roadNetworkFromOsmXml} and {@link roadNetworkFromOsmPbf}: crossings and the source name. */
export type OsmReadOptions = RoadNetworkReadOptions;

/** A network read from OpenStreetMap, with the ids of the ways its segments came from. */
export interface OsmRoadNetwork extends RoadNetwork {
  /** The OSM ids of the ways read (those with a `highway` tag), in file order; `segmentSource` indexes this. */
  readonly wayIds: readonly string[];
}

/** An OSM way as the readers share it. */
interface OsmWay {
  readonly id: string;
  readonly nodes: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Builds the network from OSM nodes and ways: each way with a `highway` tag (and not `area=yes`) becomes
 * segments between its consecutive nodes, with the tag semantics of the GeoJSON reader. Nodes are matched by
 * OSM id.
 */
function networkFromOsm(nodes: ReadonlyMap<string, readonly [unknown, unknown]>, ways: readonly OsmWay[], options: OsmReadOptions): OsmRoadNetwork {
  const source = options.source ?? "roads";
  const builder = new RoadNetworkBuilder();
  const wayIds: string[] = [];
  const checked = new Map<string, [number, number]>();
  for (const way of ways) {
    const tags = way.tags;
    if (tags["highway"] === undefined || tags["area"] === "yes") continue;
    const where: RoadLocation = { source: `${source} way`, index: wayIds.length, id: way.id };
    if (way.nodes.length < 2) throw new InputError({ ...where, field: "nd", value: way.nodes }, "a way needs at least 2 nodes");
    const roadClass = parseRoadClass(tags["highway"], "", where, "tags.highway");
    const attributes = {
      roadClass,
      oneway: parseOneway(tags["oneway"], roadClass, tags["junction"], where, "tags.oneway"),
      maxSpeed: parseMaxSpeed(tags["maxspeed"], where, "tags.maxspeed"),
      source: wayIds.length,
    };
    wayIds.push(way.id);
    let previous = -1;
    for (const ref of way.nodes) {
      let position = checked.get(ref);
      if (position === undefined) {
        const raw = nodes.get(ref);
        if (raw === undefined) throw new InputError({ ...where, field: "nd ref", value: ref }, "the way refers to a node missing from the extract");
        position = checkPosition({ source: `${source} node`, id: ref, field: "lon, lat" }, raw[0], raw[1], "lonlat");
        checked.set(ref, position);
      }
      const node = builder.node(ref, position[0], position[1]);
      if (previous >= 0) builder.segment(previous, node, attributes);
      previous = node;
    }
  }
  return { ...builder.build(options.nodeCrossings === true), wayIds };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  isArray: (name) => name === "node" || name === "way" || name === "nd" || name === "tag",
});

type XmlElement = Record<string, unknown>;

function xmlArray(value: unknown): XmlElement[] {
  return Array.isArray(value) ? (value as XmlElement[]) : [];
}

function numberOrRaw(value: unknown): unknown {
  return typeof value === "string" && value.trim() !== "" ? Number(value) : value;
}

/**
 * Reads a road network from an OpenStreetMap XML extract (.osm, as the OSM API, Overpass or JOSM write),
 * parsed with `fast-xml-parser`. Each way with a `highway` tag (except `area=yes`) becomes segments between its
 * consecutive nodes; ways share a node where they share an OSM node id. Tags are read as by
 * {@link roadNetworkFromGeoJSON} (`highway` class, `oneway`, `maxspeed`, `junction=roundabout`). Relations and
 * other ways are ignored. OSM coordinates are WGS-84.
 * @param text - the XML text
 * @param options - crossings and the source name; see {@link OsmReadOptions}
 * @returns the network, with `wayIds` (`segmentSource` indexes it)
 * @throws InputError naming the source, the way (index among the highway ways, and OSM id), the field and the
 *   value when the text is not OSM XML, a way refers to a node missing from the extract, has fewer than 2
 *   nodes, or has an unknown `oneway` or unreadable `maxspeed`; naming the node when its coordinates are bad
 */
export function roadNetworkFromOsmXml(text: string, options: OsmReadOptions = {}): OsmRoadNetwork {
  const source = options.source ?? "roads";
  let document: XmlElement;
  try {
    document = parser.parse(text, true) as XmlElement;
  } catch (error) {
    throw new InputError({ source, field: "xml", value: (error as Error).message }, "is not well-formed XML");
  }
  const osm = document["osm"];
  if (typeof osm !== "object" || osm === null) {
    throw new InputError({ source, field: "root element", value: Object.keys(document).find((k) => k !== "?xml") }, "must be <osm>");
  }
  const root = osm as XmlElement;
  const nodes = new Map<string, readonly [unknown, unknown]>();
  for (const node of xmlArray(root["node"])) nodes.set(String(node["id"]), [numberOrRaw(node["lon"]), numberOrRaw(node["lat"])]);
  const ways = xmlArray(root["way"]).map((way): OsmWay => {
    const tags: Record<string, string> = {};
    for (const tag of xmlArray(way["tag"])) tags[String(tag["k"])] = String(tag["v"]);
    return { id: String(way["id"]), nodes: xmlArray(way["nd"]).map((nd) => String(nd["ref"])), tags };
  });
  return networkFromOsm(nodes, ways, options);
}

/**
 * Reads a road network from an OpenStreetMap PBF extract (.osm.pbf, as Geofabrik and osmium write), decoded
 * with `tiny-osmpbf` (raw and zlib blobs; LZMA is not supported). Ways and tags are read as by
 * {@link roadNetworkFromOsmXml}. Needs the `Buffer` global (Node, Deno); in a browser without a Buffer polyfill
 * it throws an InputError saying so.
 * @param bytes - the file's bytes
 * @param options - crossings and the source name; see {@link OsmReadOptions}
 * @returns the network, with `wayIds`
 * @throws InputError naming the source when the bytes cannot be decoded (the decoder's message quoted) or no
 *   `Buffer` global exists, and as {@link roadNetworkFromOsmXml} for ways and nodes
 */
export function roadNetworkFromOsmPbf(bytes: Uint8Array, options: OsmReadOptions = {}): OsmRoadNetwork {
  const source = options.source ?? "roads";
  if (!(bytes instanceof Uint8Array)) throw new InputError({ source, field: "bytes", value: typeof bytes }, "must be a Uint8Array");
  if (typeof (globalThis as { Buffer?: unknown }).Buffer !== "function") {
    throw new InputError({ source, field: "runtime", value: "no Buffer global" }, "reading .osm.pbf needs Node's Buffer (Node, Deno, or a browser polyfill)");
  }
  let elements;
  try {
    elements = parseOsmPbf(bytes);
  } catch (error) {
    throw new InputError({ source, field: "pbf", value: (error as Error).message }, "cannot be decoded as an OSM PBF file");
  }
  const nodes = new Map<string, readonly [unknown, unknown]>();
  const ways: OsmWay[] = [];
  for (const element of elements) {
    if (element.type === "node") nodes.set(String(element.id), [element.lon, element.lat]);
    else if (element.type === "way") ways.push({ id: String(element.id), nodes: (element.nodes ?? []).map(String), tags: element.tags ?? {} });
  }
  return networkFromOsm(nodes, ways, options);
}
