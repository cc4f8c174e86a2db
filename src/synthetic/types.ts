/**
 * The GeoJSON a synthetic county is made of. Everything here is synthetic: made up by a seeded generator to look
 * like a mountainous county of northern Guangdong, describing no real place.
 * @module
 */
import type { FeatureCollection, LineString, Point, Polygon } from "geojson";
import type { ResolvedCountyOptions } from "./options.ts";
import type { SettlementKind, SyntheticLevel } from "./population.ts";

/** The `metadata` member of every collection of a synthetic county (a GeoJSON foreign member). */
export interface SyntheticMetadata {
  /** Always `true`: the data is synthetic and describes no real place. */
  readonly synthetic: true;
  /** What made it: `"school-layout generateCounty"`. */
  readonly generator: string;
  /** The seed (also in `parameters`). */
  readonly seed: number;
  /** The options with defaults filled in; the same options give the same bytes. */
  readonly parameters: ResolvedCountyOptions;
  /** What the collection holds, in one sentence. */
  readonly description: string;
}

/** A FeatureCollection with the synthetic {@link SyntheticMetadata}. */
export type SyntheticCollection<G extends Point | LineString | Polygon, P> = FeatureCollection<G, P> & {
  /** Says the collection is synthetic, with the seed and parameters. */
  readonly metadata: SyntheticMetadata;
};

/** Properties of the county boundary feature. */
export interface BoundaryProperties {
  /** `"county"`. */
  readonly id: string;
  /** A made-up name. */
  readonly name: string;
  /** Area in km² (planar, as requested). */
  readonly areaKm2: number;
  /** Always `true`. */
  readonly synthetic: true;
}

/**
 * Properties of a settlement (demand point): pupils per level as numeric properties named by the level ids
 * (children of each level's ages living there, whole numbers ≥ 0) and the resident population.
 */
export type SettlementProperties = {
  /** Unique id, e.g. `"S0001"` (the county seat is the first). */
  readonly id: string;
  /** A made-up pinyin-style name. */
  readonly name: string;
  /** County seat, township seat or village. */
  readonly kind: SettlementKind;
  /** Id of its township, e.g. `"T01"` (the county seat's own town). */
  readonly township: string;
  /** Resident population (people, whole number ≥ 1). */
  readonly population: number;
  /** Always `true`. */
  readonly synthetic: true;
} & { readonly [level in SyntheticLevel]: number };

/** School type: fixes the levels a school serves. */
export type SyntheticSchoolType = "kindergarten" | "complete primary" | "nine-year" | "junior" | "complete secondary";

/** School tier: where in the county's hierarchy a school stands. */
export type SyntheticSchoolTier = "county seat" | "township" | "village";

/** Properties of an existing school. */
export interface SchoolProperties {
  /** Unique id, e.g. `"K01-1"` (type letter, township number, serial). */
  readonly id: string;
  /** A made-up name. */
  readonly name: string;
  /** The school type; see {@link SyntheticSchoolType}. */
  readonly type: SyntheticSchoolType;
  /** The tier; see {@link SyntheticSchoolTier}. */
  readonly tier: SyntheticSchoolTier;
  /** Id of the settlement it stands in. */
  readonly settlement: string;
  /** Id of its township. */
  readonly township: string;
  /** Classes per level it serves (whole numbers ≥ 1); seats = classes × the class-size norm of the level. */
  readonly classes: Readonly<Partial<Record<SyntheticLevel, number>>>;
  /** Boarding beds (whole number ≥ 0). */
  readonly beds: number;
  /** Always `true`. */
  readonly synthetic: true;
}

/** Properties of a road, OSM-style. */
export interface RoadProperties {
  /** Unique id, e.g. `"R000001"`. */
  readonly id: string;
  /**
   * OSM `highway` class: `"primary"` (main-valley roads from the county seat to township seats), `"secondary"`
   * (other roads between township seats, main valleys beyond them), `"tertiary"` (other roads up first side
   * valleys), `"unclassified"` (deeper valley roads, village access roads), `"track"` (tracks up side valleys).
   */
  readonly highway: "primary" | "secondary" | "tertiary" | "unclassified" | "track";
  /** Posted speed limit in km/h, as OSM writes it (e.g. `"60"`); absent where none is posted. */
  readonly maxspeed?: string;
  /** Always `true`. */
  readonly synthetic: true;
}

/** A synthetic county; see {@link generateCounty}. All coordinates WGS-84 [longitude, latitude] degrees. */
export interface SyntheticCounty {
  /** One Polygon feature, the county outline (counter-clockwise ring). */
  readonly boundary: SyntheticCollection<Polygon, BoundaryProperties>;
  /** Point features, one per settlement: county seat, township seats, villages. */
  readonly settlements: SyntheticCollection<Point, SettlementProperties>;
  /** Point features, the existing schools (at the county seat and at township seats). */
  readonly schools: SyntheticCollection<Point, SchoolProperties>;
  /** LineString features; lines connect only where they share a vertex, and form one connected network. */
  readonly roads: SyntheticCollection<LineString, RoadProperties>;
  /** The same metadata, for the county as a whole. */
  readonly metadata: SyntheticMetadata;
}
