/**
 * A small seeded pseudo-random number generator (mulberry32) for the synthetic generators and the heuristics: the same seed gives
 * the same sequence in every JavaScript engine (32-bit integer arithmetic only), unlike `Math.random`.
 * @module
 */

/** Mixes a 32-bit seed and a stream number into a new 32-bit state (a murmur3-style finaliser). */
function mixSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A seeded random stream. Each part of a generator takes its own stream (a seed and a stream number), so that a
 * change in one part does not shift the numbers another part draws.
 */
export class SeededRandom {
  private state: number;
  private spareNormal: number | undefined;

  /**
   * @param seed - a whole number 0..2³²−1 (other numbers are reduced modulo 2³²)
   * @param stream - a small whole number naming the stream (default 0)
   */
  constructor(seed: number, stream = 0) {
    this.state = mixSeed(seed >>> 0, stream);
  }

  /** A uniform number in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A uniform number in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A uniform whole number in low..high (both included). */
  integer(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  /** A standard normal number (Box–Muller; mean 0, standard deviation 1). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    const u = 1 - this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal number exp(mu + sigma·Z): heavy-tailed, always > 0. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** −1 or +1 with equal chance. */
  sign(): number {
    return this.next() < 0.5 ? -1 : 1;
  }

  /**
   * Rounds `value` ≥ 0 to a whole number, up with a chance equal to its fractional part, so that sums of many
   * rounded values stay unbiased.
   */
  roundStochastic(value: number): number {
    const whole = Math.floor(value);
    return whole + (this.next() < value - whole ? 1 : 0);
  }
}
