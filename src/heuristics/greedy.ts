/**
 * The greedy (add) construction for median problems: open the site that lowers the objective most, p times.
 *
 * Reference: Kuehn, A. A. & Hamburger, M. J. (1963), "A heuristic program for locating warehouses", Management
 * Science 9(4):643–666.
 * @module
 */
import type { SiteLists } from "./siteLists.ts";

/**
 * Opens `p` sites greedily: the `required` ones first, then one at a time the site that serves the most demand
 * points not yet served (in sparse lists) and, among those, lowers the weighted cost most.
 * @param lists - the sorted lists
 * @param p - sites to open in all (≥ the required ones)
 * @param required - sites that open first
 * @param insertable - length m: 1 where a site may open
 * @returns the open sites, in the order opened (fewer than p when no site allowed to open is left)
 */
export function greedyOpenSites(lists: SiteLists, p: number, required: readonly number[], insertable: Uint8Array): number[] {
  const { siteStarts, siteDemand, siteCosts, demandCount, siteCount } = lists;
  const nearest = new Float64Array(demandCount).fill(Infinity);
  const open = new Uint8Array(siteCount);
  const chosen: number[] = [];
  const openSite = (j: number): void => {
    open[j] = 1;
    chosen.push(j);
    for (let k = siteStarts[j]!; k < siteStarts[j + 1]!; k++) {
      const u = siteDemand[k]!;
      if (siteCosts[k]! < nearest[u]!) nearest[u] = siteCosts[k]!;
    }
  };
  for (const j of required) openSite(j);
  while (chosen.length < p) {
    let best = -1;
    let bestCovered = -1;
    let bestSaving = -Infinity;
    for (let j = 0; j < siteCount; j++) {
      if (open[j] === 1 || insertable[j] !== 1) continue;
      let covered = 0;
      let saving = 0;
      for (let k = siteStarts[j]!; k < siteStarts[j + 1]!; k++) {
        const current = nearest[siteDemand[k]!]!;
        const cost = siteCosts[k]!;
        if (current === Infinity) {
          covered++;
          saving -= cost;
        } else if (cost < current) saving += current - cost;
      }
      if (covered > bestCovered || (covered === bestCovered && saving > bestSaving)) {
        best = j;
        bestCovered = covered;
        bestSaving = saving;
      }
    }
    if (best < 0) break;
    openSite(best);
  }
  return chosen;
}
