/**
 * The OR-Library benchmark files of ../shared/benchmarks, for tests. Without the folder, blocks are skipped with a
 * message naming it, unless `process.env.CI === "true"`, where they run and fail on the missing files.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describeWithSharedData } from "./sharedData.ts";

/** The benchmark folder. */
export const BENCHMARK_FOLDER = fileURLToPath(new URL("../../../shared/benchmarks/", import.meta.url));

/**
 * The text of a benchmark file.
 * @param path - relative to the folder, e.g. `"orlib/pmed/pmed2.txt"`
 */
export function benchmarkText(path: string): string {
  return readFileSync(BENCHMARK_FOLDER + path, "utf8");
}

/** `describe` for tests on the benchmark files, skipped (with a message) where the folder is absent outside CI. */
export function describeBenchmarks(name: string, body: () => void): void {
  describeWithSharedData(name, existsSync(BENCHMARK_FOLDER), "the benchmark folder", BENCHMARK_FOLDER, body);
}
