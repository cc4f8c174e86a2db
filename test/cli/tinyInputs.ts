import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { TINY_CANDIDATES, TINY_GROUPS, TINY_SCHOOLS, TINY_SETTLEMENTS } from "../plan/planFixture.ts";

/**
 * Writes the tiny school system's layers (settlements, schools, candidates, groups, and norms without a
 * kindergarten travel limit) into `folder` and returns the CLI flags that read them.
 */
export async function writeTinyInputs(folder: string): Promise<string[]> {
  const path = (name: string): string => join(folder, name);
  await writeFile(path("s.geojson"), JSON.stringify(TINY_SETTLEMENTS));
  await writeFile(path("k.geojson"), JSON.stringify(TINY_SCHOOLS));
  await writeFile(path("c.geojson"), JSON.stringify(TINY_CANDIDATES));
  await writeFile(path("g.json"), JSON.stringify(TINY_GROUPS));
  await writeFile(path("n.json"), JSON.stringify({ dayTravelLimitMinutes: { kindergarten: null } }));
  return ["--settlements", path("s.geojson"), "--schools", path("k.geojson"), "--candidates", path("c.geojson"), "--groups", path("g.json"), "--norms", path("n.json")];
}
