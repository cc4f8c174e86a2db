/**
 * Reading and writing the CLI's files, with errors that name the file. Node-only.
 * @module
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { CliError } from "./io.ts";

/** Reads a text file; a missing or unreadable file is a {@link CliError} naming the option and the path. */
export async function readText(path: string, option: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String((error as Error).message);
    throw new CliError(`${option} "${path}": ${why}`);
  }
}

/** Reads and parses a JSON (or GeoJSON) file; invalid JSON is a {@link CliError} naming the file. */
export async function readJson(path: string, option: string): Promise<unknown> {
  const text = await readText(path, option);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${option} "${path}": not valid JSON (${(error as Error).message})`);
  }
}

/** Writes text to a file, creating its folder. */
export async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
