/**
 * Reading and writing the CLI's files, with errors that name the file. Node-only.
 * @module
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
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

/**
 * Creates a folder and its missing parents one level at a time. (Node's recursive `mkdir` can spin forever on
 * special file systems such as /proc, where a parent reports "no such file" however often it is made.)
 */
async function ensureFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    try {
      if (!(await stat(current)).isDirectory()) throw new Error(`"${current}" is a file, not a folder`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT") throw error;
      missing.push(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const level of missing.reverse()) await mkdir(level);
}

/**
 * Writes text to a file, creating its folder.
 * @throws CliError naming the option and the path when the file cannot be written
 */
export async function writeText(path: string, text: string, option: string): Promise<void> {
  try {
    await ensureFolder(dirname(path));
    await writeFile(path, text);
  } catch (error) {
    throw new CliError(`${option} "${path}": cannot write (${(error as Error).message})`);
  }
}

/**
 * Checks, before any work, that a file can be written at `path`: not a directory, and not under an existing file.
 * @throws CliError naming the option and the path
 */
export async function checkOutputPath(path: string, option: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) throw new CliError(`${option} "${path}": is a directory; give a file name`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "ENOTDIR") throw new CliError(`${option} "${path}": a part of the path is a file, not a folder`);
    if (code !== "ENOENT") throw new CliError(`${option} "${path}": ${(error as Error).message}`);
  }
}
