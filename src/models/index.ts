export { solveCapacitatedPMedian } from "./capacitatedPMedian.ts";
export { solveFixedCharge } from "./fixedCharge.ts";
export { solveMaxCoverage } from "./maxCoverage.ts";
export { solvePCenter } from "./pCenter.ts";
export { solvePMedian } from "./pMedian.ts";
export { solveSetCover } from "./setCover.ts";
export { solve } from "./solve.ts";
export type { InitialSolution, LocationSolveOptions } from "./solveOptions.ts";
export { isMaximisation } from "./spec.ts";
