/**
 * Reading what `school-layout plan` is given: the settlements, schools and candidate sites (GeoJSON), special
 * groups, norm overrides and cost figures (JSON), and the travel times per level (a road network, a long-format
 * travel-time table, or the labelled straight-line fallback). Node-only.
 * @module
 */
import { InvalidArgumentError } from "commander";
import type { CostUnit } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import type { CoordinateSystem } from "../io/coordinateSystem.ts";
import { readCostTable, schoolSystemFromGeoJSON, type GeoSchoolSystem } from "../io/index.ts";
import { CHINA_NORMS, LEVELS, withNormOverrides, type LevelId, type NormOverrides, type PlanningNorms } from "../norms/index.ts";
import type { PlanCosts } from "../plan/rules/costs.ts";
import { resolvePlanCosts } from "../plan/rules/schoolCosts.ts";
import { createSchoolSystem, type SpecialGroup } from "../plan/system/system.ts";
import type { TravelByLevelOptions } from "../plan/system/travelByLevel.ts";
import { TRAVEL_MODES, type TravelMode } from "../travel/index.ts";
import { explainLayerError, readJson, readLayer, readText, type LayerFile, type LayerTableOptions } from "./files.ts";
import { CliError, type CliStreams } from "./io.ts";
import { parsePositiveNumber } from "./parsers.ts";
import { readRoadNetwork } from "./roads.ts";
import { flagOf } from "./solveOptions.ts";
import { readCostTableBasis } from "./travelMatrix.ts";
import { createCountProgress } from "./progress.ts";

/**
 * The input options of `plan`, as commander parses them. The layers (`--settlements`, `--schools`,
 * `--candidates`) are GeoJSON, CSV or .xlsx (see {@link readLayer}); `longitude`/`latitude` name the coordinate
 * columns of tables (flags `--longitude COL`, `--latitude COL`).
 */
export interface PlanInputOptions extends LayerTableOptions {
  readonly settlements: string;
  readonly schools: string;
  readonly candidates?: string;
  readonly roads?: string;
  readonly costs?: string;
  readonly costFrom: string;
  readonly costTo: string;
  readonly costValue: string;
  readonly missingPairs: "error" | "not-allowed";
  readonly modes?: Readonly<Partial<Record<LevelId, TravelMode>>>;
  readonly speed?: Readonly<Partial<Record<LevelId, number>>>;
  readonly detour?: number;
  readonly cutoff?: number;
  readonly nodeCrossings?: boolean;
  readonly crs: CoordinateSystem;
  readonly norms?: string;
  readonly groups?: string;
  readonly costFigures?: string;
  /** No notes and no progress on stderr. */
  readonly quiet?: boolean;
  /** Show the travel-time progress even when `quiet` hides the notes (the commands that only read a plan back). */
  readonly progress?: boolean;
}

/** What {@link loadPlanInput} returns. */
export interface PlanInput {
  /** The system with its coordinates and features. */
  readonly geo: GeoSchoolSystem;
  /** The norms in force: {@link CHINA_NORMS} with the `--norms` overrides. */
  readonly norms: PlanningNorms;
  /** The `--cost-figures`, checked; undefined for the defaults. */
  readonly costs?: Partial<PlanCosts>;
}

/** Splits `a=x,b=y` into level/value pairs, checking the level ids. */
function levelPairs(text: string): Array<[LevelId, string]> {
  const pairs: Array<[LevelId, string]> = [];
  for (const part of text.split(",").map((piece) => piece.trim()).filter((piece) => piece !== "")) {
    const [level, value, extra] = part.split("=").map((piece) => piece.trim());
    if (value === undefined || extra !== undefined || value === "") throw new InvalidArgumentError(`"${part}" is not level=value`);
    if (!(LEVELS as readonly string[]).includes(level!)) throw new InvalidArgumentError(`"${level}" is not a level; levels: ${LEVELS.join(", ")}`);
    pairs.push([level as LevelId, value]);
  }
  if (pairs.length === 0) throw new InvalidArgumentError("give level=value pairs separated by commas");
  return pairs;
}

/** Parses `--modes kindergarten=walk,junior=schoolBus`. */
export function parseLevelModes(text: string): Partial<Record<LevelId, TravelMode>> {
  const modes: Partial<Record<LevelId, TravelMode>> = {};
  for (const [level, mode] of levelPairs(text)) {
    if (!(TRAVEL_MODES as readonly string[]).includes(mode)) throw new InvalidArgumentError(`mode "${mode}" of ${level} must be one of ${TRAVEL_MODES.join(", ")}`);
    modes[level] = mode as TravelMode;
  }
  return modes;
}

