/**
 * Node-only helper: {@link travelTimeMatrixParallel} splits the sites of a travel-time matrix over worker threads
 * (`node:worker_threads`). Not part of the browser-safe core: import it from this file, not from the barrel.
 * @module
 */
import { availableParallelism } from "node:os";
import { workerEntryUrl } from "../../runtime/typeScriptWorker.node.ts";
import { Worker } from "node:worker_threads";
import { InputError } from "../../errors.ts";
import type { RoadNetwork } from "../network/roadNetwork.ts";
import type { SegmentMinutes } from "../network/travelMode.ts";
import { PairAccumulator, type ColumnBlock } from "./pairs.ts";
import {
  finishTravelTimeMatrix,
  prepareTravelTimes,
  SITES_PER_BLOCK,
  type TravelTimeMatrix,
  type TravelTimeMatrixOptions,
} from "./travelTimeMatrix.ts";

/** Options of {@link travelTimeMatrixParallel}: those of `travelTimeMatrix` and the thread count. */
export interface ParallelTravelTimeOptions extends TravelTimeMatrixOptions {
  /** Worker threads, a whole number ≥ 1; default: the available parallelism (CPU count). */
  readonly threads?: number;
  /** Sites per task handed to a worker, a whole number ≥ 1; default 64 (smaller balances better, larger costs fewer messages and more memory). */
  readonly sitesPerTask?: number;
}

const WORKER_ENTRY = new URL(
  import.meta.url.endsWith(".ts") ? "./travelTimeWorker.node.ts" : "./travelTimeWorker.node.js",
  import.meta.url,
);

/** Starts a worker on the travel-time entry (through tsx when running from TypeScript source). */
function startWorker(workerData: unknown): Worker {
  return new Worker(workerEntryUrl(WORKER_ENTRY), { workerData });
}

function checkWhole(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new InputError({ source: "options", field, value }, "must be a whole number ≥ 1");
  }
  return value;
}

/**
 * The same result as `travelTimeMatrix` (same times, pairs, snapping, reports and basis), computed with the sites
 * split over worker threads: the points are snapped once here, each worker builds its own search buffers and
 * runs the reverse searches (Dijkstra 1959) of the sites it is given, and the columns are merged in site order.
 * Node only (worker threads); in browsers and Deno use `travelTimeMatrix`.
 * @param network - the road network
 * @param minutes - minutes per segment and direction for one travel mode
 * @param origins - demand points, flat [longitude, latitude, ...] in WGS-84 degrees
 * @param destinations - sites, flat [longitude, latitude, ...]
 * @param options - as `travelTimeMatrix`, plus `threads` and `sitesPerTask`; `onProgress` is called per finished task
 * @returns a promise of the {@link TravelTimeMatrix}
 * @throws InputError as `travelTimeMatrix`, or on a bad `threads` / `sitesPerTask`; rejects if a worker fails
 */
export async function travelTimeMatrixParallel(
  network: RoadNetwork,
  minutes: SegmentMinutes,
  origins: ArrayLike<number>,
  destinations: ArrayLike<number>,
  options: ParallelTravelTimeOptions = {},
): Promise<TravelTimeMatrix> {
  const threads = checkWhole("threads", options.threads, availableParallelism());
  const sitesPerTask = checkWhole("sitesPerTask", options.sitesPerTask, SITES_PER_BLOCK);
  const prepared = prepareTravelTimes(network, minutes, origins, destinations, options);
  const m = prepared.destinations.snapping.count;
  const tasks: [number, number][] = [];
  for (let first = 0; first < m; first += sitesPerTask) tasks.push([first, Math.min(m, first + sitesPerTask)]);
  const accumulator = new PairAccumulator(prepared.origins.snapping.count, m, prepared.keepMetres);
  const shared = {
    setup: prepared.setup,
    minutes,
    origins: prepared.origins,
    destinations: prepared.destinations,
    keepMetres: prepared.keepMetres,
  };
  let done = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(threads, tasks.length) }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = startWorker(shared);
          workers.push(worker);
          const giveTask = (): void => {
            const task = tasks.shift();
            if (task === undefined) resolve();
            else worker.postMessage(task);
          };
          worker.on("message", (block: ColumnBlock) => {
            accumulator.add(block);
            done += block.last - block.first;
            options.onProgress?.(done, m);
            giveTask();
          });
          worker.on("error", reject);
          worker.on("exit", (code) => code !== 0 && reject(new Error(`travel-time worker stopped with exit code ${code}`)));
          giveTask();
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return finishTravelTimeMatrix(prepared, accumulator);
}
