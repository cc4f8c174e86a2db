// Urban–rural education communities, trusteeship pairing and teacher rotation (named exports only).
export { pairSchools } from "./pairing.ts";
export type { Pairing, PairingHelped, PairingHelper, PairingOptions, PairingReason, PairingTotals, SchoolPair } from "./pairing.ts";
export { formCommunities } from "./formCommunities.ts";
export type { Community, CommunityMembership, CommunityOptions, CommunityPlan, CommunityReason, CommunitySchool, FewestCommunities } from "./communityTypes.ts";
export { planRotation, ROTATION_SHARE, STAFFING_RATIOS, teachersNeeded } from "./rotation.ts";
export type { RotationBalance, RotationOptions, RotationPlan, RotationSchool, StaffedPupils, StaffingRatios, TeacherMove } from "./rotation.ts";
