export { checkSolution } from "./checkSolution.ts";
export type { SolutionCheck } from "./checkSolution.ts";
export { summarizeSolution } from "./summary.ts";
export type { SolutionSummary } from "./summary.ts";
