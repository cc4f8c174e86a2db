/**
 * The words of the communities report ({@link communityReportDocument}) and of the communities section of the
 * plan report, in Chinese and English; a section of the message catalogue ({@link messagesFor}).
 * @module
 */
import type { SolveStatus } from "../../solution.ts";
import type { Language } from "./common.ts";

/** The rules a communities report lists, as formatted text (null: the rule is off). */
export interface CommunityRuleWords {
  readonly count: { readonly kind: "exactly" | "atLeast" | "fewest"; readonly value: number };
  readonly leadHubMinutes: string | null;
  readonly hubMemberMinutes: string | null;
  readonly allowDirect: boolean;
  readonly schools: readonly [string, string | null] | null;
  readonly pupils: readonly [string, string | null] | null;
  readonly townships: boolean;
  readonly levels: boolean;
  readonly contiguity: string | null;
  readonly weighted: boolean;
}

/** The communities report's words in one language. */
export interface CommunityReportMessages {
  /** The default title. */
  readonly title: string;
  /** Section headings. */
  readonly sections: { readonly overview: string; readonly reasons: string; readonly maps: string; readonly communities: string; readonly schools: string; readonly rules: string; readonly sources: string };
  /** The status sentence: `gap` formatted, or null. */
  readonly status: (status: SolveStatus, hasAnswer: boolean, gap: string | null) => string;
  /** The objective and its bound (null: none). */
  readonly objective: (value: string, bound: string | null) => string;
  /** With `fewest`: the count, proven or with its bound. */
  readonly fewest: (count: number, proven: boolean, bound: number | null) => string;
  /** The overview sentence. */
  readonly overview: (communities: number, schools: string, pupils: string, linkMinutes: string, longest: string) => string;
  /** The balance sentence: pupils per community, smallest to largest, their ratio and coefficient of variation. */
  readonly balance: (smallest: string, largest: string, ratio: string, cv: string) => string;
  /** How it was solved: solver, seconds, columns, rows. */
  readonly solvedBy: (solver: string, seconds: string, columns: string, rows: string) => string;
  /** Role names. */
  readonly roles: { readonly lead: string; readonly hub: string; readonly member: string };
  /** Table headers (a trailing # marks a number column). */
  readonly headers: {
    readonly community: string;
    readonly hubs: string;
    readonly members: string;
    readonly schools: string;
    readonly pupils: string;
    readonly pupilsShare: string;
    readonly linkMinutes: string;
    readonly longest: string;
    readonly school: string;
    readonly role: string;
    readonly hub: string;
  };
  /** The rules in force, one line each. */
  readonly rules: (rules: CommunityRuleWords) => string[];
  /** The travel basis line. */
  readonly travel: (basis: string) => string;
  /** The caption of the schools table. */
  readonly schoolsCaption: string;
  /** The kinds of reason ({@link CommunityReason.code}). */
  readonly reasonCodes: Readonly<Record<"noLead" | "unreachable" | "size" | "township" | "conflict", string>>;
  /** The colon between a label and its text (": " or "："). */
  readonly colon: string;
  /** A note under the reasons (their sentences, with the numbers, are in English), or null. */
  readonly reasonsNote: string | null;
  /** The note for schools marked illustrative (made up, not surveyed). */
  readonly illustrative: string;
}

