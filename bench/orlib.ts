/**
 * The OR-Library benchmark (`npm run bench -- orlib [--set pmed|pmedcap|cap] [--only NAMES] [--time-limit S]
 * [--solver auto|benders|highs|heuristic|cbc] [--side-by-side]`): each instance in its own process, one JSON line
 * per instance on stdout (instance, n, p, published, objective, bound, gap, provenOptimal, seconds, peakMemoryMiB,
 * open: the chosen sites, 1-based as in the files), and a Markdown table in bench/results/orlib-SET[-SOLVER].md
 * with the JSON lines beside it. Seconds are the solve call's (reading the file included), not the process's
 * start-up; CBC's are its whole run. `--side-by-side` runs the library's default, HiGHS on the textbook model and
 * CBC on each instance in turn and writes orlib-SET-side-by-side.md with the time ratios. `--only` runs write
 * nothing unless `--record` (then orlib-SET[-…]-partial.md, the command with its --only list in the file).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { ensureCbc } from "./cbc.ts";
import { capacityOf, instanceNames } from "./orlibSets.ts";

const KNOWN_FLAGS = ["--set", "--only", "--time-limit", "--solver", "--side-by-side", "--record"];
const VALUE_FLAGS = ["--set", "--only", "--time-limit", "--solver"];
const args = process.argv.slice(2);
const stray = args.find((arg, k) => arg.startsWith("--") ? !KNOWN_FLAGS.includes(arg) : !VALUE_FLAGS.includes(args[k - 1] ?? ""));
if (stray !== undefined) {
  console.error(`bench orlib: unknown argument "${stray}"; it takes ${KNOWN_FLAGS.join(", ")}`);
  process.exit(1);
}

/** The value after a flag; exits with a message when the flag is last or followed by another flag. */
function flag(name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith("--")) {
    console.error(`bench orlib: ${name} needs a value`);
    process.exit(1);
  }
  return value;
}

const set = flag("--set") ?? "pmed";
if (!["pmed", "pmedcap", "cap"].includes(set)) {
  console.error(`bench orlib: --set must be pmed, pmedcap or cap, got "${set}"`);
  process.exit(1);
}
const timeLimit = Number(flag("--time-limit") ?? (set === "pmed" ? 60 : 120));
if (!(timeLimit > 0)) {
  console.error(`bench orlib: --time-limit must be a number of seconds > 0, got "${flag("--time-limit")}"`);
  process.exit(1);
}
const SOLVERS = ["auto", "benders", "highs", "heuristic", "cbc"];
const solver = flag("--solver") ?? "auto";
if (!SOLVERS.includes(solver)) {
  console.error(`bench orlib: --solver must be one of ${SOLVERS.join(", ")}, got "${solver}"`);
  process.exit(1);
}
if (solver === "heuristic" && set !== "pmed") {
  console.error("bench orlib: --solver heuristic is for the pmed set only");
  process.exit(1);
}
const sideBySide = process.argv.includes("--side-by-side");
const solvers = sideBySide ? ["auto", "highs", "cbc"] : [solver];
if (solvers.includes("cbc")) ensureCbc();
const all = instanceNames(set);
const only = flag("--only")?.split(",").filter((name) => name !== "");
const unknown = only?.find((name) => !all.includes(name));
if (unknown !== undefined) {
  console.error(`bench orlib: --only names "${unknown}", not an instance of ${set} (${all[0]} … ${all.at(-1)})`);
  process.exit(1);
}
const names = only ?? all;

interface Row {
  readonly instance: string;
  readonly n: number;
  readonly p: number | null;
  readonly published: number | null;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly provenOptimal: boolean;
  readonly status: string;
  readonly solver: string;
  readonly seconds: number;
  readonly peakMemoryMiB: number;
}

const child = fileURLToPath(new URL("./orlibInstance.ts", import.meta.url));
/** Runs one instance with one solver in its own process; its JSON line. */
function runInstance(name: string, using: string): string {
  const capacity = capacityOf(name);
  const args = ["--import", "tsx", child, set, name, String(timeLimit), using, ...(capacity === undefined ? [] : [String(capacity)])];
  try {
    return execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 2 ** 20 }).trim().split("\n").at(-1)!;
  } catch (error) {
    const failed = error as { stderr?: string; signal?: string | null; status?: number | null };
    const why = failed.stderr?.trim() || (failed.signal ? `killed by ${failed.signal}` : `exit code ${failed.status ?? "?"}`);
    return JSON.stringify({ instance: name, solver: using, error: why.slice(0, 500) });
  }
}

const rows = new Map<string, Row[]>(solvers.map((using) => [using, []]));
const lines: string[] = [];
for (const name of names) {
  for (const using of solvers) {
    const line = runInstance(name, using);
    console.log(line);
    lines.push(line);
    const parsed = JSON.parse(line) as Row & { error?: string };
    if (parsed.error === undefined) rows.get(using)!.push(parsed);
  }
}

