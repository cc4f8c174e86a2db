/**
 * Urban–rural education communities (城乡教育共同体): the schools of a county partitioned into communities, each
 * led by one lead school, its township hubs (the "three schools", 上联城区学校、下带农村学校) joined to the lead
 * and every other school joined to a hub of its own community (or, where allowed, to the lead directly), within
 * the caller's travel limits and size bounds, at the least weighted travel of the links — a two-level
 * hierarchical location model (Şahin & Süral 2007, "A review of hierarchical facility location models",
 * *Computers & Operations Research* 34(8)), exact on HiGHS.
 *
 * Symbols: schools s; L_l = 1 when l leads a community (eligible schools only); a_hl = 1 when h is a hub of
 * lead l (hub-eligible h, within the lead–hub limit); b_mh = 1 when m is a member under hub h (within the
 * hub–member limit); d_ml = 1 when m joins lead l directly (when allowed, within the lead–hub limit); w_ml = 1
 * when member m (under a hub) is in l's community. p_s pupils, c the link weights × minutes.
 * ```
 * minimise  Σ c_hl a_hl + Σ c_mh b_mh + Σ c_ml d_ml
 * s.t.      L_s + Σ_l a_sl + Σ_h b_sh + Σ_l d_sl = 1         every school has one role
 *           a_hl ≤ L_l,  d_ml ≤ L_l,  b_mh ≤ Σ_l a_hl         links go to leads and hubs that are
 *           Σ_l w_ml = Σ_h b_mh,  w_ml ≥ b_mh + a_hl − 1       a member is in its hub's community
 *           k_min ≤ Σ L ≤ k_max                              the number of communities
 *           size bounds on 1 + Σ_h a_hl + Σ_m (w_ml + d_ml) and on pupils, times L_l
 * ```
 * @module
 */
import { costOf, type CostMatrix } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import { checkSchoolIds, checkTravelMinutes } from "./checks.ts";
import { LinearModelBuilder } from "../solvers/linearModel.ts";
import type { SolveOptions } from "../solvers/options.ts";
import { solveLinearModel } from "../solvers/solve.ts";
import type { SolveStatistics, SolveStatus } from "../solution.ts";

/** A school to group. */
export interface CommunitySchool {
  /** School id. */
  readonly id: string;
  /** Pupils (for the pupil bounds and the weights). Default 0. */
  readonly pupils?: number;
  /** May lead a community (a strong urban public school). Default false. */
  readonly leadEligible?: boolean;
  /** Must lead a community. Default false. */
  readonly leadRequired?: boolean;
  /** May be a township hub (the "three schools"). Default false. */
  readonly hubEligible?: boolean;
}

/** Options of {@link formCommunities}. */
export interface CommunityOptions extends Pick<SolveOptions, "solver" | "timeLimitSeconds" | "signal" | "mipRelativeGap"> {
  /** Teachers' one-way minutes between schools, rows and columns the schools in order (a square matrix in minutes). */
  readonly travelMinutes: CostMatrix;
  /** Exactly this many communities. */
  readonly k?: number;
  /** At least this many communities (with `k` unset). Default 1. */
  readonly minK?: number;
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
   * `conflict` (the rules together: counts, sizes and limits).
   */
  readonly code: "noLead" | "unreachable" | "conflict";
  /** One English sentence with the numbers. */
  readonly message: string;
  /** The schools concerned. */
  readonly schools: readonly string[];
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
  /** The backend, seconds and the model's size. */
  readonly statistics: SolveStatistics;
}

interface Checked {
  readonly n: number;
  readonly pupils: Float64Array;
  readonly lead: Uint8Array;
  readonly required: Uint8Array;
  readonly hub: Uint8Array;
  readonly kMin: number;
  readonly kMax: number;
  readonly leadHub: number;
  readonly hubMember: number;
  readonly minSchools: number;
  readonly maxSchools: number;
  readonly minPupils: number;
  readonly maxPupils: number;
}

function limitOption(options: CommunityOptions, name: keyof CommunityOptions, fallback: number, atLeast: number): number {
  const value = options[name] ?? fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < atLeast) throw new InputError({ source: "options", field: name, value }, `must be a number ≥ ${atLeast}`);
  return value;
}

