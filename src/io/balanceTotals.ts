/**
 * The schools' resource totals of the quality-balance evaluation (教督〔2017〕6号), read from the schools layer's
 * properties: one number property per indicator, named by its id ({@link BALANCE_INDICATORS}).
 * @module
 */
import type { Feature } from "geojson";
import { InputError } from "../errors.ts";
import type { BalanceTotals } from "../metrics/balance.ts";
import { BALANCE_INDICATORS, type BalanceIndicatorId } from "../metrics/balanceIndicators.ts";

/**
 * The resource totals of each school that carries any, by school id: the properties `qualifiedTeachers`,
 * `backboneTeachers`, `peArtTeachers` (teachers), `teachingFloorM2`, `sportsGroundM2` (m²), `equipmentYuan`
 * (yuan) and `multimediaClassrooms` (classrooms) — whole-school totals, from which the evaluation computes the
 * per-student values. Numbers written as strings (`"12"`, as CSV exports have them) are read as numbers; an empty
 * or absent property is unknown.
 * @param features - the school and candidate features, in system order (not mutated)
 * @param ids - their school ids, in the same order
 * @param source - the layer name for errors; default `"schools"`
 * @returns totals by school id, or undefined when no school carries any
 * @throws InputError naming the feature, the property and the value for a negative or non-numeric total
 */
export function readBalanceTotals(features: readonly Feature[], ids: readonly string[], source = "schools"): Record<string, BalanceTotals> | undefined {
  const result: Record<string, BalanceTotals> = {};
  features.forEach((feature, index) => {
    const properties = (feature.properties ?? {}) as Record<string, unknown>;
    const totals: Partial<Record<BalanceIndicatorId, number>> = {};
    for (const { id } of BALANCE_INDICATORS) {
      const raw = properties[id];
      if (raw === undefined || raw === null || raw === "") continue;
      const value = typeof raw === "string" ? Number(raw.trim()) : raw;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new InputError({ source, index, id: ids[index] ?? String(index), field: `properties.${id}`, value: raw }, "must be a resource total ≥ 0 (a number)");
      }
      totals[id] = value;
    }
    if (Object.keys(totals).length > 0) result[ids[index] ?? String(index)] = totals;
  });
  return Object.keys(result).length === 0 ? undefined : result;
}
