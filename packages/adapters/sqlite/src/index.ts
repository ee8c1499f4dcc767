/**
 * @orderflow/sqlite — the `OrderStore` on better-sqlite3: the embedded default. A file
 * path in, nothing else to install.
 */
export type { SqliteSettings, SqliteStore, SqliteStoreOptions } from './createSqliteStore.js';
export { createSqliteStore } from './createSqliteStore.js';
export { SQLITE_SCHEMA_VERSION } from './sqliteSchema.js';
