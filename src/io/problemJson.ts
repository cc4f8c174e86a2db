/**
 * A plain JSON problem format for users who have a cost matrix but no geography.
 * @module
 */
import { COST_UNITS, costOf, denseCostMatrix, type CostUnit } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import { createProblem, type Problem } from "../problem.ts";
import { restrictCostMatrix } from "../travel/nearest.ts";

/** One demand point in a {@link ProblemJson}. */
export interface ProblemJsonDemandPoint {
  /** Unique among the demand points (a number is read as its string). */
  readonly id: string;
  /** The demand it carries (pupils, people), finite and ≥ 0. */
  readonly weight: number;
}

/** One site in a {@link ProblemJson}. */
export interface ProblemJsonSite {
  /** Unique among the sites (a number is read as its string). */
  readonly id: string;
  /** Most demand it can serve (pupils), finite and ≥ 0. Absent or null: uncapacitated. */
  readonly capacity?: number | null;
  /** Cost of opening or keeping it (e.g. yuan per year), finite and ≥ 0. Absent: 0. */
  readonly fixedCost?: number;
  /** The site must be open. Absent: false. */
  readonly required?: boolean;
  /** The site must stay closed. Absent: false. */
  readonly forbidden?: boolean;
}

/** The cost matrix of a {@link ProblemJson}. */
export interface ProblemJsonCosts {
  /** The unit of every value: one of {@link COST_UNITS}, e.g. `"metres"` or `"minutes"`. */
  readonly unit: CostUnit;
  /**
   * n rows (one per demand point, in `demand` order) of m values (one per site, in `sites` order): the cost of
   * serving demand point i from site j, finite and ≥ 0, or null when the pair is not allowed.
   */
  readonly rows: readonly (readonly (number | null)[])[];
}

/**
 * A location problem as plain JSON, for matrix-only users (no coordinates):
 * ```json
 * { "demand": [{ "id": "a", "weight": 10 }, { "id": "b", "weight": 5 }],
 *   "sites": [{ "id": "s1" }, { "id": "s2", "capacity": 12, "fixedCost": 3000, "required": true }],
 *   "costs": { "unit": "metres", "rows": [[1200, 400], [null, 900]] } }
 * ```
 * Read with {@link readProblemJson}, written with {@link problemToJson}. Unknown fields are rejected, so that a
 * misspelt `capacity` cannot silently leave a site uncapacitated.
 */
export interface ProblemJson {
  /** Length n ≥ 1: the demand points, in matrix row order. */
  readonly demand: readonly ProblemJsonDemandPoint[];
  /** Length m ≥ 1: the candidate sites, in matrix column order. */
  readonly sites: readonly ProblemJsonSite[];
  /** The n × m cost matrix. */
  readonly costs: ProblemJsonCosts;
}

const DEMAND_FIELDS = ["id", "weight"];
const SITE_FIELDS = ["id", "capacity", "fixedCost", "required", "forbidden"];

/** Path-named checks over one JSON document. */
class JsonReader {
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  fail(path: string, value: unknown, problem: string): never {
    throw new InputError({ source: this.source, field: path, value }, problem);
  }

  /** An object with only the given fields; `path` "" is the document itself. */
  object(path: string, value: unknown, fields: readonly string[]): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) this.fail(path || "(document)", value, "must be an object");
    for (const key of Object.keys(value)) {
      if (!fields.includes(key)) this.fail(path === "" ? key : `${path}.${key}`, key, `is not a field here; expected ${fields.join(", ")}`);
    }
    return value as Record<string, unknown>;
  }

  array(path: string, value: unknown, minimum: number): readonly unknown[] {
    if (!Array.isArray(value) || value.length < minimum) {
      this.fail(path, Array.isArray(value) ? `array of length ${value.length}` : value, `must be an array of at least ${minimum}`);
    }
    return value;
  }

  id(path: string, value: unknown, seen: Map<string, string>): string {
    if ((typeof value !== "string" && typeof value !== "number") || value === "" || (typeof value === "number" && !Number.isFinite(value))) {
      this.fail(path, value, "must be a non-empty string or a finite number");
    }
    const id = String(value);
    const previous = seen.get(id);
    if (previous !== undefined) this.fail(path, value, `duplicates ${previous}`);
    seen.set(id, path);
    return id;
  }

  number(path: string, value: unknown): number {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) this.fail(path, value, "must be a finite number ≥ 0");
    return value;
  }

  flag(path: string, value: unknown): boolean {
    if (value === undefined) return false;
    if (typeof value !== "boolean") this.fail(path, value, "must be true or false");
    return value;
  }
}

