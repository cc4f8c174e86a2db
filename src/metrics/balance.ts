/**
 * The county quality-balance evaluation of school resources (教督〔2017〕6号): per school and stage the seven
 * indicator values and whether each meets its threshold, the school passing when it meets at least 6 of 7; per
 * stage the official enrolment-weighted coefficient of variation of each indicator between schools; the county
 * result.
 * @module
 */
import { InputError } from "../errors.ts";
import {
  BALANCE_COEFFICIENT_LIMITS,
  BALANCE_INDICATORS,
  BALANCE_INDICATORS_TO_MEET,
  BALANCE_MINIMUM_PUPILS,
  BALANCE_STAGES,
  weightedVariation,
  type BalanceIndicatorId,
  type BalanceStage,
} from "./balanceIndicators.ts";

/**
 * A school's resource totals, by indicator id (see {@link BalanceIndicatorId} for each property's meaning and
 * unit): `qualifiedTeachers`, `backboneTeachers`, `peArtTeachers` (persons), `teachingFloorM2`, `sportsGroundM2`
 * (m²), `equipmentYuan` (yuan), `multimediaClassrooms` (rooms). Each finite and ≥ 0; an absent total leaves that
 * indicator unknown for the school. These are the property names a schools GeoJSON may carry.
 */
export type BalanceTotals = Readonly<Partial<Record<BalanceIndicatorId, number>>>;

/** One school as the balance evaluation takes it. */
export interface BalanceSchool {
  /** School id. */
  readonly id: string;
  /** Display name; default the id. */
  readonly name?: string;
  /** Pupils of grades 1–6 (≥ 0). */
  readonly primaryPupils: number;
  /** Pupils of grades 7–9 (≥ 0). */
  readonly juniorPupils: number;
  /**
   * The school's resource totals for all its compulsory grades together. A school with pupils of both stages
   * (a nine-year school) has each total split between the stages by pupil share (an assumption of school-layout:
   * the official evaluation counts the stages apart but a school rarely reports its totals so), which gives both
   * stages the same per-student value, judged against each stage's threshold.
   */
  readonly totals: BalanceTotals;
}

/** Options of {@link balanceEvaluation}. */
export interface BalanceOptions {
  /** Fewest pupils of a stage for a school to be counted in that stage; default {@link BALANCE_MINIMUM_PUPILS} (50). */
  readonly minimumPupils?: number;
  /** The largest passing CV per stage; default {@link BALANCE_COEFFICIENT_LIMITS} (0.50 primary, 0.45 junior). */
  readonly coefficientLimits?: Readonly<Partial<Record<BalanceStage, number>>>;
}

/** One school in one stage. */
export interface SchoolBalance {
  /** School id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Pupils of the stage. */
  readonly pupils: number;
  /** Counted in the stage: at least `minimumPupils` pupils of it (teaching points under 50 pupils are left out). */
  readonly counted: boolean;
  /** Per indicator, its value (`perStudents × total share / pupils`, in the indicator's unit); null where the total is not given. */
  readonly values: Readonly<Record<BalanceIndicatorId, number | null>>;
  /** Per indicator, whether the value reaches the stage's threshold; null where the total is not given. */
  readonly met: Readonly<Record<BalanceIndicatorId, boolean | null>>;
  /** Indicators met. */
  readonly metCount: number;
  /** Indicators whose total is not given. */
  readonly unknownCount: number;
  /** Meets at least 6 of 7; null when the unknown indicators decide it. */
  readonly passes: boolean | null;
}

/** One indicator over the counted schools of one stage. */
export interface IndicatorBalance {
  /** Indicator id. */
  readonly id: BalanceIndicatorId;
  /** The stage's threshold, in the indicator's unit. */
  readonly threshold: number;
  /** Counted schools that give the total. */
  readonly schools: number;
  /** Of them, schools meeting the threshold. */
  readonly schoolsMeeting: number;
  /** X̄ × perStudents: the value of all those schools together, in the indicator's unit; null when no school gives the total. */
  readonly countyValue: number | null;
  /** The official weighted CV between those schools; null when no school gives the total. */
  readonly coefficientOfVariation: number | null;
  /** CV ≤ the stage's limit; null when the CV is null. */
  readonly passes: boolean | null;
}

/** One stage of the evaluation. */
export interface StageBalance {
  /** The stage. */
  readonly stage: BalanceStage;
  /** The largest passing CV. */
  readonly coefficientLimit: number;
  /** Schools with pupils of the stage, in input order. */
  readonly schools: readonly SchoolBalance[];
  /** Schools counted (at least `minimumPupils` pupils of the stage). */
  readonly schoolsCounted: number;
  /** Counted schools that pass (at least 6 of 7). */
  readonly schoolsPassing: number;
  /** Counted schools that fail. */
  readonly schoolsFailing: number;
  /** Counted schools whose result the unknown totals decide. */
  readonly schoolsUndetermined: number;
  /** The seven indicators, in the official order. */
  readonly indicators: readonly IndicatorBalance[];
  /** Every indicator's CV within the limit; null when some CV is unknown and none fails. */
  readonly coefficientsPass: boolean | null;
  /** Every counted school passes; null when some is undetermined and none fails. */
  readonly allSchoolsPass: boolean | null;
  /** `coefficientsPass` and `allSchoolsPass`; null when no school is counted or either is null and neither false. */
  readonly passes: boolean | null;
}

