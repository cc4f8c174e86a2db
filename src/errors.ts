/**
 * Errors thrown on misuse. Outcomes such as infeasibility are returned as values, never thrown.
 * @module
 */

/** Where in the input a bad value was found. */
export interface InputLocation {
  /** The layer or file the value came from, e.g. `"demand"`, `"sites"`, `"costs.csv"`, `"options"`. */
  readonly source?: string;
  /** The 0-based index of the feature, row or entry within `source`. */
  readonly index?: number;
  /** The id of that feature or row, where it has one. */
  readonly id?: string;
  /** The field, property or option name, e.g. `"weight"`, `"geometry.coordinates"`, `"p"`. */
  readonly field: string;
  /** The offending value, quoted in the message. */
  readonly value?: unknown;
}

/**
 * Quotes a value for an error message: strings in double quotes, numbers as written, objects as short JSON.
 * @param value - any value
 * @returns a short, printable rendering (at most about 80 characters)
 */
export function quoteValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describeLocation(location: InputLocation): string {
  const parts: string[] = [];
  if (location.source !== undefined) {
    let where = location.source;
    if (location.index !== undefined) where += ` ${location.index}`;
    if (location.id !== undefined) where += ` (id ${JSON.stringify(location.id)})`;
    parts.push(where);
  } else if (location.index !== undefined) {
    parts.push(`entry ${location.index}${location.id !== undefined ? ` (id ${JSON.stringify(location.id)})` : ""}`);
  }
  parts.push(`"${location.field}"`);
  return parts.join(", ");
}

/**
 * Malformed input: a missing or non-numeric value, a wrong geometry, a duplicate id, an unknown option.
 * The message names the source, the feature (index and id), the field and the bad value, e.g.
 * `demand 12 (id "A17"), "weight": must be a finite number ≥ 0, got "abc"`.
 */
export class InputError extends Error {
  /** Always `"InputError"`. */
  override readonly name = "InputError";
  /** Where the bad value was found. */
  readonly location: InputLocation;
  /** What is wrong, without the location and the value: the `problem` the error was made with. */
  readonly problem: string;

  /**
   * @param location - where the bad value was found
   * @param problem - what is wrong, e.g. `"must be a finite number ≥ 0"`
   */
  constructor(location: InputLocation, problem: string) {
    const got = "value" in location ? `, got ${quoteValue(location.value)}` : "";
    super(`${describeLocation(location)}: ${problem}${got}`);
    this.location = location;
    this.problem = problem;
  }
}

/**
 * The solver backend failed in a way that is not an outcome of the model (a crash, an out-of-memory, a model
 * too large for WebAssembly's 2 GiB heap).
 */
export class SolverError extends Error {
  /** Always `"SolverError"`. */
  override readonly name = "SolverError";
}
