/**
 * `school-layout project`: the school-age population of a county, year by year under scenarios, as JSON rows and
 * optionally CSV. Node-only.
 * @module
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { FeatureCollection, Geometry } from "geojson";
import { projectionFile, projectionTable } from "../io/projectionFile.ts";
import { tableToCsv } from "../io/planTables.ts";
import { LEVELS } from "../norms/levels.ts";
import {
  censusUnitFromRecord,
  guangdongCensusUnit,
  LAST_PROJECTION_YEAR,
  projectCounty,
  projectionTotals,
  SCENARIOS,
  scenarioFromRecord,
  settlementPlaces,
  SPLIT_RULES,
  type BirthsSeries,
  type CensusUnit,
  type Scenario,
  type SettlementPlaces,
  type SettlementWeighting,
  type SplitRule,
} from "../population/index.ts";
import { parseCsvRows, type TableRows } from "../io/tableLayers.ts";
import { readSheetRows } from "../io/xlsx.node.ts";
import { checkOutputPath, explainLayerError, readJson, readLayer, readText, writeText, type LayerFile } from "./files.ts";
import { InputError } from "../errors.ts";
import { CliError, type CliContext } from "./io.ts";
import { parseChoice, parseYearList } from "./parsers.ts";

/** The options of `project`, as commander parses them. */
export interface ProjectCommandOptions {
  readonly county?: string;
  readonly census?: string;
  readonly births?: string;
  readonly scenario: string;
  readonly years: readonly number[];
  readonly settlements?: string;
  readonly weights?: string;
  readonly countySeat?: string;
  readonly split: SplitRule;
  readonly out: string;
  readonly csv?: string;
}

/** Parses `--years` of `project`: years from 2020 to {@link LAST_PROJECTION_YEAR}, e.g. `2020..2035` or `2025,2030`. */
export const parseYears = parseYearList("years", 2020, LAST_PROJECTION_YEAR);

async function readScenarios(text: string): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    if (part === "") throw new CliError(`--scenario "${text}": an empty name between commas`);
    if (part === "low" || part === "medium" || part === "high") scenarios.push(SCENARIOS[part]);
    else if (/\.json$/i.test(part)) scenarios.push(scenarioFromRecord(await readJson(part, "--scenario"), `--scenario ${part}`));
    else throw new CliError(`--scenario "${part}": must be low, medium, high or a scenario .json file`);
  }
  if (scenarios.length === 0) throw new CliError("--scenario: name at least one scenario");
  return scenarios;
}

/** Reads `--births`: a CSV with `year` and `births` columns, or JSON `{"2021": 3200, …}` or `[{year, births}]`. */
async function readBirths(path: string): Promise<BirthsSeries> {
  const source = `--births ${path}`;
  const series: Record<number, number> = {};
  const add = (year: unknown, births: unknown, where: string): void => {
    const y = typeof year === "string" && /^\s*\d{4}\s*$/.test(year) ? Number(year) : year;
    const b = typeof births === "string" && births.trim() !== "" ? Number(births) : births;
    if (typeof y !== "number" || !Number.isInteger(y)) throw new CliError(`${source} ${where}, "year": must be a 4-digit year, got ${JSON.stringify(year)}`);
    if (typeof b !== "number" || !Number.isFinite(b) || b < 0) throw new CliError(`${source} ${where} (year ${y}), "births": must be a number ≥ 0, got ${JSON.stringify(births)}`);
    if (series[y] !== undefined) throw new CliError(`${source} ${where}, "year": ${y} is given twice`);
    series[y] = b;
  };
  if (/\.csv$/i.test(path)) {
    const table = parseCsvRows(await readText(path, "--births"), source);
    const header = table.header.map((h) => h.trim().toLowerCase());
    const yi = header.indexOf("year");
    const bi = header.indexOf("births");
    if (yi < 0 || bi < 0) throw new CliError(`${source}: the header must name "year" and "births" columns, got ${JSON.stringify(table.header.join(","))}`);
    for (const row of table.rows) add(row.cells[yi], row.cells[bi], `row ${row.rowNumber}`);
  } else {
    const value = await readJson(path, "--births");
    if (Array.isArray(value)) value.forEach((e, i) => add((e as Record<string, unknown>)?.["year"], (e as Record<string, unknown>)?.["births"], `entry ${i}`));
    else if (typeof value === "object" && value !== null) Object.entries(value).forEach(([year, births]) => add(year, births, `entry "${year}"`));
    else throw new CliError(`${source}: must be {"2021": 3200, …}, [{"year": 2021, "births": 3200}, …] or a CSV with year,births`);
  }
  if (Object.keys(series).length === 0) throw new CliError(`${source}: holds no births`);
  return series;
}

