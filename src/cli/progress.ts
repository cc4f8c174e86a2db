/**
 * A progress line on stderr for long solves: elapsed time, best objective, bound, gap. Silent for the first
 * second, then redrawn at most once a second (in place on a terminal, one line each otherwise).
 * @module
 */
import type { SolveProgress } from "../solvers/options.ts";
import type { TextSink } from "./io.ts";

function format(value: number | null, unit: string): string {
  if (value === null) return "–";
  if (unit === "") return Math.abs(value) >= 1e6 || Number.isInteger(value) ? value.toFixed(0) : value.toPrecision(8);
  return Math.abs(value) >= 1e3 ? `${Math.round(value).toLocaleString("en-US")} ${unit}` : `${value.toPrecision(4)} ${unit}`;
}

/**
 * Formats one progress report as the text the CLI shows.
 * @param progress - the report
 * @param unit - the objective's unit, e.g. "yuan/yr" or "min" (default none)
 */
export function formatProgress(progress: SolveProgress, unit = ""): string {
  const gap = progress.gap === null ? "–" : `${(progress.gap * 100).toFixed(2)} %`;
  return `${progress.elapsedSeconds.toFixed(1)} s  best ${format(progress.objective, unit)}  bound ${format(progress.bound, unit)}  gap ${gap}`;
}

/**
 * Creates a progress reporter writing to `sink`; call `finish()` once the solve ends.
 * @param sink - where the lines go (stderr)
 * @param unit - the objective's unit shown after best and bound (default none)
 */
export function createProgressReporter(sink: TextSink, unit = ""): { report: (progress: SolveProgress) => void; finish: () => void } {
  let lastShown = 0;
  let shownAny = false;
  return {
    report(progress: SolveProgress): void {
      if (progress.elapsedSeconds < 1 || progress.elapsedSeconds - lastShown < 1) return;
      lastShown = progress.elapsedSeconds;
      shownAny = true;
      sink.write(sink.isTTY ? `\r${formatProgress(progress, unit)}\u001b[K` : `${formatProgress(progress, unit)}\n`);
    },
    finish(): void {
      if (shownAny && sink.isTTY) sink.write("\n");
    },
  };
}

/** A clock in seconds, for {@link createCountProgress}; default `performance.now() / 1000`. */
export type SecondsClock = () => number;

/**
 * Creates a progress reporter for work counted in steps (travel-time searches, one per site and mode): silent for
 * the first second, then `label: done / total (percent), seconds` at most once a second, in place on a terminal
 * and one line each otherwise; `finish()` ends the line on a terminal.
 * @param sink - where the lines go (stderr)
 * @param label - what is counted, e.g. "travel times (searches)"
 * @param clock - seconds since some start; default the performance clock (tests pass their own)
 */
export function createCountProgress(sink: TextSink, label: string, clock: SecondsClock = () => performance.now() / 1000): { update: (done: number, total: number) => void; finish: () => void } {
  const start = clock();
  let lastShown = 0;
  let shownAny = false;
  return {
    update(done: number, total: number): void {
      const elapsed = clock() - start;
      if (elapsed < 1 || (elapsed - lastShown < 1 && done < total)) return;
      lastShown = elapsed;
      shownAny = true;
      const percent = total > 0 ? ` (${Math.floor((100 * done) / total)} %)` : "";
      const line = `${label}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}${percent}, ${elapsed.toFixed(1)} s`;
      sink.write(sink.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
    },
    finish(): void {
      if (shownAny && sink.isTTY) sink.write("\n");
    },
  };
}
