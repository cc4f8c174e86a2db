/**
 * Reading a plan.json (or a layout of one's own) back against the inputs it was made from, for the commands that
 * do not solve: `report`, `map`, `evaluate`, `compare`. Node only.
 * @module
 */
import { readBalanceTotals } from "../io/balanceTotals.ts";
import { layoutFromJson, planFromJson } from "../io/planFromJson.ts";
import type { GeoSchoolSystem } from "../io/schoolSystemGeoJSON.ts";
import type { BalanceTotals } from "../metrics/balance.ts";
import type { Layout } from "../metrics/layout.ts";
import type { Plan } from "../plan/result/result.ts";
import { readJson } from "./files.ts";
import { CliError } from "./io.ts";

/** Reads a plan.json written by `plan`, matched to the system built from the same inputs. */
export async function readPlanFile(path: string, geo: GeoSchoolSystem, option: string): Promise<Plan> {
  return planFromJson(await readJson(path, option), geo.system, path);
}

/** Which layout of a file to evaluate: the plan, its status quo, or (for a layout file) the layout. */
export type LayoutChoice = "plan" | "status-quo";

/**
 * The layout in a file: a plan.json's plan (or its status quo with `choice` `status-quo`), or a layout of one's
 * own (`{ schools, assignments }`). Costs are left to the metrics to recompute (plan.json rounds them).
 * @throws CliError when the plan has no layout (infeasible) or no status quo
 */
export async function readLayoutFile(path: string, geo: GeoSchoolSystem, option: string, choice: LayoutChoice): Promise<{ layout: Layout; plan: Plan | null }> {
  const json = await readJson(path, option);
  if (typeof json === "object" && json !== null && !("status" in json)) return { layout: layoutFromJson(json, geo.system, path), plan: null };
  const plan = planFromJson(json, geo.system, path);
  const source = choice === "plan" ? plan : plan.statusQuo;
  if (source === null) throw new CliError(`${option} "${path}": the plan has no status quo`);
  if (source.schools === undefined || source.assignments === undefined) throw new CliError(`${option} "${path}": the plan has no layout (status ${plan.status}); evaluate its status quo with --layout status-quo`);
  return { layout: { schools: source.schools, assignments: source.assignments }, plan };
}

/** The schools' resource totals (教督〔2017〕6号) from the schools layers, when any school carries them. */
export function balanceTotalsOf(geo: GeoSchoolSystem): Record<string, BalanceTotals> | undefined {
  return readBalanceTotals(geo.schoolFeatures, geo.system.schools.map((school) => school.id));
}
