/**
 * The communities report: the status (only a proven grouping is called optimal), the overview with its balance,
 * the maps given, each community in its map colour (lead, hubs, members, schools, pupils against the mean, link
 * travel, longest link), each school's role and link, the rules in force, and the data, sources and assumptions —
 * as a document ({@link communityReportDocument}), a self-contained HTML page ({@link communityReportHtml}) or
 * Markdown ({@link communitySummaryMarkdown}), in Chinese or English. {@link communitySectionBlocks} is the same
 * communities section for the plan report.
 * @module
 */
import type { CommunityOptions, CommunityPlan } from "../../communities/communityTypes.ts";
import type { Block, Inline, ReportDocument } from "../document/blocks.ts";
import { heading, list, paragraph, table } from "../document/blocks.ts";
import { documentToHtml } from "../document/html.ts";
import { documentToMarkdown } from "../document/markdown.ts";
import { checkLanguage, type Language } from "../messages/common.ts";
import type { CommunityRuleWords } from "../messages/communities.ts";
import { messagesFor, type Messages } from "../messages/index.ts";
import { travelBasisText } from "../messages/travelBasis.ts";
import { communityColour } from "../map/communityMap.ts";
import { figureBlock, type ReportFigure } from "./figures.ts";

/** The rules a grouping was formed under, as the report lists them: {@link CommunityOptions} without the matrix. */
export type CommunityReportRules = Omit<CommunityOptions, "travelMinutes" | "signal" | "solver" | "timeLimitSeconds" | "mipRelativeGap">;

/** Options of {@link communityReportDocument}. */
export interface CommunityReportOptions {
  /** `zh` or `en`. Default `en`. */
  readonly language?: Language;
  /** The title. Default "Urban–rural education communities" / "城乡教育共同体". */
  readonly title?: string;
  /** Display names by school id. Default the ids. */
  readonly names?: Readonly<Record<string, string>>;
  /** Maps (e.g. {@link renderCommunityMap}'s), shown in order. Default none. */
  readonly figures?: readonly ReportFigure[];
  /** The rules the grouping was formed under (the options given to {@link formCommunities}). Default none (no rules section). */
  readonly rules?: CommunityReportRules;
  /** How the teachers' travel times were made. Default none. */
  readonly travelBasis?: string;
  /** The data sources, one line each. Default none. */
  readonly sources?: readonly string[];
  /** Further notes: caveats, assumptions. Default none. */
  readonly notes?: readonly string[];
  /** Leave out the per-school table. Default false. */
  readonly omitSchoolTable?: boolean;
}

/** What {@link communitySectionBlocks} draws on. */
export interface CommunitySectionOptions {
  /** Display names by school id. Default the ids. */
  readonly names?: Readonly<Record<string, string>>;
  /** The heading level of the section (2 in its own report, 2 or 3 in the plan report). Default 2. */
  readonly level?: 2 | 3;
}

const name = (names: Readonly<Record<string, string>> | undefined, id: string): string => names?.[id] ?? id;

/** The overview sentence and the balance of pupils across the communities. */
function overviewBlocks(plan: CommunityPlan, messages: Messages): Block[] {
  const words = messages.communities;
  const number = messages.common.number;
  if (plan.communities.length === 0) return [];
  const pupils = plan.communities.map((c) => c.pupils);
  const total = pupils.reduce((sum, p) => sum + p, 0);
  const links = plan.communities.reduce((sum, c) => sum + c.linkMinutes, 0);
  const longest = Math.max(...plan.communities.map((c) => c.longestLinkMinutes));
  const blocks: Block[] = [paragraph(words.overview(plan.communities.length, number(plan.memberships.length), number(total), number(links, 1), number(longest, 1)))];
  if (plan.communities.length > 1 && total > 0) {
    const mean = total / pupils.length;
    const cv = Math.sqrt(pupils.reduce((sum, p) => sum + (p - mean) ** 2, 0) / pupils.length) / mean;
    const smallest = Math.min(...pupils);
    const largest = Math.max(...pupils);
    blocks.push(paragraph(words.balance(number(smallest), number(largest), smallest > 0 ? number(largest / smallest, 2) : "∞", number(cv, 2))));
  }
  return blocks;
}

/**
 * The communities section: a table with one row per community in its map colour (the same colours as
 * {@link renderCommunityMap}: the k-th community of the plan), its hubs, members, schools, pupils against the
 * mean, link travel and longest link. Empty for a plan without communities.
 * @param plan - from {@link formCommunities}
 * @param language - `zh` or `en`
 * @param options - names, heading level
 * @throws RangeError for a language other than `zh` or `en`
 */
export function communitySectionBlocks(plan: CommunityPlan, language: Language, options: CommunitySectionOptions = {}): Block[] {
  const messages = messagesFor(checkLanguage(language));
  if (plan.communities.length === 0) return [];
  const words = messages.communities;
  const number = messages.common.number;
  const mean = plan.communities.reduce((sum, c) => sum + c.pupils, 0) / plan.communities.length;
  const h = words.headers;
  const rows = plan.communities.map((c, k): Inline[] => [
    { swatch: communityColour(k), text: name(options.names, c.lead) },
    number(c.hubs.length), number(c.members.length), number(c.schools), number(c.pupils),
    mean > 0 ? number(c.pupils / mean, 2) : messages.common.missing,
    number(c.linkMinutes, 1), number(c.longestLinkMinutes, 1),
  ]);
  return [
    heading(words.sections.communities, options.level ?? 2, "communities"),
    ...overviewBlocks(plan, messages),
    table([h.community, h.hubs, h.members, h.schools, h.pupils, h.pupilsShare, h.linkMinutes, h.longest], rows),
  ];
}

