#!/usr/bin/env node
// The school-layout command. An installed package runs the compiled CLI in dist/ (built by `npm run build`,
// which `npm pack` and `npm publish` run first); tsx is not a dependency of the installed package. Only in a
// clone without dist/ does it run the TypeScript source through tsx, a development dependency.
import { existsSync } from "node:fs";

const compiled = new URL("../dist/src/cli/run.js", import.meta.url);
const source = new URL("../src/cli/run.ts", import.meta.url);

if (existsSync(compiled)) {
  await import(compiled.href);
} else if (existsSync(source)) {
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw error;
    process.stderr.write(
      "school-layout: no compiled CLI (dist/) and no tsx to run the TypeScript source: run npm run build, or npm ci in a clone\n",
    );
    process.exit(2);
  }
  register();
  await import(source.href);
} else {
  process.stderr.write("school-layout: the compiled CLI (dist/src/cli/run.js) is missing from this installation: reinstall the package\n");
  process.exit(2);
}
