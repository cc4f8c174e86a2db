// A hand-built network with known times, shared by the end-to-end routing tests.
//
//   3 (114.01, 25.01)
//   |  \
//  15   20        4 ——7—— 5        6 ——3—— 7
//   |      \
//   0 —10— 1 —5→ 2          (1 → 2 is one-way)
//
// Minutes: 0–1 10, 1→2 5 (one-way), 2–3 20, 3–1 15, 4–5 7, 6–7 3. So 0 → 2 takes 15, 2 → 0 takes 45.
import { minutesOf, network } from "./helpers.ts";

export const NODES = [
  [114, 25], [114.01, 25], [114.02, 25], [114.01, 25.01], [114.1, 25], [114.11, 25], [114.2, 25], [114.21, 25],
] as const;

export const handBuilt = network(NODES, [[0, 1], [1, 2, 1], [2, 3], [3, 1], [4, 5], [6, 7]]);
export const handMinutes = minutesOf(handBuilt, 30, [10, 5, 20, 15, 7, 3]);
