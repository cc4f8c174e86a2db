// Filled by the metrics work: named exports only.
export {};
