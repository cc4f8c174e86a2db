/**
 * The whitespace-separated numbers of an OR-Library text file, each with its line, for the readers' errors.
 * @module
 */
import { InputError } from "../../errors.ts";

/** A plain decimal number as the files write them: digits, an optional point and fraction, an optional exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The most pairs a reader builds a cost matrix of (an n × m Float64Array): 10⁸ pairs, 800 MB. */
export const MAX_READER_PAIRS = 1e8;

/** Reads the numbers of an OR-Library file in order; every error names the file, the line and the field. */
export class NumberTokens {
  private readonly words: string[] = [];
  private readonly lines: number[] = [];
  private next = 0;

  /**
   * @param text - the file's text
   * @param source - the file's name, quoted in errors (e.g. `"pmed1.txt"`)
   */
  constructor(
    text: string,
    readonly source: string,
  ) {
    if (typeof text !== "string") throw new InputError({ source, field: "text", value: text }, "must be the file's text (a string)");
    const rows = text.split(/\r?\n/);
    for (let line = 0; line < rows.length; line++) {
      for (const word of rows[line]!.split(/\s+/)) {
        if (word === "") continue;
        this.words.push(word);
        this.lines.push(line + 1);
      }
    }
  }

  /** Where the next token is (or the end of the file), for an error's source. */
  private where(position: number): string {
    if (position < this.words.length) return `${this.source} line ${this.lines[position]}`;
    const last = this.lines.at(-1);
    return `${this.source} (end of file${last === undefined ? ": the file is empty" : ` after line ${last}`})`;
  }

  /** Whether every token has been read. */
  get done(): boolean {
    return this.next >= this.words.length;
  }

  /** The next token as it is written, without reading it; undefined at the end of the file. */
  peek(): string | undefined {
    return this.words[this.next];
  }

  /** Skips the next token (a word such as `capacity` standing in for a number). */
  skip(): void {
    this.next++;
  }

  /**
   * Reads the next number.
   * @param field - what the number is, for errors (e.g. `"cost of edge 3"`)
   * @param rule - `"count"` (a whole number ≥ 1), `"index"` (whole, 1 … `max`), `"nonNegative"` (finite ≥ 0)
   * @param max - the largest index allowed, for `"index"`
   * @throws InputError naming the file, the line, the field and the value; at the end of the file, that the file
   *   ends early
   */
  number(field: string, rule: "count" | "index" | "nonNegative" | "whole", max = Infinity): number {
    const position = this.next++;
    const word = this.words[position];
    if (word === undefined) throw new InputError({ source: this.where(position), field }, "is missing: the file ends early");
    const value = DECIMAL.test(word) ? Number(word) : NaN; // no hex, no "Infinity": the files hold plain decimals
    const whole = Number.isInteger(value);
    const fail = (expected: string): never => {
      throw new InputError({ source: this.where(position), field, value: word }, `must be ${expected}`);
    };
    if (!Number.isFinite(value)) fail("a number");
    if (rule === "count" && !(whole && value >= 1)) fail("a whole number ≥ 1");
    if (rule === "whole" && !(whole && value >= 0)) fail("a whole number ≥ 0");
    if (rule === "index" && !(whole && value >= 1 && value <= max)) fail(`a whole number from 1 to ${max}`);
    if (rule === "nonNegative" && value < 0) fail("a number ≥ 0");
    return value;
  }

  /**
   * An error at the token read last (or the next one, before any is read).
   * @param field - what the value is
   * @param value - the value, quoted
   * @param problem - what is wrong with it
   */
  error(field: string, value: unknown, problem: string): InputError {
    return new InputError({ source: this.where(Math.max(0, this.next - 1)), field, value }, problem);
  }

  /**
   * Checks that an n × m cost matrix stays within {@link MAX_READER_PAIRS}.
   * @param n - rows
   * @param m - columns
   * @param what - what the counts are, e.g. `"node count"`
   * @throws InputError at the counts' line
   */
  checkPairs(n: number, m: number, what: string): void {
    if (n * m <= MAX_READER_PAIRS) return;
    throw new InputError(
      { source: `${this.source} line ${this.lines[0] ?? 1}`, field: what, value: n === m ? n : `${n} × ${m}` },
      `makes ${(n * m).toExponential(2)} pairs, more than the ${MAX_READER_PAIRS.toExponential(0)} a dense cost matrix is built for here`,
    );
  }

  /**
   * Throws when tokens are left after the last one the format has.
   * @param what - what the file should have held, for the message
   */
  end(what: string): void {
    if (this.done) return;
    throw new InputError({ source: this.where(this.next), field: "end of file", value: this.words[this.next] }, `the file should end after ${what}`);
  }
}
