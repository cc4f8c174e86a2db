import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSchoolLayer, schoolSystemFromGeoJSON } from "../../src/io/schoolSystemGeoJSON.ts";
import { CLASSES_PROPERTY_PREFIX, COST_PROPERTY_PREFIX, SCHOOL_PROPERTIES, SETTLEMENT_PROPERTIES } from "../../src/io/schoolSystemProperties.ts";
import { SCHOOL_COST_NAMES } from "../../src/plan/rules/costs.ts";
import { LEVELS } from "../../src/norms/levels.ts";

const root = new URL("../../", import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), "utf8"));

interface PropertiesSchema {
  readonly properties: Record<string, { readonly description?: string; readonly properties?: Record<string, unknown> }>;
  readonly patternProperties?: Record<string, unknown>;
}
interface CollectionSchema {
  readonly $schema: string;
  readonly title: string;
  readonly description: string;
  readonly $defs: { readonly properties: PropertiesSchema };
}

const settlementSchema = readJson("docs/schemas/settlements.schema.json") as CollectionSchema;
const schoolSchema = readJson("docs/schemas/schools.schema.json") as CollectionSchema;
const examples = {
  settlements: readJson("examples/plan-input/settlements.geojson"),
  schools: readJson("examples/plan-input/schools.geojson"),
  candidates: readJson("examples/plan-input/candidates.geojson"),
};
const GROUPS = [
  { id: "disability", rule: "resourceRoom" as const },
  { id: "leftBehind", rule: "boardingCare" as const },
];

/** Whether the schema documents a property name: listed, or matched by one of its patterns. */
function documents(schema: PropertiesSchema, name: string): boolean {
  return Object.hasOwn(schema.properties, name) || Object.keys(schema.patternProperties ?? {}).some((pattern) => new RegExp(pattern, "u").test(name));
}

describe("the example plan input files", () => {
  it("load into a school system without error, by the straight-line fallback", () => {
    const { system, travel } = schoolSystemFromGeoJSON({ ...examples, groups: GROUPS, travel: { fallback: {} } });
    expect(system.settlements).toHaveLength(8);
    expect(new Set(system.settlements.map((settlement) => settlement.township))).toEqual(new Set(["T1", "T2"]));
    expect(system.schools.filter((school) => school.existing)).toHaveLength(7);
    expect(system.schools.filter((school) => !school.existing).map((school) => school.id)).toEqual(["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12"]);
    expect(new Set(system.schools.map((school) => school.type))).toEqual(new Set(["kindergarten", "complete primary", "teaching point", "nine-year", "junior"]));
    expect(system.levels).toEqual(["kindergarten", "primary1to3", "primary4to6", "junior"]);
    expect(travel.basis).toContain("no road network");
  });

  it("are labelled illustrative and give their positions near 114.7° E, 23.9° N", () => {
    for (const example of Object.values(examples)) {
      const collection = example as { metadata: { illustrative: boolean; description: string }; features: { geometry: { coordinates: number[] } }[] };
      expect(collection.metadata.illustrative).toBe(true);
      expect(collection.metadata.description).toMatch(/Illustrative/);
      for (const { geometry } of collection.features) {
        expect(Math.abs(geometry.coordinates[0]! - 114.7)).toBeLessThan(0.3);
        expect(Math.abs(geometry.coordinates[1]! - 23.9)).toBeLessThan(0.3);
      }
    }
  });

  it("use only properties their schema documents", () => {
    const pairs = [
      [examples.settlements, settlementSchema],
      [examples.schools, schoolSchema],
      [examples.candidates, schoolSchema],
    ] as const;
    for (const [example, schema] of pairs) {
      for (const feature of (example as { features: { properties: Record<string, unknown> }[] }).features) {
        for (const name of Object.keys(feature.properties)) expect(documents(schema.$defs.properties, name), name).toBe(true);
      }
    }
  });

  it("hold candidate sites without classrooms or beds, which readSchoolLayer marks as not existing", () => {
    const layer = readSchoolLayer(examples.candidates, { existing: false });
    expect(layer.schools.every((school) => school.existing === false && school.beds === undefined && school.classrooms === undefined)).toBe(true);
  });
});

describe("the JSON Schemas of the plan input layers", () => {
  it("are draft 2020-12 schemas with a title and description", () => {
    for (const schema of [settlementSchema, schoolSchema]) {
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.title.length).toBeGreaterThan(0);
      expect(schema.description.length).toBeGreaterThan(0);
    }
  });

  it("list exactly the settlement properties readSettlementLayer reads, each described", () => {
    const schema = settlementSchema.$defs.properties;
    expect(Object.keys(schema.properties).sort()).toEqual([...SETTLEMENT_PROPERTIES].sort());
    for (const name of SETTLEMENT_PROPERTIES) expect(schema.properties[name]!.description, name).toBeTruthy();
    expect(Object.keys(schema.properties["pupils"]!.properties!)).toEqual([...LEVELS]);
    for (const level of LEVELS) expect(documents(schema, `group:leftBehind:${level}`), level).toBe(true);
    expect(documents(schema, "group:leftBehind:grade7")).toBe(false);
    expect(documents(schema, "group::junior")).toBe(false);
  });

  it("list exactly the school properties readSchoolLayer reads, each described", () => {
    const schema = schoolSchema.$defs.properties;
    expect(Object.keys(schema.properties).sort()).toEqual([...SCHOOL_PROPERTIES].sort());
    for (const name of SCHOOL_PROPERTIES) expect(schema.properties[name]!.description, name).toBeTruthy();
    expect(Object.keys(schema.properties["classes"]!.properties!)).toEqual([...LEVELS]);
    expect(Object.keys(schema.properties["costs"]!.properties!)).toEqual([...SCHOOL_COST_NAMES]);
    expect(SCHOOL_PROPERTIES).toContain(`${CLASSES_PROPERTY_PREFIX}junior`);
    expect(SCHOOL_PROPERTIES).toContain(`${COST_PROPERTY_PREFIX}schoolPerYear`);
  });
});
