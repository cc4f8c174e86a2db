/**
 * `school-layout communities`: urban–rural education communities ({@link formCommunities}) from a layer of
 * schools or a plan's open schools, written as GeoJSON (schools with their community and role, links, outlines),
 * with a map (`--map`, SVG or PNG) and a report (`--report`, HTML) on request. Node only.
 * @module
 */
import type { Command } from "commander";
import { formCommunities } from "../communities/formCommunities.ts";
import type { CommunityOptions, CommunityPlan } from "../communities/communityTypes.ts";
import { communitiesToGeoJSON } from "../io/communitiesGeoJSON.ts";
import type { CoordinateSystem } from "../io/coordinateSystem.ts";
import { renderCommunityMap } from "../render/map/communityMap.ts";
import { LANGUAGES, type Language } from "../render/messages/common.ts";
import { messagesFor } from "../render/messages/index.ts";
import { svgToPng } from "../render/png.node.ts";
import { communityReportHtml } from "../render/report/communityReport.ts";
import type { TravelMode } from "../travel/index.ts";
import { readCommunitySchools, readNeighbours } from "./communitySchools.ts";
import { checkOutputPath, explainLayerError, writeBytes, writeText } from "./files.ts";
import { CliError, type CliContext } from "./io.ts";
import { plural } from "./words.ts";
import { parseChoice, parseNonNegativeNumber, parsePositiveInteger, parsePositiveNumber } from "./parsers.ts";
import { addTeacherTravelFlags, reportSolve, teacherTravelMinutes } from "./teacherTravel.ts";

/** Width in px of a `--map` PNG (twice the SVG's, for print). */
const MAP_PNG_WIDTH = 2000;

/** The options of `communities`, as commander parses them. */
export interface CommunitiesCommandOptions {
  readonly schools?: string;
  readonly plan?: string;
  readonly id?: string;
  readonly names?: string;
  readonly pupils?: string;
  readonly leadEligible?: string;
  readonly leadRequired?: string;
  readonly hubEligible?: string;
  readonly k?: number;
  readonly minK?: number;
  readonly fewest?: boolean;
  readonly maxLeadHubMinutes?: number;
  readonly maxHubMemberMinutes?: number;
  readonly allowDirect?: boolean;
  readonly minSchools?: number;
  readonly maxSchools?: number;
  readonly minPupils?: number;
  readonly maxPupils?: number;
  readonly township?: string;
  readonly keepTownshipsWhole?: boolean;
  readonly levels?: string;
  readonly matchLevels?: boolean;
  readonly neighbours?: string;
  readonly roads?: string;
  readonly costs?: string;
  readonly mode: TravelMode;
  readonly crs: CoordinateSystem;
  readonly timeLimit?: number;
  readonly json?: boolean;
  readonly map?: string;
  readonly report?: string;
  readonly lang: Language;
  readonly out: string;
}