const en: CommunityReportMessages = {
  title: "Urban–rural education communities",
  sections: { overview: "Overview", reasons: "Why there is no grouping", maps: "Map", communities: "The communities", schools: "The schools", rules: "Rules in force", sources: "Data, sources and assumptions" },
  status: (status, hasAnswer, gap) => {
    if (status === "optimal") return "Optimal: no grouping that meets the rules has less link travel (proven).";
    if (status === "infeasible") return "No grouping meets the rules: the reasons follow.";
    if (!hasAnswer) return `No grouping found (${status === "aborted" ? "stopped" : "time limit"}).`;
    return `The best grouping found${gap === null ? "" : `, within ${gap} of the proven bound`} (${status === "aborted" ? "stopped" : "not proven optimal"}).`;
  },
  objective: (value, bound) => `Link travel (Σ weight × minutes over the links lead → hub → member): ${value}${bound === null ? "" : `; proven bound ${bound}`}.`,
  fewest: (count, proven, bound) => (proven ? `${count} communities: the fewest that meet the rules (proven).` : `${count} communities; the fewest that meet the rules is at least ${bound ?? 1} (not proven).`),
  overview: (communities, schools, pupils, linkMinutes, longest) => `${communities} ${communities === 1 ? "community" : "communities"} of ${schools} schools and ${pupils} pupils; their links take ${linkMinutes} min in all, the longest ${longest} min.`,
  balance: (smallest, largest, ratio, cv) => `Balance: ${smallest} to ${largest} pupils per community (largest ÷ smallest ${ratio}; coefficient of variation ${cv}).`,
  solvedBy: (solver, seconds, columns, rows) => `Solved by ${solver} in ${seconds} s (${columns} columns, ${rows} rows).`,
  roles: { lead: "lead", hub: "hub", member: "member" },
  headers: { community: "community (lead school)", hubs: "hubs#", members: "members#", schools: "schools#", pupils: "pupils#", pupilsShare: "pupils ÷ mean#", linkMinutes: "link travel (min)#", longest: "longest link (min)#", school: "school", role: "role", hub: "joins through" },
  rules: (r) => [
    r.count.kind === "exactly" ? `Communities: exactly ${r.count.value}.` : r.count.kind === "atLeast" ? `Communities: at least ${r.count.value}.` : `Communities: the fewest that meet the rules (at least ${r.count.value}).`,
    r.leadHubMinutes === null ? "Lead → hub: no travel limit." : `Lead → hub: at most ${r.leadHubMinutes} min.`,
    r.hubMemberMinutes === null ? "Hub → member: no travel limit." : `Hub → member: at most ${r.hubMemberMinutes} min.`,
    r.allowDirect ? "Members may join their lead directly (within the lead → hub limit)." : "Every member joins through a hub.",
    ...(r.schools === null ? [] : [`Schools per community: ${r.schools[1] === null ? `at least ${r.schools[0]}` : `${r.schools[0]}–${r.schools[1]}`}.`]),
    ...(r.pupils === null ? [] : [`Pupils per community: ${r.pupils[1] === null ? `at least ${r.pupils[0]}` : `${r.pupils[0]}–${r.pupils[1]}`}.`]),
    ...(r.townships ? ["Townships kept whole: a township's schools are in one community."] : []),
    ...(r.levels ? ["Links within a level: a school joins a hub and a lead teaching one of its levels."] : []),
    ...(r.contiguity === null ? [] : [`Contiguity: every community is one connected piece of the neighbour graph (${r.contiguity} cuts added).`]),
    r.weighted ? "Each link's minutes are weighted by the caller's link weight." : "Each link's minutes count once.",
  ],
  travel: (basis) => `Teachers' travel: ${basis}.`,
  schoolsCaption: "Each school's community, role and link up (to its hub, or its lead).",
  illustrative: "Illustrative data: the schools are marked illustrative (made up, not surveyed).",
  reasonCodes: { noLead: "too few leads", unreachable: "a school out of reach", size: "sizes that cannot add up", township: "a township kept whole", conflict: "the rules together" },
  reasonsNote: null,
  colon: ": ",
};

