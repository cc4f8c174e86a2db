/**
 * Benders optimality cuts of the p-median problem, separated analytically per demand point.
 *
 * Over the radius formulation (Elloumi 2010; García, Labbé & Marín 2011) the subproblem of a demand point u, for
 * fixed site values y, is solved by walking u's sites in order of cost: with D the cost of the first site at
 * which the open share reaches 1, the cut
 * ```
 * θ_u ≥ D − Σ_{j : c_uj < D} (D − c_uj) · y_j
 * ```
 * is valid for every integer y (it is at most the nearest open cost) and tight at y: it is the cut of
 * Durán-Mateluna, Alès & Elloumi (2023), "An efficient Benders decomposition for the p-median problem", EJOR
 * 308(1):84–96. Costs are weighted (w_u × c_uj), so θ_u is u's share of the objective.
 * @module
 */
import type { SiteLists } from "../heuristics/siteLists.ts";

/**
 * The cut of demand point u at site values `y`: its level D (the cost at which the open share of u's sorted
 * sites first reaches 1, or u's last site when it never does) and the sites cheaper than D.
 * @param lists - the sorted lists
 * @param u - the demand point
 * @param y - length m, site values in [0, 1]
 * @param sites - filled with the sites of the cut
 * @param coefficients - filled with D − c_uj for each
 * @returns the level D
 */
export function cutAt(lists: SiteLists, u: number, y: Float64Array, sites: number[], coefficients: number[]): number {
  const { starts, sites: listSites, costs } = lists;
  const end = starts[u + 1]!;
  let share = 0;
  let k = starts[u]!;
  for (; k < end; k++) {
    share += y[listSites[k]!]!;
    if (share >= 1 - 1e-9) break;
  }
  const level = costs[Math.min(k, end - 1)]!;
  sites.length = 0;
  coefficients.length = 0;
  for (let at = starts[u]!; at < end && costs[at]! < level; at++) {
    sites.push(listSites[at]!);
    coefficients.push(level - costs[at]!);
  }
  return level;
}

/**
 * The right-hand side of a cut at site values `y`: D − Σ (D − c_uj) y_j.
 * @param level - D
 * @param sites - the cut's sites
 * @param coefficients - their coefficients
 * @param y - site values
 */
export function cutValue(level: number, sites: readonly number[], coefficients: readonly number[], y: Float64Array): number {
  let value = level;
  for (let k = 0; k < sites.length; k++) value -= coefficients[k]! * y[sites[k]!]!;
  return value;
}
