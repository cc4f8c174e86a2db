import { describe, expect, it } from "vitest";
import { costOf, denseCostMatrix } from "../../src/costMatrix.ts";
import { problemFromGeoJSON } from "../../src/io/index.ts";
import { greatCircleMetres, planarMetres } from "../../src/travel/index.ts";
import { collection, deepFreeze, expectInputError, point } from "./support.ts";

const demand = () => collection(point(114.7, 23.8, { id: "a", pupils: 30 }), point(114.9, 24.0, { id: "b", pupils: 20 }));
const sites = () => collection(point(114.75, 23.85, { id: "S1", places: 40 }), point(115.0, 24.1, { id: "S2", places: 40 }), point(114.6, 23.7, { id: "S3" }));

describe("problemFromGeoJSON", () => {
  it("builds the problem with great-circle metres by default, rows in demand order, columns in site order", () => {
    const geo = problemFromGeoJSON(deepFreeze(demand()), deepFreeze(sites()), { demand: { weight: "pupils" }, sites: { capacity: (_f, j) => (j === 2 ? 5 : 40) } });
    expect(geo.problem.demand.map((d) => [d.id, d.weight])).toEqual([
      ["a", 30],
      ["b", 20],
    ]);
    expect(geo.problem.sites.map((s) => [s.id, s.capacity])).toEqual([
      ["S1", 40],
      ["S2", 40],
      ["S3", 5],
    ]);
    expect(geo.problem.costs).toMatchObject({ kind: "dense", demandCount: 2, siteCount: 3, unit: "metres" });
    expect(costOf(geo.problem.costs, 1, 2)).toBe(greatCircleMetres([114.9, 24.0], [114.6, 23.7]));
    expect(geo.costBasis).toBe("great-circle distance (no detour factor), in metres");
    expect(geo.demand.features).toEqual(demand().features);
  });

  it("uses planar metres when the layers are projected", () => {
    const geo = problemFromGeoJSON(collection(point(0, 0), point(300, 400)), collection(point(600, 800)), {
      demand: { coordinates: "projected" },
      sites: { coordinates: "projected" },
    });
    expect(costOf(geo.problem.costs, 1, 0)).toBe(planarMetres([300, 400], [600, 800]));
    expect(geo.costBasis).toContain("planar");
  });

  it("passes cost options through and states the detour factor and speed in costBasis", () => {
    const geo = problemFromGeoJSON(demand(), sites(), { costs: { unit: "minutes", speedKmPerHour: 30, detourFactor: 1.3, kNearest: 2 } });
    expect(geo.problem.costs).toMatchObject({ kind: "sparse", unit: "minutes" });
    expect(geo.costBasis).toBe("great-circle distance × detour factor 1.3 (assumed) at 30 km/h (assumed), in minutes; the 2 nearest sites of each demand point");
  });

  it("takes a ready cost matrix", () => {
    const costs = denseCostMatrix([1, 2, 3, 4, 5, 6], 2, 3, "minutes");
    const geo = problemFromGeoJSON(demand(), sites(), { costs });
    expect(geo.problem.costs).toBe(costs);
    expect(geo.costBasis).toBe("cost matrix given by the caller, in minutes");
  });

  it("throws InputError when a given matrix does not fit the layers, or the metric does not fit the coordinates", () => {
    expectInputError(() => problemFromGeoJSON(demand(), sites(), { costs: denseCostMatrix([1, 2], 1, 2, "metres") }), '"costs"', "2 × 3", 'got "1 × 2"');
    expectInputError(() => problemFromGeoJSON(demand(), sites(), { costs: { metric: "planar" } }), '"costs.metric"', "projected coordinates");
    const projected = { coordinates: "projected" as const };
    expectInputError(() => problemFromGeoJSON(demand(), sites(), { demand: projected, sites: projected, costs: { metric: "greatCircle" } }), '"costs.metric"', "great-circle");
    expectInputError(() => problemFromGeoJSON(demand(), sites(), { sites: projected }), '"sites.coordinates"', 'must match the demand layer\'s coordinates ("lonlat")');
  });

  it("throws InputError naming the site when it is both required and forbidden", () => {
    const layer = collection(point(114.75, 23.85, { id: "S1", must: true, closed: true }));
    expectInputError(() => problemFromGeoJSON(demand(), layer, { sites: { required: "must", forbidden: "closed" } }), 'sites 0 (id "S1")', "both required and forbidden");
  });
});
