import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bbox, booleanPointInPolygon } from "@turf/turf";
import fc from "fast-check";
import type { Feature, FeatureCollection, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import {
  levelCohorts,
  unitWeights,
  AREA_RULE,
  ALLOCATION_RULE,
  DONGYUAN_FILES,
  DONGYUAN_OUTPUT_DIR,
  DONGYUAN_SOURCE_DIR,
  SOURCE_ATTRIBUTION,
  cohort6to14,
  deriveDongyuan,
  formatGeoJson,
  largestRemainder,
} from "../../data/derive-dongyuan.ts";
import type { DongyuanDataset } from "../../data/derive-dongyuan.ts";
import { InputError } from "../../src/errors.ts";
import { SCHOOLS_LABEL, dongyuanSchools } from "../../examples/dongyuan/schools.ts";

/** 东源县's census 2020 row (../shared/data/dongyuan_441625/census2020.json): ages 5–9 and 10–14. */
const AGE_5_9 = 27624;
const AGE_10_14 = 29798;

function readCommitted(file: string): string {
  return readFileSync(join(DONGYUAN_OUTPUT_DIR, file), "utf8");
}

const committed = {
  settlements: JSON.parse(readCommitted("settlements.geojson")),
  sites: JSON.parse(readCommitted("sites.geojson")),
  boundary: JSON.parse(readCommitted("boundary.geojson")),
} as DongyuanDataset;
const allocation = committed.settlements.metadata.allocation!;
const county = committed.boundary.features[0] as Feature<Polygon>;

describe("committed data/dongyuan files", () => {
  it("hold one settlement per village-level unit (284), the census county total of 51,897 and nothing left out", () => {
    expect(committed.settlements.features.length).toBe(284);
    expect(allocation.village_level_units).toBe(284);
    const total = cohort6to14(AGE_5_9, AGE_10_14).whole;
    expect(total).toBe(51897);
    expect(committed.settlements.features.reduce((s, f) => s + f.properties.pupils_6_14, 0)).toBe(total);
    expect(allocation.pupils_in_settlements).toBe(total);
    expect(allocation.left_out).toEqual([]);
    const county = allocation.level_cohorts.county;
    for (const level of ["kindergarten", "primary1to3", "primary4to6", "junior"] as const) {
      expect(committed.settlements.features.reduce((s, f) => s + f.properties[level], 0), level).toBe(county[level]);
    }
  });

  it("label every settlement's placement (52 source points, the rest placed) and give it an estimated areaKm2 > 0", () => {
    const placements = committed.settlements.features.map((f) => f.properties.placement);
    expect(placements.filter((p) => p === "source").length).toBe(52);
    expect(placements.filter((p) => p === "placed").length).toBe(284 - 52);
    const meta = committed.settlements.metadata;
    expect(meta.placement!.label).toBe("placement, not data");
    expect(meta.placement!.placed_at_seat + meta.placement!.placed_on_spiral + meta.placement!.source_points).toBe(284);
    expect(meta.area!.label).toBe("estimate, not data");
    for (const f of committed.settlements.features) {
      expect(["source", "placed"]).toContain(f.properties.placement);
      expect(f.properties.placement_rule.length, f.properties.id).toBeGreaterThan(0);
      expect(f.properties.areaKm2, f.properties.id).toBeGreaterThan(0);
      expect(f.properties.area_rule).toBe(AREA_RULE);
    }
  });

  it("divide the county's area among the units: per township the units' areas sum to its cell, the cells to the county", () => {
    const meta = committed.settlements.metadata.area!;
    expect(Math.abs(meta.townships.reduce((s, t) => s + t.areaKm2, 0) - meta.county_km2)).toBeLessThan(1);
    expect(meta.county_km2).toBeGreaterThan(3900);
    expect(meta.county_km2).toBeLessThan(4100);
    for (const t of meta.townships) {
      const units = committed.settlements.features.filter((f) => f.properties.town_code === t.town_code);
      expect(units.length).toBe(t.n_village_units);
      expect(Math.abs(units.reduce((s, f) => s + f.properties.areaKm2, 0) - t.areaKm2), t.town).toBeLessThan(0.01 * units.length);
    }
  });

  it("place every settlement and site at a valid WGS-84 lon/lat with at most 6 decimals inside the county polygon", () => {
    const [west, south, east, north] = bbox(county);
    for (const f of [...committed.settlements.features, ...committed.sites.features]) {
      expect(f.geometry.type).toBe("Point");
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(lon, f.properties.id).toBeGreaterThanOrEqual(west!);
      expect(lon, f.properties.id).toBeLessThanOrEqual(east!);
      expect(lat, f.properties.id).toBeGreaterThanOrEqual(south!);
      expect(lat, f.properties.id).toBeLessThanOrEqual(north!);
      expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
      expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
      expect(booleanPointInPolygon(f.geometry, county), f.properties.id).toBe(true);
    }
  });

  it("use unique 12-digit ids in each layer, equal to the feature id and sorted", () => {
    for (const layer of [committed.settlements, committed.sites]) {
      const ids = layer.features.map((f) => f.properties.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(ids);
      for (const f of layer.features) {
        expect(f.properties.id).toMatch(/^\d{12}$/);
        expect(f.id).toBe(f.properties.id);
      }
    }
  });

  it("hold 21 township seats, 漳溪乡's placed, with 仙塘镇 alone in the county-seat tier and each seat unit at its seat", () => {
    expect(committed.sites.features.length).toBe(21);
    expect(committed.sites.features.filter((f) => f.properties.placement === "placed").map((f) => f.properties.town)).toEqual(["漳溪乡"]);
    expect(committed.sites.features.filter((f) => f.properties.tier === "county seat").map((f) => f.properties.town)).toEqual(["仙塘镇"]);
    for (const site of committed.sites.features) {
      expect(site.properties.name).toBe(`${site.properties.town} seat`);
      const atSeat = committed.settlements.features.filter((f) => f.properties.town_code === site.properties.id && f.properties.at_seat);
      expect(atSeat.length, site.properties.town).toBe(1);
      expect(atSeat[0]!.geometry.coordinates).toEqual(site.geometry.coordinates);
    }
  });

  it("weight urban units (code 1xx) by the census urban population per unit and name the allocation rule", () => {
    const { weights } = allocation;
    expect(weights.n_urban_units + weights.n_rural_units).toBe(284);
    for (const f of committed.settlements.features) {
      expect(f.properties.allocation).toBe(ALLOCATION_RULE);
      expect(Number.isInteger(f.properties.pupils_6_14)).toBe(true);
      expect(f.properties.ur_code).toMatch(/^[12]\d\d$/);
    }
    const mean = (urban: boolean) => {
      const fs = committed.settlements.features.filter((f) => f.properties.ur_code.startsWith("1") === urban);
      return fs.reduce((s, f) => s + f.properties.pupils_6_14, 0) / fs.length;
    };
    expect(mean(true) / mean(false)).toBeCloseTo(weights.urban / weights.rural, 1);
  });

  it("are in the stable format (formatGeoJson of the parsed file gives the same bytes)", () => {
    for (const file of DONGYUAN_FILES) expect(formatGeoJson(JSON.parse(readCommitted(file)))).toBe(readCommitted(file));
  });

  it("are documented in data/README.md with the source attribution verbatim, the county total and the rules", () => {
    const readme = readFileSync(resolve(DONGYUAN_OUTPUT_DIR, "../README.md"), "utf8");
    expect(readme.replace(/\n> ?/g, " ")).toContain(SOURCE_ATTRIBUTION);
    expect(readme).toContain("derive-dongyuan.ts");
    expect(readme).toContain("51,897");
    expect(readme).toContain("placement");
    expect(readme).toContain("areaKm2");
  });
});

describe("the illustrative Dongyuan status quo (examples/dongyuan/schools.ts)", () => {
  const { existing, candidates } = dongyuanSchools(committed.settlements as never, committed.sites as never);
  const props = existing.features.map((f) => f.properties as Record<string, unknown> & { type: string; tier: string; classes: Record<string, number> });
  const count = (type: string, tier: string) => props.filter((p) => p.type === type && p.tier === tier).length;

  it("has the three schools in every township, village complete primaries, teaching points and a county-seat junior school", () => {
    expect(count("kindergarten", "township")).toBe(21);
    expect(count("complete primary", "township") + count("nine-year", "township")).toBe(21);
    expect(count("complete primary", "village")).toBeGreaterThan(50);
    expect(count("teaching point", "village")).toBeGreaterThan(50);
    expect(count("junior", "county seat")).toBe(1);
    expect(props.filter((p) => p.tier === "township" && Number(p["beds"] ?? 0) > 0).length).toBeGreaterThanOrEqual(21);
  });

  it("has many small village schools (seats for under 100 pupils) and few candidate sites, none in villages", () => {
    const small = props.filter((p) => p.tier === "village" && p.type !== "kindergarten" && Object.values(p.classes).reduce((a, b) => a + b, 0) * (p.type === "teaching point" ? 30 : 45) < 100);
    expect(small.length).toBeGreaterThan(50);
    expect(candidates.features.length).toBeLessThanOrEqual(10);
    expect(candidates.features.every((f) => (f.properties as { tier: string }).tier !== "village")).toBe(true);
  });

  it("labels every made-up school and both collections illustrative", () => {
    for (const f of [...existing.features, ...candidates.features]) expect(f.properties!["illustrative"], String(f.id)).toBe(true);
    for (const c of [existing, candidates]) expect((c as unknown as { metadata: { description: string } }).metadata.description).toContain(SCHOOLS_LABEL);
  });
});

describe("largestRemainder and cohort6to14", () => {
  it("largestRemainder sums to the total and gives each share the floor or ceiling of its quota", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.array(fc.nat(1000), { minLength: 1, maxLength: 30 }), (total, raw) => {
        const weights = raw.some((w) => w > 0) ? raw : [...raw.slice(1), 1];
        const shares = largestRemainder(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        shares.forEach((s, i) => expect(Math.abs(s * sum - total * weights[i]!)).toBeLessThan(sum));
      }),
    );
  });

  it("largestRemainder gives ties to the earlier index", () => {
    expect(largestRemainder(5, [1, 1, 1])).toEqual([2, 2, 1]);
    expect(largestRemainder(18, [2, 1, 2])).toEqual([7, 4, 7]);
  });

  it("largestRemainder throws on a fractional total, a negative weight or all-zero weights", () => {
    expect(() => largestRemainder(1.5, [1])).toThrow(/total/);
    expect(() => largestRemainder(3, [1, -1])).toThrow(/weights/);
    expect(() => largestRemainder(3, [0, 0])).toThrow(/weights/);
  });

  it("cohort6to14 is 0.8 × ages 5–9 + ages 10–14, rounded to whole pupils", () => {
    expect(cohort6to14(AGE_5_9, AGE_10_14)).toEqual({ exact: 51897.2, whole: 51897 });
    expect(cohort6to14(10, 10)).toEqual({ exact: 18, whole: 18 });
  });
});

