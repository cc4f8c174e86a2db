/**
 * Travel times on roads (`npx tsx examples/road-travel.ts`): a road network from GeoJSON, minutes per segment by
 * travel mode, a travel-time matrix from villages to schools (with the snapping and what cannot be reached), and a
 * p-median on those minutes; then the same on a generated county.
 *
 * **Synthetic data.** The valley below (roads, villages, pupils, schools) is made up for this example and
 * describes no real place; so is the county of the second part (`generateCounty`, seeded).
 */
import type { Feature, FeatureCollection, LineString, Point } from "geojson";
import {
  costOf, generateCounty, problemFromGeoJSON, readDemandPoints, readSites, roadNetworkFromGeoJSON, segmentMinutes, solvePMedian,
  summarizeSolution, travelTimeMatrix, type TravelMode,
} from "../src/index.ts";

// ---- Part 1: a small synthetic valley, drawn in kilometres east (x) and north (y) of a made-up origin.
const ORIGIN = [114.7, 23.8] as const;
const at = (x: number, y: number): [number, number] => [
  +(ORIGIN[0] + x / (111.32 * Math.cos((ORIGIN[1] * Math.PI) / 180))).toFixed(6),
  +(ORIGIN[1] + y / 110.57).toFixed(6),
];
const road = (id: string, tags: Record<string, string>, points: [number, number][]): Feature<LineString> => ({
  type: "Feature", id, properties: { id, ...tags, synthetic: true }, geometry: { type: "LineString", coordinates: points.map(([x, y]) => at(x, y)) },
});
const place = (id: string, x: number, y: number, properties: Record<string, unknown> = {}): Feature<Point> => ({
  type: "Feature", id, properties: { id, ...properties, synthetic: true }, geometry: { type: "Point", coordinates: at(x, y) },
});
const collection = <G extends LineString | Point>(features: Feature<G>[]): FeatureCollection<G> => ({ type: "FeatureCollection", features });

const roads = collection([
  road("valley road", { highway: "secondary", maxspeed: "60" }, [[0, 0], [2, 0.25], [4, 0.5], [8, 0], [12, 1]]),
  road("one-way street", { highway: "residential", oneway: "yes" }, [[2, 0.25], [1.4, 0.6], [0.6, 0.8], [0, 0]]),
  road("side valley road", { highway: "tertiary" }, [[4, 0.5], [5, 3], [6, 5]]),
  road("hill track", { highway: "track" }, [[8, 0], [9, -2], [10, -4]]),
  road("island lane", { highway: "unclassified" }, [[15, 6], [16, 6.5]]), // joins nothing: its own component
]);
const villages = collection([
  place("Town", 0.1, 0.1, { pupils: 300 }),
  place("Hexi", 4.2, 0.8, { pupils: 120 }),
  place("Shangkeng", 6, 5.1, { pupils: 60 }),
  place("Xiaping", 10, -4.05, { pupils: 25 }),
  place("Dongtou", 12, 1.2, { pupils: 80 }),
  place("Island", 15.5, 6.3, { pupils: 15 }), // on the island lane: no school in its component
  place("Far", 6, -6, { pupils: 10 }), // about 4.5 km from the nearest road: not snapped (limit 1,000 m)
]);
const schools = collection([place("Town school", 0.6, 0.8), place("Hexi school", 4, 0.5), place("Dongtou school", 12, 1)]);

const network = roadNetworkFromGeoJSON(roads);
const demand = readDemandPoints(villages, { id: "id", weight: "pupils" });
const sites = readSites(schools, { id: "id" });
console.log("Part 1: a small synthetic valley (made up; no real place)");
console.log(`${roads.features.length} roads, ${villages.features.length} villages, ${schools.features.length} schools`);

const minutesBy = (mode: TravelMode) => travelTimeMatrix(network, segmentMinutes(network, mode), demand.coordinates, sites.coordinates, { format: "dense" });
const bus = minutesBy("schoolBus");
const walk = minutesBy("walk");
console.log(`basis (school bus): ${bus.basis}`);
console.log();

const cell = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");
// Points by name: a feature's `name` property, else its id (the villages and schools here are named by their ids).
const nameOf = (feature: Feature): string => {
  const name = feature.properties?.["name"];
  return typeof name === "string" && name !== "" ? name : String(feature.id ?? feature.properties?.["id"]);
};
const names = schools.features.map(nameOf);
const header = ["minutes to →", ...names.map((name) => `${name} (bus / walk)`)];
const villageNames = villages.features.map(nameOf);
const rows = villageNames.map((name, i) => [name, ...names.map((_, j) => `${cell(costOf(bus.costs, i, j))} / ${cell(costOf(walk.costs, i, j))}`)]);
const widths = header.map((_, k) => Math.max(header[k]!.length, ...rows.map((row) => row[k]!.length)));
for (const row of [header, ...rows]) console.log(row.map((text, k) => (k === 0 ? text.padEnd(widths[k]!) : text.padStart(widths[k]!))).join("   "));
console.log("— : no route. Times run from the village to the school: the Town school stands on a one-way street, so the bus");
console.log("goes round by the valley road; walkers ignore one-way rules, and points within 1000 m of each other may walk straight across.");
console.log();
const unsnapped = bus.originSnapping.unsnapped.map((i) => villageNames[i]);
console.log(`not snapped (farther than ${bus.originSnapping.maxDistanceMetres} m from every road): ${unsnapped.join(", ") || "none"}`);
console.log(`without any school within reach: ${bus.unreachable.originsWithNoDestination.map((i) => villageNames[i]).join(", ") || "none"}`);
// Why, by name (the library's `unreachable.components.notes` say the same by index: "origin 5 lies in component 1 …").
const { originComponent, destinationComponent, nodeCounts } = bus.unreachable.components;
for (const i of bus.unreachable.originsWithNoDestination) {
  const c = originComponent[i]!;
  if (c >= 0 && !destinationComponent.includes(c)) {
    console.log(`  ${villageNames[i]} lies on a road piece of ${nodeCounts[c]} nodes that reaches no school (network component ${c})`);
  }
}
for (const i of bus.originSnapping.unsnapped) {
  const leg = bus.originSnapping.legMetres[i]!;
  const where = leg === Infinity ? "has no usable road at any distance" : `is ${Math.round(leg)} m from the nearest usable road`;
  console.log(`  ${villageNames[i]} ${where}, beyond the ${bus.originSnapping.maxDistanceMetres} m snapping limit`);
}
for (const j of bus.unreachable.destinationsWithNoOrigin) console.log(`  ${names[j]} is reached from no village`);

