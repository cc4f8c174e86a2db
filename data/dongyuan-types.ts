/**
 * The shapes of the Dongyuan dataset that `derive-dongyuan.ts` writes: feature properties and the metadata
 * recorded on each collection.
 * @module
 */
import type { FeatureCollection, Geometry, Point, Position } from "geojson";

/** Kind of a village-level unit, from its name: 村委会 (village committee) or 居委会 / 社区 (residents' committee). */
export type SettlementKind = "village committee" | "residents' committee";

/** Where a point comes from: the source's own point, or a placement by the documented rule (`PLACEMENT_RULE`). */
export type Placement = "source" | "placed";

/** Properties of one demand point in `settlements.geojson`: one village-level unit. */
export interface SettlementProperties {
  /** 12-digit NBS code of the village-level unit. */
  id: string;
  /** Village-level unit name (村委会, 居委会, 社区). */
  name: string;
  /** Township name as in the 2016 division codes. */
  town: string;
  /** 12-digit NBS code of the township. */
  town_code: string;
  /** `"village committee"` (name ends in 村委会) or `"residents' committee"` (居委会, 社区). */
  kind: SettlementKind;
  /** NBS urban–rural code of the unit: 121 town centre, 122 town–rural fringe, 210 township centre, 220 village. */
  ur_code: string;
  /** True for the township-centre unit placed at its township seat (rule (2) of `PLACEMENT_RULE`). */
  at_seat: boolean;
  /** `"source"` (the source's WGS-84 point) or `"placed"` (by `PLACEMENT_RULE`: not data). */
  placement: Placement;
  /** Which step placed it: `"source point (WGS-84)"`, `"at the township seat"`, `"spiral position k = 3"`, … */
  placement_rule: string;
  /** Estimated area the unit stands for, km² (`AREA_RULE`: township cell ÷ its units; an estimate, not data). */
  areaKm2: number;
  /** The area rule (`AREA_RULE`). */
  area_rule: string;
  /** Allocated pupils aged 6–14 (whole pupils). */
  pupils_6_14: number;
  /** Allocated children aged 3–5 (kindergarten), by the same rule (`LEVEL_COHORT_RULE`). */
  kindergarten: number;
  /** Allocated pupils aged 6–8 (grades 1–3). */
  primary1to3: number;
  /** Allocated pupils aged 9–11 (grades 4–6). */
  primary4to6: number;
  /** Allocated pupils aged 12–14 (junior secondary). */
  junior: number;
  /** The allocation rule (`ALLOCATION_RULE`). */
  allocation: string;
}

/** Properties of one township seat in `sites.geojson`. */
export interface SiteProperties {
  /** The township's 12-digit NBS code (unique in the layer). */
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
  /** `"source"`, or `"placed"` for a township without a seat point in the source (rule (1) of `PLACEMENT_RULE`). */
  placement: Placement;
  /** Estimated area of the township, km²: its seat's Voronoi cell clipped to the county (an estimate). */
  areaKm2: number;
}

/** A township whose pupils could not be placed on any point (none since every unit is placed; kept for readers). */
export interface LeftOutTownship {
  /** Township name. */
  town: string;
  /** 12-digit NBS code of the township. */
  town_code: string;
  /** Village-level units in the township. */
  n_village_units: number;
  /** Units whose pupils are left out. */
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
  /** The unit weights: census urban and rural population, unit counts, and the integer weights of each kind. */
  weights: { pop_urban: number; pop_rural: number; n_urban_units: number; n_rural_units: number; urban: number; rural: number };
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
  /** Township-level units. */
  townships: number;
  /** Village-level units in the split. */
  village_level_units: number;
  /** Sum of `pupils_6_14` over the demand points. */
  pupils_in_settlements: number;
  /** Townships whose pupils are in no demand point (empty: every unit has a point, source or placed). */
  left_out: LeftOutTownship[];
}

/** The placement, recorded on `settlements.geojson` as `metadata.placement`. */
export interface PlacementRecord {
  /** Always `"placement, not data"`. */
  label: "placement, not data";
  /** The rule in words (`PLACEMENT_RULE`). */
  rule: string;
  /** Units at their source point. */
  source_points: number;
  /** Township-centre units placed at their township seat. */
  placed_at_seat: number;
  /** Units placed on a spiral around their seat. */
  placed_on_spiral: number;
  /** Township seats placed because the source has none: where, and the empty circle's radius. */
  placed_seats: { town: string; town_code: string; coordinates: Position; clearance_km: number }[];
}

/** One township's estimated area. */
export interface TownshipArea {
  /** Township name. */
  town: string;
  /** 12-digit NBS code. */
  town_code: string;
  /** Area of its seat's Voronoi cell clipped to the county, km² (0.1 km²). */
  areaKm2: number;
  /** Village-level units in it. */
  n_village_units: number;
  /** areaKm2 ÷ n_village_units (0.01 km²): each unit's `areaKm2`. */
  unitAreaKm2: number;
}

/** The area estimate, recorded on `settlements.geojson` as `metadata.area`. */
export interface AreaRecord {
  /** Always `"estimate, not data"`. */
  label: "estimate, not data";
  /** The rule in words (`AREA_RULE`). */
  rule: string;
  /** Area of the county boundary, km² (turf's geodesic area). */
  county_km2: number;
  /** Per township its cell area and per-unit share. */
  townships: TownshipArea[];
}

/** Foreign member `metadata` on each output FeatureCollection. */
export interface DatasetMetadata {
  /** What the file holds. */
  description: string;
  /** Coordinate reference system. */
  crs: string;
  /** Input files (relative to ../shared/data). */
  sources: string[];
  /** Attribution text (`ATTRIBUTION`). */
  attribution: string;
  /** Licences of the derived data. */
  licence: string;
  /** Present on settlements only. */
  allocation?: AllocationRecord;
  /** Present on settlements only. */
  placement?: PlacementRecord;
  /** Present on settlements only. */
  area?: AreaRecord;
}

/** A FeatureCollection with the `metadata` foreign member. */
export type DerivedCollection<G extends Geometry, P> = FeatureCollection<G, P> & { metadata: DatasetMetadata };

/** The three derived layers. */
export interface DongyuanDataset {
  /** Demand points: one per village-level unit (source point or placed). */
  settlements: DerivedCollection<Point, SettlementProperties>;
  /** The township seats (source or placed), a proxy for where township central schools stand. */
  sites: DerivedCollection<Point, SiteProperties>;
  /** The county boundary (WGS-84), coordinates rounded to 6 decimals. */
  boundary: DerivedCollection<Geometry, Record<string, unknown>>;
}
