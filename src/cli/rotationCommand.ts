/**
 * `school-layout rotation`: a year's teacher rotation within education communities ({@link planRotation}), from
 * the communities GeoJSON that `communities` writes: each school's community and role, its teachers (a property)
 * and the teachers it needs (a property, or from its pupils by the staffing standard, {@link teachersNeeded}: the
 * pupils by level given as properties, or a plan's enrolment carried by the schools). Node only.
 * @module
 */
import type { Command } from "commander";
import type { Feature } from "geojson";
import { planRotation, teachersNeeded, type RotationPlan, type RotationSchool, type StaffedPupils } from "../communities/rotation.ts";
import type { CoordinateSystem } from "../io/coordinateSystem.ts";
import { readDemandPoints } from "../io/index.ts";
import { readFeatureNumber } from "../io/values.ts";
import type { TravelMode } from "../travel/index.ts";
import { withFileIndex } from "./communitySchools.ts";
import { checkOutputPath, explainLayerError, readLayer, writeText } from "./files.ts";
import { CliError, type CliContext } from "./io.ts";
import { plural } from "./words.ts";
import { parsePositiveNumber, parseShare } from "./parsers.ts";
import { addTeacherTravelFlags, teacherTravelMinutes } from "./teacherTravel.ts";

/** The options of `rotation`, as commander parses them. */
export interface RotationCommandOptions {
  readonly communities: string;
  readonly id?: string;
  readonly community: string;
  readonly names: string;
  readonly teachers: string;
  readonly needed?: string;
  readonly primary?: string;
  readonly junior?: string;
  readonly senior?: string;
  readonly maxMinutes?: number;
  readonly share?: number;
  readonly roads?: string;
  readonly costs?: string;
  readonly mode: TravelMode;
  readonly crs: CoordinateSystem;
  readonly timeLimit?: number;
  readonly json?: boolean;
  readonly out: string;
}

/** A plan's enrolment properties (plan.geojson, kept by `communities --plan`) by staffing level. */
const PLAN_ENROLMENT: Readonly<Record<keyof StaffedPupils, readonly string[]>> = {
  primary: ["enrolment_primary1to3", "enrolment_primary4to6", "enrolment_primary"],
  junior: ["enrolment_junior"],
  senior: ["enrolment_senior"],
};

/** Each school's pupils by staffing level: from `--primary/--junior/--senior`, or a plan's enrolment; null: none given. */
function staffedPupils(features: readonly Feature[], options: RotationCommandOptions, where: (k: number) => { source: string; index: number; id: string }): (StaffedPupils | null)[] | null {
  const flags = { primary: options.primary, junior: options.junior, senior: options.senior };
  const given = Object.values(flags).some((value) => value !== undefined);
  const fromPlan = features.some((feature) => Object.keys(feature.properties ?? {}).some((key) => key.startsWith("enrolment_")));
  if (!given && !fromPlan) return null;
  for (const [level, property] of Object.entries(flags)) {
    if (property !== undefined && !features.some((feature) => Object.hasOwn(feature.properties ?? {}, property))) throw new CliError(`--${level} ${property}: no school has this property`);
  }
  return features.map((feature, k) => {
    const pupils: Record<string, number> = {};
    for (const level of ["primary", "junior", "senior"] as const) {
      const property = flags[level];
      if (given) pupils[level] = property === undefined ? 0 : readFeatureNumber(feature, where(k), property, `${level} pupils`);
      else pupils[level] = PLAN_ENROLMENT[level].reduce((sum, key) => sum + (typeof feature.properties?.[key] === "number" ? (feature.properties[key] as number) : 0), 0);
    }
    return pupils.primary! + pupils.junior! + pupils.senior! > 0 ? pupils : null;
  });
}

