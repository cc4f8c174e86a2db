/**
 * Exact solving beyond the textbook formulations: Benders decomposition of p-median with cuts separated in
 * TypeScript between HiGHS re-solves.
 * @module
 */
export { cutAt, cutValue } from "./medianCuts.ts";
export { MedianMaster, type StoredCut } from "./medianMaster.ts";
export { solveMedianBenders, type MedianBendersOptions, type MedianBendersResult } from "./medianBenders.ts";
