import { describe, expect, it } from "vitest";
import {
  InputError,
  createProblem,
  denseCostMatrix,
  solve,
  solveMaxCoverage,
  solvePMedian,
  solveSetCover,
  type ModelSpec,
} from "../../src/index.ts";

const problem = createProblem({
  demand: [{ id: "a", weight: 10 }, { id: "b", weight: 5 }, { id: "c", weight: 8 }],
  sites: [{ id: "s1" }, { id: "s2" }, { id: "s3", forbidden: true }],
  costs: denseCostMatrix([0, 4, 6, 4, 0, 3, 6, 3, 0], 3, 3, "kilometres"),
});

async function thrown(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("bad model options throw InputError naming the option and the value", () => {
  const pModels = ["p-median", "p-center", "max-coverage", "capacitated-p-median"] as const;

  it.each(pModels)("%s throws naming p when p = 0, 2.5, 4 (> m = 3), -1 or NaN", async (model) => {
    for (const p of [0, 2.5, 4, -1, Number.NaN]) {
      const error = await thrown(solve(problem, { model, p, ...(model === "max-coverage" ? { radius: 3 } : {}) } as ModelSpec));
      expect(error.location.field).toBe("p");
      expect(error.message).toContain(`got ${p}`);
      expect(error.message).toContain("from 1 to the number of sites (3)");
    }
  });

  it("every model throws naming an option it does not read (a misspelt or misplaced option)", async () => {
    const misplaced = await thrown(solve(problem, { model: "p-median", p: 2, radius: 3 } as ModelSpec));
    expect(misplaced.message).toContain('"radius"');
    expect(misplaced.message).toContain("is not an option of p-median");
    const misspelt = await thrown(solvePMedian(problem, { p: 2, timelimit: 5 } as { p: number }));
    expect(misspelt.message).toContain('"timelimit"');
    const backend = await thrown(solve(problem, { model: "set-cover", radius: 3 }, { timeLimit: 5 } as object));
    expect(backend.message).toContain('"timeLimit"');
  });

  it("solvePMedian throws naming p when p is missing", async () => {
    const error = await thrown(solvePMedian(problem, {} as { p: number }));
    expect(error.message).toContain('"p"');
  });

  it.each(["max-coverage", "set-cover"] as const)("%s throws naming the radius when it is negative, infinite or NaN", async (model) => {
    for (const radius of [-1, Infinity, Number.NaN]) {
      const error = await thrown(solve(problem, { model, radius, ...(model === "max-coverage" ? { p: 1 } : {}) } as ModelSpec));
      expect(error.location.field).toBe("radius");
      expect(error.message).toContain(`got ${radius}`);
    }
  });

  it("every model throws naming an unknown required site id and its position", async () => {
    const specs: ModelSpec[] = [
      { model: "p-median", p: 1, required: ["s1", "nowhere"] },
      { model: "p-center", p: 1, required: ["nowhere"] },
      { model: "max-coverage", p: 1, radius: 3, forbidden: ["nowhere"] },
      { model: "set-cover", radius: 3, required: ["nowhere"] },
      { model: "capacitated-p-median", p: 1, required: ["nowhere"] },
      { model: "fixed-charge", forbidden: ["nowhere"] },
    ];
    for (const spec of specs) {
      const error = await thrown(solve(problem, spec));
      expect(error.message).toContain('"nowhere"');
      expect(error.message).toContain("names no site");
    }
    const error = await thrown(solvePMedian(problem, { p: 1, required: ["s1", "nowhere"] }));
    expect(error.location).toMatchObject({ source: "options", field: "required", index: 1, value: "nowhere" });
  });

  it("throws naming the site when it is both required and forbidden, by ids or by flag and id", async () => {
    const byIds = await thrown(solvePMedian(problem, { p: 2, required: ["s2"], forbidden: ["s2"] }));
    expect(byIds.message).toContain('"s2"');
    expect(byIds.message).toContain("both required and forbidden");
    const byFlag = await thrown(solveSetCover(problem, { radius: 5, required: ["s3"] }));
    expect(byFlag.message).toContain('(id "s3")');
  });

  it("throws when required is not an array of ids", async () => {
    const error = await thrown(solveMaxCoverage(problem, { p: 1, radius: 3, required: "s1" as unknown as string[] }));
    expect(error.location.field).toBe("required");
  });

  it("solve throws naming the model when it is unknown", async () => {
    const error = await thrown(solve(problem, { model: "p-medoid" } as unknown as ModelSpec));
    expect(error.location.field).toBe("model");
    expect(error.message).toContain('"p-medoid"');
  });

  it("fixed-charge throws when singleSource is not a boolean", async () => {
    const error = await thrown(solve(problem, { model: "fixed-charge", singleSource: "yes" as unknown as boolean }));
    expect(error.location.field).toBe("singleSource");
  });

  it("throws on a bad backend name before solving", async () => {
    const error = await thrown(solvePMedian(problem, { p: 1, solver: "cplex" as "highs" }));
    expect(error.location.field).toBe("solver");
  });
});
