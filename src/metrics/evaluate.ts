/**
 * One evaluation of a layout, as plain data: access per level county-wide and per township, school figures,
 * equity of access, the official balance figures when the schools' resource totals are given, and every rule the
 * layout breaks (from {@link checkPlan}).
 * @module
 */
import { InputError } from "../errors.ts";
import type { LevelId } from "../norms/levels.ts";
import { checkPlan } from "../plan/check/checkPlan.ts";
import { defaultPlanCosts, type PlanCosts } from "../plan/rules/costs.ts";
import type { PlanCostBreakdown, PlanCounts, PlanTravel, PlanViolation } from "../plan/result/result.ts";
import type { PlanRules } from "../plan/rules/rules.ts";
import { LEVELS_SERVED } from "../plan/system/schoolTypes.ts";
import type { SchoolSystem } from "../plan/system/system.ts";
import { accessFigures, type AccessFigures } from "./access.ts";
import { balanceEvaluation, type BalanceEvaluation, type BalanceOptions, type BalanceSchool, type BalanceTotals } from "./balance.ts";
import { travelEquity, type TravelEquity } from "./equity.ts";
import { checkLayout, type Layout } from "./layout.ts";
import { schoolFigures, type SchoolFigures } from "./schoolFigures.ts";

/** Options of {@link evaluateLayout}. */
export interface EvaluateLayoutOptions {
  /** The rules in force (a plan's `rules`, or {@link resolvePlanRules} of the options): travel limits, class and school sizes, the small-school threshold. Required. */
  readonly rules: PlanRules;
  /** The cost figures for the recomputed costs and checkPlan (a plan's `costFigures`); default {@link defaultPlanCosts}. */
  readonly costFigures?: PlanCosts;
  /**
   * The schools' resource totals of the quality-balance evaluation, by school id (see {@link BalanceTotals});
   * default none, and `balance` is null. The totals stay with the school whatever the layout does with its pupils.
   */
  readonly balanceTotals?: Readonly<Record<string, BalanceTotals>>;
  /** Options of the balance evaluation (minimum pupils, CV limits); see {@link BalanceOptions}. */
  readonly balance?: BalanceOptions;
}

/** A layout's annual costs by item, yuan per year, recomputed by {@link checkPlan}; null for an item that is not finite (an unreachable trip). */
export type LayoutCosts = { readonly [K in keyof PlanCostBreakdown]: number | null };

/** The evaluation of one layout; see {@link evaluateLayout}. Plain, JSON-serialisable data (null, never Infinity or NaN). */
export interface LayoutEvaluation {
  /** The planned levels, youngest first. */
  readonly levels: readonly LevelId[];
  /** Access per level, county-wide and per township. */
  readonly access: AccessFigures;
  /** School figures: utilization, small schools, class and school size, empty seats, per school. */
  readonly schools: SchoolFigures;
  /** Gini and Theil of one-way minutes across pupils. */
  readonly equity: TravelEquity;
  /** The quality-balance evaluation of the open schools with pupils of grades 1–9; null without `balanceTotals`. */
  readonly balance: BalanceEvaluation | null;
  /** Every rule the layout breaks, with school, settlement, level and the numbers (from {@link checkPlan}). */
  readonly violations: readonly PlanViolation[];
  /** Violations per rule code. */
  readonly violationCounts: Readonly<Record<string, number>>;
  /** The annual costs recomputed from the layout's choices. */
  readonly costs: LayoutCosts;
}

// checkPlan reads neither the travel nor the counts of a plan; a user's layout need not give them.
const UNUSED_TRAVEL: PlanTravel = Object.freeze({ meanMinutes: 0, meanMinutesByLevel: {}, maxDayMinutesByLevel: {}, dayPupils: 0, boarders: 0 });
const UNUSED_COUNTS: PlanCounts = Object.freeze({ open: 0, kept: 0, expanded: 0, closed: 0, built: 0, small: 0 });
const NO_COSTS: PlanCostBreakdown = Object.freeze({ schools: 0, newSchools: 0, closures: 0, classes: 0, classrooms: 0, beds: 0, boarders: 0, transport: 0, total: 0 });

const PRIMARY_LEVELS: readonly LevelId[] = ["primary1to3", "primary4to6"];

/**
 * The schools of a layout as the balance evaluation takes them: every open school serving grades 1–9 with pupils
 * of them, in system order, with its pupils from the layout's rows (primary = grades 1–3 and 4–6, junior = 7–9)
 * and its totals from `totals` (none where the school has no entry: its indicators are then unknown). Closed
 * schools drop out; a school's totals stay the same whatever pupils the layout sends it.
 * @param system - the school system
 * @param layout - the layout (not mutated)
 * @param totals - resource totals by school id
 * @returns the balance schools
 * @throws InputError (source `balanceTotals`, field the id) for an id that is not a school of the system
 */
