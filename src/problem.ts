/**
 * The problem model shared by every location model: demand points, candidate sites and the cost matrix
 * between them. Plain, readonly, structured-clonable data; indices `i` are demand points, `j` sites.
 * @module
 */
import { type CostMatrix } from "./costMatrix.ts";
import { CompensatedSum } from "./compensatedSum.ts";
import { InputError } from "./errors.ts";

/** A demand point (a settlement, a census tract): where pupils or other demand live. */
export interface DemandPoint {
  /** Unique among the demand points; quoted in errors and written to outputs. */
  readonly id: string;
  /** The demand it carries (pupils, people), finite and ≥ 0. */
  readonly weight: number;
}

/** A candidate site: an existing facility or a place where one could open. */
export interface Site {
  /** Unique among the sites. */
  readonly id: string;
  /** Most demand it can serve (pupils); `Infinity` when uncapacitated. */
  readonly capacity: number;
  /** Cost of opening or keeping it (yuan per year, or the unit of the costs); 0 when not given. */
  readonly fixedCost: number;
  /** The site must be open in every solution (counted within p). */
  readonly required: boolean;
  /** The site must stay closed in every solution. */
  readonly forbidden: boolean;
}

/** A location problem: who needs serving, where service could be, and what each pair costs. */
export interface Problem {
  /** Length n. */
  readonly demand: readonly DemandPoint[];
  /** Length m. */
  readonly sites: readonly Site[];
  /** n × m: the cost of serving demand point i from site j. */
  readonly costs: CostMatrix;
}

/** Input to {@link createProblem}: every field but `weight` may be left out. */
export interface DemandPointInput {
  /** Defaults to the index as a string. */
  readonly id?: string | number;
  /** Finite and ≥ 0. */
  readonly weight: number;
}

/** Input to {@link createProblem}. */
export interface SiteInput {
  /** Defaults to the index as a string. */
  readonly id?: string | number;
  /** Default `Infinity` (uncapacitated); otherwise ≥ 0. */
  readonly capacity?: number;
  /** Default 0; finite and ≥ 0. */
  readonly fixedCost?: number;
  /** Default false. */
  readonly required?: boolean;
  /** Default false. */
  readonly forbidden?: boolean;
}

/**
 * Checks that `id` is a usable id and unique within `seen`, returning it as a string.
 * @throws InputError naming the source, the index and the id
 */
export function checkUniqueId(source: string, index: number, raw: unknown, seen: Map<string, number>): string {
  if (raw === undefined || raw === null) return checkUniqueId(source, index, String(index), seen);
  if ((typeof raw !== "string" && typeof raw !== "number") || raw === "" || (typeof raw === "number" && !Number.isFinite(raw))) {
    throw new InputError({ source, index, field: "id", value: raw }, "must be a non-empty string or a finite number");
  }
  const id = String(raw);
  const previous = seen.get(id);
  if (previous !== undefined) {
    throw new InputError({ source, index, id, field: "id", value: id }, `duplicates the id of ${source} ${previous}`);
  }
  seen.set(id, index);
  return id;
}

/**
 * Checks one numeric field: finite (or `Infinity` where `allowInfinity`) and ≥ 0.
 * @throws InputError naming the source, index, id, field and value
 */
export function checkNonNegative(
  source: string,
  index: number,
  id: string | undefined,
  field: string,
  value: unknown,
  allowInfinity = false,
): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < 0 || (!allowInfinity && value === Infinity)) {
    const expected = allowInfinity ? "a number ≥ 0 (Infinity for none)" : "a finite number ≥ 0";
    throw new InputError({ source, index, ...(id === undefined ? {} : { id }), field, value }, `must be ${expected}`);
  }
  return value;
}

/**
 * Builds a checked {@link Problem} from plain demand points, sites and a cost matrix. The inputs are not
 * mutated; the result holds fresh frozen records.
 * @param input.demand - length n ≥ 1
 * @param input.sites - length m ≥ 1
 * @param input.costs - an n × m matrix from {@link denseCostMatrix}, {@link sparseCostMatrix} or a reader
 * @throws InputError on an empty list, a duplicate or bad id, a bad weight, capacity or fixed cost, a site both
 *   required and forbidden, or a matrix whose shape does not match
 * @example
 * ```ts
 * const problem = createProblem({
 *   demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }],
 *   sites: [{ id: "s1" }, { id: "s2", capacity: 12 }],
 *   costs: denseCostMatrix([1, 4, 3, 2], 2, 2, "metres"),
 * });
 * ```
 */
export function createProblem(input: {
  readonly demand: readonly DemandPointInput[];
  readonly sites: readonly SiteInput[];
  readonly costs: CostMatrix;
}): Problem {
  if (!Array.isArray(input.demand) || input.demand.length === 0) {
    throw new InputError({ source: "problem", field: "demand", value: input.demand }, "must be a non-empty array of demand points");
  }
  if (!Array.isArray(input.sites) || input.sites.length === 0) {
    throw new InputError({ source: "problem", field: "sites", value: input.sites }, "must be a non-empty array of sites");
  }
  const demandIds = new Map<string, number>();
  const demand = input.demand.map((point, i): DemandPoint => {
    const id = checkUniqueId("demand", i, point?.id, demandIds);
    return Object.freeze({ id, weight: checkNonNegative("demand", i, id, "weight", point?.weight) });
  });
  const siteIds = new Map<string, number>();
  const sites = input.sites.map((site, j): Site => {
    const id = checkUniqueId("sites", j, site?.id, siteIds);
    const required = site.required ?? false;
    const forbidden = site.forbidden ?? false;
    if (typeof required !== "boolean" || typeof forbidden !== "boolean") {
      throw new InputError({ source: "sites", index: j, id, field: "required/forbidden", value: [required, forbidden] }, "must be booleans");
    }
    if (required && forbidden) {
      throw new InputError({ source: "sites", index: j, id, field: "required", value: true }, "a site cannot be both required and forbidden");
    }
    return Object.freeze({
      id,
      capacity: checkNonNegative("sites", j, id, "capacity", site.capacity ?? Infinity, true),
      fixedCost: checkNonNegative("sites", j, id, "fixedCost", site.fixedCost ?? 0),
      required,
      forbidden,
    });
  });
  const costs = input.costs;
  if (costs?.demandCount !== demand.length || costs.siteCount !== sites.length) {
    throw new InputError(
      { source: "problem", field: "costs", value: costs ? `${costs.demandCount} × ${costs.siteCount}` : costs },
      `must be a ${demand.length} × ${sites.length} matrix (demand points × sites)`,
    );
  }
  return Object.freeze({ demand: Object.freeze(demand), sites: Object.freeze(sites), costs });
}

/**
 * Total demand weight Σ w_i, summed with Neumaier compensation so that large sums of small weights stay exact.
 * @param problem - the problem
 */
export function totalDemand(problem: Problem): number {
  const sum = new CompensatedSum();
  for (const { weight } of problem.demand) sum.add(weight);
  return sum.value;
}
