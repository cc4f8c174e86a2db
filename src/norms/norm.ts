/**
 * One sourced norm value: the number a rule uses, where it comes from, and how sure that source is.
 * @module
 */

/**
 * How well a norm's source was verified (../shared/docs/domain.md): `V` the clause text was seen, `V2` seen through a
 * repost quoting it, `M` widely cited but the clause not seen, `assumption` a modelling choice of school-layout,
 * `override` set by the caller for a plan.
 */
export type NormTag = "V" | "V2" | "M" | "assumption" | "override";

/** A norm value with its source. */
export interface Norm<T> {
  /** The value the rules use. */
  readonly value: T;
  /** The document and clause, e.g. "GB 50099-2011 §3.0.1". */
  readonly source: string;
  /** How well the source was verified; see {@link NormTag}. */
  readonly tag: NormTag;
}

/**
 * Makes a norm value.
 * @param value - the value
 * @param source - the document and clause
 * @param tag - how well the source was verified
 */
export function norm<T>(value: T, source: string, tag: NormTag): Norm<T> {
  return Object.freeze({ value, source, tag });
}
