/** @orderflow/postgres */
export {};
