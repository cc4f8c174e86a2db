/**
 * Small English wording helpers for the CLI's summaries.
 * @module
 */

/**
 * A count with its noun, singular for 1: `plural(1, "hub")` → "1 hub", `plural(3, "community", "communities")`.
 * @param count - the number
 * @param one - the singular noun
 * @param many - the plural noun; default `one` + "s"
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
