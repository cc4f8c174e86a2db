/**
 * The OR-Library instances the harness runs and their published optima (from ../shared/benchmarks/README.md:
 * Beasley 1990 for pmed; the files' own first lines for pmedcap; Beasley 1988 and later papers for cap).
 */
import { fileURLToPath } from "node:url";

/** Where the benchmark files are. */
export const BENCHMARK_DIR = fileURLToPath(new URL("../../shared/benchmarks/orlib", import.meta.url));

const PMED = [
  5819, 4093, 4250, 3034, 1355, 7824, 5631, 4445, 2734, 1255, 7696, 6634, 4374, 2968, 1729, 8162, 6999, 4809, 2845, 1789, 9138, 8579, 4619, 2961,
  1828, 9917, 8307, 4498, 3033, 1989, 10086, 9297, 4700, 3013, 10400, 9934, 5057, 11060, 9423, 5128,
];

const CAP: Record<string, number> = {
  cap41: 1040444.375, cap42: 1098000.45, cap43: 1153000.45, cap44: 1235500.45, cap51: 1025208.225, cap61: 932615.75, cap62: 977799.4,
  cap63: 1014062.05, cap64: 1045650.25, cap71: 932615.75, cap72: 977799.4, cap73: 1010641.45, cap74: 1034976.975, cap81: 838499.288,
  cap82: 910889.563, cap83: 975889.563, cap84: 1069369.525, cap91: 796648.438, cap92: 855733.5, cap93: 896617.538, cap94: 946051.325,
  cap101: 796648.437, cap102: 854704.2, cap103: 893782.112, cap104: 928941.75, cap111: 826124.713, cap112: 901377.213, cap113: 970567.75,
  cap114: 1063356.488, cap121: 793439.563, cap122: 852524.625, cap123: 895302.325, cap124: 946051.325, cap131: 793439.562, cap132: 851495.325,
  cap133: 893076.712, cap134: 928941.75, "capa-8000": 19240822.449, "capa-10000": 18438046.543, "capa-12000": 17765201.949,
  "capa-14000": 17160439.012, "capb-5000": 13656379.578, "capb-6000": 13361927.449, "capb-7000": 13198556.434, "capb-8000": 13082516.496,
  "capc-5000": 11646596.974, "capc-5750": 11570340.289, "capc-6500": 11518743.744, "capc-7250": 11505767.394,
};

/** The instance names of a set, in the literature's order (capa/b/c once per capacity, e.g. `capa-8000`). */
export function instanceNames(set: string): string[] {
  if (set === "pmed") return PMED.map((_, k) => `pmed${k + 1}`);
  if (set === "pmedcap") return Array.from({ length: 20 }, (_, k) => `pmedcap${String(k + 1).padStart(2, "0")}`);
  return Object.keys(CAP);
}

/** The published optimum of an instance, or null when the harness reads it from the file (pmedcap). */
export function publishedOptimum(name: string): number | null {
  const pmed = /^pmed(\d+)$/.exec(name);
  if (pmed !== null) return PMED[Number(pmed[1]) - 1] ?? null;
  return CAP[name] ?? null;
}

/** The capacity of a capa/capb/capc instance name (e.g. 8000 for `capa-8000`), or undefined. */
export function capacityOf(name: string): number | undefined {
  const match = /^cap[abc]-(\d+)$/.exec(name);
  return match === null ? undefined : Number(match[1]);
}
