/**
 * A readable Markdown summary of a school plan (the `summary.md` the CLI writes): how the solve ended in words,
 * the rules in force, costs and travel against the status quo, the actions, small schools, the status quo's
 * violations, the trade-off curve, the reasons when there is no plan, and the travel basis.
 * @module
 */
import type { LevelId } from "../norms/levels.ts";
import type { Plan, PlanCostBreakdown, PlannedSchool, PlanScore, PlanTravel, SchoolAction } from "./result.ts";
import { SCHOOL_TYPES, type SchoolType } from "./schoolTypes.ts";
import type { SchoolSystem } from "./system.ts";
import { formatYuan, nounFor } from "./format.ts";

/** Options of {@link planSummaryMarkdown}. */
export interface PlanSummaryOptions {
  /** The title (first heading). Default `"School plan"`. */
  readonly title?: string;
  /** Paragraphs for a closing "Notes" section: the data's caveats, the county's rule overrides, what was left out. Default none. */
  readonly notes?: readonly string[];
}

/** Level names for readers. */
const LEVEL_NAMES: Readonly<Record<LevelId, string>> = {
  kindergarten: "kindergarten",
  primary1to3: "primary grades 1–3",
  primary4to6: "primary grades 4–6",
  junior: "junior secondary",
  senior: "senior secondary",
};

/** Cost items in the order of {@link PlanCostBreakdown}, with their names. */
const COST_ITEMS: readonly (readonly [keyof PlanCostBreakdown, string])[] = [
  ["schools", "running the open schools"],
  ["newSchools", "new schools (annualised)"],
  ["closures", "closures"],
  ["classes", "classes"],
  ["classrooms", "added classrooms (annualised)"],
  ["beds", "added beds (annualised)"],
  ["boarders", "boarders"],
  ["transport", "transport (time value and fares)"],
  ["total", "total"],
];


/** A number to `decimals` places (trailing zeros dropped); "—" when not finite or absent. */
function num(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return String(Number(value.toFixed(decimals)));
}

function percent(fraction: number | null): string {
  return fraction === null || !Number.isFinite(fraction) ? "unknown" : `${num(fraction * 100, 2)} %`;
}

function limit(value: number | null, unit: string): string {
  return value === null ? "no limit" : `${num(value, 2)} ${unit}`;
}

/** Escapes a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.map(cell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)];
}

/**
 * How the solve ended, in words. Only status `optimal` is called optimal; a plan with a gap is "the best found",
 * with the gap, and says it is not proven best.
 */
function statusSentence(plan: Plan, hasPlan: boolean): string {
  const what = plan.objectiveKind === "cost" ? "least annual cost" : "least mean travel time";
  const gap = plan.gap === null ? null : percent(plan.gap);
  const within = gap === null ? "without a proven bound on how far it is from the best possible (not proven best)" : `within ${gap} of the best possible by the solver's proven bound (not proven best)`;
  const heuristic = plan.source === "heuristic" ? " It is the heuristic's plan (construction and local search): the solver found none better in the time." : "";
  switch (plan.status) {
    case "optimal":
      return `**Optimal**: the solver proved this plan has the ${what} under the rules (gap 0).`;
    case "feasible":
      return `**A feasible plan**, the best found: ${within}.${heuristic}`;
    case "timeLimit":
      return hasPlan
        ? `**Stopped at the time limit** with a plan: the best found is ${within}.${heuristic}`
        : "**Stopped at the time limit** before any plan was found: try a longer time limit.";
    case "aborted":
      return hasPlan ? `**Interrupted** with a plan: the best found is ${within}.${heuristic}` : "**Interrupted** before any plan was found.";
    case "infeasible":
      return "**No plan meets the rules.** The reasons below give the numbers.";
    case "unbounded":
      return "**Unbounded**: the model is malformed (the objective could improve without limit); no plan.";
  }
}

