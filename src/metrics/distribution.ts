/**
 * Weighted distributions of trips: the weighted mean, the weighted quantile (the inverse of the weighted empirical
 * CDF), and the inequality indices of Gini and Theil, each weighted by pupils.
 * @module
 */
import { CompensatedSum } from "../compensatedSum.ts";
import { InputError } from "../errors.ts";

/** Relative slack when comparing a cumulative weight share with a quantile level, against rounding of the sums. */
const SHARE_SLACK = 1e-12;

function checkPairs(name: string, values: readonly number[], weights: readonly number[], nonNegativeValues: boolean): void {
  if (!Array.isArray(values)) throw new InputError({ source: name, field: "values", value: values }, "must be an array of numbers");
  if (!Array.isArray(weights)) throw new InputError({ source: name, field: "weights", value: weights }, "must be an array of numbers");
  if (values.length !== weights.length) {
    throw new InputError({ source: name, field: "weights", value: weights.length }, `must have one weight per value: ${values.length} values`);
  }
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (typeof value !== "number" || !Number.isFinite(value) || (nonNegativeValues && value < 0)) {
      throw new InputError({ source: name, index: k, field: "values", value }, `must be a finite number${nonNegativeValues ? " ≥ 0" : ""}`);
    }
    const weight = weights[k];
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      throw new InputError({ source: name, index: k, field: "weights", value: weight }, "must be a finite number ≥ 0");
    }
  }
}

/** Indices of the values with positive weight, in ascending order of value (lowest index first on ties). */
function ascending(values: readonly number[], weights: readonly number[]): number[] {
  const order: number[] = [];
  for (let k = 0; k < values.length; k++) if (weights[k]! > 0) order.push(k);
  return order.sort((a, b) => values[a]! - values[b]! || a - b);
}

function total(weights: readonly number[]): number {
  const sum = new CompensatedSum();
  for (const weight of weights) sum.add(weight);
  return sum.value;
}

/**
 * The weighted mean Σ w_k x_k / Σ w_k (compensated sums).
 * @param values - the values x_k (finite)
 * @param weights - one weight w_k ≥ 0 per value (e.g. pupils)
 * @returns the mean, or null when the weights sum to 0 (no pupils)
 * @throws InputError (field `values` or `weights`, with the index) for arrays of different lengths, a non-finite
 *   value, or a negative or non-finite weight
 * @example
 * ```ts
 * weightedMean([10, 20], [3, 1]); // 12.5
 * ```
 */
export function weightedMean(values: readonly number[], weights: readonly number[]): number | null {
  checkPairs("weightedMean", values, weights, false);
  const weight = total(weights);
  if (!(weight > 0)) return null;
  const sum = new CompensatedSum();
  for (let k = 0; k < values.length; k++) sum.add(values[k]! * weights[k]!);
  return sum.value / weight;
}

