/**
 * `school-layout evaluate`: the figures of a plan, its status quo or a layout of one's own (access, equity,
 * utilization, quality balance, every norm violation) as JSON, and as Markdown on request.
 * @module
 */
import type { Command } from "commander";
import { evaluateLayout } from "../metrics/evaluate.ts";
import { resolvePlanRules } from "../plan/rules/rules.ts";
import { documentToMarkdown } from "../render/document/markdown.ts";
import { evaluationDocument } from "../render/report/evaluationReport.ts";
import { checkOutputPath, writeText } from "./files.ts";
import type { CliContext } from "./io.ts";
import { parseChoice } from "./parsers.ts";
import { balanceTotalsOf, readLayoutFile, type LayoutChoice } from "./planFile.ts";
import { loadPlanInput, type PlanInputOptions } from "./planInput.ts";
import { addPlanInputFlags } from "./planInputFlags.ts";

/** The options of `evaluate`, as commander parses them. */
export interface EvaluateCommandOptions extends PlanInputOptions {
  readonly plan: string;
  readonly layout: LayoutChoice;
  readonly lang: "zh" | "en";
  readonly title?: string;
  readonly out?: string;
  readonly markdown?: string;
}

async function runEvaluate(options: EvaluateCommandOptions, context: CliContext): Promise<void> {
  if (options.out !== undefined) await checkOutputPath(options.out, "--out");
  if (options.markdown !== undefined) await checkOutputPath(options.markdown, "--markdown");
  const { geo, norms } = await loadPlanInput({ ...options, quiet: true, progress: true }, context.streams);
  const { layout, plan } = await readLayoutFile(options.plan, geo, "--plan", options.layout);
  const balanceTotals = balanceTotalsOf(geo);
  const evaluation = evaluateLayout(geo.system, layout, {
    rules: plan?.rules ?? resolvePlanRules({ norms }),
    ...(plan === null ? {} : { costFigures: plan.costFigures }),
    ...(balanceTotals === undefined ? {} : { balanceTotals }),
  });
  const json = `${JSON.stringify(evaluation, null, 1)}\n`;
  if (options.out === undefined) context.streams.stdout.write(json);
  else await writeText(options.out, json, "--out");
  if (options.markdown !== undefined) {
    await writeText(options.markdown, documentToMarkdown(evaluationDocument(geo.system, evaluation, { language: options.lang, ...(options.title === undefined ? {} : { title: options.title }) })), "--markdown");
  }
  if (options.out !== undefined) context.streams.stderr.write(`evaluate: ${evaluation.violations.length} norm violations; wrote ${[options.out, options.markdown].filter(Boolean).join(", ")}\n`);
}

/** Registers `evaluate` on the program. */
export function registerEvaluateCommand(program: Command, context: CliContext): void {
  const command = program.command("evaluate").description("figures of a plan, its status quo or your own layout: access, equity, utilization, quality balance (教督〔2017〕6号), norm violations");
  addPlanInputFlags(command);
  command
    .requiredOption("--plan <file>", "plan.json written by `plan` (made from the same inputs), or your own layout: { schools, assignments } in plan.json's shape")
    .option("--layout <which>", "of a plan.json: the plan, or its status-quo", parseChoice(["plan", "status-quo"] as const), "plan")
    .option("--lang <language>", "language of --markdown: zh or en", parseChoice(["zh", "en"] as const), "en")
    .option("--title <text>", "title of --markdown")
    .option("--out <file>", "write the figures as JSON here (default: standard output)")
    .option("--markdown <file>", "also write the figures as Markdown here")
    .action((options: EvaluateCommandOptions) => runEvaluate(options, context));
}
