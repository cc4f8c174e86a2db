/**
 * The schools of a plan, checked one by one against the recomputed enrolment (part of {@link checkPlan}):
 * seats, classes, classrooms, size, minimum enrolment, beds, additions, actions, required and forbidden
 * schools, closures.
 * @module
 */
import { LEVELS } from "../../norms/levels.ts";
import type { AssignmentTally } from "./checkPlanAssignments.ts";
import { agrees, exceeds, formatNumber, isWhole, toleranceFor, violation, type CheckablePlan } from "./checkPlanInput.ts";
import type { PlannedSchool, PlanViolation, SchoolAction } from "../result/result.ts";
import { classSizeAt } from "../rules/rules.ts";
import { serves } from "../system/schoolTypes.ts";
import type { School, SchoolSystem } from "../system/system.ts";

/**
 * The action a school's choices imply: an existing open school is kept, or expanded when classrooms or beds are
 * added; an existing school not open is closed; a candidate is built when open, else not built. (The check also
 * accepts `keep` for additions within the tolerance, 1e-6.)
 * @param school - the system's school
 * @param planned - the plan's choices for it (open, classroomsAdded, bedsAdded)
 */
export function impliedAction(school: School, planned: Pick<PlannedSchool, "open" | "classroomsAdded" | "bedsAdded">): SchoolAction {
  if (!school.existing) return planned.open ? "build" : "not built";
  if (!planned.open) return "close";
  return planned.classroomsAdded > 0 || planned.bedsAdded > 0 ? "expand" : "keep";
}

function checkLevels(school: School, planned: PlannedSchool, enrolment: Float64Array, j: number, plan: CheckablePlan, out: PlanViolation[]): void {
  const L = LEVELS.length;
  for (const [l, level] of LEVELS.entries()) {
    const where = { school: school.id, level };
    const pupils = enrolment[j * L + l]!;
    const classes = planned.classes[level];
    const size = classSizeAt(plan.rules, school.type, level);
    if (!agrees(planned.enrolment[level], pupils)) {
      out.push(violation("enrolment", `${school.id} reports ${formatNumber(planned.enrolment[level])} ${level} pupils; its assignment rows hold ${formatNumber(pupils)}`, where));
    }
    if (classes > toleranceFor(classes) && !serves(school.type, level)) {
      out.push(violation("levelNotServed", `${school.id}, a ${school.type}, has ${formatNumber(classes)} ${level} classes, a level it does not serve`, where));
    }
    if (plan.rules.wholeClasses && !isWhole(classes)) {
      out.push(violation("seats", `${school.id} has ${formatNumber(classes)} ${level} classes, not a whole number (whole classes)`, where));
    }
    if (exceeds(pupils, classes * size)) {
      out.push(violation("seats", `${school.id} enrols ${formatNumber(pupils)} ${level} pupils in ${formatNumber(classes)} classes of ${formatNumber(size)}: ${formatNumber(classes * size)} seats`, { ...where, value: pupils, limit: classes * size }));
    }
    if (!agrees(planned.seats[level], classes * size)) {
      out.push(violation("seats", `${school.id} reports ${formatNumber(planned.seats[level])} ${level} seats; ${formatNumber(classes)} classes of ${formatNumber(size)} give ${formatNumber(classes * size)}`, where));
    }
  }
}

