/**
 * `planSchoolsOverYears`: one school plan for several years and scenarios at once, as one MIP on HiGHS.
 * @module
 */
import { InputError } from "../../errors.ts";
import { relativeGap, type SolveStatus } from "../../solution.ts";
import { statusQuoInContext } from "../statusQuoScore.ts";
import { planDeadline } from "../solve/deadline.ts";
import { presolveReasons } from "../solve/diagnose.ts";
import { buildPlanModel } from "../solve/model.ts";
import { preparePlan } from "../solve/solvePlan.ts";
import { PLAN_OPTION_NAMES } from "../rules/options.ts";
import type { SchoolSystem } from "../system/system.ts";
import { checkPlanOverYears } from "./checkYears.ts";
import { systemForYear } from "./yearDemand.ts";
import type { CopyInput } from "./yearModel.ts";
import { scenarioValues, solveLeastRegret, type RegretSolve, type ScenarioRegret } from "./regretYears.ts";
import { copyWeight, jointFits, solveByScenario, solveJoint, type YearsSolve } from "./solveYears.ts";
import { MULTI_YEAR_OPTION_NAMES, resolveYears, singleYearOptions, type MultiYearPlanOptions } from "./yearOptions.ts";
import { yearBefore, yearFigures, yearPlansFromDecisions } from "./yearPlans.ts";
import type { MultiYearPlan, PlanYear, SchoolSchedule } from "./yearResult.ts";

const NOT_OVER_YEARS = ["budgetYuanPerYear", "tradeoffPoints", "statusQuo"];

/** The least denominator of a regret's gap, as a share of the largest reference V_s. */
const REGRET_GAP_FLOOR = 1e-4;

/** The option names {@link planSchoolsOverYears} accepts. */
export const MULTI_YEAR_PLAN_OPTION_NAMES: readonly string[] = [...PLAN_OPTION_NAMES.filter((name) => !NOT_OVER_YEARS.includes(name)), ...MULTI_YEAR_OPTION_NAMES];

/**
 * Plans a county's schools for several years and scenarios at once: which schools stay open, close or are built,
 * and where classrooms and beds are added, by each plan year — one plan that meets the norms of
 * {@link planSchools} in every year under every scenario, at the least expected discounted cost (or mean travel).
 * The decisions are shared by the scenarios of a year; each year and scenario has its own assignments and classes
 * (classes follow enrolment). A closed school stays closed, a built school stays, and classrooms and beds added
 * stay while the school is open; a school closes only when the schools taking its pupils are open that year
 * (build before close, 先建后撤, 国办发〔2012〕48号). One MIP on HiGHS: a copy of the single-year model per year and
 * scenario tied by linking rows (see src/plan/years/yearModel.ts). The objective is Σ over plan years t and
 * scenarios s of w_t × p_s × the year's annual cost, w_t the plan year's discounted calendar years (each plan year
 * stands for the years until the next; the last for as many as the gap before it; discount rate
 * {@link SOCIAL_DISCOUNT_RATE} by default), p_s the scenario's probability; with one year and one scenario it is
 * the single-year plan's objective. Every year's plan is recomputed from its decisions and checked with
 * {@link checkPlan}, and the years together with {@link checkPlanOverYears}; the status quo of each year is scored
 * for comparison. No warm start: under a time limit that is too short the answer may be `timeLimit` without a
 * plan (the bound still stands).
 * @param system - the school system; its pupils are replaced per year and scenario by `options.demand`
 * @param options - `years`, `scenarios` (with probabilities, default equal), `demand` (see
 *   {@link demandFromProjection}), `discountRate`, and the options of {@link planSchools} except the budget, the
 *   trade-off and the status quo
 * @returns the plan: status, objective, bound, gap, the schedule of each school, and per year and scenario its
 *   plan, changes, figures, violations and status quo
 * @throws InputError on an unknown or bad option (naming it), demand missing for a year, scenario or settlement
 * @throws SolverError when the backend fails or the model would not fit in HiGHS' memory
 * @example
 * ```ts
 * const demand = demandFromProjection(system, projectCounty(guangdongCensusUnit("441625"), { years: [2020, 2025, 2030], scenarios: [SCENARIOS.low, SCENARIOS.high] }).rows, { years: [2025, 2030], scenarios: ["low", "high"] });
 * const plan = await planSchoolsOverYears(system, { years: [2025, 2030], scenarios: [{ id: "low" }, { id: "high" }], demand, timeLimitSeconds: 120 });
 * plan.schedule.filter((s) => s.years.some((y) => y.change === "close"));
 * ```
 */
