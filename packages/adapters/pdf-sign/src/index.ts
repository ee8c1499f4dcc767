/** @orderflow/pdf-sign */
export {};