async function runRotation(options: RotationCommandOptions, context: CliContext): Promise<void> {
  if (!/\.(json)$/i.test(options.out)) throw new CliError(`--out "${options.out}": must end in .json (the rotation as JSON)`);
  await checkOutputPath(options.out, "--out");
  if (options.costs !== undefined && options.roads !== undefined) throw new CliError("give --costs or --roads, not both");
  if (options.needed !== undefined && (options.primary ?? options.junior ?? options.senior) !== undefined) throw new CliError("give --needed (the teachers each school needs) or the pupils by level (--primary, --junior, --senior), not both");
  const file = await readLayer(options.communities, "--communities");
  const collection = file.collection as { features?: Feature[] };
  // The communities GeoJSON holds links and outlines too: only its schools (layer "school") rotate.
  const indices = Array.isArray(collection?.features) && collection.features.some((f) => f?.properties?.["layer"] === "school")
    ? collection.features.flatMap((f, k) => (f.properties?.["layer"] === "school" ? [k] : []))
    : null;
  const layer = indices === null ? collection : { ...(collection as object), features: indices.map((k) => collection.features![k]!) };
  let plan: RotationPlan;
  let basis: string;
  const leftOut: string[] = [];
  const names = new Map<string, string>();
  try {
    const read = readDemandPoints(layer, { ...(options.id === undefined ? {} : { id: options.id }), source: file.name, crs: options.crs });
    const ids = read.points.map((p, i) => String(p.id ?? i));
    const where = (index: number) => ({ source: file.name, index, id: ids[index]! });
    read.features.forEach((feature, k) => {
      const name = feature.properties?.[options.names];
      if (typeof name === "string" && name !== "") names.set(ids[k]!, name);
    });
    for (const [flag, property] of [["--community", options.community], ["--teachers", options.teachers], ["--needed", options.needed]] as const) {
      if (property !== undefined && !read.features.some((feature) => Object.hasOwn(feature.properties ?? {}, property))) throw new CliError(`${flag} ${property}: no school has this property${flag === "--community" ? " (give the GeoJSON that communities writes, or name the property)" : ""}`);
    }
    const pupils = options.needed === undefined ? staffedPupils(read.features, options, where) : null;
    if (options.needed === undefined && pupils === null) throw new CliError("the teachers each school needs: give --needed PROP, or the pupils by level (--primary, --junior, --senior PROP), or schools from a plan (communities --plan keeps its enrolment_* properties)");
    const whole = (k: number, property: string, name: string): number => {
      const value = readFeatureNumber(read.features[k]!, where(k), property, name);
      if (!Number.isInteger(value) || value < 0) throw new CliError(`--${name === "teachers" ? "teachers" : "needed"} ${property}: school ${ids[k]} has ${value}; must be a whole number ≥ 0`);
      return value;
    };
    const chosen: number[] = [];
    const schools: RotationSchool[] = [];
    read.features.forEach((feature, k) => {
      const staffed = pupils?.[k] ?? null;
      // Schools without primary or secondary pupils (kindergartens) are outside the staffing standard.
      if (options.needed === undefined && staffed === null) { leftOut.push(ids[k]!); return; }
      const community = feature.properties?.[options.community];
      if (community === undefined || community === null || community === "") throw new CliError(`--community ${options.community}: school ${ids[k]} has none`);
      chosen.push(k);
      schools.push({
        id: ids[k]!, community: String(community), lead: feature.properties?.["role"] === "lead",
        teachers: whole(k, options.teachers, "teachers"),
        needed: options.needed === undefined ? teachersNeeded(staffed!) : whole(k, options.needed, "needed"),
      });
    });
    if (schools.length === 0) throw new CliError(`--communities "${options.communities}": no school has primary or secondary pupils to staff`);
    const coordinates = Float64Array.from(chosen.flatMap((k) => [read.coordinates[2 * k]!, read.coordinates[2 * k + 1]!]));
    const ends = { ids: schools.map((school) => school.id), coordinates };
    const travel = await teacherTravelMinutes(options, ends, ends, { from: "from", to: "to" });
    basis = travel.basis;
    plan = await planRotation(schools, {
      travelMinutes: travel.matrix,
      ...(options.maxMinutes === undefined ? {} : { maxTravelMinutes: options.maxMinutes }),
      ...(options.share === undefined ? {} : { share: options.share }),
      ...(options.timeLimit === undefined ? {} : { timeLimitSeconds: options.timeLimit }),
    });
  } catch (error) {
    throw explainLayerError(withFileIndex(error, file.name, indices), [file], options.id);
  }
  const output = { ...plan, travelBasis: basis, leftOut };
  await writeText(options.out, `${JSON.stringify(output, null, 1)}\n`, "--out");
  if (options.json === true) {
    context.streams.stdout.write(`${JSON.stringify({ status: plan.status, shortBefore: plan.shortBefore, shortAfter: plan.shortAfter, moved: plan.moved, teacherMinutes: plan.teacherMinutes })}\n`);
    return;
  }
  const lines = [`rotation: ${plan.status}, ${plural(plan.moved, "teacher")} moved in ${plural(plan.moves.length, "move")}, ${plan.teacherMinutes.toFixed(1)} teacher-minutes; short before ${plan.shortBefore}, after ${plan.shortAfter} (travel: ${basis})`];
  const levels = options.needed !== undefined ? "" : (options.primary ?? options.junior ?? options.senior) === undefined ? "primary or secondary" : ["primary", "junior", "senior"].filter((level) => options[level as "primary"] !== undefined).map((level) => `--${level}`).join(" or ");
  if (leftOut.length > 0) lines.push(`  left out: ${plural(leftOut.length, "school")} without ${levels} pupils (the staffing standard covers primary and secondary schools, not kindergartens)`);
  const name = (id: string): string => names.get(id) ?? id;
  for (const move of plan.moves.slice(0, 20)) lines.push(`  ${name(move.from)} → ${name(move.to)}: ${plural(move.teachers, "teacher")}, ${move.minutes.toFixed(1)} min`);
  if (plan.moves.length > 20) lines.push(`  … ${plan.moves.length - 20} more in ${options.out}`);
  lines.push(`wrote ${options.out}`);
  context.streams.stdout.write(`${lines.join("\n")}\n`);
}

/** Registers `rotation` on the program. */
export function registerRotationCommand(program: Command, context: CliContext): void {
  const command = program
    .command("rotation")
    .description("a year's teacher rotation within communities: from schools above their staffing need (leads first) to those below it, within a travel limit and a share")
    .requiredOption("--communities <file>", "the schools with their community: the GeoJSON communities writes (or any layer with --community)")
    .option("--id <property>", "the id property (default: the feature id or `id`)")
    .option("--community <property>", "the schools' community", "community")
    .option("--names <property>", "the schools' display names (the summary)", "name")
    .requiredOption("--teachers <property>", "the teachers each school has (a whole number)")
    .option("--needed <property>", "the teachers each school needs (default: from its pupils by the staffing standard)")
    .option("--primary <property>", "pupils of grades 1–6, for the staffing standard (default: a plan's enrolment)")
    .option("--junior <property>", "pupils of junior secondary")
    .option("--senior <property>", "pupils of senior secondary")
    .option("--max-minutes <minutes>", "the longest move, minutes", parsePositiveNumber)
    .option("--share <fraction>", "the most a school sends in a year, as a share of its teachers (0–1, default 0.1)", parseShare)
    .option("--time-limit <seconds>", "stop after this many seconds", parsePositiveNumber);
  addTeacherTravelFlags(command, "from, to")
    .requiredOption("--out <file>", "the rotation as JSON: status, moves (from, to, teachers, minutes), every school before and after")
    .action((options: RotationCommandOptions) => runRotation(options, context));
}
