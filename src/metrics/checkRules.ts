/**
 * The parts of {@link checkSolution} that read the model's rules: which sites are required or forbidden, p and
 * the radius. Written apart from the models' own code on purpose, so that a check does not share the mistakes
 * of the code it checks.
 * @module
 */
import { costOf } from "../costMatrix.ts";
import type { ModelSpec } from "../models/spec.ts";
import type { Problem } from "../problem.ts";

/** The rules a solution must satisfy, as read from the problem and the spec. */
export interface CheckedRules {
  /** Length m: true where the site must be open. */
  readonly required: boolean[];
  /** Length m: true where the site must stay closed. */
  readonly forbidden: boolean[];
  /** The number of sites that must open, or undefined when the model has no p (or p is unusable). */
  readonly p: number | undefined;
  /** The coverage radius, or undefined when the model has none (or it is unusable). */
  readonly radius: number | undefined;
  /** Whether site capacities bind (capacitated p-median, fixed charge). */
  readonly capacitated: boolean;
  /** Whether a demand point may be split between sites (fixed charge without `singleSource`). */
  readonly split: boolean;
}

/**
 * Describes a demand point for a violation message: `demand point "A17" (index 3, weight 12)`.
 * @param problem - the problem
 * @param i - the demand point index
 */
export function describePoint(problem: Problem, i: number): string {
  const point = problem.demand[i];
  return point === undefined ? `demand point index ${i}` : `demand point ${JSON.stringify(point.id)} (index ${i}, weight ${point.weight})`;
}

/**
 * Describes a site for a violation message: `site "s2" (index 1)`.
 * @param problem - the problem
 * @param j - the site index
 */
export function describeSite(problem: Problem, j: number): string {
  const site = problem.sites[j];
  return site === undefined ? `site index ${j}` : `site ${JSON.stringify(site.id)} (index ${j})`;
}

/**
 * Whether two numbers agree to a relative tolerance: |a − b| ≤ tolerance × max(1, |b|).
 * @param a - the reported value
 * @param b - the reference value
 * @param tolerance - relative tolerance
 */
export function agrees(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
}

/**
 * Reads the rules of a spec: required and forbidden sites (the options' ids plus the sites' flags), p, the
 * radius, capacities and splitting. Problems with the spec itself become violations, not errors.
 * @param problem - the problem
 * @param spec - the model and its parameters
 * @param violations - receives a message for every unusable parameter
 */
export function readRules(problem: Problem, spec: ModelSpec, violations: string[]): CheckedRules {
  const required = problem.sites.map((site) => site.required);
  const forbidden = problem.sites.map((site) => site.forbidden);
  const byId = new Map(problem.sites.map((site, j) => [site.id, j]));
  for (const [field, target] of [["required", required], ["forbidden", forbidden]] as const) {
    const ids: unknown = spec[field];
    if (ids === undefined) continue;
    if (!Array.isArray(ids)) {
      violations.push(`spec.${field} must be an array of site ids, got ${JSON.stringify(ids)}`);
      continue;
    }
    for (const id of ids) {
      const j = byId.get(String(id));
      if (j === undefined) violations.push(`spec.${field} names site id ${JSON.stringify(id)}, which is not in the problem`);
      else target[j] = true;
    }
  }
  required.forEach((isRequired, j) => {
    if (isRequired && forbidden[j]) violations.push(`${describeSite(problem, j)} is both required and forbidden`);
  });
  let p: number | undefined;
  if ("p" in spec) {
    if (Number.isInteger(spec.p) && spec.p >= 1 && spec.p <= problem.sites.length) p = spec.p;
    else violations.push(`spec.p must be a whole number from 1 to ${problem.sites.length}, got ${spec.p}`);
  }
  let radius: number | undefined;
  if ("radius" in spec) {
    if (Number.isFinite(spec.radius) && spec.radius >= 0) radius = spec.radius;
    else violations.push(`spec.radius must be a finite number ≥ 0, got ${spec.radius}`);
  }
  const capacitated = spec.model === "capacitated-p-median" || spec.model === "fixed-charge";
  const split = spec.model === "fixed-charge" && spec.singleSource !== true;
  return { required, forbidden, p, radius, capacitated, split };
}

/**
 * Whether demand point i is within `radius` of an open site (cost ≤ radius over allowed pairs).
 * @param problem - the problem
 * @param i - the demand point index
 * @param open - the open site indices
 * @param radius - the coverage radius
 */
export function isCovered(problem: Problem, i: number, open: readonly number[], radius: number): boolean {
  return open.some((j) => costOf(problem.costs, i, j) <= radius);
}
