/**
 * The whole `planSchools` call against its time limit (`npx tsx bench/planDeadline.ts [limit seconds]`): the
 * 1,276 × 200 row of bench/plan.ts (seeded synthetic county, road network), status quo included, timed from the
 * call to its return. Prints one JSON line.
 */
import { planSchools } from "../src/index.ts";
import { BENCH_NORMS, benchSchoolSystem } from "./planInstance.ts";

const limit = Number(process.argv[2] ?? 60);
const system = benchSchoolSystem({ settlements: 1276, seed: 11, townships: 25, population: 200_000, areaKm2: 1000 }, { sites: 200 });
const started = performance.now();
const plan = await planSchools(system, { timeLimitSeconds: limit, mipRelativeGap: 0.005, norms: BENCH_NORMS });
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ date: new Date().toISOString(), timeLimitSeconds: limit, callSeconds: seconds, solveSeconds: plan.statistics.seconds, status: plan.status, source: plan.source, gap: plan.gap }));
