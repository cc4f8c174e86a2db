// Chinese planning norms as typed, sourced, overridable presets (named exports only).
export { LEVEL_GRADES, LEVELS } from "./levels.ts";
export type { LevelId } from "./levels.ts";
export { norm } from "./norm.ts";
export type { Norm, NormTag } from "./norm.ts";
export { CHINA_NORMS } from "./chinaNorms.ts";
export type { PlanningNorms } from "./chinaNorms.ts";
export { withNormOverrides } from "./overrides.ts";
export type { NormOverrides } from "./overrides.ts";