/** Parses `--speed primary1to3=4,junior=30` (km/h per level), or one number for every level. */
export function parseLevelSpeeds(text: string): Partial<Record<LevelId, number>> {
  if (!text.includes("=")) {
    const speed = parsePositiveNumber(text);
    return Object.fromEntries(LEVELS.map((level) => [level, speed]));
  }
  const speeds: Partial<Record<LevelId, number>> = {};
  for (const [level, value] of levelPairs(text)) speeds[level] = parsePositiveNumber(value);
  return speeds;
}

/** Plan rules that are options of the plan, not norms: the flag that sets each (a norms file cannot). */
const RULE_FLAGS: Readonly<Record<string, string>> = {
  budgetYuanPerYear: "--budget",
  maxClosures: "--max-closures",
  maxMeanTravelMinutes: "--max-mean-travel",
  threeSchools: "--no-three-schools",
  boardingSchoolMinimumBeds: "--boarding-school-beds",
  splitAbovePupils: "--split-above",
  minimumEnrolment: "--minimum-enrolment",
};

/**
 * Reads `--norms F.json` (a NormOverrides object) onto {@link CHINA_NORMS}; errors name the file, and a plan rule
 * given as a norm names the flag that sets it.
 */
async function readNorms(path: string | undefined): Promise<PlanningNorms> {
  if (path === undefined) return CHINA_NORMS;
  const overrides = await readJson(path, "--norms");
  if (typeof overrides === "object" && overrides !== null) {
    for (const [key, value] of Object.entries(overrides)) {
      const flag = RULE_FLAGS[key];
      if (flag !== undefined && !(key in CHINA_NORMS)) throw new InputError({ source: path, field: key, value }, `is a plan rule, not a norm: set it with ${flag}`);
    }
  }
  return withNormOverrides(CHINA_NORMS, overrides as NormOverrides, path);
}

/** Reads `--cost-figures F.json` (Partial<PlanCosts>), checked now so that a bad figure names the file. */
async function readCostFigures(path: string | undefined): Promise<Partial<PlanCosts> | undefined> {
  if (path === undefined) return undefined;
  const figures = (await readJson(path, "--cost-figures")) as Partial<PlanCosts>;
  try {
    resolvePlanCosts(figures);
  } catch (error) {
    if (error instanceof InputError) throw new CliError(`--cost-figures "${path}": ${error.message}`);
    throw error;
  }
  return figures;
}

async function readGroups(path: string | undefined): Promise<readonly SpecialGroup[] | undefined> {
  if (path === undefined) return undefined;
  const groups = await readJson(path, "--groups");
  if (!Array.isArray(groups)) {
    throw new CliError(`--groups "${path}": must be a JSON array of special groups, e.g. [{ "id": "disability", "rule": "resourceRoom" }]`);
  }
  return groups as SpecialGroup[];
}

/** The travel options for `schoolSystemFromGeoJSON`, checking that no option is given that the source ignores. */
async function travelOptions(options: PlanInputOptions, onProgress?: (done: number, total: number) => void): Promise<TravelByLevelOptions> {
  const given = (keys: readonly (keyof PlanInputOptions)[]): string[] => keys.filter((key) => options[key] !== undefined).map(flagOf);
  if (options.roads !== undefined && options.costs !== undefined) throw new CliError("give --roads or --costs, not both");
  if (options.costs !== undefined) {
    const ignored = given(["modes", "speed", "detour", "cutoff", "nodeCrossings"]);
    if (ignored.length > 0) throw new CliError(`--costs gives the travel times of every level: drop ${ignored.join(", ")}`);
    return { fallback: {} };
  }
  if (options.roads !== undefined) {
    const ignored = given(["speed", "detour"]);
    if (ignored.length > 0) throw new CliError(`${ignored.join(" and ")} are for the straight-line fallback; with --roads, speeds come from the road classes and --modes`);
    const network = await readRoadNetwork(options.roads, options.crs, options.nodeCrossings ?? false);
    return {
      network,
      ...(options.modes === undefined ? {} : { modes: options.modes }),
      ...(options.cutoff === undefined ? {} : { cutoffMinutes: options.cutoff }),
      ...(onProgress === undefined ? {} : { onProgress }),
    };
  }
  if (options.nodeCrossings) throw new CliError("--node-crossings needs --roads");
  return {
    fallback: { ...(options.speed === undefined ? {} : { speedKmPerHour: options.speed }), ...(options.detour === undefined ? {} : { detourFactor: options.detour }) },
    ...(options.modes === undefined ? {} : { modes: options.modes }),
    ...(options.cutoff === undefined ? {} : { cutoffMinutes: options.cutoff }),
  };
}

/**
 * Replaces the travel times of a system read with a placeholder fallback by a long-format travel-time table
 * (minutes; the same matrix for every level), as `solve --costs` reads it.
 */
