/**
 * The options of `school-layout solve`, and the model spec they describe, checked so that no option is
 * silently ignored by the model chosen.
 * @module
 */
import type { CostUnit } from "../costMatrix.ts";
import type { CoordinateSystem } from "../io/coordinateSystem.ts";
import type { TravelMode } from "../travel/index.ts";
import type { ModelSpec } from "../models/spec.ts";
import type { ModelName } from "../solution.ts";
import type { BackendChoice } from "../solvers/options.ts";
import { CliError } from "./io.ts";

/** The options of `solve`, as commander parses them. */
export interface SolveCommandOptions {
  readonly demand?: string;
  readonly sites?: string;
  readonly problem?: string;
  readonly id?: string;
  readonly weight?: string;
  readonly capacity?: string;
  readonly fixedCost?: string;
  readonly required?: string;
  readonly forbidden?: string;
  readonly singleSource?: boolean;
  readonly costs?: string;
  readonly roads?: string;
  readonly mode: TravelMode;
  readonly cutoff?: number;
  readonly nodeCrossings?: boolean;
  readonly crs: CoordinateSystem;
  readonly costFrom?: string;
  readonly costTo?: string;
  readonly costValue?: string;
  readonly costUnit: CostUnit;
  readonly missingPairs: "error" | "not-allowed";
  readonly p?: number;
  readonly radius?: number;
  readonly solver: BackendChoice | "heuristic" | "benders";
  readonly timeLimit?: number;
  readonly mipGap?: number;
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const NEEDS_P: readonly ModelName[] = ["p-median", "p-center", "max-coverage", "capacitated-p-median"];
const NEEDS_RADIUS: readonly ModelName[] = ["max-coverage", "set-cover"];
const READS_CAPACITY: readonly ModelName[] = ["capacitated-p-median", "fixed-charge"];

/** The flag of an option key, e.g. `fixedCost` → `--fixed-cost`. */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Builds the model spec from the command line, checking that the model gets every option it needs and no
 * option it would ignore.
 * @throws CliError naming the model and the option
 */
export function specFromOptions(model: ModelName, options: SolveCommandOptions): ModelSpec {
  if ((options.solver === "heuristic" || options.solver === "benders") && model !== "p-median") {
    throw new CliError(`--solver ${options.solver} is for p-median only; ${model} takes auto, highs or javascript-lp-solver`);
  }
  if (NEEDS_P.includes(model) && options.p === undefined) throw new CliError(`${model} needs -p N (the number of sites to open)`);
  if (NEEDS_RADIUS.includes(model) && options.radius === undefined) {
    throw new CliError(`${model} needs --radius R (in the cost unit; a pair covers when cost ≤ R)`);
  }
  if (!NEEDS_P.includes(model) && options.p !== undefined) throw new CliError(`${model} takes no -p (got ${options.p})`);
  if (!NEEDS_RADIUS.includes(model) && options.radius !== undefined) throw new CliError(`${model} takes no --radius (got ${options.radius})`);
  if (options.singleSource && model !== "fixed-charge") {
    throw new CliError("--single-source applies to fixed-charge only (capacitated-p-median is always single-source)");
  }
  if (options.capacity !== undefined && !READS_CAPACITY.includes(model)) {
    throw new CliError(`${model} ignores capacities: drop --capacity, or solve capacitated-p-median or fixed-charge`);
  }
  if (options.fixedCost !== undefined && model !== "fixed-charge") {
    throw new CliError(`${model} ignores fixed costs: drop --fixed-cost, or solve fixed-charge`);
  }
  if (options.problem === undefined) {
    if (model === "capacitated-p-median" && options.capacity === undefined) {
      throw new CliError("capacitated-p-median needs --capacity PROP (the site property holding each capacity)");
    }
    if (model === "fixed-charge" && options.fixedCost === undefined) {
      throw new CliError("fixed-charge needs --fixed-cost PROP (the site property holding each fixed cost)");
    }
  }
  const p = options.p!;
  const radius = options.radius!;
  switch (model) {
    case "p-median":
    case "p-center":
    case "capacitated-p-median":
      return { model, p };
    case "max-coverage":
      return { model, p, radius };
    case "set-cover":
      return { model, radius };
    case "fixed-charge":
      return { model, singleSource: options.singleSource ?? false };
  }
}
