/**
 * Travel minutes and metres per school level, settlement × school: on a road network by each level's travel
 * mode (walking for the youngest, school bus for the rest), or by the labelled straight-line fallback where no
 * road network exists. Runs in Node, Deno and browsers (one thread).
 * @module
 */
import type { CostMatrix } from "../../costMatrix.ts";
import { InputError } from "../../errors.ts";
import { LEVELS, type LevelId } from "../../norms/levels.ts";
import { costMatrixFromCoordinates, describeCostMatrixOptions, type CostMatrixOptions } from "../../travel/matrix.ts";
import type { RoadNetwork } from "../../travel/network/roadNetwork.ts";
import { segmentMinutes } from "../../travel/network/speeds.ts";
import { FALLBACK_DETOUR_FACTOR, FALLBACK_SPEEDS_KM_PER_HOUR } from "../../travel/fallback.ts";
import { TRAVEL_MODES, type TravelMode } from "../../travel/network/travelMode.ts";
import type { WithinAreaAssumptions } from "./withinArea.ts";
import type { RoutingOptions } from "../../travel/routing/context.ts";
import type { Reachability } from "../../travel/routing/reachability.ts";
import { travelTimeMatrix } from "../../travel/routing/travelTimeMatrix.ts";

/**
 * The travel mode of each level unless the caller says otherwise: pupils of kindergarten and grades 1–3 walk
 * (they study near home and do not board: 国办发〔2018〕27号), older pupils go by school bus.
 */
export const DEFAULT_LEVEL_MODES: Readonly<Record<LevelId, TravelMode>> = Object.freeze({
  kindergarten: "walk",
  primary1to3: "walk",
  primary4to6: "schoolBus",
  junior: "schoolBus",
  senior: "schoolBus",
});


/** Options of {@link travelMinutesByLevel} on a road network. */
export interface NetworkTravelByLevelOptions extends RoutingOptions {
  /** The road network (e.g. from `roadNetworkFromGeoJSON`), WGS-84. */
  readonly network: RoadNetwork;
  /** Travel mode per level; levels not named take {@link DEFAULT_LEVEL_MODES}. */
  readonly modes?: Readonly<Partial<Record<LevelId, TravelMode>>>;
  /** Called after each school's search with (searches done, total searches = distinct modes × schools). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The straight-line fallback's assumptions; see {@link FallbackTravelByLevelOptions}. */
export interface StraightLineAssumptions {
  /**
   * Speed per level in km/h, finite and > 0, applied to the great-circle distance × `detourFactor`. Levels not
   * named take the speed of their mode in {@link FALLBACK_SPEEDS_KM_PER_HOUR} (walk 5, school bus 40).
   */
  readonly speedKmPerHour?: Readonly<Partial<Record<LevelId, number>>>;
  /** Road distance ÷ great-circle distance, finite and ≥ 1. Default {@link FALLBACK_DETOUR_FACTOR} (1.3). */
  readonly detourFactor?: number;
}

/**
 * Options of {@link travelMinutesByLevel} without a road network: minutes = great-circle distance × detour
 * factor ÷ speed, and metres = great-circle distance × detour factor. Every figure is an assumption, and the
 * basis says so ("no road network: …").
 */
export interface FallbackTravelByLevelOptions {
  /** The assumptions; `{}` for the defaults. */
  readonly fallback: StraightLineAssumptions;
  /** Travel mode per level (it sets the default speed and is named in the basis); default {@link DEFAULT_LEVEL_MODES}. */
  readonly modes?: Readonly<Partial<Record<LevelId, TravelMode>>>;
  /** Pairs above this many minutes are not kept (the minutes matrices are then sparse), finite ≥ 0. Default: all kept. */
  readonly cutoffMinutes?: number;
}

/** How {@link travelMinutesByLevel} gets its times: a road network, or the labelled straight-line fallback. */
export type TravelByLevelOptions = NetworkTravelByLevelOptions | FallbackTravelByLevelOptions;

/** One matrix of {@link TravelByLevel}, shared by the levels of one mode (and, in the fallback, one speed). */
export interface TravelByLevelPart {
  /** The levels it serves, youngest first. */
  readonly levels: readonly LevelId[];
  /** Their travel mode. */
  readonly mode: TravelMode;
  /** How it was made, e.g. `"road network (…), mode walk, …"` or `"no road network: great-circle distance × …"`. */
  readonly basis: string;
  /** On a road network: the pairs without a time and the points no route joins. Absent in the fallback. */
  readonly unreachable?: Reachability;
}

/** What {@link travelMinutesByLevel} returns. */
export interface TravelByLevel {
  /** One-way minutes per requested level, settlement × school (n × m, unit minutes); levels of one part share one matrix. */
  readonly travelMinutes: Readonly<Partial<Record<LevelId, CostMatrix>>>;
  /**
   * One-way metres per requested level (n × m, unit metres): along the fastest road path on a network (same
   * pairs as the minutes), great-circle × detour factor in the fallback (every pair).
   */
  readonly travelMetres: Readonly<Partial<Record<LevelId, CostMatrix>>>;
  /** The travel mode of each requested level. */
  readonly modes: Readonly<Partial<Record<LevelId, TravelMode>>>;
  /** The matrices made, one per distinct mode (fallback: per distinct mode and speed). */
  readonly parts: readonly TravelByLevelPart[];
  /**
   * How the times were made, naming every level's mode: the parts' bases joined by `" | "`, each led by its
   * levels, e.g. `"kindergarten, primary1to3 by walk: no road network: great-circle distance × detour factor
   * 1.3 (assumed) at 5 km/h (assumed), in minutes | …"`.
   */
  readonly basis: string;
}

function checkLevels(levels: unknown): readonly LevelId[] {
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new InputError({ source: "options", field: "levels", value: levels }, `must be a non-empty array of level ids (${LEVELS.join(", ")})`);
  }
  for (const [k, level] of levels.entries()) {
    if (!(LEVELS as readonly string[]).includes(level)) {
      throw new InputError({ source: "options", index: k, field: "levels", value: level }, `is not a level; levels: ${LEVELS.join(", ")}`);
    }
  }
  return LEVELS.filter((level) => levels.includes(level));
}

