/**
 * A construction heuristic for school plans: the warm start of the MIP, and the answer when a time limit hits
 * before the solver finds a plan. Keep the existing schools, place each settlement-level unit (hardest first:
 * fewest choices, then most pupils) at the open school where it adds least cost within every capacity, opening
 * a candidate only where no open school can take it (a settlement that splits under catchments: in whole parts
 * at its nearest open schools first, at most k of them, src/plan/result/splitShares.ts); then meet the coverage rules, close schools below their
 * minimum enrolment and move each unit to its cheapest open choice. {@link improvePlan} then improves the plan
 * by local search.
 * @module
 */
import type { CoverageRule } from "../rules/coverageRules.ts";
import type { PlanDecisions, Placement } from "./decisions.ts";
import { classLimit } from "../solve/model.ts";
import type { PlanObjective } from "../rules/options.ts";
import { classSizeAt } from "../rules/rules.ts";
import { classesFor, type ScoringContext } from "./score.ts";

/** One share of a unit placed on one choice. */
interface Share {
  readonly choice: number;
  readonly share: number;
}

/** Capacity bookkeeping of one attempt. */
class Layout {
  readonly shares: Share[][];
  readonly enrolled: Float64Array;
  readonly levelEnrolled: Float64Array;
  readonly classes: Float64Array;
  readonly boarders: Float64Array;
  constructor(private readonly context: ScoringContext, readonly open: Uint8Array, readonly minimumAddedBeds: Float64Array) {
    const m = context.system.schools.length;
    this.shares = Array.from({ length: context.choices.unitCount }, () => []);
    this.enrolled = new Float64Array(m);
    this.levelEnrolled = new Float64Array(m * context.system.levels.length);
    this.classes = new Float64Array(m);
    this.boarders = new Float64Array(m);
  }

  private key(u: number, j: number): number {
    return j * this.context.system.levels.length + this.context.system.levels.indexOf(this.context.choices.unitLevel[u]!);
  }

  private classSize(u: number, j: number): number {
    return classSizeAt(this.context.rules, this.context.system.schools[j]!.type, this.context.choices.unitLevel[u]!);
  }

  /** Change in classes at school j if `pupils` of unit u's level join (negative: leave). */
  private classChange(u: number, j: number, pupils: number): number {
    const before = this.levelEnrolled[this.key(u, j)]!;
    const whole = this.context.rules.wholeClasses;
    return classesFor(before + pupils, this.classSize(u, j), whole) - classesFor(before, this.classSize(u, j), whole);
  }

  /** Most pupils of unit u that choice o can still take within the school's size, classroom and bed limits. */
  room(u: number, o: number): number {
    const { system, rules, choices } = this.context;
    const j = choices.school[o]!;
    const school = system.schools[j]!;
    const size = this.classSize(u, j);
    const level = this.levelEnrolled[this.key(u, j)]!;
    const spareSeats = classesFor(level, size, rules.wholeClasses) * size - level;
    const seats = spareSeats + Math.max(0, classLimit(this.context, j) - this.classes[j]!) * size;
    let room = Math.min(rules.maxSchoolSize[school.type] - this.enrolled[j]!, seats);
    const perPupil = choices.boarders[o]! / choices.unitPupils[u]!;
    if (perPupil > 0) room = Math.min(room, (school.beds + school.maxAddedBeds - this.boarders[j]!) / perPupil);
    return Math.max(0, room);
  }

  /**
   * Added annual cost of placing `share` of unit u on choice o, or Infinity where a capacity would break. Classes
   * and classrooms are priced per pupil (a class's cost spread over its seats), not as the lumps one unit may
   * trigger: lumps would send later units far away to fill the seats the first ones left.
   */
  costOf(u: number, o: number, share: number, objective: PlanObjective): number {
    const { system, choices, table } = this.context;
    const j = choices.school[o]!;
    const school = system.schools[j]!;
    const pupils = choices.unitPupils[u]! * share;
    if (pupils > this.room(u, o) + 1e-9) return Infinity;
    if (objective === "travel") return pupils * choices.minutes[o]!;
    const classes = this.classes[j]! + this.classChange(u, j, pupils);
    const boarders = this.boarders[j]! + choices.boarders[o]! * share;
    const bedsBefore = Math.max(0, this.boarders[j]! - school.beds);
    const bedsAfter = Math.max(0, boarders - school.beds);
    const perClass = pupils / this.classSize(u, j);
    return (
      choices.cost[o]! * share +
      perClass * table.classPerYear[j]! +
      (classes > school.classrooms ? perClass * table.classroomPerYear[j]! : 0) +
      (bedsAfter - bedsBefore) * table.bedPerYear[j]!
    );
  }

