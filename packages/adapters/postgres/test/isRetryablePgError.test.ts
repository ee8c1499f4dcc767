import { isRetryablePgError } from '@orderflow/postgres';
import { describe, expect, it } from 'vitest';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isRetryablePgError', () => {
  it.each([
    ['a serialization failure', withCode('40001')],
    ['a deadlock', withCode('40P01')],
    ['a statement timeout', withCode('57014')],
    ['a server shutting down', withCode('57P01')],
    ['too many connections', withCode('53300')],
    ['a connection exception', withCode('08006')],
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a client read timeout', new Error('Query read timeout')],
  ])('calls %s retryable', (_, error) => {
    expect(isRetryablePgError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['a missing database', withCode('3D000')],
    ['invalid JSON', withCode('22P02')],
    ['a plain error', new Error('something else')],
    ['a string', 'nope'],
    ['undefined', undefined],
  ])('calls %s not retryable', (_, error) => {
    expect(isRetryablePgError(error)).toBe(false);
  });
});
