/**
 * Which backend `solver: "auto"` runs: HiGHS, except for models small enough that javascript-lp-solver was
 * measured to be as fast (and for which no infeasibility explanation is asked: only HiGHS gives one).
 * @module
 */
import { toJsLpModel } from "./jsLpSolver.ts";
import type { LinearModel } from "./linearModel.ts";
import type { BackendChoice } from "./options.ts";

/*
 * Measured on the development machine (2 cores, Node 20.20, highs 1.15.3, javascript-lp-solver 1.0.3; medians
 * of 3 seeds, HiGHS already loaded — loading it costs about 130 ms once per thread, which javascript-lp-solver
 * never pays). Tableau cells = (javascript-lp-solver's constraints + 1) × (columns + 1), its dense tableau with
 * the objective row and the right-hand side; equalities and ranges count as two constraints, finite upper bounds
 * not implied by a row as one.
 *
 * p-median (random points, weights 1–100, y binary, Σ y = p, x[i][j] ≤ y[j]), HiGHS vs javascript-lp-solver:
 *   10 × 5,  p 2:     48.6 ms vs 10.4 ms    (x binary: 37.8 vs 1.8)
 *   20 × 10, p 3:     12.7 ms vs 5.7 ms     (x binary: 17.1 vs 2.9)
 *   30 × 15, p 5:     14.5 ms vs 13.7 ms    (x binary: 21.7 vs 17.6)   ≈ 246,000 tableau cells
 *   40 × 20, p 7:     33.3 ms vs 37.8 ms    (x binary: 39.8 vs 46.0)   ≈ 740,000 cells
 *   100 × 50, p 17:   170–690 ms vs 910–1,658 ms
 *   100 × 100, p 10:  532–1,031 ms vs 17.0–38.2 s and 1.5–2 GB of memory
 * Strongly correlated 0–1 knapsacks (one row; 8 seeds each; median / worst):
 *   12 items:  132 / 273 ms vs 31 / 75 ms
 *   16 items:  67 / 132 ms vs 13 / 599 ms
 *   20 items:  186 / 270 ms vs 608 / 803 ms
 *   24 items:  121 / 274 ms vs 8.2 / 15.6 s (its branch and bound has no cuts: it grows like 2^n)
 * Random LPs (rows × columns, half the entries nonzero):
 *   10 × 10:   1.24 ms vs 0.29 ms;   20 × 20: 2.63 ms vs 3.28 ms;   50 × 50: 23.0 ms vs 39.6 ms;
 *   200 × 200: 31.1 ms vs 284 ms;    400 × 400: 123 ms vs 6.2 s
 * Market split rows (Cornuéjols–Dawande, equalities over 0–1 columns): javascript-lp-solver's simplex cycles
 * without end from 2 rows × 12 columns (2 of 3 seeds), ignoring its timeout; `solveWithJsLpSolver` detects the
 * stall after 50 × (rows + columns) + 1000 pivots in one phase (about 50 ms there) and `auto` then runs HiGHS.
 * Hence javascript-lp-solver only for MIPs with at most 12 integer columns and 250,000 tableau cells, and for LPs
 * with at most 500 tableau cells (about 20 × 20); HiGHS for everything else. A repeat of the p-median and LP runs with the stall
 * guard in place gave the same picture (30 × 15: 12.6 vs 11.1 ms; 40 × 20: 21.3 vs 29.1 ms; LP 50 × 50: 9.7 vs
 * 26.4 ms).
 */

/** `auto` picks javascript-lp-solver for a MIP only with at most this many integer columns. */
const JS_LP_MAX_INTEGER_COLUMNS = 12;
/** `auto` picks javascript-lp-solver for a MIP only with at most this many tableau cells. */
const JS_LP_MAX_MIP_CELLS = 250_000;
/** `auto` picks javascript-lp-solver for an LP only with at most this many tableau cells. */
const JS_LP_MAX_LP_CELLS = 500;

/**
 * Picks the backend for a model: the named one, or for `auto` HiGHS except for small models where
 * javascript-lp-solver was measured to be as fast or faster (MIPs with at most 12 integer columns and 250,000
 * cells in its dense tableau, about a 30-point × 12-site p-median; LPs with at most 500 cells, about 20 × 20).
 * Its branch and bound has no cutting planes and grows exponentially on hard models (a 24-item knapsack takes
 * it seconds), its dense tableau needs gigabytes beyond about a 100 × 100 p-median, and its simplex can cycle on
 * degenerate models (then `solveLinearModel` falls back to HiGHS), so the limits are small. `auto` takes HiGHS
 * whatever the size when `explainInfeasibility` is asked, as only HiGHS finds an irreducible infeasible subsystem.
 * @param model - the linear model
 * @param choice - `"highs"`, `"javascript-lp-solver"` or `"auto"`
 * @param explainInfeasibility - whether the caller asks for an infeasibility explanation; default false
 * @returns the backend that will run
 */
export function chooseBackend(model: LinearModel, choice: BackendChoice, explainInfeasibility = false): "highs" | "javascript-lp-solver" {
  if (choice !== "auto") return choice;
  if (explainInfeasibility) return "highs";
  let integerColumns = 0;
  for (let c = 0; c < model.columnCount; c++) integerColumns += model.integer[c] === 1 ? 1 : 0;
  const isMip = integerColumns > 0;
  const limit = isMip ? JS_LP_MAX_MIP_CELLS : JS_LP_MAX_LP_CELLS;
  if (integerColumns > JS_LP_MAX_INTEGER_COLUMNS) return "highs";
  // Nearly every row is at least one constraint: turn large models away before building the JSON.
  if ((model.rowCount + 1) * (model.columnCount + 1) > limit) return "highs";
  const json = toJsLpModel(model);
  if (json === null) return "javascript-lp-solver"; // infeasible on its face: answered without solving
  let constraints = 0;
  for (const bound of Object.values(json.constraints)) constraints += bound.equal !== undefined || (bound.min !== undefined && bound.max !== undefined) ? 2 : 1;
  return (constraints + 1) * (model.columnCount + 1) <= limit ? "javascript-lp-solver" : "highs";
}
