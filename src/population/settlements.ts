/**
 * Settlements as projection places: what each is for migration (rural, township seat, county seat), its township,
 * and its share of the county's children.
 * @module
 */
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { InputError } from "../errors.ts";
import { unitWeights } from "./allocate.ts";
import type { CensusUnit } from "./census.ts";
import { PLACE_KINDS, type PlaceKind } from "./migration.ts";

/** A settlement ready for a projection: its kind, township and allocation weight. */
export interface SettlementPlace {
  /** The settlement's id. */
  readonly id: string;
  /** What it is for migration. */
  readonly kind: PlaceKind;
  /** Its township's code or name. */
  readonly township?: string;
  /** Its weight in the split of the county's children (≥ 0). */
  readonly weight: number;
}

/**
 * How the county's children are split over settlements:
 * - `"urbanRural"`: by NBS urban–rural code (`ur_code`): an urban unit stands for the county's urban population ÷
 *   its urban units, a rural one for the rural population ÷ its rural units ({@link unitWeights});
 * - `"units"`: evenly, one share per village-level unit;
 * - `{ property }`: by a numeric property of each settlement (the caller's weights, e.g. a village's population).
 */
export type SettlementWeighting = "urbanRural" | "units" | PropertyWeighting;

/** Weights read from a numeric property of each settlement. */
export interface PropertyWeighting {
  /** The property name. */
  readonly property: string;
}

/** The options of {@link settlementPlaces}. */
export interface SettlementPlaceOptions {
  /** How children are split (default `"urbanRural"` when every settlement has `ur_code`, else `"units"`). */
  readonly weighting?: SettlementWeighting;
  /**
   * The township holding the county seat, by `town_code` or `town` (default: the township of a settlement whose
   * name contains 县城, if exactly one township has one; else none, and every seat is a township seat).
   */
  readonly countySeat?: string;
  /** The layer name to quote in errors (default `"settlements"`). */
  readonly source?: string;
}

/** The label carried by every settlement split. */
export function allocationLabel(weighting: SettlementWeighting): string {
  const rule = weighting === "urbanRural"
    ? "in proportion to the census urban or rural population per village-level unit (NBS urban-rural codes)"
    : weighting === "units"
      ? "evenly over village-level units"
      : `in proportion to the settlements' "${weighting.property}" property`;
  return `allocation, not data: the county's census children split over settlements ${rule}`;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : typeof value === "number" ? String(value) : undefined;
}

/** The result of {@link settlementPlaces}. */
export interface SettlementPlaces {
  /** The places, in input order. */
  readonly places: SettlementPlace[];
  /** The weighting used. */
  readonly weighting: SettlementWeighting;
  /** The county-seat township (its town_code or town), or `null` when none was found. */
  readonly countySeat: string | null;
  /** The label of the split ({@link allocationLabel}). */
  readonly allocation: string;
}

/**
 * Reads settlements as projection places. A settlement's kind is its `place_kind` property where given
 * (`"rural"`, `"townshipSeat"`, `"countySeat"`); else from its NBS urban–rural code `ur_code` (220 village →
 * rural; 1xx town centre or fringe and 210 township centre → a seat) or, without one, its `at_seat` flag; a seat
 * in the county-seat township is the county seat. Its township is `town_code`, else `town`.
 * @param settlements - the settlement features (ids from `properties.id`, else the feature id)
 * @param unit - the county's census unit (its urban and rural population weigh `"urbanRural"`)
 * @param options - see {@link SettlementPlaceOptions}
 * @returns the places (in input order), the weighting used, the county-seat township, and the allocation label
 * @throws InputError naming the settlement and the field for a missing id, an unknown kind, a missing
 *   `ur_code`/`at_seat`, a bad weight, or a county seat that no settlement's township matches
 */
