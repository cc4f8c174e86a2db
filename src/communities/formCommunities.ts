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
 * Optional rules, on the same community indicator z_sl (L_l for the lead, a_sl, d_sl or w_sl):
 * - townships kept whole: z_sl = z_tl for every two schools s, t of one township;
 * - levels matched: links, and a member's community, only between schools sharing a level (w_ml exists only
 *   where m and l share one; otherwise b_mh + a_hl ≤ 1);
 * - contiguity on a neighbour graph: each community connected, by the cut z_al ≤ Σ_{c ∈ N(C)} z_cl for every
 *   school a of a piece C of a community cut off from its lead l (N(C): C's neighbours outside it), the model
 *   solved again until every community is connected — valid for every connected grouping, so the answer is exact;
 *   the cuts are the vertex-separator inequalities of contiguous districting (Validi, Buchanan & Lykhovyd 2022,
 *   "Imposing contiguity constraints in political districting models", *Operations Research* 70(2));
 * - the fewest communities: min Σ L first, then the least travel with Σ L fixed at that count.
 * @module
 */
import { InputError } from "../errors.ts";
import type { LinearResult } from "../solvers/options.ts";
import { solveLinearModel } from "../solvers/solve.ts";
import type { SolveStatistics, SolveStatus } from "../solution.ts";
import { checkCommunities, type CheckedCommunities } from "./communityInput.ts";
import { buildCommunityModel, communityLinks, type CommunityLinks, type CommunityModel, type CommunityModelGoal, type ContiguityCut } from "./communityModel.ts";
import { conflictReason, obviousReasons } from "./communityReasons.ts";
import type { Community, CommunityMembership, CommunityOptions, CommunityPlan, CommunitySchool, FewestCommunities } from "./communityTypes.ts";

export type { Community, CommunityMembership, CommunityOptions, CommunityPlan, CommunityReason, CommunitySchool, FewestCommunities } from "./communityTypes.ts";

/** Contiguity rounds before giving up (each adds the cuts of every disconnected community). */
const MAX_CONTIGUITY_ROUNDS = 200;

/** Each school's lead (−1 for none), hub (−1 for none), role and link minutes in a solution. */
interface Reading {
  readonly leadOf: Int32Array;
  readonly hubOf: Int32Array;
  readonly role: ("lead" | "hub" | "member")[];
  readonly up: Float64Array;
  readonly objective: number;
}

function read(c: CheckedCommunities, l: CommunityLinks, built: CommunityModel, values: ArrayLike<number>, cost: (from: number, to: number, minutes: number) => number): Reading {
  const n = c.n;
  const on = (column: number): boolean => values[column]! > 0.5;
  const leadOf = new Int32Array(n).fill(-1);
  const hubOf = new Int32Array(n).fill(-1);
  const up = new Float64Array(n);
  const role: ("lead" | "hub" | "member")[] = new Array(n);
  let objective = 0;
  for (let s = 0; s < n; s++) if (built.L[s]! >= 0 && on(built.L[s]!)) { leadOf[s] = s; role[s] = "lead"; }
  l.leadHub.forEach(([lead, h, t], k) => { if (on(built.a[k]!)) { leadOf[h] = lead; role[h] = "hub"; up[h] = t; objective += cost(lead, h, t); } });
  l.direct.forEach(([lead, m, t], k) => { if (on(built.d[k]!)) { leadOf[m] = lead; role[m] = "member"; up[m] = t; objective += cost(lead, m, t); } });
  l.hubMember.forEach(([h, m, t], k) => { if (on(built.b[k]!)) { hubOf[m] = h; role[m] = "member"; up[m] = t; objective += cost(h, m, t); } });
  for (let m = 0; m < n; m++) if (hubOf[m]! >= 0) leadOf[m] = leadOf[hubOf[m]!]!;
  return { leadOf, hubOf, role, up, objective };
}

/** The cuts for every piece of a community that its neighbours do not connect to its lead (none: all connected). */
function contiguityCuts(c: CheckedCommunities, leadOf: Int32Array): ContiguityCut[] {
  const graph = c.neighbours;
  if (graph === null) return [];
  const cuts: ContiguityCut[] = [];
  const seen = new Uint8Array(c.n);
  const piece = (start: number, lead: number): number[] => {
    const found = [start];
    seen[start] = 1;
    for (let k = 0; k < found.length; k++) for (const next of graph[found[k]!]!) if (seen[next] === 0 && leadOf[next] === lead) { seen[next] = 1; found.push(next); }
    return found;
  };
  for (let s = 0; s < c.n; s++) if (leadOf[s] === s) piece(s, s);
  for (let s = 0; s < c.n; s++) {
    if (seen[s] === 1 || leadOf[s]! < 0) continue;
    const lead = leadOf[s]!;
    const cut = piece(s, lead);
    const inCut = new Set(cut);
    const boundary = [...new Set(cut.flatMap((a) => graph[a]!.filter((b) => !inCut.has(b))))];
    for (const school of cut) cuts.push({ lead, school, boundary });
  }
  return cuts;
}

/**
 * Forms urban–rural education communities (see the module documentation): every school in exactly one
 * community, with one lead each (from the schools marked `leadEligible`, those `leadRequired` always leading), hubs
 * from the `hubEligible` schools joined to their lead within `maxLeadHubMinutes`, every other school joined to a hub
 * of its community within `maxHubMemberMinutes` (or to its lead directly with `allowDirect`), `k` communities
 * exactly, at least `minK`, or the `fewest`; sizes within `minSchools`–`maxSchools` schools and
 * `minPupils`–`maxPupils` pupils; optionally townships kept whole, links within a level and contiguity on a
 * neighbour graph; at the least Σ `linkWeight` × minutes of the links. Exact on HiGHS: proven optimal, or a proven
 * gap under a time limit, or infeasible with the reasons found in numbers.
 * @param schools - the schools with their pupils, eligibility, townships and levels (the travel matrix's rows and
 *   columns, in order); not mutated
 * @param options - `travelMinutes` (required), counts, limits, sizes, rules, link weights, solver options
 *   (`timeLimitSeconds` covers every solve: the count, and each round of contiguity cuts)
 * @returns status, objective, bound, gap, the communities, each school's role, reasons, and with `fewest` the
 *   count's proof, with `neighbours` the cuts added
 * @throws InputError on an unknown option or school field, a missing or repeated id, bad pupils, flags, townships or levels, a neighbour naming no
 *   school or pairing one with itself, a matrix of another shape or unit, bad counts or bounds (naming the option and the value)
 * @throws SolverError when the backend fails
 * @example
 * ```ts
 * const plan = await formCommunities(schools, { travelMinutes, minK: 5, maxLeadHubMinutes: 90, maxHubMemberMinutes: 30 });
 * ```
 */
export async function formCommunities(schools: readonly CommunitySchool[], options: CommunityOptions): Promise<CommunityPlan> {
  const started = performance.now();
  const c = checkCommunities(schools, options);
  const allowDirect = options.allowDirect === true;
  const l = communityLinks(c, options.travelMinutes, allowDirect);
  const seconds = (): number => (performance.now() - started) / 1000;
  const none = { objective: null, bound: null, gap: null, communities: [], memberships: [] };
  const early = obviousReasons(schools, c, l, options.travelMinutes, allowDirect);
  if (early.length > 0) return { status: "infeasible", ...none, reasons: early, statistics: { solver: "none", seconds: seconds(), variables: 0, constraints: 0 } };
  const weight = options.linkWeight ?? (() => 1);
  const cost = (from: number, to: number, minutes: number): number => {
    const w = weight(from, to);
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw new InputError({ source: "linkWeight", field: `link (${schools[from]!.id} → ${schools[to]!.id})`, value: w }, "must be a finite number ≥ 0");
    return w * minutes;
  };
  const deadline = options.timeLimitSeconds === undefined ? Infinity : performance.now() + options.timeLimitSeconds * 1000;
  const cuts: ContiguityCut[] = [];
  let statistics: SolveStatistics = { solver: "none", seconds: 0, variables: 0, constraints: 0 };
  const rules = { townships: c.townships.length > 0, levels: options.matchLevels === true, contiguity: c.neighbours !== null };
  const extras = (fewest: FewestCommunities | undefined) => ({ ...(fewest === undefined ? {} : { fewest }), ...(c.neighbours === null ? {} : { contiguityCuts: cuts.length }) });
  const infeasible = (fewest?: FewestCommunities): CommunityPlan => ({ status: "infeasible", ...none, reasons: [conflictReason(c, rules)], ...extras(fewest), statistics });

  // One solve of a goal, with the contiguity rounds: the solution (read) once every community is connected.
  const solve = async (goal: Omit<CommunityModelGoal, "cuts">): Promise<{ result: LinearResult; reading: Reading | null }> => {
    for (let round = 0; ; round++) {
      const built = buildCommunityModel(c, l, cost, { ...goal, cuts });
      const remaining = (deadline - performance.now()) / 1000;
      const result = await solveLinearModel(built.model, {
        ...(options.solver === undefined ? {} : { solver: options.solver }),
        ...(deadline === Infinity ? {} : { timeLimitSeconds: Math.max(remaining, 0.5) }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.mipRelativeGap === undefined ? {} : { mipRelativeGap: options.mipRelativeGap }),
      });
      statistics = { solver: result.solver, seconds: seconds(), variables: built.model.columnCount, constraints: built.model.rowCount };
      if (result.values === null) return { result, reading: null };
      const reading = read(c, l, built, result.values, cost);
      const found = contiguityCuts(c, reading.leadOf);
      if (found.length === 0) return { result, reading };
      cuts.push(...found);
      // Out of time or rounds with a disconnected answer: no answer, the bound of the relaxation.
      if (round + 1 >= MAX_CONTIGUITY_ROUNDS || performance.now() >= deadline || options.signal?.aborted === true) return { result: { ...result, status: result.status === "optimal" ? "timeLimit" : result.status, values: null }, reading: null };
    }
  };

  let kMin = c.kMin;
  let kMax = c.kMax;
  let fewest: FewestCommunities | undefined;
  if (c.fewest) {
    const counted = await solve({ objective: "count", kMin, kMax });
    if (counted.result.status === "infeasible") return infeasible();
    if (counted.reading === null) return { status: counted.result.status, ...none, reasons: [], ...extras(undefined), statistics };
    const count = counted.reading.leadOf.reduce((sum, lead, s) => sum + (lead === s ? 1 : 0), 0);
    const bound = counted.result.bound === null ? null : Math.ceil(counted.result.bound - 1e-6);
    fewest = { communities: count, bound, proven: counted.result.status === "optimal" || bound === count };
    kMin = count;
    kMax = count;
  }
  const { result, reading } = await solve({ objective: "travel", kMin, kMax });
  if (result.status === "infeasible") return infeasible(fewest);
  if (reading === null) return { status: result.status, ...none, bound: result.bound, reasons: [], ...extras(fewest), statistics };
  const { leadOf, hubOf, role, up, objective } = reading;
  const memberships: CommunityMembership[] = schools.map((school, s) => ({
    school: school.id,
    community: schools[leadOf[s]!]!.id,
    role: role[s]!,
    hub: hubOf[s]! >= 0 ? schools[hubOf[s]!]!.id : null,
    lead: schools[leadOf[s]!]!.id,
    linkMinutes: up[s]!,
  }));
  const communities: Community[] = Array.from({ length: c.n }, (_, s) => s).filter((s) => leadOf[s] === s).map((lead) => {
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
  const provenCount = fewest === undefined || fewest.proven;
  const optimal = result.status === "optimal" && !(gap !== null && gap > 1e-6 && Math.abs(objective - bound!) > 1e-6);
  const status: SolveStatus = optimal ? (provenCount ? "optimal" : "feasible") : result.status === "optimal" ? "feasible" : result.status;
  return { status, objective, bound, gap, communities, memberships, reasons: [], ...extras(fewest), statistics };
}
