/**
 * The flags that describe a plan's inputs (layers, travel, norms, groups, cost figures), shared by `plan` and by
 * the commands that read a plan back (`report`, `map`, `evaluate`, `compare`), which must rebuild the same system.
 * @module
 */
import type { Command } from "commander";
import { COORDINATE_SYSTEMS } from "../io/coordinateSystem.ts";
import { parseChoice, parseNonNegativeNumber, parsePositiveNumber } from "./parsers.ts";
import { parseLevelModes, parseLevelSpeeds } from "./planInput.ts";

/** Adds the input flags of a plan (see {@link PlanInputOptions}) to `command`. */
export function addPlanInputFlags(command: Command): Command {
  return command
    .requiredOption("--settlements <file>", "settlements: GeoJSON, CSV or .xlsx with pupils per level (docs/schemas/settlements.schema.json)")
    .requiredOption("--schools <file>", "existing schools: GeoJSON, CSV or .xlsx with type, tier, classes, beds (docs/schemas/schools.schema.json)")
    .option("--candidates <file>", "candidate sites for new schools: like --schools")
    .option("--longitude <col>", "in CSV or .xlsx layers: the longitude column (default: longitude, lon, lng or x)")
    .option("--latitude <col>", "in CSV or .xlsx layers: the latitude column (default: latitude, lat or y)")
    .option("--roads <file>", "road network (GeoJSON LineStrings, .osm or .osm.pbf): travel minutes per level by --modes")
    .option("--costs <file>", "long-format travel-time CSV in minutes (e.g. from `school-layout travel`), the same for every level")
    .option("--cost-from <col>", "with --costs: column with the settlement id", "from")
    .option("--cost-to <col>", "with --costs: column with the school id", "to")
    .option("--cost-value <col>", "with --costs: column with the minutes", "minutes")
    .option("--missing-pairs <rule>", "with --costs: pairs absent from the table: error, or not-allowed (unreachable)", parseChoice(["error", "not-allowed"] as const), "error")
    .option("--modes <list>", "travel mode per level, e.g. kindergarten=walk,primary1to3=walk,primary4to6=schoolBus (default: walk up to grade 3, school bus above)", parseLevelModes)
    .option("--speed <list>", "without --roads: km/h per level (e.g. primary1to3=4,junior=30) or one number for all (default by mode: walk 5, school bus 40)", parseLevelSpeeds)
    .option("--detour <factor>", "without --roads: road distance ÷ straight-line distance (default 1.3)", parsePositiveNumber)
    .option("--cutoff <minutes>", "pairs above this many minutes are not allowed (sparser, faster)", parseNonNegativeNumber)
    .option("--node-crossings", "with --roads: join roads where they cross without a shared vertex")
    .option("--crs <system>", `coordinate system of the input layers: ${COORDINATE_SYSTEMS.join(", ")}`, parseChoice(COORDINATE_SYSTEMS), "wgs84")
    .option("--norms <file>", 'norm overrides (JSON), e.g. { "dayTravelLimitMinutes": { "primary4to6": 40 }, "boardingFromGrade": 5 }')
    .option("--groups <file>", 'special groups (JSON array), e.g. [{ "id": "disability", "rule": "resourceRoom" }, { "id": "leftBehind", "rule": "boardingCare" }]')
    .option("--cost-figures <file>", 'cost figures (JSON), yuan per year, replacing the illustrative defaults, e.g. { "classPerYear": 180000 }');
}

/** Adds the flags of the pictures and the report (`--lang`, `--boundary`, `--title`) to `command`. */
export function addOutputFlags(command: Command): Command {
  return command
    .option("--lang <language>", "language of summary.md, the report, the maps and the tables: zh or en", parseChoice(["zh", "en"] as const), "en")
    .option("--boundary <file>", "county boundary (GeoJSON Polygon or MultiPolygon) drawn on the maps")
    .option("--townships <file>", "township borders (GeoJSON Polygons) drawn on the maps")
    .option("--title <text>", "title of the summary, the report and the maps");
}
