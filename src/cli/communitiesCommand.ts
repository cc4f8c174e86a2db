/**
 * `school-layout communities`: urban–rural education communities ({@link formCommunities}) from a layer of
 * schools, written as GeoJSON (schools with their community and role, links, outlines). Node only.
 * @module
 */
import type { Command } from "commander";
import type { Feature } from "geojson";
import { formCommunities, type CommunityPlan, type CommunitySchool } from "../communities/formCommunities.ts";
import { communitiesToGeoJSON } from "../io/communitiesGeoJSON.ts";
import type { CoordinateSystem } from "../io/coordinateSystem.ts";
import { readDemandPoints } from "../io/index.ts";
import { readFeatureFlag, readFeatureNumber } from "../io/values.ts";
import type { TravelMode } from "../travel/index.ts";
import { checkOutputPath, explainLayerError, readLayer, writeText } from "./files.ts";
import { CliError, type CliContext } from "./io.ts";
import { parseNonNegativeNumber, parsePositiveInteger, parsePositiveNumber } from "./parsers.ts";
import { addTeacherTravelFlags, reportSolve, teacherTravelMinutes } from "./teacherTravel.ts";

/** The options of `communities`, as commander parses them. */
export interface CommunitiesCommandOptions {
  readonly schools: string;
  readonly id?: string;
  readonly pupils?: string;
  readonly leadEligible: string;
  readonly leadRequired?: string;
  readonly hubEligible: string;
  readonly k?: number;
  readonly minK?: number;
  readonly maxLeadHubMinutes?: number;
  readonly maxHubMemberMinutes?: number;
  readonly allowDirect?: boolean;
  readonly minSchools?: number;
  readonly maxSchools?: number;
  readonly minPupils?: number;
  readonly maxPupils?: number;
  readonly roads?: string;
  readonly costs?: string;
  readonly mode: TravelMode;
  readonly crs: CoordinateSystem;
  readonly timeLimit?: number;
  readonly json?: boolean;
  readonly out: string;
}

/** The property must be on at least one school: a misspelt name would otherwise read as "no" or 0 everywhere. */
function checkPresent(features: readonly Feature[], property: string, flag: string): void {
  if (!features.some((feature) => Object.hasOwn(feature.properties ?? {}, property))) throw new CliError(`${flag} ${property}: no school has this property`);
}

