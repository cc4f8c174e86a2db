import { describe, expect, it } from "vitest";
import { CHINA_NORMS, InputError, LEVELS, SYNTHETIC_LEVELS, withNormOverrides, type Norm } from "../../src/index.ts";

function allNorms(value: unknown, path = ""): [string, Norm<unknown>][] {
  if (typeof value === "object" && value !== null && "tag" in value && "source" in value) return [[path, value as Norm<unknown>]];
  return Object.entries(value as object).flatMap(([key, inner]) => allNorms(inner, path === "" ? key : `${path}.${key}`));
}

describe("CHINA_NORMS", () => {
  it("gives every value a source and a verification tag", () => {
    const norms = allNorms(CHINA_NORMS);
    expect(norms.length).toBeGreaterThan(20);
    for (const [path, entry] of norms) {
      expect(entry.source.length, path).toBeGreaterThan(5);
      expect(["V", "V2", "M", "assumption"], path).toContain(entry.tag);
    }
  });

  it("holds the norms of domain.md: class sizes 45/50, grades 1–3 within 30 minutes and not boarding, schools ≤ 2000/2500", () => {
    expect(CHINA_NORMS.classSize.primary1to3.value).toBe(45);
    expect(CHINA_NORMS.classSize.junior.value).toBe(50);
    expect(CHINA_NORMS.dayTravelLimitMinutes.primary1to3.value).toBe(30);
    expect(CHINA_NORMS.boardingFromGrade.value).toBe(4);
    expect(CHINA_NORMS.maxSchoolSize.primary.value).toBe(2000);
    expect(CHINA_NORMS.maxSchoolSize.nineYear.value).toBe(2500);
    expect(CHINA_NORMS.smallSchoolPupils.value).toBe(100);
    expect(CHINA_NORMS.schoolBusSpeedKmPerHour.other.value).toBe(60);
  });

  it("covers every level, and the synthetic generator uses the same level ids", () => {
    for (const level of LEVELS) {
      expect(CHINA_NORMS.classSize[level]).toBeDefined();
      expect(CHINA_NORMS.dayTravelLimitMinutes[level]).toBeDefined();
    }
    expect(SYNTHETIC_LEVELS).toEqual(LEVELS);
  });
});

describe("withNormOverrides", () => {
  it("replaces the given values, tagged override with their source, and leaves the base unchanged", () => {
    const norms = withNormOverrides(CHINA_NORMS, { boardingFromGrade: 5, dayTravelLimitMinutes: { primary4to6: 40 } }, "county rules");
    expect(norms.boardingFromGrade).toEqual({ value: 5, source: "county rules", tag: "override" });
    expect(norms.dayTravelLimitMinutes.primary4to6).toEqual({ value: 40, source: "county rules", tag: "override" });
    expect(norms.dayTravelLimitMinutes.primary1to3).toBe(CHINA_NORMS.dayTravelLimitMinutes.primary1to3);
    expect(CHINA_NORMS.boardingFromGrade.value).toBe(4);
    expect(withNormOverrides(CHINA_NORMS, { dayTravelLimitMinutes: { primary1to3: null } }).dayTravelLimitMinutes.primary1to3.value).toBeNull();
  });

  it("throws naming the path and the value for an unknown norm or a bad value", () => {
    const cases: [object, RegExp][] = [
      [{ boardingGrade: 5 }, /"boardingGrade".*is not a norm/],
      [{ classSize: { primary: 40 } }, /"classSize\.primary".*is not a norm/],
      [{ classSize: { junior: 45.5 } }, /"classSize\.junior".*whole number.*45\.5/],
      [{ boardingFromGrade: 13 }, /"boardingFromGrade".*1 to 12/],
      [{ boardingFromGrade: null }, /"boardingFromGrade".*whole number/],
      [{ dayTravelLimitMinutes: { junior: -5 } }, /"dayTravelLimitMinutes\.junior".*-5/],
      [{ classSize: 45 }, /"classSize".*object/],
    ];
    for (const [overrides, message] of cases) {
      expect(() => withNormOverrides(CHINA_NORMS, overrides as never, "rules.json")).toThrow(InputError);
      expect(() => withNormOverrides(CHINA_NORMS, overrides as never, "rules.json")).toThrow(message);
    }
  });
});
