import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { readDemandPoints } from "../../src/io/geojson.ts";
import { readSchoolLayer } from "../../src/io/schoolSystemGeoJSON.ts";
import { csvToPointLayer, parseCsvRows, rowsToPointLayer, tableLocation, tableRowReferences, tableToPointLayer } from "../../src/io/tableLayers.ts";
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

describe("tableToPointLayer, tableLocation and tableRowReferences", () => {
  const csv = "id,Lon,Lat,type,tier,pupils.junior,classes.junior\na,1,2,junior,village,10,1\n,,,,,,\nb,3,4,junor,village,x,2\n";
  const { layer, origin } = tableToPointLayer(parseCsvRows(csv, "k.csv"));

  it("records each feature's row as a spreadsheet shows it and each property's header as spelt, blank rows skipped", () => {
    expect(layer).toEqual(rowsToPointLayer(parseCsvRows(csv, "k.csv")));
    expect(origin).toEqual({
      source: "k.csv",
      rowNumbers: [2, 4],
      columns: { id: "id", type: "type", tier: "tier", junior: "pupils.junior", "classes:junior": "classes.junior" },
      longitude: "Lon",
      latitude: "Lat",
    });
  });

  it("restates a reader's feature index and property path as the row and the header, keeping the id and the value", () => {
    expect(tableLocation({ source: "k.csv", index: 1, id: "b", field: "properties.type", value: "junor" }, origin, "--schools k.csv")).toEqual({ source: "--schools k.csv row 4", id: "b", field: "type", value: "junor" });
    const field = (name: string): string => tableLocation({ source: "k.csv", index: 0, field: name }, origin).field;
    expect(field("properties.classes.junior")).toBe("classes.junior");
    expect(field("properties.junior")).toBe("pupils.junior");
    expect(field("geometry.coordinates")).toBe("Lon, Lat");
    expect(field("id")).toBe("id");
    expect(field("properties.beds")).toBe("beds");
    expect(tableLocation({ source: "k.csv", field: "features" }, origin)).toEqual({ source: "k.csv", field: "features" });
  });

  it("restates a real reader error: the school layer's bad type", () => {
    let caught: unknown;
    try {
      readSchoolLayer(layer, { source: "k.csv" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(new InputError(tableLocation(error.location, origin), error.problem).message).toMatch(/^k\.csv row 4 \(id "b"\), "type": must be one of .*, got "junor"$/);
  });

  it("restates references to features in a message's text as rows", () => {
    expect(tableRowReferences("duplicates the id of k.csv 0", origin)).toBe("duplicates the id of row 2");
    expect(tableRowReferences("duplicates the id of k.csv 1; not k.csv2 1", origin, "--schools k.csv")).toBe("duplicates the id of --schools k.csv row 4; not k.csv2 1");
    expect(tableRowReferences("k.csv 7 is not a feature", origin)).toBe("k.csv 7 is not a feature");
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
