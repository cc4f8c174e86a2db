/**
 * The one place that imports the `gcoord` package.
 *
 * gcoord's entry point (`gcoord/index.js`) reads `process.env.NODE_ENV` to pick its development or production
 * build. In Deno that read needs `--allow-env` (without it the import throws `NotCapable`), so a notebook or a
 * `deno run --allow-read` script could not even load the library. Both builds are the same code (gcoord 1.0.7
 * ships them byte for byte identical), so this module imports the CommonJS build directly,
 * `gcoord/dist/gcoord.cjs.js`: no environment read, and it loads the same way in every Node ≥ 20 (the package has
 * no `exports` map, so the subpath is public), in Deno and through bundlers (vite turns CommonJS into ESM).
 *
 * The build has no declaration file of its own, hence the one `@ts-ignore` below (`@ts-expect-error` would
 * fail `deno check`, which reads an untyped npm JavaScript file as `any` without an error); the value is checked
 * at load and given the types below.
 * @module
 */
// @ts-ignore -- gcoord's CommonJS build has no declaration file; its shape is checked below.
import * as gcoordModule from "gcoord/dist/gcoord.cjs.js";

/** gcoord's coordinate system names used here. */
export type GcoordSystem = "WGS84" | "GCJ02" | "BD09";

/** gcoord's `transform` for one position: returns a new [longitude, latitude]. */
export type GcoordTransform = (position: [number, number], from: GcoordSystem, to: GcoordSystem) => [number, number];

// A CommonJS module's exports arrive as the default export in Node and Deno; some bundlers also copy them onto
// the namespace itself.
const namespace = gcoordModule as unknown as { default?: { transform?: unknown }; transform?: unknown };
const transform = typeof namespace.default?.transform === "function" ? namespace.default.transform : namespace.transform;
if (typeof transform !== "function") throw new Error("gcoord/dist/gcoord.cjs.js did not load as expected: it has no transform function");

/**
 * gcoord's `transform`, resolved once across module systems.
 * @internal
 */
export const gcoordTransform = transform as GcoordTransform;