function rulesSection(plan: Plan, system: SchoolSystem): string[] {
  const rules = plan.rules;
  const levels = system.levels;
  const types = SCHOOL_TYPES.filter((type) => system.schools.some((school) => school.type === type));
  const lines = [
    "## Rules in force",
    "",
    "Values as this plan used them: the national norms of the library's CHINA_NORMS (each with its source there) unless the plan overrode them.",
    "",
    ...table(
      ["level", "day travel limit", "boarding travel limit", "may board", "class size"],
      levels.map((level) => [
        LEVEL_NAMES[level],
        limit(rules.dayTravelLimitMinutes[level], "min"),
        rules.boardingAllowed[level] ? limit(rules.boardingTravelLimitMinutes[level], "min") : "—",
        rules.boardingAllowed[level] ? "yes" : "no",
        num(rules.classSize[level]),
      ]),
    ),
    "",
    `- Boarding from grade ${num(rules.boardingFromGrade)}; a teaching point's class holds ${num(rules.teachingPointClassSize)} pupils.`,
    `- Most pupils per school: ${types.map((type) => `${type} ${num(rules.maxSchoolSize[type])}`).join(", ")}.`,
  ];
  const minimum = types.filter((type) => rules.minimumEnrolment[type] > 0);
  lines.push(
    minimum.length === 0
      ? "- No minimum enrolment."
      : `- Minimum enrolment of an unprotected open school: ${minimum.map((type) => `${type} ${num(rules.minimumEnrolment[type])}`).join(", ")}.`,
    `- A school with fewer than ${num(rules.smallSchoolPupils)} pupils is a small school (小规模学校).`,
    `- Township "three schools" rule: ${rules.threeSchools ? `on (a boarding school has at least ${num(rules.boardingSchoolMinimumBeds)} beds)` : "off"}.`,
    `- Catchments (one school per settlement and level): ${rules.catchments ? `on, a settlement with more than ${rules.splitAbovePupils === Infinity ? "∞" : num(rules.splitAbovePupils)} pupils of a level may split` : "off"}.`,
    `- Whole classes: ${rules.wholeClasses ? "yes" : "no (fractional classes: a relaxation for screening)"}.`,
    `- Budget: ${rules.budgetYuanPerYear === null ? "none" : `${formatYuan(rules.budgetYuanPerYear)} yuan per year`}; most closures: ${rules.maxClosures === null ? "no limit" : num(rules.maxClosures)}; mean travel limit: ${limit(rules.maxMeanTravelMinutes, "min")}.`,
    "",
  );
  return lines;
}

function change(planValue: number | null | undefined, before: number | null | undefined): string {
  if (planValue === null || planValue === undefined || before === null || before === undefined) return "—";
  if (!Number.isFinite(planValue) || !Number.isFinite(before)) return "—";
  const difference = planValue - before;
  return Math.round(difference) === 0 ? "0" : `${difference > 0 ? "+" : ""}${formatYuan(difference)}`;
}

function costSection(costs: PlanCostBreakdown | undefined, before: PlanCostBreakdown | undefined): string[] {
  if (costs === undefined && before === undefined) return [];
  const rows = COST_ITEMS.map(([key, name]) => [key === "total" ? `**${name}**` : name, formatYuan(costs?.[key]), formatYuan(before?.[key]), change(costs?.[key], before?.[key])]);
  return [
    "## Annual cost, yuan per year",
    "",
    ...table(["item", "plan", "status quo", "change"], rows),
    "",
    "The status quo is the existing schools as they are, each settlement and level at its nearest existing school " +
      "serving it (day pupils within the day limit, boarders beyond it where boarding is allowed), scored like a plan: " +
      "the classrooms and beds it would need beyond today's are costed as additions.",
    "",
  ];
}

function travelSection(levels: readonly LevelId[], travel: PlanTravel | undefined, before: PlanTravel | undefined): string[] {
  if (travel === undefined && before === undefined) return [];
  const rows = levels.map((level) => [
    LEVEL_NAMES[level],
    num(travel?.meanMinutesByLevel[level]),
    num(travel?.maxDayMinutesByLevel[level]),
    num(before?.meanMinutesByLevel[level]),
    num(before?.maxDayMinutesByLevel[level]),
  ]);
  rows.push(["**all levels**", num(travel?.meanMinutes), "", num(before?.meanMinutes), ""]);
  const pupils = (t: PlanTravel | undefined): string => (t === undefined ? "—" : `${num(t.dayPupils, 0)} day pupils, ${num(t.boarders, 0)} boarders`);
  return [
    "## Travel, one-way minutes",
    "",
    ...table(["level", "plan mean", "plan longest day trip", "status quo mean", "status quo longest day trip"], rows),
    "",
    `Plan: ${pupils(travel)}. Status quo: ${pupils(before)}. A boarder's weekly trip counts as their trip; "—" where a level has none, or pupils are out of reach.`,
    "",
  ];
}