// A p-median needs a school for every village it serves: leave out the villages no school can reach, and say so.
const reachable = villages.features.filter((_, i) => !bus.unreachable.originsWithNoDestination.includes(i));
const served = collection(reachable);
const servedDemand = readDemandPoints(served, { id: "id", weight: "pupils" });
const times = travelTimeMatrix(network, segmentMinutes(network, "schoolBus"), servedDemand.coordinates, sites.coordinates, { cutoffMinutes: 60 });
const geo = problemFromGeoJSON(served, schools, { demand: { id: "id", weight: "pupils" }, sites: { id: "id" }, costs: times.costs, costBasis: times.basis });
console.log();
console.log(`p-median by school bus over the ${reachable.length} villages a school can reach (${villages.features.length - reachable.length} left out):`);
for (const p of [1, 2]) {
  const solution = await solvePMedian(geo.problem, { p });
  const summary = summarizeSolution(geo.problem, solution);
  const open = solution.open.map((j) => nameOf(geo.sites.features[j]!)).join(", ");
  console.log(`  p = ${p}: ${solution.status}, open ${open}; mean ${summary.meanCost!.toFixed(1)} min per pupil, longest ${summary.maxCost!.toFixed(1)} min`);
}

// ---- Part 2: a generated county (synthetic, seeded): 400 settlements, the township count of schools among them.
const county = generateCounty({ settlements: 400, seed: 7 });
const countyNetwork = roadNetworkFromGeoJSON(county.roads);
const settlements = readDemandPoints(county.settlements, { id: "id", weight: "primary1to3" });
const started = performance.now();
const countyTimes = travelTimeMatrix(countyNetwork, segmentMinutes(countyNetwork, "schoolBus"), settlements.coordinates, settlements.coordinates, { cutoffMinutes: 45 });
const matrixSeconds = (performance.now() - started) / 1000;
const countyGeo = problemFromGeoJSON(county.settlements, county.settlements, {
  demand: { id: "id", weight: "primary1to3" }, sites: { id: "id" }, costs: countyTimes.costs, costBasis: countyTimes.basis,
});
const p = county.metadata.parameters.townships;
const solution = await solvePMedian(countyGeo.problem, { p, timeLimitSeconds: 30 });
const summary = summarizeSolution(countyGeo.problem, solution);
const segments = county.roads.features.reduce((sum, f) => sum + f.geometry.coordinates.length - 1, 0);
console.log();
console.log(`Part 2: a generated county (synthetic, seed ${county.metadata.seed}): ${settlements.points.length} settlements, ${county.roads.features.length} roads (${segments} segments)`);
console.log(`travel-time matrix ${settlements.points.length} × ${settlements.points.length} by school bus, 45-minute cutoff: ${matrixSeconds.toFixed(1)} s, ${countyTimes.costs.kind === "sparse" ? countyTimes.costs.values.length.toLocaleString("en-US") : "all"} pairs within it`);
console.log(
  `p-median, p = ${p} (one school per township) among the settlements, weighted by grade 1–3 pupils: ${solution.status}` +
    `${solution.gap === null ? "" : `, gap ${(solution.gap * 100).toFixed(2)} %`}, mean ${summary.meanCost!.toFixed(1)} min, longest ${summary.maxCost!.toFixed(1)} min, ${solution.statistics.seconds.toFixed(1)} s`,
);
// The settlement with the longest trip and its school, by name (the generated settlements carry a `name`).
let far = 0;
for (let i = 0; i < countyGeo.problem.demand.length; i++) {
  if (costOf(countyGeo.problem.costs, i, solution.assignment[i]!) > costOf(countyGeo.problem.costs, far, solution.assignment[far]!)) far = i;
}
const farSchool = solution.assignment[far]!;
const label = (feature: Feature) => `${nameOf(feature)} (${String(feature.properties?.["id"])})`;
console.log(
  `longest trip: ${label(countyGeo.demand.features[far]!)} to the school at ${label(countyGeo.sites.features[farSchool]!)}, ` +
    `${costOf(countyGeo.problem.costs, far, farSchool).toFixed(1)} min`,
);
if (solution.status !== "optimal") process.exitCode = 1;
