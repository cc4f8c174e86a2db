/**
 * The mixed-integer model of {@link formCommunities} (its formulation is in that module's documentation): the
 * links within the limits, and the columns and rows on a {@link LinearModelBuilder}.
 * @module
 */
import { costOf, type CostMatrix } from "../costMatrix.ts";
import { LinearModelBuilder, type LinearModel } from "../solvers/linearModel.ts";
import type { CheckedCommunities } from "./communityInput.ts";

/** The links within the limits: lead → hub, hub → member, lead → direct member (indices into the schools). */
export interface CommunityLinks {
  readonly leadHub: readonly (readonly [l: number, h: number, minutes: number])[];
  readonly hubMember: readonly (readonly [h: number, m: number, minutes: number])[];
  readonly direct: readonly (readonly [l: number, m: number, minutes: number])[];
}

/**
 * The links the limits and the levels allow.
 * @param c - the checked input
 * @param matrix - teachers' minutes
 * @param allowDirect - members may join a lead directly
 */
export function communityLinks(c: CheckedCommunities, matrix: CostMatrix, allowDirect: boolean): CommunityLinks {
  const leadHub: [number, number, number][] = [];
  const hubMember: [number, number, number][] = [];
  const direct: [number, number, number][] = [];
  for (let a = 0; a < c.n; a++) for (let b = 0; b < c.n; b++) {
    if (a === b || !c.shareLevel(a, b)) continue;
    const t = costOf(matrix, a, b);
    if (t === Infinity) continue;
    if (c.lead[a] === 1 && c.hub[b] === 1 && t <= c.leadHub) leadHub.push([a, b, t]);
    if (c.hub[a] === 1 && t <= c.hubMember && c.required[b] === 0) hubMember.push([a, b, t]);
    if (allowDirect && c.lead[a] === 1 && t <= c.leadHub && c.required[b] === 0) direct.push([a, b, t]);
  }
  return { leadHub, hubMember, direct };
}

/** A contiguity cut: school `school` is in lead `lead`'s community only if one of `boundary` is too. */
export interface ContiguityCut {
  readonly lead: number;
  readonly school: number;
  readonly boundary: readonly number[];
}

/** What a solve of the model asks for. */
export interface CommunityModelGoal {
  /** `travel`: the least Σ cost of the links; `count`: the fewest communities. */
  readonly objective: "travel" | "count";
  /** The number of communities, fewest and most. */
  readonly kMin: number;
  /** See `kMin`. */
  readonly kMax: number;
  /** Contiguity cuts found so far. */
  readonly cuts: readonly ContiguityCut[];
}

/** The model and where its columns are. */
export interface CommunityModel {
  readonly model: LinearModel;
  /** L_s by school (−1 where the school may not lead). */
  readonly L: Int32Array;
  /** Columns of the links, in the order of {@link CommunityLinks}. */
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly d: readonly number[];
  /** The schools that may lead. */
  readonly leads: readonly number[];
}

/**
 * Builds the model.
 * @param c - the checked input
 * @param l - the links
 * @param cost - the objective coefficient of each link (weight × minutes)
 * @param goal - objective, count bounds and cuts
 */
