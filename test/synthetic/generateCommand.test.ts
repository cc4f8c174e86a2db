import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { GENERATED_FILES, registerGenerateCommand } from "../../src/cli/generateCommand.ts";
import type { CliContext } from "../../src/cli/io.ts";

/** Runs `generate …` on a program of its own (independent of the CLI's main module). */
async function runGenerate(...argv: string[]): Promise<{ stdout: string; stderr: string; error: unknown }> {
  let stdout = "";
  let stderr = "";
  const streams = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
  const context: CliContext = { streams, exitCode: 0 };
  const program = new Command("school-layout").exitOverride().configureOutput({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
  registerGenerateCommand(program, context);
  let error: unknown;
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (caught) {
    error = caught;
  }
  return { stdout, stderr, error };
}

describe("registerGenerateCommand", () => {
  it("adds generate county, which writes every file and one summary line", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "school-layout-gen-")), "county");
    const result = await runGenerate("generate", "county", "--settlements", "30", "--seed", "2", "--out", out);
    expect(result.error).toBeUndefined();
    expect(result.stdout).toMatch(/^synthetic county \(seed 2\): 30 settlements in 3 townships/);
    for (const file of GENERATED_FILES) expect((await readFile(join(out, file), "utf8")).length).toBeGreaterThan(100);
    const roads = JSON.parse(await readFile(join(out, "roads.geojson"), "utf8"));
    expect(roads.features.every((f: { properties: { synthetic: boolean } }) => f.properties.synthetic)).toBe(true);
  });

  it("rejects a seed that is not a whole number, naming the option", async () => {
    const result = await runGenerate("generate", "county", "--settlements", "30", "--seed", "1.5", "--out", "x");
    expect(result.error).toBeInstanceOf(CommanderError);
    expect(result.stderr).toContain("--seed <s>");
    expect(result.stderr).toContain("must be a whole number in 0..4294967295");
  });

  it("prints help for generate county", async () => {
    const result = await runGenerate("generate", "county", "--help");
    expect((result.error as CommanderError).exitCode).toBe(0);
    expect(result.stdout).toContain("--road-detail <metres>");
  });
});
