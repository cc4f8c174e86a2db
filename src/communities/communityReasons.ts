/**
 * Why no grouping of {@link formCommunities} meets the rules, in numbers: the reasons found before solving (too
 * few leads, a school out of every hub's reach with the nearest one named, sizes that cannot add up, a township
 * with two schools that must lead), and the sentence for a conflict the solver proved.
 * @module
 */
import { costOf, type CostMatrix } from "../costMatrix.ts";
import type { CheckedCommunities } from "./communityInput.ts";
import type { CommunityLinks } from "./communityModel.ts";
import type { CommunityReason, CommunitySchool } from "./communityTypes.ts";

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
/** A school in a sentence: its name and id, or its id. */
const label = (school: CommunitySchool): string => (school.name === undefined || school.name === "" || school.name === school.id ? school.id : `${school.name} (${school.id})`);
const minutes = (value: number): string => `${Number.isInteger(value) ? value : value.toFixed(1)} min`;

/** The nearest school among `candidates` to (or from) `s`, with its minutes, or null. */
function nearest(matrix: CostMatrix, candidates: readonly number[], s: number, from: boolean): { school: number; minutes: number } | null {
  let best: { school: number; minutes: number } | null = null;
  for (const c of candidates) {
    if (c === s) continue;
    const t = from ? costOf(matrix, c, s) : costOf(matrix, s, c);
    if (t < (best?.minutes ?? Infinity)) best = { school: c, minutes: t };
  }
  return best;
}

function strandedMessage(schools: readonly CommunitySchool[], c: CheckedCommunities, matrix: CostMatrix, s: number, hubs: readonly number[], allowDirect: boolean): string {
  const leads = Array.from({ length: c.n }, (_, k) => k).filter((k) => c.lead[k] === 1);
  const parts = [`${label(schools[s]!)} may not lead, and no hub that a lead reaches can take it`];
  if (c.hub[s] === 1) {
    // A school that may be a hub: say why no lead reaches it as one.
    const lead = nearest(matrix, leads.filter((k) => c.shareLevel(k, s)), s, true);
    if (lead === null) parts.push(`no lead shares a level with it to have it as a hub`);
    else parts.push(`as a hub, the nearest lead is ${label(schools[lead.school]!)}, ${minutes(lead.minutes)} away${c.leadHub === Infinity ? "" : `, beyond the lead → hub limit of ${minutes(c.leadHub)}`}`);
  }
  const hub = nearest(matrix, hubs, s, true);
  if (hub === null) {
    const lead = nearest(matrix, leads, s, true);
    parts.push(`no lead reaches any hub${c.leadHub === Infinity ? "" : ` within ${minutes(c.leadHub)}`}${lead === null ? "" : ` (its own nearest lead, ${label(schools[lead.school]!)}, is ${minutes(lead.minutes)} away)`}`);
  } else if (!c.shareLevel(hub.school, s)) parts.push(`the nearest hub a lead reaches, ${label(schools[hub.school]!)} (${minutes(hub.minutes)}), shares no level with it`);
  else parts.push(`the nearest hub a lead reaches is ${label(schools[hub.school]!)}, ${minutes(hub.minutes)} away${c.hubMember === Infinity ? "" : `, beyond the hub → member limit of ${minutes(c.hubMember)}`}`);
  if (allowDirect) {
    const lead = nearest(matrix, leads, s, true);
    if (lead !== null) parts.push(`the nearest lead, ${label(schools[lead.school]!)}, is ${minutes(lead.minutes)} away${c.leadHub === Infinity ? "" : ` (limit ${minutes(c.leadHub)})`}`);
  }
  if (c.matchLevels && (schools[s]!.levels ?? []).length === 0) parts.push("with levels matched, it has no levels, so it shares none");
  return parts.join("; ");
}

/** The sizes: k communities of minSchools–maxSchools schools (and pupils) must hold every school (and pupil). */
function sizeReasons(c: CheckedCommunities, leadCount: number): CommunityReason[] {
  const reasons: CommunityReason[] = [];
  const kMax = Math.min(c.kMax, leadCount);
  const pupils = c.pupils.reduce((sum, p) => sum + p, 0);
  const round = (x: number): string => (Number.isInteger(x) ? `${x}` : x.toFixed(1));
  if (c.kMin * c.minSchools > c.n) reasons.push({ code: "size", message: `${plural(c.kMin, "community", "communities")} of at least ${plural(c.minSchools, "school")} need ${c.kMin} × ${c.minSchools} = ${c.kMin * c.minSchools} schools; there are ${c.n}`, schools: [] });
  if (kMax * c.maxSchools < c.n) reasons.push({ code: "size", message: `at most ${plural(kMax, "community", "communities")} (${c.kMax < leadCount ? "asked for" : "the schools that may lead"}) of at most ${plural(c.maxSchools, "school")} hold ${kMax} × ${c.maxSchools} = ${kMax * c.maxSchools} schools; there are ${c.n}`, schools: [] });
  if (c.kMin * c.minPupils > pupils) reasons.push({ code: "size", message: `${plural(c.kMin, "community", "communities")} of at least ${round(c.minPupils)} pupils need ${c.kMin} × ${round(c.minPupils)} = ${round(c.kMin * c.minPupils)} pupils; the schools have ${round(pupils)}`, schools: [] });
  if (kMax * c.maxPupils < pupils) reasons.push({ code: "size", message: `at most ${plural(kMax, "community", "communities")} of at most ${round(c.maxPupils)} pupils hold ${kMax} × ${round(c.maxPupils)} = ${round(kMax * c.maxPupils)} pupils; the schools have ${round(pupils)}`, schools: [] });
  return reasons;
}