function ruleWords(rules: CommunityReportRules, plan: CommunityPlan, number: (value: number, digits?: number) => string): CommunityRuleWords {
  const minutes = (value: number | undefined): string | null => (value === undefined || value === Infinity ? null : number(value, Number.isInteger(value) ? 0 : 1));
  const range = (low: number | undefined, high: number | undefined, floor: number): readonly [string, string | null] | null =>
    (low ?? floor) <= floor && (high === undefined || high === Infinity) ? null : [number(low ?? floor), high === undefined || high === Infinity ? null : number(high)];
  return {
    count: rules.fewest === true ? { kind: "fewest", value: rules.minK ?? 1 } : rules.k !== undefined ? { kind: "exactly", value: rules.k } : { kind: "atLeast", value: rules.minK ?? 1 },
    leadHubMinutes: minutes(rules.maxLeadHubMinutes),
    hubMemberMinutes: minutes(rules.maxHubMemberMinutes),
    allowDirect: rules.allowDirect === true,
    schools: range(rules.minSchools, rules.maxSchools, 1),
    pupils: range(rules.minPupils, rules.maxPupils, 0),
    townships: rules.keepTownshipsWhole === true,
    levels: rules.matchLevels === true,
    contiguity: rules.neighbours === undefined ? null : number(plan.contiguityCuts ?? 0),
    weighted: rules.linkWeight !== undefined,
  };
}

/**
 * The communities report as a document (see the module documentation). Pure: nothing is mutated.
 * @param plan - from {@link formCommunities}
 * @param options - language, title, names, figures, rules, travel basis, sources, notes
 * @returns the document
 * @throws RangeError for a language other than `zh` or `en`
 */
export function communityReportDocument(plan: CommunityPlan, options: CommunityReportOptions = {}): ReportDocument {
  const language = checkLanguage(options.language ?? "en");
  const messages = messagesFor(language);
  const words = messages.communities;
  const number = messages.common.number;
  const hasAnswer = plan.communities.length > 0;
  const blocks: Block[] = [
    heading(words.sections.overview, 2, "overview"),
    paragraph([{ strong: words.status(plan.status, hasAnswer, plan.gap === null ? null : messages.common.percent(plan.gap, 2)) }], plan.status === "infeasible" ? "warning" : "body"),
  ];
  if (plan.objective !== null) blocks.push(paragraph(words.objective(number(plan.objective, 1), plan.bound === null ? null : number(plan.bound, 1))));
  if (plan.fewest !== undefined) blocks.push(paragraph(words.fewest(plan.fewest.communities, plan.fewest.proven, plan.fewest.bound)));
  const { statistics } = plan;
  if (statistics.solver !== "none") blocks.push(paragraph(words.solvedBy(statistics.solver === "highs" ? "HiGHS" : statistics.solver, number(statistics.seconds, 1), number(statistics.variables), number(statistics.constraints)), "note"));
  if (plan.reasons.length > 0) {
    blocks.push(heading(words.sections.reasons, 2, "reasons"), list(plan.reasons.map((reason) => [{ strong: words.reasonCodes[reason.code] }, `${words.colon}${reason.message}`])));
    if (words.reasonsNote !== null) blocks.push(paragraph(words.reasonsNote, "note"));
  }
  const figures = options.figures ?? [];
  if (figures.length > 0) blocks.push(heading(words.sections.maps, 2, "maps"), ...figures.map(figureBlock));
  blocks.push(...communitySectionBlocks(plan, language, options.names === undefined ? {} : { names: options.names }));
  if (hasAnswer && options.omitSchoolTable !== true) {
    const h = words.headers;
    const rows = plan.memberships.map((m): Inline[] => [name(options.names, m.school), name(options.names, m.community), words.roles[m.role], m.hub === null ? (m.role === "lead" ? "" : name(options.names, m.lead)) : name(options.names, m.hub), number(m.linkMinutes, 1)]);
    blocks.push(heading(words.sections.schools, 2, "schools"), table([h.school, h.community, h.role, h.hub, h.linkMinutes], rows, words.schoolsCaption));
  }
  if (options.rules !== undefined) blocks.push(heading(words.sections.rules, 2, "rules"), list(words.rules(ruleWords(options.rules, plan, number))));
  const notes = [
    ...(options.travelBasis === undefined || options.travelBasis === "" ? [] : [words.travel(travelBasisText(options.travelBasis, language))]),
    ...(options.sources ?? []),
    ...(options.notes ?? []),
  ];
  if (notes.length > 0) blocks.push(heading(words.sections.sources, 2, "sources"), list(notes));
  return { title: options.title ?? words.title, lang: language === "zh" ? "zh-CN" : "en", blocks };
}

/**
 * The communities report as one self-contained HTML page (inline CSS and SVG, no script, no network resource).
 * @param plan - from {@link formCommunities}
 * @param options - see {@link CommunityReportOptions}
 * @returns HTML text
 * @throws as {@link communityReportDocument}
 * @example
 * ```ts
 * const html = communityReportHtml(plan, { language: "zh", figures: [{ svg: renderCommunityMap(plan, coordinates, { language: "zh" }), caption: "共同体" }] });
 * ```
 */
export function communityReportHtml(plan: CommunityPlan, options: CommunityReportOptions = {}): string {
  return documentToHtml(communityReportDocument(plan, options));
}

/**
 * The communities report as Markdown (figures as image links where they name a file).
 * @param plan - from {@link formCommunities}
 * @param options - see {@link CommunityReportOptions}
 * @returns Markdown text ending in a newline
 * @throws as {@link communityReportDocument}
 */
export function communitySummaryMarkdown(plan: CommunityPlan, options: CommunityReportOptions = {}): string {
  return documentToMarkdown(communityReportDocument(plan, options));
}
