/** @orderflow/smtp */
export {};
