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

/** The parts of its simplex tableau this module wraps (per instance, never on the shared prototype). */
interface JsLpTableau {
  height: number;
  width: number;
  pivot(row: number, column: number): void;
  phase1(): number;
  phase2(): number;
}

interface JsLpModelInstance {
  readonly tableau: JsLpTableau;
  readonly messages: readonly unknown[];
  loadJson(model: JsLpModel): JsLpModelInstance;
}

interface JsLpSolver {
  readonly Model: new () => JsLpModelInstance;
  Solve(model: JsLpModelInstance): unknown;
}

const namespace = jsLpSolverModule as unknown as { default?: JsLpSolver } & Partial<JsLpSolver>;
// The default export is the solver object itself where there is one (Node's ESM and CommonJS, Deno): `Solve` writes
// to `this`, which a namespace object (frozen, or getter-only under a CommonJS interop) refuses.
const solver: JsLpSolver = typeof namespace.default?.Solve === "function" ? namespace.default : (namespace as JsLpSolver);

/**
 * Called before every simplex pivot with the number of pivots so far in the current simplex phase and the
 * tableau's size; throwing from it stops the solve (the exception propagates out of {@link runJsLpSolver}).
 */
export type JsLpPivotWatch = (pivotsInPhase: number, tableauRows: number, tableauColumns: number) => void;

/**
 * Runs javascript-lp-solver on a JSON model, synchronously, on the calling thread. With `watch`, its own
 * tableau's `pivot`, `phase1` and `phase2` are wrapped (on that instance only) so that the caller can stop a
 * solve that runs past a deadline, is cancelled, or cycles: its simplex can cycle on degenerate models without
 * end, ignoring its `timeout`, which it checks only between branch-and-bound nodes.
 * @param model - the JSON model
 * @param watch - called before every pivot; throw to stop
 * @returns its simplified result, and whether its cycle detector fired (it then declares the current
 *   relaxation infeasible, which can prune feasible branches: the answer is not reliable)
 */
export function runJsLpSolver(model: JsLpModel, watch?: JsLpPivotWatch): { readonly result: JsLpResult; readonly cycled: boolean } {
  const instance = new solver.Model().loadJson(model);
  if (watch !== undefined) {
    const tableau = instance.tableau;
    const original = Object.getPrototypeOf(tableau) as JsLpTableau;
    let pivots = 0;
    tableau.phase1 = function (this: JsLpTableau): number {
      pivots = 0;
      return original.phase1.call(this);
    };
    tableau.phase2 = function (this: JsLpTableau): number {
      pivots = 0;
      return original.phase2.call(this);
    };
    tableau.pivot = function (this: JsLpTableau, row: number, column: number): void {
      watch(++pivots, this.height, this.width);
      original.pivot.call(this, row, column);
    };
  }
  const result = solver.Solve(instance) as JsLpResult;
  const cycled = instance.messages.some((message) => typeof message === "string" && message.startsWith("Cycle"));
  return { result, cycled };
}