const zh: CommunityReportMessages = {
  title: "城乡教育共同体",
  sections: { overview: "概况", reasons: "无法分组的原因", maps: "地图", communities: "各共同体", schools: "各学校", rules: "所用规则", sources: "数据、来源与假定" },
  status: (status, hasAnswer, gap) => {
    if (status === "optimal") return "最优：在满足规则的分组中，联系出行总量最小（已证明）。";
    if (status === "infeasible") return "没有满足规则的分组，原因如下。";
    if (!hasAnswer) return `未找到分组（${status === "aborted" ? "已中止" : "达到时间上限"}）。`;
    return `找到的最好分组${gap === null ? "" : `，与已证明的下界相差 ${gap}`}（${status === "aborted" ? "已中止" : "未证明最优"}）。`;
  },
  objective: (value, bound) => `联系出行（牵头→枢纽→成员各联系的权重 × 分钟之和）：${value}${bound === null ? "" : `；已证明下界 ${bound}`}。`,
  fewest: (count, proven, bound) => (proven ? `${count} 个共同体：满足规则的最少个数（已证明）。` : `${count} 个共同体；满足规则的最少个数不少于 ${bound ?? 1}（未证明）。`),
  overview: (communities, schools, pupils, linkMinutes, longest) => `${communities} 个共同体，共 ${schools} 所学校、${pupils} 名学生；联系出行合计 ${linkMinutes} 分钟，最长一条 ${longest} 分钟。`,
  balance: (smallest, largest, ratio, cv) => `均衡：每个共同体 ${smallest}～${largest} 名学生（最大 ÷ 最小 ${ratio}；变异系数 ${cv}）。`,
  solvedBy: (solver, seconds, columns, rows) => `由 ${solver} 求解，用时 ${seconds} 秒（${columns} 列，${rows} 行）。`,
  roles: { lead: "牵头学校", hub: "枢纽学校", member: "成员学校" },
  headers: { community: "共同体（牵头学校）", hubs: "枢纽学校#", members: "成员学校#", schools: "学校数#", pupils: "学生数#", pupilsShare: "学生数 ÷ 平均#", linkMinutes: "联系出行（分钟）#", longest: "最长联系（分钟）#", school: "学校", role: "角色", hub: "经由" },
  rules: (r) => [
    r.count.kind === "exactly" ? `共同体个数：恰为 ${r.count.value} 个。` : r.count.kind === "atLeast" ? `共同体个数：不少于 ${r.count.value} 个。` : `共同体个数：满足规则的最少个数（不少于 ${r.count.value} 个）。`,
    r.leadHubMinutes === null ? "牵头→枢纽：不限出行时间。" : `牵头→枢纽：不超过 ${r.leadHubMinutes} 分钟。`,
    r.hubMemberMinutes === null ? "枢纽→成员：不限出行时间。" : `枢纽→成员：不超过 ${r.hubMemberMinutes} 分钟。`,
    r.allowDirect ? "成员学校可直接联系牵头学校（在牵头→枢纽时限内）。" : "成员学校均经枢纽学校联系。",
    ...(r.schools === null ? [] : [`每个共同体的学校数：${r.schools[1] === null ? `不少于 ${r.schools[0]}` : `${r.schools[0]}～${r.schools[1]}`}。`]),
    ...(r.pupils === null ? [] : [`每个共同体的学生数：${r.pupils[1] === null ? `不少于 ${r.pupils[0]}` : `${r.pupils[0]}～${r.pupils[1]}`}。`]),
    ...(r.townships ? ["乡镇不拆分：同一乡镇的学校在同一共同体。"] : []),
    ...(r.levels ? ["同学段联系：学校只联系有相同学段的枢纽学校和牵头学校。"] : []),
    ...(r.contiguity === null ? [] : [`连片：每个共同体在相邻关系图上连成一片（添加割平面 ${r.contiguity} 个）。`]),
    r.weighted ? "各联系的分钟数按调用方给定的权重计。" : "各联系的分钟数各计一次。",
  ],
  travel: (basis) => `教师出行：${basis}。`,
  schoolsCaption: "各学校所属共同体、角色及其向上联系（至枢纽学校或牵头学校）。",
  illustrative: "示意数据：学校标为示意（假定，非调查所得）。",
  reasonCodes: { noLead: "牵头学校不足", unreachable: "学校无法联系", size: "规模无法满足", township: "乡镇不拆分", conflict: "规则相互冲突" },
  reasonsNote: "各项原因的说明（含数字）以英文给出。",
  colon: "：",
};

/** The communities report's words by language. */
export const COMMUNITY_REPORT_MESSAGES: Readonly<Record<Language, CommunityReportMessages>> = { en, zh };
