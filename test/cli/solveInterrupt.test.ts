/**
 * Ctrl-C during `school-layout solve`: the command reports and writes the best solution found, status aborted,
 * and exits with 130. The solve is a 400-point p-median on the textbook model (`--solver highs`; the engine proves
 * it within a second), seeded synthetic points, every point a site, p = 20:
 * HiGHS finds its first incumbent after some seconds and then spends seconds in phases without interrupt checks,
 * where the old code terminated the worker and lost the solution.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { solvePMedian } from "../../src/index.ts";
import { problemFromGeoJSON } from "../../src/io/index.ts";
import { seededRandom } from "../solvers/models.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

function settlements(n: number, seed: number): object {
  const random = seededRandom(seed);
  return {
    type: "FeatureCollection",
    features: Array.from({ length: n }, (_, i) => ({
      type: "Feature",
      id: `p${i}`,
      properties: { pupils: 1 + Math.floor(random() * 100) },
      geometry: { type: "Point", coordinates: [114 + random() * 0.5, 23 + random() * 0.5] },
    })),
  };
}

interface Interrupted {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly interrupted: boolean;
}

/** Runs the CLI and sends SIGINT once its progress line shows a best solution. */
function runAndInterrupt(args: string[]): Promise<Interrupted> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/school-layout.js", ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    let interrupted = false;
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!interrupted && /best \d/.test(stderr)) {
        interrupted = true;
        child.kill("SIGINT");
      }
    });
    child.on("exit", (code) => resolve({ code, stdout, stderr, interrupted }));
  });
}

describe("Ctrl-C during school-layout solve", () => {
  it("after a best solution was shown: status aborted WITH the objective and the open sites, in the report and the --out file", async () => {
    const folder = await mkdtemp(join(tmpdir(), "school-layout-interrupt-"));
    const points = join(folder, "points.geojson");
    const out = join(folder, "out.geojson");
    await writeFile(points, JSON.stringify(settlements(400, 7)));
    const result = await runAndInterrupt(["solve", "p-median", "--demand", points, "--sites", points, "--weight", "pupils", "-p", "20", "--solver", "highs", "--out", out]);
    expect(result.interrupted, result.stderr).toBe(true);
    expect(result.code, result.stderr).toBe(130);
    expect(result.stdout).toMatch(/^p-median: aborted\nobjective \d/);
    expect(result.stdout).toMatch(/open 20 of 400 sites: p\d+/);
    const written = JSON.parse(await readFile(out, "utf8")) as {
      solution: { status: string; objective: number | null; open: string[] };
      features: { properties: { layer: string; open?: boolean } }[];
    };
    expect(written.solution.status).toBe("aborted");
    expect(written.solution.objective).toBeGreaterThan(0);
    expect(written.solution.open).toHaveLength(20);
    expect(written.features.filter((feature) => feature.properties.layer === "site" && feature.properties.open === true)).toHaveLength(20);
  }, 120_000);
});

describe("an AbortSignal on a long p-median (library)", () => {
  it("aborting once a best solution was reported returns it: aborted, objective, 20 open sites, every point assigned", async () => {
    const layer = settlements(400, 7) as Parameters<typeof problemFromGeoJSON>[0];
    const geo = problemFromGeoJSON(layer, layer, { demand: { weight: "pupils" }, sites: {} });
    const controller = new AbortController();
    let reported: number | null = null;
    const solution = await solvePMedian(geo.problem, {
      p: 20,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.objective !== null && reported === null) {
          reported = progress.objective;
          controller.abort();
        }
      },
    });
    expect(reported).not.toBeNull();
    expect(solution.status).toBe("aborted");
    expect(solution.objective).not.toBeNull();
    expect(solution.objective!).toBeLessThanOrEqual(reported! * (1 + 1e-9));
    expect(solution.open).toHaveLength(20);
    expect([...solution.assignment].every((j) => solution.open.includes(j))).toBe(true);
  }, 120_000);
});