  private apply(u: number, o: number, share: number): void {
    const { choices } = this.context;
    const j = choices.school[o]!;
    const pupils = choices.unitPupils[u]! * share;
    this.classes[j]! += this.classChange(u, j, pupils);
    this.enrolled[j]! += pupils;
    this.levelEnrolled[this.key(u, j)]! += pupils;
    this.boarders[j]! += choices.boarders[o]! * share;
  }

  place(u: number, o: number, share: number): void {
    this.apply(u, o, share);
    this.shares[u]!.push({ choice: o, share });
  }

  /** Takes unit u out entirely; returns its shares. */
  remove(u: number): Share[] {
    const shares = this.shares[u]!;
    for (const { choice, share } of shares) this.apply(u, choice, -share);
    this.shares[u] = [];
    return shares;
  }

  /** The cheapest open choice for `share` of unit u, or −1. */
  bestOpenChoice(u: number, share: number, objective: PlanObjective): number {
    const { choices } = this.context;
    let best = -1;
    let bestCost = Infinity;
    for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
      if (this.open[choices.school[o]!] !== 1) continue;
      const cost = this.costOf(u, o, share, objective);
      if (cost < bestCost) { bestCost = cost; best = o; }
    }
    return best;
  }

  /**
   * Places as much as it can of `left` (a share) of a unit that may split: the cheapest open choice per pupil
   * first, as much as it can take, then the next. Returns the share still unplaced.
   */
  placeSplit(u: number, left: number, objective: PlanObjective): number {
    const { choices } = this.context;
    while (left > 1e-12) {
      let best = -1;
      let bestRate = Infinity;
      let bestShare = 0;
      for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
        if (this.open[choices.school[o]!] !== 1) continue;
        const share = Math.min(left, this.room(u, o) / choices.unitPupils[u]!);
        if (share <= 1e-12) continue;
        const rate = this.costOf(u, o, share, objective) / share;
        if (rate < bestRate) { bestRate = rate; best = o; bestShare = share; }
      }
      if (best < 0) return left;
      this.place(u, best, bestShare);
      left -= bestShare;
    }
    return 0;
  }

  /**
   * Places unit u, which splits under catchments, in whole parts of 1/K (K = `unitParts`) at most `unitMaxShares`
   * open schools: at each school its cheapest choice for one part, as many parts as it has room for, the nearest
   * schools first; where that leaves parts over, the schools with room for the most parts first. Returns the
   * parts it could not place (then nothing of u is placed), or 0.
   */
  placeParts(u: number, objective: PlanObjective): number {
    const { choices } = this.context;
    const parts = choices.unitParts[u]!;
    const part = 1 / parts;
    const partPupils = choices.unitPupils[u]! / parts;
    const offers: Array<{ choice: number; room: number; minutes: number; school: number }> = [];
    for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
      const j = choices.school[o]!;
      if (this.open[j] !== 1) continue;
      const room = Math.floor(this.room(u, o) / partPupils + 1e-9);
      if (room < 1 || !Number.isFinite(this.costOf(u, o, part, objective))) continue;
      const same = offers.find((offer) => offer.school === j);
      if (same === undefined) offers.push({ choice: o, room, minutes: choices.minutes[o]!, school: j });
      else if (this.costOf(u, o, part, objective) < this.costOf(u, same.choice, part, objective)) Object.assign(same, { choice: o, room, minutes: choices.minutes[o]! });
    }
    const attempt = (order: typeof offers): number => {
      let left = parts;
      let shares = 0;
      for (const offer of order) {
        if (left === 0 || shares === choices.unitMaxShares[u]!) break;
        const taken = Math.min(left, offer.room);
        this.place(u, offer.choice, taken / parts);
        left -= taken;
        shares++;
      }
      if (left > 0) this.remove(u);
      return left;
    };
    const nearest = [...offers].sort((a, b) => a.minutes - b.minutes || a.school - b.school);
    if (attempt(nearest) === 0) return 0;
    return attempt([...offers].sort((a, b) => b.room - a.room || a.minutes - b.minutes || a.school - b.school));
  }

  decisions(): PlanDecisions {
    const { choices } = this.context;
    const placements: Placement[] = [];
    for (let u = 0; u < choices.unitCount; u++) {
      for (const { choice: o, share } of this.shares[u]!) {
        placements.push({ unit: u, school: choices.school[o]!, boarding: choices.boarding[o] === 1, share, minutes: choices.minutes[o]!, metres: choices.metres[o]! });
      }
    }
    return { open: this.open.slice(), placements, minimumAddedBeds: this.minimumAddedBeds.slice() };
  }
}

function openingCost(context: ScoringContext, j: number, objective: PlanObjective): number {
  if (objective === "travel") return 0;
  const { table, system } = context;
  return table.schoolPerYear[j]! + (system.schools[j]!.existing ? 0 : table.newSchoolPerYear[j]!);
}

