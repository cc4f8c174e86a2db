/**
 * Teacher rotation within communities (县管校聘, 交流轮岗): the teachers each school needs from its pupils by the
 * staffing ratios, and a rotation plan that sends teachers from the schools with a surplus (lead schools first) to
 * those short of them in the same community, each school sending at most a share of its teachers a year and every
 * move within a travel limit. A min-cost flow (each move a whole teacher, as the flow's LP optimum is whole),
 * solved on HiGHS: the fewest teachers left short first, then the fewest from schools other than leads, then the
 * least teacher-minutes.
 *
 * Symbols: x_ij teachers moved from school i to j (same community, i with a surplus, j short, within the limit);
 * surplus_i = teachers_i − needed_i, short_j = needed_j − teachers_j; cap_i = ⌊share × teachers_i⌋; u_j the
 * teachers j is still short after the moves.
 * ```
 * minimise  Σ_j u_j,  then Σ_{i not a lead} x_ij,  then Σ_ij minutes_ij x_ij     (lexicographic)
 * s.t.      Σ_j x_ij ≤ min(surplus_i, cap_i)     no sender falls below its need, nor sends more than its share
 *           Σ_i x_ij + u_j = short_j              a school short of teachers gets at most what it lacks
 * ```
 * @module
 */
import { costOf, type CostMatrix } from "../costMatrix.ts";
import { InputError } from "../errors.ts";
import { checkOptionNames, checkSchoolIds, checkTravelMinutes } from "./checks.ts";
import { norm, type Norm } from "../norms/norm.ts";
import { LinearModelBuilder } from "../solvers/linearModel.ts";
import type { SolveOptions } from "../solvers/options.ts";
import { solveLinearModel } from "../solvers/solve.ts";
import type { SolveStatistics, SolveStatus } from "../solution.ts";

/** Pupils per teaching staff member by level (the urban–rural unified staffing standard). */
export interface StaffingRatios {
  /** Primary grades, pupils per staff member. */
  readonly primary: number;
  /** Junior secondary. */
  readonly junior: number;
  /** Senior secondary. */
  readonly senior: number;
}

/**
 * The staffing standard of primary and secondary schools, pupils per staff member: primary 19, junior 13.5,
 * senior 12.5, the same in town and country since 2014.
 */
export const STAFFING_RATIOS: Norm<StaffingRatios> = norm(
  Object.freeze({ primary: 19, junior: 13.5, senior: 12.5 }),
  "中央编办、教育部、财政部《关于制定中小学教职工编制标准的意见》(国办发〔2001〕74号) 附表; 城乡统一: 中央编办发〔2014〕72号",
  "V",
);

/**
 * The least yearly rotation share: teachers rotating each school year at least 10 % of those due to rotate
 * (《关于推进县(区)域内义务教育学校校长教师交流轮岗的意见》, 教师〔2014〕4号). Used here as the most a school sends
 * in a year, of all its teachers: an assumption, since not every teacher is due to rotate.
 */
export const ROTATION_SHARE: Norm<number> = norm(0.1, "教育部 财政部 人力资源社会保障部《关于推进县（区）域内义务教育学校校长教师交流轮岗的意见》(教师〔2014〕4号): 每学年交流轮岗教师的比例一般不低于应交流对象的10%", "M");

/** A school's pupils by staffing level. */
export interface StaffedPupils {
  /** Pupils of primary grades 1–6. Default 0. */
  readonly primary?: number;
  /** Pupils of junior secondary. Default 0. */
  readonly junior?: number;
  /** Pupils of senior secondary. Default 0. */
  readonly senior?: number;
}

/**
 * The teaching staff a school needs: ⌈Σ_level pupils ÷ ratio⌉.
 * @param pupils - the school's pupils by level (primary grades 1–6, junior, senior), each ≥ 0
 * @param ratios - pupils per staff member, default {@link STAFFING_RATIOS}
 * @returns whole staff members
 * @throws InputError for a key other than primary, junior and senior, or a count or ratio that is not a finite
 *   number (≥ 0 for counts, > 0 for ratios)
 */
export function teachersNeeded(pupils: StaffedPupils, ratios: StaffingRatios = STAFFING_RATIOS.value): number {
  if (pupils === null || typeof pupils !== "object") throw new InputError({ source: "pupils", field: "pupils", value: pupils }, "must be an object of pupils by level: primary, junior, senior");
  // A misspelt level would otherwise count as no pupils.
  for (const key of Object.keys(pupils)) if (key !== "primary" && key !== "junior" && key !== "senior") throw new InputError({ source: "pupils", field: key, value: (pupils as Record<string, unknown>)[key] }, "is not a staffing level: give primary (grades 1–6), junior or senior");
  let total = 0;
  for (const level of ["primary", "junior", "senior"] as const) {
    const n = pupils[level] ?? 0;
    const r = ratios[level];
    if (typeof n !== "number" || !Number.isFinite(n) || n < 0) throw new InputError({ source: "pupils", field: level, value: n }, "must be a finite number ≥ 0");
    if (typeof r !== "number" || !Number.isFinite(r) || r <= 0) throw new InputError({ source: "ratios", field: level, value: r }, "must be a number of pupils per staff member > 0");
    total += n / r;
  }
  // A hair above a whole number from division is that number.
  return Math.max(0, Math.ceil(total - 1e-9));
}

