/**
 * School-age population: census ages, births, scenarios, the cohort projection, enrolment per level, and the
 * split of a county's children over its settlements.
 * @module
 */
export * from "./allocate.ts";
export * from "./births.ts";
export * from "./census.ts";
export * from "./enrolment.ts";
export * from "./migration.ts";
export * from "./project.ts";
export * from "./projectCounty.ts";
export * from "./scenarios.ts";
export * from "./settlements.ts";
export * from "./singleYears.ts";
export * from "./survival.ts";