/**
 * Reads `--settlements` for a projection: a GeoJSON layer, or a table (CSV, .xlsx) whose rows become features by
 * their columns — a projection needs no coordinates, so tables need no longitude/latitude columns here.
 */
async function readSettlements(path: string): Promise<{ collection: FeatureCollection<Geometry | null>; name: string; layer?: LayerFile }> {
  const name = `--settlements ${path}`;
  let table: TableRows | undefined;
  if (/\.csv$/i.test(path)) table = parseCsvRows(await readText(path, "--settlements"), name);
  else if (/\.xlsx(#.*)?$/i.test(path)) {
    const [file, sheet] = path.split("#") as [string, string | undefined];
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      throw new CliError(`--settlements "${file}": ${(error as { code?: string }).code === "ENOENT" ? "no such file" : (error as Error).message}`);
    }
    table = await readSheetRows(bytes, name, sheet);
  }
  if (table === undefined) {
    const layer = await readLayer(path, "--settlements");
    return { collection: layer.collection as FeatureCollection<Geometry | null>, name: layer.name, layer };
  }
  const header = table.header;
  const features = table.rows.map((row) => ({
    type: "Feature" as const,
    geometry: null,
    properties: Object.fromEntries(header.flatMap((column, k) => (row.cells[k] === undefined ? [] : [[column, row.cells[k]]]))),
  }));
  return { collection: { type: "FeatureCollection", features }, name };
}

function parseWeights(text: string | undefined): SettlementWeighting | undefined {
  if (text === undefined) return undefined;
  if (text === "urbanRural" || text === "units") return text;
  const property = /^property:(.+)$/.exec(text)?.[1];
  if (property !== undefined) return { property };
  throw new CliError(`--weights "${text}": must be urbanRural, units or property:NAME`);
}

async function censusUnit(options: ProjectCommandOptions): Promise<CensusUnit> {
  if ((options.county === undefined) === (options.census === undefined)) throw new CliError("give exactly one of --county CODE and --census FILE");
  if (options.county !== undefined) return guangdongCensusUnit(options.county, "--county");
  const path = options.census as string;
  return censusUnitFromRecord(await readJson(path, "--census"), `--census ${path}`);
}

