/**
 * Options of {@link planSchoolsOverYears}: the plan years, the scenarios and their probabilities, the discount
 * rate, and how much each year weighs in the objective.
 * @module
 */
import { InputError } from "../../errors.ts";
import { norm, type Norm } from "../../norms/norm.ts";
import type { PlanOptions } from "../rules/options.ts";
import type { YearDemand } from "./yearDemand.ts";

/** A scenario of a multi-year plan and its probability. */
export interface PlanScenario {
  /** The id used in the demand. */
  readonly id: string;
  /** Its weight in the expected cost, > 0; the weights are normalised to sum to 1. Default equal. */
  readonly probability?: number;
}

/**
 * The social discount rate of public projects in China: 8 % a year (《建设项目经济评价方法与参数》第三版,
 * 发改投资〔2006〕1325号).
 */
export const SOCIAL_DISCOUNT_RATE: Norm<number> = norm(0.08, "《建设项目经济评价方法与参数》(第三版, 发改投资〔2006〕1325号): 社会折现率 8%", "M");

/** Options of {@link planSchoolsOverYears}: the plan options of {@link planSchools} (but no budget or trade-off) and the years. */
export interface MultiYearPlanOptions extends Omit<PlanOptions, "budgetYuanPerYear" | "tradeoffPoints" | "statusQuo"> {
  /** The plan years, ascending, e.g. [2025, 2030, 2035]. */
  readonly years: readonly number[];
  /** The scenarios (default one, `"base"`); every year has demand for every scenario. */
  readonly scenarios?: readonly PlanScenario[];
  /** The pupils of every plan year and scenario (see {@link demandFromProjection}). */
  readonly demand: readonly YearDemand[];
  /** The yearly discount rate of costs after the first plan year. Default {@link SOCIAL_DISCOUNT_RATE} (8 %). */
  readonly discountRate?: number;
  /**
   * How to solve: `"joint"` (one MIP over every year and scenario: exact), `"byScenario"` (each scenario's MIP
   * over its years, then their schedules tried on every scenario: a proven wait-and-see bound, for systems the
   * joint MIP is too large or slow for), or `"auto"` (default: joint where its estimated size fits in HiGHS'
   * memory, else by scenario).
   */
  readonly method?: "auto" | "joint" | "byScenario";
  /**
   * What is minimised over the scenarios: `"expected"` (default: Σ_s p_s × the scenario's discounted cost) or
   * `"maxRegret"` (the least worst-case regret: max over scenarios of the plan's discounted cost less that of the
   * best plan found for the scenario alone; Kouvelis & Yu 1997). Probabilities then only break ties.
   */
  readonly criterion?: ScenarioCriterion;
}

/** What a multi-year plan minimises over its scenarios; see {@link MultiYearPlanOptions.criterion}. */
export type ScenarioCriterion = "expected" | "maxRegret";

/** The names {@link planSchoolsOverYears} accepts. */
export const MULTI_YEAR_OPTION_NAMES: readonly string[] = ["years", "scenarios", "demand", "discountRate", "method", "criterion"];

/** A plan year's place in the objective. */
export interface YearWeight {
  /** The plan year. */
  readonly year: number;
  /** The calendar years it stands for: from it to the year before the next plan year (the last: as many as the gap before it; 1 alone). */
  readonly span: number;
  /** Σ over those calendar years of (1 + rate)^−(year − first plan year). */
  readonly weight: number;
}

/**
 * The weight of each plan year: the discounted number of calendar years it stands for (see {@link YearWeight}).
 * One plan year alone weighs 1, so its objective is the single-year plan's.
 * @param years - ascending plan years
 * @param rate - yearly discount rate ≥ 0
 */
export function yearWeights(years: readonly number[], rate: number): YearWeight[] {
  const first = years[0] as number;
  return years.map((year, t) => {
    const next = years[t + 1];
    const span = next !== undefined ? next - year : t > 0 ? year - (years[t - 1] as number) : 1;
    let weight = 0;
    for (let k = 0; k < span; k++) weight += (1 + rate) ** -(year + k - first);
    return { year, span, weight };
  });
}

/** The checked years, scenarios (probabilities normalised) and rate of a multi-year plan. */
export interface ResolvedYears {
  readonly years: readonly number[];
  readonly scenarios: readonly { readonly id: string; readonly probability: number }[];
  readonly weights: readonly YearWeight[];
  readonly discountRate: number;
  /** What is minimised over the scenarios. */
  readonly criterion: ScenarioCriterion;
  /** The demand, indexed [year][scenario]. */
  readonly demand: readonly (readonly YearDemand[])[];
}