/**
 * Reads and checks a {@link ProblemJson} document (already parsed with `JSON.parse`).
 * @param value - the parsed document (any value is checked)
 * @param options - `source`: the file name quoted in error messages (default `"problem"`)
 * @returns the problem; its cost matrix is dense when no row holds null, sparse otherwise
 * @throws InputError naming the path of the bad value (e.g. `demand[4].weight`, `costs.rows[3][2]`) and the
 *   value: a missing or unknown field, a non-numeric, NaN or negative number, a duplicate id, a row of the
 *   wrong length, an unknown unit, or a site both required and forbidden
 * @example
 * ```ts
 * const problem = readProblemJson(JSON.parse(await readFile("problem.json", "utf8")), { source: "problem.json" });
 * ```
 */
export function readProblemJson(value: unknown, options: { readonly source?: string } = {}): Problem {
  const json: JsonReader = new JsonReader(options.source ?? "problem");
  const root = json.object("", value, ["demand", "sites", "costs"]);
  const demandIds = new Map<string, string>();
  const demand = json.array("demand", root["demand"], 1).map((entry, i) => {
    const path = `demand[${i}]`;
    const point = json.object(path, entry, DEMAND_FIELDS);
    return { id: json.id(`${path}.id`, point["id"], demandIds), weight: json.number(`${path}.weight`, point["weight"]) };
  });
  const siteIds = new Map<string, string>();
  const sites = json.array("sites", root["sites"], 1).map((entry, j) => {
    const path = `sites[${j}]`;
    const site = json.object(path, entry, SITE_FIELDS);
    const capacity = site["capacity"] ?? null;
    const required = json.flag(`${path}.required`, site["required"]);
    const forbidden = json.flag(`${path}.forbidden`, site["forbidden"]);
    if (required && forbidden) json.fail(`${path}.forbidden`, true, "a site cannot be both required and forbidden");
    return {
      id: json.id(`${path}.id`, site["id"], siteIds),
      capacity: capacity === null ? Infinity : json.number(`${path}.capacity`, capacity),
      fixedCost: site["fixedCost"] === undefined ? 0 : json.number(`${path}.fixedCost`, site["fixedCost"]),
      required,
      forbidden,
    };
  });
  const costs = json.object("costs", root["costs"], ["unit", "rows"]);
  const unit = costs["unit"];
  if (!COST_UNITS.includes(unit as CostUnit)) json.fail("costs.unit", unit, `must be one of ${COST_UNITS.join(", ")}`);
  const rows = json.array("costs.rows", costs["rows"], 0);
  if (rows.length !== demand.length) json.fail("costs.rows", `array of length ${rows.length}`, `must hold one row per demand point (${demand.length})`);
  const m = sites.length;
  const values = new Float64Array(demand.length * m);
  let sparse = false;
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== m) {
      json.fail(`costs.rows[${i}]`, Array.isArray(row) ? `array of length ${row.length}` : row, `must be an array of one value per site (${m})`);
    }
    row.forEach((cell: unknown, j) => {
      if (cell === null) {
        values[i * m + j] = Infinity;
        sparse = true;
      } else {
        values[i * m + j] = json.number(`costs.rows[${i}][${j}]`, cell);
      }
    });
  });
  const dense = denseCostMatrix(values, demand.length, m, unit as CostUnit);
  return createProblem({ demand, sites, costs: sparse ? restrictCostMatrix(dense, {}) : dense });
}

/**
 * Writes a problem as a {@link ProblemJson} document (pass it to `JSON.stringify`). Pairs that are not allowed
 * become null; an uncapacitated site has no `capacity`; a zero fixed cost and false flags are left out.
 * `readProblemJson(problemToJson(problem))` gives back an equal problem with the same cost for every pair;
 * its matrix is dense when every pair is allowed and sparse otherwise, whatever form the original had.
 * @param problem - the problem to write
 */
export function problemToJson(problem: Problem): ProblemJson {
  const m = problem.sites.length;
  return {
    demand: problem.demand.map(({ id, weight }) => ({ id, weight })),
    sites: problem.sites.map((site) => ({
      id: site.id,
      ...(site.capacity === Infinity ? {} : { capacity: site.capacity }),
      ...(site.fixedCost === 0 ? {} : { fixedCost: site.fixedCost }),
      ...(site.required ? { required: true } : {}),
      ...(site.forbidden ? { forbidden: true } : {}),
    })),
    costs: {
      unit: problem.costs.unit,
      rows: problem.demand.map((_, i) =>
        Array.from({ length: m }, (_, j) => {
          const cost = costOf(problem.costs, i, j);
          return cost === Infinity ? null : cost;
        }),
      ),
    },
  };
}
