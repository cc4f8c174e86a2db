import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  SAN_FRANCISCO_FILES,
  SAN_FRANCISCO_FOLDER,
  SPOPT_P_MEDIAN_4_MEAN_DISTANCE,
  describeSanFrancisco,
  readSanFranciscoData,
} from "../helpers/sanFrancisco.ts";
import { run } from "./runCli.ts";

describeSanFrancisco("school-layout solve on the San Francisco set", () => {
  const layers = async (): Promise<string[]> => {
    const folder = await mkdtemp(join(tmpdir(), "school-layout-sf-"));
    const data = readSanFranciscoData();
    // Every store gets 300,000 seats: the capacitated p-median with p = 4 then takes HiGHS over 10 s to prove.
    const sites = { ...data.sites, features: data.sites.features.map((f) => ({ ...f, properties: { ...f.properties, seats: 300_000, opening: 300_000_000 } })) };
    await writeFile(join(folder, "tracts.geojson"), JSON.stringify(data.demand));
    await writeFile(join(folder, "stores.geojson"), JSON.stringify(sites));
    return [
      "--demand", join(folder, "tracts.geojson"), "--sites", join(folder, "stores.geojson"), "--id", "NAME", "--weight", "POP2000",
      "--costs", join(SAN_FRANCISCO_FOLDER, SAN_FRANCISCO_FILES.costs),
      "--cost-from", "DestinationName", "--cost-to", "name", "--cost-value", "distance",
    ];
  };
  const hardSolve = ["capacitated-p-median", "--capacity", "seats", "-p", "4", "--time-limit", "2.5"];

  it("shows progress on stderr (elapsed, best, bound, gap) during a solve longer than a second, and stops at the time limit", async () => {
    const result = await run("solve", ...hardSolve, ...(await layers()));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^\d+\.\d s {2}best \d+ {2}bound \d+ {2}gap \d+\.\d\d %$/m);
    expect(result.stdout).toMatch(/^capacitated-p-median: (timeLimit|optimal)$/m);
  });

  it("stops on Ctrl-C (SIGINT), reports the best solution with status aborted, and exits with code 130", async () => {
    const bin = new URL("../../bin/school-layout.js", import.meta.url).pathname;
    const argv = [bin, "solve", "capacitated-p-median", "--capacity", "seats", "-p", "4", ...(await layers())];
    const child = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    // Interrupt once the first progress line shows the solve under way.
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr === "") child.kill("SIGINT");
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toMatch(/^\d+\.\d s {2}best/);
    expect(code).toBe(130);
    expect(stdout).toMatch(/^capacitated-p-median: aborted$/m);
    // The best solution found so far, where HiGHS had one by then, has its 4 sites.
    expect(stdout).toMatch(/^(open 4 of 16 sites: |objective –)/m);
  });

  it("shows no progress with --quiet or --json", async () => {
    const argv = await layers();
    for (const flag of ["--quiet", "--json"]) {
      const result = await run("solve", ...hardSolve, ...argv, flag);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
    }
  });

  it("finds spopt's optimal p-median for p = 4: population-weighted mean distance 2982.1268579890657 m", async () => {
    const result = await run("solve", "p-median", ...(await layers()), "-p", "4", "--json");
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe("optimal");
    expect(report.open).toHaveLength(4);
    expect(Math.abs(report.meanCost - SPOPT_P_MEDIAN_4_MEAN_DISTANCE) / SPOPT_P_MEDIAN_4_MEAN_DISTANCE).toBeLessThan(1e-9);
  });

  it("runs every other model on the set with an optimal status", async () => {
    const argv = await layers();
    for (const extra of [
      ["p-center", "-p", "4"],
      ["max-coverage", "-p", "4", "--radius", "5000"],
      ["set-cover", "--radius", "8000"],
      ["fixed-charge", "--capacity", "seats", "--fixed-cost", "opening"],
    ]) {
      const result = await run("solve", extra[0]!, ...argv, ...extra.slice(1), "--json");
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).status, extra.join(" ")).toBe("optimal");
    }
  });
});
