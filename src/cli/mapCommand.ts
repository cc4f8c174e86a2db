/**
 * `school-layout map`: a map of a plan.json as SVG or PNG (the plan, its status quo, both side by side, the travel
 * view, or one panel per level), from the plan's inputs, without solving.
 * @module
 */
import { extname } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { LEVELS, type LevelId } from "../norms/levels.ts";
import { svgToPng } from "../render/png.node.ts";
import { planMapFigures, type PlanMapKind } from "../render/report/planFigures.ts";
import { checkOutputPath, writeBytes, writeText } from "./files.ts";
import { CliError, type CliContext } from "./io.ts";
import { readMapLayers } from "./mapLayers.ts";
import { parseChoice } from "./parsers.ts";
import { readPlanFile } from "./planFile.ts";
import { loadPlanInput, type PlanInputOptions } from "./planInput.ts";
import { addOutputFlags, addPlanInputFlags } from "./planInputFlags.ts";
import { MAP_PNG_WIDTH } from "./planOutputs.ts";

/** The views of `map --view`, by the {@link PlanMapKind} each draws. */
const VIEWS = { plan: "plan", "status-quo": "statusQuo", "side-by-side": "sideBySide", travel: "travel", levels: "levels" } as const satisfies Record<string, PlanMapKind>;

/** The options of `map`, as commander parses them. */
export interface MapCommandOptions extends PlanInputOptions {
  readonly plan: string;
  readonly view: keyof typeof VIEWS;
  readonly level?: LevelId;
  readonly lang: "zh" | "en";
  readonly title?: string;
  readonly boundary?: string;
  readonly townships?: string;
  readonly width?: number;
  readonly out: string;
}

function parsePngWidth(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 16 || value > 20000) throw new InvalidArgumentError("must be a whole number of pixels from 16 to 20000");
  return value;
}

async function runMap(options: MapCommandOptions, context: CliContext): Promise<void> {
  const format = extname(options.out).toLowerCase();
  if (format !== ".svg" && format !== ".png") throw new CliError(`--out "${options.out}": must end in .svg or .png (the format of the map)`);
  if (options.width !== undefined && format !== ".png") throw new CliError(`--width ${options.width}: only for a .png map (an SVG scales without loss)`);
  if (options.level !== undefined && options.view === "levels") throw new CliError(`--level ${options.level}: not with --view levels, which draws every level`);
  await checkOutputPath(options.out, "--out");
  const layers = await readMapLayers(options);
  const { geo } = await loadPlanInput({ ...options, quiet: true, progress: true }, context.streams);
  const plan = await readPlanFile(options.plan, geo, "--plan");
  if (plan.schools === undefined) throw new CliError(`--plan "${options.plan}": the plan has no layout to draw (status ${plan.status})`);
  const kind = VIEWS[options.view];
  if ((kind === "statusQuo" || kind === "sideBySide") && plan.statusQuo === null) throw new CliError(`--view ${options.view}: the plan has no status quo (no existing schools)`);
  const [figure] = planMapFigures(plan, geo, {
    ...layers,
    language: options.lang,
    kinds: [kind],
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.level === undefined ? {} : { level: options.level }),
  });
  if (figure === undefined) throw new CliError(`--view ${options.view}: nothing to draw (no pupils assigned)`);
  if (format === ".svg") await writeText(options.out, figure.svg, "--out");
  else await writeBytes(options.out, svgToPng(figure.svg, { width: options.width ?? MAP_PNG_WIDTH }), "--out");
  context.streams.stdout.write(`wrote ${options.out}\n`);
}

/** Registers `map` on the program. */
export function registerMapCommand(program: Command, context: CliContext): void {
  const command = program.command("map").description("a map of a plan.json as SVG or PNG (plan, status quo, side by side, travel, one panel per level), in Chinese or English");
  addPlanInputFlags(command);
  addOutputFlags(command);
  command
    .requiredOption("--plan <file>", "plan.json written by `plan` from the same inputs")
    .option("--view <view>", `what to draw: ${Object.keys(VIEWS).join(", ")}`, parseChoice(Object.keys(VIEWS) as (keyof typeof VIEWS)[]), "plan")
    .option("--level <level>", `draw one level only: ${LEVELS.join(", ")}`, parseChoice(LEVELS))
    .option("--width <px>", `width of a .png map in pixels (default ${MAP_PNG_WIDTH})`, parsePngWidth)
    .requiredOption("--out <file>", "the map to write: .svg or .png")
    .action((options: MapCommandOptions) => runMap(options, context));
}
