/**
 * `school-layout pair`: trusteeship pairing (托管帮扶) — each supported school with one supporting school, within a
 * travel limit and each helper's capacity, at the least travel less the pairs' quality gap ({@link pairSchools}).
 * Teachers' travel: on `--roads` by `--mode` (car by default), from a `--costs` table, or the labelled
 * great-circle fallback. Node only.
 * @module
 */
import type { Command } from "commander";
import type { Feature } from "geojson";
import { pairSchools, type Pairing } from "../communities/pairing.ts";
import { InputError } from "../errors.ts";
import type { CoordinateSystem } from "../io/coordinateSystem.ts";
import { readDemandPoints, readSites } from "../io/index.ts";
import { readNumeric } from "../io/values.ts";
import type { TravelMode } from "../travel/index.ts";
import { checkOutputPath, explainLayerError, readLayer, writeText } from "./files.ts";
import { CliError, type CliContext } from "./io.ts";
import { parseNonNegativeNumber, parsePositiveNumber } from "./parsers.ts";
import { addTeacherTravelFlags, reportSolve, teacherTravelMinutes } from "./teacherTravel.ts";

/** The `type` of the file `pair --out` writes. */
export const PAIRING_FILE_TYPE = "school-layout pairing";

/** The options of `pair`, as commander parses them. */
export interface PairCommandOptions {
  readonly helpers: string;
  readonly helped: string;
  readonly id?: string;
  readonly capacity: string;
  readonly score?: string;
  readonly scoreMinutes?: number;
  readonly maxMinutes?: number;
  readonly roads?: string;
  readonly costs?: string;
  readonly mode: TravelMode;
  readonly crs: CoordinateSystem;
  readonly json?: boolean;
  readonly out: string;
}

/** A layer's quality score per feature (numeric strings of a table accepted), named by layer, feature and property. */
function scores(features: readonly Feature[], property: string, source: string, ids: readonly string[]): number[] {
  return features.map((feature, index) => {
    const value = readNumeric((feature.properties ?? {})[property]);
    if (typeof value !== "number" || !Number.isFinite(value)) throw new InputError({ source, index, id: ids[index]!, field: property, value }, "must be a finite number (the school's quality score for --score)");
    return value;
  });
}

/** What `pair --out` writes. */
function pairingFile(pairing: Pairing, basis: string, options: PairCommandOptions): Record<string, unknown> {
  return {
    type: PAIRING_FILE_TYPE,
    status: pairing.status,
    objective: pairing.objective,
    bound: pairing.bound,
    gap: pairing.gap,
    travelBasis: basis,
    maxTravelMinutes: options.maxMinutes ?? null,
    scoreMinutes: options.score === undefined ? null : (options.scoreMinutes ?? 1),
    pairs: pairing.pairs,
    totals: pairing.totals,
    reasons: pairing.reasons,
    statistics: pairing.statistics,
  };
}

