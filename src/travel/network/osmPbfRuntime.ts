/**
 * The one place that imports the `tiny-osmpbf` package (CommonJS, no type declarations).
 *
 * A namespace import with one typed cast works under Node, Deno and bundlers. `tiny-osmpbf` decodes strings and
 * zlib-compressed blobs with the Node `Buffer` global: Node and Deno provide it (Deno to npm packages); in a
 * browser without a `Buffer` polyfill the call fails, and {@link roadNetworkFromOsmPbf} reports that as an
 * InputError rather than a ReferenceError.
 * @module
 */
// @ts-ignore -- tiny-osmpbf ships no type declarations; its shape is declared below.
import * as tinyOsmpbfModule from "tiny-osmpbf";

/** An element as tiny-osmpbf returns it (OSM JSON, as the Overpass API writes). */
export interface OsmPbfElement {
  /** `"node"`, `"way"` or `"relation"`. */
  readonly type: string;
  /** The OSM id. */
  readonly id: number;
  /** Node latitude, degrees. */
  readonly lat?: number;
  /** Node longitude, degrees. */
  readonly lon?: number;
  /** A way's node ids, in order. */
  readonly nodes?: readonly number[];
  /** The element's tags. */
  readonly tags?: Readonly<Record<string, string>>;
}

type Parse = (bytes: Uint8Array) => { readonly elements: readonly OsmPbfElement[] };

const namespace = tinyOsmpbfModule as unknown as { default?: unknown };
const parse = (typeof namespace.default === "function" ? namespace.default : tinyOsmpbfModule) as unknown as Parse;

/**
 * Decodes an .osm.pbf file into OSM JSON elements.
 * @throws Error from tiny-osmpbf on a malformed file or an unsupported feature (LZMA blobs, changesets)
 * @internal
 */
export function parseOsmPbf(bytes: Uint8Array): readonly OsmPbfElement[] {
  return parse(bytes).elements;
}