export function buildCommunityModel(c: CheckedCommunities, l: CommunityLinks, cost: (from: number, to: number, minutes: number) => number, goal: CommunityModelGoal): CommunityModel {
  const travel = goal.objective === "travel";
  const builder = new LinearModelBuilder("minimize");
  const n = c.n;
  const L = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) if (c.lead[s] === 1) L[s] = builder.addColumn(travel ? 0 : 1, c.required[s]!, 1, true);
  const a = l.leadHub.map(([from, to, t]) => builder.addColumn(travel ? cost(from, to, t) : 0, 0, 1, true));
  const b = l.hubMember.map(([from, to, t]) => builder.addColumn(travel ? cost(from, to, t) : 0, 0, 1, true));
  const d = l.direct.map(([from, to, t]) => builder.addColumn(travel ? cost(from, to, t) : 0, 0, 1, true));
  const leads = Array.from({ length: n }, (_, s) => s).filter((s) => c.lead[s] === 1);
  // w_ml: member m (under a hub) in the community of lead l; only where m shares a level with l.
  const memberable = new Uint8Array(n);
  for (const [, m] of l.hubMember) memberable[m] = 1;
  const w = new Map<number, number>();
  for (let m = 0; m < n; m++) if (memberable[m] === 1) for (const lead of leads) if (lead !== m && c.shareLevel(m, lead)) w.set(m * n + lead, builder.addColumn(0, 0, 1, false));
  // z_sl, school s in lead l's community, as a sum of columns.
  const z: Map<number, number[]> = new Map();
  const addZ = (s: number, lead: number, column: number): void => {
    const key = s * n + lead;
    const list = z.get(key) ?? [];
    list.push(column);
    z.set(key, list);
  };
  for (const lead of leads) addZ(lead, lead, L[lead]!);
  l.leadHub.forEach(([lead, h], k) => addZ(h, lead, a[k]!));
  l.direct.forEach(([lead, m], k) => addZ(m, lead, d[k]!));
  for (const [key, column] of w) addZ(Math.floor(key / n), key % n, column);
  const zOf = (s: number, lead: number): readonly number[] => z.get(s * n + lead) ?? [];
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
  const into: number[][] = Array.from({ length: n }, () => []);
  l.hubMember.forEach(([, m], k) => into[m]!.push(b[k]!));
  for (let m = 0; m < n; m++) {
    if (memberable[m] !== 1) continue;
    const ws = leads.flatMap((lead) => { const column = w.get(m * n + lead); return column === undefined ? [] : [column]; });
    builder.addRow([...ws, ...into[m]!], [...ws.map(() => 1), ...into[m]!.map(() => -1)], 0, 0);
  }
  l.hubMember.forEach(([h, m], k) => {
    l.leadHub.forEach(([lead, hub], j) => {
      if (hub !== h || lead === m) return;
      const column = w.get(m * n + lead);
      // Without a w column m may not be in lead's community: the hub link and the member link exclude each other.
      if (column === undefined) builder.addRow([b[k]!, a[j]!], [1, 1], -Infinity, 1);
      else builder.addRow([column, b[k]!, a[j]!], [1, -1, -1], -1, Infinity);
    });
  });
  // The number of communities.
  builder.addRow(leads.map((s) => L[s]!), leads.map(() => 1), goal.kMin, goal.kMax);
  // Sizes: schools and pupils of each lead's community, within the bounds when it leads.
  const totalPupils = c.pupils.reduce((sum, p) => sum + p, 0);
  for (const lead of leads) {
    const columns: number[] = [L[lead]!];
    const pupils: number[] = [c.pupils[lead]!];
    for (let s = 0; s < n; s++) if (s !== lead) for (const column of zOf(s, lead)) { columns.push(column); pupils.push(c.pupils[s]!); }
    const withLead = (coefficients: readonly number[], bound: number): number[] => coefficients.map((x, k) => (k === 0 ? x - bound : x));
    const ones = columns.map(() => 1);
    // minSchools·L ≤ size ≤ maxSchools·L (a school that does not lead has no community: size 0 then).
    if (c.minSchools > 1) builder.addRow(columns, withLead(ones, c.minSchools), 0, Infinity);
    if (c.maxSchools < n) builder.addRow(columns, withLead(ones, c.maxSchools), -Infinity, 0);
    if (c.minPupils > 0) builder.addRow(columns, withLead(pupils, c.minPupils), 0, Infinity);
    if (c.maxPupils < totalPupils) builder.addRow(columns, withLead(pupils, c.maxPupils), -Infinity, 0);
  }
  // Townships kept whole: z_sl = z_tl for the schools s, t of one township.
  for (const { schools } of c.townships) {
    const [first, ...rest] = schools;
    for (const lead of leads) for (const s of rest) {
      const zs = zOf(s, lead);
      const zf = zOf(first!, lead);
      if (zs.length === 0 && zf.length === 0) continue;
      builder.addRow([...zs, ...zf], [...zs.map(() => 1), ...zf.map(() => -1)], 0, 0);
    }
  }
  // Contiguity cuts: z_{school,lead} ≤ Σ_{c ∈ boundary} z_{c,lead}.
  for (const cut of goal.cuts) {
    const own = zOf(cut.school, cut.lead);
    if (own.length === 0) continue;
    const around = cut.boundary.flatMap((s) => zOf(s, cut.lead));
    builder.addRow([...own, ...around], [...own.map(() => 1), ...around.map(() => -1)], -Infinity, 0);
  }
  return { model: builder.build(), L, a, b, d, leads };
}