/** A three-township county: A (seat, holds 县城), B (seat), C (no seat; one unit with a point). */
function writeFixture(change: { villages?: (csv: string) => string; towns?: (json: string) => string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "dongyuan-fixture-"));
  const town = (code: string, name: string, n: number, lon: number, lat: number) => ({
    type: "Feature",
    properties: { town_code: code, town: name, n_village_units: n },
    geometry: { type: "Point", coordinates: [lon, lat] },
  });
  const towns = JSON.stringify({
    type: "FeatureCollection",
    features: [town("999999100000", "A镇", 2, 114.1, 23.1), town("999999101000", "B镇", 1, 114.2, 23.2)],
  });
  const villages = [
    "village_code,village,town_code,town,ur_code,lon_gcj02,lat_gcj02,lon_wgs84,lat_wgs84",
    "999999100001,县城社区,999999100000,A镇,121,,,114.11,23.11",
    "999999100201,甲村委会,999999100000,A镇,220,,,,",
    "999999101201,乙村委会,999999101000,B镇,220,,,,",
    "999999200201,丙村委会,999999200000,C乡,220,,,114.3,23.3",
    "999999200202,丁村委会,999999200000,C乡,220,,,,",
  ].join("\n");
  const square = [[[114, 23], [114.5, 23], [114.5, 23.5], [114, 23.5], [114, 23]]];
  square[0]![1] = [114.50000004, 23.00000006];
  writeFileSync(join(dir, "census2020.json"), JSON.stringify({ code: "999999", age_1_4: 8, age_5_9: 10, age_10_14: 10, pop_urban: 10, pop_rural: 40 }));
  writeFileSync(join(dir, "towns_wgs84.geojson"), change.towns ? change.towns(towns) : towns);
  writeFileSync(join(dir, "villages_adcode2016.csv"), change.villages ? change.villages(villages) : villages);
  writeFileSync(join(dir, "boundary_wgs84.geojson"), JSON.stringify({
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: { county: "X县" }, geometry: { type: "Polygon", coordinates: square } }],
  }));
  return dir;
}

