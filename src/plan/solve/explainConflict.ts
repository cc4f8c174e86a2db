/**
 * Infeasibility in the rules' own words: the rows and column bounds of an irreducible infeasible subsystem (IIS)
 * of the plan MIP's LP relaxation, each said as the rule it states, with its numbers.
 * @module
 */
import { lpRelaxation } from "../../solvers/linearModel.ts";
import type { LinearConflict, LinearResult, SolveOptions } from "../../solvers/options.ts";
import { solveLinearModel } from "../../solvers/solve.ts";
import type { CoverageRule } from "../rules/coverageRules.ts";
import { formatYuan, nounFor } from "../rules/format.ts";
import { buildPlanModel, classLimit, planObjectiveValue, type PlanModel, type PlanModelOptions, type PlanRowKind } from "./model.ts";
import type { PlanInfeasibilityReason } from "../result/result.ts";
import { classSizeAt } from "../rules/rules.ts";
import type { ScoringContext } from "../heuristic/score.ts";

/** The most rules a reason lists by name; the rest are counted. */
const MOST_LISTED = 12;


/**
 * Says each rule of a conflict (rows and column bounds of the LP relaxation) in words.
 * @param model - the plan model the conflict is of
 * @param context - its scoring context
 * @param coverage - its coverage rules (three schools, resource rooms), in model order
 * @param conflict - the irreducible infeasible subsystem, as row and column indices of `model.linear`
 * @returns one phrase per rule (duplicates merged, in row then column order), and the schools and settlements named
 */
