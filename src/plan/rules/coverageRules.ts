/**
 * The "at least one open school from this list" rules of a plan: the township "three schools" and the special
 * groups' resource rooms. Each rule is a list of schools of which one must be open; an empty list makes the plan
 * infeasible and is reported with its reason.
 * @module
 */
import { costOf } from "../../costMatrix.ts";
import { nounFor } from "./format.ts";
import type { PlanInfeasibilityReason } from "../result/result.ts";
import type { PlanRules } from "./rules.ts";
import { LEVELS_SERVED } from "../system/schoolTypes.ts";
import type { SchoolSystem } from "../system/system.ts";

/** One "at least one of these open" rule. */
export interface CoverageRule {
  /** `threeSchools` or `resourceRoom`. */
  readonly kind: "threeSchools" | "resourceRoom";
  /** What must be open, e.g. "township T03's central kindergarten". */
  readonly description: string;
  /** School indices j that satisfy it when open, ascending. */
  readonly schools: readonly number[];
  /**
   * Per school in `schools`: 1 where it also needs beds (a boarding school with fewer than the minimum beds now
   * must add up to it). Absent when no school of the rule needs beds.
   */
  readonly needsBeds?: Uint8Array;
  /** The township (three schools) or settlement (resource room) id. */
  readonly subject: string;
}

/** Whether school j serves a level that may board. */
function servesBoardingLevel(system: SchoolSystem, rules: PlanRules, j: number): boolean {
  return LEVELS_SERVED[system.schools[j]!.type].some((level) => rules.boardingAllowed[level]);
}

/** The township "three schools" rules (when switched on): three rules per township with a township-tier school. */
function threeSchoolRules(system: SchoolSystem, rules: PlanRules): CoverageRule[] {
  if (!rules.threeSchools) return [];
  const townships = [...new Set(system.schools.filter((s) => s.tier === "township" && s.township !== null).map((s) => s.township!))].sort();
  const result: CoverageRule[] = [];
  const open = (j: number): boolean => !system.schools[j]!.forbidden;
  for (const township of townships) {
    const inTownship = system.schools.flatMap((s, j) => (s.township === township && open(j) ? [j] : []));
    const central = inTownship.filter((j) => system.schools[j]!.tier === "township");
    result.push({
      kind: "threeSchools",
      subject: township,
      description: `township ${township}'s central kindergarten (a kindergarten of tier township)`,
      schools: central.filter((j) => system.schools[j]!.type === "kindergarten"),
    });
    result.push({
      kind: "threeSchools",
      subject: township,
      description: `township ${township}'s central primary school (a complete primary or nine-year school of tier township)`,
      schools: central.filter((j) => ["complete primary", "nine-year"].includes(system.schools[j]!.type)),
    });
    const minimum = rules.boardingSchoolMinimumBeds;
    const boarding = inTownship.filter((j) => servesBoardingLevel(system, rules, j) && system.schools[j]!.beds + system.schools[j]!.maxAddedBeds >= minimum);
    result.push({
      kind: "threeSchools",
      subject: township,
      description: `township ${township}'s public boarding school (a school of the township serving a level that may board, with at least ${minimum} beds)`,
      schools: boarding,
      needsBeds: Uint8Array.from(boarding, (j) => (system.schools[j]!.beds >= minimum ? 0 : 1)),
    });
  }
  return result;
}

/** Resource-room rules: one per settlement where a resourceRoom group has pupils. */
function resourceRoomRules(system: SchoolSystem): CoverageRule[] {
  const result: CoverageRule[] = [];
  for (const group of system.groups) {
    if (group.rule !== "resourceRoom") continue;
    const travel = system.travelMinutes[group.level]!;
    system.settlements.forEach((settlement, i) => {
      const pupils = Object.values(settlement.groups[group.id]!).reduce((a, b) => a + b, 0);
      if (!(pupils > 0)) return;
      const schools = system.schools.flatMap((s, j) => (s.resourceRoom && !s.forbidden && costOf(travel, i, j) <= group.travelLimitMinutes ? [j] : []));
      result.push({
        kind: "resourceRoom",
        subject: settlement.id,
        description: `a school with a resource room within ${group.travelLimitMinutes} min of settlement ${settlement.id} (${pupils} ${nounFor(pupils, "pupil")} of group ${group.id})`,
        schools,
      });
    });
  }
  return result;
}

/**
 * Lists the coverage rules of a plan.
 * @param system - the school system
 * @param rules - the rules in force
 */
export function coverageRules(system: SchoolSystem, rules: PlanRules): CoverageRule[] {
  return [...threeSchoolRules(system, rules), ...resourceRoomRules(system)];
}

/** Reasons for the coverage rules no school can meet. */
export function uncoverableRules(rules: readonly CoverageRule[]): PlanInfeasibilityReason[] {
  return rules
    .filter((rule) => rule.schools.length === 0)
    .map((rule) =>
      rule.kind === "threeSchools"
        ? { code: "threeSchools" as const, message: `no school could be ${rule.description}`, schools: [] }
        : { code: "resourceRoom" as const, message: `no school could be ${rule.description}`, settlements: [rule.subject] },
    );
}