/**
 * The closed, allowed school whose choice for unit u costs least per pupil to open and use for `share` of the unit
 * (a catchment unit: only schools that can take all of it), or −1.
 */
function cheapestClosedChoice(context: ScoringContext, layout: Layout, u: number, share: number, objective: PlanObjective): number {
  const { choices, system } = context;
  let best = -1;
  let bestCost = Infinity;
  for (let o = choices.choiceStart[u]!; o < choices.choiceStart[u + 1]!; o++) {
    const j = choices.school[o]!;
    if (layout.open[j] === 1 || system.schools[j]!.forbidden) continue;
    const fits = Math.min(share, layout.room(u, o) / choices.unitPupils[u]!);
    if (fits <= 1e-12 || (choices.unitSplits[u] === 0 && fits < share - 1e-12)) continue;
    // A unit in whole parts needs room for at least one part.
    if (choices.unitParts[u]! > 0 && fits < 1 / choices.unitParts[u]! - 1e-12) continue;
    const cost = (layout.costOf(u, o, fits, objective) + openingCost(context, j, objective)) / fits;
    if (cost < bestCost) { bestCost = cost; best = o; }
  }
  return best;
}

/** Places every unit not yet placed (opening candidates where `mayOpen`); false when one cannot be placed. */
function placeAll(context: ScoringContext, layout: Layout, units: readonly number[], objective: PlanObjective, mayOpen: boolean): boolean {
  const { choices } = context;
  for (const u of units) {
    if (choices.unitMaxShares[u]! > 0) {
      // Whole parts, nearest first, at few schools; open the cheapest closed school that takes a part while parts are left.
      let left = layout.placeParts(u, objective);
      while (left > 0 && mayOpen) {
        const o = cheapestClosedChoice(context, layout, u, left / choices.unitParts[u]!, objective);
        if (o < 0) break;
        layout.open[choices.school[o]!] = 1;
        left = layout.placeParts(u, objective);
      }
      if (left > 0) return false;
      continue;
    }
    if (choices.unitSplits[u] === 1) {
      let left = layout.placeSplit(u, 1, objective);
      while (left > 1e-12 && mayOpen) {
        const o = cheapestClosedChoice(context, layout, u, left, objective);
        if (o < 0) break;
        layout.open[choices.school[o]!] = 1;
        left = layout.placeSplit(u, left, objective);
      }
      if (left > 1e-12) return false;
      continue;
    }
    let o = layout.bestOpenChoice(u, 1, objective);
    if (o < 0 && mayOpen) {
      o = cheapestClosedChoice(context, layout, u, 1, objective);
      if (o >= 0) layout.open[choices.school[o]!] = 1;
    }
    if (o < 0) return false;
    layout.place(u, o, 1);
  }
  return true;
}

function coverageMet(context: ScoringContext, layout: Layout, rule: CoverageRule): boolean {
  return rule.schools.some((j, k) => {
    if (layout.open[j] !== 1) return false;
    if (rule.needsBeds?.[k] !== 1) return true;
    const school = context.system.schools[j]!;
    const added = Math.max(Math.ceil(layout.boarders[j]! - 1e-6) - school.beds, layout.minimumAddedBeds[j]!);
    return school.beds + added >= context.rules.boardingSchoolMinimumBeds;
  });
}

function meetCoverage(context: ScoringContext, layout: Layout, coverage: readonly CoverageRule[], objective: PlanObjective): boolean {
  for (const rule of coverage) {
    if (coverageMet(context, layout, rule)) continue;
    let best = -1;
    let bestCost = Infinity;
    rule.schools.forEach((j, k) => {
      const beds = rule.needsBeds?.[k] === 1 ? Math.max(0, context.rules.boardingSchoolMinimumBeds - context.system.schools[j]!.beds) : 0;
      const cost = (layout.open[j] === 1 ? 0 : openingCost(context, j, objective)) + beds * context.table.bedPerYear[j]!;
      if (cost < bestCost) { bestCost = cost; best = k; }
    });
    if (best < 0) return false;
    const j = rule.schools[best]!;
    layout.open[j] = 1;
    if (rule.needsBeds?.[best] === 1) layout.minimumAddedBeds[j] = Math.max(0, context.rules.boardingSchoolMinimumBeds - context.system.schools[j]!.beds);
  }
  return true;
}

function unitsAt(context: ScoringContext, layout: Layout, j: number): number[] {
  const units: number[] = [];
  for (let u = 0; u < context.choices.unitCount; u++) if (layout.shares[u]!.some((s) => context.choices.school[s.choice] === j)) units.push(u);
  return units;
}

