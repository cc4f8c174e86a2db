/**
 * Run in a child process by `highsMemory.test.ts` (`node --import tsx`, a fresh process so that HiGHS' heap
 * starts empty): solves a dense p-median model (n points × m sites, p), as a MIP or its LP relaxation, and prints
 * one JSON line with the model's sizes, HiGHS' WebAssembly heap after the solve (the heap only grows, so this is
 * its peak) and the estimate. The heap is read from the `WebAssembly.Memory` the HiGHS module exports, caught by
 * wrapping `WebAssembly.instantiate` before HiGHS is loaded.
 * Usage: measureHighsPeak.ts n m p mip|lp
 */
let memory: WebAssembly.Memory | undefined;
const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (...args: unknown[]) => Promise<unknown>;
(WebAssembly as { instantiate: unknown }).instantiate = async (...args: unknown[]) => {
  const out = (await instantiate(...args)) as { instance?: WebAssembly.Instance } & WebAssembly.Instance;
  const exports = (out.instance ?? out).exports;
  for (const value of Object.values(exports)) if (value instanceof WebAssembly.Memory) memory = value;
  return out;
};
const { estimateHighsBytes, lpRelaxation, solveWithHighs } = await import("../../../src/solvers/index.ts");
const { pMedianModel } = await import("../models.ts");

const [n, m, p] = process.argv.slice(2, 5).map(Number) as [number, number, number];
const mip = process.argv[5] !== "lp";
const built = pMedianModel(n, m, p, 7);
const model = mip ? built : lpRelaxation(built);
const result = await solveWithHighs(model, { timeLimitSeconds: 60 });
console.log(
  JSON.stringify({
    columns: model.columnCount,
    rows: model.rowCount,
    nonzeros: model.coefficients.length,
    status: result.status,
    peakBytes: memory?.buffer.byteLength ?? null,
    estimateBytes: estimateHighsBytes(model),
  }),
);
