/**
 * An independent check of a solution: feasibility against the problem and the model's rules, and the
 * objective recomputed from the problem. It shares no code with the models that build and decode solutions.
 * @module
 */
import { costOf } from "../costMatrix.ts";
import type { ModelSpec } from "../models/spec.ts";
import type { Problem } from "../problem.ts";
import { relativeGap, type Solution } from "../solution.ts";
import { agrees, describePoint, describeSite, isCovered, readRules, type CheckedRules } from "./checkRules.ts";
import { CompensatedSum } from "../compensatedSum.ts";

/** The outcome of {@link checkSolution}. */
export interface SolutionCheck {
  /** True when no violation was found. */
  readonly valid: boolean;
  /**
   * The objective recomputed from the problem and the solution's open sites, assignment and allocations, in the
   * model's unit; null when the solution holds none (infeasible, or stopped before finding one).
   */
  readonly objective: number | null;
  /** One sentence per violation, naming the demand point or site (id and index) and the numbers. */
  readonly violations: readonly string[];
}

/** Relative tolerance for objectives, loads and allocation sums. */
const TOLERANCE = 1e-9;
/**
 * Relative tolerance of a capacity: a load may exceed Q_j by 1e-6 × max(1, Q_j), the feasibility tolerance of
 * the solvers (a split solution's shares are only as exact as the LP that found them).
 */
const CAPACITY_TOLERANCE = 1e-6;
/** A solution reported `optimal` must have a gap at most this. */
const OPTIMAL_GAP = 1e-6;

function checkOpenSites(problem: Problem, solution: Solution, rules: CheckedRules, violations: string[]): boolean[] {
  const m = problem.sites.length;
  const isOpen = new Array<boolean>(m).fill(false);
  let previous = -1;
  for (const j of solution.open) {
    if (!Number.isInteger(j) || j < 0 || j >= m) {
      violations.push(`open lists site index ${j}, outside 0..${m - 1}`);
      continue;
    }
    if (j <= previous) violations.push(`open is not strictly ascending at ${describeSite(problem, j)}`);
    previous = j;
    isOpen[j] = true;
  }
  for (let j = 0; j < m; j++) {
    if (isOpen[j] && rules.forbidden[j]) violations.push(`${describeSite(problem, j)} is forbidden but open`);
    if (!isOpen[j] && rules.required[j]) violations.push(`${describeSite(problem, j)} is required but closed`);
  }
  const openCount = isOpen.filter(Boolean).length;
  if (rules.p !== undefined && openCount !== rules.p) violations.push(`${openCount} sites are open, but p = ${rules.p}`);
  return isOpen;
}

/** Checks that each demand point is assigned only to an open site over an allowed pair (within the radius where the model has one). */
function checkAssignment(
  problem: Problem,
  spec: ModelSpec,
  solution: Solution,
  rules: CheckedRules,
  isOpen: readonly boolean[],
  violations: string[],
): void {
  const open = solution.open.filter((j) => isOpen[j]);
  solution.assignment.forEach((j, i) => {
    const weight = problem.demand[i]!.weight;
    const point = describePoint(problem, i);
    if (j === -1) {
      if (spec.model === "max-coverage") {
        if (rules.radius !== undefined && weight > 0 && isCovered(problem, i, open, rules.radius)) {
          violations.push(`${point} is within radius ${rules.radius} of an open site but not assigned`);
        }
      } else if (weight > 0) {
        violations.push(`${point} is not served`);
      }
      return;
    }
    if (!Number.isInteger(j) || j < 0 || j >= problem.sites.length) {
      violations.push(`${point} is assigned to site index ${j}, outside 0..${problem.sites.length - 1}`);
      return;
    }
    const site = describeSite(problem, j);
    if (!isOpen[j]) violations.push(`${point} is assigned to ${site}, which is closed`);
    const cost = costOf(problem.costs, i, j);
    if (!Number.isFinite(cost)) violations.push(`${point} is assigned to ${site} over a pair that is not allowed`);
    const coverRequired = spec.model === "max-coverage" || (spec.model === "set-cover" && weight > 0);
    if (coverRequired && rules.radius !== undefined && cost > rules.radius) {
      violations.push(`${point} is assigned to ${site} at cost ${cost}, beyond the radius ${rules.radius}`);
    }
  });
}