/** A school in a rotation. */
export interface RotationSchool {
  /** School id. */
  readonly id: string;
  /** Its community (e.g. its lead's id, as {@link formCommunities} gives). */
  readonly community: string;
  /** Whether it leads its community (its teachers go first). Default false. */
  readonly lead?: boolean;
  /** Teaching staff it has, a whole number ≥ 0. */
  readonly teachers: number;
  /** Teaching staff it needs, a whole number ≥ 0 (e.g. {@link teachersNeeded}). */
  readonly needed: number;
}

/** Options of {@link planRotation}. */
export interface RotationOptions extends Pick<SolveOptions, "solver" | "timeLimitSeconds" | "signal"> {
  /** Teachers' one-way minutes between the schools, rows and columns in their order (square, in minutes). */
  readonly travelMinutes: CostMatrix;
  /** The longest move, minutes. Default no limit. */
  readonly maxTravelMinutes?: number;
  /** The most a school sends in a year, as a share of its teachers. Default {@link ROTATION_SHARE} (0.1). */
  readonly share?: number;
}

/** One move of a rotation. */
export interface TeacherMove {
  /** The sending school. */
  readonly from: string;
  /** The receiving school. */
  readonly to: string;
  /** Teachers moved. */
  readonly teachers: number;
  /** One-way minutes between them. */
  readonly minutes: number;
}

/** A school after the rotation. */
export interface RotationBalance {
  /** School id. */
  readonly id: string;
  /** Teachers before. */
  readonly before: number;
  /** Teachers after the moves. */
  readonly after: number;
  /** Teachers needed. */
  readonly needed: number;
  /** Teachers sent. */
  readonly sent: number;
  /** Teachers received. */
  readonly received: number;
  /** The most it may send (its share). */
  readonly mayRotate: number;
}

/** The answer of {@link planRotation}. */
export interface RotationPlan {
  /** `optimal`, or `timeLimit` / `aborted`. */
  readonly status: SolveStatus;
  /** The moves, largest first. */
  readonly moves: readonly TeacherMove[];
  /** Every school before and after, in their order. */
  readonly schools: readonly RotationBalance[];
  /** Teachers short before the moves (Σ over the schools short). */
  readonly shortBefore: number;
  /** Teachers still short after them (no surplus within reach and share is left for them). */
  readonly shortAfter: number;
  /** Teachers moved. */
  readonly moved: number;
  /** Σ teachers × minutes of the moves. */
  readonly teacherMinutes: number;
  /** The backend and the model's size. */
  readonly statistics: SolveStatistics;
}

function wholeCount(value: unknown, index: number, id: string, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new InputError({ source: "schools", index, id, field, value }, "must be a whole number ≥ 0");
  return value;
}

/**
 * Plans a year's teacher rotation within communities (see the module documentation): teachers move only within a
 * community, from schools above their need (never below it, and at most `share` of their teachers) to schools
 * below it (at most what each lacks), within `maxTravelMinutes`; the fewest left short, leads sending first, then
 * the least teacher-minutes. Exact (a min-cost flow on HiGHS).
 * @param schools - the schools with their community, teachers and need (the travel matrix's order)
 * @param options - `travelMinutes` (required), `maxTravelMinutes`, `share`, solver options
 * @returns the moves, each school's balance, the shortage before and after, teacher-minutes
 * @throws InputError on an unknown option, a missing or repeated id, counts that are not whole numbers ≥ 0, a matrix of another shape
 *   or unit, a share outside [0, 1] or a limit ≤ 0
 * @throws SolverError when the backend fails
 */