async function runCommunities(options: CommunitiesCommandOptions, context: CliContext): Promise<void> {
  if (!/\.(geojson|json)$/i.test(options.out)) throw new CliError(`--out "${options.out}": must end in .geojson (the communities as GeoJSON)`);
  await checkOutputPath(options.out, "--out");
  if (options.map !== undefined) {
    if (!/\.(svg|png)$/i.test(options.map)) throw new CliError(`--map "${options.map}": must end in .svg or .png (the format of the map)`);
    await checkOutputPath(options.map, "--map");
  }
  if (options.report !== undefined) {
    if (!/\.html?$/i.test(options.report)) throw new CliError(`--report "${options.report}": must end in .html (the report is an HTML page)`);
    await checkOutputPath(options.report, "--report");
  }
  if (options.township !== undefined && options.keepTownshipsWhole !== true) throw new CliError(`--township ${options.township}: goes with --keep-townships-whole (it names the property that keeps townships whole)`);
  if (options.levels !== undefined && options.matchLevels !== true) throw new CliError(`--levels ${options.levels}: goes with --match-levels (it names the levels that links must share)`);
  for (const [low, high, noun] of [[options.minSchools, options.maxSchools, "schools"], [options.minPupils, options.maxPupils, "pupils"]] as const) {
    if (low !== undefined && high !== undefined && high < low) throw new CliError(`--max-${noun} ${high}: must be at least --min-${noun} (${low})`);
  }
  if (options.costs !== undefined && options.roads !== undefined) throw new CliError("give --costs or --roads, not both");
  if (options.k !== undefined && options.minK !== undefined) throw new CliError("give --k (exactly) or --min-k (at least), not both");
  if (options.k !== undefined && options.fewest === true) throw new CliError("give --k (a count given) or --fewest (a count to find), not both");
  if (options.pupils === undefined && options.plan === undefined && (options.minPupils !== undefined || options.maxPupils !== undefined)) throw new CliError("--min-pupils and --max-pupils need --pupils PROP (the schools' pupils) or --plan (the plan's enrolment)");
  let plan: CommunityPlan;
  let basis: string;
  let rules: Omit<CommunityOptions, "travelMinutes">;
  let read: Awaited<ReturnType<typeof readCommunitySchools>> | undefined;
  try {
    read = await readCommunitySchools(options);
    const ids = read.schools.map((school) => school.id);
    const ends = { ids, coordinates: read.coordinates };
    const travel = await teacherTravelMinutes(options, ends, ends, { from: "from", to: "to" });
    basis = travel.basis;
    const given = <T>(value: T | undefined, name: string): Record<string, T> => (value === undefined ? {} : { [name]: value });
    rules = {
      ...given(options.k, "k"),
      ...given(options.minK, "minK"),
      ...given(options.fewest, "fewest"),
      ...given(options.maxLeadHubMinutes, "maxLeadHubMinutes"),
      ...given(options.maxHubMemberMinutes, "maxHubMemberMinutes"),
      ...given(options.allowDirect, "allowDirect"),
      ...given(options.minSchools, "minSchools"),
      ...given(options.maxSchools, "maxSchools"),
      ...given(options.minPupils, "minPupils"),
      ...given(options.maxPupils, "maxPupils"),
      ...given(options.keepTownshipsWhole, "keepTownshipsWhole"),
      ...given(options.matchLevels, "matchLevels"),
      ...(options.neighbours === undefined ? {} : { neighbours: await readNeighbours(options.neighbours, ids) }),
    };
    plan = await formCommunities(read.schools, { ...rules, travelMinutes: travel.matrix, ...given(options.timeLimit, "timeLimitSeconds") });
  } catch (error) {
    throw explainLayerError(error, read?.files ?? [], options.id);
  }
  const collection = communitiesToGeoJSON(plan, read.features);
  const output = {
    ...collection,
    status: plan.status, objective: plan.objective, bound: plan.bound, gap: plan.gap, travelBasis: basis,
    communities: plan.communities, reasons: plan.reasons,
    ...(plan.fewest === undefined ? {} : { fewest: plan.fewest }),
    ...(plan.contiguityCuts === undefined ? {} : { contiguityCuts: plan.contiguityCuts }),
    statistics: plan.statistics,
  };
  await writeText(options.out, `${JSON.stringify(output)}\n`, "--out");
  const written = [options.out];
  const words = messagesFor(options.lang);
  const illustrative = read.features.some((feature) => Boolean(feature.properties?.["illustrative"])) ? [words.communities.illustrative] : [];
  const mapSvg = (): string => renderCommunityMap(plan, read!.coordinates, { language: options.lang, names: read!.names, travelBasis: basis, sources: illustrative });
  if (options.map !== undefined && plan.communities.length === 0) context.streams.stderr.write(`communities: no map written to ${options.map}: there is no grouping to draw\n`);
  else if (options.map !== undefined) {
    const svg = mapSvg();
    if (options.map.toLowerCase().endsWith(".svg")) await writeText(options.map, svg, "--map");
    else await writeBytes(options.map, svgToPng(svg, { width: MAP_PNG_WIDTH }), "--map");
    written.push(options.map);
  }
  if (options.report !== undefined) {
    const figures = plan.communities.length === 0 ? [] : [{ svg: mapSvg(), caption: words.map.communitiesTitle }];
    await writeText(options.report, communityReportHtml(plan, { language: options.lang, names: read.names, figures, rules, travelBasis: basis, notes: illustrative }), "--report");
    written.push(options.report);
  }
  if (reportSolve(context.streams, "communities: no grouping meets the rules:", plan, options.json === true)) return;
  const gap = plan.gap === null ? "" : `, gap ${(plan.gap * 100).toFixed(2)} %`;
  const lines = [`communities: ${plan.status}${gap}${plan.objective === null ? "" : `, link travel ${plan.objective.toFixed(1)}`} (${plural(plan.communities.length, "community", "communities")}; travel: ${basis})`];
  if (plan.fewest !== undefined) lines.push(plan.fewest.proven ? `  the fewest communities that meet the rules: ${plan.fewest.communities} (proven)` : `  ${plan.fewest.communities} communities; the fewest is at least ${plan.fewest.bound ?? 1} (not proven)`);
  if (plan.contiguityCuts !== undefined) lines.push(`  contiguity: ${plural(plan.contiguityCuts, "cut")} added`);
  for (const c of plan.communities) lines.push(`  ${read.names[c.lead] ?? c.lead}: ${plural(c.hubs.length, "hub")}, ${plural(c.members.length, "member")}, ${plural(c.schools, "school")}, ${plural(Math.round(c.pupils), "pupil")}, longest link ${c.longestLinkMinutes.toFixed(1)} min`);
  lines.push(`wrote ${written.join(", ")}`);
  context.streams.stdout.write(`${lines.join("\n")}\n`);
}

