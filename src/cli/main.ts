/**
 * The `school-layout` command-line program (Node only).
 * @module
 */
import { Command, CommanderError } from "commander";
import { InputError, SolverError } from "../errors.ts";
import { CliError, type CliContext, type CliStreams } from "./io.ts";
import { registerCompareCommand } from "./compareCommand.ts";
import { registerEvaluateCommand } from "./evaluateCommand.ts";
import { registerGenerateCommand } from "./generateCommand.ts";
import { registerMapCommand } from "./mapCommand.ts";
import { registerPairCommand } from "./pairCommand.ts";
import { registerCommunitiesCommand } from "./communitiesCommand.ts";
import { registerPlanCommand } from "./planCommand.ts";
import { registerProjectCommand } from "./projectCommand.ts";
import { registerReportCommand } from "./reportCommand.ts";
import { registerRotationCommand } from "./rotationCommand.ts";
import { registerServiceAreasCommand } from "./serviceAreasCommand.ts";
import { registerSolveCommand } from "./solveCommand.ts";
import { registerTravelCommand } from "./travelCommand.ts";

/** The package version the CLI reports with `--version`. */
export const VERSION = "0.1.0";

/** Commander's own errors ("error: option '-p <n>' argument '0' is invalid. …") as one line in our format. */
function commanderErrorLine(text: string): string {
  const message = text.trim().replace(/^error:\s*/, "").replace(/\s*\n\s*/g, " ");
  return `school-layout: ${message} (see --help)\n`;
}

function configure(command: Command, streams: CliStreams): Command {
  return command.exitOverride().configureOutput({
    writeOut: (text) => streams.stdout.write(text),
    writeErr: (text) => streams.stderr.write(text),
    outputError: (text, write) => write(commanderErrorLine(text)),
  });
}

/**
 * Runs the CLI on `argv` (without the node and script paths) and returns the exit code: 0 on success, 1 on bad
 * input (one line on stderr, no stack trace), 130 when the user interrupted a solve (its best solution is still
 * reported), 2 on an internal error.
 */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const context: CliContext = { streams, exitCode: 0 };
  const program = configure(
    new Command("school-layout")
      .description("Plan where schools go: location models on GeoJSON demand points and sites, solved exactly with HiGHS.")
      .version(VERSION),
    streams,
  );
  registerSolveCommand(program, context);
  registerTravelCommand(program, context);
  registerServiceAreasCommand(program, context);
  registerGenerateCommand(program, context);
  registerPlanCommand(program, context);
  registerProjectCommand(program, context);
  registerEvaluateCommand(program, context);
  registerCompareCommand(program, context);
  registerReportCommand(program, context);
  registerMapCommand(program, context);
  registerPairCommand(program, context);
  registerCommunitiesCommand(program, context);
  registerRotationCommand(program, context);
  for (const command of program.commands) configure(command, streams);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message (or the help or version text).
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