function checkBuilding(school: School, planned: PlannedSchool, classes: number, boarders: number, out: PlanViolation[]): void {
  const where = { school: school.id };
  const classrooms = school.classrooms + planned.classroomsAdded;
  if (!agrees(planned.classrooms, classrooms)) {
    out.push(violation("classrooms", `${school.id} reports ${formatNumber(planned.classrooms)} classrooms; its ${school.classrooms} now plus ${formatNumber(planned.classroomsAdded)} added make ${formatNumber(classrooms)}`, where));
  }
  if (exceeds(classes, classrooms)) {
    out.push(violation("classrooms", `${school.id} teaches ${formatNumber(classes)} classes in ${formatNumber(classrooms)} classrooms (${formatNumber(classes - classrooms)} short)`, { ...where, value: classes, limit: classrooms }));
  }
  if (exceeds(planned.classroomsAdded, school.maxAddedClassrooms)) {
    out.push(violation("addedClassrooms", `${school.id} adds ${formatNumber(planned.classroomsAdded)} classrooms; at most ${formatNumber(school.maxAddedClassrooms)} may be added`, { ...where, value: planned.classroomsAdded, limit: school.maxAddedClassrooms }));
  }
  const beds = school.beds + planned.bedsAdded;
  if (!agrees(planned.boarders, boarders)) {
    out.push(violation("enrolment", `${school.id} reports ${formatNumber(planned.boarders)} boarders; its boarding rows hold ${formatNumber(boarders)}`, where));
  }
  if (!agrees(planned.beds, beds)) {
    out.push(violation("beds", `${school.id} reports ${formatNumber(planned.beds)} beds; its ${school.beds} now plus ${formatNumber(planned.bedsAdded)} added make ${formatNumber(beds)}`, where));
  }
  if (exceeds(boarders, beds)) out.push(violation("beds", `${school.id} houses ${formatNumber(boarders)} boarders in ${formatNumber(beds)} beds`, { ...where, value: boarders, limit: beds }));
  if (exceeds(planned.bedsAdded, school.maxAddedBeds)) {
    out.push(violation("addedBeds", `${school.id} adds ${formatNumber(planned.bedsAdded)} beds; at most ${formatNumber(school.maxAddedBeds)} may be added`, { ...where, value: planned.bedsAdded, limit: school.maxAddedBeds }));
  }
  if (!planned.open) {
    const left = [
      classes > toleranceFor(classes) ? `${formatNumber(classes)} classes` : "",
      planned.classroomsAdded > toleranceFor(0) ? `${formatNumber(planned.classroomsAdded)} added classrooms` : "",
      planned.bedsAdded > toleranceFor(0) ? `${formatNumber(planned.bedsAdded)} added beds` : "",
    ].filter((text) => text !== "");
    if (left.length > 0) out.push(violation("closedSchool", `${school.id} is not open but has ${left.join(", ")}`, where));
  }
}

function checkRole(school: School, planned: PlannedSchool, pupils: number, plan: CheckablePlan, out: PlanViolation[]): void {
  const where = { school: school.id };
  const rules = plan.rules;
  if (exceeds(pupils, rules.maxSchoolSize[school.type])) {
    out.push(violation("schoolSize", `${school.id} enrols ${formatNumber(pupils)} pupils; a ${school.type} may have at most ${formatNumber(rules.maxSchoolSize[school.type])}`, { ...where, value: pupils, limit: rules.maxSchoolSize[school.type] }));
  }
  const minimum = rules.minimumEnrolment[school.type];
  if (planned.open && !school.protected && !school.required && pupils < minimum - toleranceFor(minimum)) {
    out.push(violation("minimumEnrolment", `${school.id} is open with ${formatNumber(pupils)} pupils; an open ${school.type} that is neither protected nor required needs at least ${formatNumber(minimum)}`, { ...where, value: pupils, limit: minimum }));
  }
  const action = impliedAction(school, planned);
  const added = Math.max(planned.classroomsAdded, planned.bedsAdded);
  const either = action === "expand" && added <= toleranceFor(0) && planned.action === "keep";
  if (planned.action !== action && !either) {
    const state = `${school.existing ? "an existing school" : "a candidate site"}, ${planned.open ? "open" : "not open"}, ${formatNumber(planned.classroomsAdded)} classrooms and ${formatNumber(planned.bedsAdded)} beds added`;
    out.push(violation("action", `${school.id} reports the action "${planned.action}", but as ${state} its action is "${action}"`, where));
  }
  if (school.required && !planned.open) out.push(violation("required", `${school.id} must be open but is not`, where));
  if (school.forbidden && planned.open) out.push(violation("forbidden", `${school.id} must not be open but is`, where));
}

/**
 * Checks every school of a plan against the system and the tallies of its rows, then the number of closures.
 * @param system - the school system
 * @param plan - the plan (shape already checked)
 * @param tally - the tallies of the rows ({@link checkAssignmentRows})
 * @param out - violations are appended here
 */
export function checkPlannedSchools(system: SchoolSystem, plan: CheckablePlan, tally: AssignmentTally, out: PlanViolation[]): void {
  const L = LEVELS.length;
  let closures = 0;
  for (const [j, school] of system.schools.entries()) {
    const planned = plan.schools[j]!;
    checkLevels(school, planned, tally.enrolment, j, plan, out);
    let classes = 0;
    let pupils = 0;
    for (const level of LEVELS) classes += planned.classes[level];
    for (let l = 0; l < L; l++) pupils += tally.enrolment[j * L + l]!;
    checkBuilding(school, planned, classes, tally.boarders[j]!, out);
    checkRole(school, planned, pupils, plan, out);
    if (school.existing && !planned.open) closures++;
  }
  const maxClosures = plan.rules.maxClosures;
  if (maxClosures !== null && closures > maxClosures) {
    out.push(violation("closures", `the plan closes ${closures} existing schools; at most ${maxClosures} may close`, { value: closures, limit: maxClosures }));
  }
}
