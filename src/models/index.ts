// Filled by the models work: named exports only.
export {};
