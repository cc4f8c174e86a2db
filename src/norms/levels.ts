/**
 * School levels: the ids every part of school-layout uses for pupils per level, seats per level and travel
 * limits per level.
 * @module
 */

/**
 * The school levels, youngest first: kindergarten (ages 3–5), primary grades 1–3, primary grades 4–6, junior
 * secondary (grades 7–9) and senior secondary (grades 10–12). Primary is split at grade 3 because grades 1–3 do
 * not board and study near home (国办发〔2018〕27号).
 */
export const LEVELS = ["kindergarten", "primary1to3", "primary4to6", "junior", "senior"] as const;

/** One school level id; see {@link LEVELS}. */
export type LevelId = (typeof LEVELS)[number];

/** The first and last grade of each level (kindergarten years as 0, counted down: grades −2..0). */
export const LEVEL_GRADES: Readonly<Record<LevelId, readonly [first: number, last: number]>> = {
  kindergarten: [-2, 0],
  primary1to3: [1, 3],
  primary4to6: [4, 6],
  junior: [7, 9],
  senior: [10, 12],
};
