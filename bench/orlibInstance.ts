/**
 * One OR-Library instance, solved in its own process so that its peak memory is its own:
 * `node --import tsx bench/orlibInstance.ts SET NAME TIME_LIMIT SOLVER [CAPACITY]`, SOLVER one of `auto` (the
 * library's default), `benders`, `highs` (the textbook model), `heuristic` (p-median only) and `cbc` (Debian's CBC
 * on the textbook model, its whole run timed). Prints one JSON line.
 */
import { readFileSync } from "node:fs";
import {
  readORLibraryCapacitatedPMedian,
  readORLibraryFacilityLocation,
  readORLibraryPMedian,
  solveCapacitatedPMedian,
  solveFixedCharge,
  solvePMedian,
  type Solution,
} from "../src/index.ts";
import { solveWithCbc, type CbcResult, type Textbook } from "./cbc.ts";
import { BENCHMARK_DIR, publishedOptimum } from "./orlibSets.ts";

const [set, name, limitText, solver, capacityText] = process.argv.slice(2);
const timeLimitSeconds = Number(limitText);
const file = name!.replace(/-\d+$/, "");
const text = readFileSync(`${BENCHMARK_DIR}/${set}/${file}.txt`, "utf8");
type Answer = Pick<Solution, "objective" | "bound" | "gap" | "status" | "open"> & { readonly solver: string };
let answer: Answer;
let p: number | null = null;
let n: number;
let published: number | null;
const started = performance.now();
const fromSolution = (solution: Solution): Answer => ({ ...solution, solver: solution.statistics.solver });
const fromCbc = (result: CbcResult): Answer => ({
  objective: result.objective,
  bound: result.bound,
  gap: result.objective !== null && result.bound !== null ? Math.abs(result.objective - result.bound) / Math.max(1e-9, Math.abs(result.objective)) : null,
  status: result.status === "failed" ? "aborted" : result.status,
  open: [],
  solver: "cbc",
});
const backend = solver === "auto" ? {} : { solver: solver as "benders" | "highs" | "heuristic" };
const exactBackend = solver === "auto" ? {} : { solver: "highs" as const };
let textbook: Textbook;
let problem;
if (set === "pmed") {
  const read = readORLibraryPMedian(text, `${file}.txt`);
  ({ p, problem } = read);
  published = publishedOptimum(name!);
  textbook = { kind: "p-median", p };
  if (solver !== "cbc") answer = fromSolution(await solvePMedian(problem, { p, timeLimitSeconds, ...backend }));
} else if (set === "pmedcap") {
  const read = readORLibraryCapacitatedPMedian(text, `${file}.txt`);
  ({ p, problem, published } = read);
  textbook = { kind: "capacitated-p-median", p };
  if (solver !== "cbc") answer = fromSolution(await solveCapacitatedPMedian(problem, { p, timeLimitSeconds, ...exactBackend }));
} else {
  ({ problem } = readORLibraryFacilityLocation(text, { source: `${file}.txt`, ...(capacityText === undefined ? {} : { capacity: Number(capacityText) }) }));
  published = publishedOptimum(name!);
  textbook = { kind: "fixed-charge" };
  if (solver !== "cbc") answer = fromSolution(await solveFixedCharge(problem, { timeLimitSeconds, ...exactBackend }));
}
n = problem.demand.length;
if (solver === "cbc") answer = fromCbc(await solveWithCbc(problem, textbook, timeLimitSeconds));
const solution = answer!;
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    instance: name,
    n,
    p,
    published,
    objective: solution.objective,
    bound: solution.bound,
    gap: solution.gap,
    provenOptimal: solution.status === "optimal",
    status: solution.status,
    solver: solution.solver,
    seconds,
    peakMemoryMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    open: solution.open.map((j) => j + 1),
  }),
);
