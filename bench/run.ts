/**
 * `npm run bench [-- NAME ...] [--quick]`: runs the named benchmarks (default: all), each in its own process, and
 * records their results in bench/results/. NAME is one of:
 * - `models`: the six location models on the San Francisco set and seeded random instances (models.md)
 * - `travel`: the road-network travel-time matrix target of the travel issue (travel.md)
 * - `plan`, `planBatch`: the school plans' proven gaps (plan.md, plan-batch.md)
 * - `orlib`: the OR-Library sets with their published optima (`--set pmed|pmedcap|cap`, `--only NAMES`,
 *   `--time-limit S`, `--solver auto|benders|highs|heuristic|cbc`, `--side-by-side`, `--record`; orlib-SET.md)
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BENCHMARKS = ["models", "travel", "plan", "planBatch", "orlib"] as const;
/** Flags that take a value (`--set pmed`): the value is not a benchmark name. */
const VALUE_FLAGS = ["--set", "--only", "--time-limit", "--solver"];
const args = process.argv.slice(2);
const isValue = (k: number): boolean => k > 0 && VALUE_FLAGS.includes(args[k - 1]!);
const names = args.filter((arg, k) => !arg.startsWith("--") && !isValue(k));
const flags = args.filter((arg, k) => arg.startsWith("--") || isValue(k));
const unknown = names.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark "${unknown[0]}"; choose from ${BENCHMARKS.join(", ")}`);
  process.exit(1);
}
for (const name of names.length > 0 ? names : BENCHMARKS) {
  console.error(`bench: ${name}`);
  const script = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  try {
    execFileSync(process.execPath, ["--import", "tsx", script, ...flags], { stdio: "inherit" });
  } catch (error) {
    process.exit((error as { status?: number | null }).status ?? 1); // the benchmark has said why on stderr
  }
}