function withFixture<T>(run: (dir: string) => T, change?: Parameters<typeof writeFixture>[0]): T {
  const dir = writeFixture(change);
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("deriveDongyuan on a synthetic county", () => {
  it("gives every unit a point: source points kept, a seat placed for C乡, the other units on spirals inside the county", () => {
    const data = withFixture((dir) => deriveDongyuan(dir));
    const rows = data.settlements.features.map((f) => {
      const p = f.properties;
      return [p.id, p.placement, p.town_code, p.pupils_6_14];
    });
    // weights: urban 10 × 4 rural units = rural 40 × 1 urban unit, so 18 pupils split 4, 4, 4, 3, 3 in code order
    expect(rows).toEqual([
      ["999999100001", "source", "999999100000", 4],
      ["999999100201", "placed", "999999100000", 4],
      ["999999101201", "placed", "999999101000", 4],
      ["999999200201", "source", "999999200000", 3],
      ["999999200202", "placed", "999999200000", 3],
    ]);
    const square = data.boundary.features[0] as Feature<Polygon>;
    for (const f of [...data.settlements.features, ...data.sites.features]) expect(booleanPointInPolygon(f.geometry, square), f.properties.id).toBe(true);
    const a = data.settlements.metadata.allocation!;
    expect([a.county_pupils_6_14, a.pupils_in_settlements, a.townships, a.village_level_units, a.left_out.length]).toEqual([18, 18, 3, 5, 0]);
    expect(data.sites.features.map((f) => [f.properties.id, f.properties.tier, f.properties.placement])).toEqual([
      ["999999100000", "county seat", "source"],
      ["999999101000", "township", "source"],
      ["999999200000", "township", "placed"],
    ]);
    const areas = data.settlements.metadata.area!;
    expect(Math.abs(areas.townships.reduce((s, t) => s + t.areaKm2, 0) - areas.county_km2)).toBeLessThan(0.5);
    const ring = (data.boundary.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(ring[1]).toEqual([114.5, 23]);
  });

  it("unitWeights weighs urban units by pop_urban ÷ n_urban against rural ones by pop_rural ÷ n_rural", () => {
    expect(unitWeights(["121", "220", "220"], 60, 60)).toEqual({ weights: [120, 60, 60], urban: 120, rural: 60 });
    expect(() => unitWeights(["12"], 1, 1)).toThrow(/urban-rural code/);
  });

  it("returns the same bytes on every run", () => {
    const text = (d: DongyuanDataset) => [d.settlements, d.sites, d.boundary].map(formatGeoJson).join("");
    withFixture((dir) => expect(text(deriveDongyuan(dir))).toBe(text(deriveDongyuan(dir))));
  });

  it("throws InputError naming towns_wgs84.geojson and n_village_units when a count disagrees with the village table", () => {
    const towns = (json: string) => json.replace('"n_village_units":1', '"n_village_units":4');
    expect(() => withFixture((dir) => deriveDongyuan(dir), { towns })).toThrow(InputError);
    expect(() => withFixture((dir) => deriveDongyuan(dir), { towns })).toThrow(
      /towns_wgs84\.geojson \(id "999999101000"\), "n_village_units": must equal the 1 rows.*got 4/,
    );
  });

  it("throws InputError naming the row and field when a village has a longitude but no latitude", () => {
    const villages = (csv: string) => csv.replace("114.3,23.3", "114.3,");
    expect(() => withFixture((dir) => deriveDongyuan(dir), { villages })).toThrow(
      /villages_adcode2016\.csv 3 \(id "999999200201"\), "lat_wgs84"/,
    );
  });

  it("throws InputError when no village-level unit names the county seat (县城)", () => {
    const villages = (csv: string) => csv.replace("县城社区", "城东社区");
    expect(() => withFixture((dir) => deriveDongyuan(dir), { villages })).toThrow(/县城/);
  });
});

const sharedAbsent = !existsSync(DONGYUAN_SOURCE_DIR);
const mustRun = process.env.CI === "true";
if (sharedAbsent && !mustRun) console.warn(`skipping the Dongyuan re-derivation: ${DONGYUAN_SOURCE_DIR} not found`);

describe.skipIf(sharedAbsent && !mustRun)(
  `re-deriving from ../shared/data/dongyuan_441625${sharedAbsent ? " (absent: skipped, or failing in CI)" : ""}`,
  () => {
    it("reproduces the committed settlements, sites and boundary byte for byte", () => {
      expect(existsSync(DONGYUAN_SOURCE_DIR), `${DONGYUAN_SOURCE_DIR} must exist when CI=true`).toBe(true);
      const data = deriveDongyuan();
      const layers: FeatureCollection[] = [data.settlements, data.sites, data.boundary];
      DONGYUAN_FILES.forEach((file, i) => expect(formatGeoJson(layers[i]), file).toBe(readCommitted(file)));
    });

    it("derives 284 demand points and 21 seats from the shared sources, the same bytes on every run", () => {
      const text = (d: DongyuanDataset) => [d.settlements, d.sites, d.boundary].map(formatGeoJson).join("");
      const first = deriveDongyuan();
      expect(first.settlements.features.length).toBe(284);
      expect(first.sites.features.length).toBe(21);
      expect(text(deriveDongyuan())).toBe(text(first));
    });
  },
);

describe("levelCohorts", () => {
  it("splits the census bands into level cohorts with even ages inside a band", () => {
    // 0.5 × 17536 + 0.2 × 27624 = 14292.8; 0.6 × 27624 = 16574.4; 0.2 × 27624 + 0.4 × 29798 = 17444; 0.6 × 29798 = 17878.8
    expect(levelCohorts(17536, 27624, 29798)).toEqual({ kindergarten: 14293, primary1to3: 16574, primary4to6: 17444, junior: 17879 });
  });
});
