/**
 * Location heuristics on flat typed arrays (no LP): sorted neighbour lists, greedy construction, fast
 * interchange and variable neighbourhood search.
 * @module
 */
export { buildSiteLists, type SiteLists } from "./siteLists.ts";
export { greedyOpenSites } from "./greedy.ts";
export { SwapState, type Swap } from "./swapState.ts";
export { searchMedian, type MedianSearchOptions, type MedianSearchResult } from "./medianSearch.ts";
