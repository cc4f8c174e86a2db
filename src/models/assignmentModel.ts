/**
 * The assignment formulation shared by p-median, capacitated p-median and fixed-charge facility location:
 * open-site variables y_j, assignment variables x_ij over the allowed pairs only, strong linking rows
 * x_ij ≤ y_j, and optional capacity, p and fixed-cost parts.
 * @module
 */
import { forEachAllowedSite } from "../costMatrix.ts";
import { CompensatedSum } from "../compensatedSum.ts";
import type { Problem } from "../problem.ts";
import type { Allocation, ModelName } from "../solution.ts";
import { SolverError } from "../errors.ts";
import { assertHighsFits, type HighsModelSize } from "../solvers/highsMemory.ts";
import { LinearModelBuilder } from "../solvers/linearModel.ts";
import {
  allocatedCost,
  assignToCheapestOpen,
  assignedWeightedCost,
  openSitesFrom,
  openingCost,
  siteMask,
  splitWeight,
} from "./decode.ts";
import { initialOpenMask, objectiveScaleFor, type BuiltLocationModel, type DecodedSolution } from "./locationModel.ts";
import type { SiteRules } from "./siteRules.ts";
import type { InitialSolution } from "./solveOptions.ts";

/** Which parts of the assignment formulation a model uses. */
export interface AssignmentModelParts {
  /** The model's name. */
  readonly model: Extract<ModelName, "p-median" | "capacitated-p-median" | "fixed-charge">;
  /** Open exactly p sites; undefined for no such row. */
  readonly p?: number;
  /** Respect site capacities Σ_i w_i x_ij ≤ Q_j y_j. */
  readonly capacitated: boolean;
  /** Serve each demand point wholly from one site (x binary); otherwise x is continuous. */
  readonly singleSource: boolean;
  /** Pay each open site's fixed cost f_j in the objective. */
  readonly fixedCosts: boolean;
}

/** The allowed pairs of one linear model: the pairs of point i are `pointStarts[i]` to `pointStarts[i + 1] − 1`. */
interface PairColumns {
  readonly pointStarts: Int32Array;
  readonly sites: number[];
  readonly columns: number[];
}

/** Fraction of a point's weight below which a split share is dropped, and the tolerance of a warm start's capacity check. */
const SHARE_TOLERANCE = 1e-9;

/**
 * The sizes the assignment formulation of {@link buildAssignmentModel} will have, counted from the cost matrix
 * without building anything (one pass over the allowed pairs; capacity rows counted as if every site had one, an
 * upper bound).
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param parts - which parts the model includes
 * @returns the columns, rows and nonzeros, `integer` true (the y_j are binary), and `pairs`, the allowed pairs
 */
export function assignmentModelSize(problem: Problem, rules: SiteRules, parts: AssignmentModelParts): HighsModelSize & { readonly pairs: number } {
  let pairs = 0;
  let pointsWithPairs = 0;
  for (let i = 0; i < problem.demand.length; i++) {
    const weight = problem.demand[i]!.weight;
    if (!(weight > 0)) continue;
    const before = pairs;
    forEachAllowedSite(problem.costs, i, (j) => {
      if (rules.forbidden[j] || (parts.singleSource && parts.capacitated && weight > problem.sites[j]!.capacity)) return;
      pairs++;
    });
    if (pairs > before) pointsWithPairs++;
  }
  const sites = rules.openable.length;
  const pRow = parts.p === undefined ? 0 : 1;
  const capacityRows = parts.capacitated ? sites + 1 : 0;
  const capacityNonzeros = parts.capacitated ? pairs + 2 * sites : 0;
  return {
    columns: sites + pairs,
    rows: pointsWithPairs + pairs + pRow + capacityRows,
    nonzeros: pairs + 2 * pairs + pRow * sites + capacityNonzeros,
    integer: true,
    pairs,
  };
}

