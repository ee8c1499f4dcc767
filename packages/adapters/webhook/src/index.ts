/** @orderflow/webhook */
export {};
