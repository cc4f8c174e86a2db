/**
 * Parsers for option values; commander quotes the option and the bad value in front of their message.
 * @module
 */
import { InvalidArgumentError } from "commander";

/** Parses a whole number ≥ 1 (e.g. `-p`). */
export function parsePositiveInteger(text: string): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError("must be a whole number ≥ 1");
  }
  return value;
}

/** Parses a finite number ≥ 0 (e.g. `--radius`). */
export function parseNonNegativeNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError("must be a number ≥ 0");
  }
  return value;
}

/** Parses a relative gap: a number ≥ 0 and below 1 (`--mip-gap`). */
export function parseGapFraction(text: string): number {
  const value = parseNonNegativeNumber(text);
  if (value >= 1) throw new InvalidArgumentError("must be below 1");
  return value;
}

/** Parses a finite number > 0 (e.g. `--time-limit`). */
export function parsePositiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError("must be a number > 0");
  }
  return value;
}

/** Returns a parser that accepts one of `choices`. */
export function parseChoice<T extends string>(choices: readonly T[]): (text: string) => T {
  return (text: string): T => {
    if (!choices.includes(text as T)) {
      throw new InvalidArgumentError(`must be one of ${choices.join(", ")}`);
    }
    return text as T;
  };
}
