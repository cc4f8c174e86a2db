/**
 * OR-Library's capacitated facility location files (`cap41.txt` … `cap134.txt`, `capa`, `capb`, `capc`; Beasley
 * 1988).
 * @module
 */
import { denseCostMatrix } from "../../costMatrix.ts";
import { InputError } from "../../errors.ts";
import { createProblem, type Problem } from "../../problem.ts";
import { NumberTokens } from "./tokens.ts";

/** Options of {@link readORLibraryFacilityLocation}. */
export interface ORLibraryFacilityLocationOptions {
  /** The file's name for errors; default `"facility location file"`. */
  readonly source?: string;
  /**
   * Every facility's capacity, for the files whose capacity field reads `capacity` (capa, capb, capc: the
   * capacity is in the instance's name, e.g. 8000 for capa-8000). A number in the file is replaced by it.
   */
  readonly capacity?: number;
}

/** An OR-Library capacitated facility location instance. */
export interface ORLibraryFacilityLocation {
  /**
   * n customers as demand points (weight: demand; ids `"1"` … `"n"`) and m facilities as sites (capacity, fixed
   * cost; ids `"1"` … `"m"`). The cost of pair (i, j) is the file's cost of serving all of i's demand from j
   * divided by that demand, so that Σ w_i c_ij x_ij is the file's allocation cost for split demand.
   */
  readonly problem: Problem;
}

/**
 * Reads an OR-Library capacitated facility location file (Beasley, J. E. (1988), "An algorithm for solving large
 * capacitated warehouse location problems", EJOR 33:314–325). Format: `m n`; per facility `capacity fixed_cost`;
 * per customer its `demand` and then m costs, **each the cost of allocating all of that customer's demand** to
 * the facility (not a cost per unit). Demand may be split between facilities (the classic CFLP: solve with
 * {@link solveFixedCharge} without `singleSource`). In capa, capb and capc the capacity field is the word
 * `capacity`; pass the capacity of the instance you mean (`options.capacity`).
 * @param text - the file's text
 * @param options - the file's name and the capacity (see {@link ORLibraryFacilityLocationOptions}), or just the
 *   file's name
 * @returns the problem (unitless costs per unit of demand; a customer of demand 0 keeps the whole cost)
 * @throws InputError naming the file, the line, the field and the value: a bad count, capacity, fixed cost,
 *   demand or cost, more than 10⁸ customer–facility pairs, a capacity field that reads `capacity` without
 *   `options.capacity`, a file that ends early or runs on; on a bad `options.capacity`
 * @example
 * ```ts
 * const { problem } = readORLibraryFacilityLocation(await readFile("capa.txt", "utf8"), { source: "capa.txt", capacity: 8000 });
 * const solution = await solveFixedCharge(problem, {}); // objective 19,240,822.449 (capa-8000)
 * ```
 */
export function readORLibraryFacilityLocation(text: string, options: ORLibraryFacilityLocationOptions | string = {}): ORLibraryFacilityLocation {
  if (typeof options === "string") options = { source: options };
  const source = options.source ?? "facility location file";
  const given = options.capacity;
  if (given !== undefined && !(typeof given === "number" && given > 0 && Number.isFinite(given))) {
    throw new InputError({ source: "options", field: "capacity", value: given }, "must be a finite number > 0");
  }
  const tokens = new NumberTokens(text, source);
  const m = tokens.number("facility count", "count");
  const n = tokens.number("customer count", "count");
  tokens.checkPairs(n, m, "customer count × facility count");
  const sites: { id: string; capacity: number; fixedCost: number }[] = [];
  for (let j = 1; j <= m; j++) {
    let capacity: number;
    if (tokens.peek() === "capacity") {
      tokens.skip();
      if (given === undefined) {
        throw tokens.error(`capacity of facility ${j}`, "capacity", "is the word capacity: pass the instance's capacity (options.capacity, e.g. 8000 for capa-8000)");
      }
      capacity = given;
    } else {
      capacity = tokens.number(`capacity of facility ${j}`, "nonNegative");
      if (given !== undefined) capacity = given;
    }
    sites.push({ id: String(j), capacity, fixedCost: tokens.number(`fixed cost of facility ${j}`, "nonNegative") });
  }
  const demand: { id: string; weight: number }[] = [];
  const costs = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const weight = tokens.number(`demand of customer ${i + 1}`, "nonNegative");
    demand.push({ id: String(i + 1), weight });
    for (let j = 0; j < m; j++) {
      const whole = tokens.number(`cost of customer ${i + 1} at facility ${j + 1}`, "nonNegative");
      costs[i * m + j] = weight > 0 ? whole / weight : whole;
    }
  }
  tokens.end(`its ${n} ${n === 1 ? "customer" : "customers"}`);
  return { problem: createProblem({ demand, sites, costs: denseCostMatrix(costs, n, m, "unitless") }) };
}