function format(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

async function runProject(options: ProjectCommandOptions, context: CliContext): Promise<void> {
  if (!/\.json$/i.test(options.out)) throw new CliError(`--out "${options.out}": must end in .json`);
  await checkOutputPath(options.out, "--out");
  if (options.csv !== undefined) {
    if (!/\.csv$/i.test(options.csv)) throw new CliError(`--csv "${options.csv}": must end in .csv`);
    await checkOutputPath(options.csv, "--csv");
  }
  const unit = await censusUnit(options);
  const scenarios = await readScenarios(options.scenario);
  const births = options.births === undefined ? undefined : await readBirths(options.births);
  const birthsSource = options.births === undefined ? undefined : `--births ${options.births}`;
  const weighting = parseWeights(options.weights);
  let settlements: SettlementPlaces | undefined;
  if (options.settlements !== undefined) {
    const read = await readSettlements(options.settlements);
    try {
      settlements = settlementPlaces(read.collection, unit, {
        source: read.name,
        ...(weighting === undefined ? {} : { weighting }),
        ...(options.countySeat === undefined ? {} : { countySeat: options.countySeat }),
      });
    } catch (error) {
      if (error instanceof InputError && error.location.field === "countySeat") throw new CliError(`--county-seat ${JSON.stringify(options.countySeat)}: ${error.problem} in ${options.settlements}`);
      throw read.layer === undefined ? error : explainLayerError(error, [read.layer]);
    }
    if (settlements.countySeat === null && !settlements.places.some((place) => place.kind === "countySeat")) {
      context.streams.stderr.write(`school-layout: warning: no county-seat township found (no settlement named 县城; give --county-seat TOWN): no child moves to a county seat\n`);
    }
  } else if (weighting !== undefined || options.countySeat !== undefined) {
    throw new CliError("--weights and --county-seat need --settlements");
  }
  const projection = projectCounty(unit, {
    years: options.years,
    scenarios,
    split: options.split,
    ...(births === undefined ? {} : { births, birthsSource: birthsSource! }),
    ...(settlements === undefined ? {} : { settlements: settlements.places, allocation: settlements.allocation }),
  });
  const file = projectionFile(projection, {
    ...(settlements === undefined ? {} : { places: settlements.places, countySeat: settlements.countySeat }),
    ...(births === undefined ? {} : { ownBirths: births }),
  });
  await writeText(options.out, `${JSON.stringify(file, null, 1)}\n`, "--out");
  if (options.csv !== undefined) await writeText(options.csv, tableToCsv(projectionTable(file)), "--csv");
  const out = context.streams.stdout;
  const where = settlements === undefined ? `the ${unit.level === "county" ? "county" : unit.level} as one place` : `${settlements.places.length} settlements (${settlements.allocation})`;
  const what = [unit.code, unit.name].filter((x) => x !== "").join(" ") || `the census of ${options.census}`;
  out.write(`${what}: ${scenarios.length} scenario(s), ${options.years.length} year(s), ${where}\n`);
  out.write(`births: ${projection.birthsRule}\n`);
  const first = options.years[0] as number;
  const last = options.years[options.years.length - 1] as number;
  const totals = projectionTotals(projection);
  for (const scenario of scenarios) {
    const at = (year: number) => totals.find((t) => t.scenario === scenario.id && t.year === year);
    const a = at(first);
    const b = at(last);
    if (a === undefined || b === undefined) continue;
    const levels = LEVELS.map((level) => `${level} ${format(a.enrolment[level])} → ${format(b.enrolment[level])}`).join(", ");
    out.write(`${scenario.id} ${first} → ${last}: ${levels}\n`);
  }
  out.write(`wrote ${options.out}${options.csv === undefined ? "" : ` and ${options.csv}`} (${file.rows.length} ${file.rows.length === 1 ? "row" : "rows"})\n`);
}

/** Registers `project` on the program. */
export function registerProjectCommand(program: Command, context: CliContext): void {
  program
    .command("project")
    .description("project a county's school-age population year by year under scenarios (ages 0-19 and pupils per level)")
    .option("--county <code>", "a Guangdong county unit by 6-digit code or name (bundled 2020 census), e.g. 441625 or 东源县")
    .option("--census <file>", "a JSON census of another place: ages (0-19), bands (0, 1-4, 5-9, 10-14, 15-19) or age_0 … age_15_19")
    .option("--births <file>", "the county's own births by year: CSV year,births or JSON {\"2021\": 3200, …}")
    .option("--scenario <list>", "scenarios, comma-separated: low, medium, high or a scenario .json file", "low,medium,high")
    .requiredOption("--years <years>", "years to report, e.g. 2020..2035 or 2025,2030,2035", parseYears)
    .option("--settlements <file>", "split the county over these settlements (GeoJSON, CSV or .xlsx) and migrate between them")
    .option("--weights <rule>", "how children are split over settlements: urbanRural, units or property:NAME")
    .option("--county-seat <town>", "the township (town_code or town) holding the county seat; default: the one with a 县城 unit")
    .option("--split <rule>", `how census bands become single years: ${SPLIT_RULES.join(", ")}`, parseChoice(SPLIT_RULES), "births")
    .requiredOption("--out <file>", "the projection .json to write")
    .option("--csv <file>", "also write the rows as a CSV table")
    .action((options: ProjectCommandOptions) => runProject(options, context));
}
