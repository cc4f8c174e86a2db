/**
 * CBC (COIN-OR branch and cut 2.10, what spopt runs) on the textbook formulations, for the side-by-side rows of the
 * OR-Library benchmark: the model written as free MPS from the problem itself (independent of the library's model
 * code), Debian's `coinor-cbc` run on it with a time limit, its whole run timed, its result read from its log.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { costOf, type Problem } from "../src/index.ts";

/** Which textbook formulation: p-median, capacitated p-median (single source), or split fixed charge. */
export type Textbook = { readonly kind: "p-median" | "capacitated-p-median"; readonly p: number } | { readonly kind: "fixed-charge" };

/** CBC's answer (`timeLimit` with no objective when it had to be killed a minute past its limit). */
export interface CbcResult {
  readonly status: "optimal" | "timeLimit" | "infeasible" | "failed";
  readonly objective: number | null;
  readonly bound: number | null;
  /** Seconds of CBC's whole run (reading the MPS included), measured around the process. */
  readonly seconds: number;
}

/** Installs Debian's coinor-cbc when `cbc` is not on the PATH. */
export function ensureCbc(): void {
  if (spawnSync("cbc", ["-quit"], { stdio: "ignore" }).status === 0) return;
  console.error("bench: installing Debian's coinor-cbc for the side-by-side rows");
  execFileSync("apt-get", ["update"], { stdio: "ignore" });
  execFileSync("apt-get", ["install", "-y", "coinor-cbc"], { stdio: "ignore" });
}

/** Writes the textbook model as free MPS, column by column; pairs with an infinite cost are left out. */
async function writeMps(problem: Problem, model: Textbook, path: string): Promise<void> {
  const out = createWriteStream(path);
  const lines: string[] = [];
  const flush = async (): Promise<void> => {
    if (lines.length === 0) return;
    const chunk = lines.join("\n") + "\n";
    lines.length = 0;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  };
  const n = problem.demand.length;
  const m = problem.sites.length;
  const capacitated = model.kind !== "p-median";
  const served = problem.demand.map((d) => d.weight > 0);
  lines.push("NAME textbook", "ROWS", " N obj");
  for (let i = 0; i < n; i++) if (served[i]) lines.push(` E a${i}`);
  for (let i = 0; i < n; i++) {
    if (!served[i]) continue;
    for (let j = 0; j < m; j++) if (costOf(problem.costs, i, j) !== Infinity) lines.push(` L l${i}_${j}`);
    await flush();
  }
  if (model.kind !== "fixed-charge") lines.push(" E card");
  if (capacitated) for (let j = 0; j < m; j++) lines.push(` L c${j}`);
  lines.push("COLUMNS");
  if (model.kind === "capacitated-p-median") lines.push(" M1 'MARKER' 'INTORG'");
  for (let i = 0; i < n; i++) {
    if (!served[i]) continue;
    const w = problem.demand[i]!.weight;
    for (let j = 0; j < m; j++) {
      const c = costOf(problem.costs, i, j);
      if (c === Infinity) continue;
      lines.push(` x${i}_${j} obj ${w * c} a${i} 1`, ` x${i}_${j} l${i}_${j} 1${capacitated ? ` c${j} ${w}` : ""}`);
    }
    await flush();
  }
  if (model.kind === "capacitated-p-median") lines.push(" M2 'MARKER' 'INTEND'");
  lines.push(" M3 'MARKER' 'INTORG'");
  for (let j = 0; j < m; j++) {
    const site = problem.sites[j]!;
    if (model.kind === "fixed-charge") lines.push(` y${j} obj ${site.fixedCost}`);
    else lines.push(` y${j} card 1`);
    if (capacitated && site.capacity !== Infinity) lines.push(` y${j} c${j} ${-site.capacity}`);
    for (let i = 0; i < n; i++) if (served[i] && costOf(problem.costs, i, j) !== Infinity) lines.push(` y${j} l${i}_${j} -1`);
    await flush();
  }
  lines.push(" M4 'MARKER' 'INTEND'", "RHS");
  for (let i = 0; i < n; i++) if (served[i]) lines.push(` rhs a${i} 1`);
  if (model.kind !== "fixed-charge") lines.push(` rhs card ${model.p}`);
  lines.push("BOUNDS");
  // CBC reads the BOUNDS section in fixed columns: the column name must start at column 15.
  for (let j = 0; j < m; j++) lines.push(` BV BND       y${j}`);
  lines.push("ENDATA");
  await flush();
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** The last number on the first log line that starts with `label`, or null. */
function logNumber(log: string, label: string): number | null {
  const line = log.split("\n").find((l) => l.trimStart().startsWith(label));
  const match = line === undefined ? null : /(-?[\d.]+(?:e[+-]?\d+)?)\s*$/i.exec(line.trim());
  return match === null ? null : Number(match[1]);
}

/**
 * Solves the textbook model with CBC (one thread) within `timeLimit` seconds.
 * @param problem - the problem
 * @param model - which formulation
 * @param timeLimit - CBC's `sec` limit
 */
export async function solveWithCbc(problem: Problem, model: Textbook, timeLimit: number): Promise<CbcResult> {
  const folder = mkdtempSync(join(tmpdir(), "school-layout-cbc-"));
  try {
    const mps = join(folder, "model.mps");
    await writeMps(problem, model, mps);
    const started = performance.now();
    // CBC checks its time limit only between phases (not inside a long root LP): the process gets a minute more.
    const run = spawnSync("cbc", [mps, "-threads", "1", "-sec", String(timeLimit), "-solve", "-quit"], {
      encoding: "utf8",
      maxBuffer: 256 * 2 ** 20,
      timeout: (timeLimit + 60) * 1000,
      killSignal: "SIGKILL",
    });
    const seconds = (performance.now() - started) / 1000;
    if (run.signal === "SIGKILL") return { status: "timeLimit", objective: null, bound: null, seconds };
    const log = `${run.stdout ?? ""}\n${run.stderr ?? ""}`;
    const result = log.split("\n").find((l) => l.startsWith("Result - ")) ?? "";
    const objective = logNumber(log, "Objective value:");
    const lower = logNumber(log, "Lower bound:");
    if (result.includes("Optimal solution found")) return { status: "optimal", objective, bound: objective, seconds };
    if (result.includes("infeasible")) return { status: "infeasible", objective: null, bound: null, seconds };
    if (result.includes("Stopped on time")) return { status: "timeLimit", objective: result.includes("no integer solution") ? null : objective, bound: lower, seconds };
    return { status: "failed", objective: null, bound: null, seconds };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
