import { describe, expect, it } from "vitest";
import { readDemandPoints, rowsToGeoJSON } from "../../src/io/index.ts";
import { deepFreeze, expectInputError } from "./support.ts";

const rows = () => [
  { NAME: "060816029.00", POP2000: "4135", long: "-122.488653101", lat: "37.650807231" },
  { NAME: "060816028.00", POP2000: 4831, long: -122.483549889, lat: 37.659997767 },
];

describe("rowsToGeoJSON", () => {
  it("makes one Point per row at [longitude, latitude], the other columns as properties, values unchanged", () => {
    const result = rowsToGeoJSON(rows(), { longitude: "long", latitude: "lat" });
    expect(result).toEqual({
      type: "FeatureCollection",
      features: [
        { type: "Feature", geometry: { type: "Point", coordinates: [-122.488653101, 37.650807231] }, properties: { NAME: "060816029.00", POP2000: "4135" } },
        { type: "Feature", geometry: { type: "Point", coordinates: [-122.483549889, 37.659997767] }, properties: { NAME: "060816028.00", POP2000: 4831 } },
      ],
    });
  });

  it("feeds readDemandPoints, which accepts numeric strings as weights", () => {
    const layer = readDemandPoints(rowsToGeoJSON(rows(), { longitude: "long", latitude: "lat" }), { id: "NAME", weight: "POP2000" });
    expect(layer.points).toEqual([
      { id: "060816029.00", weight: 4135 },
      { id: "060816028.00", weight: 4831 },
    ]);
  });

  it("does not mutate the rows and gives an empty collection for no rows", () => {
    const input = deepFreeze(rows());
    const before = JSON.stringify(input);
    rowsToGeoJSON(input, { longitude: "long", latitude: "lat" });
    expect(JSON.stringify(input)).toBe(before);
    expect(rowsToGeoJSON([], { longitude: "x", latitude: "y" })).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("can be called again with other columns (the geojson package keeps state between calls)", () => {
    rowsToGeoJSON(rows(), { longitude: "long", latitude: "lat" });
    const again = rowsToGeoJSON([{ x: 10, y: 20, long: "keep" }], { longitude: "x", latitude: "y" });
    expect(again.features[0]).toEqual({ type: "Feature", geometry: { type: "Point", coordinates: [10, 20] }, properties: { long: "keep" } });
  });

  it("throws InputError naming the row and listing its columns when a coordinate column is missing", () => {
    expectInputError(() => rowsToGeoJSON(rows(), { longitude: "lon", latitude: "lat", source: "tracts.csv" }), "tracts.csv 0", '"lon"', 'the row\'s columns are "NAME", "POP2000", "long", "lat"');
  });

  it("throws InputError naming the row and the values for non-numeric, out-of-range or swapped coordinates", () => {
    const bad = (long: unknown, lat: unknown) => () => rowsToGeoJSON([...rows(), { NAME: "x", long, lat }], { longitude: "long", latitude: "lat" });
    expectInputError(bad("west", "37.6"), "rows 2", '"long, lat"', "the longitude is not", '["west",37.6]');
    expectInputError(bad("", "37.6"), "rows 2", 'got ["",37.6]');
    expectInputError(bad("-190", "37.6"), "rows 2", "longitude -190");
    expectInputError(bad("37.6", "-122.4"), "rows 2", 'column "long" holds a latitude and "lat" a longitude', "[37.6,-122.4]");
    expectInputError(() => rowsToGeoJSON([7 as never], { longitude: "long", latitude: "lat" }), "rows 0", "must be an object", "got 7");
  });
});
