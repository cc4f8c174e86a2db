/**
 * `school-layout generate county`: write a seeded synthetic county (boundary, settlements, schools, candidate
 * sites, roads as GeoJSON, and a README saying it is synthetic) to a folder that `school-layout plan` plans as it
 * comes. Node-only.
 * @module
 */
import { join } from "node:path";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { countyCandidateSites, generateCounty, type CountyOptions, type ResolvedCountyOptions, type SyntheticCounty } from "../synthetic/index.ts";
import { checkOutputPath, writeText } from "./files.ts";
import type { CliContext } from "./io.ts";
import { parsePositiveInteger, parsePositiveNumber } from "./parsers.ts";

/** The options `generate county` reads (commander's camel-cased names). */
export interface GenerateCountyCommandOptions {
  /** `--settlements N`: number of settlements (whole number ≥ 1). */
  readonly settlements: number;
  /** `--seed S`: the seed (whole number 0..4,294,967,295). */
  readonly seed: number;
  /** `--out DIR`: the folder to write (created if missing; files in it are overwritten). */
  readonly out: string;
  /** `--townships N`: number of townships, default from the settlement count. */
  readonly townships?: number;
  /** `--area KM2`: county area in km². */
  readonly area?: number;
  /** `--population N`: total population. */
  readonly population?: number;
  /** `--road-detail M`: largest road vertex spacing in metres. */
  readonly roadDetail?: number;
}

/** The files `generate county` writes, in order. */
export const GENERATED_FILES = ["boundary.geojson", "settlements.geojson", "schools.geojson", "candidates.geojson", "roads.geojson", "README.md"] as const;

/** Parses a whole number ≥ 0 (the seed). */
function parseSeed(text: string): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value > 4_294_967_295) {
    throw new InvalidArgumentError("must be a whole number in 0..4294967295");
  }
  return value;
}

/** Road segments (pairs of consecutive vertices) of a county's roads. */
function segmentCount(county: SyntheticCounty): number {
  return county.roads.features.reduce((sum, road) => sum + road.geometry.coordinates.length - 1, 0);
}

/**
 * The README written beside the GeoJSON: says plainly that the data is synthetic, with the seed, the parameters,
 * what each file holds and how to plan it.
 * @param county - the generated county
 * @param candidateCount - the number of candidate sites written (default: those {@link countyCandidateSites} makes)
 */
export function syntheticReadme(county: SyntheticCounty, candidateCount = countyCandidateSites(county).features.length): string {
  const p: ResolvedCountyOptions = county.metadata.parameters;
  const totals = county.settlements.features.reduce(
    (sum, { properties: s }) => ({ population: sum.population + s.population, pupils: sum.pupils + s.kindergarten + s.primary1to3 + s.primary4to6 + s.junior + s.senior }),
    { population: 0, pupils: 0 },
  );
  return [
    `# Synthetic county (seed ${p.seed})`,
    "",
    "**SYNTHETIC DATA.** Everything in this folder was made up by `school-layout generate county` (the",
    "`generateCounty` function of school-layout) from a seed. It describes no real place: the boundary, settlements,",
    "names, populations, pupils, schools, candidate sites and roads are all invented, to look like a mountainous county of northern",
    "Guangdong for tests, examples and benchmarks. Every feature has `synthetic: true`; every file has a `metadata`",
    "member with the seed and parameters. The same parameters give the same files, byte for byte.",
    "",
    "## Parameters",
    "",
    `- settlements: ${p.settlements}`,
    `- seed: ${p.seed}`,
    `- townships: ${p.townships}`,
    `- area: ${p.areaKm2} km²`,
    `- centre: ${p.center[0]}, ${p.center[1]} (longitude, latitude, WGS-84)`,
    `- population: ${p.population} (people, total; ${totals.pupils} children of school ages 3–17)`,
    `- road detail: ${p.roadDetail} m (largest spacing of road vertices)`,
    "",
    "Regenerate with:",
    "",
    "```",
    `school-layout generate county --settlements ${p.settlements} --seed ${p.seed} --townships ${p.townships} --area ${p.areaKm2} --population ${p.population} --road-detail ${p.roadDetail} --out DIR`,
    "```",
    "",
    "## Files (GeoJSON, WGS-84 longitude/latitude)",
    "",
    "- `boundary.geojson`: one Polygon, the county outline (`id`, `name`, `areaKm2`).",
    `- \`settlements.geojson\`: ${county.settlements.features.length} Points: \`id\`, \`name\`, \`kind\` (county seat, township seat, village), \`township\` (id), \`population\` (people), and children per school level named by the level ids \`kindergarten\` (ages 3–5), \`primary1to3\` (6–8), \`primary4to6\` (9–11), \`junior\` (12–14), \`senior\` (15–17), from age shares of the 2020 census of Guangdong's northern mountain counties.`,
    `- \`schools.geojson\`: ${county.schools.features.length} Points, existing schools at the county seat and the township seats: \`id\`, \`name\`, \`type\` (kindergarten, complete primary, nine-year, junior, complete secondary), \`tier\` (county seat, township), \`settlement\`, \`township\`, \`classes\` per level id (seats = classes × 30 / 45 / 50 pupils), \`beds\` (boarding).`,
    `- \`candidates.geojson\`: ${candidateCount} Points, candidate sites for new schools (\`existing: false\`; the plan decides which to build), with the schools' properties (\`id\` C-<settlement>-<ny|cp|tp|kg>, \`name\`, \`type\`, \`tier\`, \`settlement\`, \`township\`, \`maxAddedClassrooms\`, \`maxAddedBeds\`) and \`purpose\` (why it is a candidate): new central schools at the county seat (a complete primary, a kindergarten) and at each township seat (a boarding nine-year school with up to 400 beds, a central kindergarten); village kindergartens and teaching points (complete primaries where the pupils within reach exceed four classes) within 1,000 m of every settlement no existing school serves on foot (a greedy cover), so that kindergarten and grades 1–3 can stay within their day-travel limits; a complete primary at each township's largest village. A planner's first sketch, not a recommendation.`,
    `- \`roads.geojson\`: ${county.roads.features.length} LineStrings (${segmentCount(county)} segments) with OSM-style \`highway\` (primary, secondary, tertiary, unclassified, track) and \`maxspeed\` (km/h) where posted; no one-way roads. Lines connect only where they share a vertex; the network is connected and every settlement is a road vertex.`,
    "- `README.md`: this file.",
    "",
    "## Plan it",
    "",
    "The folder plans as it comes (travel by the labelled straight-line fallback; add `--roads DIR/roads.geojson` for travel on the roads):",
    "",
    "```",
    "school-layout plan --settlements DIR/settlements.geojson --schools DIR/schools.geojson --candidates DIR/candidates.geojson --time-limit 60 --out DIR/plan",
    "```",
    "",
  ].join("\n");
}

