// Urban–rural education communities, trusteeship pairing and teacher rotation (named exports only).
export { pairSchools } from "./pairing.ts";
export type { Pairing, PairingHelped, PairingHelper, PairingOptions, PairingReason, PairingStatistics, PairingTotals, SchoolPair } from "./pairing.ts";
