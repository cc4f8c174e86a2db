/**
 * The small-school guarantee (国办发〔2018〕27号: grades 1–3 study near home; necessary small village schools
 * are kept): the fewest village schools and teaching points that must stay open, or be opened at candidate
 * sites, so that every grade 1–3 pupil has a school within the day-travel limit — and, for each, why it is
 * necessary: the settlements and pupils no other kept school reaches in time.
 * @module
 */
import { costOf } from "../../costMatrix.ts";
import { InputError } from "../../errors.ts";
import type { LevelId } from "../../norms/levels.ts";
import type { SolveStatus, SolverName } from "../../solution.ts";
import { LinearModelBuilder } from "../../solvers/linearModel.ts";
import type { SolveOptions } from "../../solvers/options.ts";
import { solveLinearModel } from "../../solvers/solve.ts";
import { resolvePlanRules } from "./rules.ts";
import type { PlanRuleOptions } from "./options.ts";
import { LEVELS_SERVED } from "../system/schoolTypes.ts";
import type { School, SchoolSystem } from "../system/system.ts";

/** A settlement that depends on one necessary school. */
export interface DependentSettlement {
  /** Settlement id. */
  readonly settlement: string;
  /** Its pupils of the level. */
  readonly pupils: number;
  /** One-way minutes to the necessary school. */
  readonly travelMinutes: number;
}

/** A school the guarantee keeps or opens, and why. */
export interface NecessarySchool {
  /** School index j. */
  readonly index: number;
  /** School id. */
  readonly id: string;
  /** True for an existing school kept, false for a candidate opened. */
  readonly existing: boolean;
  /** The settlements that no other school of the guarantee (or kept central school) reaches within the limit. */
  readonly settlements: readonly DependentSettlement[];
  /** Their pupils of the level. */
  readonly pupils: number;
}

/** The result of {@link findNecessarySmallSchools}. */
export interface SmallSchoolGuarantee {
  /** How the solve ended (`optimal`: the fewest schools is proven). */
  readonly status: SolveStatus;
  /** The level guaranteed. */
  readonly level: LevelId;
  /** The day-travel limit used, minutes. */
  readonly limitMinutes: number;
  /** The necessary village schools and teaching points (existing ones first, then candidates, by index). */
  readonly necessary: readonly NecessarySchool[];
  /** The schools counted as always open (county-seat and township schools serving the level, not forbidden). */
  readonly kept: readonly string[];
  /** Settlements with pupils of the level that no allowed school reaches within the limit (the guarantee cannot hold for them). */
  readonly unreachable: readonly DependentSettlement[];
  /** The backend and seconds. */
  readonly statistics: {
    /** The backend that solved the set cover, or `none` when no small school was needed. */
    readonly solver: SolverName;
    /** Wall-clock seconds. */
    readonly seconds: number;
  };
}

/** Options of {@link findNecessarySmallSchools}. */
export interface SmallSchoolOptions extends Pick<PlanRuleOptions, "norms">, SolveOptions {
  /** The level to guarantee. Default `primary1to3`. */
  readonly level?: LevelId;
  /** The limit in minutes. Default the norms' day-travel limit of the level (30 for grades 1–3). */
  readonly limitMinutes?: number;
}

/** Whether a school is a small-school option: a teaching point, or a school of tier village. */
function isSmallSchoolOption(school: School): boolean {
  return school.tier === "village" || school.type === "teaching point";
}

/**
 * Finds the fewest village schools and teaching points (existing or candidate) that, with every county-seat and
 * township school serving the level, put each settlement's pupils of the level within the limit. A set-covering
 * model (Toregas et al. 1971) with each existing small school weighing 1 and each candidate 1.001, so that among
 * the fewest, existing schools are kept before new ones are opened. Each necessary school is reported with the
 * settlements only it reaches in time.
 * @param system - the school system (its travel minutes of the level)
 * @param options - level (default primary1to3), limit (default the norm), norms, solve options
 * @returns the necessary schools, the kept central schools, the unreachable settlements; see {@link SmallSchoolGuarantee}
 * @throws InputError when the level is not planned, or the limit is not a finite number > 0 (or the norms set none)
 * @example
 * ```ts
 * const guarantee = await findNecessarySmallSchools(system);
 * guarantee.necessary.map((s) => `${s.id}: ${s.pupils} pupils`);
 * // then protect them in the plan: createSchoolSystem({ ...input, schools: schools.map((s) => ({ ...s, protected: ids.has(s.id) })) })
 * ```
 */
