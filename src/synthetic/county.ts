/**
 * The synthetic county generator: seeded, plausible, mountainous counties of any size for tests, examples and
 * benchmarks. Everything it makes is synthetic and labelled so (`synthetic: true` on every feature, a `metadata`
 * member on every collection).
 * @module
 */
import type { Feature, Point } from "geojson";
import { countyOutline } from "./boundary.ts";
import { NameMaker } from "./names.ts";
import { resolveCountyOptions, type CountyOptions, type ResolvedCountyOptions } from "./options.ts";
import { placeSettlements } from "./placement.ts";
import { localPlane } from "./plane.ts";
import { allocatePopulation, pupilsOf, SYNTHETIC_LEVELS, type SyntheticLevel } from "./population.ts";
import { SeededRandom } from "../random.ts";
import { buildRoads } from "./roads.ts";
import { buildSchools, type SeatTown } from "./schools.ts";
import type { SettlementProperties, SyntheticCounty, SyntheticMetadata } from "./types.ts";
import { growValleys } from "./valleys.ts";

/** Stream numbers: each part of the generator draws from its own stream. */
const STREAM = { outline: 1, valleys: 2, wiggles: 3, placement: 4, population: 5, pupils: 6, names: 7, roads: 8, schools: 9 } as const;

function metadata(parameters: ResolvedCountyOptions, description: string): SyntheticMetadata {
  return {
    synthetic: true,
    generator: "school-layout generateCounty",
    seed: parameters.seed,
    parameters,
    description: `SYNTHETIC DATA (describes no real place): ${description}`,
  };
}

/**
 * Generates a synthetic mountainous county: a boundary, settlements with pupils per level, existing schools and a
 * road network, all made up from a seed. The geography is drawn, not uniform noise: a branching valley tree
 * grows out of the county seat; township seats sit at spread-out valley vertices (junctions and main valleys
 * preferred); villages cluster along the valleys (main valleys denser), most beside the valley road, some up
 * side valleys; roads follow the valleys with bends and reach every settlement.
 *
 * Guarantees: exactly `settlements` settlements (the county seat first, then `townships − 1` township seats,
 * then villages) in exactly `townships` townships; every feature inside the boundary; the roads form one
 * connected network in which lines meet only at shared vertices, and every settlement is a road vertex (for
 * `settlements` ≥ 2; a county of one settlement has no roads); populations sum to the `population` option;
 * pupils are whole numbers ≥ 0 per level id (`kindergarten`, `primary1to3`, `primary4to6`, `junior`, `senior`),
 * from the census age shares `AGE_SHARES`. Deterministic: the same options give the same output
 * (coordinates rounded to 1e-7°), with no `Math.random` and no clock.
 *
 * Sizes and speed (Node 20, 2 cores): 300 settlements take about 25–60 ms once warm (~5,000 road segments);
 * 30,000 settlements about 2 s and 80 MB, giving about 96,000 road segments with the default road detail
 * (250 m), about 150,000 with `roadDetail: 150` and 206,000 with `roadDetail: 100`. Seed 42.
 *
 * @param options - see {@link CountyOptions}
 * @returns the county as GeoJSON FeatureCollections in WGS-84; see {@link SyntheticCounty}
 * @throws InputError naming the option and its value when an option is missing, of the wrong type or out of
 *   range (see {@link resolveCountyOptions})
 */
