import type { Feature, LineString, Point } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { convertCoordinates } from "../../src/io/coordinateSystem.ts";
import { planToGeoJSON } from "../../src/io/planGeoJSON.ts";
import type { GeoSchoolSystem } from "../../src/io/schoolSystemGeoJSON.ts";
import { CHINA_NORMS, withNormOverrides } from "../../src/norms/index.ts";
import type { Plan } from "../../src/plan/result/result.ts";
import { tinyPlan } from "../plan/planFixture.ts";

let geo: GeoSchoolSystem;
let plan: Plan;
let infeasible: Plan;

beforeAll(async () => {
  ({ geo, plan } = await tinyPlan());
  ({ plan: infeasible } = await tinyPlan({ norms: withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { primary1to3: 1 } }, "test") }));
});

const layer = (features: readonly Feature[], name: string): Feature[] => features.filter((feature) => feature.properties?.["layer"] === name);

describe("planToGeoJSON", () => {
  it("writes schools, then settlements, then one line per assignment row, each with its layer and a prefixed id", () => {
    const collection = planToGeoJSON(plan, geo);
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features.map((feature) => feature.properties?.["layer"])).toEqual([
      ...geo.system.schools.map(() => "school"),
      ...geo.system.settlements.map(() => "settlement"),
      ...plan.assignments!.map(() => "assignment"),
    ]);
    expect(layer(collection.features, "school").map((feature) => feature.id)).toEqual(["school:K1", "school:P1", "school:P2", "school:C1"]);
    expect(layer(collection.features, "settlement").map((feature) => feature.id)).toEqual(["settlement:v1", "settlement:v2", "settlement:v3"]);
    const lineIds = layer(collection.features, "assignment").map((feature) => feature.id);
    expect(new Set(lineIds).size).toBe(lineIds.length);
    expect(lineIds).toContain("assignment:v2:primary4to6:P1:boarding");
  });

  it("keeps the input properties of a school and adds its action and figures per planned level", () => {
    const [k1, , p2, c1] = layer(planToGeoJSON(plan, geo).features, "school");
    expect(k1!.geometry).toEqual({ type: "Point", coordinates: [114.7005, 23.9] });
    expect(k1!.properties).toMatchObject({ id: "K1", name: "Central Kindergarten", colour: "red", type: "kindergarten", action: "keep", open: true, small: true });
    expect(k1!.properties).toMatchObject({ enrolment_kindergarten: 42, classes_kindergarten: 2, seats_kindergarten: 60, classrooms: 2, classroomsAdded: 0 });
    for (const key of ["enrolment_primary1to3", "classes_primary4to6", "seats_primary1to3", "boarders", "beds", "bedsAdded", "utilization"]) expect(k1!.properties).toHaveProperty(key);
    expect(k1!.properties).not.toHaveProperty("enrolment_junior");
    expect(p2!.properties).toMatchObject({ action: "close", open: false, enrolment_primary1to3: 0, utilization: 0 });
    expect(c1!.properties).toMatchObject({ action: "build", open: true, existing: false, classroomsAdded: 1, enrolment_primary1to3: 9 });
  });

  it("gives each settlement its school, minutes and boarding per level (the largest share where split)", () => {
    const [v1, v2, v3] = layer(planToGeoJSON(plan, geo).features, "settlement");
    expect(v1!.properties).toMatchObject({ id: "v1", name: "Upper", primary1to3: 40, school_kindergarten: "K1", school_primary1to3: "P1", boarding_primary1to3: false });
    expect(v2!.properties).toMatchObject({ school_primary4to6: "P1", boarding_primary4to6: false });
    expect(v3!.properties).toMatchObject({ school_primary1to3: "C1" });
    const row = plan.assignments!.find((a) => a.settlement === "v3" && a.level === "primary1to3")!;
    expect(v3!.properties!["minutes_primary1to3"]).toBe(Math.round(row.travelMinutes * 100) / 100);
  });

  it("draws each assignment from the settlement to the school with its pupils, minutes and boarding", () => {
    const lines = layer(planToGeoJSON(plan, geo).features, "assignment") as Feature<LineString>[];
    const boarding = lines.find((line) => line.id === "assignment:v2:primary4to6:P1:boarding")!;
    expect(boarding.geometry.coordinates).toEqual([
      [114.708, 23.9],
      [114.701, 23.9],
    ]);
    expect(boarding.properties).toMatchObject({ layer: "assignment", settlement: "v2", level: "primary4to6", school: "P1", pupils: 4, boarding: true });
    expect(typeof boarding.properties!["travelMinutes"]).toBe("number");
    expect(lines.reduce((sum, line) => sum + (line.properties!["pupils"] as number), 0)).toBeCloseTo(172, 6);
  });

  it("carries the status, objective, bound, gap and travel basis as the foreign member metadata", () => {
    const { metadata } = planToGeoJSON(plan, geo);
    expect(["solver", "heuristic"]).toContain(plan.source);
    expect(metadata).toEqual({
      status: "optimal",
      objectiveKind: "cost",
      objective: Math.round(plan.objective!),
      bound: Math.round(plan.bound!),
      gap: plan.gap,
      source: plan.source,
      levels: ["kindergarten", "primary1to3", "primary4to6"],
      travelBasis: geo.system.travelBasis,
      reasons: [],
    });
  });

  it("converts every geometry to GCJ-02 when asked, and says so in the metadata", () => {
    const wgs = planToGeoJSON(plan, geo);
    const gcj = planToGeoJSON(plan, geo, { crs: "gcj02" });
    expect(gcj.metadata.coordinateSystem).toBe("gcj02");
    const point = (gcj.features[0] as Feature<Point>).geometry.coordinates;
    expect(point[0]).not.toBeCloseTo(114.7005, 4);
    const back = convertCoordinates(point, "gcj02", "wgs84");
    expect(back[0]).toBeCloseTo(114.7005, 8);
    expect(back[1]).toBeCloseTo(23.9, 8);
    const line = gcj.features.at(-1) as Feature<LineString>;
    expect(line.geometry.coordinates[0]).not.toEqual((wgs.features.at(-1) as Feature<LineString>).geometry.coordinates[0]);
  });

  it("writes null plan properties, no lines and the reasons for an infeasible plan", () => {
    const collection = planToGeoJSON(infeasible, geo);
    expect(layer(collection.features, "assignment")).toEqual([]);
    const [k1] = layer(collection.features, "school");
    expect(k1!.properties).toMatchObject({ colour: "red", action: null, open: null, enrolment_kindergarten: null });
    const [v1] = layer(collection.features, "settlement");
    expect(v1!.properties).toMatchObject({ school_primary1to3: null, minutes_primary1to3: null, boarding_primary1to3: null });
    expect(collection.metadata).toMatchObject({ status: "infeasible", objective: null, gap: null });
    expect(infeasible.reasons.length).toBeGreaterThan(0);
    expect(collection.metadata.reasons).toEqual(infeasible.reasons);
  });

  it("does not mutate the input features or the plan", () => {
    const features = structuredClone([...geo.schoolFeatures, ...geo.settlementFeatures]);
    planToGeoJSON(plan, geo, { crs: "bd09" });
    expect([...geo.schoolFeatures, ...geo.settlementFeatures]).toEqual(features);
  });

  it("throws an InputError naming the field for a plan of another system or an unknown crs", () => {
    const fewer: Plan = { ...plan, schools: plan.schools!.slice(1) };
    expect(() => planToGeoJSON(fewer, geo)).toThrow(InputError);
    expect(() => planToGeoJSON(fewer, geo)).toThrow(/plan, "schools.length": does not fit the school system \(3 settlements, 4 schools\): must be 4/);
    const wrongRow: Plan = { ...plan, assignments: [{ ...plan.assignments![0]!, schoolIndex: 9 }] };
    expect(() => planToGeoJSON(wrongRow, geo)).toThrow(/"assignments\[0\]\.schoolIndex"/);
    expect(() => planToGeoJSON(plan, geo, { crs: "mars" as never })).toThrow(/"crs": must be one of/);
  });
});
