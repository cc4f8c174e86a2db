/**
 * How much memory HiGHS (in WebAssembly, with its 2 GiB heap) needs for a model, from the model's sizes alone,
 * so that a model too large is refused before it is built or solved. No solver is loaded here: location models
 * check their sizes with it before building (see `assignmentModelSize`).
 * @module
 */
import { SolverError } from "../errors.ts";
import type { LinearModel } from "./linearModel.ts";

/**
 * The most memory, in bytes, a model may need in HiGHS (1.5 GiB): WebAssembly's heap stops at 2 GiB here, the
 * heap grows in steps of up to 20 % and branch and bound can grow past the measured peaks below.
 */
export const HIGHS_MAX_MODEL_BYTES = 1.5 * 1024 ** 3;

/**
 * HiGHS' heap (the `highs` package, HiGHS 1.x in WebAssembly) before any model, in bytes: 20.3 MiB measured.
 */
const HIGHS_BASE_BYTES = Math.round(20.3 * 1024 ** 2);

/**
 * Bytes of HiGHS heap per unit of size (each nonzero, column and row counts one unit), with integer columns
 * (branch and bound: presolve copies, the LP relaxation, cut pool, clique table, search) and without (an LP).
 *
 * Measured (2026-12, `highs` 1.15.3, Node 20) as the WebAssembly memory's size after a solve of dense
 * p-median models (n demand points × m sites, every pair allowed, p = 20, 45 s limit), minus the 20.3 MiB base:
 *
 * | n × m      | columns | rows    | nonzeros | MIP peak  | per unit | LP peak  | per unit |
 * |------------|---------|---------|----------|-----------|----------|----------|----------|
 * | 150 × 150² |  22,650 |  22,651 |   67,650 |   73 MiB  |   470 B  |          |          |
 * | 200 × 200  |  40,200 |  40,201 |  120,200 |  261 MiB  | 1,260 B  | 105 MiB  |   443 B  |
 * | 300 × 300  |  90,300 |  90,301 |  270,300 |  639 MiB  | 1,437 B  | 218 MiB  |   459 B  |
 * | 400 × 400  | 160,400 | 160,401 |  480,400 | 1,032 MiB | 1,323 B  | 376 MiB  |   466 B  |
 * | 2000 × 100 | 200,100 | 202,001 |  600,100 |  948 MiB¹ |   970 B¹ | 452 MiB¹ |   451 B¹ |
 * | 500 × 500  | 250,500 | 250,501 |  750,500 | 1,175 MiB¹|   967 B¹ | 542 MiB¹ |   437 B¹ |
 * | 1000 × 100 | 100,100 | 101,001 |  300,100 |  542 MiB¹ | 1,092 B¹ |          |          |
 * | 4000 × 200 | 800,200 | 804,001 | 2,400,200|           |          | 1,768 MiB¹|  457 B¹ |
 *
 * ¹ stopped by the time limit, so the peak may be low. ² solved at the root: small models need less per unit,
 * so the estimate is up to 2.5 × their peak (test/solvers/highsMemory.test.ts measures this one again). The old rule (120 B per nonzero, 400 per row or column)
 * said 46 MiB for the 200 × 200 MIP that took 261 MiB; a dense 600 × 600 p-median (OR-Library pmed26 with every
 * node a site) passed it at 0.4 GiB and then aborted HiGHS at the 2 GiB heap limit. The rule now takes the
 * largest MIP and LP figures with a margin: 1,500 and 500 bytes per unit.
 */
const BYTES_PER_UNIT_MIP = 1500;
const BYTES_PER_UNIT_LP = 500;

/** The sizes of a linear model that HiGHS' memory depends on (known before the model is built). */
export interface HighsModelSize {
  /** Columns (variables). */
  readonly columns: number;
  /** Rows (constraints). */
  readonly rows: number;
  /** Nonzero coefficients of the constraint matrix. */
  readonly nonzeros: number;
  /** Whether any column is integer (a MIP needs about three times an LP's memory). */
  readonly integer: boolean;
}

/** The sizes of a built model. */
function sizeOf(model: LinearModel): HighsModelSize {
  return {
    columns: model.columnCount,
    rows: model.rowCount,
    nonzeros: model.coefficients.length,
    integer: model.integer.some((flag) => flag === 1),
  };
}

/**
 * Estimates the peak memory HiGHS needs for a model, in bytes: 20.3 MiB of runtime, plus 1,500 bytes (MIP) or
 * 500 bytes (LP) per nonzero, column and row, calibrated on measured peaks (the figures are in the source).
 * @param model - the linear model (only its sizes are read), or its sizes ({@link HighsModelSize}) before it is built
 * @returns bytes
 */
export function estimateHighsBytes(model: LinearModel | HighsModelSize): number {
  const size = "columnCount" in model ? sizeOf(model) : model;
  const units = size.nonzeros + size.columns + size.rows;
  return HIGHS_BASE_BYTES + units * (size.integer ? BYTES_PER_UNIT_MIP : BYTES_PER_UNIT_LP);
}

/**
 * Throws before HiGHS is tried (or before the model is built, given its sizes) when the model would not fit in
 * WebAssembly's memory.
 * @param model - the linear model, or its sizes ({@link HighsModelSize})
 * @param maxBytes - the limit in bytes; default {@link HIGHS_MAX_MODEL_BYTES} (1.5 GiB)
 * @throws SolverError naming the columns, rows, nonzeros, the estimate and the limit, with the usual remedies
 */
export function assertHighsFits(model: LinearModel | HighsModelSize, maxBytes: number = HIGHS_MAX_MODEL_BYTES): void {
  const size = "columnCount" in model ? sizeOf(model) : model;
  const estimate = estimateHighsBytes(size);
  if (estimate <= maxBytes) return;
  const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(bytes < 1024 ** 3 ? 3 : 1)} GiB`;
  throw new SolverError(
    `the model (${size.columns} columns, ${size.rows} rows, ${size.nonzeros} nonzeros, ${size.integer ? "a MIP" : "an LP"}) would need ` +
      `about ${gib(estimate)} (${Math.round(estimate)} bytes) in HiGHS, above the limit of ${gib(maxBytes)} ` +
      `(${Math.round(maxBytes)} bytes) that WebAssembly's 2 GiB heap allows; make the cost matrix sparse ` +
      "(a radius, cutoff or k nearest sites) or use fewer candidate sites",
  );
}