function check(schools: readonly CommunitySchool[], options: CommunityOptions): Checked {
  if (!Array.isArray(schools) || schools.length === 0) throw new InputError({ source: "schools", field: "schools", value: schools }, "must be a non-empty array of schools");
  checkSchoolIds(schools, "schools");
  const n = schools.length;
  const pupils = new Float64Array(n);
  const lead = new Uint8Array(n);
  const required = new Uint8Array(n);
  const hub = new Uint8Array(n);
  schools.forEach((school, index) => {
    const p = school.pupils ?? 0;
    if (typeof p !== "number" || !Number.isFinite(p) || p < 0) throw new InputError({ source: "schools", index, id: school.id, field: "pupils", value: p }, "must be a finite number ≥ 0");
    pupils[index] = p;
    for (const flag of ["leadEligible", "leadRequired", "hubEligible"] as const) {
      if (school[flag] !== undefined && typeof school[flag] !== "boolean") throw new InputError({ source: "schools", index, id: school.id, field: flag, value: school[flag] }, "must be true or false");
    }
    required[index] = school.leadRequired === true ? 1 : 0;
    lead[index] = school.leadEligible === true || school.leadRequired === true ? 1 : 0;
    hub[index] = school.hubEligible === true ? 1 : 0;
  });
  checkTravelMinutes(options?.travelMinutes, n, n, { required: "a square cost matrix in minutes between the schools", shape: "be square over the schools" });
  if (options.k !== undefined && (!Number.isInteger(options.k) || options.k < 1)) throw new InputError({ source: "options", field: "k", value: options.k }, "must be a whole number ≥ 1");
  if (options.minK !== undefined && (!Number.isInteger(options.minK) || options.minK < 1)) throw new InputError({ source: "options", field: "minK", value: options.minK }, "must be a whole number ≥ 1");
  if (options.k !== undefined && options.minK !== undefined) throw new InputError({ source: "options", field: "minK", value: options.minK }, "goes with k unset: give k (exactly) or minK (at least)");
  if (options.linkWeight !== undefined && typeof options.linkWeight !== "function") throw new InputError({ source: "options", field: "linkWeight", value: options.linkWeight }, "must be a function (from, to) → weight");
  const minSchools = limitOption(options, "minSchools", 1, 1);
  const maxSchools = limitOption(options, "maxSchools", Infinity, 1);
  const minPupils = limitOption(options, "minPupils", 0, 0);
  const maxPupils = limitOption(options, "maxPupils", Infinity, 0);
  if (maxSchools < minSchools) throw new InputError({ source: "options", field: "maxSchools", value: maxSchools }, `must be at least minSchools (${minSchools})`);
  if (maxPupils < minPupils) throw new InputError({ source: "options", field: "maxPupils", value: maxPupils }, `must be at least minPupils (${minPupils})`);
  return {
    n, pupils, lead, required, hub,
    kMin: options.k ?? options.minK ?? 1,
    kMax: options.k ?? n,
    leadHub: limitOption(options, "maxLeadHubMinutes", Infinity, 0),
    hubMember: limitOption(options, "maxHubMemberMinutes", Infinity, 0),
    minSchools, maxSchools, minPupils, maxPupils,
  };
}

/** The links within the limits: lead → hub, hub → member, lead → direct member (indices into the schools). */
interface Links {
  readonly leadHub: [l: number, h: number, minutes: number][];
  readonly hubMember: [h: number, m: number, minutes: number][];
  readonly direct: [l: number, m: number, minutes: number][];
}

function links(c: Checked, matrix: CostMatrix, allowDirect: boolean): Links {
  const result: Links = { leadHub: [], hubMember: [], direct: [] };
  const minutes = (a: number, b: number): number => costOf(matrix, a, b);
  for (let a = 0; a < c.n; a++) for (let b = 0; b < c.n; b++) {
    if (a === b) continue;
    const t = minutes(a, b);
    if (t === Infinity) continue;
    if (c.lead[a] === 1 && c.hub[b] === 1 && t <= c.leadHub) result.leadHub.push([a, b, t]);
    if (c.hub[a] === 1 && t <= c.hubMember && c.required[b] === 0) result.hubMember.push([a, b, t]);
    if (allowDirect && c.lead[a] === 1 && t <= c.leadHub && c.required[b] === 0) result.direct.push([a, b, t]);
  }
  return result;
}

