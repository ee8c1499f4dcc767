/**
 * @orderflow/postgres — the `OrderStore` on PostgreSQL (`pg`): safe for many processes and
 * machines sharing one database.
 */
export type { PostgresStore, PostgresStoreOptions } from './createPostgresStore.js';
export { createPostgresStore } from './createPostgresStore.js';
export { isRetryablePgError } from './postgresFailure.js';
export { POSTGRES_SCHEMA_VERSION } from './postgresSchema.js';
