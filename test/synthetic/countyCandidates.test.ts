// Regression (issue 10, item 8): generate county wrote no candidate sites; countyCandidateSites makes them so that
// a generated county plans as it comes. These tests pin what makes that work: walking reach for kindergarten and
// grades 1–3 everywhere, room for the pupils in reach, central schools at every seat.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { countyCandidateSites, generateCounty, type CandidateProperties, type SyntheticCounty } from "../../src/synthetic/index.ts";
import { greatCircleMetres } from "../../src/travel/distance.ts";

const counties: readonly SyntheticCounty[] = [
  generateCounty({ settlements: 40, seed: 3 }),
  generateCounty({ settlements: 120, seed: 11 }),
  generateCounty({ settlements: 300, seed: 42 }),
];

type Position = [number, number];
const at = (feature: { geometry: { coordinates: number[] } }): Position => [feature.geometry.coordinates[0]!, feature.geometry.coordinates[1]!];
const KINDERGARTEN_TYPES = new Set(["kindergarten"]);
const LOWER_PRIMARY_TYPES = new Set(["teaching point", "complete primary", "nine-year"]);

describe("countyCandidateSites", () => {
  it("gives every settlement with kindergarten or grade 1–3 pupils a school serving them within walking reach (1,000 m)", () => {
    for (const county of counties) {
      const candidates = countyCandidateSites(county);
      const sites = [...county.schools.features, ...candidates.features].map((f) => ({ type: f.properties.type as string, position: at(f) }));
      for (const settlement of county.settlements.features) {
        const within = (types: Set<string>) => sites.some((site) => types.has(site.type) && greatCircleMetres(at(settlement), site.position) <= 1000);
        if (settlement.properties.kindergarten > 0) expect(within(KINDERGARTEN_TYPES), settlement.properties.id).toBe(true);
        if (settlement.properties.primary1to3 > 0) expect(within(LOWER_PRIMARY_TYPES), settlement.properties.id).toBe(true);
      }
    }
  });

  it("leaves room: the settlements only one kindergarten candidate reaches fit in its classrooms (30 children each, at most 360)", () => {
    for (const county of counties) {
      const candidates = countyCandidateSites(county).features.filter((f) => f.properties.type === "kindergarten");
      const existing = county.schools.features.filter((f) => f.properties.type === "kindergarten").map(at);
      const alone = new Map<string, number>();
      for (const settlement of county.settlements.features) {
        if (existing.some((school) => greatCircleMetres(at(settlement), school) <= 1000)) continue;
        const reaching = candidates.filter((c) => greatCircleMetres(at(settlement), at(c)) <= 1000);
        if (reaching.length === 1) alone.set(reaching[0]!.properties.id, (alone.get(reaching[0]!.properties.id) ?? 0) + settlement.properties.kindergarten);
      }
      for (const candidate of candidates) {
        expect(candidate.properties.maxAddedClassrooms).toBeLessThanOrEqual(12);
        expect(alone.get(candidate.properties.id) ?? 0, candidate.properties.id).toBeLessThanOrEqual(30 * candidate.properties.maxAddedClassrooms);
      }
    }
  });

  it("puts a central kindergarten at every seat, a boarding nine-year school at every township seat and a complete primary at the county seat", () => {
    const county = counties[1]!;
    const candidates = countyCandidateSites(county).features;
    const of = (settlement: string, type: CandidateProperties["type"]) => candidates.find((c) => c.properties.settlement === settlement && c.properties.type === type);
    for (const seat of county.settlements.features.filter((s) => s.properties.kind !== "village")) {
      expect(of(seat.properties.id, "kindergarten")).toBeDefined();
      if (seat.properties.kind === "township seat") {
        expect(of(seat.properties.id, "nine-year")?.properties).toMatchObject({ tier: "township", maxAddedBeds: 400 });
      } else {
        expect(of(seat.properties.id, "complete primary")?.properties.tier).toBe("county seat");
      }
    }
    for (const candidate of candidates) if (candidate.properties.tier === "village") expect(candidate.properties.maxAddedBeds).toBe(0);
  });

  it("is deterministic, labelled synthetic, with unique ids C-<settlement>-<suffix> in settlement order", () => {
    const county = counties[0]!;
    const a = countyCandidateSites(county);
    expect(JSON.stringify(countyCandidateSites(generateCounty({ settlements: 40, seed: 3 })))).toBe(JSON.stringify(a));
    expect(a.metadata).toMatchObject({ synthetic: true, seed: 3 });
    const ids = a.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of a.features) {
      expect(f.id).toBe(f.properties.id);
      expect(f.properties.id).toMatch(new RegExp(`^C-${f.properties.settlement}-(ny|cp|tp|kg)$`));
      expect(f.properties).toMatchObject({ existing: false, synthetic: true });
    }
    const order = a.features.map((f) => f.properties.settlement);
    expect([...order].sort()).toEqual(order);
  });

  it("throws InputError naming a bad walkMetres or an unknown option, quoting the value", () => {
    const county = counties[0]!;
    for (const walkMetres of [0, -5, Number.NaN, Infinity]) {
      expect(() => countyCandidateSites(county, { walkMetres })).toThrow(InputError);
    }
    expect(() => countyCandidateSites(county, { walkMetres: -5 })).toThrow(/"walkMetres": must be a finite number of metres > 0, got -5/);
    expect(() => countyCandidateSites(county, { walkmetres: 500 } as object)).toThrow(/"walkmetres": is not an option; it reads walkMetres, got 500/);
    // a longer reach needs fewer village sites
    expect(countyCandidateSites(county, { walkMetres: 3000 }).features.length).toBeLessThanOrEqual(countyCandidateSites(county).features.length);
  });
});
