/**
 * Between the plan MIP's column values and plan decisions: decoding a solver's solution, and writing a
 * heuristic's decisions as a warm start.
 * @module
 */
import type { PlanDecisions, Placement } from "../heuristic/decisions.ts";
import type { PlanModel } from "./model.ts";
import { classSizeAt } from "../rules/rules.ts";
import { addedBeds, classesFor, PUPIL_TOLERANCE, type ScoringContext } from "../heuristic/score.ts";

/** Shares below this are solver noise and dropped when decoding (the rest are renormalised to sum to 1). */
const SHARE_TOLERANCE = 1e-6;

/**
 * Reads decisions from column values: schools open where y > 0.5; each unit's choices with a share above
 * 1e-6 (a catchment unit takes its largest choice whole; a unit with whole parts, its shares rounded to parts of
 * 1/K); beds up to the minimum where the model made a township boarding school.
 * @param model - the built model
 * @param context - system, rules, costs, units and choices
 * @param values - length `model.linear.columnCount`
 */
export function decodePlanValues(model: PlanModel, context: ScoringContext, values: Float64Array): PlanDecisions {
  const { system, choices } = context;
  const m = system.schools.length;
  const open = new Uint8Array(m);
  for (let j = 0; j < m; j++) open[j] = values[model.openColumn[j]!]! > 0.5 ? 1 : 0;
  const placements: Placement[] = [];
  for (let u = 0; u < choices.unitCount; u++) {
    const start = choices.choiceStart[u]!;
    const end = choices.choiceStart[u + 1]!;
    const place = (o: number, share: number): void => {
      placements.push({ unit: u, school: choices.school[o]!, boarding: choices.boarding[o] === 1, share, minutes: choices.minutes[o]!, metres: choices.metres[o]! });
    };
    if (choices.unitSplits[u] === 0) {
      let best = start;
      for (let o = start + 1; o < end; o++) if (values[o]! > values[best]!) best = o;
      place(best, 1);
      continue;
    }
    // A unit with whole parts takes its shares as whole parts of 1/K (the solver's values within its tolerance).
    const parts = model.partColumn[start] !== undefined && model.partColumn[start]! >= 0 ? choices.unitParts[u]! : 0;
    const share = (o: number): number => (parts > 0 ? Math.round(values[o]! * parts) / parts : values[o]!);
    let total = 0;
    for (let o = start; o < end; o++) if (share(o) > SHARE_TOLERANCE) total += share(o);
    for (let o = start; o < end; o++) if (share(o) > SHARE_TOLERANCE) place(o, share(o) / total);
  }
  const minimumAddedBeds = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const w = model.boardingSchoolColumn[j]!;
    if (w >= 0 && values[w]! > 0.5) minimumAddedBeds[j] = Math.max(0, context.rules.boardingSchoolMinimumBeds - system.schools[j]!.beds);
  }
  return { open, placements, minimumAddedBeds };
}

/**
 * Writes decisions as column values (a warm start): x from the placements, y from the open schools, the fewest
 * classes, the classrooms and beds they need, δ and z of the split shares (a share that is not whole parts gives
 * a start the model's check refuses).
 * @param model - the built model
 * @param context - system, rules, costs, units and choices
 * @param decisions - decisions whose placements are all among the model's choices
 * @returns the column values, or null when a placement is not one of the model's choices
 */
export function planStartValues(model: PlanModel, context: ScoringContext, decisions: PlanDecisions): Float64Array | null {
  const { system, rules, choices } = context;
  const values = new Float64Array(model.linear.columnCount);
  const choiceOf = new Map<string, number>();
  const unitOf = choices.choiceUnit;
  for (let o = 0; o < choices.school.length; o++) choiceOf.set(`${unitOf[o]}:${choices.school[o]}:${choices.boarding[o]}`, o);
  const m = system.schools.length;
  const L = system.levels.length;
  const enrolment = new Float64Array(m * L);
  const boarders = new Float64Array(m);
  for (const placement of decisions.placements) {
    const o = choiceOf.get(`${placement.unit}:${placement.school}:${placement.boarding ? 1 : 0}`);
    if (o === undefined) return null;
    values[o]! += placement.share;
    if (model.shareColumn[o]! >= 0) values[model.shareColumn[o]!] = 1;
    if (model.partColumn[o]! >= 0) values[model.partColumn[o]!]! += placement.share * choices.unitParts[placement.unit]!;
    const l = system.levels.indexOf(choices.unitLevel[placement.unit]!);
    enrolment[placement.school * L + l]! += choices.unitPupils[placement.unit]! * placement.share;
    boarders[placement.school]! += choices.boarders[o]! * placement.share;
  }
  // Whole parts stay whole in the start (a share of 3/K gives 2.9999999999999996 parts otherwise).
  for (const column of model.partColumn) if (column >= 0) values[column] = Math.round(values[column]!);
  for (let j = 0; j < m; j++) {
    values[model.openColumn[j]!] = decisions.open[j]!;
    const school = system.schools[j]!;
    let classTotal = 0;
    for (let l = 0; l < L; l++) {
      const column = model.classColumn[j * L + l]!;
      const classes = classesFor(enrolment[j * L + l]!, classSizeAt(rules, school.type, system.levels[l]!), rules.wholeClasses);
      if (column >= 0) values[column] = classes;
      else if (classes > PUPIL_TOLERANCE) return null;
      classTotal += classes;
    }
    const added = Math.max(0, classTotal - school.classrooms);
    if (model.classroomColumn[j]! >= 0) values[model.classroomColumn[j]!] = added;
    else if (added > 0) return null;
    const bedsNeeded = addedBeds(boarders[j]!, school.beds, decisions.minimumAddedBeds[j]!, rules.wholeClasses);
    if (model.bedColumn[j]! >= 0) values[model.bedColumn[j]!] = bedsNeeded;
    else if (bedsNeeded > PUPIL_TOLERANCE) return null;
    const w = model.boardingSchoolColumn[j]!;
    if (w >= 0) values[w] = decisions.open[j] === 1 && school.beds + bedsNeeded >= rules.boardingSchoolMinimumBeds ? 1 : 0;
  }
  return values;
}
