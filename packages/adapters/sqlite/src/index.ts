/** @orderflow/sqlite */
export {};
