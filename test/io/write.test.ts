import { describe, expect, it } from "vitest";
import { problemFromGeoJSON, solutionFeatureCollection, solutionToGeoJSON, type GeoProblem } from "../../src/io/index.ts";
import type { Solution } from "../../src/solution.ts";
import { collection, deepFreeze, expectInputError, feature, point } from "./support.ts";

function geoProblem(): { geo: GeoProblem; before: string } {
  const demand = collection(point(0, 0, { id: "a", pupils: 10, tag: "keep" }), point(0, 3, { id: "b", pupils: 6 }), point(9, 9, { id: "c", pupils: 4 }));
  const sites = collection(
    point(0, 1, { id: "S1", places: 12, open: "overwritten" }, "feature-id-kept"),
    point(0, 4, { id: "S2" }),
    feature({ type: "Polygon", coordinates: [[[8, 8], [10, 8], [10, 10], [8, 10], [8, 8]]] }, { id: "S3", places: 0 }),
  );
  const before = JSON.stringify([demand, sites]);
  const geo = problemFromGeoJSON(deepFreeze(demand), deepFreeze(sites), {
    demand: { weight: "pupils", coordinates: "projected" },
    sites: { id: "id", capacity: (f) => Number(f.properties?.["places"] ?? Infinity), coordinates: "projected" },
  });
  return { geo, before };
}

function solution(overrides: Partial<Solution> = {}): Solution {
  return {
    model: "p-median",
    status: "optimal",
    objective: 16,
    bound: 16,
    gap: 0,
    open: [0, 1],
    assignment: Int32Array.of(0, 1, -1),
    load: Float64Array.of(10, 6, 0),
    reasons: [],
    statistics: { solver: "enumeration", seconds: 0, variables: 0, constraints: 0 },
    ...overrides,
  };
}

describe("solutionToGeoJSON", () => {
  it("adds open, load and utilization to every site, keeping its id and properties", () => {
    const { geo } = geoProblem();
    const { sites } = solutionToGeoJSON(geo, solution());
    expect(sites.features.map((f) => f.id)).toEqual(["feature-id-kept", "S2", "S3"]);
    expect(sites.features.map((f) => f.properties)).toEqual([
      { id: "S1", places: 12, open: true, load: 10, utilization: 10 / 12 },
      { id: "S2", open: true, load: 6, utilization: null },
      { id: "S3", places: 0, open: false, load: 0, utilization: 0 },
    ]);
    expect(sites.features[2]!.geometry.type).toBe("Polygon");
  });

  it("adds the assigned site id and the cost to every demand point, null when unassigned", () => {
    const { geo } = geoProblem();
    const { demand } = solutionToGeoJSON(geo, solution());
    expect(demand.features.map((f) => f.properties)).toEqual([
      { id: "a", pupils: 10, tag: "keep", site: "S1", cost: 1 },
      { id: "b", pupils: 6, site: "S2", cost: 1 },
      { id: "c", pupils: 4, site: null, cost: null },
    ]);
  });

  it("draws one line per assignment from the demand point to the site (a polygon's centroid)", () => {
    const { geo } = geoProblem();
    const { assignments } = solutionToGeoJSON(geo, solution({ open: [0, 2], assignment: Int32Array.of(0, 0, 2), load: Float64Array.of(16, 0, 4) }));
    expect(assignments.features).toEqual([
      { type: "Feature", geometry: { type: "LineString", coordinates: [[0, 0], [0, 1]] }, properties: { demand: "a", site: "S1", cost: 1, amount: 10 } },
      { type: "Feature", geometry: { type: "LineString", coordinates: [[0, 3], [0, 1]] }, properties: { demand: "b", site: "S1", cost: 2, amount: 6 } },
      { type: "Feature", geometry: { type: "LineString", coordinates: [[9, 9], [9, 9]] }, properties: { demand: "c", site: "S3", cost: 0, amount: 4 } },
    ]);
  });

  it("draws one line per allocation when the solution splits demand", () => {
    const { geo } = geoProblem();
    const split = solution({
      model: "fixed-charge",
      allocations: [
        { demand: 0, site: 0, amount: 7 },
        { demand: 0, site: 1, amount: 3 },
        { demand: 1, site: 1, amount: 6 },
      ],
      load: Float64Array.of(7, 9, 0),
    });
    const { assignments } = solutionToGeoJSON(geo, split);
    expect(assignments.features.map((f) => f.properties)).toEqual([
      { demand: "a", site: "S1", cost: 1, amount: 7 },
      { demand: "a", site: "S2", cost: 4, amount: 3 },
      { demand: "b", site: "S2", cost: 1, amount: 6 },
    ]);
  });

  it("states the model, status, objective, bound, gap, open site ids, cost unit and cost basis on each collection", () => {
    const { geo } = geoProblem();
    const layers = solutionToGeoJSON(geo, solution());
    const summary = { model: "p-median", status: "optimal", objective: 16, bound: 16, gap: 0, open: ["S1", "S2"], costUnit: "metres", costBasis: "planar (projected) distance (no detour factor), in metres" };
    expect(layers.sites.solution).toEqual(summary);
    expect(layers.demand.solution).toEqual(summary);
    expect(layers.assignments.solution).toEqual(summary);
  });

  it("never mutates the input features and returns new objects", () => {
    const { geo, before } = geoProblem();
    const layers = solutionToGeoJSON(geo, solution());
    expect(JSON.stringify([{ type: "FeatureCollection", features: geo.demand.features }, { type: "FeatureCollection", features: geo.sites.features }])).toBe(before);
    expect(layers.sites.features[0]).not.toBe(geo.sites.features[0]);
    expect(layers.sites.features[0]!.geometry).not.toBe(geo.sites.features[0]!.geometry);
    expect(layers.sites.features[0]!.geometry).toEqual(geo.sites.features[0]!.geometry);
  });

  it("throws InputError when the solution does not fit the problem", () => {
    const { geo } = geoProblem();
    expectInputError(() => solutionToGeoJSON(geo, solution({ assignment: Int32Array.of(0, 1) })), "solution", '"assignment.length"', "must be 3", "got 2");
    expectInputError(() => solutionToGeoJSON(geo, solution({ load: Float64Array.of(1) })), '"load.length"', "got 1");
    expectInputError(() => solutionToGeoJSON(geo, solution({ assignment: Int32Array.of(0, 5, -1) })), '"assignment[1]"', "got 5");
    expectInputError(() => solutionToGeoJSON(geo, solution({ open: [0, 3] })), '"open[1]"', "got 3");
  });
});

describe("solutionFeatureCollection", () => {
  it("puts sites, demand points and assignment lines in one collection with a layer property", () => {
    const { geo } = geoProblem();
    const all = solutionFeatureCollection(geo, solution());
    expect(all.features.map((f) => f.properties?.["layer"])).toEqual(["site", "site", "site", "demand", "demand", "demand", "assignment", "assignment"]);
    expect(all.features[3]!.properties).toEqual({ id: "a", pupils: 10, tag: "keep", site: "S1", cost: 1, layer: "demand" });
    expect(all.solution.model).toBe("p-median");
  });
});