export function balanceSchoolsOfLayout(system: SchoolSystem, layout: Layout, totals: Readonly<Record<string, BalanceTotals>>): BalanceSchool[] {
  if (typeof totals !== "object" || totals === null) throw new InputError({ source: "balanceTotals", field: "balanceTotals", value: totals }, "must be an object of resource totals by school id");
  const ids = new Set(system.schools.map((school) => school.id));
  for (const id of Object.keys(totals)) if (!ids.has(id)) throw new InputError({ source: "balanceTotals", id, field: id, value: id }, "is not the id of a school of the system");
  const primary = new Float64Array(system.schools.length);
  const junior = new Float64Array(system.schools.length);
  for (const row of layout.assignments) {
    if (PRIMARY_LEVELS.includes(row.level)) primary[row.schoolIndex] += row.pupils;
    else if (row.level === "junior") junior[row.schoolIndex] += row.pupils;
  }
  const result: BalanceSchool[] = [];
  layout.schools.forEach((school, j) => {
    const served = LEVELS_SERVED[school.type];
    if (!school.open || !served.some((level) => level === "junior" || PRIMARY_LEVELS.includes(level))) return;
    if (!(primary[j]! + junior[j]! > 0)) return;
    result.push({ id: school.id, name: school.name, primaryPupils: primary[j]!, juniorPupils: junior[j]!, totals: totals[school.id] ?? {} });
  });
  return result;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/**
 * Evaluates a layout: a plan with figures ({@link planLayout}), a plan's `statusQuo`, or a user's own schools and
 * assignment rows. Returns one plain-data {@link LayoutEvaluation}:
 * - `access`: per planned level, county-wide and per township, pupils (assigned, unassigned, unreachable), the
 *   pupil-weighted mean, median, 90th percentile and longest one-way trip of all pupils, day pupils and boarders
 *   (weekly trip) apart, and the shares within the limits ({@link accessFigures});
 * - `schools`: utilization per level and its spread, small schools, class and school size against the norms,
 *   empty seats and beds, one row per school ({@link schoolFigures});
 * - `equity`: Gini and Theil T of one-way minutes across pupils ({@link travelEquity});
 * - `balance`: with `balanceTotals`, the official quality-balance figures of the open schools
 *   ({@link balanceSchoolsOfLayout}, {@link balanceEvaluation});
 * - `violations` and `costs`: from {@link checkPlan} with the layout, `rules` and `costFigures`. A layout without
 *   `costs` (a user's own) is checked with its recomputed costs, so no `costs` violation is reported for it.
 *
 * Pupils and trips come from the rows; minutes are the rows' `travelMinutes` (checkPlan flags rows whose minutes
 * are not the system's). Deterministic; inputs are not mutated.
 * @param system - the school system
 * @param layout - the layout
 * @param options - `rules` (required), `costFigures`, `balanceTotals`, `balance`
 * @returns the evaluation
 * @throws InputError for a malformed layout (see {@link checkLayout} and {@link checkPlan}) or bad balance
 *   totals; RangeError when `options.rules` is missing
 * @example
 * ```ts
 * const plan = await planSchools(system, { timeLimitSeconds: 30 });
 * const options = { rules: plan.rules, costFigures: plan.costFigures };
 * const before = evaluateLayout(system, plan.statusQuo!, options);
 * const after = evaluateLayout(system, planLayout(plan), options);
 * after.access.county.primary1to3?.day.p90Minutes;
 * for (const row of comparePlans(before, after)) if (row.change !== 0) console.log(row.figure, row.a, row.b, row.change);
 * ```
 */
export function evaluateLayout(system: SchoolSystem, layout: Layout, options: EvaluateLayoutOptions): LayoutEvaluation {
  if (typeof options !== "object" || options === null || typeof options.rules !== "object" || options.rules === null) {
    throw new RangeError(`evaluateLayout: "options.rules" must be the rules in force (a plan's rules, or resolvePlanRules()), got ${String(options?.rules)}`);
  }
  checkLayout(system, layout);
  const rules = options.rules;
  const costFigures = options.costFigures ?? defaultPlanCosts();
  const base = { schools: layout.schools, assignments: layout.assignments, travel: UNUSED_TRAVEL, counts: UNUSED_COUNTS, rules, costFigures };
  let check = checkPlan(system, { ...base, costs: layout.costs ?? NO_COSTS });
  if (layout.costs === undefined) check = checkPlan(system, { ...base, costs: check.costs });
  const violationCounts: Record<string, number> = {};
  for (const entry of check.violations) violationCounts[entry.rule] = (violationCounts[entry.rule] ?? 0) + 1;
  const costs = Object.fromEntries(Object.entries(check.costs).map(([item, value]) => [item, finiteOrNull(value as number)])) as LayoutCosts;
  return Object.freeze({
    levels: system.levels,
    access: accessFigures(system, layout.assignments, rules),
    schools: schoolFigures(system, layout.schools, layout.assignments, rules),
    equity: travelEquity(system, layout.assignments),
    balance: options.balanceTotals === undefined ? null : balanceEvaluation(balanceSchoolsOfLayout(system, layout, options.balanceTotals), options.balance),
    violations: check.violations,
    violationCounts: Object.freeze(violationCounts),
    costs: Object.freeze(costs),
  });
}
