/**
 * Comparison of two evaluations, figure by figure, as data: what a plan changes against the status quo, or one
 * plan against another.
 * @module
 */
import type { BalanceEvaluation } from "./balance.ts";
import type { LayoutEvaluation } from "./evaluate.ts";

/** One figure of two evaluations side by side. */
export interface FigureChange {
  /**
   * A stable key path into the evaluation, e.g. `access.county.primary1to3.day.meanMinutes`,
   * `schools.schools.P1.utilization`, `balance.primary.indicators.qualifiedTeachers.coefficientOfVariation`. Lists
   * are keyed by their entries' `id`, else `township` (`(none)` for null), else `level`, else the position.
   */
  readonly figure: string;
  /** The value in the first evaluation; null where it has none (absent or null). */
  readonly a: number | boolean | null;
  /** The value in the second evaluation; null where it has none. */
  readonly b: number | boolean | null;
  /** b − a when both are numbers, else null. */
  readonly change: number | null;
}

type Leaf = number | boolean | null;

function keyOf(entry: unknown, position: number): string {
  if (typeof entry === "object" && entry !== null) {
    const record = entry as Record<string, unknown>;
    if (typeof record.id === "string") return record.id;
    if ("township" in record && (typeof record.township === "string" || record.township === null)) return record.township ?? "(none)";
    if (typeof record.level === "string") return record.level;
  }
  return String(position);
}

function flatten(value: unknown, path: string, out: Map<string, Leaf>): void {
  if (typeof value === "number" || typeof value === "boolean") {
    out.set(path, value);
    return;
  }
  if (value === null) {
    out.set(path, null);
    return;
  }
  if (typeof value !== "object") return;
  const join = (key: string): string => (path === "" ? key : `${path}.${key}`);
  if (Array.isArray(value)) {
    value.forEach((entry, position) => flatten(entry, join(keyOf(entry, position)), out));
    return;
  }
  for (const [key, entry] of Object.entries(value)) flatten(entry, join(key), out);
}

/**
 * Every numeric (and yes/no) figure of two evaluations side by side with the change. Text (ids, names, messages)
 * is not compared; lists of ids are compared through their counts.
 * @param a - the first evaluation (plain data; not mutated)
 * @param b - the second evaluation
 * @param prefix - a path prefix for the figures ("" for none)
 * @returns one row per figure of either, in the order of `a` then the figures only `b` has
 */
export function compareFigures(a: unknown, b: unknown, prefix = ""): FigureChange[] {
  const left = new Map<string, Leaf>();
  const right = new Map<string, Leaf>();
  flatten(a, prefix, left);
  flatten(b, prefix, right);
  const keys = [...left.keys(), ...[...right.keys()].filter((key) => !left.has(key))];
  return keys.map((figure) => {
    const x = left.get(figure) ?? null;
    const y = right.get(figure) ?? null;
    return Object.freeze({ figure, a: x, b: y, change: typeof x === "number" && typeof y === "number" ? y - x : null });
  });
}

/**
 * Compares two layout evaluations ({@link evaluateLayout}), e.g. the status quo and a plan, or two plans: every
 * numeric and yes/no figure (access, schools, equity, balance, violation counts, costs) side by side with the
 * change b − a, as data. A violation count absent on one side is null there (0 violations of that rule).
 * @param a - the first evaluation (e.g. the status quo)
 * @param b - the second (e.g. the plan)
 * @returns one row per figure, in a stable order (the first evaluation's, then figures only the second has)
 * @example
 * ```ts
 * const rows = comparePlans(evaluateLayout(system, plan.statusQuo!, options), evaluateLayout(system, planLayout(plan), options));
 * rows.find((row) => row.figure === "access.county.primary1to3.all.meanMinutes"); // { a: 24.1, b: 12.7, change: -11.4, … }
 * ```
 */
export function comparePlans(a: LayoutEvaluation, b: LayoutEvaluation): FigureChange[] {
  const { violations: _a, ...left } = a;
  const { violations: _b, ...right } = b;
  return compareFigures(left, right);
}

/**
 * Compares two balance evaluations ({@link balanceEvaluation}), e.g. with the status quo's pupils and with a
 * plan's: every indicator value, CV and pass/fail side by side, figures prefixed `balance.`.
 * @param a - the first evaluation
 * @param b - the second
 * @returns one row per figure
 */
export function compareBalance(a: BalanceEvaluation, b: BalanceEvaluation): FigureChange[] {
  return compareFigures(a, b, "balance");
}
