/**
 * Disaggregation: splitting a county's counts over its places by stated weights. Every result is an allocation,
 * not data, and is labelled so.
 * @module
 */
import { InputError } from "../errors.ts";

/**
 * Splits a whole number in proportion to integer weights with the largest-remainder method, in exact integer
 * arithmetic. Ties in the remainder go to the earlier index.
 * @param total - whole number ≥ 0 to split
 * @param weights - integer weights ≥ 0, at least one > 0
 * @returns whole shares, one per weight (same length and order), summing to `total`; each share is the floor or
 *   the ceiling of `total × weight / Σ weights`
 * @throws InputError when `total` or a weight is not a non-negative safe integer, or all weights are 0
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total) || total < 0) throw new InputError({ field: "total", value: total }, "must be a whole number ≥ 0");
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0) || sum <= 0 || !Number.isSafeInteger(total * sum)) {
    throw new InputError({ field: "weights", value: weights }, "must be whole numbers ≥ 0, not all 0, small enough for exact arithmetic");
  }
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  const order = weights.map((w, i) => ({ i, r: (total * w) % sum })).sort((a, b) => b.r - a.r || a.i - b.i);
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (left-- <= 0) break;
    shares[i] = (shares[i] as number) + 1;
  }
  return shares;
}

/** The weights {@link unitWeights} gives. */
export interface UnitWeights {
  /** One integer weight per unit, in the order of the codes. */
  weights: number[];
  /** The weight of an urban unit. */
  urban: number;
  /** The weight of a rural unit. */
  rural: number;
}

/**
 * Integer allocation weights of village-level units by their NBS urban–rural code: an urban unit (code 1xx)
 * stands for pop_urban ÷ n_urban people, a rural one (2xx) for pop_rural ÷ n_rural; as integers, urban =
 * pop_urban × n_rural and rural = pop_rural × n_urban (the same ratio).
 * @param urCodes - the units' 3-digit urban–rural codes (统计用城乡划分代码: 111–123 urban, 210 and 220 rural)
 * @param popUrban - census urban population of the county
 * @param popRural - census rural population
 * @returns one weight per unit (same order), and the two weights
 * @throws InputError when a code is not 3 digits starting 1 or 2, or one kind of unit is absent while its
 *   population is not 0
 */
export function unitWeights(urCodes: readonly string[], popUrban: number, popRural: number): UnitWeights {
  const isUrban = urCodes.map((code, index) => {
    if (!/^[12]\d\d$/.test(code)) throw new InputError({ index, field: "ur_code", value: code }, "must be a 3-digit NBS urban-rural code (1xx urban, 2xx rural)");
    return code.startsWith("1");
  });
  const nUrban = isUrban.filter(Boolean).length;
  const nRural = isUrban.length - nUrban;
  if ((nUrban === 0 && popUrban > 0) || (nRural === 0 && popRural > 0)) {
    throw new InputError({ field: "ur_code", value: nUrban === 0 ? "no 1xx unit" : "no 2xx unit" }, `a population has no unit to go to (urban ${popUrban}, rural ${popRural})`);
  }
  const urban = popUrban * Math.max(1, nRural);
  const rural = popRural * Math.max(1, nUrban);
  return { weights: isUrban.map((u) => (u ? urban : rural)), urban, rural };
}

/**
 * Splits counts in proportion to weights, keeping fractions (a projection's counts are expected values).
 * @param counts - the counts to split, e.g. ages 0–19
 * @param weights - weights ≥ 0, not all 0
 * @returns one array per weight: `counts × weight ÷ Σ weights`; column sums equal `counts` up to rounding
 * @throws InputError when a weight is negative or not finite, or all are 0
 */
export function splitByWeights(counts: readonly number[], weights: readonly number[]): number[][] {
  weights.forEach((w, index) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw new InputError({ source: "weights", index, field: "weight", value: w }, "must be a finite number ≥ 0");
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new InputError({ field: "weights", value: weights.length > 8 ? `${weights.length} weights, all 0` : weights }, "must not all be 0");
  return weights.map((w) => counts.map((n) => (n * w) / sum));
}