function checkLevelRecord(field: string, raw: unknown): Readonly<Record<string, unknown>> {
  if (raw === undefined) return {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError({ source: "options", field, value: raw }, "must be an object keyed by level id");
  }
  for (const [level, value] of Object.entries(raw)) {
    if (!(LEVELS as readonly string[]).includes(level)) {
      throw new InputError({ source: "options", field: `${field}.${level}`, value }, `is not a level; levels: ${LEVELS.join(", ")}`);
    }
  }
  return raw as Readonly<Record<string, unknown>>;
}

function resolveModes(levels: readonly LevelId[], raw: unknown): Record<LevelId, TravelMode> {
  const given = checkLevelRecord("modes", raw);
  const modes = {} as Record<LevelId, TravelMode>;
  for (const level of levels) {
    const mode = given[level] ?? DEFAULT_LEVEL_MODES[level];
    if (!TRAVEL_MODES.includes(mode as TravelMode)) {
      throw new InputError({ source: "options", field: `modes.${level}`, value: mode }, `must be one of ${TRAVEL_MODES.join(", ")}`);
    }
    modes[level] = mode as TravelMode;
  }
  return modes;
}

/** Groups levels by a key, keeping the first-seen order of keys and level order within each group. */
function groupLevels<K>(levels: readonly LevelId[], key: (level: LevelId) => K): { readonly key: K; readonly levels: LevelId[] }[] {
  const groups: { key: K; levels: LevelId[] }[] = [];
  for (const level of levels) {
    const k = key(level);
    const group = groups.find((entry) => entry.key === k);
    if (group === undefined) groups.push({ key: k, levels: [level] });
    else group.levels.push(level);
  }
  return groups;
}

function assemble(modes: Readonly<Record<LevelId, TravelMode>>, parts: readonly (TravelByLevelPart & { minutes: CostMatrix; metres: CostMatrix })[]): TravelByLevel {
  const travelMinutes: Partial<Record<LevelId, CostMatrix>> = {};
  const travelMetres: Partial<Record<LevelId, CostMatrix>> = {};
  for (const part of parts) {
    for (const level of part.levels) {
      travelMinutes[level] = part.minutes;
      travelMetres[level] = part.metres;
    }
  }
  const described = parts.map(({ levels, mode, basis, unreachable }) => Object.freeze({ levels: Object.freeze(levels), mode, basis, ...(unreachable ? { unreachable } : {}) }));
  return Object.freeze({
    travelMinutes: Object.freeze(travelMinutes),
    travelMetres: Object.freeze(travelMetres),
    modes: Object.freeze({ ...modes }),
    parts: Object.freeze(described),
    basis: parts.map((part) => `${part.levels.join(", ")} by ${part.mode}: ${part.basis}`).join(" | "),
  });
}