/** Registers `communities` on the program. */
export function registerCommunitiesCommand(program: Command, context: CliContext): void {
  const command = program
    .command("communities")
    .description("urban–rural education communities: one lead each, township hubs, every school joined through a hub, within travel limits and sizes")
    .option("--schools <file>", "the schools (GeoJSON, CSV or .xlsx points); with --plan plan.json, the places of the plan's schools")
    .option("--plan <file>", "a plan's schools: a plan.geojson alone (its open schools, pupils and levels), or a plan.json with --schools")
    .option("--id <property>", "the id property (default: the feature id or `id`)")
    .option("--names <property>", "the schools' display names (map, report, reasons); default the property name where the schools have it")
    .option("--pupils <property>", "the schools' pupils (default: the plan's enrolment with --plan, else 0)")
    .option("--lead-eligible <property>", "the schools that may lead: a true/false property, or PROP=VALUE (e.g. tier=county seat); default the property leadEligible")
    .option("--lead-required <property>", "the schools that must lead: a true/false property, or PROP=VALUE")
    .option("--hub-eligible <property>", "the schools that may be township hubs (three schools): a true/false property, or PROP=VALUE; default the property hubEligible")
    .option("--k <n>", "exactly this many communities", parsePositiveInteger)
    .option("--min-k <n>", "at least this many communities", parsePositiveInteger)
    .option("--fewest", "the fewest communities that meet the rules (at least --min-k), then the least travel")
    .option("--max-lead-hub-minutes <minutes>", "the longest lead → hub trip", parseNonNegativeNumber)
    .option("--max-hub-member-minutes <minutes>", "the longest hub → member trip", parseNonNegativeNumber)
    .option("--allow-direct", "members may join the lead directly (within the lead → hub limit)")
    .option("--min-schools <n>", "fewest schools in a community, lead included", parsePositiveInteger)
    .option("--max-schools <n>", "most schools in a community, lead included", parsePositiveInteger)
    .option("--min-pupils <n>", "fewest pupils in a community", parseNonNegativeNumber)
    .option("--max-pupils <n>", "most pupils in a community", parseNonNegativeNumber)
    .option("--keep-townships-whole", "the schools of one township (--township) are in one community")
    .option("--township <property>", "the schools' township, for --keep-townships-whole (default the property township)")
    .option("--match-levels", "links only between schools sharing a level (from --levels, or the plan's classes)")
    .option("--levels <property>", "the levels each school teaches: an array or a comma-separated string")
    .option("--neighbours <file>", "contiguity: a CSV of neighbouring school pairs (two columns of ids, a header row); every community connected")
    .option("--time-limit <seconds>", "stop after this many seconds with the best grouping and its bound", parsePositiveNumber);
  addTeacherTravelFlags(command, "from, to")
    .option("--map <file>", "also draw the communities: .svg or .png")
    .option("--report <file>", "also write the report (HTML): status, map, each community, each school, rules")
    .option("--lang <language>", `the language of the map and report: ${LANGUAGES.join(", ")}`, parseChoice(LANGUAGES), "en")
    .requiredOption("--out <file>", "the communities as GeoJSON: schools (community, role, hub, lead), links, outlines")
    .action((options: CommunitiesCommandOptions) => runCommunities(options, context));
}
