/**
 * A plan held as open schools and one choice per catchment unit, with every school's load and exact annual cost
 * kept up to date as units move and schools open or close: the working state of the local search
 * ({@link improvePlan}). Costs are those of {@link scoreDecisions} (the fewest whole classes, classrooms and beds
 * added where needed), so a move's change is the plan's true change, lumps included.
 * @module
 */
import type { CoverageRule } from "../rules/coverageRules.ts";
import type { PlanDecisions, Placement } from "./decisions.ts";
import { classLimit } from "../solve/model.ts";
import type { PlanObjective } from "../rules/options.ts";
import { classSizeAt } from "../rules/rules.ts";
import { addedBeds, bedsNeeded, classesFor, PUPIL_TOLERANCE, type ScoringContext } from "./score.ts";

/** A unit's share on a choice, for units that may split (kept as given). */
interface FixedShare {
  readonly unit: number;
  readonly choice: number;
  readonly share: number;
}

/** The limits a plan must keep besides the capacities: budget, mean travel, closures. */
export interface PlanLimits {
  /** Most annual cost, yuan per year, or null. */
  readonly budgetYuanPerYear: number | null;
  /** Most mean travel, minutes, or null. */
  readonly maxMeanTravelMinutes: number | null;
}

/** Open schools, catchment choices, loads and exact costs of one plan. */
/** The objective must fall by more than this share of itself for a change to count as better (guards against float noise). */
export const IMPROVEMENT_STEP = 1e-9;

export class PlanState {
  /** Length m: 1 where the school is open. */
  readonly open: Uint8Array;
  /** Length m: beds a boarding school of the three-schools rule adds at least. */
  readonly minimumAddedBeds: Float64Array;
  /** Length = units: the choice of each catchment unit, or −1 for a unit that may split (see `fixedShares`). */
  readonly choiceOf: Int32Array;
  /** Length m: 1 where a split unit has pupils (the school may not close). */
  readonly pinned: Uint8Array;
  private readonly fixedShares: readonly FixedShare[];
  private readonly levelCount: number;
  /** Length = units: index of the unit's level in the system's levels. */
  private readonly unitLevelIndex: Int32Array;
  /** Length m × L: class size of school j for level l. */
  private readonly classSize: Float64Array;
  /** Length m: most classes of school j. */
  private readonly classCap: Float64Array;
  private readonly levelEnrolled: Float64Array;
  private readonly enrolled: Float64Array;
  private readonly boarders: Float64Array;
  private readonly schoolCost: Float64Array;
  /** Length m: schools in a three-schools rule that needs beds (moving boarders away may break it). */
  private readonly bedRule: Uint8Array;
  private choiceCost = 0;
  private schoolCostSum = 0;
  private pupilMinutes = 0;
  /** A school being emptied before it closes: its capacities and minimum enrolment are not checked meanwhile. */
  private draining = -1;
  private readonly totalPupils: number;
  private readonly existingCount: number;

