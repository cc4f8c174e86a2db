/**
 * The checks every location model makes on its options before building anything: which sites are required or
 * forbidden (by id in the options, or by the sites' own flags), and whether p and the radius are usable.
 * @module
 */
import { InputError } from "../errors.ts";
import type { Problem } from "../problem.ts";
import type { SiteChoice } from "./spec.ts";

/** Which sites must open and which must stay closed, once ids and flags are combined. */
export interface SiteRules {
  /** Length m: true where site j must be open (its `required` flag, or its id in `options.required`). */
  readonly required: readonly boolean[];
  /** Length m: true where site j must stay closed (its `forbidden` flag, or its id in `options.forbidden`). */
  readonly forbidden: readonly boolean[];
  /** Indices of the required sites, ascending. */
  readonly requiredIndices: readonly number[];
  /** Indices of the sites that may open (every site not forbidden), ascending. */
  readonly openable: readonly number[];
}

function idList(field: "required" | "forbidden", raw: unknown): readonly string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    throw new InputError({ source: "options", field, value: raw }, "must be an array of site ids");
  }
  return raw.map((id, k) => {
    if (typeof id !== "string" && typeof id !== "number") {
      throw new InputError({ source: "options", index: k, field, value: id }, "must be a site id (a string)");
    }
    return String(id);
  });
}

/**
 * Combines the required and forbidden site ids of the options with the sites' own flags.
 * @param problem - the problem whose sites the ids name
 * @param choice - `required` and `forbidden` site ids (each optional)
 * @returns the combined rules
 * @throws InputError when an id names no site (quoting the id and its position in the list), when a list is
 *   not an array of ids, or when a site ends up both required and forbidden (naming the site)
 */
export function resolveSiteRules(problem: Problem, choice: SiteChoice): SiteRules {
  const indexById = new Map<string, number>();
  problem.sites.forEach((site, j) => indexById.set(site.id, j));
  const required = problem.sites.map((site) => site.required);
  const forbidden = problem.sites.map((site) => site.forbidden);
  for (const field of ["required", "forbidden"] as const) {
    const target = field === "required" ? required : forbidden;
    idList(field, choice[field]).forEach((id, k) => {
      const j = indexById.get(id);
      if (j === undefined) {
        throw new InputError({ source: "options", index: k, field, value: id }, "names no site of the problem");
      }
      target[j] = true;
    });
  }
  const requiredIndices: number[] = [];
  const openable: number[] = [];
  for (let j = 0; j < problem.sites.length; j++) {
    if (required[j] && forbidden[j]) {
      const id = problem.sites[j]!.id;
      throw new InputError(
        { source: "sites", index: j, id, field: "required/forbidden", value: id },
        "the site is both required and forbidden (by its flags or by the options' id lists)",
      );
    }
    if (required[j]) requiredIndices.push(j);
    if (!forbidden[j]) openable.push(j);
  }
  return { required, forbidden, requiredIndices, openable };
}

/**
 * Checks the number of sites to open.
 * @param problem - the problem (its site count m bounds p)
 * @param p - must be a whole number with 1 ≤ p ≤ m
 * @returns p
 * @throws InputError naming the option `p` and its value otherwise
 */
export function checkSiteCount(problem: Problem, p: unknown): number {
  const m = problem.sites.length;
  if (typeof p !== "number" || !Number.isInteger(p) || p < 1 || p > m) {
    throw new InputError({ source: "options", field: "p", value: p }, `must be a whole number from 1 to the number of sites (${m})`);
  }
  return p;
}

/**
 * Checks a coverage radius.
 * @param radius - must be a finite number ≥ 0, in the cost matrix's unit
 * @returns the radius
 * @throws InputError naming the option `radius` and its value otherwise
 */
export function checkRadius(radius: unknown): number {
  if (typeof radius !== "number" || !Number.isFinite(radius) || radius < 0) {
    throw new InputError({ source: "options", field: "radius", value: radius }, "must be a finite number ≥ 0 (in the unit of the costs)");
  }
  return radius;
}

/**
 * Checks the single-source flag of fixed-charge facility location.
 * @param singleSource - undefined (default false) or a boolean
 * @throws InputError naming the option otherwise
 */
export function checkSingleSource(singleSource: unknown): boolean {
  if (singleSource === undefined) return false;
  if (typeof singleSource !== "boolean") {
    throw new InputError({ source: "options", field: "singleSource", value: singleSource }, "must be true or false");
  }
  return singleSource;
}