async function runGenerateCounty(options: GenerateCountyCommandOptions, context: CliContext): Promise<void> {
  const countyOptions: CountyOptions = {
    settlements: options.settlements,
    seed: options.seed,
    ...(options.townships === undefined ? {} : { townships: options.townships }),
    ...(options.area === undefined ? {} : { areaKm2: options.area }),
    ...(options.population === undefined ? {} : { population: options.population }),
    ...(options.roadDetail === undefined ? {} : { roadDetail: options.roadDetail }),
  };
  for (const file of GENERATED_FILES) await checkOutputPath(join(options.out, file), "--out");
  const county = generateCounty(countyOptions);
  const candidates = countyCandidateSites(county);
  const layers = [county.boundary, county.settlements, county.schools, candidates, county.roads];
  for (let k = 0; k < layers.length; k++) await writeText(join(options.out, GENERATED_FILES[k]!), `${JSON.stringify(layers[k])}\n`, "--out");
  await writeText(join(options.out, "README.md"), syntheticReadme(county, candidates.features.length), "--out");
  const p = county.metadata.parameters;
  context.streams.stdout.write(
    `synthetic county (seed ${p.seed}): ${county.settlements.features.length} settlements in ${p.townships} townships, ` +
      `${county.schools.features.length} schools, ${candidates.features.length} candidate sites, ${county.roads.features.length} roads (${segmentCount(county)} segments), ` +
      `${p.areaKm2} km², ${p.population} people → ${options.out}\n`,
  );
}

/** Registers `generate` (with its subcommand `county`) on the program. */
export function registerGenerateCommand(program: Command, context: CliContext): void {
  const generate = program.command("generate").description("generate synthetic data (labelled synthetic) for tests, examples and benchmarks");
  generate
    .command("county")
    .description("write a seeded synthetic mountainous county that `plan` plans as it comes: boundary, settlements with pupils, schools, candidate sites, roads (GeoJSON) and a README")
    .requiredOption("--settlements <n>", "number of settlements (county seat, township seats, villages)", parsePositiveInteger)
    .requiredOption("--seed <s>", "seed of the generator, a whole number 0..4294967295 (same seed, same files)", parseSeed)
    .requiredOption("--out <dir>", "folder to write boundary.geojson, settlements.geojson, schools.geojson, candidates.geojson, roads.geojson, README.md")
    .option("--townships <n>", "number of townships (default: settlements ÷ 15, between 3 and 30)", parsePositiveInteger)
    .option("--area <km2>", "county area in km² (default: 13 per settlement, between 2000 and 4000)", parsePositiveNumber)
    .option("--population <n>", "total population (default: 1200 per settlement, at most 500000)", parsePositiveInteger)
    .option("--road-detail <metres>", "largest spacing of road vertices in metres (default 250; smaller: more segments)", parsePositiveNumber)
    .action((options: GenerateCountyCommandOptions) => runGenerateCounty(options, context));
}