export function conflictRules(
  model: PlanModel,
  context: ScoringContext,
  coverage: readonly CoverageRule[],
  conflict: LinearConflict,
): { rules: string[]; schools: string[]; settlements: string[] } {
  const { system, rules, choices } = context;
  const { linear } = model;
  const phrases = new Set<string>();
  const schools = new Set<string>();
  const settlements = new Set<string>();
  const school = (j: number): string => {
    const id = system.schools[j]!.id;
    schools.add(id);
    return `school ${id}`;
  };
  const plural = (count: number, noun: string): string => `${count} ${nounFor(count, noun)}`;
  const most = (count: number): string => (Number.isFinite(count) ? `at most ${count}` : "any number");
  const classrooms = (j: number): string => {
    const s = system.schools[j]!;
    return `${school(j)} has ${plural(s.classrooms, "classroom")} and may add ${most(s.maxAddedClassrooms)}`;
  };
  const beds = (j: number): string => {
    const s = system.schools[j]!;
    return `${school(j)} has ${plural(s.beds, "bed")} and may add ${most(s.maxAddedBeds)}`;
  };
  for (const row of conflict.rows) {
    const j = model.rowSubject[row]!;
    const s = system.schools[j];
    switch (model.rowKind[row]) {
      case "assignment": {
        const id = system.settlements[choices.unitSettlement[j]!]!.id;
        settlements.add(id);
        const pupils = choices.unitPupils[j]!;
        phrases.add(`the ${pupils} ${choices.unitLevel[j]} ${nounFor(pupils, "pupil")} of settlement ${id} attend a school they may reach`);
        break;
      }
      case "linking":
        phrases.add(`only open schools take pupils (${school(j)})`);
        break;
      case "seats": {
        const sizes = [...new Set(system.levels.map((level) => classSizeAt(rules, s!.type, level)))].join(" or ");
        phrases.add(`pupils at ${school(j)} sit in classes of ${sizes}`);
        break;
      }
      case "classrooms":
        phrases.add(classrooms(j));
        break;
      case "classLimit":
        phrases.add(`${school(j)} holds at most ${classLimit(context, j)} classes`);
        break;
      case "schoolSize":
        phrases.add(`${school(j)} takes at most ${rules.maxSchoolSize[s!.type]} pupils (${s!.type})`);
        break;
      case "minimumEnrolment":
        phrases.add(`${school(j)} stays open only with at least ${rules.minimumEnrolment[s!.type]} pupils (it is not protected)`);
        break;
      case "beds":
        phrases.add(beds(j));
        break;
      case "boardingSchool":
      case "boardingSchoolBeds":
        phrases.add(`${school(j)} counts as a boarding school only with at least ${rules.boardingSchoolMinimumBeds} beds`);
        break;
      case "coverage":
        phrases.add(`there is ${coverage[j]!.description}`);
        break;
      case "closures":
        phrases.add(rules.maxClosures === 0 ? "no existing school closes" : `at most ${plural(rules.maxClosures ?? 0, "existing school")} close`);
        break;
      case "budget":
        phrases.add(`the plan costs at most ${formatYuan(rules.budgetYuanPerYear)} yuan a year (the budget)`);
        break;
      case "meanTravel":
        phrases.add(`mean one-way travel is at most ${rules.maxMeanTravelMinutes} min`);
        break;
      case "splitParts":
      case "splitShare":
      case "splitShares": {
        const id = system.settlements[choices.unitSettlement[j]!]!.id;
        settlements.add(id);
        phrases.add(`the ${choices.unitPupils[j]} ${choices.unitLevel[j]} pupils of settlement ${id} go in ${choices.unitParts[j]} whole parts to at most ${choices.unitMaxShares[j]} open schools (split shares)`);
        break;
      }
    }
  }
  // Column bounds: which schools must or may not open, and the additions' limits (lower bounds of 0 go unsaid).
  const columnOwner = new Map<number, [string, number]>();
  model.openColumn.forEach((column, j) => columnOwner.set(column, ["open", j]));
  model.classColumn.forEach((column, k) => { if (column >= 0) columnOwner.set(column, ["classes", Math.floor(k / system.levels.length)]); });
  model.classroomColumn.forEach((column, j) => { if (column >= 0) columnOwner.set(column, ["classrooms", j]); });
  model.bedColumn.forEach((column, j) => { if (column >= 0) columnOwner.set(column, ["beds", j]); });
  conflict.columns.forEach((column, k) => {
    const owner = columnOwner.get(column);
    if (owner === undefined) return; // an assignment choice's 0 ≤ x ≤ 1
    const [kind, j] = owner;
    const side = conflict.columnBounds[k]!;
    const lower = side !== "upper" && linear.columnLower[column]! > 0;
    const upper = side !== "lower";
    const s = system.schools[j]!;
    if (kind === "open") {
      if (lower) phrases.add(`${school(j)} is required`);
      else if (upper && linear.columnUpper[column]! < 1) phrases.add(s.forbidden ? `${school(j)} is forbidden` : `${school(j)} cannot open (no settlement may attend it and it is below its minimum enrolment)`);
    } else if (upper && kind === "classes") phrases.add(`${school(j)} holds at most ${classLimit(context, j)} classes`);
    else if (upper && kind === "classrooms") phrases.add(classrooms(j));
    else if (upper && kind === "beds") phrases.add(beds(j));
  });
  return { rules: [...phrases], schools: [...schools], settlements: [...settlements] };
}

/**
 * The reason for a plan whose LP relaxation is infeasible: the rules of the conflict, listed.
 * @param model - the plan model
 * @param context - its scoring context
 * @param coverage - its coverage rules
 * @param conflict - the IIS of the LP relaxation
 * @param bounds - sentences added after the rules, e.g. the least cost any plan can have where the budget is one of them
 */
export function conflictReason(
  model: PlanModel,
  context: ScoringContext,
  coverage: readonly CoverageRule[],
  conflict: LinearConflict,
  bounds: readonly string[] = [],
): PlanInfeasibilityReason {
  const { rules, schools, settlements } = conflictRules(model, context, coverage, conflict);
  const listed = rules.slice(0, MOST_LISTED).join("; ");
  const more = rules.length > MOST_LISTED ? `; and ${rules.length - MOST_LISTED} more` : "";
  const boundSentences = bounds.map((sentence) => `. ${sentence}`).join("");
  return {
    code: "conflict",
    message: `these ${rules.length} rules cannot all hold, even with fractional classes and shared catchments (an irreducible infeasible subset of the LP relaxation: relaxing any one of them removes this conflict, though others may remain): ${listed}${more}${boundSentences}`,
    rules,
    ...(schools.length > 0 ? { schools } : {}),
    ...(settlements.length > 0 ? { settlements } : {}),
  };
}

