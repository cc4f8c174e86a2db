import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { costOf } from "../../src/costMatrix.ts";
import {
  problemFromGeoJSON,
  problemToJson,
  readCostTable,
  readDemandPoints,
  readProblemJson,
  readSites,
  solutionFeatureCollection,
  type ReadDemandOptions,
  type ReadSiteOptions,
} from "../../src/io/index.ts";
import type { Solution } from "../../src/solution.ts";
import { deepFreeze } from "./support.ts";

const folder = new URL("../fixtures/io/", import.meta.url);
const text = (name: string) => readFileSync(new URL(name, folder), "utf8");
const json = (name: string): unknown => JSON.parse(text(name));

const demandOptions: ReadDemandOptions = { id: "code", weight: "pupils", coordinates: "projected" };
const siteOptions: ReadSiteOptions = { id: "code", capacity: "places", required: "existing", coordinates: "projected" };

function fixtureSolution(): Solution {
  const raw = json("solution.json") as Solution & { assignment: number[]; load: number[] };
  return { ...raw, assignment: Int32Array.from(raw.assignment), load: Float64Array.from(raw.load) };
}

describe("io fixtures (test/fixtures/io)", () => {
  it("readDemandPoints and readSites read demand.geojson and sites.geojson as read.expected.json", () => {
    const demandInput = deepFreeze(json("demand.geojson"));
    const siteInput = deepFreeze(json("sites.geojson"));
    const expected = json("read.expected.json") as {
      demand: { points: unknown; coordinates: number[] };
      sites: { sites: unknown; coordinates: number[] };
    };
    const demand = readDemandPoints(demandInput, demandOptions);
    const sites = readSites(siteInput, siteOptions);
    expect(demand.points).toEqual(expected.demand.points);
    expect([...demand.coordinates]).toEqual(expected.demand.coordinates);
    expect(sites.sites).toEqual(expected.sites.sites);
    expect([...sites.coordinates]).toEqual(expected.sites.coordinates);
    expect(demand.features[1]).toBe((demandInput as { features: unknown[] }).features[1]);
  });

  it("solutionFeatureCollection writes solution.json on the fixture layers as solution.expected.geojson", () => {
    const geo = problemFromGeoJSON(deepFreeze(json("demand.geojson")), deepFreeze(json("sites.geojson")), {
      demand: demandOptions,
      sites: siteOptions,
    });
    const written = JSON.parse(JSON.stringify(solutionFeatureCollection(geo, fixtureSolution())));
    expect(written).toEqual(json("solution.expected.geojson"));
  });

  it("readCostTable reads costs.csv (one pair absent) into the costs of problem.json", () => {
    const problem = readProblemJson(json("problem.json"));
    const costs = readCostTable(text("costs.csv"), {
      from: "village",
      to: "school",
      value: "metres",
      demandIds: ["v1", "v2", "v3", "v4"],
      siteIds: ["S1", "S2", "S3"],
      unit: "metres",
      missing: "notAllowed",
      source: "costs.csv",
    });
    expect(costs.kind).toBe("sparse");
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) expect(costOf(costs, i, j)).toBe(costOf(problem.costs, i, j));
  });

  it("the fixture costs are the planar distances between the fixture layers", () => {
    const geo = problemFromGeoJSON(json("demand.geojson"), json("sites.geojson"), { demand: demandOptions, sites: siteOptions });
    const problem = readProblemJson(json("problem.json"));
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        const expected = costOf(problem.costs, i, j);
        if (expected !== Infinity) expect(costOf(geo.problem.costs, i, j)).toBeCloseTo(expected, 9);
      }
    }
  });

  it("problemToJson writes readProblemJson(problem.json) back as problem.json", () => {
    expect(problemToJson(readProblemJson(deepFreeze(json("problem.json"))))).toEqual(json("problem.json"));
  });
});
