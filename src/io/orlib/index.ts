/**
 * Readers of the OR-Library's facility location benchmark files.
 * @module
 */
export { readORLibraryPMedian, type ORLibraryPMedian } from "./pMedianFile.ts";
export { readORLibraryCapacitatedPMedian, type ORLibraryCapacitatedPMedian } from "./capacitatedPMedianFile.ts";
export { readORLibraryFacilityLocation, type ORLibraryFacilityLocation, type ORLibraryFacilityLocationOptions } from "./facilityLocationFile.ts";
