/**
 * `school-layout compare`: two plans (or a plan and its status quo, or layouts of one's own) figure by figure,
 * with the change, as JSON rows and as Markdown on request.
 * @module
 */
import type { Command } from "commander";
import { comparePlans } from "../metrics/compare.ts";
import { evaluateLayout } from "../metrics/evaluate.ts";
import { resolvePlanRules } from "../plan/rules/rules.ts";
import { documentToMarkdown } from "../render/document/markdown.ts";
import { comparisonDocument } from "../render/report/evaluationReport.ts";
import { checkOutputPath, writeText } from "./files.ts";
import type { CliContext } from "./io.ts";
import { parseChoice } from "./parsers.ts";
import { balanceTotalsOf, readLayoutFile, type LayoutChoice } from "./planFile.ts";
import { loadPlanInput, type PlanInputOptions } from "./planInput.ts";
import { addPlanInputFlags } from "./planInputFlags.ts";

/** The options of `compare`, as commander parses them. */
export interface CompareCommandOptions extends PlanInputOptions {
  readonly a: string;
  readonly b: string;
  readonly layoutA: LayoutChoice;
  readonly layoutB: LayoutChoice;
  readonly lang: "zh" | "en";
  readonly out?: string;
  readonly markdown?: string;
}

async function runCompare(options: CompareCommandOptions, context: CliContext): Promise<void> {
  if (options.out !== undefined) await checkOutputPath(options.out, "--out");
  if (options.markdown !== undefined) await checkOutputPath(options.markdown, "--markdown");
  const { geo, norms } = await loadPlanInput({ ...options, quiet: true, progress: true }, context.streams);
  const balanceTotals = balanceTotalsOf(geo);
  const evaluate = async (path: string, flag: string, choice: LayoutChoice) => {
    const { layout, plan } = await readLayoutFile(path, geo, flag, choice);
    return evaluateLayout(geo.system, layout, {
      rules: plan?.rules ?? resolvePlanRules({ norms }),
      ...(plan === null ? {} : { costFigures: plan.costFigures }),
      ...(balanceTotals === undefined ? {} : { balanceTotals }),
    });
  };
  const rows = comparePlans(await evaluate(options.a, "--a", options.layoutA), await evaluate(options.b, "--b", options.layoutB));
  const json = `${JSON.stringify(rows, null, 1)}\n`;
  if (options.out === undefined) context.streams.stdout.write(json);
  else await writeText(options.out, json, "--out");
  const label = (path: string, choice: LayoutChoice): string => (choice === "plan" ? path : `${path} (${choice})`);
  if (options.markdown !== undefined) {
    await writeText(options.markdown, documentToMarkdown(comparisonDocument(rows, [label(options.a, options.layoutA), label(options.b, options.layoutB)], { language: options.lang })), "--markdown");
  }
}

/** Registers `compare` on the program. */
export function registerCompareCommand(program: Command, context: CliContext): void {
  const command = program.command("compare").description("two plans (or a plan and its status quo) figure by figure, with the change");
  addPlanInputFlags(command);
  command
    .requiredOption("--a <file>", "the first plan.json (or layout), made from the inputs")
    .requiredOption("--b <file>", "the second plan.json (or layout)")
    .option("--layout-a <which>", "of --a: the plan or its status-quo", parseChoice(["plan", "status-quo"] as const), "plan")
    .option("--layout-b <which>", "of --b: the plan or its status-quo", parseChoice(["plan", "status-quo"] as const), "plan")
    .option("--lang <language>", "language of --markdown: zh or en", parseChoice(["zh", "en"] as const), "en")
    .option("--out <file>", "write the rows (figure, a, b, change) as JSON here (default: standard output)")
    .option("--markdown <file>", "also write the figures that differ as a Markdown table here")
    .action((options: CompareCommandOptions) => runCompare(options, context));
}
