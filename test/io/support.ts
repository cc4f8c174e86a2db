import type { Feature, FeatureCollection, Geometry } from "geojson";
import { expect } from "vitest";
import { InputError } from "../../src/errors.ts";

/** Freezes a value and everything inside it, so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A point feature at [x, y] with the given properties. */
export function point(x: number, y: number, properties: Record<string, unknown> = {}, id?: string | number): Feature {
  return { type: "Feature", ...(id === undefined ? {} : { id }), geometry: { type: "Point", coordinates: [x, y] }, properties };
}

/** A feature with any geometry. */
export function feature(geometry: Geometry | null, properties: Record<string, unknown> = {}): Feature {
  return { type: "Feature", geometry: geometry as Geometry, properties };
}

/** A FeatureCollection of the features. */
export function collection(...features: Feature[]): FeatureCollection {
  return { type: "FeatureCollection", features };
}

/** Runs `action`, expects an InputError, and checks its message contains every fragment. Returns the error. */
export function expectInputError(action: () => unknown, ...fragments: string[]): InputError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected an InputError").toBeInstanceOf(InputError);
  const error = caught as InputError;
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}
