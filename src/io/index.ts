// Filled by the io work: named exports only.
export {};