function belowMinimum(context: ScoringContext, layout: Layout, j: number): boolean {
  const school = context.system.schools[j]!;
  const minimum = context.rules.minimumEnrolment[school.type];
  return layout.open[j] === 1 && minimum > 0 && !school.protected && !school.required && layout.enrolled[j]! < minimum - 1e-9;
}

function mayClose(context: ScoringContext, layout: Layout, coverage: readonly CoverageRule[], j: number): boolean {
  const school = context.system.schools[j]!;
  if (school.required || layout.open[j] !== 1) return false;
  const { maxClosures } = context.rules;
  if (school.existing && maxClosures !== null) {
    const closed = context.system.schools.filter((s, k) => s.existing && layout.open[k] !== 1).length;
    if (closed + 1 > maxClosures) return false;
  }
  layout.open[j] = 0;
  const ok = coverage.every((rule) => coverageMet(context, layout, rule));
  layout.open[j] = 1;
  return ok;
}

/** Tries closing school j: its units move to other open schools. Keeps the closure when `accept` says so. */
function tryClosing(context: ScoringContext, layout: Layout, j: number, objective: PlanObjective, accept: () => boolean): boolean {
  const moved = unitsAt(context, layout, j);
  const previous = moved.map((u) => layout.remove(u));
  layout.open[j] = 0;
  if (placeAll(context, layout, moved, objective, false) && accept()) return true;
  for (const u of moved) layout.remove(u);
  layout.open[j] = 1;
  moved.forEach((u, k) => { for (const { choice, share } of previous[k]!) layout.place(u, choice, share); });
  return false;
}

/**
 * Moves each catchment unit to its cheapest open choice given everyone else (one unit at a time, repeated while
 * the cost falls, at most `passes` times); a unit's old place is among its choices, so no move raises the cost.
 */
function reassign(context: ScoringContext, layout: Layout, objective: PlanObjective, passes: number, shouldStop: () => boolean): void {
  const { choices } = context;
  for (let pass = 0; pass < passes && !shouldStop(); pass++) {
    let moved = false;
    for (let u = 0; u < choices.unitCount; u++) {
      if (choices.unitSplits[u] === 1) continue;
      const previous = layout.remove(u);
      const o = layout.bestOpenChoice(u, 1, objective);
      const old = previous[0]!.choice;
      if (o < 0 || o === old || layout.costOf(u, o, 1, objective) >= layout.costOf(u, old, 1, objective) - 1e-6) {
        layout.place(u, old, 1);
        continue;
      }
      layout.place(u, o, 1);
      moved = true;
    }
    if (!moved) break;
  }
}

/**
 * Builds a plan by construction (see the module documentation).
 * @param context - system, rules, costs, units and choices
 * @param coverage - the three-schools and resource-room rules
 * @param objective - what the plan minimises (travel: place by pupil-minutes)
 * @param shouldStop - polled between steps; when true the heuristic returns what it has (or null)
 * @param initialOpen - length m: 1 for the schools open at the start (default: the existing ones); required
 *   schools are open and forbidden ones closed whatever it says, and candidates open where a unit needs one
 * @returns decisions meeting the capacities and coverage rules, or null when it could not place every unit
 */
export function constructPlan(
  context: ScoringContext,
  coverage: readonly CoverageRule[],
  objective: PlanObjective,
  shouldStop: () => boolean = () => false,
  initialOpen?: Uint8Array,
): PlanDecisions | null {
  const { system, choices } = context;
  const m = system.schools.length;
  const open = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    const school = system.schools[j]!;
    const wanted = initialOpen === undefined ? school.existing : initialOpen[j] === 1;
    open[j] = (wanted && !school.forbidden) || school.required ? 1 : 0;
  }
  const layout = new Layout(context, open, new Float64Array(m));
  const order = Array.from({ length: choices.unitCount }, (_, u) => u).sort(
    (a, b) =>
      choices.choiceStart[a + 1]! - choices.choiceStart[a]! - (choices.choiceStart[b + 1]! - choices.choiceStart[b]!) ||
      choices.unitPupils[b]! - choices.unitPupils[a]! ||
      a - b,
  );
  if (!placeAll(context, layout, order, objective, true)) return null;
  if (!meetCoverage(context, layout, coverage, objective)) return null;
  for (let j = 0; j < m; j++) {
    if (!belowMinimum(context, layout, j)) continue;
    if (layout.enrolled[j]! > 0 && !(mayClose(context, layout, coverage, j) && tryClosing(context, layout, j, objective, () => true))) return null;
    if (layout.enrolled[j]! === 0 && mayClose(context, layout, coverage, j)) layout.open[j] = 0;
  }
  reassign(context, layout, objective, 5, shouldStop);
  for (let j = 0; j < m; j++) if (belowMinimum(context, layout, j)) return null;
  return layout.decisions();
}
