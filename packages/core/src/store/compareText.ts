/** Code-unit string order, the same as SQL `COLLATE "C"` for ASCII ids. */

/** Compares two strings by code units (not by locale), for stable tie-breaking on ids. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
