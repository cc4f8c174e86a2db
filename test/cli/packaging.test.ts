// Regression (issue 10, item 8): no LICENSE though package.json said MIT, and tsx (with esbuild's install script)
// was a runtime dependency of the installed package. The installed CLI runs from dist/; only a clone without
// dist/ runs the TypeScript source through tsx, a development dependency. These are cheap checks: the build and
// a packed install are run by CI (npm run build; npm pack; npm install the tarball; npx school-layout --help).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const packageJson = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
  license: string;
  bin: Record<string, string>;
  files: string[];
  exports: { ".": { types: string; default: string } };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Runs `node bin/school-layout.js …` in a folder laid out like a package or a clone. */
async function runBin(folder: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(folder, "bin", "school-layout.js"), ...argv], { cwd: folder });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** A temporary folder holding a copy of bin/school-layout.js and the given files (outside any node_modules). */
async function layout(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "school-layout-bin-"));
  await mkdir(join(folder, "bin"));
  await copyFile(join(root, "bin", "school-layout.js"), join(folder, "bin", "school-layout.js"));
  await writeFile(join(folder, "package.json"), JSON.stringify({ type: "module" }));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return folder;
}

describe("the package", () => {
  it("has tsx only as a development dependency, so an install pulls no esbuild", () => {
    expect(Object.keys(packageJson.dependencies)).not.toContain("tsx");
    expect(Object.keys(packageJson.dependencies)).not.toContain("esbuild");
    expect(Object.keys(packageJson.devDependencies)).toContain("tsx");
  });

  it("ships a LICENSE with the MIT text its license field names", async () => {
    expect(packageJson.license).toBe("MIT");
    const license = await readFile(join(root, "LICENSE"), "utf8");
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the school-layout authors\n/);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it("packs dist and bin, builds into dist/src (where bin and exports look) and builds before packing", async () => {
    expect(packageJson.files).toEqual(expect.arrayContaining(["dist", "bin"]));
    expect(packageJson.bin["school-layout"]).toBe("./bin/school-layout.js");
    expect(packageJson.exports["."]).toEqual({ types: "./dist/src/index.d.ts", default: "./dist/src/index.js" });
    expect(packageJson.scripts.build).toBe("tsc -p tsconfig.build.json");
    expect(packageJson.scripts.prepack).toBe("npm run build");
    const build = JSON.parse(await readFile(join(root, "tsconfig.build.json"), "utf8")) as { compilerOptions: Record<string, unknown>; include: string[] };
    expect(build.compilerOptions).toMatchObject({ noEmit: false, declaration: true, outDir: "dist", rootDir: "." });
    expect(build.include).toEqual(["src"]);
    expect(await readFile(join(root, "bin", "school-layout.js"), "utf8")).toContain('new URL("../dist/src/cli/run.js", import.meta.url)');
  });

  it("has a TypeScript source for every worker entry the built code starts by a .js URL", async () => {
    const entries: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.name.endsWith(".ts")) {
          const text = await readFile(path, "utf8");
          for (const match of text.matchAll(/"\.\/([\w.]+)\.js"/g)) entries.push(join(folder, `${match[1]}.ts`));
        }
      }
    };
    await walk(join(root, "src"));
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) expect(existsSync(entry), entry).toBe(true);
  });
});

describe("bin/school-layout.js", () => {
  it("runs the compiled CLI in dist/ when present, even beside the source", async () => {
    const folder = await layout({
      "dist/src/cli/run.js": 'process.stdout.write("compiled " + process.argv.slice(2).join(" "));\n',
      "src/cli/run.ts": 'process.stdout.write("source");\n',
    });
    const result = await runBin(folder, "--help");
    expect(result).toMatchObject({ code: 0, stdout: "compiled --help" });
  });

  it("in a clone without dist/ and without tsx, says to build or install, with exit code 2", async () => {
    const folder = await layout({ "src/cli/run.ts": 'process.stdout.write("source");\n' });
    const result = await runBin(folder, "--help");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("school-layout: no compiled CLI (dist/) and no tsx to run the TypeScript source: run npm run build, or npm ci in a clone\n");
  });

  it("without dist/ and without source, says the installation is broken", async () => {
    const folder = await layout({});
    const result = await runBin(folder, "--version");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the compiled CLI \(dist\/src\/cli\/run\.js\) is missing from this installation/);
  });

  it("in this clone runs (from dist/ when built, else the source through tsx)", async () => {
    const result = await runBin(root, "--version");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe("0.1.0");
  });
});
