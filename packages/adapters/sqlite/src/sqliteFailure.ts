/** Turns whatever better-sqlite3 throws into a `StoreFailed` value, marking what a retry may fix. */
import { type StoreFailed, storeFailed } from '@orderflow/core';

/**
 * SQLite result codes a retry may fix: another connection holds the write lock
 * (`SQLITE_BUSY*`, after the busy timeout ran out) or a table lock (`SQLITE_LOCKED*`).
 */
const retryableCodes = /^SQLITE_(BUSY|LOCKED)/;

/** The SQLite result code (`SQLITE_CONSTRAINT_UNIQUE`, …) of an error better-sqlite3 threw, if any. */
export const sqliteCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** Maps an error thrown by better-sqlite3 during `operation` to a {@link StoreFailed}. */
export const sqliteFailure = (operation: string, error: unknown): StoreFailed => {
  const code = sqliteCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return storeFailed(
    operation,
    code === undefined ? message : `${code}: ${message}`,
    code !== undefined && retryableCodes.test(code),
    error,
  );
};
