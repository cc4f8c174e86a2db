/**
 * GCJ-02 input in Deno without `--allow-env` (`deno run examples/deno/coordinates.ts`): layers declared
 * `crs: "gcj02"` (Gaode / AMap coordinates) are converted to WGS-84 when read, through gcoord, which the library
 * loads without reading the environment. The two points below are illustrative: made-up GCJ-02 positions near
 * the Dongyuan county seat, not data.
 */
import { costOf, fromWgs84, problemFromGeoJSON, toWgs84 } from "../../src/index.ts";

const seat: [number, number] = [114.7464, 23.7893]; // WGS-84, illustrative
const gcj = fromWgs84(seat, "gcj02");
const back = toWgs84(gcj, "gcj02");
console.log(`WGS-84 ${seat.join(", ")} → GCJ-02 ${gcj.map((v) => v.toFixed(6)).join(", ")} → WGS-84 ${back.map((v) => v.toFixed(6)).join(", ")}`);

const point = (id: string, position: [number, number], properties: Record<string, unknown>) => ({ type: "Feature" as const, id, properties: { id, ...properties }, geometry: { type: "Point" as const, coordinates: position } });
const demand = { type: "FeatureCollection" as const, features: [point("village", fromWgs84([114.70, 23.80], "gcj02"), { pupils: 40 })] };
const sites = { type: "FeatureCollection" as const, features: [point("school", gcj, {})] };
const { problem } = problemFromGeoJSON(demand, sites, { crs: "gcj02", demand: { id: "id", weight: "pupils" }, sites: { id: "id" } });
const metres = costOf(problem.costs, 0, 0);
console.log(`great-circle distance after conversion: ${(metres / 1000).toFixed(2)} km (${problem.costs.unit})`);
if (Math.abs(back[0] - seat[0]) > 1e-5 || Math.abs(back[1] - seat[1]) > 1e-5) throw new Error("GCJ-02 round trip drifted by more than 1e-5 degrees");
