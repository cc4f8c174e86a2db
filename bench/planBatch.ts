/**
 * The batch row of the plan benchmark (`npm run bench -- planBatch`): 122 seeded synthetic counties (the number of
 * county units in Guangdong), 200–400 settlements each, their existing schools, a teaching-point candidate at each village no existing primary reaches within 30
 * minutes and 40 more candidate sites, planned
 * on both cores through a tinypool of worker threads; each plan stops at a 1 % proven gap or 7 s. Records the
 * wall time and the distribution of statuses and gaps in bench/results/plan-batch.md and plan.jsonl.
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import { workerEntryUrl } from "../src/runtime/typeScriptWorker.node.ts";
import type { BatchTask } from "./planBatchWorker.ts";

const quick = process.argv.includes("--quick");
const COUNTIES = quick ? 4 : 122;
const threads = Math.min(2, availableParallelism());
// tinypool imports the worker file and calls its default export; from TypeScript source the entry goes through tsx.
const entry = workerEntryUrl(new URL("./planBatchWorker.ts", import.meta.url));
const filename = entry.protocol === "data:"
  ? `data:text/javascript,${encodeURIComponent(`${decodeURIComponent(entry.href.slice("data:text/javascript,".length)).replace(/await import\((.*)\);\n$/, "export default (await import($1)).default;\n")}`)}`
  : entry.href;
const pool = new Tinypool({ filename, minThreads: threads, maxThreads: threads });
const started = performance.now();
const tasks: BatchTask[] = Array.from({ length: COUNTIES }, (_, k) => ({
  seed: 1000 + k,
  settlements: 200 + (k % 5) * 50,
  timeLimitSeconds: 7,
  mipRelativeGap: 0.01,
}));
const records = (await Promise.all(tasks.map((task) => pool.run(task)))) as Array<{ seed: number; settlements: number; status: string; gap: number | null; seconds: number; source: string }>;
await pool.destroy();
const wall = (performance.now() - started) / 1000;
const byStatus = new Map<string, number>();
for (const record of records) byStatus.set(record.status, (byStatus.get(record.status) ?? 0) + 1);
const gaps = records.map((r) => r.gap).filter((g): g is number => g !== null).sort((a, b) => a - b);
const quantile = (q: number): string => (gaps.length === 0 ? "—" : `${(gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]! * 100).toFixed(2)} %`);
const summary = {
  date: new Date().toISOString(),
  row: `batch of ${COUNTIES} counties`,
  threads,
  wallSeconds: wall,
  statuses: Object.fromEntries(byStatus),
  medianGap: quantile(0.5),
  p90Gap: quantile(0.9),
  maxGap: quantile(1),
  heuristicPlans: records.filter((r) => r.source === "heuristic").length,
  withoutBound: records.filter((r) => r.gap === null).length,
  worst: records.reduce<(typeof records)[number] | null>((worst, r) => (r.gap !== null && (worst === null || r.gap > worst.gap!) ? r : worst), null),
};
console.log(JSON.stringify(summary));
if (!quick) {
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  appendFileSync(new URL("./results/plan.jsonl", import.meta.url), `${JSON.stringify(summary)}\n`);
  writeFileSync(
    new URL("./results/plan-batch.md", import.meta.url),
    [
      "# School-plan batch benchmark (`npm run bench -- planBatch`)",
      "",
      `${COUNTIES} seeded synthetic counties of 200–400 settlements (existing schools, teaching points for out-of-reach villages + 40 candidates, road travel times, 4 levels),`,
      `planned on ${threads} worker threads (tinypool); each plan stops at a 1 % proven gap or after 7 s.`,
      "",
      "| counties | wall seconds | statuses | median gap | 90th percentile gap | largest gap (county) | plans without a bound |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      `| ${COUNTIES} | ${wall.toFixed(0)} | ${[...byStatus].map(([s, c]) => `${s} ${c}`).join(", ")} | ${summary.medianGap} | ${summary.p90Gap} | ${summary.maxGap}${summary.worst === null ? "" : ` (seed ${summary.worst.seed}, ${summary.worst.settlements} settlements)`} | ${summary.withoutBound} |`,
      "",
    ].join("\n"),
  );
}