const ACTION_WORDS: readonly (readonly [SchoolAction, string])[] = [
  ["close", "Closed"],
  ["expand", "Expanded"],
  ["build", "Built"],
];

function schoolLabel(school: PlannedSchool): string {
  return school.name === school.id ? school.id : `${school.id} ${school.name}`;
}

function actionsSection(schools: readonly PlannedSchool[], score: PlanScore): string[] {
  const { counts } = score;
  const lines = [
    "## Actions",
    "",
    `${num(counts.open)} schools open: ${num(counts.kept)} existing kept (${num(counts.expanded)} of them expanded), ${num(counts.closed)} closed, ${num(counts.built)} built.`,
    "",
  ];
  for (const [action, word] of ACTION_WORDS) {
    const chosen = schools.filter((school) => school.action === action);
    if (chosen.length === 0) continue;
    lines.push(`**${word}** (${chosen.length}):`, "");
    const byType = new Map<SchoolType, PlannedSchool[]>();
    for (const school of chosen) byType.set(school.type, [...(byType.get(school.type) ?? []), school]);
    for (const type of SCHOOL_TYPES) {
      const list = byType.get(type);
      if (list === undefined) continue;
      const detail = (school: PlannedSchool): string => {
        if (action === "close") return schoolLabel(school);
        const plural = (count: number, word: string): string => `+${num(count)} ${nounFor(count, word)}`;
        const added = [school.classroomsAdded > 0 ? plural(school.classroomsAdded, "classroom") : "", school.bedsAdded > 0 ? plural(school.bedsAdded, "bed") : ""].filter(Boolean);
        return added.length === 0 ? schoolLabel(school) : `${schoolLabel(school)} (${added.join(", ")})`;
      };
      lines.push(`- ${type}: ${list.map(detail).join("; ")}`);
    }
    lines.push("");
  }
  const small = schools.filter((school) => school.open && school.small);
  lines.push("## Small schools in the plan (小规模学校)", "");
  if (small.length === 0) lines.push("None: every open school has at least the small-school threshold of pupils.", "");
  else {
    const total = (school: PlannedSchool): number => Object.values(school.enrolment).reduce((sum, value) => sum + value, 0);
    const how = (school: PlannedSchool): string => (school.existing ? "kept" : "built");
    lines.push(...small.map((school) => `- ${schoolLabel(school)} (${school.type}, ${school.tier}, ${how(school)}): ${num(total(school), 0)} pupils`), "");
  }
  return lines;
}

function violationsSection(plan: Plan): string[] {
  const statusQuo = plan.statusQuo;
  if (statusQuo === null) return [];
  const lines = ["## Rules the status quo breaks", ""];
  if (statusQuo.violations.length === 0) return [...lines, "None: the current layout meets every rule.", ""];
  const byRule = new Map<string, { count: number; example: string }>();
  for (const violation of statusQuo.violations) {
    const entry = byRule.get(violation.rule);
    if (entry === undefined) byRule.set(violation.rule, { count: 1, example: violation.message });
    else entry.count += 1;
  }
  const rows = [...byRule].map(([rule, { count, example }]) => [rule, String(count), example]);
  return [...lines, ...table(["rule", "cases", "for example"], rows), ""];
}

/** A trade-off point's standing in words that never call a point with a gap optimal. */
function proof(status: Plan["status"], gap: number | null, hasPlan: boolean): string {
  if (!hasPlan) return status === "infeasible" ? "no plan meets the rules" : "no plan found";
  if (status === "optimal") return "proven least cost";
  return gap === null ? "best found, no bound" : `best found, gap ${percent(gap)}`;
}