/** The resource-allocation part of the quality-balance evaluation; see {@link balanceEvaluation}. */
export interface BalanceEvaluation {
  /** Fewest pupils of a stage for a school to be counted. */
  readonly minimumPupils: number;
  /** Grades 1–6. */
  readonly primary: StageBalance;
  /** Grades 7–9. */
  readonly junior: StageBalance;
  /** Both stages with counted schools pass; null when none has counted schools or an unknown decides it. */
  readonly passes: boolean | null;
}

/** Three-valued AND: false if any is false, else null if any is null, else true. */
function allOf(values: readonly (boolean | null)[]): boolean | null {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

function count(field: string, index: number, id: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InputError({ source: "balance", index, id, field, value }, "must be a finite number ≥ 0");
  }
  return value;
}

function checkedSchools(schools: readonly BalanceSchool[]): void {
  if (!Array.isArray(schools)) throw new InputError({ source: "balance", field: "schools", value: schools }, "must be an array of schools");
  const ids = new Set<string>();
  schools.forEach((school, index) => {
    if (typeof school !== "object" || school === null) throw new InputError({ source: "balance", index, field: "schools", value: school }, "must be a school object");
    if (typeof school.id !== "string" || school.id === "") throw new InputError({ source: "balance", index, field: "id", value: school.id }, "must be a non-empty string");
    if (ids.has(school.id)) throw new InputError({ source: "balance", index, id: school.id, field: "id", value: school.id }, "must be unique");
    ids.add(school.id);
    count("primaryPupils", index, school.id, school.primaryPupils);
    count("juniorPupils", index, school.id, school.juniorPupils);
    const totals = school.totals;
    if (typeof totals !== "object" || totals === null) throw new InputError({ source: "balance", index, id: school.id, field: "totals", value: totals }, "must be an object of resource totals by indicator id");
    const known = new Set<string>(BALANCE_INDICATORS.map((entry) => entry.id));
    for (const [key, value] of Object.entries(totals)) {
      if (!known.has(key)) throw new InputError({ source: "balance", index, id: school.id, field: `totals.${key}`, value: key }, `is not an indicator; indicators: ${[...known].join(", ")}`);
      if (value !== undefined) count(`totals.${key}`, index, school.id, value);
    }
  });
}

function stageOf(schools: readonly BalanceSchool[], stage: BalanceStage, minimumPupils: number, limit: number): StageBalance {
  const rows: SchoolBalance[] = [];
  const shares: Array<Readonly<Record<BalanceIndicatorId, number | null>>> = [];
  for (const school of schools) {
    const pupils = stage === "primary" ? school.primaryPupils : school.juniorPupils;
    if (!(pupils > 0)) continue;
    const share = pupils / (school.primaryPupils + school.juniorPupils);
    const values = {} as Record<BalanceIndicatorId, number | null>;
    const totals = {} as Record<BalanceIndicatorId, number | null>;
    const met = {} as Record<BalanceIndicatorId, boolean | null>;
    let metCount = 0;
    let unknownCount = 0;
    for (const entry of BALANCE_INDICATORS) {
      const total = school.totals[entry.id];
      if (total === undefined) {
        values[entry.id] = null;
        totals[entry.id] = null;
        met[entry.id] = null;
        unknownCount++;
        continue;
      }
      const value = (entry.perStudents * total * share) / pupils;
      totals[entry.id] = total * share;
      values[entry.id] = value;
      met[entry.id] = value >= entry.thresholds[stage];
      if (met[entry.id]) metCount++;
    }
    const passes = metCount >= BALANCE_INDICATORS_TO_MEET ? true : metCount + unknownCount < BALANCE_INDICATORS_TO_MEET ? false : null;
    rows.push(Object.freeze({ id: school.id, name: school.name ?? school.id, pupils, counted: pupils >= minimumPupils, values: Object.freeze(values), met: Object.freeze(met), metCount, unknownCount, passes }));
    shares.push(totals);
  }
  const indicators = BALANCE_INDICATORS.map((entry): IndicatorBalance => {
    const x: number[] = [];
    const p: number[] = [];
    let schoolsMeeting = 0;
    rows.forEach((row, k) => {
      const total = shares[k]![entry.id];
      if (!row.counted || total === null || total === undefined) return;
      x.push(total);
      p.push(row.pupils);
      if (row.met[entry.id]) schoolsMeeting++;
    });
    if (x.length === 0) return Object.freeze({ id: entry.id, threshold: entry.thresholds[stage], schools: 0, schoolsMeeting: 0, countyValue: null, coefficientOfVariation: null, passes: null });
    const variation = weightedVariation(x, p);
    return Object.freeze({
      id: entry.id,
      threshold: entry.thresholds[stage],
      schools: x.length,
      schoolsMeeting,
      countyValue: variation.mean * entry.perStudents,
      coefficientOfVariation: variation.coefficientOfVariation,
      passes: variation.coefficientOfVariation <= limit,
    });
  });
  const counted = rows.filter((row) => row.counted);
  const coefficientsPass = counted.length === 0 ? null : allOf(indicators.map((entry) => entry.passes));
  const allSchoolsPass = counted.length === 0 ? null : allOf(counted.map((row) => row.passes));
  return Object.freeze({
    stage,
    coefficientLimit: limit,
    schools: Object.freeze(rows),
    schoolsCounted: counted.length,
    schoolsPassing: counted.filter((row) => row.passes === true).length,
    schoolsFailing: counted.filter((row) => row.passes === false).length,
    schoolsUndetermined: counted.filter((row) => row.passes === null).length,
    indicators: Object.freeze(indicators),
    coefficientsPass,
    allSchoolsPass,
    passes: counted.length === 0 ? null : allOf([coefficientsPass, allSchoolsPass]),
  });
}

