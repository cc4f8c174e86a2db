import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseYears } from "../../src/cli/projectCommand.ts";
import { run } from "./runCli.ts";

const folder = await mkdtemp(join(tmpdir(), "school-layout-project-"));
const settlements = new URL("../../data/dongyuan/settlements.geojson", import.meta.url).pathname;

describe("school-layout project", () => {
  it("--county alone: one row per year and scenario for the county, JSON and CSV, and a summary per scenario", async () => {
    const out = join(folder, "county.json");
    const csv = join(folder, "county.csv");
    const result = await run("project", "--county", "441625", "--years", "2020..2035", "--out", out, "--csv", csv);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^441625 东源县: 3 scenario\(s\), 16 year\(s\), the county as one place/);
    expect(result.stdout).toMatch(/medium 2020 → 2035: kindergarten 12,474 → [\d,]+, primary1to3 16,574 → /);
    const file = JSON.parse(await readFile(out, "utf8"));
    expect(file.type).toBe("school-layout projection");
    expect(file.note).toMatch(/projection, not data/);
    expect(file.rows).toHaveLength(3 * 16);
    expect(new Set(file.rows.map((r: { place: string }) => r.place))).toEqual(new Set(["441625"]));
    const base = file.rows.find((r: { year: number; scenario: string }) => r.year === 2020 && r.scenario === "high");
    expect(base.ages).toHaveLength(20);
    expect(base.ages.slice(5, 10).reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(27624, 1);
    expect(Object.keys(base.enrolment)).toEqual(["kindergarten", "primary1to3", "primary4to6", "junior", "senior"]);
    const lines = (await readFile(csv, "utf8")).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 48);
    expect(lines[0]).toBe(`place,year,scenario,${Array.from({ length: 20 }, (_, a) => `age_${a}`).join(",")},kindergarten,primary1to3,primary4to6,junior,senior`);
  });

  it("--settlements: one row per settlement, year and scenario, labelled an allocation, summing to the county", async () => {
    const out = join(folder, "settlements.json");
    const result = await run("project", "--county", "东源县", "--settlements", settlements, "--years", "2025,2030", "--scenario", "medium", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const file = JSON.parse(await readFile(out, "utf8"));
    expect(file.rows).toHaveLength(284 * 2);
    expect(file.allocation).toMatch(/^allocation, not data/);
    const county = JSON.parse(await readFile(join(folder, "county.json"), "utf8"));
    const total = file.rows.filter((r: { year: number }) => r.year === 2030).reduce((s: number, r: { enrolment: { junior: number } }) => s + r.enrolment.junior, 0);
    const one = county.rows.find((r: { year: number; scenario: string }) => r.year === 2030 && r.scenario === "medium");
    expect(total).toBeCloseTo(one.enrolment.junior, 0);
  });

  it("takes a census file, the county's own births and a scenario file", async () => {
    const census = join(folder, "census.json");
    const births = join(folder, "births.csv");
    const scenario = join(folder, "fast.json");
    await writeFile(census, JSON.stringify({ name: "示例县 (illustrative)", bands: [100, 400, 500, 500, 500] }));
    await writeFile(births, "year,births\r\n2021,90\r\n2022,80\r\n");
    await writeFile(scenario, JSON.stringify({ id: "fast", birthsGrowth: -0.1, migration: { outOfCounty: { "2021": 0.02, "2030": 0 } } }));
    const out = join(folder, "census-out.json");
    const result = await run("project", "--census", census, "--births", births, "--scenario", `${scenario},high`, "--years", "2022", "--out", out);
    expect(result.stderr).toBe("");
    const file = JSON.parse(await readFile(out, "utf8"));
    expect(file.scenarios.map((s: { id: string }) => s.id)).toEqual(["fast", "high"]);
    expect(file.births.known["2022"]).toBe(80);
    const fast = file.rows.find((r: { scenario: string }) => r.scenario === "fast");
    // Born 2022, less 2 % who left that year.
    expect(fast.ages[0]).toBeCloseTo(80 * 0.9973 * 0.98, 2);
  });

  it("bad input: one line naming the flag or field and the value", async () => {
    const out = join(folder, "bad.json");
    const typo = join(folder, "typo.json");
    const future = join(folder, "future.csv");
    const twice = join(folder, "twice.csv");
    const bare = join(folder, "bare.json");
    await writeFile(typo, JSON.stringify({ id: "t", birthsGrowth: -0.02, migrations: { outOfCounty: 0.05 } }));
    await writeFile(future, "year,births\n2060,500\n");
    const builtIn = join(folder, "builtin.json");
    await writeFile(builtIn, JSON.stringify({ id: "low", birthsGrowth: -0.1, migration: {} }));
    const still = join(folder, "still.json");
    await writeFile(still, JSON.stringify({ id: "still", birthsGrowth: 0 }));
    const skipping = join(folder, "skipping.csv");
    await writeFile(skipping, "year,births\n2021,3100\n2023,2900\n");
    await writeFile(twice, "year,births\n2021,500\n2021,600\n");
    await writeFile(bare, JSON.stringify({ bands: [100, 400, 500, 500, 500] }));
    const cases: [string[], RegExp][] = [
      [["--county", "999999", "--years", "2020", "--out", out], /"--county": is not a Guangdong census unit.*got "999999"/],
      [["--years", "2020", "--out", out], /give exactly one of --county CODE and --census FILE/],
      [["--county", "441625", "--years", "2019..2025", "--out", out], /years must lie in 2020\.\.2050, got 2019/],
      [["--county", "441625", "--years", "2020", "--scenario", "worst", "--out", out], /--scenario "worst": must be low, medium, high or a scenario \.json file/],
      [["--county", "441625", "--years", "2020", "--out", join(folder, "x.txt")], /--out ".*x\.txt": must end in \.json/],
      [["--county", "441625", "--years", "2020", "--weights", "units", "--out", out], /--weights and --county-seat need --settlements/],
      [["--county", "441625", "--years", "2020", "--settlements", settlements, "--weights", "area", "--out", out], /--weights "area": must be urbanRural, units or property:NAME/],
      [["--county", "441625", "--years", "2020", "--settlements", settlements, "--weights", "property:nope", "--out", out], /--settlements .*settlements\.geojson 0 \(id "441625100001"\), "nope": must be a weight ≥ 0/],
      [["--county", "440106", "--years", "2020", "--settlements", settlements, "--out", out], /"id": is an NBS code of another county: no settlement's code begins with 440106 \(天河区\)/],
      [["--county", "441625", "--years", "2020", "--scenario", "low,,high", "--out", out], /--scenario "low,,high": an empty name between commas/],
      [["--county", "441625", "--years", "2020", "--scenario", typo, "--out", out], /"migrations": is not a scenario field/],
      [["--county", "441625", "--years", "2020..2030", "--births", future, "--out", out], /--births .*future\.csv, "year": leaves a gap after 2024: births are needed for every year from 2016 to the last year given, got 2060/],
      [["--county", "441625", "--years", "2020", "--births", twice, "--out", out], /--births .*twice\.csv row 3, "year": 2021 is given twice/],
      [["--county", "441625", "--years", "2020", "--scenario", builtIn, "--out", out], /builtin\.json, "id": is a built-in scenario's id \(low, medium, high\): name your own scenario differently, got "low"/],
      [["--county", "441625", "--years", "2020", "--scenario", still, "--out", out], /still\.json, "migration": is missing: give the yearly shares/],
      [["--county", "441625", "--years", "2020..2025", "--births", skipping, "--out", out], /--births .*skipping\.csv, "year": follows 2021: the county's own births must be consecutive years \(give 2022 too/],
      [["--county", "441625", "--years", "2020", "--settlements", settlements, "--county-seat", "不存在镇", "--out", out], /--county-seat "不存在镇": matches no settlement's town_code or town in .*settlements/],
      [["--census", bare, "--years", "2020", "--settlements", settlements, "--out", out], /needs the census urban and rural population/],
    ];
    for (const [args, message] of cases) {
      const result = await run("project", ...args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("reads settlements from a table without coordinates, and warns when no county seat is found", async () => {
    const table = join(folder, "villages.csv");
    await writeFile(table, "id,town,ur_code,people\nA,T1,121,10\nB,T1,220,30\nC,T2,220,20\n");
    const out = join(folder, "table.json");
    const result = await run("project", "--county", "441625", "--settlements", table, "--weights", "property:people", "--years", "2020,2030", "--scenario", "medium", "--out", out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: no county-seat township found/);
    const file = JSON.parse(await readFile(out, "utf8"));
    expect(file.places).toEqual([{ id: "A", kind: "townshipSeat", township: "T1" }, { id: "B", kind: "rural", township: "T1" }, { id: "C", kind: "rural", township: "T2" }]);
    expect(file.countySeat).toBeNull();
    const base = file.rows.filter((r: { year: number }) => r.year === 2020);
    expect(base.map((r: { ages: number[] }) => r.ages[7])).toEqual([expect.closeTo(base[0].ages[7], 9), expect.closeTo(3 * base[0].ages[7], 2), expect.closeTo(2 * base[0].ages[7], 2)]);
    expect(file.births.sources["2020"]).toMatch(/estimate, not data/);
    expect(file.births.sources["2021"]).toMatch(/statistical bulletins/);
  });

  it("parseYears reads ranges and lists", () => {
    expect(parseYears("2020..2023,2030")).toEqual([2020, 2021, 2022, 2023, 2030]);
    expect(() => parseYears("2030..2020")).toThrow(/forwards/);
    expect(() => parseYears("twenty")).toThrow(/2020\.\.2035/);
  });
});
