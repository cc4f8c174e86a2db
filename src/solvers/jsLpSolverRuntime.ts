/**
 * The one place that imports the `javascript-lp-solver` package.
 *
 * The package ships CommonJS with an ESM build and one loose declaration file: under `nodenext` and
 * `deno check` its default import type-checks as the module namespace rather than the solver object, although
 * it runs. A namespace import with one typed cast satisfies tsc, Deno and every runtime (Node's ESM and CommonJS
 * builds, Deno's npm compatibility, bundlers' browser build).
 * @module
 */
import * as jsLpSolverModule from "javascript-lp-solver";

/** A bound on one constraint of a javascript-lp-solver JSON model. */
export interface JsLpConstraintBound {
  /** Lower bound. */
  readonly min?: number;
  /** Upper bound. */
  readonly max?: number;
  /** Both bounds at once. */
  readonly equal?: number;
}

/** The JSON model javascript-lp-solver reads (only the parts this library uses). */
export interface JsLpModel {
  /** Name of the attribute that is the objective. */
  readonly optimize: string;
  /** Direction of the objective. */
  readonly opType: "max" | "min";
  /** Constraint name → its bounds. */
  readonly constraints: Record<string, JsLpConstraintBound>;
  /** Variable name → attribute name → coefficient (objective and constraints alike). */
  readonly variables: Record<string, Record<string, number>>;
  /** Variable name → 1 where the variable is integer. */
  readonly ints: Record<string, 1>;
  /** Variable name → 1 where the variable may be negative (all are ≥ 0 otherwise). */
  readonly unrestricted: Record<string, 1>;
  /** Solver options. */
  readonly options: {
    /** Branch-and-bound time limit in milliseconds (absent: none). */
    readonly timeout?: number;
    /** Accept a solution within this relative distance of its own estimate (0: search to the end). */
    readonly tolerance: number;
    /** Its presolve. */
    readonly presolve?: boolean;
  };
}

/**
 * The simplified result javascript-lp-solver returns: the flags, the objective, and each variable whose
 * value is not 0 (absent variables are 0).
 */
export interface JsLpResult {
  /** Whether the (final) relaxation was feasible. */
  readonly feasible: boolean;
  /** Objective value as it computed it (rounded to its precision). */
  readonly result: number;
  /** False when the relaxation was unbounded. */
  readonly bounded?: boolean;
  /** True when an integer solution was found (MIP only). */
  readonly isIntegral?: boolean;
  /** Variable values. */
  readonly [variable: string]: number | boolean | undefined;
}

interface JsLpSolver {
  Solve(model: JsLpModel, precision?: number, full?: boolean, validate?: boolean): unknown;
}

const namespace = jsLpSolverModule as unknown as { default?: JsLpSolver } & Partial<JsLpSolver>;
const solver: JsLpSolver = typeof namespace.Solve === "function" ? (namespace as JsLpSolver) : namespace.default!;

/**
 * Runs javascript-lp-solver on a JSON model, synchronously, on the calling thread.
 * @param model - the JSON model
 * @returns its simplified result
 */
export function runJsLpSolver(model: JsLpModel): JsLpResult {
  return solver.Solve(model) as JsLpResult;
}
