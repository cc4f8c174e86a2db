/**
 * The shapes of {@link formCommunities}: the schools to group, the rules, and the answer.
 * @module
 */
import type { CostMatrix } from "../costMatrix.ts";
import type { SolveOptions } from "../solvers/options.ts";
import type { SolveStatistics, SolveStatus } from "../solution.ts";

/** A school to group. */
export interface CommunitySchool {
  /** School id. */
  readonly id: string;
  /** Its name, for the reasons ("name (id)"). Default none (the id alone). */
  readonly name?: string;
  /** Pupils (for the pupil bounds and the figures). Default 0. */
  readonly pupils?: number;
  /** May lead a community (a strong urban public school). Default false. */
  readonly leadEligible?: boolean;
  /** Must lead a community. Default false. */
  readonly leadRequired?: boolean;
  /** May be a township hub (the "three schools"). Default false. */
  readonly hubEligible?: boolean;
  /**
   * Its township (any id). With `keepTownshipsWhole`, the schools sharing a township are in one community.
   * Default none (the school is a township of its own).
   */
  readonly township?: string;
  /**
   * The levels it teaches (any ids, e.g. `kindergarten`, `primary`, `junior`). With `matchLevels`, a link joins
   * only schools that share a level, and a member shares one with its lead. Default none (it matches nothing).
   */
  readonly levels?: readonly string[];
}

/** Options of {@link formCommunities}. */
export interface CommunityOptions extends Pick<SolveOptions, "solver" | "timeLimitSeconds" | "signal" | "mipRelativeGap"> {
  /** Teachers' one-way minutes between schools, rows and columns the schools in order (a square matrix in minutes). */
  readonly travelMinutes: CostMatrix;
  /** Exactly this many communities. */
  readonly k?: number;
  /** At least this many communities (with `k` unset). Default 1. */
  readonly minK?: number;
  /**
   * The fewest communities that meet the rules (at least `minK`), and among groupings of that many the least
   * link travel: two solves, the count first. Not with `k`. Default false (the count is free within `minK`–n,
   * and the least travel decides it).
   */
  readonly fewest?: boolean;
  /** The longest lead → hub (and lead → direct member) trip, minutes. Default no limit. */
  readonly maxLeadHubMinutes?: number;
  /** The longest hub → member trip, minutes. Default no limit. */
  readonly maxHubMemberMinutes?: number;
  /** Members may join the lead directly. Default false (every member joins through a hub). */
  readonly allowDirect?: boolean;
  /** Fewest and most schools in a community (the lead included). Default 1 and no limit. */
  readonly minSchools?: number;
  /** See `minSchools`. */
  readonly maxSchools?: number;
  /** Fewest and most pupils in a community (balance). Default no limits. */
  readonly minPupils?: number;
  /** See `minPupils`. */
  readonly maxPupils?: number;
  /** Schools of one `township` are kept in one community. Default false. */
  readonly keepTownshipsWhole?: boolean;
  /** Links join only schools sharing one of their `levels` (a kindergarten under a kindergarten …). Default false. */
  readonly matchLevels?: boolean;
  /**
   * Contiguity: pairs of school ids that are neighbours (e.g. their townships touch). When given, every
   * community's schools form one connected piece of this graph. Imposed exactly, by cuts added and the model
   * solved again until every community is connected. Default none (no contiguity rule).
   */
  readonly neighbours?: readonly (readonly [string, string])[];
  /**
   * The weight of a link from school `from` (lead or hub) to `to` (hub or member): the trips of teachers and
   * lessons it stands for. Default 1 (each link's minutes count once).
   */
  readonly linkWeight?: (from: number, to: number) => number;
}

/** One school's place in the communities. */
export interface CommunityMembership {
  /** School id. */
  readonly school: string;
  /** The community: its lead's id. */
  readonly community: string;
  /** `lead`, `hub` or `member`. */
  readonly role: "lead" | "hub" | "member";
  /** The hub it joins through (members under a hub), else null. */
  readonly hub: string | null;
  /** Its community's lead. */
  readonly lead: string;
  /** Minutes of its link up (hub → lead, member → hub or lead); 0 for a lead. */
  readonly linkMinutes: number;
}

/** One community. */
export interface Community {
  /** Its lead's id (the community's id). */
  readonly lead: string;
  /** Its hubs' ids. */
  readonly hubs: readonly string[];
  /** Its members' ids (under a hub or direct). */
  readonly members: readonly string[];
  /** Schools, the lead included. */
  readonly schools: number;
  /** Pupils of its schools. */
  readonly pupils: number;
  /** Σ minutes of its links. */
  readonly linkMinutes: number;
  /** The longest link, minutes. */
  readonly longestLinkMinutes: number;
}

/** Why no grouping meets the rules. */
export interface CommunityReason {
  /**
   * `noLead` (fewer eligible leads than communities asked for, or more required leads than communities),
   * `unreachable` (a school that may not lead and that no hub a lead reaches can take within the limits),
   * `size` (the counts and the size bounds cannot add up, in numbers), `township` (a township holding two
   * schools that must lead), `conflict` (the rules together).
   */
  readonly code: "noLead" | "unreachable" | "size" | "township" | "conflict";
  /** One English sentence with the numbers. */
  readonly message: string;
  /** The schools concerned. */
  readonly schools: readonly string[];
}

/** With `fewest`: the count found, and how far it is proven. */
export interface FewestCommunities {
  /** The communities of the answer. */
  readonly communities: number;
  /** The proven least count (a lower bound), or null. */
  readonly bound: number | null;
  /** Whether `communities` is proven the fewest. */
  readonly proven: boolean;
}

/** The answer of {@link formCommunities}. */
export interface CommunityPlan {
  /** `optimal`, `feasible` (with its gap), `infeasible`, `timeLimit`, `aborted`. */
  readonly status: SolveStatus;
  /** Σ weight × minutes over the links, or null without an answer. */
  readonly objective: number | null;
  /** The proven bound, or null. */
  readonly bound: number | null;
  /** (objective − bound) ÷ objective, or null. */
  readonly gap: number | null;
  /** The communities, in the order of their leads. */
  readonly communities: readonly Community[];
  /** Each school's community and role, in school order. */
  readonly memberships: readonly CommunityMembership[];
  /** Why there is no answer; empty otherwise. */
  readonly reasons: readonly CommunityReason[];
  /** With `fewest`: the count and its proof; otherwise absent. */
  readonly fewest?: FewestCommunities;
  /** With `neighbours`: the contiguity cuts added (0 when the first answer was connected); otherwise absent. */
  readonly contiguityCuts?: number;
  /** The backend, seconds and the model's size (of the last solve). */
  readonly statistics: SolveStatistics;
}
