/**
 * Node-only worker of `travelTimeMatrixParallel`: receives the prepared routing data once (workerData), then
 * tasks `[first, last]` of sites, and answers each with the column block of those sites.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import type { SegmentMinutes } from "../network/travelMode.ts";
import type { PlacedPoints, RoutingSetup } from "./context.ts";
import { BlockScratch } from "./pairs.ts";
import { computeColumnBlock } from "./travelTimeMatrix.ts";

const data = workerData as {
  readonly setup: RoutingSetup;
  readonly minutes: SegmentMinutes;
  readonly origins: PlacedPoints;
  readonly destinations: PlacedPoints;
  readonly keepMetres: boolean;
};

const scratch = new BlockScratch();

parentPort!.on("message", ([first, last]: [number, number]) => {
  const block = computeColumnBlock(data.setup, data.minutes, data.origins, data.destinations, first, last, data.keepMetres, scratch);
  parentPort!.postMessage(block, [block.columnStarts, block.origins, block.minutes, block.metres].map((array) => array.buffer as ArrayBuffer));
});