function onNetwork(settlements: ArrayLike<number>, schools: ArrayLike<number>, levels: readonly LevelId[], options: NetworkTravelByLevelOptions): TravelByLevel {
  const modes = resolveModes(levels, options.modes);
  const groups = groupLevels(levels, (level) => modes[level]);
  const siteCount = Math.floor(schools.length / 2);
  const total = groups.length * siteCount;
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new InputError({ source: "options", field: "onProgress", value: onProgress }, "must be a function (done, total) => void");
  }
  const parts = groups.map(({ key: mode, levels: partLevels }, g) => {
    const matrix = travelTimeMatrix(options.network, segmentMinutes(options.network, mode), settlements, schools, {
      ...(options.cutoffMinutes === undefined ? {} : { cutoffMinutes: options.cutoffMinutes }),
      ...(options.maxSnapMetres === undefined ? {} : { maxSnapMetres: options.maxSnapMetres }),
      ...(options.walkSpeedKmPerHour === undefined ? {} : { walkSpeedKmPerHour: options.walkSpeedKmPerHour }),
      metres: true,
      ...(onProgress === undefined ? {} : { onProgress: (done: number) => onProgress(g * siteCount + done, total) }),
    });
    return { levels: partLevels, mode, basis: matrix.basis, unreachable: matrix.unreachable, minutes: matrix.costs, metres: matrix.metres! };
  });
  return assemble(modes, parts);
}

function checkSpeed(level: LevelId, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InputError({ source: "options", field: `fallback.speedKmPerHour.${level}`, value }, "must be a finite speed in km/h > 0");
  }
  return value;
}

function byFallback(settlements: ArrayLike<number>, schools: ArrayLike<number>, levels: readonly LevelId[], options: FallbackTravelByLevelOptions): TravelByLevel {
  const assumptions = options.fallback;
  if (typeof assumptions !== "object" || assumptions === null || Array.isArray(assumptions)) {
    throw new InputError({ source: "options", field: "fallback", value: assumptions }, "must be an object { speedKmPerHour?, detourFactor? } ({} for the defaults)");
  }
  const modes = resolveModes(levels, options.modes);
  const speeds = checkLevelRecord("fallback.speedKmPerHour", assumptions.speedKmPerHour);
  const speedOf = (level: LevelId): number => checkSpeed(level, speeds[level] ?? FALLBACK_SPEEDS_KM_PER_HOUR[modes[level]]);
  const detourFactor = assumptions.detourFactor ?? FALLBACK_DETOUR_FACTOR;
  const metresOptions: CostMatrixOptions = { metric: "greatCircle", unit: "metres", detourFactor };
  const metres = costMatrixFromCoordinates(settlements, schools, metresOptions);
  const groups = groupLevels(levels, (level) => `${modes[level]} ${speedOf(level)}`);
  const parts = groups.map(({ levels: partLevels }) => {
    const level = partLevels[0]!;
    const minutesOptions: CostMatrixOptions = {
      metric: "greatCircle",
      unit: "minutes",
      speedKmPerHour: speedOf(level),
      detourFactor,
      ...(options.cutoffMinutes === undefined ? {} : { cutoff: options.cutoffMinutes }),
    };
    const minutes = costMatrixFromCoordinates(settlements, schools, minutesOptions);
    return { levels: partLevels, mode: modes[level], basis: `no road network: ${describeCostMatrixOptions(minutesOptions)}`, minutes, metres };
  });
  return assemble(modes, parts);
}