export async function findNecessarySmallSchools(system: SchoolSystem, options: SmallSchoolOptions = {}): Promise<SmallSchoolGuarantee> {
  const started = performance.now();
  const level = options.level ?? "primary1to3";
  if (!system.levels.includes(level)) throw new InputError({ source: "options", field: "level", value: level }, `must be a planned level: ${system.levels.join(", ")}`);
  const rules = resolvePlanRules(options.norms === undefined ? {} : { norms: options.norms });
  const limit = options.limitMinutes ?? rules.dayTravelLimitMinutes[level];
  if (typeof limit !== "number" || !(limit > 0) || !Number.isFinite(limit)) {
    throw new InputError({ source: "options", field: "limitMinutes", value: limit }, `must be a finite number > 0 (the norms set no day limit for ${level})`);
  }
  const travel = system.travelMinutes[level]!;
  const serving = system.schools.flatMap((s, j) => (LEVELS_SERVED[s.type].includes(level) && !s.forbidden ? [j] : []));
  const kept = serving.filter((j) => !isSmallSchoolOption(system.schools[j]!));
  const smallOptions = serving.filter((j) => isSmallSchoolOption(system.schools[j]!));
  const reachBy = (i: number, list: readonly number[]): number[] => list.filter((j) => costOf(travel, i, j) <= limit);
  const needing: number[] = [];
  const unreachable: DependentSettlement[] = [];
  system.settlements.forEach((settlement, i) => {
    const pupils = settlement.pupils[level];
    if (!(pupils > 0) || reachBy(i, kept).length > 0) return;
    if (reachBy(i, smallOptions).length === 0) unreachable.push({ settlement: settlement.id, pupils, travelMinutes: Infinity });
    else needing.push(i);
  });
  let chosen: number[] = [];
  let status: SolveStatus = "optimal";
  let solver: SolverName = "none";
  if (needing.length > 0) {
    const builder = new LinearModelBuilder("minimize");
    const column = new Map<number, number>();
    for (const j of smallOptions) column.set(j, builder.addColumn(system.schools[j]!.existing ? 1 : 1.001, system.schools[j]!.required ? 1 : 0, 1, true));
    for (const i of needing) {
      const columns = reachBy(i, smallOptions).map((j) => column.get(j)!);
      builder.addRow(columns, columns.map(() => 1), 1, Infinity);
    }
    const result = await solveLinearModel(builder.build(), {
      ...(options.solver === undefined ? {} : { solver: options.solver }),
      ...(options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    status = result.status;
    solver = result.solver;
    if (result.values !== null) chosen = smallOptions.filter((j) => result.values![column.get(j)!]! > 0.5);
  }
  const necessary = chosen
    .sort((a, b) => Number(system.schools[b]!.existing) - Number(system.schools[a]!.existing) || a - b)
    .map((j): NecessarySchool => {
      const others = chosen.filter((k) => k !== j);
      const settlements = needing
        .filter((i) => costOf(travel, i, j) <= limit && reachBy(i, others).length === 0)
        .map((i) => ({ settlement: system.settlements[i]!.id, pupils: system.settlements[i]!.pupils[level], travelMinutes: costOf(travel, i, j) }));
      return { index: j, id: system.schools[j]!.id, existing: system.schools[j]!.existing, settlements, pupils: settlements.reduce((sum, s) => sum + s.pupils, 0) };
    });
  return {
    status,
    level,
    limitMinutes: limit,
    necessary,
    kept: kept.map((j) => system.schools[j]!.id),
    unreachable,
    statistics: { solver, seconds: (performance.now() - started) / 1000 },
  };
}
