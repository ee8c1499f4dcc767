/** @orderflow/esign-http */
export {};