/**
 * Evaluates the resource allocation of a county's compulsory-education schools as 教督〔2017〕6号 does
 * (domain.md §3):
 * - per school and stage (primary = grades 1–6, junior = grades 7–9), each of the seven indicators of
 *   {@link BALANCE_INDICATORS}: value = perStudents × total / pupils of the stage, met when ≥ the stage's threshold;
 *   the school passes when it meets at least 6 of 7 (the further rule that the seventh reach 85 % of its threshold
 *   is not verified, tag M, and not applied);
 * - per stage and indicator, the official weighted CV ({@link weightedVariation}) over the schools with at least
 *   `minimumPupils` pupils of the stage (teaching points under 50 pupils are left out, of the CVs and of the
 *   school count) that give the total; it passes when CV ≤ 0.50 (primary) or ≤ 0.45 (junior);
 * - a stage passes when every indicator's CV passes and every counted school passes; the county when both stages
 *   with counted schools pass. Unknown totals make results null where they decide them.
 *
 * A school with pupils of both stages has its totals split by pupil share (see {@link BalanceSchool.totals}).
 * To see what a plan changes, evaluate the schools with the status quo's pupils and with the plan's (the totals
 * stay with the school; closed schools drop out) and compare, e.g. with {@link compareBalance}.
 * @param schools - the schools, each with its pupils per stage and its totals; not mutated
 * @param options - `minimumPupils` (default 50), `coefficientLimits` (default 0.50 / 0.45)
 * @returns per stage the schools, the indicators and the results, and the county result (plain data)
 * @throws InputError (source `balance`, with the index and id) for a duplicate or empty id, negative or non-finite
 *   pupils or totals, an unknown total name; RangeError for a negative `minimumPupils` or a limit not > 0
 * @example
 * ```ts
 * const balance = balanceEvaluation([
 *   { id: "P1", primaryPupils: 600, juniorPupils: 0, totals: { qualifiedTeachers: 30, sportsGroundM2: 5000 } },
 *   { id: "N1", primaryPupils: 300, juniorPupils: 200, totals: { qualifiedTeachers: 28, sportsGroundM2: 5200 } },
 * ]);
 * balance.primary.indicators[0].coefficientOfVariation; // the weighted CV of qualified teachers per 100 students
 * ```
 */
export function balanceEvaluation(schools: readonly BalanceSchool[], options: BalanceOptions = {}): BalanceEvaluation {
  checkedSchools(schools);
  const minimumPupils = options.minimumPupils ?? BALANCE_MINIMUM_PUPILS;
  if (typeof minimumPupils !== "number" || !(minimumPupils >= 0 && minimumPupils < Infinity)) {
    throw new RangeError(`balanceEvaluation: "minimumPupils" must be a finite number ≥ 0, got ${String(minimumPupils)}`);
  }
  const limits = { ...BALANCE_COEFFICIENT_LIMITS, ...(options.coefficientLimits ?? {}) };
  for (const stage of BALANCE_STAGES) {
    const limit = limits[stage];
    if (typeof limit !== "number" || !(limit > 0 && limit < Infinity)) {
      throw new RangeError(`balanceEvaluation: "coefficientLimits.${stage}" must be a finite number > 0, got ${String(limit)}`);
    }
  }
  const primary = stageOf(schools, "primary", minimumPupils, limits.primary);
  const junior = stageOf(schools, "junior", minimumPupils, limits.junior);
  const judged = [primary, junior].filter((stage) => stage.schoolsCounted > 0).map((stage) => stage.passes);
  return Object.freeze({ minimumPupils, primary, junior, passes: judged.length === 0 ? null : allOf(judged) });
}
