/**
 * Population and pupils per school level of synthetic settlements: a heavy-tailed population (county seat
 * largest, then township seats, then many small villages) and pupils from population by Guangdong-like age
 * shares.
 * @module
 */
import { LEVELS, type LevelId } from "../norms/levels.ts";
import type { SeededRandom } from "../random.ts";

/**
 * School level ids, youngest first: kindergarten (ages 3–5), primary grades 1–3 (ages 6–8), primary grades 4–6
 * (ages 9–11), junior secondary (ages 12–14), senior secondary (ages 15–17).
 */
export const SYNTHETIC_LEVELS = LEVELS;

/** One school level id; see {@link SYNTHETIC_LEVELS}. */
export type SyntheticLevel = LevelId;

/**
 * Children of each level's ages as a share of the resident population: the median over the 37 county units of
 * Shaoguan, Heyuan, Meizhou, Qingyuan and Yunfu (Guangdong's northern mountain cities) in the 2020 census
 * (../shared/data/guangdong_county_census2020.csv, columns age_1_4, age_5_9, age_10_14, age_15_19), with single
 * years taken as equal shares of their 5-year band: kindergarten 0.5·(1–4) + 0.2·(5–9) = 4.66 % (range
 * 3.49–5.87 %); primary 1–3 0.6·(5–9) = 5.19 %; primary 4–6 0.2·(5–9) + 0.4·(10–14) = 4.71 %; junior
 * 0.6·(10–14) = 4.40 %; senior 0.6·(15–19) = 2.76 %. (东源县: 4.10, 4.76, 5.01, 5.13, 4.57 %.) These count
 * resident children, not enrolment.
 */
export const AGE_SHARES: Readonly<Record<SyntheticLevel, number>> = {
  kindergarten: 0.0466,
  primary1to3: 0.0519,
  primary4to6: 0.0471,
  junior: 0.044,
  senior: 0.0276,
};

/** Settlement kinds in decreasing size. */
export type SettlementKind = "county seat" | "township seat" | "village";

/**
 * Splits `total` people over settlements of the given kinds: the county seat takes 20–30 % (东源县 is 25 %
 * urban), township seats 1.5–4 times a village's mean each (log-normal), villages a log-normal share
 * (σ = 0.8). Whole numbers by largest remainders, so they sum to `total` exactly; every settlement gets ≥ 1.
 * @param random - the stream to draw from
 * @param kinds - the kind of each settlement
 * @param total - total population, ≥ kinds.length
 * @returns people per settlement, in the order of `kinds`
 */
export function allocatePopulation(random: SeededRandom, kinds: readonly SettlementKind[], total: number): number[] {
  const n = kinds.length;
  const weights = kinds.map((kind) => (kind === "village" ? random.logNormal(0, 0.8) : kind === "township seat" ? random.uniform(1.5, 4) * random.logNormal(0, 0.3) : 0));
  const seatShare = n === 1 ? 1 : random.uniform(0.2, 0.3);
  const others = weights.reduce((a, b) => a + b, 0);
  const seat = kinds.indexOf("county seat");
  const spare = total - n;
  const exact = weights.map((w) => (others > 0 ? (w / others) * spare * (1 - seatShare) : 0));
  if (seat >= 0) exact[seat] = spare * (others > 0 ? seatShare : 1);
  const people = exact.map((value) => 1 + Math.floor(value));
  let left = total - people.reduce((a, b) => a + b, 0);
  const order = exact.map((_, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) people[order[k]!]!++;
  return people;
}

/**
 * Children per level in a settlement of `population` people: the {@link AGE_SHARES} times a settlement factor
 * (log-normal, σ = 0.15, the same for all levels of the settlement), rounded stochastically to whole pupils.
 * @param random - the stream to draw from
 * @param population - people (≥ 0)
 * @returns pupils per level id
 */
export function pupilsOf(random: SeededRandom, population: number): Record<SyntheticLevel, number> {
  const factor = random.logNormal(0, 0.15);
  const pupils = {} as Record<SyntheticLevel, number>;
  for (const level of SYNTHETIC_LEVELS) pupils[level] = random.roundStochastic(population * AGE_SHARES[level] * factor);
  return pupils;
}
