/**
 * Compensated (Neumaier) summation, so that sums of many weights and costs stay exact to the last bits.
 * @module
 */

/**
 * A running sum with Neumaier's compensation (an improved Kahan sum): the rounding error of each addition is
 * kept and added back at the end, so the result is as if summed in about twice the precision.
 * Source: Neumaier, A. (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
 * ZAMM 54(1), 39–51; the same idea as d3-array's `Adder`.
 * @example
 * ```ts
 * const sum = new CompensatedSum();
 * for (const value of [1e16, 1, -1e16]) sum.add(value);
 * sum.value; // 1
 * ```
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  /**
   * Adds a value.
   * @param value - any finite number (an infinite or NaN value makes the sum infinite or NaN)
   * @returns this sum, for chaining
   */
  add(value: number): this {
    const t = this.sum + value;
    this.compensation += Math.abs(this.sum) >= Math.abs(value) ? this.sum - t + value : value - t + this.sum;
    this.sum = t;
    return this;
  }

  /** The compensated total of every value added so far (0 when none). */
  get value(): number {
    return this.sum + this.compensation;
  }
}

/**
 * The compensated sum of some numbers.
 * @param values - the numbers to add
 * @returns their sum (0 for none)
 */
export function compensatedSum(values: Iterable<number>): number {
  const sum = new CompensatedSum();
  for (const value of values) sum.add(value);
  return sum.value;
}
