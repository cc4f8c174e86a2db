/**
 * Rejects option names a model does not read, so that a misspelt or misplaced option (a `radius` given to
 * p-median, `timelimit` for `timeLimitSeconds`) is an error rather than silently ignored. TypeScript catches
 * these at compile time; this catches them in JavaScript, notebooks and data-driven calls.
 * @module
 */
import { InputError } from "../errors.ts";
import type { ModelName } from "../solution.ts";
import { SOLVE_OPTION_NAMES } from "../solvers/options.ts";

/** Options every model reads: the backend options, the warm start, site choices, and the spec's `model` key. */
const COMMON_OPTIONS: readonly string[] = ["model", ...SOLVE_OPTION_NAMES, "initialSolution", "required", "forbidden"];

/** The parameters each model reads besides {@link COMMON_OPTIONS}. */
const MODEL_PARAMETERS: Readonly<Record<ModelName, readonly string[]>> = {
  "p-median": ["p", "seed"],
  "p-center": ["p"],
  "max-coverage": ["p", "radius"],
  "set-cover": ["radius"],
  "capacitated-p-median": ["p"],
  "fixed-charge": ["singleSource"],
};

/**
 * Checks that `options` holds only names the model reads.
 * @param options - the options object passed to the model's solve function
 * @param model - the model
 * @throws InputError naming the unknown option and listing the ones the model reads
 */
export function checkOptionNames(options: object, model: ModelName): void {
  if (options === null || typeof options !== "object") {
    throw new InputError({ source: "options", field: model, value: options }, "must be an options object");
  }
  const known = new Set<string>([...COMMON_OPTIONS, ...MODEL_PARAMETERS[model]]);
  for (const name of Object.keys(options)) {
    if (!known.has(name)) {
      throw new InputError(
        { source: "options", field: name, value: (options as Record<string, unknown>)[name] },
        `is not an option of ${model}; it reads ${[...MODEL_PARAMETERS[model], ...COMMON_OPTIONS.filter((o) => o !== "model")].join(", ")}`,
      );
    }
  }
}
