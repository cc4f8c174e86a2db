/**
 * Numbers and counts in the words of plan summaries and reasons: yuan with thousands separators, and a count with
 * its noun in the singular or plural.
 * @module
 */

/** A whole number with thousands separators (a minus sign for negatives). */
function grouped(value: number): string {
  const whole = Math.abs(value).toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${Math.round(value) < 0 ? "−" : ""}${whole}`;
}

/**
 * Whole yuan with thousands separators, e.g. `formatYuan(24414208.6)` is `"24,414,209"`.
 * @param value - yuan; null, undefined or not finite give "—"
 */
export function formatYuan(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : grouped(value);
}

/**
 * The noun for a count: singular for exactly 1, else the plural (default: the noun with an "s").
 * E.g. `nounFor(1, "pupil")` is `"pupil"`, `nounFor(3, "class", "classes")` is `"classes"`.
 * @param count - the count
 * @param singular - the singular noun
 * @param plural - the plural noun; default `singular + "s"`
 */
export function nounFor(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}
