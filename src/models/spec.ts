/**
 * What each location model asks: its parameters, shared by the solve functions, {@link checkSolution} and the CLI.
 * @module
 */
import type { ModelName } from "../solution.ts";

/**
 * Sites forced open or closed, by id. These add to the sites whose own `required` / `forbidden` flags are set
 * (e.g. from a boolean GeoJSON property). Required sites count within p.
 */
export interface SiteChoice {
  /** Ids of sites that must be open. Default none. An unknown id throws InputError. */
  readonly required?: readonly string[];
  /** Ids of sites that must stay closed. Default none. An unknown id throws InputError. */
  readonly forbidden?: readonly string[];
}

/** p-median: open exactly p sites, minimising total demand-weighted cost Σ w_i c_ij (Hakimi 1964; ReVelle & Swain 1970). */
export interface PMedianSpec extends SiteChoice {
  /** Number of sites to open, a whole number 1 ≤ p ≤ m. */
  readonly p: number;
}

/** p-center: open exactly p sites, minimising the largest cost from any demand point with weight > 0 to its site (Hakimi 1965). */
export interface PCenterSpec extends SiteChoice {
  /** Number of sites to open, a whole number 1 ≤ p ≤ m. */
  readonly p: number;
}

/** Maximal covering: open p sites, maximising the demand weight within `radius` of an open site (Church & ReVelle 1974). */
export interface MaxCoverageSpec extends SiteChoice {
  /** Number of sites to open, a whole number 1 ≤ p ≤ m. */
  readonly p: number;
  /** Coverage radius in the cost matrix's unit; a pair covers when cost ≤ radius (inclusive). */
  readonly radius: number;
}

/** Set covering: open the fewest sites so every demand point is within `radius` of one (Toregas et al. 1971). */
export interface SetCoverSpec extends SiteChoice {
  /** Coverage radius in the cost matrix's unit; a pair covers when cost ≤ radius (inclusive). */
  readonly radius: number;
}

/**
 * Capacitated p-median: open exactly p sites, each demand point served wholly by one open site (single source),
 * site loads within capacity, minimising Σ w_i c_ij (Osman & Christofides 1994).
 */
export interface CapacitatedPMedianSpec extends SiteChoice {
  /** Number of sites to open, a whole number 1 ≤ p ≤ m. */
  readonly p: number;
}

/**
 * Fixed-charge capacitated facility location: choose which sites open, paying each one's fixed cost, and serve
 * all demand within capacities, minimising Σ f_j y_j + Σ w_i c_ij x_ij (Balinski 1965; Cornuéjols, Nemhauser &
 * Wolsey 1990). Demand may be split between sites unless `singleSource`.
 */
export interface FixedChargeSpec extends SiteChoice {
  /** Serve each demand point wholly from one site. Default false (split allowed). */
  readonly singleSource?: boolean;
}

/** p-median with its parameters, as {@link ModelSpec} holds it. */
export interface PMedianModelSpec extends PMedianSpec {
  /** Which model: `"p-median"`. */
  readonly model: "p-median";
}

/** p-center with its parameters, as {@link ModelSpec} holds it. */
export interface PCenterModelSpec extends PCenterSpec {
  /** Which model: `"p-center"`. */
  readonly model: "p-center";
}

/** max-coverage with its parameters, as {@link ModelSpec} holds it. */
export interface MaxCoverageModelSpec extends MaxCoverageSpec {
  /** Which model: `"max-coverage"`. */
  readonly model: "max-coverage";
}

/** set-cover with its parameters, as {@link ModelSpec} holds it. */
export interface SetCoverModelSpec extends SetCoverSpec {
  /** Which model: `"set-cover"`. */
  readonly model: "set-cover";
}

/** capacitated-p-median with its parameters, as {@link ModelSpec} holds it. */
export interface CapacitatedPMedianModelSpec extends CapacitatedPMedianSpec {
  /** Which model: `"capacitated-p-median"`. */
  readonly model: "capacitated-p-median";
}

/** fixed-charge with its parameters, as {@link ModelSpec} holds it. */
export interface FixedChargeModelSpec extends FixedChargeSpec {
  /** Which model: `"fixed-charge"`. */
  readonly model: "fixed-charge";
}

/** A model and its parameters, as the generic `solve` and `checkSolution` take them. */
export type ModelSpec =
  | PMedianModelSpec
  | PCenterModelSpec
  | MaxCoverageModelSpec
  | SetCoverModelSpec
  | CapacitatedPMedianModelSpec
  | FixedChargeModelSpec;

/** Whether the model maximises its objective (only maximal covering does). */
export function isMaximisation(model: ModelName): boolean {
  return model === "max-coverage";
}
