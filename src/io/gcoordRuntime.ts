/**
 * The one place that imports the `gcoord` package.
 *
 * `gcoord` ships a CommonJS-style declaration file: under `nodenext` and `deno check` its default export
 * type-checks as the module namespace, although at run time the default export is the gcoord object. A
 * namespace import with one typed cast satisfies tsc, Deno and every runtime (as for `highs`, see
 * `src/solvers/highsRuntime.ts`).
 * @module
 */
import * as gcoordModule from "gcoord";

/** gcoord's coordinate system names used here. */
export type GcoordSystem = "WGS84" | "GCJ02" | "BD09";

/** gcoord's `transform` for one position: returns a new [longitude, latitude]. */
export type GcoordTransform = (position: [number, number], from: GcoordSystem, to: GcoordSystem) => [number, number];

const namespace = gcoordModule as unknown as { default?: { transform?: unknown }; transform?: unknown };

/**
 * gcoord's `transform`, resolved once across module systems.
 * @internal
 */
export const gcoordTransform = (
  typeof namespace.default?.transform === "function" ? namespace.default.transform : namespace.transform
) as GcoordTransform;