export function generateCounty(options: CountyOptions): SyntheticCounty {
  const parameters = resolveCountyOptions(options);
  const { seed, settlements: n, townships, areaKm2 } = parameters;
  const plane = localPlane(parameters.center);
  const outline = countyOutline(new SeededRandom(seed, STREAM.outline), areaKm2);
  const placementRandom = new SeededRandom(seed, STREAM.placement);
  const seatAngle = placementRandom.uniform(0, 2 * Math.PI);
  const seatDistance = placementRandom.uniform(0, 0.15) * outline.meanRadius;
  const seat = [seatDistance * Math.cos(seatAngle), seatDistance * Math.sin(seatAngle)] as const;
  const spacing = Math.min(6000, Math.max(Math.min(1000, outline.meanRadius / 3), 1.2 * Math.sqrt((areaKm2 * 1e6) / n)));
  const mainValleys = Math.min(5, 2 + Math.floor(townships / 8) + placementRandom.integer(0, 1));
  const network = growValleys(new SeededRandom(seed, STREAM.valleys), outline, seat, spacing, mainValleys);
  const wiggleRandom = new SeededRandom(seed, STREAM.wiggles);
  const wiggles = network.valleys.map((valley) => valley.arcs.slice(1).map((arc, i) => wiggleRandom.uniform(-0.12, 0.12) * (arc - valley.arcs[i]!)));
  const placed = placeSettlements(placementRandom, network, wiggles, outline, n, townships);

  const population = allocatePopulation(new SeededRandom(seed, STREAM.population), placed.map((s) => s.kind), parameters.population);
  const pupilRandom = new SeededRandom(seed, STREAM.pupils);
  const names = new NameMaker(new SeededRandom(seed, STREAM.names));
  const width = String(n).length;
  const townshipId = (t: number): string => `T${String(t + 1).padStart(2, "0")}`;
  const settlementFeatures: Array<Feature<Point, SettlementProperties>> = placed.map((settlement, k) => {
    const id = `S${String(k + 1).padStart(Math.max(4, width), "0")}`;
    const pupils = pupilsOf(pupilRandom, population[k]!);
    const properties: SettlementProperties = {
      id,
      name: settlement.kind === "county seat" ? "Chengguan" : names.next(),
      kind: settlement.kind,
      township: townshipId(settlement.township),
      population: population[k]!,
      ...pupils,
      synthetic: true,
    };
    return { type: "Feature", id, properties, geometry: { type: "Point", coordinates: plane.toLonLat(settlement.x, settlement.y) } };
  });

  const townPupils = Array.from({ length: townships }, () => Object.fromEntries(SYNTHETIC_LEVELS.map((level) => [level, 0])) as Record<SyntheticLevel, number>);
  let countySenior = 0;
  placed.forEach((settlement, k) => {
    const properties = settlementFeatures[k]!.properties;
    for (const level of SYNTHETIC_LEVELS) townPupils[settlement.township]![level] += properties[level];
    countySenior += properties.senior;
  });
  const towns: SeatTown[] = placed.slice(0, townships).map((settlement, t) => ({
    settlement: settlementFeatures[t]!.properties.id,
    township: townshipId(t),
    number: t + 1,
    name: settlementFeatures[t]!.properties.name,
    x: settlement.x,
    y: settlement.y,
    pupils: townPupils[t]!,
  }));
  const inside = (x: number, y: number): boolean => outline.contains(x, y, 0.99);
  const schools = buildSchools(new SeededRandom(seed, STREAM.schools), towns, countySenior, plane, inside);
  const roads = buildRoads(new SeededRandom(seed, STREAM.roads), network, wiggles, placed, parameters.roadDetail, plane, inside);
  const ring = outline.ring.map(([x, y]) => plane.toLonLat(x, y));
  ring[ring.length - 1] = ring[0]!;
  return {
    boundary: {
      type: "FeatureCollection",
      metadata: metadata(parameters, "the county boundary, one Polygon."),
      features: [
        {
          type: "Feature",
          id: "county",
          properties: { id: "county", name: `Synthetic County ${seed}`, areaKm2, synthetic: true },
          geometry: { type: "Polygon", coordinates: [ring] },
        },
      ],
    },
    settlements: {
      type: "FeatureCollection",
      metadata: metadata(parameters, "settlements (county seat, township seats, villages) with population and pupils per level."),
      features: settlementFeatures,
    },
    schools: {
      type: "FeatureCollection",
      metadata: metadata(parameters, "existing schools at the county seat and the township seats, with type, tier, classes per level and boarding beds."),
      features: schools,
    },
    roads: {
      type: "FeatureCollection",
      metadata: metadata(parameters, "roads as OSM-style LineStrings (highway, maxspeed), connected only at shared vertices."),
      features: roads,
    },
    metadata: metadata(parameters, "a county of boundary, settlements, schools and roads."),
  };
}
