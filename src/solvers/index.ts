export type { LinearModel } from "./linearModel.ts";
export { LinearModelBuilder } from "./linearModel.ts";
export type { BackendChoice, LinearResult, LinearSolveOptions, SolveOptions, SolveProgress } from "./options.ts";
export { BACKEND_CHOICES } from "./options.ts";
export { estimateHighsBytes, solveWithHighs } from "./highs.ts";
export { solveLinearModel } from "./solve.ts";