const fmt = (value: number | null, digits = 3): string => (value === null ? "—" : Number.isInteger(value) ? String(value) : value.toFixed(digits));
const atPublished = (row: Row): boolean => row.published !== null && row.objective !== null && Math.abs(row.objective - row.published) <= 1e-6 * Math.max(1, row.published) + 5e-4;
const record = process.argv.includes("--record");
const command = `npm run bench -- orlib --set ${set}${only === undefined ? "" : ` --only ${only.join(",")}`}${sideBySide ? " --side-by-side" : solver === "auto" ? "" : ` --solver ${solver}`} --time-limit ${timeLimit}${record ? " --record" : ""}`;
const recorded = `Recorded ${new Date().toISOString().slice(0, 10)} by \`${command}\` on ${cpus().length} cores, Node ${process.version}; one thread, one process per instance and solver.`;
const summary = (list: readonly Row[]): string =>
  `${list.filter((row) => row.provenOptimal).length} of ${list.length} proven optimal, ${list.filter(atPublished).length} at the published optimum; ${list.reduce((sum, row) => sum + row.seconds, 0).toFixed(1)} s in all, the longest ${Math.max(0, ...list.map((row) => row.seconds)).toFixed(1)} s`;
let table: string[];
if (!sideBySide) {
  const list = rows.get(solver)!;
  table = [
    `# OR-Library ${set}, solver ${solver}${solver === "auto" && set === "pmed" ? " (the p-median engine)" : solver === "auto" ? " (the textbook model on HiGHS)" : ""}`,
    "",
    recorded,
    `${summary(list)}.`,
    "Seconds are the solve call's, reading the file included (not the process start-up).",
    "",
    "| instance | n | p | published | objective | bound | gap | proven optimal | status | seconds | peak MiB |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...list.map(
      (row) =>
        `| ${row.instance} | ${row.n} | ${row.p ?? "—"} | ${fmt(row.published)} | ${fmt(row.objective)} | ${fmt(row.bound)} | ${row.gap === null ? "—" : `${(row.gap * 100).toFixed(2)} %`} | ${row.provenOptimal ? "yes" : "no"} | ${row.status} | ${row.seconds.toFixed(2)} | ${row.peakMemoryMiB} |`,
    ),
    "",
  ];
} else {
  const cell = (row: Row | undefined): string =>
    row === undefined ? "failed" : `${row.provenOptimal ? "optimal" : row.status} ${fmt(row.objective)} in ${row.seconds.toFixed(2)} s`;
  const ratio = (ours: Row | undefined, other: Row | undefined): string =>
    ours === undefined || other === undefined ? "—" : other.provenOptimal ? `${(other.seconds / ours.seconds).toFixed(1)}×` : `> ${(other.seconds / ours.seconds).toFixed(1)}× (not proven)`;
  const by = (using: string, name: string): Row | undefined => rows.get(using)!.find((row) => row.instance === name);
  table = [
    `# OR-Library ${set} side by side: the library, HiGHS on the textbook model, CBC`,
    "",
    recorded,
    `The library: ${summary(rows.get("auto")!)}. HiGHS, textbook: ${summary(rows.get("highs")!)}. CBC: ${summary(rows.get("cbc")!)}.`,
    "The library's and HiGHS' seconds are the solve call's; CBC's its whole run (writing the MPS file not counted). A ratio is the other's seconds over the library's.",
    "",
    "| instance | n | p | published | the library | HiGHS, textbook | CBC | HiGHS ÷ library | CBC ÷ library |",
    "|---|---|---|---|---|---|---|---|---|",
    ...names.map((name) => {
      const ours = by("auto", name);
      const highs = by("highs", name);
      const cbc = by("cbc", name);
      const any = ours ?? highs ?? cbc;
      return `| ${name} | ${any?.n ?? "—"} | ${any?.p ?? "—"} | ${fmt(any?.published ?? null)} | ${cell(ours)} | ${cell(highs)} | ${cell(cbc)} | ${ratio(ours, highs)} | ${ratio(ours, cbc)} |`;
    }),
    "",
  ];
}
if (only === undefined || record) {
  mkdirSync(fileURLToPath(new URL("./results/", import.meta.url)), { recursive: true });
  const base = `orlib-${set}${sideBySide ? "-side-by-side" : solver === "auto" ? "" : `-${solver}`}${only === undefined ? "" : "-partial"}`;
  writeFileSync(new URL(`./results/${base}.md`, import.meta.url), table.join("\n"));
  writeFileSync(new URL(`./results/${base}.jsonl`, import.meta.url), lines.join("\n") + "\n");
  console.error(`bench orlib: wrote bench/results/${base}.md and .jsonl`);
} else {
  console.error("bench orlib: --only runs print their lines and leave bench/results alone (add --record to keep them as orlib-…-partial.md)");
  if (sideBySide) console.error(table.join("\n"));
}