/**
 * The weighted quantile: the inverse of the weighted empirical distribution function, i.e. the smallest value t
 * among the values such that the values ≤ t carry at least the share q of the total weight,
 * Q(q) = min { x_k : Σ_{x_l ≤ x_k} w_l ≥ q · Σ w_l } (no interpolation; Hyndman & Fan 1996 type 1, weighted).
 * With pupils as weights, Q(0.5) is the median trip and Q(0.9) the trip that 90 % of pupils do not exceed;
 * Q(0) is the smallest value with positive weight and Q(1) the largest. Values with weight 0 are left out.
 *
 * Source: Hyndman, R. J. & Fan, Y. (1996), "Sample quantiles in statistical packages", The American
 * Statistician 50(4), 361–365 (definition 1, the inverse of the empirical CDF).
 * @param values - the values x_k (finite)
 * @param weights - one weight w_k ≥ 0 per value (e.g. pupils)
 * @param q - the level, 0 ≤ q ≤ 1
 * @returns Q(q), or null when the weights sum to 0
 * @throws RangeError when q is not in [0, 1]; InputError as {@link weightedMean}
 * @example
 * ```ts
 * // 10 pupils at 5 min, 30 at 10 min, 60 at 40 min: 40 % travel ≤ 10 min, so the median is 40
 * weightedQuantile([5, 10, 40], [10, 30, 60], 0.5); // 40
 * weightedQuantile([5, 10, 40], [10, 30, 60], 0.4); // 10
 * ```
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number | null {
  if (typeof q !== "number" || !(q >= 0 && q <= 1)) throw new RangeError(`weightedQuantile: "q" must be a number in [0, 1], got ${String(q)}`);
  checkPairs("weightedQuantile", values, weights, false);
  const order = ascending(values, weights);
  if (order.length === 0) return null;
  const target = q * total(weights) * (1 - SHARE_SLACK);
  const cumulative = new CompensatedSum();
  for (const k of order) {
    cumulative.add(weights[k]!);
    if (cumulative.value >= target) return values[k]!;
  }
  return values[order[order.length - 1]!]!;
}

/**
 * The weighted Gini coefficient of non-negative values (e.g. one-way minutes across pupils): half the mean absolute
 * difference between two pupils drawn at random, relative to the mean,
 * G = Σ_k Σ_l w_k w_l |x_k − x_l| / (2 W² μ), W = Σ w_k, μ = Σ w_k x_k / W,
 * computed in O(n log n) on the sorted values as G = Σ_k w_k x_k (C_(k−1) + C_k − W) / (W Σ w_k x_k), C_k the
 * cumulative weight through the k-th smallest value. 0 when every value is equal; it tends to 1 as one pupil carries
 * all. Defined as 0 when the mean is 0 (every value 0).
 *
 * Source: Cowell, F. A. (2011), *Measuring Inequality*, 3rd ed., Oxford University Press, §2.3 and technical
 * appendix A.3 (the Gini coefficient as the relative mean difference).
 * @param values - the values x_k, finite and ≥ 0
 * @param weights - one weight w_k ≥ 0 per value (e.g. pupils)
 * @returns G in [0, 1), or null when the weights sum to 0
 * @throws InputError (field `values` or `weights`, with the index) for arrays of different lengths, a negative or
 *   non-finite value, or a negative or non-finite weight
 * @example
 * ```ts
 * giniCoefficient([10, 10, 10], [5, 3, 2]); // 0
 * giniCoefficient([0, 1], [1, 1]);         // 0.5 (= (|0 − 1| + |1 − 0|) / (2 × 2² × 0.5))
 * ```
 */
export function giniCoefficient(values: readonly number[], weights: readonly number[]): number | null {
  checkPairs("giniCoefficient", values, weights, true);
  const order = ascending(values, weights);
  if (order.length === 0) return null;
  const weight = total(weights);
  const mass = new CompensatedSum();
  for (const k of order) mass.add(weights[k]! * values[k]!);
  if (!(mass.value > 0)) return 0;
  const cumulative = new CompensatedSum();
  const sum = new CompensatedSum();
  for (const k of order) {
    const before = cumulative.value;
    cumulative.add(weights[k]!);
    sum.add(weights[k]! * values[k]! * (before + cumulative.value - weight));
  }
  return Math.max(0, sum.value / (weight * mass.value));
}

/**
 * The weighted Theil T index (Theil's entropy index, GE(1)) of non-negative values:
 * T = (1 / W) Σ_k w_k (x_k / μ) ln(x_k / μ), W = Σ w_k, μ = Σ w_k x_k / W, with 0 · ln 0 = 0.
 * 0 when every value is equal; at most ln W' for W' equal-weight pupils. Defined as 0 when the mean is 0.
 *
 * Source: Theil, H. (1967), *Economics and Information Theory*, North-Holland; Cowell, F. A. (2011), *Measuring
 * Inequality*, 3rd ed., §3.3 (the generalised entropy family, α = 1).
 * @param values - the values x_k, finite and ≥ 0
 * @param weights - one weight w_k ≥ 0 per value (e.g. pupils)
 * @returns T ≥ 0, or null when the weights sum to 0
 * @throws InputError as {@link giniCoefficient}
 * @example
 * ```ts
 * theilIndex([1, 3], [1, 1]); // 0.1308 = ½ (0.5 ln 0.5 + 1.5 ln 1.5)
 * ```
 */
export function theilIndex(values: readonly number[], weights: readonly number[]): number | null {
  checkPairs("theilIndex", values, weights, true);
  const weight = total(weights);
  if (!(weight > 0)) return null;
  const mass = new CompensatedSum();
  for (let k = 0; k < values.length; k++) mass.add(weights[k]! * values[k]!);
  const mean = mass.value / weight;
  if (!(mean > 0)) return 0;
  const sum = new CompensatedSum();
  for (let k = 0; k < values.length; k++) {
    const ratio = values[k]! / mean;
    if (weights[k]! > 0 && ratio > 0) sum.add(weights[k]! * ratio * Math.log(ratio));
  }
  return Math.max(0, sum.value / weight);
}