async function withCostTable(geo: GeoSchoolSystem, options: PlanInputOptions): Promise<GeoSchoolSystem> {
  const path = options.costs!;
  const text = await readText(path, "--costs");
  const unit: CostUnit = "minutes";
  const { system } = geo;
  const minutes = readCostTable(text, {
    from: options.costFrom,
    to: options.costTo,
    value: options.costValue,
    demandIds: system.settlements.map((settlement) => settlement.id),
    siteIds: system.schools.map((school) => school.id),
    unit,
    source: path,
    optionNames: { from: "--cost-from", to: "--cost-to", value: "--cost-value" },
    missing: options.missingPairs === "not-allowed" ? "notAllowed" : "error",
  });
  const travelMinutes = Object.fromEntries(system.levels.map((level) => [level, minutes]));
  const basis = (await readCostTableBasis(path, text, "--costs")) ?? `travel-time table ${path} (minutes, the same for every level)`;
  const replaced = createSchoolSystem({
    levels: system.levels,
    settlements: system.settlements,
    schools: system.schools,
    travelMinutes,
    travelBasis: basis,
    groups: system.groups,
  });
  const modes = geo.travel.modes;
  return { ...geo, system: replaced, travel: { travelMinutes, travelMetres: {}, modes, parts: [], basis } };
}

/** Notes on stderr the settlements that reach no school on the road network, per travel mode. */
function warnUnreachable(geo: GeoSchoolSystem, streams: CliStreams): void {
  for (const part of geo.travel.parts) {
    const origins = part.unreachable?.originsWithNoDestination ?? [];
    if (origins.length === 0) continue;
    const ids = origins.slice(0, 10).map((i) => geo.system.settlements[i]!.id);
    streams.stderr.write(
      `plan: by ${part.mode} on the road network (${part.levels.join(", ")}), ${origins.length} settlement(s) reach no school: ${ids.join(", ")}${origins.length > ids.length ? ", …" : ""}\n`,
    );
  }
}

/**
 * The error to report for one thrown while the school system was built: a fault of `--groups` names that file;
 * a fault of a layer read from a table names its row and column ({@link explainLayerError}); an undeclared group
 * gets a hint to give `--groups`.
 */
function explainSystemError(error: unknown, options: PlanInputOptions, layers: readonly (LayerFile | undefined)[]): unknown {
  if (!(error instanceof InputError)) return error;
  if (error.location.source === "groups" && options.groups !== undefined) return new CliError(`--groups "${options.groups}": ${error.message}`);
  const explained = explainLayerError(error, layers);
  if (options.groups === undefined && explained.message.includes("not a declared special group")) {
    return new CliError(`${explained.message} (declare the special groups with --groups F.json)`);
  }
  return explained;
}

/**
 * Reads every input file of `plan` and builds the school system. The layers may be GeoJSON, CSV or .xlsx
 * (`F.xlsx#Sheet` for a sheet other than the first).
 * @throws CliError for unreadable files, clashing options, a groups file that is not an array, bad cost figures
 *   (naming the file); InputError for bad layer content, naming the flag and the file, and the feature and the
 *   property of a GeoJSON layer or the row (1-based, as a spreadsheet shows it) and the column of a CSV/.xlsx
 *   one, and for bad norm overrides (naming the norms file); an undeclared group gets a hint to give --groups
 */
export async function loadPlanInput(options: PlanInputOptions, streams: CliStreams): Promise<PlanInput> {
  const norms = await readNorms(options.norms);
  const costs = await readCostFigures(options.costFigures);
  const groups = await readGroups(options.groups);
  const columns: LayerTableOptions = {
    ...(options.longitude === undefined ? {} : { longitude: options.longitude }),
    ...(options.latitude === undefined ? {} : { latitude: options.latitude }),
  };
  const settlements = await readLayer(options.settlements, "--settlements", columns);
  const schools = await readLayer(options.schools, "--schools", columns);
  const candidates = options.candidates === undefined ? undefined : await readLayer(options.candidates, "--candidates", columns);
  const progress = (options.progress ?? !options.quiet) ? createCountProgress(streams.stderr, "travel times on the roads (searches)") : undefined;
  const travel = await travelOptions(options, progress?.update);
  let geo: GeoSchoolSystem;
  try {
    geo = schoolSystemFromGeoJSON({
      settlements: settlements.collection,
      schools: schools.collection,
      ...(candidates === undefined ? {} : { candidates: candidates.collection }),
      crs: options.crs,
      ...(groups === undefined ? {} : { groups }),
      travel,
      sources: { settlements: settlements.name, schools: schools.name, ...(candidates === undefined ? {} : { candidates: candidates.name }) },
    });
  } catch (error) {
    throw explainSystemError(error, options, [settlements, schools, candidates]);
  } finally {
    progress?.finish();
  }
  if (options.costs !== undefined) geo = await withCostTable(geo, options);
  else if (options.roads === undefined && !options.quiet) streams.stderr.write(`plan: no road network given; travel times by the straight-line fallback: ${geo.system.travelBasis}\n`);
  else if (!options.quiet) warnUnreachable(geo, streams);
  return { geo, norms, ...(costs === undefined ? {} : { costs }) };
}
