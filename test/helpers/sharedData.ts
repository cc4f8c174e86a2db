/**
 * `describe` for tests on data under ../shared: without the data the block is skipped with a message naming the
 * folder, unless `process.env.CI === "true"`, where it runs and fails on the missing files (the project's rule).
 */
import { describe } from "vitest";

/**
 * @param name - the block's name
 * @param available - whether the data is there
 * @param what - what the data is, for the message (e.g. `"the San Francisco data"`)
 * @param folder - where it should be
 * @param body - the tests
 */
export function describeWithSharedData(name: string, available: boolean, what: string, folder: string, body: () => void): void {
  if (available || process.env["CI"] === "true") {
    describe(name, body);
    return;
  }
  const message = `skipped: ${what} is absent (${folder})`;
  console.warn(`${name}: ${message}`);
  describe.skip(`${name} (${message})`, body);
}