function tradeoffSection(plan: Plan): string[] {
  if (plan.tradeoff.length === 0) return [];
  const rows = plan.tradeoff.map((point) => [
    num(point.maxMeanTravelMinutes, 2),
    formatYuan(point.costYuanPerYear),
    num(point.meanTravelMinutes, 2),
    num(point.openSchools),
    proof(point.status, point.gap, point.costYuanPerYear !== null),
  ]);
  return [
    "## Trade-off: cost against mean travel",
    "",
    "Each point is the least-cost plan with mean one-way travel at most the limit (ε-constraint method), from the least-travel plan to the least-cost plan.",
    "",
    ...table(["mean travel limit, min", "cost, yuan per year", "mean travel, min", "open schools", "standing"], rows),
    "",
  ];
}

function reasonsSection(plan: Plan): string[] {
  if (plan.reasons.length === 0) return [];
  return ["## Why no plan meets the rules", "", ...plan.reasons.map((reason) => `- ${reason.code}: ${reason.message}`), ""];
}

function basisSection(plan: Plan): string[] {
  const basis = plan.travelBasis === "" ? "not stated" : plan.travelBasis;
  const assumed = /no road network/i.test(basis) ? " These are straight-line estimates with assumed speeds and detours, not road travel times." : "";
  return ["## Travel basis", "", `Travel times: ${basis}.${assumed}`, ""];
}

/**
 * A readable Markdown summary of a plan: a title; how the solve ended in words (only status `optimal` is called
 * optimal; a plan with a gap is "the best found" with its gap) and the objective; the rules in force (values as
 * used; the defaults come from CHINA_NORMS, whose sources the library documents); the annual cost by item
 * against the status quo (a table, whole yuan); mean and longest day travel by level against the status quo;
 * the actions (schools closed, expanded and built, by type); the small schools kept; the rules the status quo
 * breaks, counted by rule; the trade-off table when computed; the reasons when no plan meets the rules; and the
 * sentence on how travel times were obtained. Pure: no input is mutated.
 * @param plan - a plan from {@link planSchools}
 * @param system - the system it was made for (levels, school types present)
 * @param options - the title; see {@link PlanSummaryOptions}
 * @returns Markdown text ending in a newline
 * @example
 * ```ts
 * const markdown = planSummaryMarkdown(plan, system, { title: "东源县 school plan" });
 * ```
 */
export function planSummaryMarkdown(plan: Plan, system: SchoolSystem, options: PlanSummaryOptions = {}): string {
  const hasPlan = plan.schools !== undefined && plan.costs !== undefined && plan.travel !== undefined && plan.counts !== undefined && plan.assignments !== undefined;
  const lines = [`# ${options.title ?? "School plan"}`, "", statusSentence(plan, hasPlan), ""];
  if (hasPlan && plan.objective !== null) {
    lines.push(
      plan.objectiveKind === "cost"
        ? `Objective: least annual cost, ${formatYuan(plan.objective)} yuan per year${plan.bound === null ? "" : ` (proven bound ${formatYuan(plan.bound)})`}.`
        : `Objective: least mean travel, ${num(plan.objective, 2)} minutes one way${plan.bound === null ? "" : ` (proven bound ${num(plan.bound, 2)})`}.`,
      "",
    );
  }
  const { statistics } = plan;
  const nodes = statistics.nodes === undefined ? "" : `, ${num(statistics.nodes)} ${nounFor(statistics.nodes, "node")}`;
  lines.push(
    statistics.solver === "none"
      ? `No solve was needed (${num(statistics.seconds, 1)} s): the rules were found to fail before solving.`
      : `Solved by ${statistics.solver} in ${num(statistics.seconds, 1)} s (${num(statistics.variables)} variables, ${num(statistics.constraints)} constraints${nodes}).`,
    "",
  );
  lines.push(...reasonsSection(plan));
  lines.push(...rulesSection(plan, system));
  lines.push(...costSection(plan.costs, plan.statusQuo?.costs));
  lines.push(...travelSection(system.levels, plan.travel, plan.statusQuo?.travel));
  if (hasPlan) lines.push(...actionsSection(plan.schools!, plan as Plan & PlanScore));
  lines.push(...violationsSection(plan));
  lines.push(...tradeoffSection(plan));
  lines.push(...basisSection(plan));
  if (options.notes !== undefined && options.notes.length > 0) lines.push("## Notes", "", ...options.notes.flatMap((note) => [note, ""]));
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
