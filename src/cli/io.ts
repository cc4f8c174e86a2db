/**
 * What the CLI writes to, so that tests can run it in-process and read what it printed.
 * @module
 */

/** A writable text stream: `process.stdout`, `process.stderr`, or a test's collector. */
export interface TextSink {
  /** Writes text as is (no newline added). */
  write(text: string): unknown;
  /** Whether the sink is an interactive terminal (progress redraws one line there). */
  readonly isTTY?: boolean;
}

/** The CLI's two output streams. */
export interface CliStreams {
  /** Results: summaries, JSON. */
  readonly stdout: TextSink;
  /** Progress and error messages. */
  readonly stderr: TextSink;
}

/** Thrown inside the CLI for a user error: printed as one line, exit code 1, no stack trace. */
export class CliError extends Error {
  /** Always `"CliError"`. */
  override readonly name = "CliError";
}

/** What a command may set besides its output: the exit code when it ends without an error (default 0). */
export interface CliContext {
  /** The output streams. */
  readonly streams: CliStreams;
  /** The exit code of a run that ends without an error: 0, or 130 when the user interrupted a solve. */
  exitCode: number;
}
