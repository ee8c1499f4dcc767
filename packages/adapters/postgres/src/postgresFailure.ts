/** Turns whatever `pg` throws or rejects with into a `StoreFailed` value, marking what a retry may fix. */
import { type StoreFailed, storeFailed } from '@orderflow/core';

/**
 * SQLSTATEs a retry may fix: connection exceptions (class 08), serialization failure and
 * deadlock, lock and statement timeouts, server shutdown or start-up, too many connections.
 */
const retryableSqlStates = /^(08|40001|40P01|55P03|57014|57P0[1-3]|53300|53400)/;

/** Socket errors: the server is not there, went away, or the network is down. */
const retryableNodeCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What `pg` and `pg-pool` say when a connection is lost or never made within the timeout. */
const retryableMessages =
  /timeout exceeded when trying to connect|Connection terminated|timeout expired|Query read timeout|not queryable|Connection lost|socket hang up/i;

/** Whether a `pg` error is one that trying again may fix. */
export const isRetryablePgError = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined && (retryableSqlStates.test(code) || retryableNodeCodes.has(code))) {
    return true;
  }
  if (error instanceof AggregateError) return error.errors.some(isRetryablePgError);
  return error instanceof Error && retryableMessages.test(error.message);
};

/** Maps an error from `pg` during `operation` to a {@link StoreFailed}. */
export const postgresFailure = (operation: string, error: unknown): StoreFailed => {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined;
  const text =
    error instanceof AggregateError && error.message === ''
      ? error.errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
  return storeFailed(
    operation,
    code === undefined ? text : `${code}: ${text}`,
    isRetryablePgError(error),
    error,
  );
};
