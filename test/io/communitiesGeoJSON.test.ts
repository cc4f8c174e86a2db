import { booleanPointInPolygon } from "@turf/turf";
import type { Feature, Point, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { communitiesToGeoJSON, costMatrixFromCoordinates, formCommunities, type CommunitySchool } from "../../src/index.ts";
import { deepFreeze } from "../helpers/schoolSystems.ts";

const schools: CommunitySchool[] = [
  { id: "L1", leadEligible: true, pupils: 900 }, { id: "L2", leadEligible: true, pupils: 800 },
  { id: "H1", hubEligible: true, pupils: 300 }, { id: "H2", hubEligible: true, pupils: 250 },
  { id: "M1", pupils: 40 }, { id: "M2", pupils: 35 }, { id: "M3", pupils: 20 },
];
const coordinates = [[114.70, 23.80], [114.72, 23.81], [114.85, 23.90], [114.60, 23.70], [114.88, 23.93], [114.83, 23.95], [114.57, 23.68]];
const features: Feature<Point>[] = deepFreeze(schools.map((s, k) => ({ type: "Feature", id: s.id, properties: { name: `school ${s.id}`, keep: k }, geometry: { type: "Point", coordinates: coordinates[k]! } })));
const travelMinutes = costMatrixFromCoordinates(Float64Array.from(coordinates.flat()), Float64Array.from(coordinates.flat()), { unit: "minutes", speedKmPerHour: 50, detourFactor: 1.3 });

describe("communitiesToGeoJSON", () => {
  it("writes each school with its community and role (its own properties kept), a link per non-lead school and an outline around each community", async () => {
    const plan = await formCommunities(schools, { travelMinutes, k: 2 });
    expect(plan.status).toBe("optimal");
    const collection = communitiesToGeoJSON(plan, features);
    const of = (layer: string) => collection.features.filter((f) => f.properties!.layer === layer);
    expect(of("school")).toHaveLength(7);
    for (const [k, feature] of of("school").entries()) {
      expect(feature.properties).toMatchObject({ name: `school ${schools[k]!.id}`, keep: k, community: plan.memberships[k]!.community, role: plan.memberships[k]!.role, lead: plan.memberships[k]!.lead });
      expect(feature.geometry).toEqual(features[k]!.geometry);
    }
    expect(of("link")).toHaveLength(7 - 2);
    for (const link of of("link")) expect(["leadHub", "hubMember", "leadMember"]).toContain(link.properties!.kind);
    expect(of("outline")).toHaveLength(2);
    for (const outline of of("outline")) {
      const members = plan.memberships.filter((m) => m.community === outline.properties!.community);
      for (const m of members) expect(booleanPointInPolygon(features[schools.findIndex((s) => s.id === m.school)]!.geometry.coordinates, outline as Feature<Polygon>)).toBe(true);
    }
    // A community of one school still has an outline (a disc).
    const alone = await formCommunities(schools.slice(0, 1), { travelMinutes: costMatrixFromCoordinates(Float64Array.from(coordinates[0]!), Float64Array.from(coordinates[0]!), { unit: "minutes", speedKmPerHour: 50 }) });
    expect(communitiesToGeoJSON(alone, features.slice(0, 1)).features.filter((f) => f.properties!.layer === "outline")).toHaveLength(1);
  });

  it("gives nothing for an infeasible plan and refuses features that do not match", async () => {
    const none = await formCommunities(schools, { travelMinutes, k: 3 });
    expect(none.status).toBe("infeasible");
    expect(communitiesToGeoJSON(none, features).features).toEqual([]);
    const plan = await formCommunities(schools, { travelMinutes, k: 2 });
    expect(() => communitiesToGeoJSON(plan, features.slice(1))).toThrow(/must be one per school of the plan: 7/);
  });
});