/** The reasons found before solving: too few leads, and schools nothing can take. */
function obviousReasons(schools: readonly CommunitySchool[], c: Checked, l: Links): CommunityReason[] {
  const reasons: CommunityReason[] = [];
  const leads = c.lead.reduce((sum, x) => sum + x, 0);
  const required = c.required.reduce((sum, x) => sum + x, 0);
  if (leads < c.kMin) reasons.push({ code: "noLead", message: `${c.kMin} communities need ${c.kMin} leads; ${leads} schools may lead`, schools: [] });
  if (required > c.kMax) reasons.push({ code: "noLead", message: `${required} schools must lead, more than the ${c.kMax} communities asked for`, schools: schools.filter((_, s) => c.required[s] === 1).map((s) => s.id) });
  const canBeHub = new Uint8Array(c.n);
  for (const [, h] of l.leadHub) canBeHub[h] = 1;
  const takenBy = new Uint8Array(c.n);
  for (const [h, m] of l.hubMember) if (canBeHub[h] === 1) takenBy[m] = 1;
  for (const [, m] of l.direct) takenBy[m] = 1;
  const stranded = schools.filter((_, s) => c.lead[s] === 0 && canBeHub[s] === 0 && takenBy[s] === 0);
  for (const school of stranded) {
    reasons.push({ code: "unreachable", message: `${school.id}: may not lead, and no hub that a lead reaches is within ${c.hubMember === Infinity ? "reach" : `${c.hubMember} min`} of it${c.leadHub === Infinity ? "" : ` (leads join hubs within ${c.leadHub} min)`}`, schools: [school.id] });
  }
  return reasons;
}

/**
 * Forms urban–rural education communities (see the module documentation): every school in exactly one
 * community, with one lead each (from the schools marked `leadEligible`, those `leadRequired` always leading), hubs
 * from the `hubEligible` schools joined to their lead within `maxLeadHubMinutes`, every other school joined to a hub
 * of its community within `maxHubMemberMinutes` (or to its lead directly with `allowDirect`), `k` communities
 * exactly or at least `minK`, sizes within `minSchools`–`maxSchools` schools and `minPupils`–`maxPupils` pupils, at
 * the least Σ `linkWeight` × minutes of the links. Exact on HiGHS: proven optimal, or a proven gap under a time
 * limit, or infeasible with the reasons found in numbers.
 * @param schools - the schools with their pupils and eligibility (the travel matrix's rows and columns, in order)
 * @param options - `travelMinutes` (required), counts, limits, sizes, link weights, solver options
 * @returns status, objective, bound, gap, the communities, each school's role, reasons
 * @throws InputError on a missing or repeated id, bad pupils or flags, a matrix of another shape or unit, bad
 *   counts or bounds (naming the option and the value)
 * @throws SolverError when the backend fails
 */
