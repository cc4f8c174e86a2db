/**
 * Reading numbers and flags from feature properties and table cells, where CSV-derived data holds numbers
 * as strings.
 * @module
 */
import type { Feature } from "geojson";
import { InputError } from "../errors.ts";
import { checkNonNegative } from "../problem.ts";

/**
 * A per-feature value: the name of a property of `feature.properties`, or a function computing the value
 * from the feature and its 0-based index in the collection (as d3's accessors do).
 */
export type PropertyOrAccessor<T> = string | ((feature: Feature, index: number) => T);

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A number, or a string holding a plain decimal number (surrounding spaces allowed), as a number; anything
 * else unchanged, so the caller's check quotes it. `"12"`, `" 3.5 "`, `"1e3"` read as numbers; `""`,
 * `"12 pupils"`, `"0x10"`, `"Infinity"` do not.
 * @internal
 */
export function readNumeric(value: unknown): unknown {
  if (typeof value === "string") {
    const text = value.trim();
    if (DECIMAL.test(text)) return Number(text);
  }
  return value;
}

/**
 * Checks a reader option that names a property or gives an accessor.
 * @throws InputError naming the option and the value when it is neither a non-empty string nor a function
 * @internal
 */
export function checkAccessorOption(field: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function" && (typeof value !== "string" || value === "")) {
    throw new InputError({ source: "options", field, value }, "must be a property name or a function (feature, index) => value");
  }
}

/** Where a feature sits in its layer, for error messages. */
export interface FeatureLocation {
  /** The layer, e.g. `"demand"`. */
  readonly source: string;
  /** The feature's index in the collection. */
  readonly index: number;
  /** The feature's resolved id. */
  readonly id?: string;
}

/**
 * Reads a per-feature value by property name or accessor. A property that is absent or null returns
 * `undefined` together with the field name, so the caller decides whether that is an error.
 * @internal
 */
export function readFeatureValue<T>(
  feature: Feature,
  index: number,
  accessor: PropertyOrAccessor<T>,
  fallbackField: string,
): { readonly value: unknown; readonly field: string } {
  if (typeof accessor === "function") return { value: accessor(feature, index), field: `${fallbackField} (accessor)` };
  const properties = feature.properties ?? {};
  return { value: properties[accessor] ?? undefined, field: `properties.${accessor}` };
}

/**
 * Reads a required number ≥ 0 (numeric strings accepted) by property or accessor; `Infinity` only where
 * `allowInfinity`.
 * @throws InputError naming the feature, the field and the value when missing (a null property is said to be
 *   null, not absent), non-numeric, NaN or negative
 * @internal
 */
export function readFeatureNumber(
  feature: Feature,
  where: FeatureLocation,
  accessor: PropertyOrAccessor<number>,
  name: string,
  allowInfinity = false,
): number {
  const { value, field } = readFeatureValue(feature, where.index, accessor, name);
  if (value === undefined) {
    const properties = (feature.properties ?? {}) as Record<string, unknown>;
    const isNull = typeof accessor === "string" && Object.hasOwn(properties, accessor) && properties[accessor] === null;
    const why =
      typeof accessor === "function"
        ? "the accessor returned nothing"
        : isNull
          ? `the property ${JSON.stringify(accessor)} is null (an empty attribute?); give a number`
          : `the feature has no property ${JSON.stringify(accessor)}`;
    throw new InputError({ ...where, field, value: isNull ? null : value }, `missing ${name}: ${why}`);
  }
  return checkNonNegative(where.source, where.index, where.id, field, readNumeric(value), allowInfinity);
}

/**
 * Reads a boolean flag by property or accessor. Accepts `true`/`false`, the strings `"true"`/`"false"` (any
 * case, spaces trimmed), the numbers `1`/`0` and the strings `"1"`/`"0"`; an absent or null property reads as
 * `false`.
 * @throws InputError naming the feature, the field and the value for anything else
 * @internal
 */
export function readFeatureFlag(
  feature: Feature,
  where: FeatureLocation,
  accessor: PropertyOrAccessor<boolean>,
  name: string,
): boolean {
  const { value, field } = readFeatureValue(feature, where.index, accessor, name);
  if (value === undefined) return false;
  const flag = parseFlag(value);
  if (flag === undefined) {
    throw new InputError({ ...where, field, value }, 'must be true or false (also accepted: "true", "false", 1, 0, "1", "0")');
  }
  return flag;
}

function parseFlag(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "true" || text === "1") return true;
    if (text === "false" || text === "0") return false;
  }
  return undefined;
}
