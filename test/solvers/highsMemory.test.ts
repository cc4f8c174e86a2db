/**
 * The HiGHS memory estimate is calibrated on measured peaks: it must not fall below what HiGHS really takes
 * (then a model passes the check and aborts HiGHS at the 2 GiB heap), nor be far above it (then models that fit
 * are refused). Measured here in a fresh child process, and against the figures recorded in highsMemory.ts.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SolverError } from "../../src/errors.ts";
import { HIGHS_MAX_MODEL_BYTES, assertHighsFits, estimateHighsBytes, type HighsModelSize } from "../../src/solvers/index.ts";
import { pMedianModel } from "./models.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const MiB = 1024 ** 2;

interface Measured {
  readonly columns: number;
  readonly rows: number;
  readonly nonzeros: number;
  readonly status: string;
  readonly peakBytes: number;
  readonly estimateBytes: number;
}

function measure(...args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", "test/solvers/scripts/measureHighsPeak.ts", ...args], { cwd: root, timeout: 90_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as Measured);
    });
  });
}

/** A dense p-median's sizes: n × m pairs, p row. */
const densePMedian = (n: number, m: number, integer = true): HighsModelSize => ({
  columns: m + n * m,
  rows: n + n * m + 1,
  nonzeros: n * m + 2 * n * m + m,
  integer,
});

describe("the HiGHS memory estimate", () => {
  it("is at least HiGHS' real peak heap and within 3× of it, for a MIP and an LP (measured in a fresh process)", async () => {
    for (const [args, kind] of [[["150", "150", "10", "mip"], "MIP"], [["200", "200", "10", "lp"], "LP"]] as const) {
      const measured = await measure(...args);
      expect(measured.status, kind).toBe("optimal");
      expect(measured.peakBytes, kind).toBeGreaterThan(30 * MiB); // the model really was in HiGHS' heap
      expect(measured.estimateBytes, `${kind}: estimate ${measured.estimateBytes} vs peak ${measured.peakBytes}`).toBeGreaterThanOrEqual(measured.peakBytes);
      expect(measured.estimateBytes, kind).toBeLessThan(3 * measured.peakBytes);
    }
  }, 120_000);

  it("covers every peak recorded in highsMemory.ts (dense p-median, n × m, in MiB)", () => {
    const recorded: [number, number, boolean, number][] = [
      [200, 200, true, 261.4], [300, 300, true, 638.7], [400, 400, true, 1031.5], [2000, 100, true, 947.6],
      [500, 500, true, 1174.5], [1000, 100, true, 542.1], [600, 600, true, 1633.4],
      [200, 200, false, 105], [300, 300, false, 217.8], [400, 400, false, 376.4], [2000, 100, false, 451.8],
      [500, 500, false, 542.1], [4000, 200, false, 1767.6],
    ];
    for (const [n, m, integer, peakMiB] of recorded) {
      expect(estimateHighsBytes(densePMedian(n, m, integer)), `${n} × ${m} ${integer ? "MIP" : "LP"}`).toBeGreaterThanOrEqual(peakMiB * MiB);
    }
  });

  it("a MIP needs three times an LP of the same sizes, and the estimate of a built model equals that of its sizes", () => {
    const model = pMedianModel(20, 10, 3, 1);
    const size = { columns: model.columnCount, rows: model.rowCount, nonzeros: model.coefficients.length, integer: true };
    expect(estimateHighsBytes(model)).toBe(estimateHighsBytes(size));
    const base = Math.round(20.3 * MiB);
    expect(estimateHighsBytes(size) - base).toBe(3 * (estimateHighsBytes({ ...size, integer: false }) - base));
  });

  it("refuses a dense 600 × 600 p-median (OR-Library pmed26, every node a site) that aborted HiGHS, naming its sizes", () => {
    const size = densePMedian(600, 600);
    expect(() => assertHighsFits(size)).toThrow(SolverError);
    expect(() => assertHighsFits(size)).toThrow("360600 columns, 360601 rows, 1080600 nonzeros, a MIP");
    expect(() => assertHighsFits(size)).toThrow(/about 2\.\d GiB .* above the limit of 1\.5 GiB/);
    // The largest measured MIP that completed (400 × 400, 1,032 MiB) still passes.
    expect(() => assertHighsFits(densePMedian(400, 400))).not.toThrow();
    expect(HIGHS_MAX_MODEL_BYTES).toBe(1.5 * 1024 ** 3);
  });
});