export async function formCommunities(schools: readonly CommunitySchool[], options: CommunityOptions): Promise<CommunityPlan> {
  const started = performance.now();
  const c = check(schools, options);
  const l = links(c, options.travelMinutes, options.allowDirect === true);
  const seconds = (): number => (performance.now() - started) / 1000;
  const none = { objective: null, bound: null, gap: null, communities: [], memberships: [] };
  const early = obviousReasons(schools, c, l);
  if (early.length > 0) return { status: "infeasible", ...none, reasons: early, statistics: { solver: "none", seconds: seconds(), variables: 0, constraints: 0 } };
  const weight = options.linkWeight ?? (() => 1);
  const cost = (from: number, to: number, minutes: number): number => {
    const w = weight(from, to);
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw new InputError({ source: "linkWeight", field: `link (${schools[from]!.id} → ${schools[to]!.id})`, value: w }, "must be a finite number ≥ 0");
    return w * minutes;
  };

  const builder = new LinearModelBuilder("minimize");
  const n = c.n;
  const L = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) if (c.lead[s] === 1) L[s] = builder.addColumn(0, c.required[s]!, 1, true);
  const a = l.leadHub.map(([from, to, t]) => builder.addColumn(cost(from, to, t), 0, 1, true));
  const b = l.hubMember.map(([from, to, t]) => builder.addColumn(cost(from, to, t), 0, 1, true));
  const d = l.direct.map(([from, to, t]) => builder.addColumn(cost(from, to, t), 0, 1, true));
  // w_ml: member m (under a hub) in the community of lead l.
  const leads = Array.from({ length: n }, (_, s) => s).filter((s) => c.lead[s] === 1);
  const memberable = new Uint8Array(n);
  for (const [, m] of l.hubMember) memberable[m] = 1;
  const w = new Map<number, number>();
  for (let m = 0; m < n; m++) if (memberable[m] === 1) for (const lead of leads) if (lead !== m) w.set(m * n + lead, builder.addColumn(0, 0, 1, false));
  // One role each.
  const roleColumns: number[][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < n; s++) if (L[s]! >= 0) roleColumns[s]!.push(L[s]!);
  l.leadHub.forEach(([, h], k) => roleColumns[h]!.push(a[k]!));
  l.hubMember.forEach(([, m], k) => roleColumns[m]!.push(b[k]!));
  l.direct.forEach(([, m], k) => roleColumns[m]!.push(d[k]!));
  for (const columns of roleColumns) builder.addRow(columns, columns.map(() => 1), 1, 1);
  // Links go to leads and to hubs.
  l.leadHub.forEach(([lead], k) => builder.addRow([a[k]!, L[lead]!], [1, -1], -Infinity, 0));
  l.direct.forEach(([lead], k) => builder.addRow([d[k]!, L[lead]!], [1, -1], -Infinity, 0));
  const hubAttachments: number[][] = Array.from({ length: n }, () => []);
  l.leadHub.forEach(([, h], k) => hubAttachments[h]!.push(a[k]!));
  l.hubMember.forEach(([h], k) => builder.addRow([b[k]!, ...hubAttachments[h]!], [1, ...hubAttachments[h]!.map(() => -1)], -Infinity, 0));
  // A member under a hub is in exactly its hub's community.
  for (let m = 0; m < n; m++) {
    if (memberable[m] !== 1) continue;
    const ws = leads.filter((lead) => lead !== m).map((lead) => w.get(m * n + lead)!);
    const bs = l.hubMember.flatMap(([, to], k) => (to === m ? [b[k]!] : []));
    builder.addRow([...ws, ...bs], [...ws.map(() => 1), ...bs.map(() => -1)], 0, 0);
  }
  l.hubMember.forEach(([h, m], k) => {
    l.leadHub.forEach(([lead, hub], j) => {
      if (hub !== h || lead === m) return;
      builder.addRow([w.get(m * n + lead)!, b[k]!, a[j]!], [1, -1, -1], -1, Infinity);
    });
  });
  // The number of communities.
  builder.addRow(leads.map((s) => L[s]!), leads.map(() => 1), c.kMin, c.kMax);
  // Sizes: schools and pupils of each lead's community, within the bounds when it leads.
  for (const lead of leads) {
    const columns: number[] = [L[lead]!];
    const counts: number[] = [1];
    const pupils: number[] = [c.pupils[lead]!];
    l.leadHub.forEach(([from, h], k) => { if (from === lead) { columns.push(a[k]!); counts.push(1); pupils.push(c.pupils[h]!); } });
    l.direct.forEach(([from, m], k) => { if (from === lead) { columns.push(d[k]!); counts.push(1); pupils.push(c.pupils[m]!); } });
    for (let m = 0; m < n; m++) { const column = w.get(m * n + lead); if (column !== undefined) { columns.push(column); counts.push(1); pupils.push(c.pupils[m]!); } }
    const big = n;
    const bigPupils = c.pupils.reduce((sum, p) => sum + p, 0);
    // minSchools·L ≤ size ≤ maxSchools·L (a school that does not lead has no community: size 0 then).
    builder.addRow([...columns], [...counts.map((x, k) => (k === 0 ? x - c.minSchools : x))], 0, Infinity);
    if (c.maxSchools < big) builder.addRow([...columns], [...counts.map((x, k) => (k === 0 ? x - c.maxSchools : x))], -Infinity, 0);
    if (c.minPupils > 0) builder.addRow([...columns], [...pupils.map((x, k) => (k === 0 ? x - c.minPupils : x))], 0, Infinity);
    if (c.maxPupils < bigPupils) builder.addRow([...columns], [...pupils.map((x, k) => (k === 0 ? x - c.maxPupils : x))], -Infinity, 0);
  }
  const model = builder.build();
  const result = await solveLinearModel(model, {
    ...(options.solver === undefined ? {} : { solver: options.solver }),
    ...(options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.mipRelativeGap === undefined ? {} : { mipRelativeGap: options.mipRelativeGap }),
  });
  const statistics = { solver: result.solver, seconds: seconds(), variables: model.columnCount, constraints: model.rowCount };
  if (result.status === "infeasible") {
    const conflict = `no grouping meets the rules together: ${c.kMin === c.kMax ? `${c.kMin}` : `${c.kMin}–${c.kMax}`} communities, ${c.minSchools}–${c.maxSchools} schools and ${c.minPupils}–${c.maxPupils} pupils each, links within ${c.leadHub} min (lead → hub) and ${c.hubMember} min (hub → member)`;
    return { status: "infeasible", ...none, reasons: [{ code: "conflict", message: conflict, schools: [] }], statistics };
  }
  if (result.values === null) return { status: result.status, ...none, bound: result.bound, reasons: [], statistics };
  const values = result.values;
  const on = (column: number): boolean => values[column]! > 0.5;
  const leadOf = new Int32Array(n).fill(-1);
  const hubOf = new Int32Array(n).fill(-1);
  const up = new Float64Array(n);
  const role: ("lead" | "hub" | "member")[] = new Array(n);
  for (let s = 0; s < n; s++) if (L[s]! >= 0 && on(L[s]!)) { leadOf[s] = s; role[s] = "lead"; }
  l.leadHub.forEach(([lead, h, t], k) => { if (on(a[k]!)) { leadOf[h] = lead; role[h] = "hub"; up[h] = t; } });
  l.direct.forEach(([lead, m, t], k) => { if (on(d[k]!)) { leadOf[m] = lead; role[m] = "member"; up[m] = t; } });
  l.hubMember.forEach(([h, m, t], k) => { if (on(b[k]!)) { hubOf[m] = h; role[m] = "member"; up[m] = t; } });
  for (let m = 0; m < n; m++) if (hubOf[m]! >= 0) leadOf[m] = leadOf[hubOf[m]!]!;
  let objective = 0;
  for (let k = 0; k < a.length; k++) if (on(a[k]!)) objective += cost(l.leadHub[k]![0], l.leadHub[k]![1], l.leadHub[k]![2]);
  for (let k = 0; k < b.length; k++) if (on(b[k]!)) objective += cost(l.hubMember[k]![0], l.hubMember[k]![1], l.hubMember[k]![2]);
  for (let k = 0; k < d.length; k++) if (on(d[k]!)) objective += cost(l.direct[k]![0], l.direct[k]![1], l.direct[k]![2]);
  const memberships: CommunityMembership[] = schools.map((school, s) => ({
    school: school.id,
    community: schools[leadOf[s]!]!.id,
    role: role[s]!,
    hub: hubOf[s]! >= 0 ? schools[hubOf[s]!]!.id : null,
    lead: schools[leadOf[s]!]!.id,
    linkMinutes: up[s]!,
  }));
  const communities: Community[] = leads.filter((s) => leadOf[s] === s).map((lead) => {
    const inIt = memberships.map((_, s) => s).filter((s) => leadOf[s] === lead);
    return {
      lead: schools[lead]!.id,
      hubs: inIt.filter((s) => role[s] === "hub").map((s) => schools[s]!.id),
      members: inIt.filter((s) => role[s] === "member").map((s) => schools[s]!.id),
      schools: inIt.length,
      pupils: inIt.reduce((sum, s) => sum + c.pupils[s]!, 0),
      linkMinutes: inIt.reduce((sum, s) => sum + up[s]!, 0),
      longestLinkMinutes: Math.max(0, ...inIt.map((s) => up[s]!)),
    };
  });
  const bound = result.bound;
  const gap = bound === null ? null : Math.abs(objective - bound) / Math.max(Math.abs(objective), 1e-10);
  const status: SolveStatus = result.status === "optimal" && gap !== null && gap > 1e-6 && Math.abs(objective - bound!) > 1e-6 ? "feasible" : result.status;
  return { status, objective, bound, gap, communities, memberships, reasons: [], statistics };
}
