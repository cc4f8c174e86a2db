/**
 * The shapes of the Dongyuan dataset that `derive-dongyuan.ts` writes: feature properties and the metadata
 * recorded on each collection.
 * @module
 */
import type { FeatureCollection, Geometry, Point } from "geojson";

/** Kind of a demand point. */
export type SettlementKind = "township seat" | "village";

/** Properties of one demand point in `settlements.geojson`. */
export interface SettlementProperties {
  /** 12-digit NBS code: the township's code for a seat, the village-level unit's code for a village. */
  id: string;
  /** Village-level unit name, or `"<township> seat"`. */
  name: string;
  /** Township name as in the 2016 division codes. */
  town: string;
  /** 12-digit NBS code of the township. */
  town_code: string;
  /** `"township seat"` or `"village"` (any village-level unit: village committee, residents' committee). */
  kind: SettlementKind;
  /** NBS urban–rural code (111…220) of the village-level unit; `null` for a township seat. */
  ur_code: string | null;
  /** Number of village-level units whose pupils this point carries (a seat carries its units without a point). */
  n_units: number;
  /** Allocated pupils aged 6–14 (whole pupils). */
  pupils_6_14: number;
  /** Allocated children aged 3–5 (kindergarten), by the same rule ({@link LEVEL_COHORT_RULE}). */
  kindergarten: number;
  /** Allocated pupils aged 6–8 (grades 1–3). */
  primary1to3: number;
  /** Allocated pupils aged 9–11 (grades 4–6). */
  primary4to6: number;
  /** Allocated pupils aged 12–14 (junior secondary). */
  junior: number;
  /** The allocation rule ({@link ALLOCATION_RULE}). */
  allocation: string;
}

/** Properties of one candidate site in `sites.geojson`. */
export interface SiteProperties {
  /** The township's 12-digit NBS code (unique in the layer; equal to its seat demand point's id). */
  id: string;
  /** `"<township> seat"`. */
  name: string;
  /** Township name. */
  town: string;
  /** 12-digit NBS code of the township. */
  town_code: string;
  /** `"county seat"` for the township containing the county seat (县城), else `"township"`. */
  tier: "county seat" | "township";
  /** Number of village-level units in the township (2016 division codes). */
  n_village_units: number;
}

/** A township whose pupils could not be placed on any point. */
export interface LeftOutTownship {
  /** Township name. */
  town: string;
  /** 12-digit NBS code of the township. */
  town_code: string;
  /** Village-level units in the township. */
  n_village_units: number;
  /** Units whose pupils are left out (those without a point, when the township has no seat point). */
  n_units_left_out: number;
  /** Allocated pupils aged 6–14 that are in no demand point. */
  pupils_6_14: number;
  /** Why. */
  reason: string;
}

/** The allocation, recorded on `settlements.geojson` as `metadata.allocation`. */
export interface AllocationRecord {
  /** Always `"allocation, not data"`. */
  label: "allocation, not data";
  /** The rule in words. */
  rule: string;
  /** Census 2020 population aged 5–9 in the county. */
  census_age_5_9: number;
  /** Census 2020 population aged 10–14 in the county. */
  census_age_10_14: number;
  /** 0.8 × age 5–9 + age 10–14, before rounding. */
  county_pupils_6_14_exact: number;
  /** The level cohorts: rule, census band and county totals per level. */
  level_cohorts: { rule: string; census_age_1_4: number; county: Record<string, number> };
  /** The county total in whole pupils: the sum over demand points plus the pupils left out. */
  county_pupils_6_14: number;
  /** Township-level units in the split. */
  townships: number;
  /** Village-level units in the split. */
  village_level_units: number;
  /** Sum of `pupils_6_14` over the demand points. */
  pupils_in_settlements: number;
  /** Townships whose pupils are in no demand point (listed, never dropped silently). */
  left_out: LeftOutTownship[];
}

/** Foreign member `metadata` on each output FeatureCollection. */
export interface DatasetMetadata {
  /** What the file holds. */
  description: string;
  /** Coordinate reference system. */
  crs: string;
  /** Input files (relative to ../shared/data). */
  sources: string[];
  /** Attribution text ({@link ATTRIBUTION}). */
  attribution: string;
  /** Licences of the derived data. */
  licence: string;
  /** Present on settlements only. */
  allocation?: AllocationRecord;
}

/** A FeatureCollection with the `metadata` foreign member. */
export type DerivedCollection<G extends Geometry, P> = FeatureCollection<G, P> & { metadata: DatasetMetadata };

/** The three derived layers. */
export interface DongyuanDataset {
  /** Demand points: township seats and the village-level units that have a WGS-84 point. */
  settlements: DerivedCollection<Point, SettlementProperties>;
  /** Candidate sites: the township seats. */
  sites: DerivedCollection<Point, SiteProperties>;
  /** The county boundary (WGS-84), coordinates rounded to 6 decimals. */
  boundary: DerivedCollection<Geometry, Record<string, unknown>>;
}
