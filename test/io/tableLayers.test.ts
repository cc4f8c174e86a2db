import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { readDemandPoints } from "../../src/io/geojson.ts";
import { csvToPointLayer, parseCsvRows, rowsToPointLayer } from "../../src/io/tableLayers.ts";
import { readFeatureNumber } from "../../src/io/values.ts";

describe("csvToPointLayer", () => {
  it("turns rows into Points from longitude/latitude columns; other columns become text properties, empty cells absent", () => {
    const layer = csvToPointLayer("\uFEFFid,Lon,LAT,pupils,note\r\nv1,114.7,23.9,12,\r\nv2, 114.71 ,23.91,007,\"a, b\"\r\n", { source: "v.csv" });
    expect(layer.features).toEqual([
      { type: "Feature", properties: { id: "v1", pupils: "12" }, geometry: { type: "Point", coordinates: [114.7, 23.9] } },
      { type: "Feature", properties: { id: "v2", pupils: "007", note: "a, b" }, geometry: { type: "Point", coordinates: [114.71, 23.91] } },
    ]);
  });

  it("accepts longitude/latitude, lng, x/y, or columns named by option, case-insensitively", () => {
    for (const [header, options] of [["longitude,latitude", {}], ["lng,lat", {}], ["X,Y", {}], ["east,north", { longitude: "EAST", latitude: "North" }]] as const) {
      const layer = csvToPointLayer(`${header},id\n1,2,a\n`, options);
      expect(layer.features[0]!.geometry.coordinates).toEqual([1, 2]);
    }
  });

  it("reads flat per-level column names: pupils.<level>, pupils_<level> and classes.<level>", () => {
    const layer = csvToPointLayer("id,lon,lat,pupils.junior,pupils_primary1to3,classes.junior,group:disability:junior\nv,1,2,30,40,2,1\n");
    expect(layer.features[0]!.properties).toEqual({ id: "v", junior: "30", primary1to3: "40", "classes:junior": "2", "group:disability:junior": "1" });
  });

  it("names the file, the row as a spreadsheet shows it, and the column for a bad coordinate", () => {
    expect(() => csvToPointLayer("id,lon,lat\na,1,2\nb,east,2\n", { source: "v.csv" })).toThrow('v.csv row 3, "lon": must be a number (degrees, or the unit of --crs), got "east"');
    expect(() => csvToPointLayer("id,lon,lat\na,,2\n", { source: "v.csv" })).toThrow(/v\.csv row 2, "lon": is empty/);
  });

  it("lists the header when no coordinate column is found, and names the flag", () => {
    expect(() => csvToPointLayer("id,east,north\na,1,2\n", { source: "v.csv" })).toThrow(/v\.csv, "longitude": no longitude column: name one "longitude", "lon", .*or give --longitude; the header has "id", "east", "north"/);
    expect(() => csvToPointLayer("id,lon,lat\na,1,2\n", { source: "v.csv", latitude: "north" })).toThrow(/v\.csv, "north": no such latitude column \(--latitude\)/);
  });

  it("rejects duplicate and empty headers and malformed CSV", () => {
    expect(() => csvToPointLayer("id,lon,lat,id\na,1,2,3\n", { source: "v.csv" })).toThrow(/v\.csv row 1, "id": appears twice/);
    expect(() => csvToPointLayer("id,,lon,lat\na,1,2,3\n", { source: "v.csv" })).toThrow(/v\.csv row 1, "column 2": the header cell is empty/);
    expect(() => parseCsvRows('id,lon\n"a,1\n', "v.csv")).toThrow(InputError);
    expect(() => parseCsvRows("", "v.csv")).toThrow(/v\.csv, "header": the file is empty/);
  });

  it("skips blank rows and does not mutate the table", () => {
    const table = parseCsvRows("id,lon,lat\na,1,2\n,,\nb,3,4\n", "v.csv");
    const copy = JSON.stringify(table);
    const layer = rowsToPointLayer(table);
    expect(layer.features.map((f) => f.properties!.id)).toEqual(["a", "b"]);
    expect(JSON.stringify(table)).toBe(copy);
  });

  it("feeds the existing readers, which parse numeric strings as before", () => {
    const layer = csvToPointLayer("id,lon,lat,pupils\nv1,114.7,23.9,12\n");
    expect(readDemandPoints(layer, { id: "id", weight: "pupils" }).points).toEqual([{ id: "v1", weight: 12 }]);
  });
});

describe("readFeatureNumber (regression: a null weight was reported as no property)", () => {
  it("says the property is null, not that it is absent", () => {
    const feature = { type: "Feature" as const, properties: { pupils: null }, geometry: { type: "Point" as const, coordinates: [1, 2] } };
    expect(() => readFeatureNumber(feature, { source: "d", index: 0 }, "pupils", "weight")).toThrow('d 0, "properties.pupils": missing weight: the property "pupils" is null (an empty attribute?); give a number, got null');
    const absent = { ...feature, properties: {} };
    expect(() => readFeatureNumber(absent, { source: "d", index: 0 }, "pupils", "weight")).toThrow(/the feature has no property "pupils"/);
  });
});