  constructor(
    private readonly context: ScoringContext,
    private readonly coverage: readonly CoverageRule[],
    decisions: PlanDecisions,
    private readonly objectiveKind: PlanObjective,
    private readonly limits: PlanLimits,
  ) {
    const { system, rules, choices } = context;
    const m = system.schools.length;
    const L = system.levels.length;
    this.levelCount = L;
    this.open = decisions.open.slice();
    this.minimumAddedBeds = decisions.minimumAddedBeds.slice();
    this.choiceOf = new Int32Array(choices.unitCount).fill(-1);
    this.pinned = new Uint8Array(m);
    this.unitLevelIndex = Int32Array.from({ length: choices.unitCount }, (_, u) => system.levels.indexOf(choices.unitLevel[u]!));
    this.classSize = new Float64Array(m * L);
    this.classCap = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      for (let l = 0; l < L; l++) this.classSize[j * L + l] = classSizeAt(rules, system.schools[j]!.type, system.levels[l]!);
      this.classCap[j] = classLimit(context, j);
    }
    this.bedRule = new Uint8Array(m);
    for (const rule of coverage) rule.schools.forEach((j, k) => { if (rule.needsBeds?.[k] === 1) this.bedRule[j] = 1; });
    const fixed: FixedShare[] = [];
    for (const placement of decisions.placements) {
      const o = this.choiceAt(placement);
      if (choices.unitSplits[placement.unit] === 1) fixed.push({ unit: placement.unit, choice: o, share: placement.share });
      else this.choiceOf[placement.unit] = o;
    }
    this.fixedShares = fixed;
    for (const { choice } of fixed) this.pinned[choices.school[choice]!] = 1;
    this.levelEnrolled = new Float64Array(m * L);
    this.enrolled = new Float64Array(m);
    this.boarders = new Float64Array(m);
    this.schoolCost = new Float64Array(m);
    this.totalPupils = choices.unitPupils.reduce((a, b) => a + b, 0);
    this.existingCount = system.schools.filter((s) => s.existing).length;
    this.recompute();
  }

  /** The choice index of a placement (its unit's choice at that school, day or boarding). */
  private choiceAt(placement: Placement): number {
    const { choices } = this.context;
    for (let o = choices.choiceStart[placement.unit]!; o < choices.choiceStart[placement.unit + 1]!; o++) {
      if (choices.school[o] === placement.school && (choices.boarding[o] === 1) === placement.boarding) return o;
    }
    throw new Error(`placement of unit ${placement.unit} at school ${placement.school} is not one of its choices`);
  }

  /** Recomputes every load and cost from `open` and `choiceOf` (after a restore). */
  recompute(): void {
    this.levelEnrolled.fill(0);
    this.enrolled.fill(0);
    this.boarders.fill(0);
    this.choiceCost = 0;
    this.pupilMinutes = 0;
    for (let u = 0; u < this.choiceOf.length; u++) {
      const o = this.choiceOf[u]!;
      if (o >= 0) this.load(u, o, 1);
    }
    for (const { unit, choice, share } of this.fixedShares) this.load(unit, choice, share);
    this.schoolCostSum = 0;
    for (let j = 0; j < this.open.length; j++) {
      this.schoolCost[j] = this.costOfSchool(j);
      this.schoolCostSum += this.schoolCost[j]!;
    }
  }

  private updateSchoolCost(j: number): void {
    const cost = this.costOfSchool(j);
    this.schoolCostSum += cost - this.schoolCost[j]!;
    this.schoolCost[j] = cost;
  }

  private load(u: number, o: number, share: number): void {
    const { choices } = this.context;
    const j = choices.school[o]!;
    const pupils = choices.unitPupils[u]! * share;
    this.levelEnrolled[j * this.levelCount + this.unitLevelIndex[u]!]! += pupils;
    this.enrolled[j]! += pupils;
    this.boarders[j]! += choices.boarders[o]! * share;
    this.choiceCost += choices.cost[o]! * share;
    this.pupilMinutes += pupils * choices.minutes[o]!;
  }

  /** Classes of school j as it stands. */
  private classesAt(j: number): number {
    const whole = this.context.rules.wholeClasses;
    let classes = 0;
    for (let l = 0; l < this.levelCount; l++) classes += classesFor(this.levelEnrolled[j * this.levelCount + l]!, this.classSize[j * this.levelCount + l]!, whole);
    return classes;
  }

  /** Annual cost of open school j with `classes` classes and `boarders` boarders, as {@link scoreDecisions} counts it. */
  private openCost(j: number, classes: number, boarders: number): number {
    const { system, table } = this.context;
    const school = system.schools[j]!;
    const bedsAdded = addedBeds(boarders, school.beds, this.minimumAddedBeds[j]!, this.context.rules.wholeClasses);
    return (
      table.schoolPerYear[j]! +
      (school.existing ? 0 : table.newSchoolPerYear[j]!) +
      classes * table.classPerYear[j]! +
      Math.max(0, classes - school.classrooms) * table.classroomPerYear[j]! +
      bedsAdded * table.bedPerYear[j]!
    );
  }

  /** Annual cost of school j as it stands (closure cost when closed). */
  private costOfSchool(j: number): number {
    const school = this.context.system.schools[j]!;
    if (this.open[j] !== 1) return school.existing ? this.context.table.closurePerYear[j]! : 0;
    return this.openCost(j, this.classesAt(j), this.boarders[j]!);
  }

  /** Whether school j meets its capacities and minimum enrolment as it stands. */
  schoolFeasible(j: number): boolean {
    const { system, rules } = this.context;
    const school = system.schools[j]!;
    if (j === this.draining) return true;
    if (this.open[j] !== 1) return this.enrolled[j]! <= PUPIL_TOLERANCE;
    if (this.enrolled[j]! > rules.maxSchoolSize[school.type] + PUPIL_TOLERANCE) return false;
    if (this.classesAt(j) > this.classCap[j]! + 1e-9) return false;
    if (bedsNeeded(this.boarders[j]!, this.context.rules.wholeClasses) > school.beds + school.maxAddedBeds + 1e-9) return false;
    const minimum = rules.minimumEnrolment[school.type];
    if (minimum > 0 && !school.protected && !school.required && this.enrolled[j]! < minimum - 1e-9) return false;
    return true;
  }

  /** Total annual cost, yuan per year. */
  get totalCost(): number {
    return this.choiceCost + this.schoolCostSum;
  }

  /** Mean travel, minutes. */
  get meanMinutes(): number {
    return this.totalPupils > 0 ? this.pupilMinutes / this.totalPupils : 0;
  }

  /** The value the plan minimises (cost in yuan per year, or mean travel in minutes). */
  get objective(): number {
    return this.objectiveKind === "cost" ? this.totalCost : this.meanMinutes;
  }

  /** Whether the budget and mean-travel limits hold. */
  limitsHold(): boolean {
    const { budgetYuanPerYear, maxMeanTravelMinutes } = this.limits;
    if (budgetYuanPerYear !== null && this.totalCost > budgetYuanPerYear * (1 + 1e-9)) return false;
    if (maxMeanTravelMinutes !== null && this.meanMinutes > maxMeanTravelMinutes * (1 + 1e-9)) return false;
    return true;
  }

  /** Whether every coverage rule holds (an open school of each; beds where the rule needs them). */
  coverageHolds(): boolean {
    const { rules } = this.context;
    return this.coverage.every((rule) =>
      rule.schools.some((j, k) => {
        if (this.open[j] !== 1) return false;
        if (rule.needsBeds?.[k] !== 1) return true;
        return this.bedsAt(j) >= rules.boardingSchoolMinimumBeds;
      }),
    );
  }

  /** Whether the closure limit holds. */
  closuresHold(): boolean {
    const { maxClosures } = this.context.rules;
    if (maxClosures === null) return true;
    let open = 0;
    this.context.system.schools.forEach((s, j) => { if (s.existing && this.open[j] === 1) open++; });
    return this.existingCount - open <= maxClosures;
  }

  /** Change in classes at school j, level of unit u, when `pupils` join (negative: leave). */
  private classChange(u: number, j: number, pupils: number): number {
    const key = j * this.levelCount + this.unitLevelIndex[u]!;
    const before = this.levelEnrolled[key]!;
    const size = this.classSize[key]!;
    const whole = this.context.rules.wholeClasses;
    return classesFor(before + pupils, size, whole) - classesFor(before, size, whole);
  }

  /** Moves catchment unit u to choice o (no checks); returns nothing. */
  move(u: number, o: number): void {
    const old = this.choiceOf[u]!;
    const { choices } = this.context;
    if (old >= 0) this.load(u, old, -1);
    this.load(u, o, 1);
    this.choiceOf[u] = o;
    const j1 = old >= 0 ? choices.school[old]! : -1;
    const j2 = choices.school[o]!;
    if (j1 >= 0) this.updateSchoolCost(j1);
    if (j2 !== j1) this.updateSchoolCost(j2);
  }

  /**
   * The change of the objective if catchment unit u moved to open choice o, or Infinity where a capacity, the
   * minimum enrolment of the school it leaves, a coverage rule or a limit would break. Computed without moving
   * (the local search's inner loop), except where boarders leave a school a coverage rule needs beds at.
   */
  moveChange(u: number, o: number): number {
    const old = this.choiceOf[u]!;
    if (old === o) return 0;
    const { system, rules, choices } = this.context;
    const j2 = choices.school[o]!;
    if (this.open[j2] !== 1) return Infinity;
    const j1 = choices.school[old]!;
    const pupils = choices.unitPupils[u]!;
    const q1 = choices.boarders[old]!;
    const q2 = choices.boarders[o]!;
    if (this.bedRule[j1] === 1 && q1 > 0) return this.moveChangeByMoving(u, o);
    const school2 = system.schools[j2]!;
    let schoolChange: number;
    if (j1 === j2) {
      const boarders = this.boarders[j2]! - q1 + q2;
      if (bedsNeeded(boarders, this.context.rules.wholeClasses) > school2.beds + school2.maxAddedBeds + 1e-9) return Infinity;
      schoolChange = this.openCost(j2, this.classesAt(j2), boarders) - this.schoolCost[j2]!;
    } else {
      if (this.enrolled[j2]! + pupils > rules.maxSchoolSize[school2.type] + PUPIL_TOLERANCE) return Infinity;
      const classes2 = this.classesAt(j2) + this.classChange(u, j2, pupils);
      if (classes2 > this.classCap[j2]! + 1e-9) return Infinity;
      const boarders2 = this.boarders[j2]! + q2;
      if (bedsNeeded(boarders2, this.context.rules.wholeClasses) > school2.beds + school2.maxAddedBeds + 1e-9) return Infinity;
      schoolChange = this.openCost(j2, classes2, boarders2) - this.schoolCost[j2]!;
      if (j1 !== this.draining) {
        const school1 = system.schools[j1]!;
        const minimum = rules.minimumEnrolment[school1.type];
        if (minimum > 0 && !school1.protected && !school1.required && this.enrolled[j1]! - pupils < minimum - 1e-9) return Infinity;
        schoolChange += this.openCost(j1, this.classesAt(j1) + this.classChange(u, j1, -pupils), this.boarders[j1]! - q1) - this.schoolCost[j1]!;
      }
    }
    const costChange = choices.cost[o]! - choices.cost[old]! + schoolChange;
    const minutesChange = (pupils * (choices.minutes[o]! - choices.minutes[old]!)) / Math.max(this.totalPupils, 1e-300);
    const { budgetYuanPerYear, maxMeanTravelMinutes } = this.limits;
    if (budgetYuanPerYear !== null && costChange > 0 && this.totalCost + costChange > budgetYuanPerYear * (1 + 1e-9)) return Infinity;
    if (maxMeanTravelMinutes !== null && minutesChange > 0 && this.meanMinutes + minutesChange > maxMeanTravelMinutes * (1 + 1e-9)) return Infinity;
    return this.objectiveKind === "cost" ? costChange : minutesChange;
  }

  /**
   * A lower bound on {@link moveChange} of unit u to any other school: the change of its choice's own cost or
   * travel (`choiceChange`) plus what its leaving saves at its school now (adding pupils never lowers a school's
   * cost). Lets the local search skip choices that cannot gain.
   */
  leaveChange(u: number): number {
    if (this.objectiveKind !== "cost") return 0;
    const old = this.choiceOf[u]!;
    const j1 = this.context.choices.school[old]!;
    if (j1 === this.draining || this.open[j1] !== 1) return 0;
    const pupils = this.context.choices.unitPupils[u]!;
    return Math.min(0, this.openCost(j1, this.classesAt(j1) + this.classChange(u, j1, -pupils), this.boarders[j1]! - this.context.choices.boarders[old]!) - this.schoolCost[j1]!);
  }

  /** The change of the objective's per-choice part (cost, or pupil-minutes over all pupils) from u's choice to o. */
  choiceChange(u: number, o: number): number {
    const { choices } = this.context;
    const old = this.choiceOf[u]!;
    if (this.objectiveKind === "cost") return choices.cost[o]! - choices.cost[old]!;
    return (choices.unitPupils[u]! * (choices.minutes[o]! - choices.minutes[old]!)) / Math.max(this.totalPupils, 1e-300);
  }

  /** {@link moveChange} by moving and moving back, checking every rule. */
  private moveChangeByMoving(u: number, o: number): number {
    const old = this.choiceOf[u]!;
    const { choices } = this.context;
    const j1 = choices.school[old]!;
    const j2 = choices.school[o]!;
    const before = this.objective;
    this.move(u, o);
    const feasible = this.schoolFeasible(j2) && (j1 === j2 || this.schoolFeasible(j1)) && this.coverageHolds() && this.limitsHold();
    const change = feasible ? this.objective - before : Infinity;
    this.move(u, old);
    return change;
  }

  /** Opens or closes school j (its pupils must have left before it closes). */
  setOpen(j: number, open: boolean): void {
    this.open[j] = open ? 1 : 0;
    if (!open) this.minimumAddedBeds[j] = 0;
    this.updateSchoolCost(j);
  }

  /**
   * Closes school j and lets its units leave one by one (`moveChange` does not check j meanwhile); `endDraining`
   * ends that.
   */
  beginDraining(j: number): void {
    this.draining = j;
    this.setOpen(j, false);
  }

  /** Ends {@link beginDraining}. */
  endDraining(): void {
    this.draining = -1;
  }

  /** Pupils enrolled at school j. */
  enrolledAt(j: number): number {
    return this.enrolled[j]!;
  }

  /** Pupils of level index l at school j. */
  levelEnrolledAt(j: number, l: number): number {
    return this.levelEnrolled[j * this.levelCount + l]!;
  }

  /** Seats of level index l at school j in the classes it has now (the fewest that seat its pupils). */
  seatsAt(j: number, l: number): number {
    const key = j * this.levelCount + l;
    return classesFor(this.levelEnrolled[key]!, this.classSize[key]!, this.context.rules.wholeClasses) * this.classSize[key]!;
  }

  /** Boarders at school j. */
  boardersAt(j: number): number {
    return this.boarders[j]!;
  }

  /** Beds school j has in the plan now (existing, or as many as it adds), 0 when closed. */
  bedsAt(j: number): number {
    if (this.open[j] !== 1) return 0;
    const school = this.context.system.schools[j]!;
    return school.beds + addedBeds(this.boarders[j]!, school.beds, this.minimumAddedBeds[j]!, this.context.rules.wholeClasses);
  }

  /** Index of unit u's level in the system's levels. */
  levelIndexOf(u: number): number {
    return this.unitLevelIndex[u]!;
  }

  /** A copy of the decisions that can be restored. */
  snapshot(): { readonly open: Uint8Array; readonly choiceOf: Int32Array; readonly minimumAddedBeds: Float64Array } {
    return { open: this.open.slice(), choiceOf: this.choiceOf.slice(), minimumAddedBeds: this.minimumAddedBeds.slice() };
  }

  /** Returns to a snapshot. */
  restore(snapshot: ReturnType<PlanState["snapshot"]>): void {
    this.open.set(snapshot.open);
    this.choiceOf.set(snapshot.choiceOf);
    this.minimumAddedBeds.set(snapshot.minimumAddedBeds);
    this.recompute();
  }

  /** Whether every rule holds and the objective is below `before` by more than float noise ({@link IMPROVEMENT_STEP}). */
  improvesOn(before: number): boolean {
    return this.objective < before - IMPROVEMENT_STEP * Math.max(1, Math.abs(before)) && this.feasible();
  }

  /** Whether every school, coverage rule and limit holds. */
  feasible(): boolean {
    for (let j = 0; j < this.open.length; j++) if (!this.schoolFeasible(j)) return false;
    return this.coverageHolds() && this.closuresHold() && this.limitsHold();
  }

  /** The plan as decisions. */
  decisions(): PlanDecisions {
    const { choices } = this.context;
    const placements: Placement[] = [];
    const place = (unit: number, o: number, share: number): void => {
      placements.push({ unit, school: choices.school[o]!, boarding: choices.boarding[o] === 1, share, minutes: choices.minutes[o]!, metres: choices.metres[o]! });
    };
    for (let u = 0; u < this.choiceOf.length; u++) if (this.choiceOf[u]! >= 0) place(u, this.choiceOf[u]!, 1);
    for (const { unit, choice, share } of this.fixedShares) place(unit, choice, share);
    placements.sort((a, b) => a.unit - b.unit || a.school - b.school);
    return { open: this.open.slice(), placements, minimumAddedBeds: this.minimumAddedBeds.slice() };
  }
}