/** Checks the split allocations of a fixed-charge solution; returns true when they were present and checked. */
function checkAllocations(problem: Problem, solution: Solution, rules: CheckedRules, isOpen: readonly boolean[], violations: string[]): boolean {
  const allocations = solution.allocations;
  if (allocations === undefined) return false;
  if (!rules.split) {
    violations.push(`the solution splits demand (${allocations.length} allocations) but the model is single-source`);
    return false;
  }
  const n = problem.demand.length;
  const served = problem.demand.map(() => new CompensatedSum());
  const largest = new Float64Array(n);
  const amountAt = new Map<string, number>();
  for (const { demand: i, site: j, amount } of allocations) {
    if (!Number.isInteger(i) || i < 0 || i >= n || !Number.isInteger(j) || j < 0 || j >= problem.sites.length) {
      violations.push(`an allocation names demand point index ${i} and site index ${j}, outside the problem`);
      continue;
    }
    const where = `the allocation of ${describePoint(problem, i)} to ${describeSite(problem, j)}`;
    if (!(amount > 0) || !Number.isFinite(amount)) violations.push(`${where} has amount ${amount}, not a finite number > 0`);
    if (!isOpen[j]) violations.push(`${where} goes to a closed site`);
    if (!Number.isFinite(costOf(problem.costs, i, j))) violations.push(`${where} is over a pair that is not allowed`);
    served[i]!.add(amount);
    largest[i] = Math.max(largest[i]!, amount);
    amountAt.set(`${i},${j}`, (amountAt.get(`${i},${j}`) ?? 0) + amount);
  }
  problem.demand.forEach((point, i) => {
    if (!agrees(served[i]!.value, point.weight, TOLERANCE)) {
      violations.push(`${describePoint(problem, i)} has allocations summing to ${served[i]!.value}, not its weight ${point.weight}`);
    }
    const j = solution.assignment[i]!;
    if (point.weight > 0 && j >= 0 && !agrees(amountAt.get(`${i},${j}`) ?? 0, largest[i]!, TOLERANCE)) {
      violations.push(`${describePoint(problem, i)} is assigned to ${describeSite(problem, j)}, which does not hold its largest share`);
    }
  });
  return true;
}

/** Loads recomputed from the allocations (when checked) or the assignment. */
function recomputedLoads(problem: Problem, solution: Solution, useAllocations: boolean): number[] {
  const loads = problem.sites.map(() => new CompensatedSum());
  if (useAllocations) {
    for (const { site, amount } of solution.allocations ?? []) loads[site]?.add(amount);
  } else {
    solution.assignment.forEach((j, i) => loads[j]?.add(problem.demand[i]!.weight));
  }
  return loads.map((load) => load.value);
}

function recomputeObjective(problem: Problem, spec: ModelSpec, solution: Solution, rules: CheckedRules, isOpen: readonly boolean[], useAllocations: boolean): number {
  const open = solution.open.filter((j) => isOpen[j]);
  const sum = new CompensatedSum();
  switch (spec.model) {
    case "p-center": {
      let largest = 0;
      solution.assignment.forEach((j, i) => {
        if (j >= 0 && problem.demand[i]!.weight > 0) largest = Math.max(largest, costOf(problem.costs, i, j));
      });
      return largest;
    }
    case "max-coverage":
      problem.demand.forEach((point, i) => {
        if (point.weight > 0 && isCovered(problem, i, open, rules.radius ?? -1)) sum.add(point.weight);
      });
      return sum.value;
    case "set-cover":
      return open.length;
    case "fixed-charge":
      for (const j of open) sum.add(problem.sites[j]!.fixedCost);
      break;
    default:
      break;
  }
  if (useAllocations) {
    for (const { demand: i, site: j, amount } of solution.allocations ?? []) sum.add(amount * costOf(problem.costs, i, j));
  } else {
    solution.assignment.forEach((j, i) => {
      const weight = problem.demand[i]!.weight;
      if (j >= 0 && weight > 0) sum.add(weight * costOf(problem.costs, i, j));
    });
  }
  return sum.value;
}

function checkStatus(spec: ModelSpec, solution: Solution, objective: number, violations: string[]): void {
  const { status, bound, gap } = solution;
  if (status === "optimal" && gap !== null && gap > OPTIMAL_GAP) violations.push(`status is optimal but the gap is ${gap} > ${OPTIMAL_GAP}`);
  if (bound === null) return;
  const maximise = spec.model === "max-coverage";
  const slack = TOLERANCE * Math.max(1, Math.abs(objective));
  if (maximise ? bound < objective - slack : bound > objective + slack) {
    violations.push(`the bound ${bound} is on the wrong side of the objective ${objective} (the model ${maximise ? "maximises" : "minimises"})`);
  }
  const expected = relativeGap(solution.objective, bound);
  if (gap !== null && expected !== null && Math.abs(gap - expected) > 1e-9 + 1e-6 * expected) {
    violations.push(`the gap ${gap} does not match |objective − bound| / |objective| = ${expected}`);
  }
}

