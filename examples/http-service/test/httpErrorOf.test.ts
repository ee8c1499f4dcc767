import type { EngineError } from '@orderflow/core';
import { describe, expect, it } from 'vitest';
import { httpErrorOf, type ServiceError } from '../src/httpErrorOf.js';

const cases: readonly [ServiceError, number][] = [
  [{ _tag: 'CommandInvalid', command: 'approve', problems: [{ path: 'step', message: 'x' }] }, 400],
  [{ _tag: 'MalformedJson', message: 'Unexpected end of JSON input' }, 400],
  [{ _tag: 'RequestInvalid', problems: [{ path: 'query.limit', message: 'x' }] }, 400],
  [{ _tag: 'Unauthenticated', header: 'X-Actor-Id' }, 401],
  [
    {
      _tag: 'Forbidden',
      orderId: 'o',
      command: 'approve',
      actorId: 'a',
      requiredRoles: ['riskOfficer'],
      reason: 'role',
    },
    403,
  ],
  [
    {
      _tag: 'GuardFailed',
      orderId: 'o',
      command: 'verifyEntry',
      rule: 'segregation-of-duties',
      message: 'the maker may not verify',
      facts: { makerId: 'mk-1' },
    },
    403,
  ],
  [{ _tag: 'RoleNotHeld', actorId: 'a', role: 'riskOfficer' }, 403],
  [{ _tag: 'OrderNotFound', orderId: 'o' }, 404],
  [{ _tag: 'DefinitionNotFound', definitionKey: 'x@1' }, 404],
  [{ _tag: 'RouteNotFound', method: 'GET', path: '/x' }, 404],
  [
    { _tag: 'CommandNotAllowed', orderId: 'o', command: 'approve', state: 'needs', allowed: [] },
    409,
  ],
  [{ _tag: 'VersionConflict', orderId: 'o', expectedVersion: 2, actualVersion: 3 }, 409],
  [{ _tag: 'PayloadTooLarge', maxBytes: 1024 }, 413],
  [{ _tag: 'StoreFailed', operation: 'load', message: 'ECONNREFUSED', retryable: true }, 503],
  [{ _tag: 'StoreFailed', operation: 'load', message: 'syntax error', retryable: false }, 500],
  [{ _tag: 'StoredDataInvalid', orderId: 'o', what: 'context', message: 'bad' }, 500],
  [{ _tag: 'AdapterFailed', adapter: 'signer', message: 'down', retryable: true }, 502],
];

describe('httpErrorOf', () => {
  it.each(cases)('answers %o with status %i', (error, status) => {
    const answer = httpErrorOf(error);
    expect(answer.status).toBe(status);
    expect(answer.body.error.tag).toBe(error._tag);
    expect(answer.body.error.message.length).toBeGreaterThan(0);
  });

  it('carries a guard refusal’s rule id and facts in the body', () => {
    const refusal: EngineError = {
      _tag: 'GuardFailed',
      orderId: 'o-1',
      command: 'verifyEntry',
      rule: 'segregation-of-duties',
      message: 'the maker may not verify their own entry',
      facts: { makerId: 'mk-1', checkerId: 'mk-1' },
    };
    expect(httpErrorOf(refusal).body).toEqual({
      error: {
        tag: 'GuardFailed',
        message: 'the maker may not verify their own entry',
        orderId: 'o-1',
        command: 'verifyEntry',
        rule: 'segregation-of-duties',
        facts: { makerId: 'mk-1', checkerId: 'mk-1' },
      },
    });
  });

  it('asks for a retry only on a retryable store failure, and keeps the cause out of the body', () => {
    const retryable = httpErrorOf({
      _tag: 'StoreFailed',
      operation: 'load',
      message: 'connection refused',
      retryable: true,
      cause: new Error('connect ECONNREFUSED 10.0.0.5:5432 user=app password=secret'),
    });
    expect(retryable.headers).toEqual({ 'Retry-After': '1' });
    expect(JSON.stringify(retryable.body)).not.toContain('secret');
    expect(retryable.body.error).toEqual({
      tag: 'StoreFailed',
      message: 'connection refused',
      operation: 'load',
      retryable: true,
    });
    const final = httpErrorOf({
      _tag: 'StoreFailed',
      operation: 'commit',
      message: 'x',
      retryable: false,
    });
    expect(final.headers).toEqual({});
  });

  it('lists the commands allowed now in the message of a CommandNotAllowed', () => {
    const answer = httpErrorOf({
      _tag: 'CommandNotAllowed',
      orderId: 'o',
      command: 'approve',
      state: 'needs',
      allowed: ['confirmNeeds', 'cancel'],
    });
    expect(answer.body.error.message).toBe(
      'approve is not accepted in needs; allowed now: confirmNeeds, cancel',
    );
    expect(answer.body.error.allowed).toEqual(['confirmNeeds', 'cancel']);
  });
});