export async function planSchoolsOverYears(system: SchoolSystem, options: MultiYearPlanOptions): Promise<MultiYearPlan> {
  const started = performance.now();
  if (typeof options !== "object" || options === null) throw new InputError({ source: "options", field: "options", value: options }, "must be an object");
  for (const name of Object.keys(options)) {
    if (!MULTI_YEAR_PLAN_OPTION_NAMES.includes(name) && !NOT_OVER_YEARS.includes(name)) {
      throw new InputError({ source: "options", field: name, value: (options as unknown as Record<string, unknown>)[name] }, `is not an option of planSchoolsOverYears; options: ${MULTI_YEAR_PLAN_OPTION_NAMES.join(", ")}`);
    }
  }
  const resolved = resolveYears(options);
  const single = singleYearOptions(options);
  const objective = options.objective ?? "cost";
  const systems = resolved.demand.map((row) => row.map((demand) => systemForYear(system, demand)));
  const prepared = systems.map((row) => row.map((yearSystem) => preparePlan(yearSystem, single)));
  const { rules, costs } = prepared[0]![0]!.context;
  const base = {
    objectiveKind: objective,
    criterion: resolved.criterion,
    regret: null,
    years: resolved.weights,
    scenarios: resolved.scenarios,
    discountRate: resolved.discountRate,
    rules,
    costFigures: costs,
    travelBasis: system.travelBasis,
  };
  const statistics = (solver: MultiYearPlan["statistics"]["solver"], variables: number, constraints: number, nodes?: number): MultiYearPlan["statistics"] => ({
    solver, seconds: (performance.now() - started) / 1000, variables, constraints, ...(nodes === undefined ? {} : { nodes }),
  });
  const empty = { schedule: [], plans: [], violations: [] };
  for (const [t, row] of prepared.entries()) {
    for (const [s, { context, coverage }] of row.entries()) {
      const reasons = presolveReasons(context, coverage);
      if (reasons.length > 0) {
        const where = `in ${resolved.years[t]} under scenario ${resolved.scenarios[s]!.id}: `;
        return Object.freeze({ ...base, method: options.method === "byScenario" ? ("byScenario" as const) : ("joint" as const), ...empty, status: "infeasible", objective: null, bound: null, gap: null, source: "none", reasons: reasons.map((r) => ({ ...r, message: where + r.message })), statistics: statistics("none", 0, 0) });
      }
    }
  }
  const copies: CopyInput[][] = prepared.map((row) => row.map(({ context, coverage }) => ({
    context,
    coverage,
    model: buildPlanModel(context, coverage, { objective, budgetYuanPerYear: null, maxMeanTravelMinutes: context.rules.maxMeanTravelMinutes }),
  })));
  const probabilities = resolved.scenarios.map((sc) => sc.probability);
  const seconds = options.timeLimitSeconds === undefined ? undefined : planDeadline(options.timeLimitSeconds, (performance.now() - started) / 1000).solverSeconds;
  const settings = {
    objective,
    seconds,
    solve: {
      ...(options.solver === undefined ? {} : { solver: options.solver }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.offThread === undefined ? {} : { offThread: options.offThread }),
      ...(options.mipRelativeGap === undefined ? {} : { mipRelativeGap: options.mipRelativeGap }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    },
  };
  const method = options.method ?? "auto";
  const byScenario = method === "byScenario" || (method === "auto" && resolved.scenarios.length > 1 && !jointFits(copies));
  const regret = resolved.criterion === "maxRegret";
  const result: YearsSolve & Partial<Pick<RegretSolve, "references" | "referenceBounds">> = regret
    ? await solveLeastRegret(copies, resolved.weights, probabilities, settings, byScenario ? "byScenario" : "joint")
    : byScenario ? await solveByScenario(copies, resolved.weights, probabilities, settings) : await solveJoint(copies, resolved.weights, probabilities, settings);
  const stats = statistics(result.solver, result.variables, result.constraints, result.nodes);
  const bound = result.bound;
  const solved = { ...base, method: result.method };
  if (result.status === "infeasible") {
    const reason = { code: "conflict" as const, message: "no plan meets the rules in every plan year and scenario together (each year alone passed the checks before solving): a school needed in a later year may have to close earlier, or additions may not fit every scenario" };
    return Object.freeze({ ...solved, ...empty, status: "infeasible", objective: null, bound: null, gap: null, source: "none", reasons: [reason], statistics: stats });
  }
  if (result.decisions === null) {
    const reasons = result.unshared === true
      ? [{ code: "solver" as const, message: "solved scenario by scenario, no scenario's schedule of open schools met the rules in every scenario (nothing is proven infeasible); try method \"joint\" or fewer scenarios" }]
      : [];
    return Object.freeze({ ...solved, ...empty, status: result.status, objective: null, bound, gap: null, source: "none", reasons, statistics: stats });
  }
  const contexts = copies.map((row) => row.map((copy) => copy.context));
  const weightOf = (t: number, s: number): number => copyWeight(resolved.weights, probabilities, objective, t, s);
  const decoded = yearPlansFromDecisions(contexts, result.decisions);
  const toCheck = decoded.plans.map((row, t) => row.map((plan, s) => ({ year: resolved.years[t]!, scenario: resolved.scenarios[s]!.id, system: systems[t]![s]!, plan })));
  const violations = checkPlanOverYears(toCheck, rules, costs);
  let value = 0;
  const plans: PlanYear[] = [];
  const regrets: ScenarioRegret[] | null = result.references === undefined ? null : scenarioValues(copies, result.decisions, resolved.weights, objective).map((v, s) => ({
    scenario: resolved.scenarios[s]!.id,
    value: v,
    reference: result.references![s]!,
    referenceBound: result.referenceBounds![s] ?? null,
    regret: v - result.references![s]!,
  }));
  const smallLine = rules.smallSchoolPupils;
  const today = yearBefore(statusQuoInContext(preparePlan(system, single).context), smallLine);
  const statusQuos = contexts.map((row) => row.map((context) => statusQuoInContext(context)));
  decoded.plans.forEach((row, t) => row.forEach((plan, s) => {
    value += weightOf(t, s) * (objective === "cost" ? plan.costs.total : plan.travel.meanMinutes);
    const statusQuo = statusQuos[t]![s]!;
    // "Newly small": against the plan year before, and for the first plan year against today (today's pupils).
    const before = t === 0 ? today : yearBefore(decoded.plans[t - 1]![s]!, smallLine);
    const statusQuoBefore = t === 0 ? today : yearBefore(statusQuos[t - 1]![s]!, smallLine);
    plans.push({
      year: resolved.years[t]!,
      scenario: resolved.scenarios[s]!.id,
      probability: resolved.scenarios[s]!.probability,
      plan,
      changes: decoded.changes[t]!,
      figures: yearFigures(plan, smallLine, before),
      violations: violations.filter((v) => v.year === resolved.years[t] && v.scenario === resolved.scenarios[s]!.id),
      statusQuo: { figures: yearFigures(statusQuo, smallLine, statusQuoBefore), violations: statusQuo.violations },
    });
  }));
  const schedule: SchoolSchedule[] = system.schools.map((school, j) => ({
    id: school.id,
    name: school.name,
    existing: school.existing,
    years: decoded.plans.map((row, t) => {
      const planned = row[0]!.schools[j]!;
      return { year: resolved.years[t]!, change: decoded.changes[t]![j]!, open: planned.open, classroomsAdded: planned.classroomsAdded, bedsAdded: planned.bedsAdded };
    }),
  }));
  // The objective: the expected value, or the worst scenario's regret.
  if (regrets !== null) value = Math.max(...regrets.map((r) => r.regret));
  // A regret may be 0 (one plan is the best in every scenario): its gap is taken against at least 0.01 % of the
  // largest reference, so that a bound a solver's hair below 0 does not read as a large gap.
  const gap = regrets === null ? relativeGap(value, bound) : bound === null ? null : Math.abs(value - bound) / Math.max(Math.abs(value), REGRET_GAP_FLOOR * Math.max(...regrets.map((r) => Math.abs(r.reference))), 1e-10);
  const status: SolveStatus = result.status === "optimal" && gap !== null && gap > 1e-6 ? "feasible" : result.status;
  return Object.freeze({ ...solved, regret: regrets, status, objective: value, bound, gap, source: "solver", schedule, plans, violations, reasons: [], statistics: stats });
}
