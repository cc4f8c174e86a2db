import { describe, expect, it } from "vitest";
import { costOf } from "../../src/costMatrix.ts";
import { readCostTable, type CostTableOptions } from "../../src/io/index.ts";
import { expectInputError } from "./support.ts";

const base: CostTableOptions = {
  from: "origin",
  to: "school",
  value: "minutes",
  demandIds: ["a", "b"],
  siteIds: ["S1", "S2"],
  unit: "minutes",
  source: "od.csv",
};

const complete = "origin,school,minutes\na,S1,3\nb,S2,4.5\nb,S1,7\na,S2,0\n";

describe("readCostTable", () => {
  it("reads a complete long-format table into a dense matrix in the order of the ids, whatever the row order", () => {
    const matrix = readCostTable(complete, base);
    expect(matrix).toMatchObject({ kind: "dense", demandCount: 2, siteCount: 2, unit: "minutes" });
    expect([...matrix.values]).toEqual([3, 0, 7, 4.5]);
  });

  it("ignores extra columns and empty lines, trims cells and accepts a byte-order mark and CRLF", () => {
    const text = '\uFEFFnote,school,origin,minutes\r\n"x, y",S1, a ,3\r\n\r\n,S2,a,1\r\n,S1,b,2\r\n,S2,b,5\r\n';
    expect([...readCostTable(text, base).values]).toEqual([3, 1, 2, 5]);
  });

  it("throws InputError listing the columns there are when a named column is absent", () => {
    expectInputError(() => readCostTable(complete, { ...base, value: "distance" }), "od.csv line 1", '"value"', 'the columns are "origin", "school", "minutes"', 'got "distance"');
    expectInputError(() => readCostTable("", base), "od.csv line 1", "the table is empty");
  });

  it("throws InputError naming the line and the value for a non-numeric or negative value", () => {
    expectInputError(() => readCostTable("origin,school,minutes\na,S1,3\na,S2,n/a\n", base), "od.csv line 3", '"minutes"', 'got "n/a"');
    expectInputError(() => readCostTable("origin,school,minutes\na,S1,-2\n", base), "od.csv line 2", "≥ 0", 'got "-2"');
    expectInputError(() => readCostTable("origin,school,minutes\na,S1,\n", base), "od.csv line 2", 'got ""');
  });

  it("throws InputError naming the line and the id when an id matches no demand point or site", () => {
    expectInputError(() => readCostTable("origin,school,minutes\na,S1,3\nc,S1,2\n", base), "od.csv line 3", '"origin"', "matches no demand point", 'got "c"');
    expectInputError(() => readCostTable("origin,school,minutes\na,S9,3\n", base), "od.csv line 2", '"school"', "matches no site", 'got "S9"');
  });

  it("says when an unmatched id is the other side's id or the same number written differently", () => {
    expectInputError(() => readCostTable("origin,school,minutes\nS1,a,3\n", base), "it is a site id: are the from and to columns swapped?");
    const options = { ...base, demandIds: ["060816029.00"], siteIds: ["S1"] };
    expectInputError(() => readCostTable("origin,school,minutes\n60816029,S1,3\n", options), 'the demand point "060816029.00" has the same number written differently', 'got "60816029"');
  });

  it("throws InputError naming both lines for a duplicate pair", () => {
    expectInputError(() => readCostTable("origin,school,minutes\na,S1,3\nb,S1,3\na,S1,4\n", base), "od.csv line 4", "duplicates the pair on line 2", '["a","S1"]');
  });

  it("throws InputError with the count and the first missing pairs when pairs are missing", () => {
    const options = { ...base, demandIds: ["a", "b", "c"], siteIds: ["S1", "S2", "S3"] };
    const error = expectInputError(
      () => readCostTable("origin,school,minutes\na,S1,3\nb,S2,1\n", options),
      "od.csv",
      "7 of 9 pairs (demand point, site) are missing",
      '("a", "S2"), ("a", "S3"), ("b", "S1"), ("b", "S3"), ("c", "S1"), ...',
      'missing: "notAllowed"',
    );
    expect(error.location.source).toBe("od.csv");
  });

  it('returns a sparse matrix where absent pairs are not allowed with missing: "notAllowed"', () => {
    const matrix = readCostTable("origin,school,minutes\na,S2,3\nb,S1,1\nb,S2,2\n", { ...base, missing: "notAllowed" });
    expect(matrix.kind).toBe("sparse");
    expect([costOf(matrix, 0, 0), costOf(matrix, 0, 1), costOf(matrix, 1, 0), costOf(matrix, 1, 1)]).toEqual([Infinity, 3, 1, 2]);
    expect(readCostTable(complete, { ...base, missing: "notAllowed" }).kind).toBe("dense");
  });

  it("throws InputError for malformed CSV, duplicate ids in the options and a bad missing option", () => {
    expectInputError(() => readCostTable("origin,school,minutes\na,S1\n", base), "od.csv", "is not valid CSV", "line 2");
    expectInputError(() => readCostTable(complete, { ...base, siteIds: ["S1", "S1"] }), '"siteIds[1]"', "duplicates siteIds[0]");
    expectInputError(() => readCostTable(complete, { ...base, missing: "zero" as never }), '"missing"', '"zero"');
    expectInputError(() => readCostTable(complete, { ...base, unit: "furlongs" as never }), '"unit"', '"furlongs"');
  });
});
