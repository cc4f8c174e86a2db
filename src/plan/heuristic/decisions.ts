/**
 * Plan decisions in their barest form — which schools are open and where each settlement-level unit goes —
 * from which every figure of a plan follows ({@link scoreDecisions}). The solver's decoder, the construction
 * heuristic and the status quo all produce these.
 * @module
 */

/** A share of one unit (settlement × level) placed at one school, as day pupils or boarders. */
export interface Placement {
  /** Unit index u (see AssignmentChoices). */
  readonly unit: number;
  /** School index j. */
  readonly school: number;
  /** Boarding (all the share boards) or day (only the unit's boarding-care pupils board). */
  readonly boarding: boolean;
  /** Share of the unit's pupils, 0–1. */
  readonly share: number;
  /** One-way minutes. */
  readonly minutes: number;
  /** One-way metres, NaN where not known. */
  readonly metres: number;
}

/** Open schools and placements; see the module documentation. */
export interface PlanDecisions {
  /** Length m: 1 where the school is open. */
  readonly open: Uint8Array;
  /** The placements, any order. */
  readonly placements: readonly Placement[];
  /** Length m: beds to add at least, whatever the boarders (e.g. to make a township boarding school); may be all 0. */
  readonly minimumAddedBeds: Float64Array;
  /**
   * True for a layout as it stands (the status quo): no classroom or bed is added, so a school with more classes
   * than classrooms, or more boarders than beds, is overcrowded (checkPlan's `classrooms` and `beds` rules)
   * rather than expanded. Default false: a plan adds what its pupils need.
   */
  readonly asBuilt?: boolean;
}