async function runPair(options: PairCommandOptions, context: CliContext): Promise<void> {
  if (!/\.(json)$/i.test(options.out)) throw new CliError(`--out "${options.out}": must end in .json (the pairing as JSON)`);
  await checkOutputPath(options.out, "--out");
  if (options.costs !== undefined && options.roads !== undefined) throw new CliError("give --costs or --roads, not both");
  if (options.scoreMinutes !== undefined && options.score === undefined) throw new CliError(`--score-minutes ${options.scoreMinutes}: goes with --score PROP (it weighs the score against travel)`);
  const helpersFile = await readLayer(options.helpers, "--helpers");
  const helpedFile = await readLayer(options.helped, "--helped");
  const id = options.id === undefined ? {} : { id: options.id };
  let pairing: Pairing;
  let basis: string;
  try {
    const helpers = readSites(helpersFile.collection, { ...id, source: helpersFile.name, crs: options.crs, capacity: options.capacity });
    const helped = readDemandPoints(helpedFile.collection, { ...id, source: helpedFile.name, crs: options.crs });
    const helperIds = helpers.sites.map((site, j) => String(site.id ?? j));
    const helpedIds = helped.points.map((point, i) => String(point.id ?? i));
    const both = helpedIds.filter((id) => helperIds.includes(id));
    if (both.length > 0) throw new CliError(`--helpers and --helped both hold ${both.slice(0, 3).join(", ")}${both.length > 3 ? ` and ${both.length - 3} more` : ""}: a school cannot support itself`);
    const quality = options.score === undefined ? undefined : { helpers: scores(helpers.features, options.score, helpersFile.name, helperIds), helped: scores(helped.features, options.score, helpedFile.name, helpedIds) };
    const travel = await teacherTravelMinutes(options, { ids: helpedIds, coordinates: helped.coordinates }, { ids: helperIds, coordinates: helpers.coordinates }, { from: "helped", to: "helper" });
    basis = travel.basis;
    pairing = await pairSchools(
      helpers.sites.map((site, j) => {
        const capacity = site.capacity;
        if (capacity === undefined || !Number.isInteger(capacity) || capacity < 0) {
          throw new InputError({ source: helpersFile.name, index: j, id: helperIds[j]!, field: options.capacity, value: capacity }, "must be a whole number ≥ 0: how many schools this helper supports");
        }
        return { id: helperIds[j]!, capacity };
      }),
      helpedIds.map((helpedId) => ({ id: helpedId })),
      {
        travelMinutes: travel.matrix,
        ...(options.maxMinutes === undefined ? {} : { maxTravelMinutes: options.maxMinutes }),
        ...(quality === undefined ? {} : { score: (i: number, j: number) => quality.helpers[j]! - quality.helped[i]! }),
        ...(options.scoreMinutes === undefined ? {} : { scoreMinutes: options.scoreMinutes }),
      },
    );
  } catch (error) {
    throw explainLayerError(error, [helpersFile, helpedFile], options.id);
  }
  await writeText(options.out, `${JSON.stringify(pairingFile(pairing, basis, options), null, 1)}\n`, "--out");
  if (reportSolve(context.streams, "pair: no pairing meets the rules:", pairing, options.json === true)) return;
  const lines = [`pairing: ${pairing.status}${pairing.objective === null ? "" : `, objective ${pairing.objective.toFixed(1)}`} (${pairing.pairs.length} pairs, ${pairing.totals.travelMinutes.toFixed(1)} min in all; travel: ${basis})`];
  for (const pair of pairing.pairs.slice(0, 20)) lines.push(`  ${pair.helped} ← ${pair.helper}: ${pair.travelMinutes.toFixed(1)} min${options.score === undefined ? "" : `, score ${pair.score}`}`);
  if (pairing.pairs.length > 20) lines.push(`  … ${pairing.pairs.length - 20} more in ${options.out}`);
  lines.push(`wrote ${options.out}`);
  context.streams.stdout.write(`${lines.join("\n")}\n`);
}

/** Registers `pair` on the program. */
export function registerPairCommand(program: Command, context: CliContext): void {
  const command = program
    .command("pair")
    .description("trusteeship pairing: each supported school with one supporting school, within a travel limit and each helper's capacity")
    .requiredOption("--helpers <file>", "the supporting schools (GeoJSON, CSV or .xlsx points)")
    .requiredOption("--helped <file>", "the supported schools (GeoJSON, CSV or .xlsx points)")
    .option("--id <property>", "the id property of both layers (default: the feature id or `id`)")
    .option("--capacity <property>", "the helpers' property: how many schools each supports", "capacity")
    .option("--score <property>", "a quality property of both layers: a pair's score is the helper's less the helped school's (higher is better)")
    .option("--score-minutes <minutes>", "minutes of travel one point of score is worth (default 1)", parseNonNegativeNumber)
    .option("--max-minutes <minutes>", "the longest trip of a pair, minutes", parsePositiveNumber);
  addTeacherTravelFlags(command, "helped, helper")
    .requiredOption("--out <file>", "the pairing as JSON: status, objective, pairs (helper, helped, travelMinutes, score), reasons")
    .action((options: PairCommandOptions) => runPair(options, context));
}
