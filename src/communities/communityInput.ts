/**
 * The checked input of {@link formCommunities}: the schools' pupils, roles, townships, levels and neighbours as
 * arrays by school index, and the rules with their defaults.
 * @module
 */
import { InputError } from "../errors.ts";
import { checkSchoolIds, checkTravelMinutes } from "./checks.ts";
import type { CommunityOptions, CommunitySchool } from "./communityTypes.ts";

/** The input of {@link formCommunities} checked, by school index. */
export interface CheckedCommunities {
  readonly n: number;
  readonly pupils: Float64Array;
  readonly lead: Uint8Array;
  readonly required: Uint8Array;
  readonly hub: Uint8Array;
  /** The schools of each township with two or more schools (with `keepTownshipsWhole`), else none. */
  readonly townships: readonly { readonly township: string; readonly schools: readonly number[] }[];
  /** Whether links must share a level. */
  readonly matchLevels: boolean;
  /** With `matchLevels`: whether schools a and b share a level; otherwise always true. */
  readonly shareLevel: (a: number, b: number) => boolean;
  /** Neighbour lists by school (with `neighbours`), else null. */
  readonly neighbours: readonly (readonly number[])[] | null;
  readonly kMin: number;
  readonly kMax: number;
  readonly fewest: boolean;
  readonly leadHub: number;
  readonly hubMember: number;
  readonly minSchools: number;
  readonly maxSchools: number;
  readonly minPupils: number;
  readonly maxPupils: number;
}

function limitOption(options: CommunityOptions, name: keyof CommunityOptions, fallback: number, atLeast: number, whole = false): number {
  const value = options[name] ?? fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < atLeast) throw new InputError({ source: "options", field: name, value }, `must be a number ≥ ${atLeast}`);
  if (whole && value !== Infinity && !Number.isInteger(value)) throw new InputError({ source: "options", field: name, value }, "must be a whole number of schools");
  return value;
}

/** The options {@link formCommunities} knows: a misspelt one would otherwise be ignored without a word. */
const OPTION_KEYS = new Set([
  "travelMinutes", "k", "minK", "fewest", "maxLeadHubMinutes", "maxHubMemberMinutes", "allowDirect", "minSchools", "maxSchools", "minPupils", "maxPupils",
  "keepTownshipsWhole", "matchLevels", "neighbours", "linkWeight", "solver", "timeLimitSeconds", "signal", "mipRelativeGap",
]);

/** The fields of a school. */
const SCHOOL_KEYS = new Set(["id", "name", "pupils", "leadEligible", "leadRequired", "hubEligible", "township", "levels"]);

function flagOption(options: CommunityOptions, name: "fewest" | "keepTownshipsWhole" | "matchLevels" | "allowDirect"): boolean {
  const value = options[name];
  if (value !== undefined && typeof value !== "boolean") throw new InputError({ source: "options", field: name, value }, "must be true or false");
  return value === true;
}

function checkLevels(schools: readonly CommunitySchool[]): (a: number, b: number) => boolean {
  const sets = schools.map((school, index) => {
    const levels = school.levels ?? [];
    if (!Array.isArray(levels) || levels.some((level) => typeof level !== "string" || level === "")) throw new InputError({ source: "schools", index, id: school.id, field: "levels", value: school.levels }, "must be an array of level ids (non-empty strings)");
    return new Set(levels);
  });
  return (a, b) => [...sets[a]!].some((level) => sets[b]!.has(level));
}

function checkNeighbours(pairs: unknown, ids: ReadonlyMap<string, number>, n: number): number[][] {
  if (!Array.isArray(pairs)) throw new InputError({ source: "options", field: "neighbours", value: pairs }, "must be an array of [school id, school id] pairs");
  const lists: Set<number>[] = Array.from({ length: n }, () => new Set());
  pairs.forEach((pair: unknown, index) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new InputError({ source: "neighbours", index, field: "pair", value: pair }, "must be a pair [school id, school id]");
    const [a, b] = pair.map((id) => ids.get(id as string));
    if (a === undefined) throw new InputError({ source: "neighbours", index, field: "0", value: pair[0] }, "names no school");
    if (b === undefined) throw new InputError({ source: "neighbours", index, field: "1", value: pair[1] }, "names no school");
    if (a === b) throw new InputError({ source: "neighbours", index, field: "pair", value: pair }, "pairs a school with itself");
    lists[a]!.add(b);
    lists[b]!.add(a);
  });
  return lists.map((set) => [...set].sort((x, y) => x - y));
}

/**
 * Checks the schools and the options of {@link formCommunities}.
 * @throws InputError naming the school (index and id) or the option, and the value
 */