/**
 * The reasons found before solving.
 * @param schools - the schools
 * @param c - the checked input
 * @param l - the links within the limits
 * @param matrix - teachers' minutes (to name the nearest hub and lead)
 * @param allowDirect - members may join a lead directly
 */
export function obviousReasons(schools: readonly CommunitySchool[], c: CheckedCommunities, l: CommunityLinks, matrix: CostMatrix, allowDirect: boolean): CommunityReason[] {
  const reasons: CommunityReason[] = [];
  const leads = c.lead.reduce((sum, x) => sum + x, 0);
  const required = c.required.reduce((sum, x) => sum + x, 0);
  if (leads < c.kMin) reasons.push({ code: "noLead", message: `${plural(c.kMin, "community", "communities")} ${c.kMin === 1 ? "needs" : "need"} ${plural(c.kMin, "lead")}; ${leads === 0 ? "no school may" : `${plural(leads, "school")} may`} lead`, schools: [] });
  if (required > c.kMax) reasons.push({ code: "noLead", message: `${plural(required, "school")} must lead, more than the ${plural(c.kMax, "community", "communities")} asked for`, schools: schools.filter((_, s) => c.required[s] === 1).map((s) => s.id) });
  const canBeHub = new Uint8Array(c.n);
  for (const [, h] of l.leadHub) canBeHub[h] = 1;
  const takenBy = new Uint8Array(c.n);
  for (const [h, m] of l.hubMember) if (canBeHub[h] === 1) takenBy[m] = 1;
  for (const [, m] of l.direct) takenBy[m] = 1;
  const hubs = Array.from({ length: c.n }, (_, s) => s).filter((s) => canBeHub[s] === 1);
  for (let s = 0; s < c.n; s++) {
    if (c.lead[s] === 0 && canBeHub[s] === 0 && takenBy[s] === 0) reasons.push({ code: "unreachable", message: strandedMessage(schools, c, matrix, s, hubs, allowDirect), schools: [schools[s]!.id] });
  }
  reasons.push(...sizeReasons(c, leads));
  for (const { township, schools: members } of c.townships) {
    const mustLead = members.filter((s) => c.required[s] === 1);
    if (mustLead.length > 1) reasons.push({ code: "township", message: `township ${township} is kept whole, but ${mustLead.length} of its schools must lead (${mustLead.map((s) => label(schools[s]!)).join(", ")}): one community has one lead`, schools: mustLead.map((s) => schools[s]!.id) });
  }
  if (c.neighbours !== null) {
    for (let s = 0; s < c.n; s++) if (c.neighbours[s]!.length === 0 && c.lead[s] === 0) reasons.push({ code: "unreachable", message: `${label(schools[s]!)} has no neighbour in the contiguity graph and may not lead: no connected community can hold it`, schools: [schools[s]!.id] });
  }
  return reasons;
}

/**
 * The sentence for rules that together admit no grouping (the solver's proof), with the rules in numbers.
 * @param c - the checked input
 * @param rules - which of the optional rules are on
 */
export function conflictReason(c: CheckedCommunities, rules: { readonly townships: boolean; readonly levels: boolean; readonly contiguity: boolean }): CommunityReason {
  const range = (low: number, high: number, unit: string, unbounded: number): string =>
    high >= unbounded ? (low > (unit === "pupils" ? 0 : 1) ? `at least ${low} ${unit}` : "") : low > (unit === "pupils" ? 0 : 1) ? `${low}–${high} ${unit}` : `at most ${high} ${unit}`;
  const parts = [
    c.kMin === c.kMax ? plural(c.kMin, "community", "communities") : c.kMax >= c.n ? `at least ${plural(c.kMin, "community", "communities")}` : `${c.kMin}–${c.kMax} communities`,
    range(c.minSchools, c.maxSchools, "schools", c.n) === "" ? "" : `${range(c.minSchools, c.maxSchools, "schools", c.n)} each`,
    range(c.minPupils, c.maxPupils, "pupils", Infinity) === "" ? "" : `${range(c.minPupils, c.maxPupils, "pupils", Infinity)} each`,
    c.leadHub === Infinity ? "" : `lead → hub within ${minutes(c.leadHub)}`,
    c.hubMember === Infinity ? "" : `hub → member within ${minutes(c.hubMember)}`,
    rules.townships ? "townships kept whole" : "",
    rules.levels ? "links within a level" : "",
    rules.contiguity ? "connected in the neighbour graph" : "",
  ].filter((part) => part !== "");
  return { code: "conflict", message: `no grouping meets these rules together: ${parts.join(", ")}`, schools: [] };
}
