/**
 * The one place that imports the `highs` package.
 *
 * `highs` ships a CommonJS-style declaration file: under `nodenext` and `deno check` a default import
 * type-checks as the module namespace rather than the loader function, although it runs. A namespace import
 * with one typed cast satisfies tsc, Deno and every runtime.
 * @module
 */
import * as highsModule from "highs";
import type { Highs, InitOptions } from "highs";

type HighsLoader = (options?: InitOptions) => Promise<Highs>;

const namespace = highsModule as unknown as { default?: unknown };
const loader = (typeof namespace.default === "function" ? namespace.default : highsModule) as unknown as HighsLoader;

let instance: Promise<Highs> | undefined;

/**
 * Loads the HiGHS WebAssembly runtime once per thread and returns the shared instance.
 * Each solve creates its own model on it and disposes that model afterwards. After {@link discardHighs} the
 * next call loads a fresh runtime.
 */
export function loadHighs(): Promise<Highs> {
  instance ??= loader();
  return instance;
}

/**
 * Forgets this thread's HiGHS runtime, so that the next {@link loadHighs} loads a new one. Called after HiGHS
 * aborted (a WebAssembly `RuntimeError`, e.g. out of memory): an Emscripten module that aborted refuses every
 * later call, and its heap is released once nothing refers to it.
 */
export function discardHighs(): void {
  instance = undefined;
}

export type { Highs };
