/**
 * The `school-layout` command-line program (Node only).
 * @module
 */
import { Command, CommanderError } from "commander";
import { InputError, SolverError } from "../errors.ts";
import { CliError, type CliStreams } from "./io.ts";
import { registerSolveCommand } from "./solveCommand.ts";

/** The package version the CLI reports with `--version`. */
export const VERSION = "0.1.0";

/**
 * Runs the CLI on `argv` (without the node and script paths) and returns the exit code: 0 on success, 1 on bad
 * input (one line on stderr, no stack trace), 2 on an internal error.
 */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const program = new Command("school-layout")
    .description("Plan where schools go: location models on GeoJSON demand points and sites, solved exactly with HiGHS.")
    .version(VERSION)
    .showHelpAfterError("(add --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
    });
  registerSolveCommand(program, streams);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
    });
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message (or the help / version text).
      return error.exitCode === 0 ? 0 : 1;
    }
    if (error instanceof CliError || error instanceof InputError) {
      streams.stderr.write(`school-layout: ${error.message}\n`);
      return 1;
    }
    if (error instanceof SolverError) {
      streams.stderr.write(`school-layout: solver: ${error.message}\n`);
      return 1;
    }
    streams.stderr.write(`school-layout: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}
