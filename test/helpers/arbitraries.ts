/**
 * fast-check arbitraries for tiny random location problems (n ≤ 7 demand points, m ≤ 5 sites), small enough
 * for the brute-force solver in bruteForce.ts. Costs are small integers so that ties are common, with some
 * pairs not allowed (Infinity, or missing in a sparse matrix); some weights are 0; some sites are required or
 * forbidden by flag or by id.
 */
import fc from "fast-check";
import { createProblem, denseCostMatrix, sparseCostMatrix, type CostMatrix, type Problem } from "../../src/index.ts";

/** A tiny problem with the parameters every model may take. */
export interface TinyCase {
  readonly problem: Problem;
  /** Site ids required through the options. */
  readonly required: readonly string[];
  /** Site ids forbidden through the options. */
  readonly forbidden: readonly string[];
  /** 1 ≤ p ≤ m. */
  readonly p: number;
  /** Coverage radius, 0..20. */
  readonly radius: number;
  /** For fixed charge. */
  readonly singleSource: boolean;
}

/** What the arbitrary may vary. */
export interface TinyCaseOptions {
  /** Largest n (default 7). */
  readonly maxDemand?: number;
  /** Largest m (default 5). */
  readonly maxSites?: number;
  /** Let about 1 pair in 7 be not allowed (default true). */
  readonly allowMissingPairs?: boolean;
  /** Allow required / forbidden sites (default true). */
  readonly siteRules?: boolean;
}

type Role = "none" | "requiredFlag" | "forbiddenFlag" | "requiredId" | "forbiddenId";

const cost = (allowMissing: boolean): fc.Arbitrary<number> =>
  allowMissing
    ? fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.constant(Infinity) })
    : fc.integer({ min: 0, max: 20 });

/** Turns dense values (Infinity for a missing pair) into a sparse CSR matrix with the same allowed pairs. */
export function toSparse(values: readonly number[], n: number, m: number): CostMatrix {
  const rowStarts = [0];
  const siteIndices: number[] = [];
  const costs: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const value = values[i * m + j]!;
      if (value !== Infinity) {
        siteIndices.push(j);
        costs.push(value);
      }
    }
    rowStarts.push(siteIndices.length);
  }
  return sparseCostMatrix(rowStarts, siteIndices, costs, m, "metres");
}

/**
 * Random tiny problems with p, a radius and a single-source flag.
 * @param options - sizes and features
 */
export function tinyCase(options: TinyCaseOptions = {}): fc.Arbitrary<TinyCase> {
  const maxDemand = options.maxDemand ?? 7;
  const maxSites = options.maxSites ?? 5;
  const allowMissing = options.allowMissingPairs ?? true;
  const roles: fc.Arbitrary<Role> =
    options.siteRules === false
      ? fc.constant("none")
      : fc.oneof(
          { weight: 12, arbitrary: fc.constant<Role>("none") },
          { weight: 1, arbitrary: fc.constantFrom<Role>("requiredFlag", "forbiddenFlag", "requiredId", "forbiddenId") },
        );
  return fc
    .tuple(fc.integer({ min: 1, max: maxDemand }), fc.integer({ min: 1, max: maxSites }))
    .chain(([n, m]) =>
      fc.record({
        weights: fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 10 }) }, { weight: 1, arbitrary: fc.constant(0) }), {
          minLength: n,
          maxLength: n,
        }),
        costs: fc.array(cost(allowMissing), { minLength: n * m, maxLength: n * m }),
        capacities: fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), {
          minLength: m,
          maxLength: m,
        }),
        fixedCosts: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: m, maxLength: m }),
        roles: fc.array(roles, { minLength: m, maxLength: m }),
        sparse: fc.boolean(),
        p: fc.integer({ min: 1, max: m }),
        radius: fc.integer({ min: 0, max: 20 }),
        singleSource: fc.boolean(),
        n: fc.constant(n),
        m: fc.constant(m),
      }),
    )
    .map((drawn): TinyCase => {
      const { n, m } = drawn;
      const problem = createProblem({
        demand: drawn.weights.map((weight, i) => ({ id: `d${i}`, weight })),
        sites: drawn.capacities.map((capacity, j) => ({
          id: `s${j}`,
          capacity,
          fixedCost: drawn.fixedCosts[j]!,
          required: drawn.roles[j] === "requiredFlag",
          forbidden: drawn.roles[j] === "forbiddenFlag",
        })),
        costs: drawn.sparse ? toSparse(drawn.costs, n, m) : denseCostMatrix(drawn.costs, n, m, "metres"),
      });
      const idsWith = (role: Role): string[] => drawn.roles.flatMap((r, j) => (r === role ? [`s${j}`] : []));
      return {
        problem,
        required: idsWith("requiredId"),
        forbidden: idsWith("forbiddenId"),
        p: drawn.p,
        radius: drawn.radius,
        singleSource: drawn.singleSource,
      };
    });
}