/**
 * The least value of the LP relaxation of the plan model built with `limits` (a proven bound on every plan under
 * them), in the plan's unit; null when that LP has no optimum.
 */
async function leastWithout(
  context: ScoringContext,
  coverage: readonly CoverageRule[],
  limits: PlanModelOptions,
  options: Pick<SolveOptions, "signal" | "offThread">,
): Promise<number | null> {
  const model = buildPlanModel(context, coverage, limits);
  const least = await solveLinearModel(lpRelaxation(model.linear), { ...options, solver: "highs" });
  return least.status === "optimal" && least.objective !== null ? planObjectiveValue(model, least.objective) : null;
}

/**
 * Why no plan meets the rules, after the solver proved it: HiGHS looks for an irreducible infeasible subset of the
 * LP relaxation's rows and bounds, said as rules ({@link conflictReason}); where the budget or the mean-travel
 * limit is one of them, the LP relaxation without it gives the least cost or mean travel any plan can have. Where
 * the LP relaxation is feasible, the conflict lies in whole numbers (catchments, whole classes, whole schools),
 * which no subsystem of the LP shows.
 * @param model - the plan model
 * @param context - its scoring context
 * @param coverage - its coverage rules
 * @param options - the solve's signal and thread options (the explaining solves always run on HiGHS)
 * @param relaxation - the LP relaxation's result when it was already solved with `explainInfeasibility`; solved
 *   here otherwise
 */
export async function explainInfeasiblePlan(
  model: PlanModel,
  context: ScoringContext,
  coverage: readonly CoverageRule[],
  options: Pick<SolveOptions, "signal" | "offThread">,
  relaxation?: Pick<LinearResult, "status" | "conflict">,
): Promise<PlanInfeasibilityReason> {
  const { rules } = context;
  const { status, conflict } = relaxation ?? (await solveLinearModel(lpRelaxation(model.linear), { ...options, solver: "highs", explainInfeasibility: true }));
  if (conflict === undefined) {
    const limits = `${rules.budgetYuanPerYear !== null ? ", the budget" : ""}${rules.maxClosures !== null ? ", the closure limit" : ""}${rules.maxMeanTravelMinutes !== null ? ", the mean-travel limit" : ""}`;
    const splits = context.choices.unitMaxShares.some((k) => k > 0) ? " and split shares (a large settlement at few schools, in whole classes)" : "";
    const where = status === "optimal"
      ? "the LP relaxation (fractional classes, shared catchments, part-open schools) meets them all, so the conflict lies in whole numbers"
      : "the rules conflict in combination";
    return {
      code: "solver",
      message: `the solver proved that no plan meets every rule together, though no check before solving failed: ${where}, e.g. catchments (one school per settlement and level)${splits} with whole classes, classroom and size limits, the three schools, beds${limits} or minimum enrolments`,
    };
  }
  // Where a limit is in the conflict, the best any plan can do without it (the LP relaxation's optimum, a proven bound).
  const bounds: string[] = [];
  const inConflict = (kind: PlanRowKind): boolean => conflict.rows.some((row) => model.rowKind[row] === kind);
  if (inConflict("budget")) {
    const leastCost = await leastWithout(context, coverage, { objective: "cost", budgetYuanPerYear: null, maxMeanTravelMinutes: rules.maxMeanTravelMinutes }, options);
    if (leastCost !== null) bounds.push(`Without the budget, every plan costs at least ${formatYuan(leastCost)} yuan a year (the LP relaxation's least cost)`);
  }
  if (inConflict("meanTravel")) {
    const leastMinutes = await leastWithout(context, coverage, { objective: "travel", budgetYuanPerYear: rules.budgetYuanPerYear, maxMeanTravelMinutes: null }, options);
    if (leastMinutes !== null) bounds.push(`Without the mean-travel limit, every plan's mean one-way travel is at least ${leastMinutes.toFixed(2)} min (the LP relaxation's least)`);
  }
  return conflictReason(model, context, coverage, conflict, bounds);
}
