/**
 * Overriding norms for one plan: a county may set 40 minutes for grades 4–6, or allow boarding from grade 5.
 * @module
 */
import { InputError } from "../errors.ts";
import type { PlanningNorms } from "./chinaNorms.ts";
import { norm, type Norm } from "./norm.ts";

/** Plain values for any subset of a {@link PlanningNorms}, e.g. `{ boardingFromGrade: 5, classSize: { primary1to3: 40 } }`. */
export type NormOverrides = {
  readonly [K in keyof PlanningNorms]?: PlanningNorms[K] extends Norm<infer V>
    ? V
    : { readonly [L in keyof PlanningNorms[K]]?: PlanningNorms[K][L] extends Norm<infer V> ? V : never };
};

function isNorm(value: unknown): value is Norm<unknown> {
  return typeof value === "object" && value !== null && "value" in value && "source" in value && "tag" in value;
}

function checkValue(path: string, base: Norm<unknown>, value: unknown, source: string): Norm<unknown> {
  const nullable =
    base.value === null ||
    path.startsWith("dayTravelLimitMinutes") ||
    path.startsWith("boardingTravelLimitMinutes") ||
    path.startsWith("urbanServiceRadiusMetres");
  if (value === null && nullable) return norm(null, source, "override");
  const whole =
    path.startsWith("classSize") ||
    path.startsWith("maxSchoolSize") ||
    path === "teachingPointClassSize" ||
    path === "boardingFromGrade" ||
    path === "smallSchoolPupils";
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    throw new InputError(
      { source, field: path, value },
      `must be a ${whole ? "whole number ≥ 1" : "finite number > 0"}${nullable ? " (or null for no limit)" : ""}`,
    );
  }
  if (path === "boardingFromGrade" && value > 12) throw new InputError({ source, field: path, value }, "must be a grade from 1 to 12");
  return norm(value, source, "override");
}

function merge(base: object, overrides: unknown, path: string, source: string): object {
  if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides)) {
    throw new InputError({ source, field: path || "norms", value: overrides }, "must be an object of norm values");
  }
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const where = path === "" ? key : `${path}.${key}`;
    if (!(key in base)) {
      throw new InputError({ source, field: where, value }, `is not a norm; known here: ${Object.keys(base).join(", ")}`);
    }
    const current = (base as Record<string, unknown>)[key];
    result[key] = isNorm(current) ? checkValue(where, current, value, source) : merge(current as object, value, where, source);
  }
  return Object.freeze(result);
}

/**
 * Returns the norms with some values replaced for one plan; each replaced value is tagged `override` with the
 * given source. The base is not changed.
 * @param base - the norms to start from, e.g. {@link CHINA_NORMS}
 * @param overrides - plain values by the same path, e.g. `{ dayTravelLimitMinutes: { primary4to6: 40 } }`
 * @param source - where the overrides come from, e.g. "county plan 2025" or a file name; default "override"
 * @throws InputError naming the path and the value: an unknown norm, a value that is not a finite number > 0
 *   (whole where counts or grades are meant), null where a limit is required, a grade outside 1–12
 * @example
 * ```ts
 * const norms = withNormOverrides(CHINA_NORMS, { boardingFromGrade: 5, dayTravelLimitMinutes: { primary4to6: 40 } }, "county rules");
 * norms.boardingFromGrade; // { value: 5, source: "county rules", tag: "override" }
 * ```
 */
export function withNormOverrides(base: PlanningNorms, overrides: NormOverrides, source = "override"): PlanningNorms {
  return merge(base, overrides, "", source) as PlanningNorms;
}