async function runCommunities(options: CommunitiesCommandOptions, context: CliContext): Promise<void> {
  await checkOutputPath(options.out, "--out");
  if (options.costs !== undefined && options.roads !== undefined) throw new CliError("give --costs or --roads, not both");
  if (options.k !== undefined && options.minK !== undefined) throw new CliError("give --k (exactly) or --min-k (at least), not both");
  const file = await readLayer(options.schools, "--schools");
  let plan: CommunityPlan;
  let basis: string;
  let features: readonly Feature[];
  try {
    const layer = readDemandPoints(file.collection, { ...(options.id === undefined ? {} : { id: options.id }), source: file.name, crs: options.crs });
    features = layer.features;
    const ids = layer.points.map((p, i) => String(p.id ?? i));
    if (options.leadRequired === undefined) checkPresent(features, options.leadEligible, "--lead-eligible");
    if (options.leadRequired !== undefined) checkPresent(features, options.leadRequired, "--lead-required");
    checkPresent(features, options.hubEligible, "--hub-eligible");
    if (options.pupils !== undefined) checkPresent(features, options.pupils, "--pupils");
    else if (options.minPupils !== undefined || options.maxPupils !== undefined) throw new CliError("--min-pupils and --max-pupils need --pupils PROP (the schools' pupils)");
    const where = (index: number) => ({ source: file.name, index, id: ids[index]! });
    const flag = (property: string | undefined, name: string) => features.map((feature, k) => (property === undefined ? false : readFeatureFlag(feature, where(k), property, name)));
    const lead = flag(options.leadEligible, "leadEligible");
    const required = flag(options.leadRequired, "leadRequired");
    const hub = flag(options.hubEligible, "hubEligible");
    const pupils = features.map((feature, k) => (options.pupils === undefined ? 0 : readFeatureNumber(feature, where(k), options.pupils, "pupils")));
    const schools: CommunitySchool[] = ids.map((id, s) => ({ id, pupils: pupils[s]!, leadEligible: lead[s]!, leadRequired: required[s]!, hubEligible: hub[s]! }));
    const ends = { ids, coordinates: layer.coordinates };
    const travel = await teacherTravelMinutes(options, ends, ends, { from: "from", to: "to" });
    basis = travel.basis;
    const given = <T>(value: T | undefined, name: string): Record<string, T> => (value === undefined ? {} : { [name]: value });
    plan = await formCommunities(schools, {
      travelMinutes: travel.matrix,
      ...given(options.k, "k"),
      ...given(options.minK, "minK"),
      ...given(options.maxLeadHubMinutes, "maxLeadHubMinutes"),
      ...given(options.maxHubMemberMinutes, "maxHubMemberMinutes"),
      ...given(options.allowDirect, "allowDirect"),
      ...given(options.minSchools, "minSchools"),
      ...given(options.maxSchools, "maxSchools"),
      ...given(options.minPupils, "minPupils"),
      ...given(options.maxPupils, "maxPupils"),
      ...given(options.timeLimit, "timeLimitSeconds"),
    });
  } catch (error) {
    throw explainLayerError(error, [file], options.id);
  }
  const collection = communitiesToGeoJSON(plan, features);
  const output = {
    ...collection,
    status: plan.status, objective: plan.objective, bound: plan.bound, gap: plan.gap, travelBasis: basis,
    communities: plan.communities, reasons: plan.reasons, statistics: plan.statistics,
  };
  await writeText(options.out, `${JSON.stringify(output)}\n`, "--out");
  if (reportSolve(context.streams, "communities: no grouping meets the rules:", plan, options.json === true)) return;
  const gap = plan.gap === null ? "" : `, gap ${(plan.gap * 100).toFixed(2)} %`;
  const lines = [`communities: ${plan.status}${gap}${plan.objective === null ? "" : `, link travel ${plan.objective.toFixed(1)}`} (${plan.communities.length} communities; travel: ${basis})`];
  for (const c of plan.communities) lines.push(`  ${c.lead}: ${c.hubs.length} hubs, ${c.members.length} members, ${c.schools} schools, ${Math.round(c.pupils)} pupils, longest link ${c.longestLinkMinutes.toFixed(1)} min`);
  lines.push(`wrote ${options.out}`);
  context.streams.stdout.write(`${lines.join("\n")}\n`);
}

/** Registers `communities` on the program. */
export function registerCommunitiesCommand(program: Command, context: CliContext): void {
  const command = program
    .command("communities")
    .description("urban–rural education communities: one lead each, township hubs, every school joined through a hub, within travel limits and sizes")
    .requiredOption("--schools <file>", "the schools (GeoJSON, CSV or .xlsx points)")
    .option("--id <property>", "the id property (default: the feature id or `id`)")
    .option("--pupils <property>", "the schools' pupils (for --min-pupils / --max-pupils and the figures)")
    .option("--lead-eligible <property>", "a true/false (1/0) property: the school may lead a community", "leadEligible")
    .option("--lead-required <property>", "a true/false (1/0) property: the school must lead a community")
    .option("--hub-eligible <property>", "a true/false (1/0) property: the school may be a township hub (three schools)", "hubEligible")
    .option("--k <n>", "exactly this many communities", parsePositiveInteger)
    .option("--min-k <n>", "at least this many communities", parsePositiveInteger)
    .option("--max-lead-hub-minutes <minutes>", "the longest lead → hub trip", parseNonNegativeNumber)
    .option("--max-hub-member-minutes <minutes>", "the longest hub → member trip", parseNonNegativeNumber)
    .option("--allow-direct", "members may join the lead directly (within the lead → hub limit)")
    .option("--min-schools <n>", "fewest schools in a community, lead included", parsePositiveInteger)
    .option("--max-schools <n>", "most schools in a community, lead included", parsePositiveInteger)
    .option("--min-pupils <n>", "fewest pupils in a community", parseNonNegativeNumber)
    .option("--max-pupils <n>", "most pupils in a community", parseNonNegativeNumber)
    .option("--time-limit <seconds>", "stop after this many seconds with the best grouping and its bound", parsePositiveNumber);
  addTeacherTravelFlags(command, "from, to")
    .requiredOption("--out <file>", "the communities as GeoJSON: schools (community, role, hub, lead), links, outlines")
    .action((options: CommunitiesCommandOptions) => runCommunities(options, context));
}
