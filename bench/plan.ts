/**
 * School-plan benchmark rows (`npm run bench -- plan`): seeded synthetic counties with their road networks
 * (school bus for grades 1–3 and above, walking for kindergarten), existing schools plus candidate sites
 * (teaching points, village primaries and kindergartens), 4 levels, default rules; one thread. Records status,
 * proven gap, seconds and peak memory in bench/results/plan.md and plan.jsonl.
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { planSchools, type CountyOptions } from "../src/index.ts";
import { BENCH_NORMS, benchSchoolSystem } from "./planInstance.ts";

const quick = process.argv.includes("--quick");

interface Row {
  readonly name: string;
  readonly county: CountyOptions;
  readonly sites: number;
  readonly timeLimitSeconds: number;
  readonly targetGap: number;
}

const ROWS: Row[] = [
  { name: "300 × 80", county: { settlements: 300, seed: 7, townships: 8, population: 120_000, areaKm2: 800 }, sites: 80, timeLimitSeconds: 30, targetGap: 0.001 },
  { name: "1,276 × 200", county: { settlements: 1276, seed: 11, townships: 25, population: 200_000, areaKm2: 1000 }, sites: 200, timeLimitSeconds: 60, targetGap: 0.005 },
];

const results: string[] = [];
const millions = (value: number | null): string => (value === null ? "—" : (value / 1e6).toFixed(2));
for (const row of quick ? ROWS.slice(0, 1) : ROWS) {
  const started = performance.now();
  const system = benchSchoolSystem(row.county, { sites: row.sites });
  const built = (performance.now() - started) / 1000;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
  const plan = await planSchools(system, { timeLimitSeconds: quick ? 10 : row.timeLimitSeconds, mipRelativeGap: row.targetGap, statusQuo: false, norms: BENCH_NORMS });
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const record = {
    date: new Date().toISOString(),
    row: row.name,
    settlements: system.settlements.length,
    schools: system.schools.length,
    existing: system.schools.filter((s) => s.existing).length,
    status: plan.status,
    source: plan.source,
    objective: plan.objective,
    bound: plan.bound,
    gap: plan.gap,
    targetGap: row.targetGap,
    timeLimitSeconds: quick ? 10 : row.timeLimitSeconds,
    solveSeconds: plan.statistics.seconds,
    instanceSeconds: built,
    columns: plan.statistics.variables,
    rows: plan.statistics.constraints,
    peakRssMiB: Math.round(peak / 2 ** 20),
  };
  console.log(JSON.stringify(record));
  results.push(
    `| ${row.name} | ${record.settlements} × ${record.schools} (${record.existing} existing) | ${record.status} | ${millions(record.objective)} | ${millions(record.bound)} | ${record.source} | ${record.gap === null ? "—" : `${(record.gap * 100).toFixed(2)} %`} | ≤ ${(row.targetGap * 100).toFixed(1)} % in ${row.timeLimitSeconds} s | ${record.solveSeconds.toFixed(1)} | ${record.columns.toLocaleString("en-US")} × ${record.rows.toLocaleString("en-US")} | ${record.peakRssMiB} |`,
  );
  if (!quick) {
    mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
    appendFileSync(new URL("./results/plan.jsonl", import.meta.url), `${JSON.stringify(record)}\n`);
  }
}
if (!quick) {
  const table = [
    "# School-plan benchmark (`npm run bench -- plan`)",
    "",
    "Synthetic counties (seeded), road-network travel times (school bus from grade 1, walking for kindergarten), 4 levels,",
    "the national norms (whole classes, catchments, three schools; kindergarten walking not limited: kindergartens only at seats), HiGHS;",
    "stops at the target gap or the time limit (enforced). The plan comes from the heuristic (construction and local search) or",
    "from HiGHS when it found a better one; the bound is the larger of the LP relaxation's and HiGHS' own.",
    `Last run ${new Date().toISOString().slice(0, 10)}; every run is appended to plan.jsonl.`,
    "",
    "| row | size | status | plan, M yuan/yr | proven bound | plan from | proven gap | target | seconds | columns × rows | peak RSS MiB |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results,
    "",
  ].join("\n");
  writeFileSync(new URL("./results/plan.md", import.meta.url), table);
  console.log(table);
}
