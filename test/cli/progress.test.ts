import { describe, expect, it } from "vitest";
import { formatProgress } from "../../src/cli/progress.ts";

describe("formatProgress", () => {
  const report = { elapsedSeconds: 12.34, objective: 29_394_718.4, bound: 29_032_950, gap: 0.012307, nodes: 3 };

  it("shows best and bound with the objective's unit and thousands separators when a unit is given", () => {
    expect(formatProgress(report, "yuan/yr")).toBe("12.3 s  best 29,394,718 yuan/yr  bound 29,032,950 yuan/yr  gap 1.23 %");
    expect(formatProgress({ ...report, objective: 3.5450002, bound: null, gap: null }, "min")).toBe("12.3 s  best 3.545 min  bound –  gap –");
  });

  it("keeps the plain figures of the solve command when no unit is given", () => {
    expect(formatProgress(report)).toBe("12.3 s  best 29394718  bound 29032950  gap 1.23 %");
  });
});
