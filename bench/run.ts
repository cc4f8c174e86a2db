/**
 * `npm run bench [-- NAME ...] [--quick]`: runs the named benchmarks (default: all), each in its own process, and
 * records their results in bench/results/. NAME is one of:
 * - `models`: the six location models on the San Francisco set and seeded random instances (models.md)
 * - `travel`: the road-network travel-time matrix target of the travel issue (travel.md)
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BENCHMARKS = ["models", "travel", "plan", "planBatch"] as const;
const names = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith("--"));
const unknown = names.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark "${unknown[0]}"; choose from ${BENCHMARKS.join(", ")}`);
  process.exit(1);
}
for (const name of names.length > 0 ? names : BENCHMARKS) {
  console.error(`bench: ${name}`);
  const script = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  execFileSync(process.execPath, ["--import", "tsx", script, ...flags], { stdio: "inherit" });
}