export async function planRotation(schools: readonly RotationSchool[], options: RotationOptions): Promise<RotationPlan> {
  const started = performance.now();
  checkSchoolIds(schools, "schools");
  const n = schools.length;
  schools.forEach((school, index) => {
    if (typeof school.community !== "string" || school.community === "") throw new InputError({ source: "schools", index, id: school.id, field: "community", value: school.community }, "must be a non-empty string");
    wholeCount(school.teachers, index, school.id, "teachers");
    wholeCount(school.needed, index, school.id, "needed");
  });
  checkOptionNames(options, ["travelMinutes", "maxTravelMinutes", "share", "solver", "timeLimitSeconds", "signal"], "planRotation");
  const matrix = checkTravelMinutes(options?.travelMinutes, n, n, { required: "a square cost matrix in minutes between the schools", shape: "be square over the schools" });
  const share = options.share ?? ROTATION_SHARE.value;
  if (typeof share !== "number" || !(share >= 0 && share <= 1)) throw new InputError({ source: "options", field: "share", value: share }, "must be a share in [0, 1]");
  const limit = options.maxTravelMinutes ?? Infinity;
  if (typeof limit !== "number" || !(limit > 0)) throw new InputError({ source: "options", field: "maxTravelMinutes", value: limit }, "must be a number of minutes > 0");

  const may = schools.map((s) => Math.min(Math.max(0, s.teachers - s.needed), Math.floor(share * s.teachers + 1e-9)));
  const short = schools.map((s) => Math.max(0, s.needed - s.teachers));
  const arcs: [from: number, to: number, minutes: number][] = [];
  for (let i = 0; i < n; i++) {
    if (may[i] === 0) continue;
    for (let j = 0; j < n; j++) {
      if (i === j || short[j] === 0 || schools[i]!.community !== schools[j]!.community) continue;
      const minutes = costOf(matrix, i, j);
      if (minutes <= limit && minutes < Infinity) arcs.push([i, j, minutes]);
    }
  }
  // Three objectives in turn (lexicographic, each fixed before the next): the teachers left short, the teachers
  // sent by schools other than leads, the teacher-minutes.
  const builder = new LinearModelBuilder("minimize");
  const x = arcs.map(() => builder.addColumn(0, 0, Infinity, true));
  const u = short.map((s) => (s > 0 ? builder.addColumn(0, 0, s, true) : -1));
  for (let i = 0; i < n; i++) {
    const out = arcs.flatMap(([from], k) => (from === i ? [x[k]!] : []));
    if (out.length > 0) builder.addRow(out, out.map(() => 1), -Infinity, may[i]!);
  }
  for (let j = 0; j < n; j++) {
    if (u[j]! < 0) continue;
    const into = arcs.flatMap(([, to], k) => (to === j ? [x[k]!] : []));
    builder.addRow([...into, u[j]!], [...into.map(() => 1), 1], short[j]!, short[j]!);
  }
  const shortColumns = u.filter((c) => c >= 0);
  const fromOthers = arcs.flatMap(([i], k) => (schools[i]!.lead === true ? [] : [x[k]!]));
  const shortRow = builder.addRow(shortColumns, shortColumns.map(() => 1), -Infinity, Infinity);
  const othersRow = builder.addRow(fromOthers, fromOthers.map(() => 1), -Infinity, Infinity);
  const model = builder.build();
  const solveOptions = {
    ...(options.solver === undefined ? {} : { solver: options.solver }),
    ...(options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  let rowUpper = Float64Array.from(model.rowUpper);
  let result: Awaited<ReturnType<typeof solveLinearModel>> | null = null;
  let values: Float64Array | null = null;
  const stages: { columns: readonly number[]; costs: (k: number) => number; row: number | null }[] = [
    { columns: shortColumns, costs: () => 1, row: shortRow },
    { columns: fromOthers, costs: () => 1, row: othersRow },
    { columns: x, costs: (k) => arcs[k]![2], row: null },
  ];
  for (const stage of stages) {
    if (model.columnCount === 0) break;
    const objective = new Float64Array(model.columnCount);
    stage.columns.forEach((column, k) => { objective[column] = stage.costs(k); });
    result = await solveLinearModel({ ...model, objective, rowUpper }, solveOptions);
    if (result.values !== null) values = result.values;
    if (result.values === null || result.status !== "optimal") break;
    if (stage.row !== null) {
      rowUpper = Float64Array.from(rowUpper);
      rowUpper[stage.row] = Math.round(result.objective ?? 0);
    }
  }
  const flow = arcs.map((_, k) => (values === null ? 0 : Math.round(values[x[k]!]!)));
  const sent = new Array<number>(n).fill(0);
  const received = new Array<number>(n).fill(0);
  const list: TeacherMove[] = [];
  let teacherMinutes = 0;
  arcs.forEach(([i, j, t], k) => {
    const f = flow[k]!;
    if (f <= 0) return;
    sent[i] += f;
    received[j] += f;
    teacherMinutes += f * t;
    list.push({ from: schools[i]!.id, to: schools[j]!.id, teachers: f, minutes: t });
  });
  list.sort((a, b) => b.teachers - a.teachers || a.minutes - b.minutes);
  const balances: RotationBalance[] = schools.map((s, k) => ({ id: s.id, before: s.teachers, after: s.teachers - sent[k]! + received[k]!, needed: s.needed, sent: sent[k]!, received: received[k]!, mayRotate: may[k]! }));
  const shortBefore = short.reduce((a, b) => a + b, 0);
  const shortAfter = balances.reduce((sum, b) => sum + Math.max(0, b.needed - b.after), 0);
  const status: SolveStatus = result === null ? "optimal" : result.status;
  return {
    status,
    moves: list,
    schools: balances,
    shortBefore,
    shortAfter,
    moved: sent.reduce((a, b) => a + b, 0),
    teacherMinutes,
    statistics: { solver: result?.solver ?? "none", seconds: (performance.now() - started) / 1000, variables: model.columnCount, constraints: model.rowCount },
  };
}
