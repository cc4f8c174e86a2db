/**
 * `npm run bench -- models [--quick]` (or `npx tsx bench/models.ts`): solve every model on the San Francisco set and p-median / capacitated
 * p-median / fixed-charge on seeded random instances of growing size; print one JSON line per run and write
 * bench/results/models.md (a Markdown table) and bench/results/models.jsonl.
 *
 * Timings are wall-clock seconds on the machine that ran it (the table records node version and CPU count).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { parse } from "csv-parse/sync";
import {
  createProblem,
  denseCostMatrix,
  readCostTable,
  solve,
  type ModelSpec,
  type Problem,
} from "../src/index.ts";
import { SeededRandom } from "../src/random.ts";

interface Row {
  readonly instance: string;
  readonly model: string;
  readonly n: number;
  readonly m: number;
  readonly parameters: string;
  readonly status: string;
  readonly objective: number | null;
  readonly gap: number | null;
  readonly variables: number;
  readonly constraints: number;
  readonly seconds: number;
  readonly peakMemoryMiB: number;
}

/** The seeded generator of the synthetic counties (mulberry32), so every run measures the same instances. */
function random(seed: number): () => number {
  const generator = new SeededRandom(seed);
  return () => generator.next();
}

/** n demand points and m sites uniform in a 40 km square, Euclidean metres, weights 1–100, capacities ~ 1.5 × demand / (m / 4). */
function randomProblem(n: number, m: number, seed: number): Problem {
  const next = random(seed);
  const demand = Array.from({ length: n }, (_, i) => ({ id: `d${i}`, x: next() * 40_000, y: next() * 40_000, weight: 1 + Math.floor(next() * 100) }));
  const total = demand.reduce((sum, point) => sum + point.weight, 0);
  const sites = Array.from({ length: m }, (_, j) => ({
    id: `s${j}`,
    x: next() * 40_000,
    y: next() * 40_000,
    capacity: Math.round((1.5 * total) / Math.max(1, m / 4)),
    fixedCost: 2_000_000 + Math.floor(next() * 2_000_000),
  }));
  const values = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) values[i * m + j] = Math.hypot(demand[i]!.x - sites[j]!.x, demand[i]!.y - sites[j]!.y);
  }
  return createProblem({
    demand: demand.map(({ id, weight }) => ({ id, weight })),
    sites: sites.map(({ id, capacity, fixedCost }) => ({ id, capacity, fixedCost })),
    costs: denseCostMatrix(values, n, m, "metres"),
  });
}

async function sanFrancisco(): Promise<Problem | null> {
  const folder = new URL("../../shared/data/spopt_sf/", import.meta.url);
  try {
    const tracts = parse(await readFile(new URL("SF_demand_205_centroid_uniform_weight.csv", folder), "utf8"), { columns: true }) as Record<string, string>[];
    const stores = parse(await readFile(new URL("SF_store_site_16_longlat.csv", folder), "utf8"), { columns: true }) as Record<string, string>[];
    const demand = tracts.map((row) => ({ id: row["NAME"]!, weight: Number(row["POP2000"]) }));
    const sites = stores.map((row) => ({ id: row["NAME"]!, capacity: 300_000, fixedCost: 300_000_000 }));
    const costs = readCostTable(await readFile(new URL("SF_network_distance_candidateStore_16_censusTract_205_new.csv", folder), "utf8"), {
      from: "DestinationName",
      to: "name",
      value: "distance",
      demandIds: demand.map((point) => point.id),
      siteIds: sites.map((site) => site.id),
      unit: "metres",
    });
    return createProblem({ demand, sites, costs });
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
}

async function measure(instance: string, problem: Problem, spec: ModelSpec, parameters: string): Promise<Row> {
  const started = performance.now();
  const solution = await solve(problem, spec, { timeLimitSeconds: 120 });
  const row: Row = {
    instance,
    model: spec.model,
    n: problem.demand.length,
    m: problem.sites.length,
    parameters,
    status: solution.status,
    objective: solution.objective,
    gap: solution.gap,
    variables: solution.statistics.variables,
    constraints: solution.statistics.constraints,
    seconds: (performance.now() - started) / 1000,
    peakMemoryMiB: Math.round(process.memoryUsage().rss / 1024 ** 2),
  };
  console.log(JSON.stringify(row));
  return row;
}

const quick = process.argv.includes("--quick");
const rows: Row[] = [];
const sf = await sanFrancisco();
if (sf === null) console.error("../shared/data/spopt_sf is absent: the San Francisco rows are skipped");
else {
  rows.push(await measure("San Francisco", sf, { model: "p-median", p: 4 }, "p = 4"));
  rows.push(await measure("San Francisco", sf, { model: "p-center", p: 4 }, "p = 4"));
  rows.push(await measure("San Francisco", sf, { model: "max-coverage", p: 4, radius: 5000 }, "p = 4, r = 5000 m"));
  rows.push(await measure("San Francisco", sf, { model: "set-cover", radius: 8000 }, "r = 8000 m"));
  rows.push(await measure("San Francisco", sf, { model: "capacitated-p-median", p: 5 }, "p = 5, Q = 300000"));
  rows.push(await measure("San Francisco", sf, { model: "fixed-charge" }, "f = 3e8, Q = 300000"));
}
const sizes: [number, number][] = quick ? [[100, 20]] : [[100, 20], [300, 50], [1000, 100]];
for (const [n, m] of sizes) {
  const problem = randomProblem(n, m, 42);
  const p = Math.max(2, Math.round(m / 5));
  rows.push(await measure(`random ${n}×${m}`, problem, { model: "p-median", p }, `p = ${p}`));
  rows.push(await measure(`random ${n}×${m}`, problem, { model: "p-center", p }, `p = ${p}`));
  if (n <= 300) {
    rows.push(await measure(`random ${n}×${m}`, problem, { model: "capacitated-p-median", p: Math.ceil(m / 2) }, `p = ${Math.ceil(m / 2)}`));
    rows.push(await measure(`random ${n}×${m}`, problem, { model: "fixed-charge" }, "split"));
  }
}

const table = [
  `Recorded ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on ${cpus().length} cores, Node ${process.version}; HiGHS (WebAssembly), one thread, 120 s limit.`,
  "",
  "| instance | model | n × m | parameters | status | objective | gap | variables | constraints | seconds | RSS MiB |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map(
    (row) =>
      `| ${row.instance} | ${row.model} | ${row.n} × ${row.m} | ${row.parameters} | ${row.status} | ${row.objective === null ? "–" : +row.objective.toFixed(4)} | ${row.gap === null ? "–" : row.gap.toExponential(1)} | ${row.variables} | ${row.constraints} | ${row.seconds.toFixed(2)} | ${row.peakMemoryMiB} |`,
  ),
  "",
].join("\n");
const results = new URL("./results/", import.meta.url);
await mkdir(results, { recursive: true });
if (!quick) {
  await writeFile(new URL("models.md", results), `# Location models: solve times\n\n${table}`);
  await writeFile(new URL("models.jsonl", results), rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
  console.error("Wrote bench/results/models.md and bench/results/models.jsonl");
}
