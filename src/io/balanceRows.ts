/**
 * The quality-balance evaluation as table rows (one per school and stage, then one per indicator and stage), for
 * the `balance` table of {@link planTables} and plan.xlsx.
 * @module
 */
import type { BalanceEvaluation } from "../metrics/balance.ts";
import { BALANCE_INDICATORS, BALANCE_STAGES } from "../metrics/balanceIndicators.ts";
import type { BalanceColumn, TableCell } from "./planTables.ts";

/** The rows and columns of the balance table. */
export interface BalanceTableRows {
  /** The rows: each school of each stage (`kind` `school`), then each indicator of each stage with its CV (`kind` `indicator`). */
  readonly rows: readonly Readonly<Record<string, TableCell>>[];
  /** The columns, headers with units in both languages. */
  readonly columns: readonly BalanceColumn[];
}

/**
 * The balance table of an evaluation: per stage (primary = grades 1–6, junior = 7–9) and school its pupils,
 * whether it is counted (≥ 50 pupils), its seven indicator values (in each indicator's unit: per 100 students or
 * per student), indicators met and whether it passes (≥ 6 of 7); then per stage and indicator the threshold, the
 * county value, the enrolment-weighted CV (教督〔2017〕6号 附件2), the limit and whether it passes.
 * @param balance - a balance evaluation (e.g. `evaluateLayout(…).balance`)
 * @returns rows and columns for {@link planTables}' `balance` and `balanceColumns` options
 */
export function balanceTableRows(balance: BalanceEvaluation): BalanceTableRows {
  const rows: Record<string, TableCell>[] = [];
  for (const stage of BALANCE_STAGES) {
    for (const school of balance[stage].schools) {
      const row: Record<string, TableCell> = { kind: "school", stage, id: school.id, name: school.name, pupils: school.pupils, counted: school.counted };
      for (const { id } of BALANCE_INDICATORS) row[id] = school.values[id];
      row.met = school.metCount;
      row.passes = school.passes;
      rows.push(row);
    }
  }
  for (const stage of BALANCE_STAGES) {
    balance[stage].indicators.forEach((indicator) => {
      rows.push({ kind: "indicator", stage, id: indicator.id, threshold: indicator.threshold, countyValue: indicator.countyValue, coefficientOfVariation: indicator.coefficientOfVariation, limit: balance[stage].coefficientLimit, passes: indicator.passes });
    });
  }
  const columns: BalanceColumn[] = [
    { key: "kind", header: { en: "row (school or indicator)", zh: "行（学校或指标）" } },
    { key: "stage", header: { en: "stage", zh: "学段" } },
    { key: "id", header: { en: "school or indicator id", zh: "学校或指标编号" } },
    { key: "name", header: { en: "school name", zh: "学校名称" } },
    { key: "pupils", header: { en: "pupils", zh: "学生数" } },
    { key: "counted", header: { en: "counted (≥ 50 pupils)", zh: "参与计算（≥50人）" } },
    ...BALANCE_INDICATORS.map((indicator): BalanceColumn => ({ key: indicator.id, header: { en: `${indicator.nameEn} (${indicator.unit})`, zh: indicator.nameZh } })),
    { key: "met", header: { en: "indicators met (of 7)", zh: "达标指标数（共7项）" } },
    { key: "threshold", header: { en: "threshold (indicator's unit)", zh: "标准值" } },
    { key: "countyValue", header: { en: "county value (indicator's unit)", zh: "全县值" } },
    { key: "coefficientOfVariation", header: { en: "coefficient of variation (weighted)", zh: "差异系数（加权）" } },
    { key: "limit", header: { en: "CV limit", zh: "差异系数上限" } },
    { key: "passes", header: { en: "passes", zh: "达标" } },
  ];
  return { rows, columns };
}
