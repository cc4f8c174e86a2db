import { describe, expect, it } from "vitest";
import { createCountProgress, formatProgress } from "../../src/cli/progress.ts";

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

describe("createCountProgress", () => {
  const sink = (isTTY: boolean) => {
    const lines: string[] = [];
    return { lines, sink: { isTTY, write: (text: string) => void lines.push(text) } };
  };

  it("stays silent for the first second, then shows done / total at most once a second, and the last step", () => {
    let now = 100;
    const { lines, sink: out } = sink(false);
    const progress = createCountProgress(out, "travel: searches", () => now);
    progress.update(1, 300);
    now = 100.5;
    progress.update(100, 300);
    expect(lines).toEqual([]);
    now = 101.2;
    progress.update(120, 300);
    now = 101.5;
    progress.update(150, 300);
    now = 101.6;
    progress.update(300, 300);
    progress.finish();
    expect(lines).toEqual(["travel: searches: 120 / 300 (40 %), 1.2 s\n", "travel: searches: 300 / 300 (100 %), 1.6 s\n"]);
  });

  it("redraws in place on a terminal and ends the line at finish", () => {
    let now = 0;
    const { lines, sink: out } = sink(true);
    const progress = createCountProgress(out, "n", () => now);
    now = 2;
    progress.update(1234, 5000);
    progress.finish();
    expect(lines).toEqual(["\rn: 1,234 / 5,000 (24 %), 2.0 s\u001b[K", "\n"]);
  });
});