/**
 * Refuses, before anything is allocated, an assignment model too large for HiGHS' WebAssembly memory.
 * @throws SolverError naming the model, the demand points × sites, the allowed pairs, the model's sizes and
 *   the memory estimate against the limit (see `assertHighsFits`)
 */
function assertAssignmentModelFits(problem: Problem, rules: SiteRules, parts: AssignmentModelParts): void {
  const size = assignmentModelSize(problem, rules, parts);
  try {
    assertHighsFits(size);
  } catch (error) {
    if (!(error instanceof SolverError)) throw error;
    throw new SolverError(
      `${parts.model} on ${problem.demand.length} demand points × ${problem.sites.length} sites (${size.pairs} allowed pairs), refused before building: ${error.message}${parts.model === "p-median" ? '; or solve it with solver "auto" or "benders" (the p-median engine, which needs no variable per pair)' : ""}`,
    );
  }
}

/**
 * Builds the assignment formulation over the allowed pairs (finite cost, site may open, and for single-source
 * capacitated models w_i ≤ Q_j). Demand points with weight 0 get no variables; they are assigned afterwards to
 * their cheapest open site, which changes neither the objective nor any load.
 *
 * ```
 * minimise   Σ_j f_j y_j [fixed costs] + Σ_(i,j) w_i c_ij x_ij
 * subject to Σ_j x_ij = 1                 every demand point i with w_i > 0
 *            x_ij ≤ y_j                   every allowed pair
 *            Σ_j y_j = p                  [with p]
 *            Σ_i w_i x_ij ≤ Q_j y_j       [capacitated; sites with Q_j below the demand that can reach them]
 *            Σ_j min(Q_j, W) y_j ≥ W      [capacitated; W = total demand]
 *            y_j = 1 (required), y_j absent (forbidden), y binary, x binary [single source] or in [0, 1]
 * ```
 * @param problem - the problem
 * @param rules - required and forbidden sites
 * @param parts - which parts to include
 * @returns the built model, its decoder and warm-start mapping
 * @throws SolverError before building when the model would not fit in HiGHS' WebAssembly memory (sizes counted
 *   by {@link assignmentModelSize})
 */
