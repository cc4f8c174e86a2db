// Synthetic counties for tests, examples and benchmarks: everything made here is synthetic (named exports only).
export { generateCounty } from "./county.ts";
export { MAX_SETTLEMENTS, defaultTownships, resolveCountyOptions } from "./options.ts";
export type { CountyOptions, ResolvedCountyOptions } from "./options.ts";
export { AGE_SHARES, SYNTHETIC_LEVELS } from "./population.ts";
export type { SettlementKind, SyntheticLevel } from "./population.ts";
export { SYNTHETIC_CLASS_SIZE } from "./schools.ts";
export { SeededRandom } from "../random.ts";
export { candidateSites } from "./candidates.ts";
export type { CandidateProperties, CandidateSiteOptions } from "./candidates.ts";
export { countyCandidateSites } from "./countyCandidates.ts";
export type { CountyCandidateOptions } from "./countyCandidates.ts";
export type {
  BoundaryProperties,
  RoadProperties,
  SchoolProperties,
  SettlementProperties,
  SyntheticCollection,
  SyntheticCounty,
  SyntheticMetadata,
  SyntheticSchoolTier,
  SyntheticSchoolType,
} from "./types.ts";
