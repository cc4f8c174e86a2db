/**
 * The input checks the communities module's functions share: school ids, and the teachers' travel matrix.
 * @module
 */
import type { CostMatrix } from "../costMatrix.ts";
import { InputError } from "../errors.ts";

/**
 * Checks that `list` is an array of schools with non-empty, distinct string ids.
 * @throws InputError naming `source`, the index and the id
 * @internal
 */
export function checkSchoolIds(list: readonly { readonly id: string }[], source: string): void {
  if (!Array.isArray(list)) throw new InputError({ source, field: source, value: list }, "must be an array of schools with an id");
  const seen = new Set<string>();
  list.forEach((school, index) => {
    if (typeof school?.id !== "string" || school.id === "") throw new InputError({ source, index, field: "id", value: school?.id }, "must be a non-empty string");
    if (seen.has(school.id)) throw new InputError({ source, index, id: school.id, field: "id", value: school.id }, "repeats another school's id");
    seen.add(school.id);
  });
}

/**
 * Checks `options.travelMinutes`: present, `rows` × `columns`, in minutes.
 * @param words - what the matrix is (`required`, e.g. "a square cost matrix in minutes between the schools") and
 *   what its shape must be (`shape`, e.g. "be square over the schools"), for the messages
 * @throws InputError naming the option and the value
 * @internal
 */
export function checkTravelMinutes(matrix: CostMatrix | undefined, rows: number, columns: number, words: { readonly required: string; readonly shape: string }): CostMatrix {
  if (matrix === undefined || matrix === null || typeof matrix !== "object") throw new InputError({ source: "options", field: "travelMinutes", value: matrix }, `is required: ${words.required}`);
  if (matrix.demandCount !== rows || matrix.siteCount !== columns) throw new InputError({ source: "options", field: "travelMinutes", value: `${matrix.demandCount} × ${matrix.siteCount}` }, `must ${words.shape}: ${rows} × ${columns}`);
  if (matrix.unit !== "minutes") throw new InputError({ source: "options", field: "travelMinutes.unit", value: matrix.unit }, "must be minutes");
  return matrix;
}

/**
 * Checks that `options` names only the options a function knows (a misspelt one would otherwise be ignored).
 * @param known - the option names
 * @param what - the function, for the message (e.g. "pairSchools")
 * @throws InputError naming the unknown option and its value
 * @internal
 */
export function checkOptionNames(options: object | undefined, known: readonly string[], what: string): void {
  if (options === undefined || options === null || typeof options !== "object") return;
  for (const key of Object.keys(options)) if (!known.includes(key)) throw new InputError({ source: "options", field: key, value: (options as Record<string, unknown>)[key] }, `is not an option of ${what} (${known.join(", ")})`);
}
