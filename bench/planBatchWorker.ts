/**
 * One county of the batch benchmark, run in a tinypool worker thread: builds the seeded school system and plans it.
 */
import { planSchools } from "../src/index.ts";
import { BENCH_NORMS, benchSchoolSystem } from "./planInstance.ts";

/** What the batch asks a worker to do. */
export interface BatchTask {
  readonly seed: number;
  readonly settlements: number;
  readonly timeLimitSeconds: number;
  readonly mipRelativeGap: number;
}

/** Plans one county; returns its figures. */
export default async function planCounty(task: BatchTask): Promise<Record<string, unknown>> {
  const started = performance.now();
  const n = task.settlements;
  const county = { settlements: n, seed: task.seed, townships: Math.max(4, Math.round(n / 35)), population: n * 400, areaKm2: n * 3 };
  const sized = benchSchoolSystem(county, { candidates: 40 });
  const plan = await planSchools(sized, { timeLimitSeconds: task.timeLimitSeconds, mipRelativeGap: task.mipRelativeGap, statusQuo: false, norms: BENCH_NORMS });
  return {
    seed: task.seed,
    settlements: n,
    schools: sized.schools.length,
    status: plan.status,
    source: plan.source,
    gap: plan.gap,
    seconds: (performance.now() - started) / 1000,
  };
}
