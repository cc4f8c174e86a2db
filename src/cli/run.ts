/**
 * Entry point of the `school-layout` binary: runs the CLI on the process's arguments.
 * @module
 */
import { runCli } from "./main.ts";

// A closed pipe (`school-layout travel … | head`) is the reader's choice, not an error: stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
