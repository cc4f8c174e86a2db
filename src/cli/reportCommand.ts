/**
 * `school-layout report`: the HTML report of a plan.json, made again from its inputs without solving.
 * @module
 */
import type { Command } from "commander";
import { planMapFigures } from "../render/report/planFigures.ts";
import { planReportHtml } from "../render/report/planReport.ts";
import { checkOutputPath, writeText } from "./files.ts";
import { readMapLayers } from "./mapLayers.ts";
import { CliError, type CliContext } from "./io.ts";
import { balanceTotalsOf, readPlanFile } from "./planFile.ts";
import { loadPlanInput, type PlanInputOptions } from "./planInput.ts";
import { addOutputFlags, addPlanInputFlags } from "./planInputFlags.ts";

/** The options of `report`, as commander parses them. */
export interface ReportCommandOptions extends PlanInputOptions {
  readonly plan: string;
  readonly lang: "zh" | "en";
  readonly title?: string;
  readonly boundary?: string;
  readonly townships?: string;
  readonly out: string;
}

async function runReport(options: ReportCommandOptions, context: CliContext): Promise<void> {
  if (!/\.html?$/i.test(options.out)) throw new CliError(`--out "${options.out}": must end in .html (the report is one HTML file)`);
  await checkOutputPath(options.out, "--out");
  const layers = await readMapLayers(options);
  const { geo } = await loadPlanInput({ ...options, quiet: true, progress: true }, context.streams);
  const plan = await readPlanFile(options.plan, geo, "--plan");
  const balanceTotals = balanceTotalsOf(geo);
  const title = options.title === undefined ? {} : { title: options.title };
  const figures = planMapFigures(plan, geo, { ...layers, ...title, language: options.lang });
  const html = planReportHtml(plan, geo.system, {
    language: options.lang,
    ...title,
    figures,
    ...(layers.townshipNames === undefined ? {} : { townshipNames: layers.townshipNames }),
    ...(balanceTotals === undefined ? {} : { balanceTotals }),
  });
  await writeText(options.out, html, "--out");
  context.streams.stdout.write(`wrote ${options.out}\n`);
}

/** Registers `report` on the program. */
export function registerReportCommand(program: Command, context: CliContext): void {
  const command = program.command("report").description("the HTML report of a plan.json (maps, tables, balance figures), in Chinese or English, from the plan's inputs");
  addPlanInputFlags(command);
  addOutputFlags(command);
  command
    .requiredOption("--plan <file>", "plan.json written by `plan` from the same inputs")
    .requiredOption("--out <file>", "the HTML file to write")
    .action((options: ReportCommandOptions) => runReport(options, context));
}