export function checkCommunities(schools: readonly CommunitySchool[], options: CommunityOptions): CheckedCommunities {
  if (!Array.isArray(schools) || schools.length === 0) throw new InputError({ source: "schools", field: "schools", value: schools }, "must be a non-empty array of schools");
  checkSchoolIds(schools, "schools");
  const n = schools.length;
  const pupils = new Float64Array(n);
  const lead = new Uint8Array(n);
  const required = new Uint8Array(n);
  const hub = new Uint8Array(n);
  schools.forEach((school, index) => {
    for (const key of Object.keys(school)) if (!SCHOOL_KEYS.has(key)) throw new InputError({ source: "schools", index, id: school.id, field: key, value: (school as unknown as Record<string, unknown>)[key] }, `is not a field of a school (${[...SCHOOL_KEYS].join(", ")})`);
    if (school.name !== undefined && typeof school.name !== "string") throw new InputError({ source: "schools", index, id: school.id, field: "name", value: school.name }, "must be a string");
    const p = school.pupils ?? 0;
    if (typeof p !== "number" || !Number.isFinite(p) || p < 0) throw new InputError({ source: "schools", index, id: school.id, field: "pupils", value: p }, "must be a finite number ≥ 0");
    pupils[index] = p;
    for (const flag of ["leadEligible", "leadRequired", "hubEligible"] as const) {
      if (school[flag] !== undefined && typeof school[flag] !== "boolean") throw new InputError({ source: "schools", index, id: school.id, field: flag, value: school[flag] }, "must be true or false");
    }
    if (school.township !== undefined && (typeof school.township !== "string" || school.township === "")) throw new InputError({ source: "schools", index, id: school.id, field: "township", value: school.township }, "must be a non-empty string");
    required[index] = school.leadRequired === true ? 1 : 0;
    lead[index] = school.leadEligible === true || school.leadRequired === true ? 1 : 0;
    hub[index] = school.hubEligible === true ? 1 : 0;
  });
  if (options === null || typeof options !== "object") throw new InputError({ source: "options", field: "options", value: options }, "must be an object with travelMinutes");
  for (const key of Object.keys(options)) if (!OPTION_KEYS.has(key)) throw new InputError({ source: "options", field: key, value: (options as unknown as Record<string, unknown>)[key] }, "is not an option of formCommunities");
  checkTravelMinutes(options.travelMinutes, n, n, { required: "a square cost matrix in minutes between the schools", shape: "be square over the schools" });
  if (options.k !== undefined && (!Number.isInteger(options.k) || options.k < 1)) throw new InputError({ source: "options", field: "k", value: options.k }, "must be a whole number ≥ 1");
  if (options.minK !== undefined && (!Number.isInteger(options.minK) || options.minK < 1)) throw new InputError({ source: "options", field: "minK", value: options.minK }, "must be a whole number ≥ 1");
  if (options.k !== undefined && options.minK !== undefined) throw new InputError({ source: "options", field: "minK", value: options.minK }, "goes with k unset: give k (exactly) or minK (at least)");
  const fewest = flagOption(options, "fewest");
  if (fewest && options.k !== undefined) throw new InputError({ source: "options", field: "fewest", value: true }, "goes with k unset: the fewest communities is a count to find, k a count given");
  flagOption(options, "allowDirect");
  if (options.linkWeight !== undefined && typeof options.linkWeight !== "function") throw new InputError({ source: "options", field: "linkWeight", value: options.linkWeight }, "must be a function (from, to) → weight");
  const minSchools = limitOption(options, "minSchools", 1, 1, true);
  const maxSchools = limitOption(options, "maxSchools", Infinity, 1, true);
  const minPupils = limitOption(options, "minPupils", 0, 0);
  const maxPupils = limitOption(options, "maxPupils", Infinity, 0);
  if (maxSchools < minSchools) throw new InputError({ source: "options", field: "maxSchools", value: maxSchools }, `must be at least minSchools (${minSchools})`);
  if (maxPupils < minPupils) throw new InputError({ source: "options", field: "maxPupils", value: maxPupils }, `must be at least minPupils (${minPupils})`);
  const byTownship = new Map<string, number[]>();
  if (flagOption(options, "keepTownshipsWhole")) {
    schools.forEach((school, s) => {
      if (school.township === undefined) return;
      const list = byTownship.get(school.township) ?? [];
      list.push(s);
      byTownship.set(school.township, list);
    });
  }
  const ids = new Map(schools.map((school, s) => [school.id, s]));
  return {
    n, pupils, lead, required, hub,
    townships: [...byTownship].filter(([, list]) => list.length > 1).map(([township, list]) => ({ township, schools: list })),
    matchLevels: flagOption(options, "matchLevels"),
    shareLevel: flagOption(options, "matchLevels") ? checkLevels(schools) : () => true,
    neighbours: options.neighbours === undefined ? null : checkNeighbours(options.neighbours, ids, n),
    kMin: options.k ?? options.minK ?? 1,
    kMax: options.k ?? n,
    fewest,
    leadHub: limitOption(options, "maxLeadHubMinutes", Infinity, 0),
    hubMember: limitOption(options, "maxHubMemberMinutes", Infinity, 0),
    minSchools, maxSchools, minPupils, maxPupils,
  };
}