/**
 * One-way travel minutes (and metres) per school level from every settlement (row i) to every school (column
 * j), as a school system needs them ({@link SchoolSystemInput.travelMinutes}).
 *
 * On a road network (`options.network`), each level travels by its mode (default {@link DEFAULT_LEVEL_MODES}:
 * walk for kindergarten and grades 1–3, school bus for the rest) with the mode's speeds per road class
 * (`segmentMinutes`), routed by `travelTimeMatrix` (one search per school and mode). Levels with the same
 * mode share one matrix. Unreachable pairs are `Infinity` (dense) or absent (sparse, with a cutoff).
 *
 * Without one (`options.fallback`), minutes are the great-circle distance × detour factor ÷ the level's speed
 * (default {@link FALLBACK_SPEEDS_KM_PER_HOUR} of its mode, detour {@link FALLBACK_DETOUR_FACTOR}); the basis
 * begins "no road network:" and states each assumption.
 * @param settlementCoordinates - flat [longitude, latitude, ...] in WGS-84 degrees, length 2n
 * @param schoolCoordinates - flat [longitude, latitude, ...], length 2m (existing schools and candidate sites)
 * @param levels - the levels to give times for (any order; duplicates ignored)
 * @param options - a road network and modes, or the fallback's assumptions; see {@link TravelByLevelOptions}
 * @returns matrices per level, each level's mode, the parts made and the basis sentence; see {@link TravelByLevel}
 * @throws InputError on an empty or unknown level, an unknown mode, a speed that is not finite and > 0, a
 *   detour factor below 1, bad coordinates, bad routing options, or options with both or neither of
 *   `network` and `fallback`
 * @example
 * ```ts
 * const walkAndBus = travelMinutesByLevel(villages, schools, ["primary1to3", "junior"], { network });
 * const labelled = travelMinutesByLevel(villages, schools, ["primary1to3", "junior"], { fallback: {} });
 * labelled.basis; // "primary1to3 by walk: no road network: great-circle distance × detour factor 1.3 (assumed) at 5 km/h (assumed), in minutes | junior by schoolBus: …"
 * ```
 */
export function travelMinutesByLevel(
  settlementCoordinates: ArrayLike<number>,
  schoolCoordinates: ArrayLike<number>,
  levels: readonly LevelId[],
  options: TravelByLevelOptions,
): TravelByLevel {
  const checkedLevels = checkLevels(levels);
  if (typeof options !== "object" || options === null) {
    throw new InputError({ source: "options", field: "travel", value: options }, "must be { network, modes? } or { fallback: { speedKmPerHour?, detourFactor? } }");
  }
  const given = options as { readonly network?: unknown; readonly fallback?: unknown };
  const hasNetwork = given.network !== undefined;
  const hasFallback = given.fallback !== undefined;
  if (hasNetwork === hasFallback) {
    throw new InputError(
      { source: "options", field: hasNetwork ? "fallback" : "network", value: hasNetwork ? given.fallback : undefined },
      hasNetwork ? "give either a road network or the straight-line fallback, not both" : "give a road network (network) or ask for the straight-line fallback (fallback: {})",
    );
  }
  return hasNetwork
    ? onNetwork(settlementCoordinates, schoolCoordinates, checkedLevels, options as NetworkTravelByLevelOptions)
    : byFallback(settlementCoordinates, schoolCoordinates, checkedLevels, options as FallbackTravelByLevelOptions);
}

/**
 * The within-area assumptions ({@link WithinAreaAssumptions}) that go with travel options, so that the trip inside
 * a settlement's area uses the same speeds and detour as the trips between settlements and schools. In the
 * straight-line fallback: its detour factor and each level's speed. On a road network (whose roads inside a
 * village are not mapped): the detour {@link FALLBACK_DETOUR_FACTOR} (1.3) and the fallback speed of each level's
 * mode ({@link FALLBACK_SPEEDS_KM_PER_HOUR}: walk 5 km/h, school bus 40 km/h).
 * @param levels - the levels
 * @param options - the travel options, as {@link travelMinutesByLevel} takes them
 * @throws InputError as {@link travelMinutesByLevel} on unknown levels, modes, bad speeds or detour
 */
export function withinAreaAssumptions(levels: readonly LevelId[], options: TravelByLevelOptions): WithinAreaAssumptions {
  const checkedLevels = checkLevels(levels);
  const given = options as { readonly modes?: unknown; readonly fallback?: StraightLineAssumptions };
  const modes = resolveModes(checkedLevels, given.modes);
  const speeds = given.fallback === undefined ? {} : checkLevelRecord("fallback.speedKmPerHour", given.fallback.speedKmPerHour);
  const speedKmPerHour: Partial<Record<LevelId, number>> = {};
  for (const level of checkedLevels) speedKmPerHour[level] = checkSpeed(level, speeds[level] ?? FALLBACK_SPEEDS_KM_PER_HOUR[modes[level]]);
  return { speedKmPerHour, detourFactor: given.fallback?.detourFactor ?? FALLBACK_DETOUR_FACTOR };
}