/**
 * Checks the multi-year options.
 * @param options - the options
 * @returns years, scenarios, weights and the demand by year and scenario
 * @throws InputError naming the option and the value: years not ascending whole years, a duplicate or unknown
 *   scenario, a probability ≤ 0, a rate < 0, an unknown method or criterion, demand missing or repeated for a year and scenario, a budget or
 *   trade-off (not yet supported over years)
 */
export function resolveYears(options: MultiYearPlanOptions): ResolvedYears {
  const all = options as unknown as Record<string, unknown>;
  for (const name of ["budgetYuanPerYear", "tradeoffPoints", "statusQuo"]) {
    if (all[name] !== undefined) {
      throw new InputError({ source: "options", field: name, value: all[name] }, "is not supported by multi-year plans yet: plan each year with planSchools for it");
    }
  }
  const years = options.years;
  if (!Array.isArray(years) || years.length === 0) throw new InputError({ source: "options", field: "years", value: years }, "must list at least one plan year");
  years.forEach((year, i) => {
    if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new InputError({ source: "options", field: `years[${i}]`, value: year }, "must be a whole year");
    if (i > 0 && year <= (years[i - 1] as number)) throw new InputError({ source: "options", field: `years[${i}]`, value: year }, "plan years must be ascending without repeats");
  });
  const given = options.scenarios ?? [{ id: "base" }];
  if (!Array.isArray(given) || given.length === 0) throw new InputError({ source: "options", field: "scenarios", value: given }, "must list at least one scenario");
  const ids = new Set<string>();
  given.forEach((s, i) => {
    if (typeof s?.id !== "string" || s.id === "") throw new InputError({ source: "options", field: `scenarios[${i}].id`, value: s?.id }, "must be a non-empty string");
    if (ids.has(s.id)) throw new InputError({ source: "options", field: `scenarios[${i}].id`, value: s.id }, "repeats another scenario's id");
    ids.add(s.id);
    if (s.probability !== undefined && !(typeof s.probability === "number" && s.probability > 0 && Number.isFinite(s.probability))) {
      throw new InputError({ source: "options", field: `scenarios[${i}].probability`, value: s.probability }, "must be a number > 0");
    }
  });
  const total = given.reduce((sum, s) => sum + (s.probability ?? 1), 0);
  const scenarios = given.map((s) => ({ id: s.id, probability: (s.probability ?? 1) / total }));
  const rate = options.discountRate ?? SOCIAL_DISCOUNT_RATE.value;
  if (typeof rate !== "number" || !(rate >= 0 && rate < 1)) throw new InputError({ source: "options", field: "discountRate", value: rate }, "must be a yearly rate in [0, 1)");
  if (options.method !== undefined && !["auto", "joint", "byScenario"].includes(options.method)) {
    throw new InputError({ source: "options", field: "method", value: options.method }, "must be auto, joint or byScenario");
  }
  if (options.criterion !== undefined && !["expected", "maxRegret"].includes(options.criterion)) {
    throw new InputError({ source: "options", field: "criterion", value: options.criterion }, "must be expected or maxRegret");
  }
  if (!Array.isArray(options.demand)) throw new InputError({ source: "options", field: "demand", value: options.demand }, "must be an array of { year, scenario, pupils }");
  const found = new Map<string, YearDemand>();
  options.demand.forEach((d, i) => {
    const k = `${d?.year}\u0000${d?.scenario}`;
    if (!years.includes(d?.year) || !ids.has(d?.scenario)) {
      throw new InputError({ source: "options", index: i, field: "demand", value: `${d?.year} ${d?.scenario}` }, "names a year or scenario that is not planned");
    }
    if (found.has(k)) throw new InputError({ source: "options", index: i, field: "demand", value: `${d.year} ${d.scenario}` }, "repeats a year and scenario");
    found.set(k, d);
  });
  const demand = years.map((year) => scenarios.map((s) => {
    const d = found.get(`${year}\u0000${s.id}`);
    if (d === undefined) throw new InputError({ source: "options", field: "demand", value: `${year} ${s.id}` }, "is missing for this year and scenario");
    return d;
  }));
  return { years: [...years], scenarios, weights: yearWeights(years, rate), discountRate: rate, criterion: options.criterion ?? "expected", demand };
}

/** The plan options of one year's copy: the multi-year names removed. */
export function singleYearOptions(options: MultiYearPlanOptions): PlanOptions {
  const rest: Record<string, unknown> = { ...options };
  for (const name of MULTI_YEAR_OPTION_NAMES) delete rest[name];
  return rest as PlanOptions;
}