/**
 * Checks a solution against its problem and model, independently of the code that produced it: demand is
 * assigned only to open sites and over allowed pairs; exactly p sites are open where the model has p (maximal
 * covering included); required sites open and forbidden ones closed; every demand point with weight > 0 served
 * (maximal covering excepted, whose uncovered points are unassigned); set covering within the radius; split
 * allocations only for split fixed charge, each summing to the point's weight; loads consistent with the
 * assignment; capacities respected within 1e-6 relative (capacitated p-median, fixed charge); the reported objective equal to the one
 * recomputed (relative 1e-9); status, bound and gap consistent (no `optimal` with gap > 1e-6; the bound below a
 * minimised objective, above a maximised one). Infeasible solutions are checked for form only (no objective, no
 * open sites, reasons given); the infeasibility itself is not re-proved.
 *
 * Objectives: p-median and capacitated p-median Σ w_i c_ij over assigned points; p-center the largest c_ij over
 * assigned points with weight > 0 (0 when none); maximal covering the weight of points with weight > 0 within
 * the radius of an open site; set covering the number of open sites; fixed charge Σ f_j over open sites plus
 * Σ c_ij × amount over the allocations (or Σ w_i c_ij over the assignment when there are none).
 * @param problem - the problem that was solved
 * @param spec - the model and its parameters, as given to the solve
 * @param solution - the solution to check (not modified)
 * @returns whether it is valid, the recomputed objective, and every violation found
 * @example
 * ```ts
 * const solution = await solvePMedian(problem, { p: 4 });
 * const check = checkSolution(problem, { model: "p-median", p: 4 }, solution);
 * check.valid;      // true
 * check.violations; // []
 * ```
 */
export function checkSolution(problem: Problem, spec: ModelSpec, solution: Solution): SolutionCheck {
  const violations: string[] = [];
  const result = (objective: number | null): SolutionCheck => ({ valid: violations.length === 0, objective, violations });
  if (solution.model !== spec.model) violations.push(`the solution is for model ${solution.model}, the spec for ${spec.model}`);
  if (solution.assignment.length !== problem.demand.length) {
    violations.push(`assignment has length ${solution.assignment.length}, not the ${problem.demand.length} demand points`);
  }
  if (solution.load.length !== problem.sites.length) {
    violations.push(`load has length ${solution.load.length}, not the ${problem.sites.length} sites`);
  }
  if (violations.length > 0) return result(null);
  const rules = readRules(problem, spec, violations);
  const hasSolution = solution.objective !== null || solution.open.length > 0;
  if (!hasSolution || solution.status === "infeasible" || solution.status === "unbounded") {
    if (solution.status === "optimal" || solution.status === "feasible") violations.push(`status is ${solution.status} but no solution is given`);
    if (solution.status === "infeasible" && solution.reasons.length === 0) violations.push("status is infeasible but no reason is given");
    if (hasSolution) violations.push(`status is ${solution.status} but the solution has an objective or open sites`);
    if (solution.assignment.some((j) => j !== -1)) violations.push(`status is ${solution.status} but demand points are assigned`);
    return result(null);
  }
  if (solution.reasons.length > 0) violations.push(`status is ${solution.status} but ${solution.reasons.length} infeasibility reasons are given`);
  const isOpen = checkOpenSites(problem, solution, rules, violations);
  checkAssignment(problem, spec, solution, rules, isOpen, violations);
  const useAllocations = checkAllocations(problem, solution, rules, isOpen, violations);
  const loads = recomputedLoads(problem, solution, useAllocations);
  const scale = Math.max(1, ...loads.map(Math.abs));
  loads.forEach((load, j) => {
    const reported = solution.load[j]!;
    if (!(Math.abs(reported - load) <= TOLERANCE * scale)) {
      violations.push(`${describeSite(problem, j)} reports load ${reported}, but its demand sums to ${load}`);
    }
    const capacity = problem.sites[j]!.capacity;
    if (rules.capacitated && load > capacity + CAPACITY_TOLERANCE * Math.max(1, capacity)) {
      violations.push(`${describeSite(problem, j)} serves ${load}, above its capacity ${capacity}`);
    }
  });
  const objective = recomputeObjective(problem, spec, solution, rules, isOpen, useAllocations);
  if (solution.objective === null) violations.push("the solution has open sites but no objective");
  else if (!agrees(solution.objective, objective, TOLERANCE)) {
    violations.push(`the reported objective ${solution.objective} differs from the recomputed ${objective}`);
  }
  checkStatus(spec, solution, objective, violations);
  return result(objective);
}