export function buildAssignmentModel(problem: Problem, rules: SiteRules, parts: AssignmentModelParts): BuiltLocationModel {
  assertAssignmentModelFits(problem, rules, parts);
  const n = problem.demand.length;
  const m = problem.sites.length;
  const capacity = (j: number): number => (parts.capacitated ? problem.sites[j]!.capacity : Infinity);

  // Allowed pairs and the demand that can reach each site.
  const pairs: PairColumns = { pointStarts: new Int32Array(n + 1), sites: [], columns: [] };
  const pairCosts: number[] = [];
  const reachable = problem.sites.map(() => new CompensatedSum());
  const total = new CompensatedSum();
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const weight = problem.demand[i]!.weight;
    pairs.pointStarts[i] = pairs.sites.length;
    if (!(weight > 0)) continue;
    total.add(weight);
    forEachAllowedSite(problem.costs, i, (j, cost) => {
      if (rules.forbidden[j] || (parts.singleSource && weight > capacity(j))) return;
      pairs.sites.push(j);
      pairCosts.push(weight * cost);
      reachable[j]!.add(weight);
      largest = Math.max(largest, weight * cost);
    });
  }
  pairs.pointStarts[n] = pairs.sites.length;
  const totalDemand = total.value;
  if (parts.fixedCosts) for (const j of rules.openable) largest = Math.max(largest, problem.sites[j]!.fixedCost);
  const scale = objectiveScaleFor(largest);

  const builder = new LinearModelBuilder("minimize");
  const siteColumns = new Int32Array(m).fill(-1);
  for (const j of rules.openable) {
    const cost = parts.fixedCosts ? problem.sites[j]!.fixedCost / scale : 0;
    siteColumns[j] = builder.addColumn(cost, rules.required[j] ? 1 : 0, 1, true);
  }
  const integerAssignment = parts.singleSource && parts.capacitated;
  for (let k = 0; k < pairs.sites.length; k++) {
    pairs.columns.push(builder.addColumn(pairCosts[k]! / scale, 0, 1, integerAssignment));
  }
  for (let i = 0; i < n; i++) {
    const from = pairs.pointStarts[i]!;
    const to = pairs.pointStarts[i + 1]!;
    if (to > from) builder.addRow(pairs.columns.slice(from, to), new Array<number>(to - from).fill(1), 1, 1);
  }
  for (let k = 0; k < pairs.sites.length; k++) {
    builder.addRow([pairs.columns[k]!, siteColumns[pairs.sites[k]!]!], [1, -1], -Infinity, 0);
  }
  if (parts.p !== undefined) {
    const columns = rules.openable.map((j) => siteColumns[j]!);
    builder.addRow(columns, new Array<number>(columns.length).fill(1), parts.p, parts.p);
  }
  let capacityBinds = false;
  if (parts.capacitated) {
    const bySite: { columns: number[]; weights: number[] }[] = problem.sites.map(() => ({ columns: [], weights: [] }));
    for (let i = 0; i < n; i++) {
      for (let k = pairs.pointStarts[i]!; k < pairs.pointStarts[i + 1]!; k++) {
        bySite[pairs.sites[k]!]!.columns.push(pairs.columns[k]!);
        bySite[pairs.sites[k]!]!.weights.push(problem.demand[i]!.weight);
      }
    }
    for (const j of rules.openable) {
      const q = capacity(j);
      if (!(q < reachable[j]!.value)) continue; // x_ij ≤ y_j already keeps the load within Q_j
      capacityBinds = true;
      builder.addRow([...bySite[j]!.columns, siteColumns[j]!], [...bySite[j]!.weights, -q], -Infinity, 0);
    }
    if (capacityBinds && totalDemand > 0) {
      const columns = rules.openable.map((j) => siteColumns[j]!);
      builder.addRow(columns, rules.openable.map((j) => Math.min(capacity(j), totalDemand)), totalDemand, Infinity);
    }
  }
  const linear = builder.build();

  /** The cheapest open pair of point i (lowest site index among equals), or −1: optimal when no capacity binds. */
  const cheapestOpenPair = (i: number, isOpen: readonly boolean[]): number => {
    let best = -1;
    for (let k = pairs.pointStarts[i]!; k < pairs.pointStarts[i + 1]!; k++) {
      if (isOpen[pairs.sites[k]!] && (best < 0 || pairCosts[k]! < pairCosts[best]!)) best = k;
    }
    return best;
  };

  const decode = (values: Float64Array): DecodedSolution => {
    const open = openSitesFrom(values, siteColumns);
    const isOpen = siteMask(m, open);
    const assignment = assignToCheapestOpen(problem, isOpen); // kept for p-median and for points of weight 0
    if (!parts.capacitated) return { open, assignment };
    const allocations: Allocation[] = [];
    for (let i = 0; i < n; i++) {
      const weight = problem.demand[i]!.weight;
      if (!(weight > 0)) continue;
      const shares: { site: number; fraction: number }[] = [];
      if (capacityBinds) {
        for (let k = pairs.pointStarts[i]!; k < pairs.pointStarts[i + 1]!; k++) {
          if (isOpen[pairs.sites[k]!]) shares.push({ site: pairs.sites[k]!, fraction: values[pairs.columns[k]!]! });
        }
      } else {
        const k = cheapestOpenPair(i, isOpen);
        if (k >= 0) shares.push({ site: pairs.sites[k]!, fraction: 1 });
      }
      if (parts.singleSource) {
        assignment[i] = largestShare(shares.map((share) => share.fraction), shares.map((share) => share.site));
        continue;
      }
      const split = splitWeight(i, weight, shares);
      allocations.push(...split);
      assignment[i] = largestShare(split.map((share) => share.amount), split.map((share) => share.site));
    }
    return parts.singleSource ? { open, assignment } : { open, assignment, allocations };
  };

  const objectiveOf = (decoded: DecodedSolution): number => {
    const assignmentCost =
      decoded.allocations === undefined ? assignedWeightedCost(problem, decoded.assignment) : allocatedCost(problem, decoded.allocations);
    return parts.fixedCosts ? openingCost(problem, decoded.open) + assignmentCost : assignmentCost;
  };

  const startValues = (initial: InitialSolution): Float64Array | undefined => {
    const isOpen = initialOpenMask(initial, m, rules.required, rules.forbidden, parts.p);
    if (isOpen === undefined) return undefined;
    const values = new Float64Array(linear.columnCount);
    for (const j of rules.openable) values[siteColumns[j]!] = isOpen[j] ? 1 : 0;
    const cheapest = capacityBinds
      ? undefined
      : Int32Array.from({ length: n }, (_, i) => {
          const k = cheapestOpenPair(i, isOpen);
          return k < 0 ? -1 : pairs.sites[k]!;
        });
    const fractions = startFractions(problem, initial, isOpen, cheapest, parts.singleSource);
    if (fractions === undefined) return undefined;
    const load = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      const weight = problem.demand[i]!.weight;
      if (!(weight > 0)) continue;
      const shares = fractions.get(i);
      let served = 0;
      for (let k = pairs.pointStarts[i]!; k < pairs.pointStarts[i + 1]!; k++) {
        const fraction = shares?.get(pairs.sites[k]!) ?? 0;
        values[pairs.columns[k]!] = fraction;
        load[pairs.sites[k]!] += fraction * weight;
        served += fraction;
      }
      if (Math.abs(served - 1) > SHARE_TOLERANCE) return undefined; // a share on a pair that is not allowed, or a point unserved
    }
    for (let j = 0; j < m; j++) if (load[j]! > capacity(j) * (1 + SHARE_TOLERANCE)) return undefined;
    return values;
  };

  return { model: parts.model, linear, objectiveScale: scale, decode, objectiveOf, startValues };
}

