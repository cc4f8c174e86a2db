import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CENSUS_MODULE_PATH, CENSUS_SOURCE_DIR, censusModuleText, readGuangdongCensus } from "../../data/derive-guangdong-census.ts";
import { InputError } from "../../src/errors.ts";
import { CENSUS_BANDS, GUANGDONG_CENSUS_2020, GUANGDONG_PROVINCE_2020, censusUnitFromRecord, guangdongCensusUnit } from "../../src/population/index.ts";

const sharedPresent = existsSync(`${CENSUS_SOURCE_DIR}/guangdong_county_census2020.csv`);

describe("the bundled Guangdong 2020 census", () => {
  it("holds the province, 21 cities and 122 county units, with 东源县's bands as the census gives them", () => {
    expect(GUANGDONG_CENSUS_2020).toHaveLength(144);
    expect(GUANGDONG_CENSUS_2020.filter((u) => u.level === "county")).toHaveLength(122);
    expect(GUANGDONG_CENSUS_2020.filter((u) => u.level === "city")).toHaveLength(21);
    const dongyuan = guangdongCensusUnit("441625");
    expect(dongyuan).toMatchObject({ name: "东源县", city: "河源市", population: 348386, urban: 86903, rural: 261483 });
    expect(dongyuan.bands).toEqual([3292, 17536, 27624, 29798, 26542]);
    expect(guangdongCensusUnit("东源县")).toBe(dongyuan);
    // The province row sums the 153-column file's bands by sex: age 0 = 691,738 + 599,010.
    expect(GUANGDONG_PROVINCE_2020.bands[0]).toBe(1_290_748);
    expect(GUANGDONG_PROVINCE_2020.population).toBe(126_012_510);
  });

  it("each city's bands are the sum of its county units' (where it has any)", () => {
    for (const city of GUANGDONG_CENSUS_2020.filter((u) => u.level === "city")) {
      const counties = GUANGDONG_CENSUS_2020.filter((u) => u.level === "county" && u.code.slice(0, 4) === city.code.slice(0, 4));
      if (counties.length === 0) continue; // 东莞市, 中山市 have no county units
      CENSUS_BANDS.forEach((_, k) => expect(counties.reduce((s, u) => s + (u.bands[k] as number), 0)).toBe(city.bands[k]));
    }
  });

  it("says which unit a wrong or shared name could mean", () => {
    expect(() => guangdongCensusUnit("999999")).toThrow(InputError);
    expect(() => guangdongCensusUnit("nowhere")).toThrow(/"county": is not a Guangdong census unit.*got "nowhere"/);
    const names = GUANGDONG_CENSUS_2020.map((u) => u.name);
    const shared = names.find((n, i) => names.indexOf(n) !== i);
    if (shared !== undefined) expect(() => guangdongCensusUnit(shared)).toThrow(/give the code/);
  });

  it.skipIf(!sharedPresent && process.env.CI !== "true")("is what data/derive-guangdong-census.ts writes from ../shared/data", () => {
    if (!sharedPresent) throw new Error(`the census files are absent from ${CENSUS_SOURCE_DIR}`);
    expect(censusModuleText(readGuangdongCensus())).toBe(readFileSync(CENSUS_MODULE_PATH, "utf8"));
  });
});

describe("censusUnitFromRecord", () => {
  it("reads the census2020.json shape, bands, and single years", () => {
    const fromKeys = censusUnitFromRecord({ code: "441625", county: "东源县", pop_total: 10, pop_urban: 4, pop_rural: 6, age_0: "1", age_1_4: 4, age_5_9: 5, age_10_14: 5, age_15_19: 5 }, "c.json");
    expect(fromKeys).toMatchObject({ code: "441625", name: "东源县", population: 10, urban: 4, rural: 6, bands: [1, 4, 5, 5, 5] });
    expect(censusUnitFromRecord({ bands: [1, 2, 3, 4, 5] }, "c.json").population).toBe(15);
    const ages = Array.from({ length: 20 }, (_, a) => a);
    const single = censusUnitFromRecord({ ages }, "c.json");
    expect(single.bands).toEqual([0, 1 + 2 + 3 + 4, 5 + 6 + 7 + 8 + 9, 10 + 11 + 12 + 13 + 14, 15 + 16 + 17 + 18 + 19]);
    expect(single.singleYears).toEqual(ages);
  });

  it("names the field and the value of bad input", () => {
    expect(() => censusUnitFromRecord([], "c.json")).toThrow(/c\.json, "\(file\)"/);
    expect(() => censusUnitFromRecord({ bands: [1, 2, 3] }, "c.json")).toThrow(/"bands": must be an array of 5 counts/);
    expect(() => censusUnitFromRecord({ age_0: 1, age_1_4: 2 }, "c.json")).toThrow(/"age_5_9": is missing/);
    expect(() => censusUnitFromRecord({ bands: [1, -2, 3, 4, 5] }, "c.json")).toThrow(/"bands\[1\]": must be a finite number ≥ 0, got -2/);
    expect(() => censusUnitFromRecord({ name: "x" }, "c.json")).toThrow(/"ages": is missing/);
    expect(() => censusUnitFromRecord({ ages: new Array(20).fill(1), bands: [1, 4, 5, 5, 5] }, "c.json")).toThrow(/"ages, bands": give the ages one way only/);
  });
});
