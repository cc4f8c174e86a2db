/**
 * Node only: starting a worker thread on a TypeScript entry file when the library runs from source (tsx, vitest).
 * Node 20 cannot load `.ts` files itself, and tsx's `--import` loader registers only on the main thread there, so
 * the worker starts from a small ES module (a `data:` URL) that registers tsx's hooks and then imports the entry.
 * tsx is resolved from this file, so any working directory works. Built to JavaScript, entries start directly.
 * @module
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/** The URL of tsx's ESM API module (its `import` build, beside the `require` build that `require.resolve` finds). */
function tsxApiUrl(): string {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href.replace(/\.cjs$/, ".mjs");
  } catch {
    throw new Error("running school-layout from TypeScript source needs the tsx package to start worker threads");
  }
}

/**
 * The module a worker thread should start from to run `entry`: the entry itself when it is JavaScript, or a
 * bootstrap that registers tsx and imports it when it is TypeScript.
 * @param entry - the worker's entry module (`.ts` from source, `.js` when built)
 * @throws Error when the entry is TypeScript and tsx cannot be found
 */
export function workerEntryUrl(entry: URL): URL {
  if (!entry.pathname.endsWith(".ts")) return entry;
  const bootstrap = `import * as tsx from ${JSON.stringify(tsxApiUrl())};\ntsx.register();\nawait import(${JSON.stringify(entry.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}