export function settlementPlaces(
  settlements: FeatureCollection<Geometry | null> | readonly Feature<Geometry | null>[],
  unit: CensusUnit,
  options: SettlementPlaceOptions = {},
): SettlementPlaces {
  const source = options.source ?? "settlements";
  const features = Array.isArray(settlements) ? settlements : (settlements as FeatureCollection<Geometry | null>).features;
  if (!Array.isArray(features) || features.length === 0) throw new InputError({ source, field: "features", value: features }, "must hold at least one settlement");
  const props = features.map((f) => (f.properties ?? {}) as Record<string, unknown>);
  const ids = props.map((p, index) => {
    const id = text(p["id"]) ?? text(features[index]?.id);
    if (id === undefined) throw new InputError({ source, index, field: "id" }, "is missing");
    return id;
  });
  const seen = new Map<string, number>();
  ids.forEach((id, index) => {
    const first = seen.get(id);
    if (first !== undefined) throw new InputError({ source, index, id, field: "id", value: id }, `repeats the id of settlement ${first}`);
    seen.set(id, index);
  });
  // NBS village codes begin with their county's code: settlements of another county are a mistake.
  if (/^\d{6}$/.test(unit.code) && ids.every((id) => /^\d{12}$/.test(id)) && !ids.some((id) => id.startsWith(unit.code))) {
    throw new InputError({ source, index: 0, id: ids[0], field: "id", value: ids[0] }, `is an NBS code of another county: no settlement's code begins with ${unit.code} (${unit.name})`);
  }
  const townships = props.map((p) => text(p["town_code"]) ?? text(p["town"]));
  let countySeat: string | null = options.countySeat ?? null;
  if (countySeat !== null) {
    const match = props.findIndex((p) => text(p["town_code"]) === countySeat || text(p["town"]) === countySeat);
    if (match < 0) throw new InputError({ source, field: "countySeat", value: countySeat }, "matches no settlement's town_code or town");
    countySeat = townships[match] ?? null;
  } else {
    const seatTowns = [...new Set(props.flatMap((p, i) => (String(p["name"] ?? "").includes("县城") && townships[i] !== undefined ? [townships[i] as string] : [])))];
    countySeat = seatTowns.length === 1 ? (seatTowns[0] as string) : null;
  }
  const kinds = props.map((p, index): PlaceKind => {
    const given = p["place_kind"];
    if (given !== undefined) {
      if (!PLACE_KINDS.includes(given as PlaceKind) || given === "county") {
        throw new InputError({ source, index, id: ids[index], field: "place_kind", value: given }, 'must be "rural", "townshipSeat" or "countySeat"');
      }
      return given as PlaceKind;
    }
    const code = text(p["ur_code"]);
    let seat: boolean;
    if (code !== undefined) {
      if (!/^[12]\d\d$/.test(code)) throw new InputError({ source, index, id: ids[index], field: "ur_code", value: code }, "must be a 3-digit NBS urban-rural code");
      seat = code !== "220";
    } else if (typeof p["at_seat"] === "boolean" || p["at_seat"] === "true" || p["at_seat"] === "false") {
      seat = p["at_seat"] === true || p["at_seat"] === "true";
    } else {
      throw new InputError({ source, index, id: ids[index], field: "place_kind" }, "is missing: give place_kind, ur_code or at_seat so migration knows rural places from seats");
    }
    if (!seat) return "rural";
    return countySeat !== null && townships[index] === countySeat ? "countySeat" : "townshipSeat";
  });
  const weighting: SettlementWeighting = options.weighting ?? (props.every((p) => text(p["ur_code"]) !== undefined) ? "urbanRural" : "units");
  let weights: number[];
  if (weighting === "urbanRural") {
    const codes = props.map((p, index) => {
      const code = text(p["ur_code"]);
      if (code === undefined) throw new InputError({ source, index, id: ids[index], field: "ur_code" }, "is missing (the urbanRural weighting needs it on every settlement)");
      return code;
    });
    if (!(unit.urban + unit.rural > 0)) {
      throw new InputError({ source, field: "weights", value: "urbanRural" }, "needs the census urban and rural population (urban, rural in the census file); give them, or weigh by units or a property");
    }
    weights = unitWeights(codes, unit.urban, unit.rural).weights;
  } else if (weighting === "units") {
    weights = props.map(() => 1);
  } else {
    weights = props.map((p, index) => {
      const raw = p[weighting.property];
      const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new InputError({ source, index, id: ids[index], field: weighting.property, value }, "must be a weight ≥ 0");
      }
      return value;
    });
    if (!(weights.reduce((a, b) => a + b, 0) > 0)) throw new InputError({ source, field: weighting.property, value: 0 }, "the weights must not all be 0");
  }
  const places = ids.map((id, i) => ({ id, kind: kinds[i] as PlaceKind, ...(townships[i] === undefined ? {} : { township: townships[i] }), weight: weights[i] as number }));
  return { places, weighting, countySeat, allocation: allocationLabel(weighting) };
}
