/**
 * Ctrl-C during a long solve: SIGINT aborts the solve (which returns its best answer with status `aborted`) and
 * the command exits with 130, as shells report SIGINT, after writing what it has.
 * @module
 */
import type { CliContext } from "./io.ts";

/** Exit code of a command the user interrupted (Ctrl-C), as shells report SIGINT. */
export const INTERRUPTED_EXIT_CODE = 130;

/** A SIGINT watch for one solve; see {@link watchInterrupt}. */
export interface InterruptWatch {
  /** Aborted when the user presses Ctrl-C. */
  readonly signal: AbortSignal;
  /** Stops watching SIGINT (call when the solve settles) and sets the exit code to 130 if it was interrupted. */
  finish(context: CliContext): void;
}

/** Starts watching SIGINT for one solve. */
export function watchInterrupt(): InterruptWatch {
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once("SIGINT", interrupt);
  return {
    signal: controller.signal,
    finish(context: CliContext): void {
      process.removeListener("SIGINT", interrupt);
      if (controller.signal.aborted) context.exitCode = INTERRUPTED_EXIT_CODE;
    },
  };
}
