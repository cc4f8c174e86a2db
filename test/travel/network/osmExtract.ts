// Writes small OpenStreetMap extracts for the tests: as .osm XML, as .osm.pbf (raw or zlib blobs, written with the
// `pbf` package and tiny-osmpbf's generated protobuf writers), and as the equivalent GeoJSON.
import { deflateSync } from "node:zlib";
import type { FeatureCollection } from "geojson";
// @ts-ignore -- pbf 3 ships no type declarations
import Pbf from "pbf";
// @ts-ignore -- generated protobuf code without type declarations
import * as fileFormat from "tiny-osmpbf/proto/fileformat.js";
// @ts-ignore -- generated protobuf code without type declarations
import * as osmFormat from "tiny-osmpbf/proto/osmformat.js";

export interface ExtractNode {
  readonly id: number;
  readonly lon: number;
  readonly lat: number;
}
export interface ExtractWay {
  readonly id: number;
  readonly refs: readonly number[];
  readonly tags: Readonly<Record<string, string>>;
}
export interface Extract {
  readonly nodes: readonly ExtractNode[];
  readonly ways: readonly ExtractWay[];
}

const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function osmXml(extract: Extract): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">'];
  for (const n of extract.nodes) lines.push(`  <node id="${n.id}" lat="${n.lat}" lon="${n.lon}"/>`);
  for (const w of extract.ways) {
    lines.push(`  <way id="${w.id}">`);
    for (const ref of w.refs) lines.push(`    <nd ref="${ref}"/>`);
    for (const [k, v] of Object.entries(w.tags)) lines.push(`    <tag k="${escape(k)}" v="${escape(v)}"/>`);
    lines.push("  </way>");
  }
  lines.push("</osm>");
  return lines.join("\n");
}

export function geoJsonOf(extract: Extract): FeatureCollection {
  const at = new Map(extract.nodes.map((n) => [n.id, [n.lon, n.lat]]));
  return {
    type: "FeatureCollection",
    features: extract.ways.map((w) => ({
      type: "Feature",
      id: w.id,
      geometry: { type: "LineString", coordinates: w.refs.map((ref) => at.get(ref)!) },
      properties: { ...w.tags },
    })),
  };
}

const ff = ((fileFormat as { default?: unknown }).default ?? fileFormat) as { Blob: Writer; BlobHeader: Writer };
const of = ((osmFormat as { default?: unknown }).default ?? osmFormat) as { HeaderBlock: Writer; PrimitiveBlock: Writer };
type Writer = { write(obj: unknown, pbf: unknown): void };

function encode(writer: Writer, obj: unknown): Uint8Array {
  const pbf = new Pbf();
  writer.write(obj, pbf);
  return pbf.finish() as Uint8Array;
}

function fileBlock(type: string, data: Uint8Array, zlib: boolean): Uint8Array {
  const blob = encode(ff.Blob, zlib ? { zlib_data: deflateSync(data), raw_size: data.length } : { raw: data, raw_size: data.length });
  const header = encode(ff.BlobHeader, { type, datasize: blob.length });
  const out = new Uint8Array(4 + header.length + blob.length);
  new DataView(out.buffer).setInt32(0, header.length, false);
  out.set(header, 4);
  out.set(blob, 4 + header.length);
  return out;
}

/**
 * The extract as .osm.pbf: a header block and one data block (a group of nodes, a group of ways); nodes as
 * plain Node messages, or as DenseNodes (delta-coded, as Geofabrik and osmium write) with `dense`.
 */
export function osmPbf(extract: Extract, options: { zlib?: boolean; dense?: boolean } = {}): Uint8Array {
  const zlib = options.zlib ?? false;
  const strings = [""];
  const sid = (text: string): number => {
    let k = strings.indexOf(text);
    if (k < 0) k = strings.push(text) - 1;
    return k;
  };
  const ways = extract.ways.map((w) => {
    const refs = w.refs.map((ref, k) => ref - (k === 0 ? 0 : w.refs[k - 1]!));
    const entries = Object.entries(w.tags);
    return { id: w.id, keys: entries.map(([k]) => sid(k)), vals: entries.map(([, v]) => sid(v)), refs };
  });
  const nodes = extract.nodes.map((n) => ({ id: n.id, lat: Math.round(n.lat * 1e7), lon: Math.round(n.lon * 1e7) }));
  const delta = (values: number[]): number[] => values.map((v, k) => v - (k === 0 ? 0 : values[k - 1]!));
  const dense = { id: delta(nodes.map((n) => n.id)), lat: delta(nodes.map((n) => n.lat)), lon: delta(nodes.map((n) => n.lon)) };
  const encoder = new TextEncoder();
  const header = encode(of.HeaderBlock, { required_features: ["OsmSchema-V0.6", ...(options.dense ? ["DenseNodes"] : [])], writingprogram: "test" });
  const block = encode(of.PrimitiveBlock, {
    stringtable: { s: strings.map((s) => encoder.encode(s)) },
    primitivegroup: [options.dense ? { dense } : { nodes }, { ways }],
    granularity: 100,
  });
  const parts = [fileBlock("OSMHeader", header, zlib), fileBlock("OSMData", block, zlib)];
  const out = new Uint8Array(parts[0]!.length + parts[1]!.length);
  out.set(parts[0]!, 0);
  out.set(parts[1]!, parts[0]!.length);
  return out;
}
