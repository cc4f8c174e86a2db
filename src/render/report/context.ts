/**
 * What every section of the plan report reads: the plan, its system, the messages of the chosen language, the
 * evaluations of the plan and the status quo, and number formatting.
 * @module
 */
import type { LevelId } from "../../norms/levels.ts";
import type { LayoutEvaluation } from "../../metrics/evaluate.ts";
import type { Plan, PlanScore } from "../../plan/result/result.ts";
import type { SchoolSystem } from "../../plan/system/system.ts";
import type { Messages } from "../messages/index.ts";

/** The inputs of the sections that show evaluations (access, equity, schools, balance, violations). */
export interface EvaluationContext {
  /** The system the layouts belong to. */
  readonly system: SchoolSystem;
  /** Messages of the document's language. */
  readonly messages: Messages;
  /** The plan's (or the one layout's) evaluation; null without one. */
  readonly planEvaluation: LayoutEvaluation | null;
  /** The status quo's evaluation; null without one. */
  readonly statusQuoEvaluation: LayoutEvaluation | null;
}

/** The inputs of the report's sections. */
export interface ReportContext extends EvaluationContext {
  /** The plan. */
  readonly plan: Plan;
  /** The plan's figures, when it has a plan (status with a layout); null otherwise. */
  readonly score: PlanScore | null;
  /** Township names by id (empty for none). */
  readonly townshipNames: Readonly<Record<string, string>>;
}

/** A township's name for the tables: its name where given, else its id. */
export function townshipName(context: ReportContext, township: string | null): string {
  if (township === null) return "";
  return context.townshipNames[township] ?? township;
}

/** The plan's figures when it has a complete layout, else null. */
export function scoreOf(plan: Plan): PlanScore | null {
  const { schools, assignments, costs, travel, counts } = plan;
  return schools !== undefined && assignments !== undefined && costs !== undefined && travel !== undefined && counts !== undefined ? { schools, assignments, costs, travel, counts } : null;
}

/** A number with `digits` decimals in the report's language; "—" for null, undefined or not finite. */
export function formatNumber(context: Pick<EvaluationContext, "messages">, value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined || !Number.isFinite(value) ? context.messages.common.missing : context.messages.common.number(value, digits);
}

/** A fraction as a percent; "—" for null. */
export function formatPercent(context: Pick<EvaluationContext, "messages">, value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? context.messages.common.missing : context.messages.common.percent(value, digits);
}

/** A signed change b − a with `digits` decimals; "—" when either is missing; "0" when it rounds to 0. */
export function formatChange(context: EvaluationContext, a: number | null | undefined, b: number | null | undefined, digits = 0): string {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return context.messages.common.missing;
  const difference = b - a;
  const text = context.messages.common.number(difference, digits);
  return Number(difference.toFixed(digits)) === 0 ? "0" : difference > 0 ? `+${text}` : text;
}

/** The name of a level in the report's language. */
export function levelName(context: Pick<EvaluationContext, "messages">, level: LevelId): string {
  return context.messages.common.levels[level];
}

/** A message for readers: a value that is not finite is written ∞ (or — for not a number), as the report writes numbers. */
export function readableText(message: string): string {
  return message.replace(/-Infinity\b/g, "−∞").replace(/\bInfinity\b/g, "∞").replace(/\bNaN\b/g, "—");
}
