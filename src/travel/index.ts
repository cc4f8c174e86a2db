// Filled by the travel work: named exports only.
export {};