/**
 * Each demand point's shares per site in a warm start: from its allocations, else its assignment, else
 * `cheapest` (each point's cheapest open allowed site, given only where capacities do not bind).
 * @returns point index → (site index → fraction of its weight), or undefined when the start names a closed site
 */
function startFractions(
  problem: Problem,
  initial: InitialSolution,
  isOpen: readonly boolean[],
  cheapest: Int32Array | undefined,
  singleSource: boolean,
): Map<number, Map<number, number>> | undefined {
  const fractions = new Map<number, Map<number, number>>();
  const put = (i: number, j: number, fraction: number): boolean => {
    if (!Number.isInteger(i) || i < 0 || i >= problem.demand.length || !isOpen[j]) return false;
    const shares = fractions.get(i) ?? new Map<number, number>();
    shares.set(j, (shares.get(j) ?? 0) + fraction);
    fractions.set(i, shares);
    return true;
  };
  if (initial.allocations !== undefined && !singleSource) {
    for (const { demand, site, amount } of initial.allocations) {
      const weight = problem.demand[demand]?.weight ?? 0;
      if (weight > 0 && !put(demand, site, amount / weight)) return undefined;
    }
    return fractions;
  }
  const assignment = initial.assignment ?? cheapest;
  if (assignment === undefined || assignment.length !== problem.demand.length) return undefined;
  for (let i = 0; i < problem.demand.length; i++) {
    if (problem.demand[i]!.weight > 0 && !put(i, assignment[i]!, 1)) return undefined;
  }
  return fractions;
}

/**
 * The site with the largest share (the first, i.e. lowest site index, among equals), or −1 when every share is 0.
 * @param amounts - the shares
 * @param sites - the site of each share, ascending
 */
function largestShare(amounts: readonly number[], sites: readonly number[]): number {
  let best = -1;
  for (let k = 0; k < amounts.length; k++) if (amounts[k]! > 0 && (best < 0 || amounts[k]! > amounts[best]!)) best = k;
  return best < 0 ? -1 : sites[best]!;
}
