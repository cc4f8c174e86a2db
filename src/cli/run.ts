/**
 * Entry point of the `school-layout` binary: runs the CLI on the process's arguments.
 * @module
 */
import { runCli } from "./main.ts";

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
