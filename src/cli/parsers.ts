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

/** Parses a share: a number from 0 to 1 (e.g. `--share`). */
export function parseShare(text: string): number {
  const value = parseNonNegativeNumber(text);
  if (value > 1) throw new InvalidArgumentError("must be at most 1");
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

/**
 * Returns a parser of a list of years: single years and forward ranges, comma-separated (`2020..2025,2030`),
 * ascending without repeats, each within `min`..`max`.
 * @param noun - what the years are, for messages (e.g. `"years"`, `"plan years"`)
 * @param min - the earliest year allowed
 * @param max - the latest year allowed
 */
export function parseYearList(noun: string, min: number, max: number): (text: string) => number[] {
  return (text: string): number[] => {
    const years: number[] = [];
    for (const part of text.split(",").map((p) => p.trim())) {
      const range = /^(\d{4})\.\.(\d{4})$/.exec(part);
      if (range !== null) {
        const [from, to] = [Number(range[1]), Number(range[2])];
        if (to < from) throw new InvalidArgumentError(`"${part}": a range must run forwards`);
        for (let y = from; y <= to; y++) years.push(y);
      } else if (/^\d{4}$/.test(part)) {
        years.push(Number(part));
      } else {
        throw new InvalidArgumentError(`"${part}": give ${noun} as 2020..2035 or 2025,2030,2035`);
      }
    }
    for (let k = 1; k < years.length; k++) {
      if (years[k]! <= years[k - 1]!) throw new InvalidArgumentError(`${noun} must be ascending without repeats, got ${years[k]} after ${years[k - 1]}`);
    }
    const outside = years.filter((year) => year < min || year > max);
    if (outside.length > 0) throw new InvalidArgumentError(`${noun} must lie in ${min}..${max}, got ${outside.join(", ")}`);
    return years;
  };
}
