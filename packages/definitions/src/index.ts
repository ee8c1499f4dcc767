/** @orderflow/definitions — the definition language. */
export const placeholder = 1;
